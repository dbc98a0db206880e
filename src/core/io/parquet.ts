/**
 * Parquet → Table with parquet-wasm (decoding, every compression codec) and apache-arrow (reading the decoded
 * batches). Both load on first use: parquet-wasm instantiates a 5 MB WebAssembly module when required, which CSV
 * users should not pay for. `require('parquet-wasm/node')` finds its .wasm beside itself: in node_modules with plain
 * tsc output, and in dist/ when esbuild bundles it (esbuild.config.mjs copies the .wasm there).
 *
 * The file is handed to parquet-wasm as a Blob-like object reading ranges from an open file handle (`fileBlob`), and
 * streamed batch by batch (`ParquetFile.stream`), so memory holds the output columns plus one batch, never the whole
 * file. The decoded Arrow batches become typed
 * columns in arrowColumns.ts (type mapping, forced types), shared with the Arrow IPC reader.
 *
 * Corrupt files: parquet-wasm reports most damage as an error, but some (found by test/unit/io-fuzz.test.ts: a
 * flipped byte in a data page) make a Rust decoder panic. Compiled to WebAssembly, a panic is a trap
 * (`RuntimeError: unreachable`) thrown out of the microtask that runs parquet-wasm's async work: an uncaught
 * exception, and a promise of ours that never settles. `PanicTrap` turns it into a DataReadError for the read in
 * progress; reads in one thread take turns (`lane`), so a trap always belongs to the one read running.
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { ParquetFile, RecordBatch } from 'parquet-wasm/node/parquet_wasm';
import { ArrowColumns, type Arrow } from './arrowColumns';
import { fileError, openForReading } from './files';
import { nullTokens } from './infer';
import { DEFAULT_SEED, rowCap, sampleIndices } from './sample';
import { CancelledError, DataReadError, type ReadOptions, type Table } from './table';

type ParquetWasm = typeof import('parquet-wasm/node/parquet_wasm');

let modules: { pw: ParquetWasm; arrow: Arrow } | undefined;

function load(): { pw: ParquetWasm; arrow: Arrow } {
  if (!modules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pw = require('parquet-wasm/node') as ParquetWasm;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const arrow = require('apache-arrow') as Arrow;
    modules = { pw, arrow };
  }
  return modules;
}

const MAGIC = 'PAR1';
/** What a WebAssembly trap is thrown as (lib ES2022 does not declare the WebAssembly namespace). */
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: new () => Error } }).WebAssembly.RuntimeError;
/** Rows per decoded batch (a batch never spans row groups, so row groups of fewer rows give smaller batches). */
const BATCH_ROWS = 1 << 20;
/** Rows per batch when columns are read one at a time: 2^16-2^20 measured within 10% of each other in time (1e6 × 10); 2^18 fastest on 50 columns. */
const COLUMN_BATCH_ROWS = 1 << 18;

/** The end of the last Parquet read queued in this thread; the next one starts after it (see the header). */
let lane: Promise<unknown> = Promise.resolve();

export function readParquet(path: string, options: ReadOptions = {}): Promise<Table> {
  const read = lane.then(() => readParquetAlone(path, options));
  lane = read.catch(() => undefined);
  return read;
}

