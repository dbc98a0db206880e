/**
 * JSON Lines (.jsonl, .ndjson) → Table. One JSON object per line; blank lines are ignored. The file is streamed line
 * by line (a JSON text holds no raw line break, so every \n ends a record; a \r before it is JSON whitespace), in
 * UTF-8 or BOM-marked UTF-16 like CSV (textFile.ts).
 *
 * Columns are the union of the objects' keys, in first-seen order; a key a row lacks, or null, is a missing value.
 * Values go through the same builders as CSV cells (infer.ts, forced.ts), so a column's type is decided the same
 * way: numbers become their text and read back as numbers, booleans as "true"/"false", and strings are inferred
 * like CSV cells (null tokens, numbers, datetimes...). A column holding a nested value (object or array) anywhere is
 * listed in `skipped` ("nested values"), not a failure. A line that is not a JSON object fails with its line number,
 * or, with `raggedRows: 'skip'`, is dropped and counted.
 */
import { basename } from 'node:path';
import { BadValue, cellBuilder, expectation, isChecking, quoteValue, type CellBuilder, type CheckingBuilder } from './forced';
import { nullTokens } from './infer';
import { ColumnNames } from './names';
import { DEFAULT_SEED, Reservoir, rowCap } from './sample';
import { CancelledError, DataReadError, MAX_SKIPPED_LINES, type Column, type ColumnType, type ReadOptions, type Table } from './table';
import { encodingOf, fileSize, openText, readHead, type TextEncoding } from './textFile';

/** Knobs for tests. */
export const jsonlTuning = {
  chunkBytes: 64 * 1024,
  /** A line may not be longer than this (in practice: a file that is not JSON Lines at all). */
  maxLineChars: 64 * 1024 * 1024,
};

const NESTED = 'nested values (objects or arrays) are not supported';

interface JsonColumn {
  readonly key: string;
  readonly name: string;
  /** Undefined once the column met a nested value. */
  builder: CellBuilder | undefined;
  checker: CheckingBuilder | undefined;
  /** `obj[key]` would find Object.prototype when the key is absent. */
  readonly own: boolean;
}

type JsonObject = Record<string, unknown>;

export async function readJsonLines(path: string, options: ReadOptions = {}): Promise<Table> {
  const name = basename(path);
  const size = await fileSize(path);
  if (size === 0) throw new DataReadError(`${name}: file is empty`, path);
  const encoding = encodingOf(await readHead(path, 4));

  const cap = rowCap(options.maxRows);
  const seed = options.seed ?? DEFAULT_SEED;
  const reservoir = cap !== undefined ? new Reservoir(cap, seed) : undefined;
  const nulls = nullTokens(options.nullTokens);
  const skipBad = options.raggedRows === 'skip';
  const columns: JsonColumn[] = [];
  const byKey = new Map<string, JsonColumn>();
  const namer = new ColumnNames();
  let rows = 0;
  let skippedRows = 0;
  const skippedRowLines: number[] = [];

  const addColumn = (key: string): void => {
    const colName = namer.add(key);
    const builder = cellBuilder(options.columnTypes?.[colName], nulls, reservoir !== undefined);
    // Rows held so far lacked this key.
    const held = reservoir ? reservoir.rows : rows;
    for (let slot = 0; slot < held; slot++) builder.setMissing(slot);
    const column: JsonColumn = { key, name: colName, builder, checker: isChecking(builder) ? builder : undefined, own: key in Object.prototype };
    columns.push(column);
    byKey.set(key, column);
  };

  await forEachLine(path, encoding, { size, onProgress: options.onProgress, isCancelled: options.isCancelled }, (line, lineNo) => {
    const obj = parseLine(path, line, lineNo, skipBad);
    if (obj === undefined) return;
    if (obj === SKIPPED) {
      if (skippedRows++ < MAX_SKIPPED_LINES) skippedRowLines.push(lineNo);
      return;
    }
    for (const key in obj) if (!byKey.has(key)) addColumn(key);
    const slot = reservoir ? reservoir.next() : rows++;
    // Rows sampling drops are still looked at: whether a column is nested or a forced type fails must not depend
    // on the sample.
    for (const c of columns) {
      if (!c.builder) continue;
      const v = valueOf(obj, c);
      try {
        if (slot < 0) checkValue(c, v);
        else setValue(c, slot, v);
      } catch (err) {
        if (err instanceof BadValue) throw badValue(path, lineNo, c.name, err);
        throw err;
      }
    }
  });
  const held = reservoir ? reservoir.rows : rows;
  const totalRows = reservoir ? reservoir.seen : rows;
  if (totalRows === 0 && skippedRows === 0) throw new DataReadError(`${name}: file is empty`, path);

  await repair(path, encoding, skipBad, columns, held, reservoir, options.isCancelled);

  const out: Column[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const c of columns) {
    if (c.builder) out.push(c.builder.finish(c.name, held));
    else skipped.push({ name: c.name, reason: NESTED });
    c.builder = undefined;
  }
  return {
    path,
    format: 'jsonl',
    rows: held,
    totalRows,
    ...(reservoir && totalRows > held ? { sample: { rows: held, seed } } : {}),
    columns: out,
    skipped,
    ...(namer.renamed.length > 0 ? { renamedColumns: namer.renamed } : {}),
    ...(skippedRows > 0 ? { skippedRows, skippedRowLines } : {}),
  };
}

