/** Command-line arguments of `drift-inspect`, parsed strictly: unknown flags are errors, not ignored. */
import type { ColumnType } from '../core/io/table';
import { parseAssignment, parseColumnType, parseCorrection } from '../core/suite/overrides';
import type { SuiteOptions, TestChoice } from '../core/suite/report';
import { COLUMN_ROLES, TASK_KINDS, type ColumnRoles, type ModelOptions, type TaskKind } from '../core/suite/modelTypes';
import { DETECTOR_IDS, type DetectorId, type OverTimeOptions } from '../core/suite/overTimeTypes';
import type { ParseOptions } from '../core/io/table';

export const USAGE = `Usage: drift-inspect compare <reference> <current> [options]
       drift-inspect suite [drift-suite.json] [options]

compare: compares a current CSV/TSV/Parquet/Arrow/JSON Lines file with a reference one, column by column.
suite:   runs every comparison of a suite file (default ./drift-suite.json); its values override the options below.

Options:
  --format json|text|html     output format (default: text); html: one self-contained offline page (the panel);
                              suite also: junit (JUnit XML, one test case per column)
  --fail-on-drift             compare: exit 1 when the dataset drifted
  --fail-on warning|error     suite: exit 1 when a finding is this severe or more (default error; none: never)
  --max-rows N                sample files with more than N rows (seeded; default 1000000)
  --p-threshold P             p-value tests drift below P (default 0.05)
  --distance-threshold D      distances drift at or above D (default 0.1)
  --drift-share S             dataset drift when this share of columns drifted (default 0.5)
  --test TYPE=TEST[:T]        test (and threshold) for a column type, e.g. numeric=psi:0.2 (repeatable)
  --column NAME=TEST[:T]      test and/or threshold for one column, e.g. age=ks or income=:0.01 (repeatable)
  --correction C              none (default), bonferroni or bh (Benjamini-Hochberg) across columns
  --bins N                    bins for binned measures of numeric columns
  --missing-as-category       count missing values as a category in binned measures
  --column-type NAME=TYPE     force a column's type: numeric, categorical, boolean, datetime, text (repeatable)
  --null-tokens A,B,...       cells read as missing (replaces NA, N/A, null, NULL, NaN, None, nan, n/a)
  --ragged-rows error|skip    rows with the wrong number of fields: fail (default) or skip and count
  --role ROLE=COLUMN          a column's role: target, prediction, score, timestamp, segment or id (repeatable);
                              unset roles are inferred from names (target, label, y, prediction, pred, y_pred, score…)
  --task T                    classification, regression or transcription (default: inferred from the target)
  --no-infer-roles            only the roles given with --role
  --allowed-drop X            relative worsening of a performance metric tolerated (default 0.1 = 10%)
  --bootstrap N               bootstrap replicates for the metrics' intervals (default 200; 0: none)
  --segments N                segments of the segment column analysed, largest first (default 10; 0: none)
  --no-multivariate           skip multivariate drift (domain classifier, MMD)
  --over-time                 drift over time: windows of the current file (by its timestamp column, else rows),
                              each window's drift per column, and streaming change detectors
  --window W                  auto (default), day, week, month or rows (implies --over-time)
  --window-rows N             rows per window for --window rows (default: a tenth of the rows, at least 50)
  --detectors A,B             adwin, ddm, eddm, hddm_a, kswin, page_hinkley (default: all that fit the stream)
  --detector-column NAME      stream this numeric column through the detectors (repeatable; default: the model's
                              error stream, else the 3 columns that moved most)
  -h, --help                  show this help

Exit codes: 0 ran (no drift, or drift without --fail-on-drift / below --fail-on), 1 drift with --fail-on-drift
            (compare) or a finding at --fail-on severity (suite), 2 bad arguments, unreadable input or suite file.`;

