/**
 * Parquet → Table with parquet-wasm (decoding, every compression codec) and apache-arrow (reading the decoded
 * batches). Both load on first use: parquet-wasm instantiates a 5 MB WebAssembly module when required, which CSV
 * users should not pay for. `require('parquet-wasm/node')` finds its .wasm beside itself: in node_modules with plain
 * tsc output, and in dist/ when esbuild bundles it (esbuild.config.mjs copies the .wasm there).
 *
 * The file is opened as a Blob (`fs.openAsBlob`, read lazily) and streamed batch by batch (`ParquetFile.stream`), so
 * memory holds the output columns plus one batch, never the whole file. Types map as follows:
 * ints/floats/decimals → numeric (64-bit ints via Number, exact up to 2^53); bool → boolean; utf8 / large utf8 /
 * dictionary of strings → categorical or text (cardinality rule in infer.ts); date/timestamp → datetime (epoch ms).
 * Only real nulls are missing (a string "NA" in a Parquet file is data). Nested (list/struct/map/union), binary,
 * time-of-day, duration and interval columns are listed in `skipped` with the reason.
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { Data, DataType, Field, Vector } from 'apache-arrow';
import type { ParquetFile, RecordBatch } from 'parquet-wasm/node/parquet_wasm';
import { ColumnBuilder, uniqueNames } from './infer';
import { fileError } from './files';
import { DEFAULT_SEED, rowCap, sampleIndices } from './sample';
import { CancelledError, DataReadError, type Column, type ReadOptions, type Table } from './table';

type ParquetWasm = typeof import('parquet-wasm/node/parquet_wasm');
type Arrow = typeof import('apache-arrow');

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
/** Rows per decoded batch (a batch never spans row groups, so row groups of fewer rows give smaller batches). */
const BATCH_ROWS = 1 << 20;

/** How one column is converted, decided from the schema. */
type Plan =
  | { kind: 'numeric' | 'datetime'; name: string; index: number; values: Float64Array }
  | { kind: 'boolean'; name: string; index: number; codes: Int32Array; nulls: number; seen: [boolean, boolean] }
  | { kind: 'strings'; name: string; index: number; builder: ColumnBuilder }
  | { kind: 'skip'; name: string; index: number; reason: string };

