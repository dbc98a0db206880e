/**
 * apache-arrow record batches → typed columns, shared by the Parquet reader (whose batches parquet-wasm decodes to
 * Arrow) and the Arrow IPC / Feather reader. Callers load apache-arrow and pass it in, so that importing this module
 * loads nothing.
 *
 * Types map as follows: ints/floats/decimals → numeric (64-bit ints via Number, exact up to 2^53); bool → boolean;
 * utf8 / large utf8 / dictionary of strings → categorical or text (cardinality rule in infer.ts); date/timestamp →
 * datetime (epoch ms). Only real nulls are missing (a string "NA" is data). Nested (list/struct/map/union), binary,
 * time-of-day, duration and interval columns are listed in `skipped` with the reason.
 *
 * Forced types (`ReadOptions.columnTypes`): numbers, booleans and datetimes may be forced to 'categorical'/'text',
 * becoming their string form (64-bit ints exactly, datetimes as ISO 8601); strings may be forced to any type, their
 * values then read like CSV cells (null tokens missing; a value that does not read fails, naming its row). Other
 * conversions fail when the schema is read.
 */
import { basename } from 'node:path';
import type { Data, DataType, Field, Schema, Vector } from 'apache-arrow';
import { BadValue, booleanColumn, cellBuilder, expectation, isChecking, quoteValue, type CellBuilder, type CheckingBuilder } from './forced';
import { ByteCodes, MISS } from './byteCodes';
import { fitColumn, float64Column, int32Column } from './columnMemory';
import { ColumnBuilder, type NullTokens } from './infer';
import { nameColumns, type Renamed } from './names';
import { utf8 } from './utf8';
import { DataReadError, type Column, type ColumnType } from './table';

export type Arrow = typeof import('apache-arrow');

/** What a batch must offer: a RecordBatch from an IPC reader, or a Table made from one (Parquet). */
export interface Batch {
  readonly numRows: number;
  getChildAt(index: number): Vector | null;
}

/**
 * The rows of a batch to convert, and where they go. `rows`: batch rows to take, ascending (all when undefined).
 * `slots`: the output slot of each taken row (as many as taken rows; a later row may overwrite an earlier one, as
 * reservoir sampling does); when undefined the k-th taken row goes to `slot0 + k`.
 */
export interface Take {
  readonly rows?: Int32Array;
  readonly slots?: Int32Array;
  readonly slot0: number;
}

export interface ArrowColumnsOptions {
  /** Rows expected (outputs are pre-sized to it; they grow past it if need be). */
  readonly rows: number;
  /** Output slots may be written more than once (reservoir sampling). */
  readonly overwrites: boolean;
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** For strings forced to numeric, datetime or boolean. */
  readonly nulls: NullTokens;
}

/** How a forced column's values become text cells. */
type CellSource = 'number' | 'int64' | 'bool' | 'date' | 'day' | 'string' | 'null';

/** How one column is converted, decided from the schema. */
type Plan =
  | { kind: 'numeric' | 'datetime'; name: string; index: number; values: Float64Array; length: number }
  | { kind: 'boolean'; name: string; index: number; codes: Int32Array; length: number }
  | { kind: 'strings'; name: string; index: number; builder: ColumnBuilder; cache?: ByteCodes }
  | { kind: 'cells'; name: string; index: number; builder: CellBuilder; source: CellSource; checker?: CheckingBuilder }
  | { kind: 'skip'; name: string; index: number; reason: string };
type Converted = Exclude<Plan, { kind: 'skip' }>;

export class ArrowColumns {
  readonly renamed?: Renamed[];
  private readonly plans: Plan[];
  private readonly fieldNames: string[];
  /** Batches hold only the columns of `projection()`, in file order (set by a reader that asked for them). */
  projected = false;

