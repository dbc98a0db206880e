/**
 * `drift-inspect`: the same comparison as the extension, headless, for CI gates.
 * Exit codes: 0 ran, 1 drift with --fail-on-drift, 2 bad arguments or unreadable input.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { offlineHtml } from '../core/suite/exportHtml';
import type { DriftReport } from '../core/suite/report';
import { runComparison } from '../core/suite/run';
import { READER_SCRIPT } from './readerScript';
import { parseArgs, USAGE, UsageError, type CliArgs, type CompareArgs, type SuiteArgs } from './args';
import { renderJunit } from './junit';
import { runSuiteCommand } from './suite';
import { renderSuiteText } from './suiteText';
import { renderText } from './text';

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`drift-inspect: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'suite') return suite(args);
  try {
    const report = await runComparison(resolve(args.reference), resolve(args.current), {
      maxRows: args.maxRows,
      suite: args.suite,
      read: args.read,
      readerScript: READER_SCRIPT,
    });
    process.stdout.write(render(report, args.format));
    return args.failOnDrift && report.datasetDrift ? 1 : 0;
  } catch (err) {
    process.stderr.write(`drift-inspect: ${(err as Error).message}\n`);
    return 2;
  }
}

async function suite(args: SuiteArgs): Promise<number> {
  const outcome = await runSuiteCommand(args);
  for (const problem of outcome.problems) process.stderr.write(`drift-inspect: ${problem}\n`);
  const report = outcome.report;
  if (report) {
    const out =
      args.format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : args.format === 'junit'
          ? renderJunit(report, args.failOn)
          : args.format === 'html'
            ? offlineHtml(report, webviewScript())
            : `${renderSuiteText(report)}\n`;
    process.stdout.write(out);
    for (const r of report.results) if (r.error) process.stderr.write(`drift-inspect: ${r.name}: ${r.error.message}\n`);
  }
  return outcome.code;
}

/** The panel's own bundle, beside this one in dist/. */
function webviewScript(): string {
  return readFileSync(join(__dirname, 'webview.js'), 'utf8');
}

function render(report: DriftReport, format: CompareArgs['format']): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'text') return `${renderText(report)}\n`;
  return offlineHtml(report, webviewScript());
}

// Piped into `head`: the reader went away, which is not a failure of the comparison.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

// Node exits with 1 on an uncaught error, which a CI gate would read as "drift": any crash (e.g. a panic inside
// the Parquet library, thrown outside every promise) is a failure to read, exit 2.
process.on('uncaughtException', (err) => {
  process.stderr.write(`drift-inspect: unexpected failure: ${err.stack ?? err}\n`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`drift-inspect: unexpected failure: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 2;
  },
);
