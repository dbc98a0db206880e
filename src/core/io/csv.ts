/**
 * CSV/TSV → Table. The file is streamed (never held whole) in 1 MiB chunks through our own byte-level tokenizer
 * (csvTokenizer.ts): fields stay byte ranges, and csvCells.ts writes them into per-column `ColumnBuilder`s
 * (infer.ts), which decide each column's type — numbers and repeated categories straight from the bytes, other cells
 * as strings. (papaparse, used before, made a string of every cell: scripts/bench-io.mjs measured the switch.)
 *
 * Rules: a header row names the columns; RFC 4180 quoting (delimiters, quotes and newlines inside quotes); LF, CRLF
 * or CR line ends (guessed from the first line break); UTF-8, with its BOM dropped, or UTF-16 LE/BE with
 * a BOM (textFile.ts); the delimiter is `\t` for .tsv and otherwise sniffed among `,` `;` `\t` `|` from the first
 * lines. Blank lines are skipped, except in a one-column file, where a blank line is a missing value (trailing blank
 * lines are still dropped). Every other row must have as many fields as the header, or (`raggedRows: 'skip'`) is
 * dropped and counted. Columns named in `columnTypes` get that type (forced.ts) instead of an inferred one.
 */
import { basename } from 'node:path';
import * as Papa from 'papaparse';
import { CsvCells } from './csvCells';
import { CsvTokenizer, newlineOf, UnclosedField, type FieldView, type Newline } from './csvTokenizer';
import { BadValue, cellBuilder, expectation, isChecking, quoteValue, type CellBuilder, type CheckingBuilder } from './forced';
import { nullTokens } from './infer';
import { nameColumns } from './names';
import { DEFAULT_SEED, Reservoir, rowCap } from './sample';
import { CancelledError, DataReadError, MAX_SKIPPED_LINES, type Column, type ReadOptions, type Table } from './table';
import { decodeHead, encodingOf, fileSize, readHead, readUtf8Chunks, type TextEncoding } from './textFile';

/** Knobs for benchmarks and tests. */
export const csvTuning = {
  /** Bytes per read; the next chunk is read while this one is parsed. 256 KiB measured as fast as 1 MiB, with less memory. */
  chunkBytes: 262144,
};
/** Bytes read up front to reject binary files and sniff the delimiter. */
const PROBE_BYTES = 64 * 1024;
/** A single record (in practice: a quoted field whose closing quote is missing) may not run on longer than this. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

export async function readCsv(path: string, format: 'csv' | 'tsv', options: ReadOptions = {}): Promise<Table> {
  const name = basename(path);
  const size = await fileSize(path);
  if (size === 0) throw new DataReadError(`${name}: file is empty`, path);
  const head = await readHead(path, Math.min(size, PROBE_BYTES));
  const encoding = encodingOf(head);
  let text = decodeHead(head, encoding);
  if (encoding === 'utf-8' ? head.includes(0) : text.includes('\0')) {
    throw new DataReadError(
      `${name}: does not look like a text CSV file (it contains NUL bytes; is it binary, or UTF-16 without a byte-order mark?)`,
      path,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (size <= PROBE_BYTES && text.trim() === '') throw new DataReadError(`${name}: file is empty`, path);
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(text, size > head.length);

  const cap = rowCap(options.maxRows);
  const seed = options.seed ?? DEFAULT_SEED;
  const reservoir = cap !== undefined ? new Reservoir(cap, seed) : undefined;
  const nulls = nullTokens(options.nullTokens);
  const skipRagged = options.raggedRows === 'skip';
  let names: string[] | undefined;
  let renamed: Table['renamedColumns'];
  let builders: CellBuilder[] = [];
  let cells: CsvCells[] = [];
  /** Builders that reject some cells: checked on rows sampling drops too. */
  let checked: { j: number; builder: CheckingBuilder }[] = [];
  let rows = 0;
  const records = new Records(
    skipRagged,
    (header) => {
      ({ names, renamed } = nameColumns(header));
      builders = names.map((n) => cellBuilder(options.columnTypes?.[n], nulls, reservoir !== undefined));
      cells = builders.map((b) => new CsvCells(b));
      const expected = expectedRows(text, size, cap);
      for (const b of builders) b.reserve(expected);
      checked = builders.flatMap((builder, j) => (isChecking(builder) ? [{ j, builder }] : []));
    },
    (fields, line) => {
      const slot = reservoir ? reservoir.next() : rows++;
      let j = 0;
      try {
        if (slot < 0) {
          for (const c of checked) c.builder.check(fields.text((j = c.j)));
          return;
        }
        for (; j < cells.length; j++) cells[j].set(slot, fields, j);
      } catch (err) {
        if (err instanceof BadValue) throw new BadCell(line, names![j], err);
        throw err;
      }
    },
  );
  const scanOptions: ScanOptions = { delimiter, newline: newlineOf(text), encoding, size, onProgress: options.onProgress, isCancelled: options.isCancelled };
  await withErrors(path, () => scan(path, scanOptions, (fields, line) => records.feed(fields, line)));
  if (!names) throw new DataReadError(`${name}: file is empty`, path);
  const held = reservoir ? reservoir.rows : rows;
  const totalRows = reservoir ? reservoir.seen : rows;

  const pass: ScanOptions = { ...scanOptions, onProgress: undefined };
  await withErrors(path, () => repair(path, pass, skipRagged, builders, held, reservoir));

  const columns: Column[] = builders.map((b, j) => b.finish(names![j], held));
  builders = [];
  cells = [];
  checked = [];
  return {
    path,
    format,
    rows: held,
    totalRows,
    ...(reservoir && totalRows > held ? { sample: { rows: held, seed } } : {}),
    columns,
    skipped: [],
    ...(renamed ? { renamedColumns: renamed } : {}),
    ...(records.skipped > 0 ? { skippedRows: records.skipped, skippedRowLines: records.skippedLines } : {}),
  };
}

