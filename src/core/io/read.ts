/**
 * Entry point of the readers: a data file → Table, by extension (case-insensitive): .csv, .tsv, .parquet (.parq),
 * .arrow, .feather, .jsonl, .ndjson. The Parquet and Arrow readers (and parquet-wasm's WebAssembly, apache-arrow) load only
 * when such a file is read.
 *
 * Every read is bracketed by two looks at the file's size and modification time: a file that changed meanwhile
 * fails with "changed while it was being read" (also when the change made the reader itself fail), rather than
 * giving a table of half old, half new rows.
 */
import { basename } from 'node:path';
import { readCsv } from './csv';
import { changedError, changedSince, fileStamp } from './files';
import { checkColumnTypes } from './forced';
import { DATA_EXTENSIONS, formatOf } from './formats';
import { readJsonLines } from './jsonl';
import { CancelledError, DataReadError, type ReadOptions, type Table } from './table';

export async function readTable(path: string, options: ReadOptions = {}): Promise<Table> {
  const format = formatOf(path);
  if (format === undefined) {
    const supported = Object.keys(DATA_EXTENSIONS).map((e) => `.${e}`).join(', ');
    throw new DataReadError(`${basename(path)}: unsupported file type (supported: ${supported})`, path);
  }
  try {
    checkColumnTypes(options.columnTypes);
  } catch (err) {
    throw new DataReadError(`${basename(path)}: ${(err as Error).message}`, path);
  }
  const before = await fileStamp(path);
  let table: Table;
  try {
    table = await readFormat(path, format, options);
  } catch (err) {
    if (before && !(err instanceof CancelledError) && (await changedSince(path, before))) throw changedError(path);
    throw err;
  }
  if (before && (await changedSince(path, before))) throw changedError(path);
  return table;
}

async function readFormat(path: string, format: Table['format'], options: ReadOptions): Promise<Table> {
  switch (format) {
    case 'csv':
    case 'tsv':
      return readCsv(path, format, options);
    case 'jsonl':
      return readJsonLines(path, options);
    case 'parquet': {
      const { readParquet } = await import('./parquet');
      return readParquet(path, options);
    }
    case 'arrow': {
      const { readArrow } = await import('./arrowIpc');
      return readArrow(path, options);
    }
  }
}

/** Whether `path` names a file `readTable` can read (by extension only; the file is not opened). */
export function isDataFile(path: string): boolean {
  return formatOf(path) !== undefined;
}