export interface CompareArgs {
  command: 'compare';
  reference: string;
  current: string;
  format: 'json' | 'text' | 'html';
  failOnDrift: boolean;
  maxRows: number;
  suite: SuiteOptions;
  read: ParseOptions;
}

export interface SuiteArgs {
  command: 'suite';
  /** The suite file (default drift-suite.json in the working directory). */
  file: string;
  format: 'json' | 'text' | 'html' | 'junit';
  failOn: 'none' | 'warning' | 'error';
  /** Settings under the suite file's own values. */
  maxRows: number;
  suite: SuiteOptions;
  read: ParseOptions;
}

export type CliArgs = CompareArgs | SuiteArgs | { command: 'help' };

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'compare' && command !== 'suite') throw new UsageError(`unknown command "${command}" (expected "compare" or "suite")`);
  const positional: string[] = [];
  let failOn: SuiteArgs['failOn'] = 'error';
  const args: Omit<CompareArgs, 'reference' | 'current' | 'format'> & { format: SuiteArgs['format'] } = {
    command: 'compare',
    format: 'text',
    failOnDrift: false,
    maxRows: 1_000_000,
    suite: {},
    read: {},
  };
  const columnTypes: Record<string, ColumnType> = {};
  const byType: Partial<Record<ColumnType, TestChoice>> = {};
  const byColumn: Record<string, TestChoice> = {};
  const roles: ColumnRoles = {};
  const model: ModelOptions = {};
  let overTime: OverTimeOptions | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--format': {
        const f = value();
        const formats = command === 'suite' ? ['json', 'text', 'html', 'junit'] : ['json', 'text', 'html'];
        if (!formats.includes(f)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}, not "${f}"`);
        args.format = f as SuiteArgs['format'];
        break;
      }
      case '--fail-on-drift':
        if (command !== 'compare') throw new UsageError('--fail-on-drift is for compare; suite takes --fail-on warning|error');
        args.failOnDrift = true;
        break;
      case '--fail-on': {
        const level = value();
        if (command !== 'suite') throw new UsageError('--fail-on is for suite; compare takes --fail-on-drift');
        if (level !== 'none' && level !== 'warning' && level !== 'error') throw new UsageError(`--fail-on must be warning, error or none, not "${level}"`);
        failOn = level;
        break;
      }
      case '--max-rows':
        args.maxRows = number(arg, value(), 1, Number.MAX_SAFE_INTEGER, true);
        break;
      case '--p-threshold':
        args.suite.pValueThreshold = number(arg, value(), 0, 1);
        break;
      case '--distance-threshold':
        args.suite.distanceThreshold = number(arg, value(), 0, Number.MAX_VALUE);
        break;
      case '--drift-share':
        args.suite.datasetDriftShare = number(arg, value(), 0, 1);
        break;
      case '--test': {
        const [type, choice] = usage(arg, () => parseAssignment(value()));
        byType[usage(arg, () => parseColumnType(type))] = choice;
        break;
      }
      case '--column': {
        const [name, choice] = usage(arg, () => parseAssignment(value()));
        byColumn[name] = choice;
        break;
      }
      case '--correction':
        args.suite.correction = usage(arg, () => parseCorrection(value()));
        break;
      case '--bins':
        args.suite.bins = number(arg, value(), 1, 10_000, true);
        break;
      case '--missing-as-category':
        args.suite.missingAsCategory = true;
        break;
      case '--column-type': {
        const text = value();
        const eq = text.lastIndexOf('=');
        if (eq <= 0) throw new UsageError(`--column-type: "${text}" is not of the form NAME=TYPE`);
        columnTypes[text.slice(0, eq)] = usage(arg, () => parseColumnType(text.slice(eq + 1)));
        break;
      }
      case '--null-tokens':
        args.read = { ...args.read, nullTokens: value().split(',') };
        break;
      case '--ragged-rows': {
        const mode = value();
        if (mode !== 'error' && mode !== 'skip') throw new UsageError(`--ragged-rows must be error or skip, not "${mode}"`);
        args.read = { ...args.read, raggedRows: mode };
        break;
      }
      case '--role': {
        const text = value();
        const eq = text.indexOf('=');
        const role = text.slice(0, eq);
        if (eq <= 0 || eq === text.length - 1) throw new UsageError(`--role: "${text}" is not of the form ROLE=COLUMN`);
        if (!(COLUMN_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role: "${role}" is not a role (${COLUMN_ROLES.join(', ')})`);
        const column = text.slice(eq + 1);
        if (role === 'id') roles.id = [...(roles.id as string[] | undefined ?? []), column];
        else roles[role as Exclude<keyof ColumnRoles, 'id' | 'task'>] = column;
        break;
      }
      case '--task': {
        const task = value();
        if (!(TASK_KINDS as readonly string[]).includes(task)) throw new UsageError(`--task must be ${TASK_KINDS.join(', ')}, not "${task}"`);
        roles.task = task as TaskKind;
        break;
      }
      case '--no-infer-roles':
        model.inferRoles = false;
        break;
      case '--allowed-drop':
        model.allowedDrop = number(arg, value(), 0, Number.MAX_VALUE);
        break;
      case '--bootstrap':
        model.bootstrap = number(arg, value(), 0, 100_000, true);
        break;
      case '--segments':
        model.topSegments = number(arg, value(), 0, 10_000, true);
        break;
      case '--no-multivariate':
        model.multivariate = false;
        break;
      case '--over-time':
        overTime ??= {};
        break;
      case '--window': {
        const w = value();
        const kinds = ['auto', 'day', 'week', 'month', 'rows'];
        if (!kinds.includes(w)) throw new UsageError(`--window must be ${kinds.join(', ')}, not "${w}"`);
        overTime = { ...overTime, window: w as OverTimeOptions['window'] };
        break;
      }
      case '--window-rows':
        overTime = { ...overTime, windowRows: number(arg, value(), 1, Number.MAX_SAFE_INTEGER, true) };
        break;
      case '--detectors': {
        const ids = value().split(',').map((d) => d.trim());
        const unknown = ids.find((d) => !(DETECTOR_IDS as readonly string[]).includes(d));
        if (unknown !== undefined) throw new UsageError(`--detectors: "${unknown}" is not a detector (${DETECTOR_IDS.join(', ')})`);
        overTime = { ...overTime, detectors: ids as DetectorId[] };
        break;
      }
      case '--detector-column':
        overTime = { ...overTime, detectorColumns: [...(overTime?.detectorColumns ?? []), value()] };
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        positional.push(arg);
    }
  }
  if (Object.keys(byType).length > 0) args.suite.byType = byType;
  if (Object.keys(byColumn).length > 0) args.suite.byColumn = byColumn;
  if (Object.keys(columnTypes).length > 0) args.read = { ...args.read, columnTypes };
  if (Object.keys(roles).length > 0) model.roles = roles;
  if (Object.keys(model).length > 0) args.suite.model = model;
  if (overTime) args.suite.overTime = overTime;
  if (command === 'suite') {
    if (positional.length > 1) throw new UsageError(`suite takes at most one suite file (got ${positional.length})`);
    return { command, file: positional[0] ?? 'drift-suite.json', format: args.format, failOn, maxRows: args.maxRows, suite: args.suite, read: args.read };
  }
  if (positional.length !== 2) {
    throw new UsageError(`compare needs exactly two files, <reference> and <current> (got ${positional.length})`);
  }
  if (args.format === 'junit') throw new UsageError('--format junit is for suite');
  return { ...args, command: 'compare', format: args.format, reference: positional[0], current: positional[1] };
}

/** Turns a parser's error into a usage error naming the flag. */
function usage<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}

function number(flag: string, text: string, min: number, max: number, integer = false): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], not "${text}"`);
  }
  return n;
}
