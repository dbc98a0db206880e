/**
 * Reads both files and compares them: the whole comparison as the worker and the CLI run it.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOf } from '../io/formats';
import { readTable } from '../io/read';
import { readTableInThread } from '../io/readerProtocol';
import { CancelledError, type DataFormat, type ParseOptions, type ReadOptions, type Table } from '../io/table';
import { compareTables } from './compare';
import { compareTablesInThreads } from './threads';
import type { DriftReport, SuiteOptions } from './report';

export interface RunOptions {
  suite?: SuiteOptions;
  read?: ParseOptions;
  maxRows?: number;
  /** Fixed so the same files always give the same sample and report. */
  seed?: number;
  onProgress?: (message: string, fraction: number) => void;
  isCancelled?: () => boolean;
  /** The reader thread's script (dist/reader.js): read the two files at once, one in that thread. */
  readerScript?: string;
}

/**
 * Below this many bytes of text (CSV, TSV, JSON Lines), or a quarter of it in an Arrow file, a reader thread costs
 * more than it saves: starting one takes ~0.1 s here, about what reading 8 MB of CSV takes (1e5 rows × 10 columns,
 * 5.6 MB a file: 0.23 s both in one thread, 0.26-0.39 s with the thread). Parquet needs four times as much: the
 * thread must also compile parquet-wasm and carries its own wasm heap (1e6 × 10 Parquet, 15 MB a file: read in
 * 0.84 s in one thread, 0.90 s with a thread, which peaked 80 MB higher; 1e6 × 50, 70 MB a file: 2.95 s vs 2.35 s).
 */
export const pairTuning = { threadMinBytes: 8 << 20 };

/** Bytes of text a byte of each format stands for, in reading time (and a thread's start-up, for Parquet). */
const THREAD_WEIGHT: Partial<Record<DataFormat, number>> = { arrow: 4, parquet: 1 / 4 };

function worthAThread(path: string): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return true; // the read itself reports what is wrong with the file
  }
  const format = formatOf(path);
  return size * ((format && THREAD_WEIGHT[format]) ?? 1) >= pairTuning.threadMinBytes;
}

/** Share of the progress bar each phase takes; reading dominates. */
const READ_SHARE = 0.45;

export async function runComparison(referencePath: string, currentPath: string, options: RunOptions = {}): Promise<DriftReport> {
  const started = Date.now();
  const { reference, current } = await readPair(referencePath, currentPath, options);
  const progress = options.onProgress ?? (() => undefined);
  progress('Running drift tests', 2 * READ_SHARE);
  const report = options.readerScript
    ? await compareTablesInThreads(reference, current, options.suite, options.readerScript)
    : compareTables(reference, current, options.suite);
  progress('Done', 1);
  return { ...report, durationMs: Date.now() - started };
}

/**
 * Reads both files as a comparison does (same sampling seed, so reading again gives the same rows). With
 * `readerScript` (the bundled dist/reader.js) the current file is read in a thread of its own while this thread reads
 * the reference: parsing is most of a comparison's time, and this uses a second core for it.
 */
export async function readPair(referencePath: string, currentPath: string, options: RunOptions = {}): Promise<{ reference: Table; current: Table }> {
  const progress = options.onProgress ?? (() => undefined);
  // A side that fails stops the other (through isCancelled) instead of letting it read on for nothing.
  let failed = false;
  const read = (path: string, onProgress: ReadOptions['onProgress']): ReadOptions => ({
    ...options.read,
    maxRows: options.maxRows,
    seed: options.seed,
    isCancelled: () => failed || (options.isCancelled?.() ?? false),
    onProgress,
  });
  if (options.readerScript) {
    // A small current file is read in this thread too, the two reads interleaving (one parses while the other's
    // disk read runs): cheaper than starting a thread.
    const script = options.readerScript;
    const readCurrent = worthAThread(currentPath) ? (path: string, o: ReadOptions) => readTableInThread(script, path, o) : readTable;
    const done = [0, 0];
    const report = (side: number) => (bytes: number, size: number) => {
      done[side] = size > 0 ? bytes / size : 0;
      progress(`Reading ${basename(referencePath)} and ${basename(currentPath)}`, READ_SHARE * (done[0] + done[1]));
    };
    const stopOther = (err: unknown) => {
      failed = true;
      throw err;
    };
    progress(`Reading ${basename(referencePath)} and ${basename(currentPath)}`, 0);
    const sides = await Promise.allSettled([
      readTable(referencePath, read(referencePath, report(0))).catch(stopOther),
      readCurrent(currentPath, read(currentPath, report(1))).catch(stopOther),
    ]);
    // The first real failure, not the cancellation it caused on the other side.
    const errors = sides.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (errors.length) throw errors.find((e) => !(e instanceof CancelledError) || options.isCancelled?.()) ?? errors[0];
    const [reference, current] = sides.map((r) => (r as PromiseFulfilledResult<Table>).value);
    return { reference, current };
  }
  const sequential = (path: string, start: number) => read(path, (bytes, size) => progress(`Reading ${basename(path)}`, start + READ_SHARE * (size > 0 ? bytes / size : 0)));
  progress(`Reading ${basename(referencePath)}`, 0);
  const reference = await readTable(referencePath, sequential(referencePath, 0));
  progress(`Reading ${basename(currentPath)}`, READ_SHARE);
  const current = await readTable(currentPath, sequential(currentPath, READ_SHARE));
  return { reference, current };
}
