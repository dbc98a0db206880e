/**
 * A reader for Thrift's compact protocol, the encoding of a Parquet file's footer. Generic: a struct becomes a
 * map from field id to value, and parquetFooter.ts picks the fields it knows, so fields added by newer writers are
 * skipped for free. parquet-wasm decodes the same footer but does not expose physical and logical types or
 * statistics, which the data view shows.
 *
 * Footers come from files nobody has checked: every length is bounded by the bytes left, nesting by a depth limit,
 * and anything malformed throws a `ThriftError` (the caller names the file).
 */

export type ThriftValue = boolean | number | Uint8Array | ThriftStruct | ThriftValue[];
/** Field id → value. */
export type ThriftStruct = Map<number, ThriftValue>;

export class ThriftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThriftError';
  }
}

// Compact protocol type ids.
const BOOL_TRUE = 1;
const BOOL_FALSE = 2;
const BYTE = 3;
const I16 = 4;
const I32 = 5;
const I64 = 6;
const DOUBLE = 7;
const BINARY = 8;
const LIST = 9;
const SET = 10;
const MAP = 11;
const STRUCT = 12;

/** Parquet's footer nests a handful of levels; real files never come near this. */
const MAX_DEPTH = 32;

export class CompactReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** The struct starting at the current position. */
  readStruct(depth = 0): ThriftStruct {
    if (depth > MAX_DEPTH) throw new ThriftError('structures nested too deeply');
    const fields: ThriftStruct = new Map();
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return fields; // STOP
      const type = header & 0x0f;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag() : lastId + delta;
      lastId = id;
      // Booleans carry their value in the field header's type.
      const value = type === BOOL_TRUE ? true : type === BOOL_FALSE ? false : this.value(type, depth);
      fields.set(id, value);
    }
  }

  private value(type: number, depth: number): ThriftValue {
    switch (type) {
      case BOOL_TRUE:
      case BOOL_FALSE:
        // Inside lists a boolean is a byte of its own: 1 true, anything else false.
        return this.byte() === BOOL_TRUE;
      case BYTE: {
        const b = this.byte();
        return b > 127 ? b - 256 : b;
      }
      case I16:
      case I32:
      case I64:
        return this.zigzag();
      case DOUBLE: {
        this.need(8);
        const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8);
        this.pos += 8;
        return view.getFloat64(0, true);
      }
      case BINARY: {
        const length = this.varint();
        this.need(length);
        const out = this.bytes.subarray(this.pos, this.pos + length);
        this.pos += length;
        return out;
      }
      case LIST:
      case SET: {
        const header = this.byte();
        const size = header >> 4 === 15 ? this.varint() : header >> 4;
        const elementType = header & 0x0f;
        // Every element takes at least one byte: a size beyond the bytes left is corrupt, not a huge allocation.
        this.need(size);
        const items: ThriftValue[] = [];
        for (let i = 0; i < size; i++) items.push(elementType === STRUCT ? this.readStruct(depth + 1) : this.value(elementType, depth + 1));
        return items;
      }
      case MAP: {
        const size = this.varint();
        if (size === 0) return [];
        const types = this.byte();
        this.need(size);
        const entries: ThriftValue[] = [];
        for (let i = 0; i < size; i++) {
          const key = this.element(types >> 4, depth);
          entries.push([key, this.element(types & 0x0f, depth)]);
        }
        return entries;
      }
      case STRUCT:
        return this.readStruct(depth + 1);
      default:
        throw new ThriftError(`unknown field type ${type} at byte ${this.pos}`);
    }
  }

  private element(type: number, depth: number): ThriftValue {
    return type === STRUCT ? this.readStruct(depth + 1) : this.value(type, depth + 1);
  }

  private byte(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }

  /** An unsigned LEB128 varint, as a double (exact to 2^53, plenty for Parquet's counts and sizes). */
  private varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new ThriftError(`varint longer than 10 bytes at byte ${this.pos}`);
  }

  /** A zigzag-encoded signed varint. */
  private zigzag(): number {
    const n = this.varint();
    // n is even for non-negative values: n / 2; odd for negative ones: -(n + 1) / 2. (No bit operations: n may exceed 2^32.)
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  private need(count: number): void {
    if (count < 0 || this.pos + count > this.bytes.length) {
      throw new ThriftError(`runs past its end (needs ${count} more bytes at byte ${this.pos} of ${this.bytes.length})`);
    }
  }
}

/** Field accessors that check the type they expect (a corrupt footer may hold anything anywhere). */
export const field = {
  int(s: ThriftStruct, id: number): number | undefined {
    const v = s.get(id);
    return typeof v === 'number' ? v : undefined;
  },
  bool(s: ThriftStruct, id: number): boolean | undefined {
    const v = s.get(id);
    return typeof v === 'boolean' ? v : undefined;
  },
  bytes(s: ThriftStruct, id: number): Uint8Array | undefined {
    const v = s.get(id);
    return v instanceof Uint8Array ? v : undefined;
  },
  string(s: ThriftStruct, id: number): string | undefined {
    const v = s.get(id);
    return v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined;
  },
  struct(s: ThriftStruct, id: number): ThriftStruct | undefined {
    const v = s.get(id);
    return v instanceof Map ? v : undefined;
  },
  list(s: ThriftStruct, id: number): ThriftValue[] | undefined {
    const v = s.get(id);
    return Array.isArray(v) ? v : undefined;
  },
};