async function readParquetAlone(path: string, options: ReadOptions): Promise<Table> {
  const name = basename(path);
  const size = await checkMagic(path);
  let modulesLoaded: { pw: ParquetWasm; arrow: Arrow };
  try {
    modulesLoaded = load();
  } catch (err) {
    throw new DataReadError(`${name}: Parquet support failed to load: ${(err as Error).message}`, path);
  }
  const { pw, arrow } = modulesLoaded;
  if (options.isCancelled?.()) throw new CancelledError(path);

  let file: ParquetFile | undefined;
  let handle: fs.promises.FileHandle | undefined;
  const trap = new PanicTrap();
  try {
    handle = await openForReading(path);
    file = await trap.race(pw.ParquetFile.fromFile(fileBlob(handle, size)));
    const totalRows = file.metadata().fileMetadata().numRows();
    const schema = arrow.tableFromIPC(file.schema().intoIPCStream()).schema;

    const cap = rowCap(options.maxRows);
    const seed = options.seed ?? DEFAULT_SEED;
    const selection = cap !== undefined && totalRows > cap ? sampleIndices(totalRows, cap, seed) : undefined;
    const rows = selection ? selection.length : totalRows;
    const columns = new ArrowColumns(arrow, schema, path, {
      rows,
      overwrites: false,
      columnTypes: options.columnTypes,
      nulls: nullTokens(options.nullTokens),
    });

    // Which rows of a batch starting at file row `base` the sample keeps, and where they go.
    const takeAt = (base: number, length: number, picked: number) => {
      if (!selection) return { take: { slot0: base }, picked };
      let end = picked;
      while (end < selection.length && selection[end] < base + length) end++;
      const rows = new Int32Array(end - picked);
      for (let k = 0; k < rows.length; k++) rows[k] = selection[picked + k] - base;
      return { take: { rows, slot0: picked }, picked: end };
    };
    const names = columns.convertedNames();
    if (names) {
      // Column by column: parquet-wasm then holds one column's chunk of a row group and one small batch, not every
      // column's (its WebAssembly heap never shrinks, so its high-water mark is memory the process keeps).
      for (let c = 0; c < names.length; c++) {
        let base = 0;
        let picked = 0;
        const stream = await trap.race(file.stream({ batchSize: COLUMN_BATCH_ROWS, columns: [names[c]] }));
        for await (const batch of trap.iterate(stream as unknown as AsyncIterable<RecordBatch>)) {
          if (options.isCancelled?.()) throw new CancelledError(path);
          const vector = arrow.tableFromIPC(batch.intoIPCStream()).getChildAt(0);
          if (!vector) throw new Error(`column ${names[c]} missing from a batch`);
          const length = vector.length;
          const next = takeAt(base, length, picked);
          columns.addColumn(names[c], vector, next.take, base);
          base += length;
          picked = next.picked;
          if (totalRows > 0) options.onProgress?.(Math.round((size * (c + base / totalRows)) / names.length), size);
        }
        if (base !== totalRows) throw new Error(`read ${base} rows of ${names[c]} but the footer says ${totalRows}`);
      }
    } else {
      let base = 0; // file rows before this batch
      let picked = 0; // selected rows before this batch
      const projection = columns.projection();
      columns.projected = projection !== undefined;
      const stream = await trap.race(file.stream(projection ? { batchSize: BATCH_ROWS, columns: projection } : { batchSize: BATCH_ROWS }));
      for await (const batch of trap.iterate(stream as unknown as AsyncIterable<RecordBatch>)) {
        if (options.isCancelled?.()) throw new CancelledError(path);
        const table = arrow.tableFromIPC(batch.intoIPCStream());
        const length = table.numRows;
        const next = takeAt(base, length, picked);
        columns.add(table, next.take, base);
        base += length;
        picked = next.picked;
        options.onProgress?.(totalRows > 0 ? Math.round((size * base) / totalRows) : size, size);
      }
      if (base !== totalRows) throw new Error(`read ${base} rows but the footer says ${totalRows}`);
    }

    const { columns: read, skipped } = columns.finish(rows);
    return {
      path,
      format: 'parquet',
      rows,
      totalRows,
      ...(selection ? { sample: { rows, seed } } : {}),
      columns: read,
      skipped,
      ...(columns.renamed ? { renamedColumns: columns.renamed } : {}),
    };
  } catch (err) {
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    if (trap.panicked || err instanceof WasmRuntimeError) {
      throw new DataReadError(
        `${name}: cannot read Parquet file: it is corrupt (the Parquet decoder failed: ${messageOf(err)})`,
        path,
      );
    }
    throw new DataReadError(`${name}: cannot read Parquet file: ${messageOf(err)}`, path);
  } finally {
    trap.dispose();
    try {
      file?.free();
    } catch {
      // After a trap the object may still count as borrowed by the dead task; its memory is lost either way.
    }
    await handle?.close();
  }
}

/**
 * Catches WebAssembly traps thrown out of microtasks while a Parquet read runs (see the header): `queueMicrotask`,
 * which parquet-wasm's glue looks up globally on every call, is wrapped while at least one trap is live, and a
 * `WebAssembly.RuntimeError` escaping a microtask then rejects `race`d promises instead of reaching
 * 'uncaughtException'. Anything else a microtask throws is rethrown as before.
 */
