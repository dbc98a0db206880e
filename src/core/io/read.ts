/**
 * Entry point of the readers: a data file → Table, by extension (case-insensitive): .csv, .tsv, .parquet.
 * The Parquet reader (and its WebAssembly) loads only when a Parquet file is read.
 */
import { basename } from 'node:path';
import { readCsv } from './csv';
import { DATA_EXTENSIONS, formatOf } from './formats';
import { DataReadError, type ReadOptions, type Table } from './table';

export async function readTable(path: string, options: ReadOptions = {}): Promise<Table> {
  const format = formatOf(path);
  switch (format) {
    case 'csv':
    case 'tsv':
      return readCsv(path, format, options);
    case 'parquet': {
      const { readParquet } = await import('./parquet');
      return readParquet(path, options);
    }
    default: {
      const supported = Object.keys(DATA_EXTENSIONS).map((e) => `.${e}`).join(', ');
      throw new DataReadError(`${basename(path)}: unsupported file type (supported: ${supported})`, path);
    }
  }
}

/** Whether `path` names a file `readTable` can read (by extension only; the file is not opened). */
export function isDataFile(path: string): boolean {
  return formatOf(path) !== undefined;
}
