/**
 * Columns of text cells whose type the user forced (`ReadOptions.columnTypes`) rather than left to inference.
 *
 * - 'categorical' / 'text': every cell's exact text is a category ("00501" stays "00501", "7" and "7.0" differ);
 *   null tokens are still missing. A `ColumnBuilder` without inference does this.
 * - 'numeric' / 'datetime' / 'boolean': every non-missing cell must read as one (numbers as in infer.ts, ISO 8601
 *   datetimes, true/false in any case or 1/0); the first that does not throws `BadValue`. Readers call `check` on
 *   rows sampling drops too, so whether a file is accepted never depends on the sample.
 */
import { fitColumn, float64Column, int32Column } from './columnMemory';
import { ColumnBuilder, type NullTokens, parseBoolean, parseDatetime, parseNumber } from './infer';
import type { Column, ColumnType } from './table';

export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];

/** What readers of text cells (CSV, JSON Lines) need from a column builder; `ColumnBuilder` is one. */
export interface CellBuilder {
  set(slot: number, cell: string): void;
  setMissing(slot: number): void;
  reserve(rows: number): void;
  readonly hasPending: boolean;
  pendingSlots(rows: number): number[];
  isPending(slot: number): boolean;
  finish(name: string, rows: number): Column;
}

/** A cell that is not of the type its column was forced to. Readers add the column and where it is. */
export class BadValue extends Error {
  constructor(
    readonly value: string,
    readonly type: ColumnType,
  ) {
    super(`"${value}" is not ${expectation(type)}`);
  }
}

/** "a number", …: what a column forced to `type` expects, for messages. */
export function expectation(type: ColumnType): string {
  switch (type) {
    case 'numeric':
      return 'a number';
    case 'datetime':
      return 'an ISO 8601 date or date-time';
    case 'boolean':
      return 'true/false or 1/0';
    default:
      return `a ${type} value`;
  }
}

/** A value for a message: quoted, and cut short when long. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Throws a message naming the bad entry when `columnTypes` holds something that is not a column type. */
export function checkColumnTypes(columnTypes: Readonly<Record<string, ColumnType>> | undefined): void {
  for (const [name, type] of Object.entries(columnTypes ?? {})) {
    if (!COLUMN_TYPES.includes(type)) {
      throw new Error(`column type of "${name}": "${String(type)}" is not one of ${COLUMN_TYPES.join(', ')}`);
    }
  }
}

/** The builder of one column of text cells: inferred when `type` is undefined, else of the forced type. */
export function cellBuilder(type: ColumnType | undefined, nulls: NullTokens, overwrites: boolean): CellBuilder {
  switch (type) {
    case undefined:
      return new ColumnBuilder({ infer: true, nulls, overwrites });
    case 'categorical':
    case 'text':
      return new ColumnBuilder({ infer: false, nulls, overwrites, as: type });
    case 'numeric':
      return new ParsedBuilder('numeric', nulls, parseNumber);
    case 'datetime':
      return new ParsedBuilder('datetime', nulls, parseDatetime);
    case 'boolean':
      return new BooleanBuilder(nulls);
  }
}

/** Whether the builder rejects some cells, so that rows sampling drops must still be `check`ed. */
export function isChecking(b: CellBuilder): b is CheckingBuilder {
  return b instanceof ParsedBuilder || b instanceof BooleanBuilder;
}

export interface CheckingBuilder extends CellBuilder {
  /** Throws BadValue when `set` would. */
  check(cell: string): void;
}

/** 1 for true/"1", 0 for false/"0", undefined otherwise. */
function parseForcedBoolean(s: string): 0 | 1 | undefined {
  const b = parseBoolean(s);
  if (b !== undefined) return b;
  const t = s.trim();
  return t === '1' ? 1 : t === '0' ? 0 : undefined;
}

/** Typed storage that doubles as rows arrive; `take` returns exactly `rows` rows, unwritten ones set to `fill`. */
class Grown<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (n: number) => T,
    private readonly fill: number,
  ) {}

  ensure(slot: number): void {
    if (slot >= this.array.length) {
      let cap = Math.max(1024, this.array.length * 2);
      while (cap <= slot) cap *= 2;
      const next = this.make(cap);
      next.set(this.array.subarray(0, this.length));
      this.array = next;
    }
    if (slot >= this.length) this.length = slot + 1;
  }

  take(rows: number): T {
    const out = fitColumn(this.array, this.length, rows, this.fill);
    this.array = this.make(0);
    return out;
  }
}

class ParsedBuilder implements CheckingBuilder {
  private readonly values = new Grown(new Float64Array(0), float64Column, NaN);
  readonly hasPending = false;

  constructor(
    private readonly type: 'numeric' | 'datetime',
    private readonly nulls: NullTokens,
    private readonly parse: (s: string) => number | undefined,
  ) {}

  private read(cell: string): number {
    if (this.nulls.isMissing(cell)) return NaN;
    const v = this.parse(cell);
    if (v === undefined) throw new BadValue(cell, this.type);
    return v;
  }

  check(cell: string): void {
    this.read(cell);
  }

  set(slot: number, cell: string): void {
    const v = this.read(cell);
    this.values.ensure(slot);
    this.values.array[slot] = v;
  }

  setMissing(slot: number): void {
    this.values.ensure(slot);
    this.values.array[slot] = NaN;
  }

  reserve(rows: number): void {
    if (rows > 0) {
      const length = this.values.length;
      this.values.ensure(rows - 1);
      this.values.length = length;
    }
  }

  pendingSlots(): number[] {
    return [];
  }

  isPending(): boolean {
    return false;
  }

  finish(name: string, rows: number): Column {
    const values = this.values.take(rows);
    let nulls = 0;
    for (let i = 0; i < rows; i++) if (values[i] !== values[i]) nulls++;
    return { name, type: this.type, values, nullCount: nulls };
  }
}

class BooleanBuilder implements CheckingBuilder {
  private readonly codes = new Grown(new Int32Array(0), int32Column, -1);
  readonly hasPending = false;

  constructor(private readonly nulls: NullTokens) {}

  private read(cell: string): number {
    if (this.nulls.isMissing(cell)) return -1;
    const b = parseForcedBoolean(cell);
    if (b === undefined) throw new BadValue(cell, 'boolean');
    return b;
  }

  check(cell: string): void {
    this.read(cell);
  }

  set(slot: number, cell: string): void {
    const code = this.read(cell);
    this.codes.ensure(slot);
    this.codes.array[slot] = code;
  }

  setMissing(slot: number): void {
    this.codes.ensure(slot);
    this.codes.array[slot] = -1;
  }

  reserve(rows: number): void {
    if (rows > 0) {
      const length = this.codes.length;
      this.codes.ensure(rows - 1);
      this.codes.length = length;
    }
  }

  pendingSlots(): number[] {
    return [];
  }

  isPending(): boolean {
    return false;
  }

  finish(name: string, rows: number): Column {
    return booleanColumn(name, this.codes.take(rows));
  }
}

/** A boolean column from codes 0 (false), 1 (true), -1 (missing): categories are the values present, in order. */
export function booleanColumn(name: string, codes: Int32Array): Column {
  const seen = [false, false];
  let nulls = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) nulls++;
    else seen[c] = true;
  }
  const categories = (['false', 'true'] as const).filter((_, b) => seen[b]);
  if (!seen[0] && seen[1]) for (let i = 0; i < codes.length; i++) if (codes[i] === 1) codes[i] = 0;
  return { name, type: 'boolean', codes, categories, nullCount: nulls };
}