class PanicTrap {
  private static readonly live = new Set<PanicTrap>();
  private static original: typeof queueMicrotask | undefined;
  private static wrapper: typeof queueMicrotask | undefined;

  panicked: Error | undefined;
  private readonly panics: Promise<never>;
  private fail!: (err: Error) => void;

  constructor() {
    this.panics = new Promise<never>((_, reject) => (this.fail = reject));
    this.panics.catch(() => undefined); // observed through `race` only
    if (PanicTrap.live.size === 0) PanicTrap.install();
    PanicTrap.live.add(this);
  }

  /** `promise`, or a rejection as soon as parquet-wasm traps. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.panicked) return Promise.reject(this.panicked);
    return Promise.race([promise, this.panics]);
  }

  /** `iterable`'s items, each `race`d; after a trap the dead stream is not asked to close. */
  async *iterate<T>(iterable: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = iterable[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const next = await this.race(iterator.next());
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      if (!done && !this.panicked) await this.race(Promise.resolve(iterator.return?.())).catch(() => undefined);
    }
  }

  dispose(): void {
    PanicTrap.live.delete(this);
    if (PanicTrap.live.size === 0) PanicTrap.uninstall();
  }

  private static install(): void {
    const original = globalThis.queueMicrotask;
    const wrapper: typeof queueMicrotask = (callback) =>
      original(() => {
        try {
          callback();
        } catch (err) {
          if (!(err instanceof WasmRuntimeError) || PanicTrap.live.size === 0) throw err;
          for (const trap of PanicTrap.live) {
            trap.panicked ??= err;
            trap.fail(err);
          }
        }
      });
    PanicTrap.original = original;
    PanicTrap.wrapper = wrapper;
    globalThis.queueMicrotask = wrapper;
  }

  private static uninstall(): void {
    // Someone who wrapped it after us keeps their wrapper (which calls ours, which then just passes through).
    if (globalThis.queueMicrotask === PanicTrap.wrapper && PanicTrap.original) globalThis.queueMicrotask = PanicTrap.original;
    PanicTrap.original = PanicTrap.wrapper = undefined;
  }
}

/**
 * What parquet-wasm reads a file through: `size`, and `slice(start, end).arrayBuffer()`. Not `fs.openAsBlob`: when
 * the file changes while being read, that Blob's reads reject, parquet-wasm panics ("unreachable") outside any
 * promise we hold, and the read never settles. These reads never reject: a short read (the file shrank) or a failed
 * one gives zero bytes where data was missing, which decodes to an error or to values the changed-file check in
 * read.ts then rejects.
 */
export function fileBlob(handle: fs.promises.FileHandle, size: number): Blob {
  const read = async (start: number, end: number): Promise<ArrayBuffer> => {
    const buffer = new Uint8Array(Math.max(0, end - start));
    let done = 0;
    try {
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
    } catch {
      // Left as zeros; see above.
    }
    return buffer.buffer;
  };
  const blob = {
    size,
    slice: (start = 0, end = size) => ({ arrayBuffer: () => read(start, Math.min(end, size)) }),
  };
  return blob as unknown as Blob;
}

/** parquet-wasm rejects with plain strings; make any failure a readable one-line message. */
function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] || 'unknown error';
}

/** Size of the file after checking the 'PAR1' magic at both ends (a missing footer magic means a truncated file). */
async function checkMagic(path: string): Promise<number> {
  const name = basename(path);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(path, 'r');
    const { size } = await handle.stat();
    if (size === 0) throw new DataReadError(`${name}: file is empty`, path);
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (size >= 8) await handle.read(tail, 0, 4, size - 4);
    if (head.toString('latin1') !== MAGIC) throw new DataReadError(`${name}: not a Parquet file (missing PAR1 magic)`, path);
    if (size < 12 || tail.toString('latin1') !== MAGIC) {
      throw new DataReadError(`${name}: Parquet file is truncated or corrupt (missing PAR1 magic at the end)`, path);
    }
    return size;
  } catch (err) {
    if (err instanceof DataReadError) throw err;
    throw fileError(path, err);
  } finally {
    await handle?.close();
  }
}
