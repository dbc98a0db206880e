/**
 * Runs a suite's file pairs with bounded concurrency and turns each report into suite results (severities per
 * column and dataset). How one pair is compared is the caller's: the CLI reads and compares in-process, the
 * extension sends each pair to its worker thread. One pair's failure is that pair's `error`; the rest still run.
 */
import type { ParseOptions } from '../io/table';
import type { DriftReport, SuiteOptions } from './report';
import { readOptionsFor, severityFor, suiteOptionsFor } from './suitePlan';
import { judgeComparison, worstSeverity } from './suiteSeverity';
import type { Severity, SuiteComparisonResult, SuiteFile, SuiteReport, SuiteTask } from './suiteTypes';

export interface ComparisonRequest {
  suite: SuiteOptions;
  read: ParseOptions;
  maxRows?: number;
}

/** Compares one pair. */
export type CompareFn = (task: SuiteTask, request: ComparisonRequest) => Promise<DriftReport>;

export interface RunSuiteOptions {
  compare: CompareFn;
  /** Pairs compared at once (default 1). */
  concurrency?: number;
  /** Settings under the suite file's values (VS Code settings, CLI defaults). */
  baseSuite?: SuiteOptions;
  baseRead?: ParseOptions;
  baseMaxRows?: number;
  /** After each pair: how many are done of how many. */
  onResult?: (result: SuiteComparisonResult, done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export class SuiteCancelled extends Error {
  constructor() {
    super('Drift suite cancelled');
    this.name = 'SuiteCancelled';
  }
}

export async function runSuite(file: SuiteFile, tasks: SuiteTask[], options: RunSuiteOptions): Promise<SuiteReport> {
  const started = Date.now();
  const results: SuiteComparisonResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      if (options.isCancelled?.()) throw new SuiteCancelled();
      const i = next++;
      if (i >= tasks.length) return;
      results[i] = await runTask(file, tasks[i], options);
      done++;
      options.onResult?.(results[i], done, tasks.length);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 1, tasks.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return summarize(file.path, results, Date.now() - started);
}

/** One pair: compared, then judged; a failure becomes the pair's error (severity error). */
export async function runTask(file: SuiteFile, task: SuiteTask, options: Omit<RunSuiteOptions, 'compare'> & { compare: CompareFn }): Promise<SuiteComparisonResult> {
  const started = Date.now();
  const { read, maxRows } = readOptionsFor(file, task.comparisonIndex, options.baseRead, options.baseMaxRows);
  const request: ComparisonRequest = { suite: suiteOptionsFor(file, task.comparisonIndex, options.baseSuite), read, maxRows };
  try {
    const report = await options.compare(task, request);
    const { rules, majorEffectSize } = severityFor(file, task.comparisonIndex);
    const judged = judgeComparison(report, rules, majorEffectSize);
    return { ...task, report, ...judged, durationMs: Date.now() - started };
  } catch (err) {
    if (err instanceof SuiteCancelled || (err as Error)?.name === 'ComparisonCancelled') throw err;
    const e = err as Error & { path?: string; line?: number; column?: string };
    return {
      ...task,
      error: { message: e.message ?? String(err), ...(e.path ? { path: e.path } : {}), ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}) },
      severity: 'error',
      columns: [],
      durationMs: Date.now() - started,
    };
  }
}

/** The suite report from its results (also used to rebuild it after one pair is re-run). */
export function summarize(file: string, results: SuiteComparisonResult[], durationMs: number): SuiteReport {
  const columns: Record<Severity, number> = { none: 0, info: 0, warning: 0, error: 0 };
  for (const r of results) for (const c of r.columns) columns[c.severity]++;
  return {
    file,
    createdAt: new Date().toISOString(),
    durationMs,
    results,
    counts: { comparisons: results.length, errored: results.filter((r) => r.error).length, columns },
    severity: worstSeverity(results.map((r) => r.severity)),
  };
}
