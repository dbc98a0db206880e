/**
 * The typed, columnar form every reader produces and every statistic consumes.
 * Values live in typed arrays (no per-value objects) so million-row columns stay cheap.
 */

export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

/** 'arrow' covers Arrow IPC files and streams, Feather v2 included (a Feather v2 file is an Arrow IPC file). */
export type DataFormat = 'csv' | 'tsv' | 'parquet' | 'arrow' | 'jsonl';

/** Numbers (ints, floats) or datetimes (epoch milliseconds). Missing values are NaN. */
export interface NumericColumn {
  readonly name: string;
  readonly type: 'numeric' | 'datetime';
  readonly values: Float64Array;
  readonly nullCount: number;
}

/**
 * Categories held as dictionary codes into `categories`; -1 marks a missing value.
 * Booleans are categorical columns whose categories are "false" and/or "true".
 */
export interface CodedColumn {
  readonly name: string;
  readonly type: 'categorical' | 'boolean' | 'text';
  readonly codes: Int32Array;
  readonly categories: readonly string[];
  readonly nullCount: number;
}

export type Column = NumericColumn | CodedColumn;

export interface Table {
  /** Absolute path of the file the table was read from. */
  readonly path: string;
  readonly format: DataFormat;
  /** Rows held in `columns` (after sampling). */
  readonly rows: number;
  /** Rows in the file before sampling. */
  readonly totalRows: number;
  /** Present when the file had more rows than the cap and a seeded uniform sample was kept. */
  readonly sample?: { readonly rows: number; readonly seed: number };
  readonly columns: readonly Column[];
  /** Columns the reader could not turn into one of our types (e.g. nested Parquet columns), with why. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /**
   * Columns whose name in the file was empty or a duplicate and which were renamed (`column_N`, `a_2`); absent when
   * none were. `from` is the name as written in the file. (Trimming surrounding whitespace is not a renaming.)
   */
  readonly renamedColumns?: readonly { readonly from: string; readonly to: string }[];
  /** Rows dropped because of `raggedRows: 'skip'` (CSV/TSV: wrong field count; JSON Lines: not a JSON object); absent when none were. */
  readonly skippedRows?: number;
  /** 1-based line numbers of the first skipped rows (at most `MAX_SKIPPED_LINES`); present with `skippedRows`. */
  readonly skippedRowLines?: readonly number[];
}

/** How many skipped rows `Table.skippedRowLines` names. */
export const MAX_SKIPPED_LINES = 10;

export interface ReadOptions {
  /** Above this many rows keep a seeded uniform sample of this size. */
  readonly maxRows?: number;
  /** Seed of the sample; fixed so the same files always give the same report. */
  readonly seed?: number;
  /** Called now and then with bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Checked between chunks; reading stops with a cancellation error when it returns true. */
  readonly isCancelled?: () => boolean;
  /**
   * CSV/TSV cells and JSON Lines strings read as missing values (compared after trimming surrounding whitespace),
   * replacing the default list (`NULL_TOKENS` in infer.ts). An empty cell is always missing. Parquet and Arrow files
   * have real nulls and ignore this, except in string columns forced to numeric, datetime or boolean.
   */
  readonly nullTokens?: readonly string[];
  /**
   * What to do with a CSV/TSV row whose field count differs from the header's, or a JSON Lines line that is not a
   * JSON object: 'error' (default) fails naming the line; 'skip' drops it and counts it in `Table.skippedRows`.
   */
  readonly raggedRows?: 'error' | 'skip';
  /**
   * Forces the type of columns, by column name (the name in `Table.columns`, i.e. after renaming), instead of
   * inferring it: e.g. an integer id or a zip code as 'categorical' (categories are the cells' exact text, so "00501"
   * stays "00501"), a numeric-looking string as 'text'. Forcing 'numeric', 'datetime' or 'boolean' on a value that is
   * not one fails with a DataReadError naming the column, the value and its line (row, for Parquet/Arrow); every row
   * is checked, sampled out or not. Parquet/Arrow: numbers, booleans and datetimes can be forced to
   * 'categorical'/'text' (their string form), strings to any type; other conversions fail. Names matching no column are
   * ignored (the setting may be meant for the other file of a comparison).
   */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
}

/** A failure to read a data file, naming the file and, where known, the line and column. */
/** How files are parsed (the same for both files of a comparison): null tokens, ragged rows, forced types. */
export type ParseOptions = Pick<ReadOptions, 'nullTokens' | 'raggedRows' | 'columnTypes'>;

export class DataReadError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'DataReadError';
  }
}

export function isNumericColumn(c: Column): c is NumericColumn {
  return c.type === 'numeric' || c.type === 'datetime';
}

/** Reading stopped because `ReadOptions.isCancelled` returned true. Not a failure: callers show nothing or "cancelled". */
export class CancelledError extends Error {
  constructor(readonly path?: string) {
    super('reading was cancelled');
    this.name = 'CancelledError';
  }
}
