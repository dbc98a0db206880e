/**
 * A Parquet file's footer → its schema, row count, row groups and compression, without reading any data: the last
 * 8 bytes give the footer's length, then only the footer itself is read and decoded (Thrift compact protocol,
 * thriftCompact.ts). That takes milliseconds whatever the file's size, so the data view shows a 3-million-row
 * file's schema at once. Null counts come from the column chunks' statistics when every chunk has them.
 *
 * Field numbers are those of parquet.thrift (apache/parquet-format).
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import { fileError } from './files';
import { DataReadError } from './table';
import { CompactReader, field, ThriftError, type ThriftStruct, type ThriftValue } from './thriftCompact';

export interface ParquetMeta {
  /** Rows in the file (the footer's count). */
  rows: number;
  /** File size in bytes. */
  bytes: number;
  /** Format version (1 or 2). */
  version: number;
  /** The writer, e.g. "parquet-cpp-arrow version 17.0.0", when the file says. */
  createdBy?: string;
  rowGroups: ParquetRowGroup[];
  /** Top-level fields in file order (a nested field's leaves are summed into it). */
  fields: ParquetField[];
  /** Every codec any column chunk uses, e.g. ["SNAPPY"]. */
  compression: string[];
}

export interface ParquetRowGroup {
  rows: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

export interface ParquetField {
  name: string;
  /** BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE, BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY[n], or "group" for nested fields. */
  physicalType: string;
  /** e.g. STRING, DATE, TIMESTAMP(MICROS, UTC), DECIMAL(10, 2), INT(16, signed), LIST; null when there is none. */
  logicalType: string | null;
  repetition: 'required' | 'optional' | 'repeated';
  /** Nulls from the chunks' statistics; null when some chunk has none or the field is nested. */
  nulls: number | null;
  compressedBytes: number;
  uncompressedBytes: number;
  /** Codecs and encodings of its column chunks. */
  compression: string[];
  encodings: string[];
}

const MAGIC = 'PAR1';
const ENCRYPTED_MAGIC = 'PARE';

const PHYSICAL = ['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY'];
const REPETITION = ['required', 'optional', 'repeated'] as const;
const CODECS = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW'];
const ENCODINGS = [
  'PLAIN',
  'GROUP_VAR_INT',
  'PLAIN_DICTIONARY',
  'RLE',
  'BIT_PACKED',
  'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY',
  'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY',
  'BYTE_STREAM_SPLIT',
];
/** ConvertedType, the logical type of files written before LogicalType existed. */
const CONVERTED = [
  'UTF8', 'MAP', 'MAP_KEY_VALUE', 'LIST', 'ENUM', 'DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64', 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'JSON', 'BSON', 'INTERVAL',
];

/** Reads and decodes the footer of the Parquet file at `path`; a DataReadError naming the file when it cannot. */
export async function readParquetMeta(path: string): Promise<ParquetMeta> {
  const name = basename(path);
  let handle: fs.promises.FileHandle | undefined;
  let footer: Uint8Array;
  let size: number;
  try {
    handle = await fs.promises.open(path, 'r');
    size = (await handle.stat()).size;
    if (size === 0) throw new DataReadError(`${name}: file is empty`, path);
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.toString('latin1') !== MAGIC) throw new DataReadError(`${name}: not a Parquet file (missing PAR1 magic)`, path);
    const tail = Buffer.alloc(8);
    if (size >= 12) await handle.read(tail, 0, 8, size - 8);
    const endMagic = tail.toString('latin1', 4, 8);
    if (endMagic === ENCRYPTED_MAGIC) throw new DataReadError(`${name}: the Parquet file is encrypted, which is not supported`, path);
    if (size < 12 || endMagic !== MAGIC) {
      throw new DataReadError(`${name}: Parquet file is truncated or corrupt (missing PAR1 magic at the end)`, path);
    }
    const length = tail.readUInt32LE(0);
    if (length === 0 || length > size - 12) {
      throw new DataReadError(`${name}: Parquet file is corrupt (its footer length, ${length} bytes, does not fit the file's ${size} bytes)`, path);
    }
    footer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(footer, 0, length, size - 8 - length);
    if (bytesRead !== length) throw new DataReadError(`${name}: Parquet file is truncated (its footer could not be read)`, path);
  } catch (err) {
    if (err instanceof DataReadError) throw err;
    throw fileError(path, err);
  } finally {
    await handle?.close();
  }
  try {
    return decodeFooter(footer, size);
  } catch (err) {
    const why = err instanceof ThriftError || err instanceof FooterError ? err.message : String(err);
    throw new DataReadError(`${name}: Parquet file is corrupt (its footer ${why})`, path);
  }
}

class FooterError extends Error {}

