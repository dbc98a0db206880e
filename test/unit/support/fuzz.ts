/**
 * Shared by io-fuzz.test.ts: reading a hostile file with a time bound, the property every outcome must satisfy
 * (a well-formed Table, or a DataReadError naming the file), tallies of what was seen, a watch on unhandled
 * rejections and uncaught exceptions, and seeded byte corruption (truncation, flipped bytes).
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import * as fc from 'fast-check';
import { readTable } from '../../../src/core/io/read';
import { DataReadError, isNumericColumn, MAX_SKIPPED_LINES, type ReadOptions, type Table } from '../../../src/core/io/table';

export type Outcome = { kind: 'table'; table: Table; ms: number } | { kind: 'error'; error: DataReadError; ms: number };

/**
 * Reads `path`; fails (AssertionError) when the read does not settle within `limitMs`, rejects with anything but a
 * DataReadError for this file, or resolves to a table that is not well-formed.
 */
export async function readOutcome(path: string, options: ReadOptions, limitMs: number): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limitMs)));
  const read = readTable(path, options).then(
    (table) => ({ table }),
    (error: unknown) => ({ error }),
  );
  const settled = await Promise.race([read, timeout]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  assert.notEqual(settled, 'timeout', `${basename(path)}: the read did not settle within ${limitMs} ms`);
  if (settled === 'timeout') throw new Error('unreachable');
  if ('error' in settled) {
    assertCleanError(settled.error, path);
    return { kind: 'error', error: settled.error as DataReadError, ms };
  }
  assertWellFormed(settled.table, path);
  return { kind: 'table', table: settled.table, ms };
}

/** A DataReadError for `path` whose message names the file (and its line, when it has one). */
export function assertCleanError(error: unknown, path: string): asserts error is DataReadError {
  if (!(error instanceof DataReadError)) {
    const what = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
    assert.fail(`${basename(path)}: expected a DataReadError, got ${what}`);
  }
  assert.equal(error.path, path, `error.path of: ${error.message}`);
  assert.ok(error.message.includes(basename(path)), `the message does not name the file: ${error.message}`);
  if (error.line !== undefined) {
    assert.ok(Number.isInteger(error.line) && error.line >= 1, `bad line ${error.line}: ${error.message}`);
    assert.ok(new RegExp(`\\b(line|row) ${error.line}\\b`).test(error.message), `the message does not give line ${error.line}: ${error.message}`);
  }
}

/**
 * Every column holds `rows` values; nullCount is the number of NaN values / -1 codes; codes index `categories`
 * (distinct strings; booleans only "false"/"true"); names are distinct; skipped-row bookkeeping is consistent.
 */
export function assertWellFormed(t: Table, path: string): void {
  assert.equal(t.path, path);
  assert.ok(Number.isInteger(t.rows) && t.rows >= 0, `rows ${t.rows}`);
  assert.ok(Number.isInteger(t.totalRows) && t.totalRows >= t.rows, `totalRows ${t.totalRows} < rows ${t.rows}`);
  if (t.sample) assert.equal(t.sample.rows, t.rows);
  else assert.equal(t.totalRows, t.rows, 'totalRows differs from rows without a sample');
  const names = [...t.columns.map((c) => c.name), ...t.skipped.map((s) => s.name)];
  assert.equal(new Set(names).size, names.length, `duplicate column names: ${JSON.stringify(names.slice(0, 20))}`);
  for (const c of t.columns) {
    assert.equal(typeof c.name, 'string');
    assert.ok(c.name.length > 0, 'an empty column name');
    if (isNumericColumn(c)) {
      assert.ok(c.values instanceof Float64Array, `${c.name}: values not a Float64Array`);
      assert.equal(c.values.length, t.rows, `${c.name}: ${c.values.length} values for ${t.rows} rows`);
      let nulls = 0;
      for (const v of c.values) {
        if (Number.isNaN(v)) nulls++;
        else if (c.type === 'datetime') assert.ok(Number.isFinite(v), `${c.name}: datetime ${v}`);
      }
      assert.equal(c.nullCount, nulls, `${c.name}: nullCount ${c.nullCount}, NaN values ${nulls}`);
    } else {
      assert.ok(c.codes instanceof Int32Array, `${c.name}: codes not an Int32Array`);
      assert.equal(c.codes.length, t.rows, `${c.name}: ${c.codes.length} codes for ${t.rows} rows`);
      assert.ok(Array.isArray(c.categories), `${c.name}: categories not an array`);
      assert.ok(c.categories.every((s) => typeof s === 'string'), `${c.name}: a category is not a string`);
      assert.equal(new Set(c.categories).size, c.categories.length, `${c.name}: duplicate categories`);
      if (c.type === 'boolean') assert.ok(c.categories.every((s) => s === 'false' || s === 'true'), `${c.name}: boolean categories ${c.categories}`);
      let nulls = 0;
      for (const code of c.codes) {
        if (code === -1) nulls++;
        else assert.ok(code >= 0 && code < c.categories.length, `${c.name}: code ${code} of ${c.categories.length} categories`);
      }
      assert.equal(c.nullCount, nulls, `${c.name}: nullCount ${c.nullCount}, -1 codes ${nulls}`);
    }
  }
  if (t.skippedRows !== undefined) {
    assert.ok(Number.isInteger(t.skippedRows) && t.skippedRows > 0, `skippedRows ${t.skippedRows}`);
    const lines = t.skippedRowLines ?? [];
    assert.equal(lines.length, Math.min(t.skippedRows, MAX_SKIPPED_LINES));
    for (let k = 0; k < lines.length; k++) {
      assert.ok(Number.isInteger(lines[k]) && lines[k] >= 1 && (k === 0 || lines[k] > lines[k - 1]), `skippedRowLines ${lines}`);
    }
  } else assert.equal(t.skippedRowLines, undefined);
  for (const r of t.renamedColumns ?? []) assert.ok(names.includes(r.to), `renamed to ${r.to}, no such column`);
}