/**
 * Rows the builders hold as numbers but whose text they need after all (a late non-numeric value, see infer.ts):
 * a second pass over the file gives them their exact text.
 */
async function repair(
  path: string,
  options: ScanOptions,
  skipRagged: boolean,
  builders: CellBuilder[],
  held: number,
  reservoir: Reservoir | undefined,
): Promise<void> {
  const columns = builders.map((b, j) => (b.hasPending ? j : -1)).filter((j) => j >= 0);
  if (columns.length === 0) return;
  const slots = new Set<number>();
  for (const j of columns) for (const s of builders[j].pendingSlots(held)) slots.add(s);
  if (slots.size === 0) return;
  const targets = [...slots].map((slot) => ({ slot, source: reservoir ? reservoir.sourceOf(slot) : slot }));
  targets.sort((a, b) => a.source - b.source);
  let next = 0;
  let row = 0;
  const records = new Records(
    skipRagged,
    () => undefined,
    (fields) => {
      if (next < targets.length && targets[next].source === row) {
        const slot = targets[next++].slot;
        for (const j of columns) if (builders[j].isPending(slot)) builders[j].set(slot, fields.text(j));
      }
      row++;
    },
  );
  await scan(path, options, (fields, line) => {
    records.feed(fields, line);
    return next < targets.length;
  });
}

/** A one-column file's blank line, as a record: one empty field. */
const BLANK: FieldView = {
  buf: new Uint8Array(0),
  count: 1,
  starts: new Int32Array(1),
  ends: new Int32Array(1),
  flags: new Uint8Array(1),
  text: () => '',
};

/** Splits the tokenizer's records into the header and data records, applying the blank-line and field-count rules. */
class Records {
  private columns = -1;
  private blanks = 0;
  /** Rows dropped for their field count (with `skipRagged`), and the lines of the first of them. */
  skipped = 0;
  readonly skippedLines: number[] = [];

  constructor(
    private readonly skipRagged: boolean,
    private readonly onHeader: (fields: string[]) => void,
    private readonly onRecord: (fields: FieldView, line: number) => void,
  ) {}

  feed(fields: FieldView, line: number): void {
    const blank = fields.count === 1 && fields.ends[0] === fields.starts[0];
    if (this.columns < 0) {
      if (blank) return; // blank lines before the header
      this.columns = fields.count;
      const header: string[] = [];
      for (let j = 0; j < fields.count; j++) header.push(fields.text(j));
      this.onHeader(header);
      return;
    }
    if (blank) {
      if (this.columns === 1) this.blanks++;
      return;
    }
    if (fields.count !== this.columns) {
      if (!this.skipRagged) throw new RaggedRow(line, this.columns, fields.count);
      if (this.skipped++ < MAX_SKIPPED_LINES) this.skippedLines.push(line);
      return;
    }
    // A blank line's own line is not kept: lines are only needed for errors, which blank lines never cause.
    for (; this.blanks > 0; this.blanks--) this.onRecord(BLANK, line);
    this.onRecord(fields, line);
  }
}

/** Found by `scan`; turned into a DataReadError by `withErrors`. */
class RaggedRow extends Error {
  constructor(
    readonly line: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super('ragged row');
  }
}

