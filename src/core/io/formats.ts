/** Which files are data files, by extension. Kept apart from the readers so the UI can ask without loading them. */
import type { DataFormat } from './table';

export const DATA_EXTENSIONS: Readonly<Record<string, DataFormat>> = {
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
  parq: 'parquet', // a common short form (Spark, Dask)
  arrow: 'arrow',
  feather: 'arrow', // Feather v2 is the Arrow IPC file format
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** For workspace.findFiles and file dialogs. */
export const DATA_FILE_GLOB =
  '**/*.{csv,tsv,parquet,parq,arrow,feather,jsonl,ndjson,CSV,TSV,PARQUET,PARQ,ARROW,FEATHER,JSONL,NDJSON}';

export function formatOf(path: string): DataFormat | undefined {
  const m = /\.([^./\\]+)$/.exec(path);
  return m ? DATA_EXTENSIONS[m[1].toLowerCase()] : undefined;
}