/** What a property saw: tables and errors, the errors' kinds (message with the file name and numbers blanked). */
export class Tally {
  tables = 0;
  errors = 0;
  slowestMs = 0;
  totalMs = 0;
  readonly kinds = new Map<string, number>();

  add(outcome: Outcome, path: string): void {
    this.totalMs += outcome.ms;
    this.slowestMs = Math.max(this.slowestMs, outcome.ms);
    if (outcome.kind === 'table') {
      this.tables++;
      return;
    }
    this.errors++;
    const kind = outcome.error.message
      .split(basename(path))
      .join('<file>')
      .replace(/\(.*$/, '(…')
      .replace(/\d+/g, 'N')
      .slice(0, 90);
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  report(label: string): string {
    const kinds = [...this.kinds].sort((a, b) => b[1] - a[1]);
    const lines = kinds.map(([k, n]) => `    ${String(n).padStart(4)}  ${k}`);
    return [
      `${label}: ${this.tables + this.errors} reads — ${this.tables} tables, ${this.errors} DataReadErrors; ` +
        `${this.totalMs.toFixed(0)} ms reading, slowest ${this.slowestMs.toFixed(0)} ms`,
      ...lines,
    ].join('\n');
  }
}

/**
 * Records unhandled rejections and uncaught exceptions from now until `stop()`, which fails if any happened. (An
 * 'uncaughtException' listener keeps the process alive, so the failure is reported here instead of ending the run.)
 */
export function watchProcess(): { stop(): void } {
  const seen: string[] = [];
  const onRejection = (reason: unknown) => seen.push(`unhandledRejection: ${describe(reason)}`);
  const onException = (err: unknown) => seen.push(`uncaughtException: ${describe(err)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      assert.deepEqual(seen, [], 'unhandled rejections or uncaught exceptions during the test');
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** A byte position: `at` from the start, or (`fromEnd`) within the last 4 KiB, where footers and metadata live. */
export interface BytePosition {
  readonly at: number;
  readonly fromEnd: boolean;
}

export interface Corruption {
  /** Keep only this many bytes (modulo the length + 1). */
  readonly cut: number | null;
  readonly flips: readonly (BytePosition & { readonly value: number })[];
}

const position: fc.Arbitrary<BytePosition> = fc.record({ at: fc.nat({ max: 1 << 20 }), fromEnd: fc.boolean() });

export const corruption: fc.Arbitrary<Corruption> = fc.record({
  cut: fc.option(fc.nat({ max: 1 << 20 }), { freq: 2 }), // null (no cut) half the time
  flips: fc.array(fc.record({ at: position.map((p) => p.at), fromEnd: fc.boolean(), value: fc.integer({ min: 0, max: 255 }) }), {
    minLength: 0,
    maxLength: 6,
  }),
});

function indexOf(p: BytePosition, length: number): number {
  if (p.fromEnd) return length - 1 - (p.at % Math.min(length, 4096));
  return p.at % length;
}

/** A corrupted copy of `bytes`: flipped bytes first, then the cut. Never the original unchanged (one flip at least). */
export function corrupt(bytes: Uint8Array, c: Corruption): Buffer {
  const out = Buffer.from(bytes);
  for (const f of c.flips) {
    const i = indexOf(f, out.length);
    out[i] = f.value === out[i] ? out[i] ^ 0xff : f.value;
  }
  if (c.cut !== null) return out.subarray(0, c.cut % out.length);
  if (c.flips.length === 0) out[out.length >> 1] ^= 0x5a;
  return out;
}