const SKIPPED = Symbol('skipped');

/** The line's object; undefined for a blank line; SKIPPED for a bad line with `skipBad`; else a bad line throws. */
function parseLine(path: string, line: string, lineNo: number, skipBad: boolean): JsonObject | undefined | typeof SKIPPED {
  if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) return undefined;
  let value: unknown;
  let problem: string | undefined;
  try {
    value = JSON.parse(line);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problem = `is not a JSON object (it is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`})`;
    }
  } catch (err) {
    problem = `is not valid JSON (${(err as Error).message})`;
  }
  if (problem === undefined) return value as JsonObject;
  if (skipBad) return SKIPPED;
  throw new DataReadError(`${basename(path)}: line ${lineNo} ${problem}`, path, lineNo);
}

function valueOf(obj: JsonObject, c: JsonColumn): unknown {
  return c.own && !Object.prototype.hasOwnProperty.call(obj, c.key) ? undefined : obj[c.key];
}

/** The text cell a JSON value reads as; null for missing, undefined for a nested value. */
function cellOf(v: unknown): string | null | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return null;
    default:
      return v === null ? null : undefined;
  }
}

function setValue(c: JsonColumn, slot: number, v: unknown): void {
  const cell = cellOf(v);
  if (cell === undefined) {
    c.builder = c.checker = undefined; // nested: the column is skipped, its memory released
  } else if (cell === null) c.builder!.setMissing(slot);
  else c.builder!.set(slot, cell);
}

function checkValue(c: JsonColumn, v: unknown): void {
  const cell = cellOf(v);
  if (cell === undefined) c.builder = c.checker = undefined;
  else if (cell !== null) c.checker?.check(cell);
}

function badValue(path: string, lineNo: number, column: string, err: BadValue): DataReadError {
  const type: ColumnType = err.type;
  return new DataReadError(
    `${basename(path)}: line ${lineNo}: column "${column}" is set to ${type}, but ${quoteValue(err.value)} is not ${expectation(type)}`,
    path,
    lineNo,
    column,
  );
}

/**
 * Rows the builders hold as numbers but whose text they need after all (see infer.ts): a second pass over the file
 * gives them their exact text. Rows are numbered as in the first pass (objects only).
 */
async function repair(
  path: string,
  encoding: TextEncoding,
  skipBad: boolean,
  columns: JsonColumn[],
  held: number,
  reservoir: Reservoir | undefined,
  isCancelled: (() => boolean) | undefined,
): Promise<void> {
  const pending = columns.filter((c) => c.builder?.hasPending);
  if (pending.length === 0) return;
  const slots = new Set<number>();
  for (const c of pending) for (const s of c.builder!.pendingSlots(held)) slots.add(s);
  if (slots.size === 0) return;
  const targets = [...slots].map((slot) => ({ slot, source: reservoir ? reservoir.sourceOf(slot) : slot }));
  targets.sort((a, b) => a.source - b.source);
  let next = 0;
  let row = 0;
  await forEachLine(path, encoding, { size: 0, isCancelled }, (line, lineNo) => {
    const obj = parseLine(path, line, lineNo, skipBad);
    if (obj === undefined || obj === SKIPPED) return true;
    if (targets[next].source === row) {
      const slot = targets[next++].slot;
      for (const c of pending) if (c.builder!.isPending(slot)) setValue(c, slot, valueOf(obj, c));
    }
    row++;
    return next < targets.length;
  });
}

interface LineOptions {
  size: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  isCancelled?: () => boolean;
}

/** Calls `visit` with each line (without its \n; a UTF-8 BOM dropped) and its 1-based number; false stops. */
async function forEachLine(
  path: string,
  encoding: TextEncoding,
  options: LineOptions,
  visit: (line: string, lineNo: number) => boolean | void,
): Promise<void> {
  if (options.isCancelled?.()) throw new CancelledError(path);
  const file = openText(path, encoding, jsonlTuning.chunkBytes);
  let pieces: string[] = []; // the line begun in earlier chunks
  let piecesLength = 0;
  let lineNo = 0;
  const emit = (line: string): boolean => {
    if (pieces.length > 0) {
      line = pieces.join('') + line;
      pieces = [];
      piecesLength = 0;
    }
    if (++lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    return visit(line, lineNo) !== false;
  };
  try {
    for await (const chunk of file.text as AsyncIterable<string>) {
      if (options.isCancelled?.()) throw new CancelledError(path);
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
        if (!emit(chunk.slice(start, nl))) return;
        start = nl + 1;
      }
      if (start < chunk.length) {
        pieces.push(chunk.slice(start));
        piecesLength += chunk.length - start;
        if (piecesLength > jsonlTuning.maxLineChars) {
          throw new DataReadError(
            `${basename(path)}: line ${lineNo + 1} is longer than ${jsonlTuning.maxLineChars >> 20} M characters (is this JSON Lines?)`,
            path,
            lineNo + 1,
          );
        }
      }
      options.onProgress?.(file.bytesRead(), options.size);
    }
    if (pieces.length > 0) emit('');
  } catch (err) {
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    throw new DataReadError(`${basename(path)}: cannot read: ${(err as Error).message ?? err}`, path);
  } finally {
    file.destroy();
  }
}