  /** Throws a DataReadError (naming `path`) when a column cannot be forced to the type asked for. */
  constructor(
    private readonly arrow: Arrow,
    schema: Schema,
    private readonly path: string,
    private readonly options: ArrowColumnsOptions,
  ) {
    // apache-arrow reads an empty field name back as null.
    const { names, renamed } = nameColumns(schema.fields.map((f) => (f.name as string | null) ?? ''));
    this.renamed = renamed;
    this.fieldNames = schema.fields.map((f) => (f.name as string | null) ?? '');
    this.plans = schema.fields.map((f, index) => this.plan(f, names[index], index));
  }

  /**
   * The file's names of the columns that will be read, when some are skipped and the names are unambiguous;
   * undefined otherwise. A reader that decodes only these never touches a skipped column, whose type the
   * decoding library may not handle at all (parquet-wasm panics on some dictionary types).
   */
  projection(): string[] | undefined {
    if (!this.plans.some((p) => p.kind === 'skip')) return undefined;
    if (new Set(this.fieldNames).size !== this.fieldNames.length) return undefined;
    return this.plans.filter((p) => p.kind !== 'skip').map((p) => this.fieldNames[p.index]);
  }

  /** Converts the taken rows of `batch`, whose first row is row `firstRow` of the file (for messages). */
  add(batch: Batch, take: Take, firstRow: number): void {
    const end = endOf(batch.numRows, take);
    let position = 0; // of this plan's column among the columns read, for projected batches
    for (const plan of this.plans) {
      if (plan.kind === 'skip') continue;
      const vector = batch.getChildAt(this.projected ? position++ : plan.index);
      if (!vector) throw new Error(`column ${plan.name} missing from a batch`);
      this.addTo(plan, vector, take, firstRow, end);
    }
  }

  /**
   * The columns to convert, by name, for a reader that reads them one at a time (`addColumn`); undefined when names
   * repeat, so a name cannot pick a column.
   */
  convertedNames(): string[] | undefined {
    if (new Set(this.fieldNames).size !== this.fieldNames.length) return undefined;
    return this.plans.filter((p) => p.kind !== 'skip').map((p) => this.fieldNames[p.index]);
  }

  /** Adds rows of the one column `name` (one of `convertedNames()`), read on its own. */
  addColumn(name: string, vector: Vector, take: Take, firstRow: number): void {
    const plan = this.plans.find((p) => p.kind !== 'skip' && this.fieldNames[p.index] === name);
    if (!plan || plan.kind === 'skip') throw new Error(`column ${name} is not one being read`);
    this.addTo(plan, vector, take, firstRow, endOf(vector.length, take));
  }

  private addTo(plan: Converted, vector: Vector, take: Take, firstRow: number, end: number): void {
    const taken = take.rows ? take.rows.length : vector.length;
    if (plan.kind === 'numeric' || plan.kind === 'datetime') {
      if (end > plan.values.length) plan.values = grow(plan.values, end, float64Column);
      plan.length = Math.max(plan.length, end);
    } else if (plan.kind === 'boolean') {
      if (end > plan.codes.length) plan.codes = grow(plan.codes, end, int32Column);
      plan.length = Math.max(plan.length, end);
    }
    try {
      this.convert(plan, vector, take, taken);
    } catch (err) {
      if (!(err instanceof BadRow)) throw err;
      const { type, value } = err.bad;
      throw new DataReadError(
        `${basename(this.path)}: row ${firstRow + err.row + 1}: column "${plan.name}" is set to ${type}, but ${quoteValue(value)} is not ${expectation(type)}`,
        this.path,
        undefined,
        plan.name,
      );
    }
  }


  /** The finished columns (`rows` of them each) and the columns skipped, with why. Releases the outputs. */
  finish(rows: number): { columns: Column[]; skipped: { name: string; reason: string }[] } {
    const columns: Column[] = [];
    const skipped: { name: string; reason: string }[] = [];
    for (const plan of this.plans) {
      if (plan.kind === 'skip') skipped.push({ name: plan.name, reason: plan.reason });
      else columns.push(finishColumn(plan, rows));
    }
    this.plans.length = 0;
    return { columns, skipped };
  }

