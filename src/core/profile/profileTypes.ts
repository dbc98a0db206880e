/**
 * What the data view shows of one file: its schema (at once, from the Parquet footer), its first rows, and one
 * summary per column (as each column finishes). Plain structured-cloneable data: it crosses the worker and webview
 * boundaries (src/protocol.ts).
 */
import type { ColumnType, DataFormat } from '../io/table';

/** A Parquet row group (the same shape as parquetMeta.ts's, kept here so the webviews need no Node types). */
export interface RowGroupInfo {
  rows: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

export interface ProfileSchema {
  path: string;
  format: DataFormat;
  /** File size in bytes. */
  bytes: number;
  /** Rows in the file. */
  rows: number;
  columns: ProfileField[];
  /** Parquet: the row groups (at most MAX_ROW_GROUPS of them; `rowGroupCount` says how many there are). */
  rowGroups?: RowGroupInfo[];
  rowGroupCount?: number;
  /** Parquet: codecs used by any column chunk. */
  compression?: string[];
  /** Parquet: the writer. */
  createdBy?: string;
}

/** How many row groups the schema lists (a file can have thousands; the count is always given). */
export const MAX_ROW_GROUPS = 200;

export interface ProfileField {
  name: string;
  /** Parquet's physical type (INT64, BYTE_ARRAY, … or "group"); "text" for delimited text. */
  physicalType: string;
  /** Parquet's logical type (STRING, TIMESTAMP(MICROS, UTC), …); null when it has none. */
  logicalType: string | null;
  /** Nulls as the file's statistics count them; null when unknown (no statistics, or a text file). */
  nulls: number | null;
}

/** One column's summary, computed from its values in the worker. */
export interface ColumnSummary {
  /** Index of the column in `ProfileSchema.columns`. */
  index: number;
  name: string;
  /** The type a comparison gives the column; null when it was not summarised (`skipped` says why). */
  type: ColumnType | null;
  skipped?: string;
  /** Rows summarised (all rows, or `sampled` of them). */
  rows: number;
  /** Present when a seeded sample of this many rows was summarised instead of every row. */
  sampled?: number;
  missing: number;
  distinct: number;
  /** Numeric and datetime columns (datetimes in epoch ms). */
  min?: number;
  max?: number;
  mean?: number;
  /** Equal-width bins over [min, max] (numeric and datetime columns). */
  histogram?: { edges: number[]; counts: number[] };
  /** Categorical, boolean and text columns: the most frequent values, largest first. */
  top?: { value: string; count: number }[];
}

/** The first rows as text, one array per row (null: missing); `note` per column that could not be read. */
export interface ProfilePreview {
  columns: string[];
  rows: (string | null)[][];
  /** Rows in the file, of which `rows` are the first ones. */
  totalRows: number;
  /** Columns (by index) that could not be read, with why. */
  notes: Record<number, string>;
}

/** Everything the profile of a file sends, in order: the schema, the first rows, then a summary per column. */
export type ProfileEvent =
  | { type: 'schema'; schema: ProfileSchema }
  | { type: 'preview'; preview: ProfilePreview }
  | { type: 'summary'; summary: ColumnSummary }
  | { type: 'done'; ms: number };
