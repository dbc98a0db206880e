/**
 * The typed, columnar form every reader produces and every statistic consumes.
 * Values live in typed arrays (no per-value objects) so million-row columns stay cheap.
 */

export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export type DataFormat = 'csv' | 'tsv' | 'parquet';

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
}

export interface ReadOptions {
  /** Above this many rows keep a seeded uniform sample of this size. */
  readonly maxRows?: number;
  /** Seed of the sample; fixed so the same files always give the same report. */
  readonly seed?: number;
  /** Called now and then with bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Checked between chunks; reading stops with a cancellation error when it returns true. */
  readonly isCancelled?: () => boolean;
}

/** A failure to read a data file, naming the file and, where known, the line and column. */
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
