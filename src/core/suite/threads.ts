/**
 * A comparison's column tests on two threads. Sorting each numeric side (for the KS and Wasserstein tests, the
 * quantiles and the histograms) is most of the test time, and each column is independent: so the numeric columns
 * are split into two shares of about equal size, one tested in a helper thread (the reader bundle, dist/reader.js,
 * started with `kind: 'columns'`) while this thread tests the other and the categorical columns. Columns live on
 * shared memory (io/columnMemory.ts), so handing them over copies nothing. Everything that needs the whole table
 * (roles, corrections, model and over-time analyses) then runs here, with the helper's results as `precomputed`.
 *
 * A helper that fails or cannot start costs nothing but time: its share is tested here.
 */
import { Worker } from 'node:worker_threads';
import { isNumericColumn, type Table } from '../io/table';
import { columnFilter, columnResultsFor, compareTables } from './compare';
import type { ColumnResult, DriftReport, SuiteOptions } from './report';

/** What the helper thread is started with (`workerData`). */
export interface ColumnThreadData {
  kind: 'columns';
}

/** The one message the helper gets: the tables (its share of the columns only) and the settings. */
export interface ColumnJob {
  reference: Table;
  current: Table;
  names: string[];
  options: SuiteOptions;
}

export type ColumnJobReply = { type: 'columns'; results: ColumnResult[] } | { type: 'error'; message: string };

export const threadTuning = {
  /**
   * Numeric values (both sides, all columns) below which one thread does the tests. The helper costs ~0.1 s to start
   * and runs its first sorts cold, and while both threads test, each holds a column's sorted sides (~60 MB more at
   * 1e6 rows, with the helper's V8 instance). Measured on 2 cores: a 1e6 × 10 pair (12 M numeric values) tested in
   * 0.71 s instead of 0.79 s but peaked 100 MB higher (350 MB against 250); a 1e6 × 50 pair (60 M) in 1.55 s instead
   * of 2.6 s, for 5% more memory. So only large tables are split.
   */
  minNumericValues: 20_000_000,
};

/** How the last comparison in this thread split its columns (for tests and the benchmark's breakdown). */
export let lastSplit: { helper: string[]; answered: boolean } | undefined;

/** The numeric columns (numeric in both tables) the helper should test, or undefined when one thread will do. */
export function helperShare(reference: Table, current: Table): string[] | undefined {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const numeric: { name: string; cost: number }[] = [];
  for (const ref of reference.columns) {
    const cur = currentByName.get(ref.name);
    if (cur && isNumericColumn(ref) && isNumericColumn(cur)) numeric.push({ name: ref.name, cost: ref.values.length + cur.values.length });
  }
  const total = numeric.reduce((s, c) => s + c.cost, 0);
  if (numeric.length < 2 || total < threadTuning.minNumericValues) return undefined;
  // Largest first, each to the lighter share; this thread also has the categorical columns, so it starts ahead.
  numeric.sort((a, b) => b.cost - a.cost);
  let here = 0;
  let there = 0;
  const share: string[] = [];
  for (const c of numeric) {
    if (there <= here) {
      share.push(c.name);
      there += c.cost;
    } else here += c.cost;
  }
  return share;
}

/** `compareTables`, with the numeric columns tested on two threads when they are many enough (see the header). */
export async function compareTablesInThreads(reference: Table, current: Table, options: SuiteOptions = {}, script: string): Promise<DriftReport> {
  // Columns the settings leave out are not tested at all, so they do not count in the split.
  const keep = columnFilter(options.include, options.exclude);
  const kept = (table: Table): Table => (keep ? { ...table, columns: table.columns.filter((c) => keep(c.name)) } : table);
  const keptReference = kept(reference);
  const keptCurrent = kept(current);
  const share = helperShare(keptReference, keptCurrent);
  lastSplit = undefined;
  if (!share) return compareTables(reference, current, options);
  const names = new Set(share);
  const only = (table: Table): Table => ({ ...table, columns: table.columns.filter((c) => names.has(c.name)) });
  const currentNames = new Set(keptCurrent.columns.map((c) => c.name));
  const hereNames = keptReference.columns.map((c) => c.name).filter((n) => !names.has(n) && currentNames.has(n));

  let helper: Worker | undefined;
  let theirs: Promise<ColumnResult[] | undefined>;
  try {
    const worker = (helper = new Worker(script, { workerData: { kind: 'columns' } satisfies ColumnThreadData }));
    theirs = new Promise((resolve) => {
      worker.once('message', (reply: ColumnJobReply) => resolve(reply.type === 'columns' ? reply.results : undefined));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
    const job: ColumnJob = { reference: only(reference), current: only(current), names: share, options };
    worker.postMessage(job);
  } catch {
    theirs = Promise.resolve(undefined);
  }
  try {
    const mine = columnResultsFor(reference, current, hereNames, options);
    const results = await theirs;
    lastSplit = { helper: share, answered: results !== undefined };
    const precomputed = new Map([...mine, ...(results ?? [])].map((r) => [r.name, r]));
    return compareTables(reference, current, options, precomputed);
  } finally {
    void helper?.terminate();
  }
}
