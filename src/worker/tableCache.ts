/**
 * The last table pair the worker read, so the panel's column requests (every test of a column, one column
 * compared again) and a re-run of the same pair do not read both files again. Keyed by everything that shapes
 * the tables (paths, read options, sample size) and by each file's size and modification time, so a file
 * changed on disk is read again.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from '../core/io/table';
import { readPair } from '../core/suite/run';
import type { FilePair } from '../protocol';

export interface TablePair {
  reference: Table;
  current: Table;
}

export class TableCache {
  private key: string | undefined;
  private tables: TablePair | undefined;

  /** The pair's tables: from the cache when nothing changed, else read (and cached in place of the last pair). */
  async get(pair: FilePair, onProgress?: (message: string, fraction: number) => void): Promise<{ tables: TablePair; cached: boolean }> {
    const key = await keyOf(pair);
    if (this.tables && key === this.key) return { tables: this.tables, cached: true };
    // Drop the old pair first: holding two large pairs at once could double the worker's memory.
    this.key = undefined;
    this.tables = undefined;
    // The current file is read in a reader thread (dist/reader.js, beside this bundle) while this thread reads the reference.
    const readerScript = join(__dirname, 'reader.js');
    const tables = await readPair(pair.referencePath, pair.currentPath, { read: pair.read, maxRows: pair.maxRows, onProgress, readerScript });
    // Keyed by the stats taken before reading: a file written during the read gets a new key next time.
    this.key = key;
    this.tables = tables;
    return { tables, cached: false };
  }
}

async function keyOf(pair: FilePair): Promise<string> {
  const [ref, cur] = await Promise.all([stat(pair.referencePath), stat(pair.currentPath)]);
  return JSON.stringify([
    pair.referencePath,
    pair.currentPath,
    pair.read,
    pair.maxRows,
    [ref.size, ref.mtimeMs],
    [cur.size, cur.mtimeMs],
  ]);
}
