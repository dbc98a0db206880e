/**
 * Reads both files and compares them: the whole comparison as the worker and the CLI run it.
 */
import { basename } from 'node:path';
import { readTable } from '../io/read';
import { readTableInThread } from '../io/readerProtocol';
import { CancelledError, type ParseOptions, type ReadOptions, type Table } from '../io/table';
import { compareTables } from './compare';
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

/** Share of the progress bar each phase takes; reading dominates. */
const READ_SHARE = 0.45;

export async function runComparison(referencePath: string, currentPath: string, options: RunOptions = {}): Promise<DriftReport> {
  const started = Date.now();
  const { reference, current } = await readPair(referencePath, currentPath, options);
  const progress = options.onProgress ?? (() => undefined);
  progress('Running drift tests', 2 * READ_SHARE);
  const report = compareTables(reference, current, options.suite);
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
      readTableInThread(options.readerScript, currentPath, read(currentPath, report(1))).catch(stopOther),
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
