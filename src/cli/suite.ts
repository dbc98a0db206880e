/**
 * `drift-inspect suite`: runs a drift-suite.json headless, for CI. Exit 0 when no finding reaches --fail-on,
 * 1 when one does (the gate failed), 2 when the suite file is invalid, names a missing file, or a comparison
 * could not run.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runComparison } from '../core/suite/run';
import { READER_SCRIPT } from './readerScript';
import { atLeast, expandSuite, parseSuiteFile, runSuite } from '../core/suite/suiteApi';
import type { SuiteProblem, SuiteReport } from '../core/suite/suiteTypes';
import type { SuiteArgs } from './args';

export interface SuiteOutcome {
  code: number;
  report?: SuiteReport;
  /** Problems with the suite file, one line each: `file:line:column: message`. */
  problems: string[];
}

export async function runSuiteCommand(args: SuiteArgs): Promise<SuiteOutcome> {
  const path = resolve(args.file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { code: 2, problems: [`${path}: cannot read the suite file: ${(err as Error).message}`] };
  }
  const file = parseSuiteFile(path, text);
  if (file.problems.length) return { code: 2, problems: file.problems.map(line) };
  const plan = await expandSuite(file);
  if (plan.problems.length) return { code: 2, problems: plan.problems.map(line) };
  const report = await runSuite(file, plan.tasks, {
    // In-process: the CLI has the whole machine; one pair at a time keeps peak memory to one pair's tables.
    compare: (task, request) => runComparison(task.referencePath, task.currentPath, { ...request, readerScript: READER_SCRIPT }),
    concurrency: 1,
    baseSuite: args.suite,
    baseRead: args.read,
    baseMaxRows: args.maxRows,
  });
  const gate = args.failOn !== 'none' && report.results.some((r) => !r.error && atLeast(r.severity, args.failOn as 'warning' | 'error') && r.severity !== 'none');
  return { code: report.counts.errored > 0 ? 2 : gate ? 1 : 0, report, problems: [] };
}

function line(p: SuiteProblem): string {
  return `${p.location.file}:${p.location.line}:${p.location.column}: ${p.message}`;
}
