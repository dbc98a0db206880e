/**
 * A Parquet file read one column at a time (and its first rows), for the data view: each column is decoded alone
 * (parquet-wasm reads only that column's chunks), turned into a typed column like readTable's (arrowColumns.ts:
 * same types, same inference), summarised and dropped before the next, so memory holds one column, never the file.
 *
 * Unlike parquet.ts, which serves comparisons, this has no guard against parquet-wasm's panics on corrupt pages (a
 * WebAssembly trap thrown outside any promise): it runs in a thread of its own per data view (src/worker/dataView.ts),
 * which reports such a trap as the file being corrupt and ends.
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { ParquetFile, RecordBatch } from 'parquet-wasm/node/parquet_wasm';
import { ArrowColumns, type Arrow } from './arrowColumns';
import { openForReading } from './files';
import { fileBlob } from './parquet';
import { nullTokens } from './infer';
import { DEFAULT_SEED, sampleIndices } from './sample';
import { DataReadError, type Column, type ParseOptions } from './table';
import type { Schema } from 'apache-arrow';

type ParquetWasm = typeof import('parquet-wasm/node/parquet_wasm');

/** Rows per decoded batch: a column's batch is small (one column), so large batches cost little. */
const BATCH_ROWS = 1 << 20;

/** One column as typed values, or why it is not read (a nested type, a duplicate name). */
export type ColumnRead = { column: Column; sampled?: number } | { skipped: string };

export class ParquetColumns {
  private constructor(
    private readonly path: string,
    private readonly handle: fs.promises.FileHandle,
    private readonly file: ParquetFile,
    private readonly arrow: Arrow,
    private readonly schema: Schema,
    private readonly rows: number,
    private readonly parse: ParseOptions,
  ) {}

  /** Opens the file (reads its footer through parquet-wasm); a DataReadError naming it when that fails. */
  static async open(path: string, parse: ParseOptions = {}): Promise<ParquetColumns> {
    const handle = await openForReading(path);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pw = require('parquet-wasm/node') as ParquetWasm;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const arrow = require('apache-arrow') as Arrow;
      const size = (await handle.stat()).size;
      const file = await pw.ParquetFile.fromFile(fileBlob(handle, size));
      const rows = file.metadata().fileMetadata().numRows();
      const schema = arrow.tableFromIPC(file.schema().intoIPCStream()).schema;
      return new ParquetColumns(path, handle, file, arrow, schema, rows, parse);
    } catch (err) {
      await handle.close();
      throw readError(path, err);
    }
  }

  /** Top-level field names, in file order (parquetMeta.ts's `fields`, same order). */
  get names(): string[] {
    return this.schema.fields.map((f) => (f.name as string | null) ?? '');
  }

  /**
   * The first `count` rows of every column that can be read, typed as readTable would type them; a field that
   * cannot be read is null in `columns`, with why in `skipped`.
   */
  async head(count: number): Promise<{ rows: number; columns: (Column | null)[]; skipped: Map<number, string> }> {
    const take = Math.min(count, this.rows);
    // One converter per field, so each column's result stays at its field's index whatever is skipped.
    const converters = this.schema.fields.map(
      (f) => new ArrowColumns(this.arrow, new this.arrow.Schema([f]), this.path, { rows: take, overwrites: false, ...this.options() }),
    );
    const readable = converters.flatMap((c, i) => (c.projection()?.length === 0 ? [] : [i]));
    const names = this.names;
    // Decode only the readable fields (parquet-wasm may not handle the others at all), unless names are ambiguous.
    const projection = readable.length < names.length && new Set(names).size === names.length ? readable.map((i) => names[i]) : undefined;
    let read = 0;
    if (take > 0 && readable.length > 0) {
      try {
        const options = { batchSize: take, limit: take, ...(projection ? { columns: projection } : {}) };
        for await (const batch of (await this.file.stream(options)) as unknown as AsyncIterable<RecordBatch>) {
          const table = this.arrow.tableFromIPC(batch.intoIPCStream());
          const length = Math.min(table.numRows, take - read);
          const rows = length < table.numRows ? Int32Array.from({ length }, (_, k) => k) : undefined;
          readable.forEach((i, k) => {
            const vector = table.getChildAt(projection ? k : i);
            converters[i].add({ numRows: table.numRows, getChildAt: () => vector }, { rows, slot0: read }, read);
          });
          read += length;
          if (read >= take) break;
        }
      } catch (err) {
        throw readError(this.path, err);
      }
    }
    const skipped = new Map<number, string>();
    const columns = converters.map((c, i) => {
      const { columns: done, skipped: why } = c.finish(read);
      if (done.length === 0) skipped.set(i, why[0]?.reason ?? 'its type is not supported');
      return done[0] ?? null;
    });
    return { rows: read, columns, skipped };
  }

  /** Column `index` (a top-level field), all rows or a seeded sample of `cap` of them. */
  async column(index: number, cap: number): Promise<ColumnRead> {
    const names = this.names;
    const name = names[index];
    if (names.indexOf(name) !== names.lastIndexOf(name)) return { skipped: `more than one column is named "${name}"` };
    const field = this.schema.fields[index];
    const single = new this.arrow.Schema([field]);
    const selection = this.rows > cap ? sampleIndices(this.rows, cap, DEFAULT_SEED) : undefined;
    const rows = selection ? selection.length : this.rows;
    const converter = new ArrowColumns(this.arrow, single, this.path, { rows, overwrites: false, ...this.options() });
    if (converter.projection()?.length === 0) return { skipped: converter.finish(0).skipped[0]?.reason ?? 'its type is not supported' };
    converter.projected = true;
    let base = 0;
    let picked = 0;
    try {
      const stream = (await this.file.stream({ batchSize: BATCH_ROWS, columns: [name] })) as unknown as AsyncIterable<RecordBatch>;
      for await (const batch of stream) {
        const table = this.arrow.tableFromIPC(batch.intoIPCStream());
        const length = table.numRows;
        let locals: Int32Array | undefined;
        if (selection) {
          let end = picked;
          while (end < selection.length && selection[end] < base + length) end++;
          locals = new Int32Array(end - picked);
          for (let k = 0; k < locals.length; k++) locals[k] = selection[picked + k] - base;
        }
        converter.add(table, { rows: locals, slot0: selection ? picked : base }, base);
        base += length;
        picked += locals ? locals.length : 0;
      }
    } catch (err) {
      throw readError(this.path, err);
    }
    if (base !== this.rows) throw new DataReadError(`${basename(this.path)}: column "${name}" has ${base} rows but the footer says ${this.rows}`, this.path);
    const { columns, skipped } = converter.finish(rows);
    if (columns.length === 0) return { skipped: skipped[0]?.reason ?? 'its type is not supported' };
    return selection ? { column: columns[0], sampled: rows } : { column: columns[0] };
  }

  async close(): Promise<void> {
    try {
      this.file.free();
    } catch {
      // Already released.
    }
    await this.handle.close();
  }

  private options() {
    return { columnTypes: this.parse.columnTypes, nulls: nullTokens(this.parse.nullTokens) };
  }
}

function readError(path: string, err: unknown): DataReadError {
  if (err instanceof DataReadError) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new DataReadError(`${basename(path)}: cannot read Parquet file: ${text.split('\n')[0] || 'unknown error'}`, path);
}