  private plan(field: Field, name: string, index: number): Plan {
    const T = this.arrow.Type;
    const type = field.type as DataType;
    const rows = this.options.rows;
    const forced = this.options.columnTypes?.[name];
    const numeric = (kind: 'numeric' | 'datetime'): Plan => ({ kind, name, index, values: float64Column(rows), length: 0 });
    const skip = (reason: string): Plan => ({ kind: 'skip', name, index, reason });
    const cells = (source: CellSource, to: ColumnType): Plan => {
      const builder = cellBuilder(to, this.options.nulls, this.options.overwrites);
      builder.reserve(rows);
      return { kind: 'cells', name, index, builder, source, ...(isChecking(builder) ? { checker: builder } : {}) };
    };
    /** A column of `native` type: as it is, or forced to categorical/text through `source`'s string form. */
    const typed = (native: ColumnType, plan: () => Plan, source: CellSource): Plan => {
      if (forced === undefined || forced === native) return plan();
      if (forced === 'categorical' || forced === 'text') return cells(source, forced);
      throw new DataReadError(
        `${basename(this.path)}: column "${name}" (${type}) cannot be set to ${forced}; it can be set to categorical or text`,
        this.path,
        undefined,
        name,
      );
    };
    switch (type.typeId) {
      case T.Null:
        return forced === undefined || forced === 'numeric' ? numeric('numeric') : cells('null', forced);
      case T.Int:
        return typed('numeric', () => numeric('numeric'), (type as { bitWidth?: number }).bitWidth === 64 ? 'int64' : 'number');
      case T.Float:
      case T.Decimal:
        return typed('numeric', () => numeric('numeric'), 'number');
      case T.Date:
        return typed('datetime', () => numeric('datetime'), (type as { unit?: number }).unit === this.arrow.DateUnit.DAY ? 'day' : 'date');
      case T.Timestamp:
        return typed('datetime', () => numeric('datetime'), 'date');
      case T.Bool:
        return typed('boolean', () => ({ kind: 'boolean', name, index, codes: int32Column(rows), length: 0 }), 'bool');
      case T.Utf8:
      case T.LargeUtf8:
      // Polars writes its strings as Utf8View; parquet-wasm decodes them to plain Utf8 batches (stringReader
      // still handles real views, more slowly).
      case T.Utf8View:
        return this.strings(name, index, forced, cells);
      case T.Dictionary: {
        const valueType = (type as unknown as { dictionary: DataType }).dictionary;
        if (valueType.typeId === T.Utf8 || valueType.typeId === T.LargeUtf8) return this.strings(name, index, forced, cells);
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

  private strings(name: string, index: number, forced: ColumnType | undefined, cells: (s: CellSource, to: ColumnType) => Plan): Plan {
    if (forced !== undefined && forced !== 'categorical' && forced !== 'text') return cells('string', forced);
    const builder = new ColumnBuilder({ infer: false, overwrites: this.options.overwrites, as: forced });
    builder.reserve(this.options.rows);
    return { kind: 'strings', name, index, builder };
  }

  /** Copies the taken rows of one column of a batch into its plan (see `Take`). */
  private convert(plan: Converted, vector: Vector, take: Take, taken: number): void {
    const arrow = this.arrow;
    const { rows, slots, slot0 } = take;
    let chunkStart = 0;
    let k = 0;
    for (const data of vector.data as Data[]) {
      const chunkEnd = chunkStart + data.length;
      // Taken rows [from, to) fall in this chunk.
      let from: number;
      let to: number;
      if (rows) {
        from = k;
        to = k;
        while (to < rows.length && rows[to] < chunkEnd) to++;
        k = to;
      } else {
        from = chunkStart;
        to = Math.min(chunkEnd, taken);
      }
      const start = chunkStart;
      const local = rows ? (j: number) => rows[j] - start : (j: number) => j - start;
      const slot = slots ? (j: number) => slots[j] : (j: number) => slot0 + j;
      const valid = validity(data);

      const numbers = plan.kind === 'numeric' || plan.kind === 'datetime';
      const scale = numbers && !rows && !slots ? int64Scale(arrow, data) : undefined;
      if (numbers && !rows && !slots && (scale || plainNumbers(arrow, data))) {
        // Every row, in order: ints or floats JavaScript holds as numbers in one bulk copy (converting), 64-bit ints
        // or timestamps counted in s, ms or µs in one converting loop; then the nulls.
        const out = plan.values;
        if (scale) {
          const values = data.values as BigInt64Array;
          const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
          copyInt64(words, from - start, to - start, out, slot0 + from, scale.multiply, scale.divide);
        } else out.set((data.values as Float64Array).subarray(from - start, to - start), slot0 + from);
        if (valid) for (let j = from; j < to; j++) if (!valid(j - start)) out[slot0 + j] = NaN;
      } else if (plan.kind === 'numeric' || plan.kind === 'datetime') {
        const read = numberReader(arrow, data);
        const out = plan.values;
        for (let j = from; j < to; j++) {
          const i = local(j);
          out[slot(j)] = valid && !valid(i) ? NaN : read(i);
        }
      } else if (plan.kind === 'boolean') {
        const bits = data.values as Uint8Array;
        const offset = data.offset;
        for (let j = from; j < to; j++) {
          const i = local(j);
          plan.codes[slot(j)] = valid && !valid(i) ? -1 : (bits[(offset + i) >> 3] >> ((offset + i) & 7)) & 1;
        }
      } else if (plan.kind === 'cells') {
        const cell = cellReader(arrow, plan.source, data);
        const builder = plan.builder;
        const checker = plan.checker;
        if (checker) {
          // Every row of the chunk is read, taken or not: a bad value fails the file whatever the sample.
          let j = from;
          for (let i = 0; i < data.length; i++) {
            const isTaken = j < to && local(j) === i;
            const text = valid && !valid(i) ? undefined : cell(i);
            try {
              if (isTaken) {
                if (text === undefined) builder.setMissing(slot(j));
                else builder.set(slot(j), text);
              } else if (text !== undefined) checker.check(text);
            } catch (err) {
              if (err instanceof BadValue) throw new BadRow(start + i, err);
              throw err;
            }
            if (isTaken) j++;
          }
        } else {
          for (let j = from; j < to; j++) {
            const i = local(j);
            const text = valid && !valid(i) ? undefined : cell(i);
            if (text === undefined) builder.setMissing(slot(j));
            else builder.set(slot(j), text);
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
            builder.setCode(slot(j), -1);
            continue;
          }
          const d = Number(indices[i]);
          let code = codes[d];
          if (code === -2) {
            const value = dictionary.get(d) as string | null;
            code = codes[d] = value === null ? -1 : builder.codeOf(value);
          }
          builder.setCode(slot(j), code);
        }
      } else if (data.valueOffsets instanceof Int32Array || data.valueOffsets instanceof BigInt64Array) {
        // Utf8 and LargeUtf8: repeated values are found by their bytes (byteCodes.ts), only new ones become strings.
        // LargeUtf8's 64-bit offsets are read as 32-bit words, the low one (its high word must be 0, else the
        // general reader takes that value); parquet-wasm gives every Parquet string column as LargeUtf8.
        const strings = plan as Extract<Plan, { kind: 'strings' }>;
        const builder = strings.builder;
        const cache = (strings.cache ??= new ByteCodes());
        const large = data.valueOffsets instanceof BigInt64Array;
        const raw = data.valueOffsets;
        const offsets = large ? new Int32Array(raw.buffer, raw.byteOffset, raw.length * 2) : (raw as Int32Array);
        const stride = large ? 2 : 1;
        const bytes = data.values as Uint8Array;
        let fallback: ((i: number) => string) | undefined;
        for (let j = from; j < to; j++) {
          const i = local(j);
          if (valid && !valid(i)) {
            builder.setCode(slot(j), -1);
            continue;
          }
          const s = offsets[i * stride];
          const e = offsets[(i + 1) * stride];
          if (!(s >= 0 && e >= s && e <= bytes.length) || (large && (offsets[2 * i + 1] | offsets[2 * i + 3]) !== 0)) {
            // Offsets outside the data (a corrupt file): the general reader, which clamps them, as before.
            builder.setCode(slot(j), builder.codeOf((fallback ??= stringReader(this.arrow, data))(i)));
            continue;
          }
          let code = cache.full ? MISS : cache.get(bytes, s, e);
          if (code === MISS) {
            code = builder.codeOf(utf8(bytes, s, e));
            if (!cache.full) cache.put(bytes, s, e, code);
          }
          builder.setCode(slot(j), code);
        }
      } else {
        const builder = (plan as Extract<Plan, { kind: 'strings' }>).builder;
        const read = stringReader(this.arrow, data);
        for (let j = from; j < to; j++) {
          const i = local(j);
          builder.setCode(slot(j), valid && !valid(i) ? -1 : builder.codeOf(read(i)));
        }
      }
      chunkStart = chunkEnd;
    }
  }
}

/** A value of a forced column that does not read, at batch row `row`. */
class BadRow extends Error {
  constructor(
    readonly row: number,
    readonly bad: BadValue,
  ) {
    super('bad value');
  }
}

/** One past the highest output slot a batch of `numRows` rows writes under `take`. */
function endOf(numRows: number, take: Take): number {
  if (!take.slots) return take.slot0 + (take.rows ? take.rows.length : numRows);
  let end = 0;
  for (let k = 0; k < take.slots.length; k++) if (take.slots[k] >= end) end = take.slots[k] + 1;
  return end;
}

function grow<T extends Float64Array | Int32Array>(array: T, min: number, make: (n: number) => T): T {
  let cap = Math.max(1024, array.length * 2);
  while (cap < min) cap *= 2;
  const next = make(cap);
  next.set(array);
  return next;
}

/** Null-bitmap reader for a data chunk, or undefined when the chunk has no nulls. */
function validity(data: Data): ((i: number) => boolean) | undefined {
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return undefined;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1;
}

const TWO_32 = 4294967296;

/** Whether a chunk's values are a typed array of plain numbers (not 64-bit, half-float, decimal or date units). */
function plainNumbers(arrow: Arrow, data: Data): boolean {
  const values = data.values as unknown;
  if (data.type.typeId === arrow.Type.Float) return values instanceof Float64Array || values instanceof Float32Array;
  if (data.type.typeId !== arrow.Type.Int) return false;
  return (
    values instanceof Int32Array ||
    values instanceof Int16Array ||
    values instanceof Int8Array ||
    values instanceof Uint32Array ||
    values instanceof Uint16Array ||
    values instanceof Uint8Array
  );
}

/**
 * For a chunk of signed 64-bit ints, or of timestamps in seconds, milliseconds or microseconds: the factor and the
 * divisor that make each value a number as `numberReader` does (nanoseconds need its exact split; unsigned 64-bit
 * values its other word rule). Undefined for anything else.
 */
function int64Scale(arrow: Arrow, data: Data): { multiply: number; divide: number } | undefined {
  if (!(data.values instanceof BigInt64Array)) return undefined;
  const T = arrow.Type;
  if (data.type.typeId === T.Int) return { multiply: 1, divide: 1 };
  if (data.type.typeId !== T.Timestamp) return undefined;
  switch ((data.type as DataType & { unit?: number }).unit) {
    case arrow.TimeUnit.SECOND:
      return { multiply: 1000, divide: 1 };
    case arrow.TimeUnit.MILLISECOND:
      return { multiply: 1, divide: 1 };
    case arrow.TimeUnit.MICROSECOND:
      return { multiply: 1, divide: 1000 };
    default:
      return undefined;
  }
}

/** out[at + k] = value k of words[2·from ..) (little-endian int64 pairs) × multiply / divide, for k < to − from. */
function copyInt64(words: Int32Array, from: number, to: number, out: Float64Array, at: number, multiply: number, divide: number): void {
  for (let k = from; k < to; k++) {
    const v = words[2 * k + 1] * TWO_32 + (words[2 * k] >>> 0);
    out[at + k - from] = divide === 1 ? v * multiply : v / divide;
  }
}

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
        default: {
          // Nanoseconds since 1970 exceed 2^53: converting the count to a double first rounds it, and the
          // division then lands off whole milliseconds. Split exactly, whole milliseconds plus the remainder.
          if (!(values instanceof BigInt64Array)) return (i) => read(i) / 1_000_000;
          return (i) => {
            const ns = values[i];
            return Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
          };
        }
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
function stringReader(arrow: Arrow, data: Data): (i: number) => string {
  if (!data.valueOffsets) {
    // Utf8View data has views instead of offsets: let apache-arrow resolve each value.
    const vector = arrow.makeVector(data);
    return (i) => vector.get(i) as string;
  }
  const bytes = data.values as Uint8Array;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  if (offsets instanceof BigInt64Array) return (i) => buf.toString('utf8', Number(offsets[i]), Number(offsets[i + 1]));
  return (i) => buf.toString('utf8', offsets[i], offsets[i + 1]);
}

/** Value i of a chunk (not null) as the text cell a forced column reads. */
function cellReader(arrow: Arrow, source: CellSource, data: Data): (i: number) => string | undefined {
  switch (source) {
    case 'null':
      return () => undefined;
    case 'number': {
      const read = numberReader(arrow, data);
      return (i) => {
        const v = read(i);
        return v === v ? String(v) : undefined; // a float NaN is missing, as in a numeric column
      };
    }
    case 'int64': {
      const values = data.values as BigInt64Array | BigUint64Array;
      return (i) => values[i].toString(); // exact, unlike Number beyond 2^53
    }
    case 'bool': {
      const bits = data.values as Uint8Array;
      const offset = data.offset;
      return (i) => ((bits[(offset + i) >> 3] >> ((offset + i) & 7)) & 1 ? 'true' : 'false');
    }
    case 'date':
    case 'day': {
      const read = numberReader(arrow, data);
      return (i) => {
        const ms = read(i);
        if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
        const iso = new Date(ms).toISOString();
        return source === 'day' ? iso.slice(0, 10) : iso;
      };
    }
    case 'string': {
      if (data.type.typeId === arrow.Type.Dictionary) {
        const dictionary = data.dictionary as Vector;
        const indices = data.values as unknown as ArrayLike<number>;
        return (i) => (dictionary.get(Number(indices[i])) as string | null) ?? undefined;
      }
      return stringReader(arrow, data);
    }
  }
}

function finishColumn(plan: Converted, rows: number): Column {
  switch (plan.kind) {
    case 'numeric':
    case 'datetime': {
      const values = fitColumn(plan.values, plan.length, rows, NaN);
      // Float NaNs count as missing too, as everywhere else in a NumericColumn.
      let nulls = 0;
      for (let i = 0; i < rows; i++) if (values[i] !== values[i]) nulls++;
      return { name: plan.name, type: plan.kind, values, nullCount: nulls };
    }
    case 'boolean':
      return booleanColumn(plan.name, fitColumn(plan.codes, plan.length, rows, -1));
    case 'strings':
    case 'cells':
      return plan.builder.finish(plan.name, rows);
  }
}