/** A cell not of its column's forced type; turned into a DataReadError by `withErrors`. */
class BadCell extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    readonly bad: BadValue,
  ) {
    super('bad cell');
  }
}

/** A record that runs on for more than MAX_RECORD_BYTES (in practice, a quote never closed in a big file). */
class RunawayRecord extends Error {
  constructor(readonly line: number) {
    super('runaway record');
  }
}

/** Runs `body`, turning the tokenizer's and the records' failures into DataReadErrors naming the line. */
async function withErrors(path: string, body: () => Promise<void>): Promise<void> {
  const name = basename(path);
  try {
    await body();
  } catch (err) {
    if (err instanceof RaggedRow) {
      const plural = err.actual === 1 ? 'field' : 'fields';
      throw new DataReadError(
        `${name}: line ${err.line} has ${err.actual} ${plural} but the header has ${err.expected}`,
        path,
        err.line,
      );
    }
    if (err instanceof BadCell) {
      const { type, value } = err.bad;
      throw new DataReadError(
        `${name}: line ${err.line}: column "${err.column}" is set to ${type}, but ${quoteValue(value)} is not ${expectation(type)}`,
        path,
        err.line,
        err.column,
      );
    }
    if (err instanceof UnclosedField || err instanceof RunawayRecord) {
      const what =
        err instanceof RunawayRecord
          ? `a record runs on for more than ${MAX_RECORD_BYTES >> 20} MB (is a closing quote missing?)`
          : 'a quoted field is never closed (missing closing quote?)';
      throw new DataReadError(`${name}: line ${err.line}: ${what}`, path, err.line);
    }
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    throw new DataReadError(`${name}: cannot read: ${(err as Error).message ?? err}`, path);
  }
}

interface ScanOptions {
  delimiter: string;
  newline: Newline;
  encoding: TextEncoding;
  size: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  isCancelled?: () => boolean;
}

/**
 * Streams the file through the tokenizer. `visit` gets each record and the line it starts on; returning false stops
 * reading. Rejects with what `visit` throws, CancelledError, UnclosedField, RunawayRecord or the file's error.
 */
async function scan(path: string, options: ScanOptions, visit: (fields: FieldView, line: number) => boolean | void): Promise<void> {
  if (options.isCancelled?.()) throw new CancelledError(path);
  const chunks = await readUtf8Chunks(path, options.encoding, csvTuning.chunkBytes);
  const tokenizer = new CsvTokenizer(options.delimiter, options.newline);
  /** The unfinished record carried over from the last chunk, then this chunk. */
  let work = new Uint8Array(2 * csvTuning.chunkBytes);
  let carry = 0;
  let first = true;
  try {
    for (;;) {
      if (options.isCancelled?.()) throw new CancelledError(path);
      const chunk = await chunks.next();
      const final = chunk === null;
      let length = carry;
      if (chunk) {
        if (carry + chunk.length > work.length) {
          const bigger = new Uint8Array(Math.max(2 * work.length, carry + chunk.length));
          bigger.set(work.subarray(0, carry));
          work = bigger;
        }
        work.set(chunk, carry);
        length += chunk.length;
      }
      let from = 0;
      if (first && length >= 3 && work[0] === 0xef && work[1] === 0xbb && work[2] === 0xbf) from = 3;
      first = false;
      const stop = tokenizer.parse(work, from, length, final, visit);
      if (stop < 0 || final) return;
      carry = length - stop;
      if (carry > MAX_RECORD_BYTES) throw new RunawayRecord(tokenizer.line);
      work.copyWithin(0, stop, length);
      options.onProgress?.(chunks.bytesRead(), options.size);
    }
  } finally {
    await chunks.close();
  }
}

/**
 * Rows to reserve column space for: the file's size over the head's bytes per line (a little over, so that the
 * columns need not grow and be copied at the end), at most the sample size.
 */
function expectedRows(head: string, size: number, cap: number | undefined): number {
  let lines = 0;
  for (let i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) lines++;
  if (lines < 2) return 0;
  const headBytes = Buffer.byteLength(head, 'utf8');
  const estimate = Math.ceil(((size / headBytes) * lines) * 1.04) + 64;
  return Math.min(estimate, cap ?? Infinity);
}

function sniffDelimiter(text: string, truncated: boolean): string {
  let sample = text;
  if (truncated) {
    const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (cut > 0) sample = sample.slice(0, cut);
  }
  const guess = Papa.parse<string[]>(sample, { delimitersToGuess: DELIMITERS, preview: 50, skipEmptyLines: true });
  return DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
}