/** FileMetaData (Thrift) → ParquetMeta. Exported for tests. */
export function decodeFooter(bytes: Uint8Array, fileBytes: number): ParquetMeta {
  const meta = new CompactReader(bytes).readStruct();
  const schema = structs(field.list(meta, 2), 'schema');
  const rows = need(field.int(meta, 3), 'row count');
  if (schema.length === 0) throw new FooterError('has no schema');

  // The schema is a tree flattened depth-first; element 0 is the root. Each leaf is one column chunk per row group,
  // in this same order: remember which top-level field each leaf belongs to.
  const fields: ParquetField[] = [];
  const leafField: number[] = [];
  let next = 1;
  const walk = (top: number, count: number, depth: number) => {
    if (depth > 64) throw new FooterError('nests its schema too deeply');
    for (let i = 0; i < count; i++) {
      if (next >= schema.length) throw new FooterError('has fewer schema elements than its tree says');
      const element = schema[next++];
      const children = field.int(element, 5) ?? 0;
      const owner = top >= 0 ? top : fields.length;
      if (top < 0) fields.push(fieldOf(element, children > 0));
      if (children > 0) walk(owner, children, depth + 1);
      else leafField.push(owner);
    }
  };
  walk(-1, field.int(schema[0], 5) ?? schema.length - 1, 0);

  // A nested field's nulls are not its leaves' nulls: unknown. A required field has none.
  const nulls: (number | null)[] = fields.map((f) => (f.physicalType === 'group' ? null : 0));
  const rowGroups: ParquetRowGroup[] = [];
  const codecs = new Set<string>();
  for (const group of structs(field.list(meta, 4), 'row groups')) {
    const chunks = structs(field.list(group, 1), 'column chunks');
    if (chunks.length !== leafField.length) throw new FooterError(`has a row group of ${chunks.length} columns where the schema has ${leafField.length}`);
    let compressed = 0;
    chunks.forEach((chunk, leaf) => {
      const f = fields[leafField[leaf]];
      const cm = field.struct(chunk, 3);
      if (!cm) {
        nulls[leafField[leaf]] = null;
        return;
      }
      const codec = CODECS[field.int(cm, 4) ?? -1] ?? `codec ${field.int(cm, 4)}`;
      codecs.add(codec);
      addUnique(f.compression, codec);
      for (const e of field.list(cm, 2) ?? []) if (typeof e === 'number') addUnique(f.encodings, ENCODINGS[e] ?? `encoding ${e}`);
      f.uncompressedBytes += field.int(cm, 6) ?? 0;
      const size = field.int(cm, 7) ?? 0;
      f.compressedBytes += size;
      compressed += size;
      const current = nulls[leafField[leaf]];
      if (current === null || f.repetition === 'required') return;
      const stats = field.struct(cm, 12);
      const count = stats ? field.int(stats, 3) : undefined;
      nulls[leafField[leaf]] = count === undefined ? null : current + count;
    });
    rowGroups.push({
      rows: need(field.int(group, 3), 'row group row count'),
      compressedBytes: field.int(group, 6) ?? compressed,
      uncompressedBytes: field.int(group, 2) ?? 0,
    });
  }
  fields.forEach((f, i) => (f.nulls = nulls[i]));
  const createdBy = field.string(meta, 6);
  return {
    rows,
    bytes: fileBytes,
    version: field.int(meta, 1) ?? 1,
    ...(createdBy ? { createdBy } : {}),
    rowGroups,
    fields,
    compression: [...codecs],
  };
}

function fieldOf(element: ThriftStruct, group: boolean): ParquetField {
  const physical = field.int(element, 1);
  const length = field.int(element, 2);
  let physicalType = group ? 'group' : PHYSICAL[physical ?? -1] ?? `type ${physical}`;
  if (physicalType === 'FIXED_LEN_BYTE_ARRAY' && length !== undefined) physicalType += `[${length}]`;
  return {
    name: field.string(element, 4) ?? '',
    physicalType,
    logicalType: logicalTypeOf(element),
    repetition: REPETITION[field.int(element, 3) ?? 0] ?? 'required',
    nulls: null,
    compressedBytes: 0,
    uncompressedBytes: 0,
    compression: [],
    encodings: [],
  };
}

/** SchemaElement.logicalType (a union), else its older converted_type, as text. */
function logicalTypeOf(element: ThriftStruct): string | null {
  const logical = field.struct(element, 10);
  const entry = logical?.entries().next().value; // a union: one field set
  if (entry) {
    const [id, value] = entry;
    const s = value instanceof Map ? value : new Map<number, ThriftValue>();
    const unit = () => {
      const u = field.struct(s, 2);
      return u?.has(1) ? 'MILLIS' : u?.has(2) ? 'MICROS' : u?.has(3) ? 'NANOS' : '?';
    };
    switch (id) {
      case 1: return 'STRING';
      case 2: return 'MAP';
      case 3: return 'LIST';
      case 4: return 'ENUM';
      case 5: return `DECIMAL(${field.int(s, 2) ?? '?'}, ${field.int(s, 1) ?? '?'})`;
      case 6: return 'DATE';
      case 7: return `TIME(${unit()}${field.bool(s, 1) ? ', UTC' : ''})`;
      case 8: return `TIMESTAMP(${unit()}${field.bool(s, 1) ? ', UTC' : ''})`;
      case 10: return `INT(${field.int(s, 1) ?? '?'}, ${field.bool(s, 2) === false ? 'unsigned' : 'signed'})`;
      case 11: return 'NULL';
      case 12: return 'JSON';
      case 13: return 'BSON';
      case 14: return 'UUID';
      case 15: return 'FLOAT16';
      case 16: return 'VARIANT';
      case 17: return 'GEOMETRY';
      case 18: return 'GEOGRAPHY';
    }
  }
  const converted = field.int(element, 6);
  if (converted === undefined) return null;
  const text = CONVERTED[converted] ?? `converted type ${converted}`;
  return text === 'DECIMAL' ? `DECIMAL(${field.int(element, 8) ?? '?'}, ${field.int(element, 7) ?? '?'})` : text;
}

function structs(list: ThriftValue[] | undefined, what: string): ThriftStruct[] {
  if (!list) throw new FooterError(`has no ${what}`);
  return list.map((v) => {
    if (!(v instanceof Map)) throw new FooterError(`has a malformed entry in its ${what}`);
    return v;
  });
}

function need(value: number | undefined, what: string): number {
  if (value === undefined || value < 0) throw new FooterError(`has no valid ${what}`);
  return value;
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