export async function readParquet(path: string, options: ReadOptions = {}): Promise<Table> {
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
  try {
    file = await pw.ParquetFile.fromFile(await fs.openAsBlob(path));
    const totalRows = file.metadata().fileMetadata().numRows();
    const schema = arrow.tableFromIPC(file.schema().intoIPCStream()).schema;

    const cap = rowCap(options.maxRows);
    const seed = options.seed ?? DEFAULT_SEED;
    const selection = cap !== undefined && totalRows > cap ? sampleIndices(totalRows, cap, seed) : undefined;
    const rows = selection ? selection.length : totalRows;
    const names = uniqueNames(schema.fields.map((f) => f.name));
    const plans = schema.fields.map((f, index) => planColumn(arrow, f, names[index], index, rows));

    let base = 0; // file rows before this batch
    let picked = 0; // selected rows before this batch
    const stream = await file.stream({ batchSize: BATCH_ROWS });
    for await (const batch of stream as unknown as AsyncIterable<RecordBatch>) {
      if (options.isCancelled?.()) throw new CancelledError(path);
      const table = arrow.tableFromIPC(batch.intoIPCStream());
      const length = table.numRows;
      let locals: Int32Array | undefined;
      if (selection) {
        let end = picked;
        while (end < selection.length && selection[end] < base + length) end++;
        locals = new Int32Array(end - picked);
        for (let k = 0; k < locals.length; k++) locals[k] = selection[picked + k] - base;
      }
      const slot0 = selection ? picked : base;
      for (const plan of plans) {
        if (plan.kind === 'skip') continue;
        const vector = table.getChildAt(plan.index);
        if (!vector) throw new Error(`column ${plan.name} missing from a batch`);
        convertColumn(arrow, plan, vector, locals, slot0);
      }
      base += length;
      picked += locals ? locals.length : 0;
      options.onProgress?.(totalRows > 0 ? Math.round((size * base) / totalRows) : size, size);
    }
    if (base !== totalRows) throw new Error(`read ${base} rows but the footer says ${totalRows}`);

    const columns: Column[] = [];
    const skipped: { name: string; reason: string }[] = [];
    for (const plan of plans) {
      if (plan.kind === 'skip') skipped.push({ name: plan.name, reason: plan.reason });
      else columns.push(finishColumn(plan, rows));
    }
    return {
      path,
      format: 'parquet',
      rows,
      totalRows,
      ...(selection ? { sample: { rows, seed } } : {}),
      columns,
      skipped,
    };
  } catch (err) {
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    throw new DataReadError(`${name}: cannot read Parquet file: ${messageOf(err)}`, path);
  } finally {
    file?.free();
  }
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

function planColumn(arrow: Arrow, field: Field, name: string, index: number, rows: number): Plan {
  const T = arrow.Type;
  const type = field.type as DataType;
  const numeric = (kind: 'numeric' | 'datetime'): Plan => ({ kind, name, index, values: new Float64Array(rows) });
  const skip = (reason: string): Plan => ({ kind: 'skip', name, index, reason });
  switch (type.typeId) {
    case T.Int:
    case T.Float:
    case T.Decimal:
    case T.Null:
      return numeric('numeric');
    case T.Date:
    case T.Timestamp:
      return numeric('datetime');
    case T.Bool:
      return { kind: 'boolean', name, index, codes: new Int32Array(rows), nulls: 0, seen: [false, false] };
    case T.Utf8:
    case T.LargeUtf8:
      return strings(name, index, rows);
    case T.Dictionary: {
      const valueType = (type as unknown as { dictionary: DataType }).dictionary;
      if (valueType.typeId === T.Utf8 || valueType.typeId === T.LargeUtf8) return strings(name, index, rows);
      return skip(`dictionary-encoded ${valueType} values are not supported`);
    }
    case T.List:
    case T.LargeList:
    case T.FixedSizeList:
    case T.Struct:
    case T.Map:
    case T.Union:
      return skip(`nested column (${type}) is not supported`);
    case T.Binary:
    case T.LargeBinary:
    case T.FixedSizeBinary:
    case T.BinaryView:
      return skip(`binary column (${type}) is not supported`);
    default:
      return skip(`${type} columns are not supported`);
  }
}

function strings(name: string, index: number, rows: number): Plan {
  const builder = new ColumnBuilder({ infer: false, overwrites: false });
  builder.reserve(rows);
  return { kind: 'strings', name, index, builder };
}

/** Null-bitmap reader for a data chunk, or undefined when the chunk has no nulls. */
function validity(data: Data): ((i: number) => boolean) | undefined {
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return undefined;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1;
}

const TWO_32 = 4294967296;

/** Value i of a chunk as a number (nulls are handled by the caller). */
function numberReader(arrow: Arrow, data: Data): (i: number) => number {
  const T = arrow.Type;
  const type = data.type as DataType & { unit?: number; bitWidth?: number; scale?: number; precision?: number };
  const values = data.values as ArrayLike<number | bigint> & ArrayBufferView;
  const int64 = (): ((i: number) => number) => {
    const words = new Int32Array(values.buffer, values.byteOffset, values.byteLength >> 2);
    if (values instanceof BigUint64Array) return (i) => (words[2 * i + 1] >>> 0) * TWO_32 + (words[2 * i] >>> 0);
    return (i) => words[2 * i + 1] * TWO_32 + (words[2 * i] >>> 0);
  };
  switch (type.typeId) {
    case T.Null:
      return () => NaN;
    case T.Int:
      if (values instanceof BigInt64Array || values instanceof BigUint64Array) return int64();
      return (i) => values[i] as number;
    case T.Float:
      if (values instanceof Float32Array || values instanceof Float64Array) return (i) => values[i] as number;
      return (i) => arrow.util.uint16ToFloat64(values[i] as number); // half floats
    case T.Decimal:
      return decimalReader(values as unknown as Uint32Array, (type.bitWidth ?? 128) >> 5, type.scale ?? 0);
    case T.Date: {
      if (type.unit === arrow.DateUnit.DAY) return (i) => (values[i] as number) * 86_400_000;
      return int64();
    }
    case T.Timestamp: {
      const read = int64();
      switch (type.unit) {
        case arrow.TimeUnit.SECOND:
          return (i) => read(i) * 1000;
        case arrow.TimeUnit.MILLISECOND:
          return read;
        case arrow.TimeUnit.MICROSECOND:
          return (i) => read(i) / 1000;
        default:
          return (i) => read(i) / 1_000_000;
      }
    }
    default:
      throw new Error(`unexpected ${type} data in a numeric column`);
  }
}

/** Two's-complement little-endian words (stride per value) scaled by 10^-scale. Exact to about 15-16 digits. */
function decimalReader(words: Uint32Array, stride: number, scale: number): (i: number) => number {
  const divisor = 10 ** scale;
  const tmp = new Uint32Array(stride);
  return (i) => {
    const start = i * stride;
    const negative = (words[start + stride - 1] & 0x80000000) !== 0;
    let carry = 1;
    for (let k = 0; k < stride; k++) {
      const w = words[start + k];
      if (negative) {
        const sum = (~w >>> 0) + carry;
        tmp[k] = sum >>> 0;
        carry = sum > 0xffffffff ? 1 : 0;
      } else tmp[k] = w;
    }
    let v = 0;
    for (let k = stride - 1; k >= 0; k--) v = v * TWO_32 + tmp[k];
    return (negative ? -v : v) / divisor;
  };
}

/** Reads string i of a Utf8 / LargeUtf8 chunk. */
function stringReader(data: Data): (i: number) => string {
  const bytes = data.values as Uint8Array;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  if (offsets instanceof BigInt64Array) return (i) => buf.toString('utf8', Number(offsets[i]), Number(offsets[i + 1]));
  return (i) => buf.toString('utf8', offsets[i], offsets[i + 1]);
}

/**
 * Copies the taken rows of one column of a batch into its plan. Without a selection every row is taken and batch
 * row j goes to slot slot0 + j; with one, `locals` lists the batch rows to take and locals[j] goes to slot0 + j.
 */
function convertColumn(arrow: Arrow, plan: Exclude<Plan, { kind: 'skip' }>, vector: Vector, locals: Int32Array | undefined, slot0: number): void {
  let chunkStart = 0;
  let k = 0;
  for (const data of vector.data as Data[]) {
    const chunkEnd = chunkStart + data.length;
    let from: number;
    let to: number;
    if (locals) {
      from = k;
      to = k;
      while (to < locals.length && locals[to] < chunkEnd) to++;
      k = to;
    } else {
      from = chunkStart;
      to = chunkEnd;
    }
    const start = chunkStart;
    const local = locals ? (j: number) => locals[j] - start : (j: number) => j - start;
    const valid = validity(data);

    if (plan.kind === 'numeric' || plan.kind === 'datetime') {
      const read = numberReader(arrow, data);
      const out = plan.values;
      for (let j = from; j < to; j++) {
        const i = local(j);
        out[slot0 + j] = valid && !valid(i) ? NaN : read(i);
      }
    } else if (plan.kind === 'boolean') {
      const bits = data.values as Uint8Array;
      const offset = data.offset;
      for (let j = from; j < to; j++) {
        const i = local(j);
        if (valid && !valid(i)) {
          plan.codes[slot0 + j] = -1;
          plan.nulls++;
        } else {
          const b = (bits[(offset + i) >> 3] >> ((offset + i) & 7)) & 1;
          plan.codes[slot0 + j] = b;
          plan.seen[b] = true;
        }
      }
    } else if (data.type.typeId === arrow.Type.Dictionary) {
      const builder = (plan as Extract<Plan, { kind: 'strings' }>).builder;
      const dictionary = data.dictionary as Vector;
      const indices = data.values as unknown as ArrayLike<number>;
      const codes = new Int32Array(dictionary.length).fill(-2); // dictionary index → builder code, filled lazily
      for (let j = from; j < to; j++) {
        const i = local(j);
        if (valid && !valid(i)) {
          builder.setCode(slot0 + j, -1);
          continue;
        }
        const d = Number(indices[i]);
        let code = codes[d];
        if (code === -2) {
          const value = dictionary.get(d) as string | null;
          code = codes[d] = value === null ? -1 : builder.codeOf(value);
        }
        builder.setCode(slot0 + j, code);
      }
    } else {
      const builder = (plan as Extract<Plan, { kind: 'strings' }>).builder;
      const read = stringReader(data);
      for (let j = from; j < to; j++) {
        const i = local(j);
        builder.setCode(slot0 + j, valid && !valid(i) ? -1 : builder.codeOf(read(i)));
      }
    }
    chunkStart = chunkEnd;
  }
}

function finishColumn(plan: Exclude<Plan, { kind: 'skip' }>, rows: number): Column {
  switch (plan.kind) {
    case 'numeric':
    case 'datetime': {
      // Float NaNs count as missing too, as everywhere else in a NumericColumn.
      let nulls = 0;
      for (let i = 0; i < rows; i++) if (plan.values[i] !== plan.values[i]) nulls++;
      return { name: plan.name, type: plan.kind, values: plan.values, nullCount: nulls };
    }
    case 'boolean': {
      const categories = (['false', 'true'] as const).filter((_, b) => plan.seen[b]);
      if (!plan.seen[0] && plan.seen[1]) for (let i = 0; i < rows; i++) if (plan.codes[i] === 1) plan.codes[i] = 0;
      return { name: plan.name, type: 'boolean', codes: plan.codes, categories, nullCount: plan.nulls };
    }
    case 'strings':
      return plan.builder.finish(plan.name, rows);
  }
}
