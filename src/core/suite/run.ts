/**
 * Reads both files and compares them: the whole comparison as the worker and the CLI run it.
 */
import { basename } from 'node:path';
import { readTable } from '../io/read';
import type { ParseOptions, ReadOptions, Table } from '../io/table';
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

/** Reads both files as a comparison does (same sampling seed, so reading again gives the same rows). */
export async function readPair(referencePath: string, currentPath: string, options: RunOptions = {}): Promise<{ reference: Table; current: Table }> {
  const progress = options.onProgress ?? (() => undefined);
  const read = (path: string, start: number): ReadOptions => ({
    ...options.read,
    maxRows: options.maxRows,
    seed: options.seed,
    isCancelled: options.isCancelled,
    onProgress: (done, size) => progress(`Reading ${basename(path)}`, start + READ_SHARE * (size > 0 ? done / size : 0)),
  });
  progress(`Reading ${basename(referencePath)}`, 0);
  const reference = await readTable(referencePath, read(referencePath, 0));
  progress(`Reading ${basename(currentPath)}`, READ_SHARE);
  const current = await readTable(currentPath, read(currentPath, READ_SHARE));
  return { reference, current };
}
