/**
 * CSV/TSV → Table. The file is streamed (never held whole) through papaparse without its dynamicTyping: cells
 * go straight into per-column `ColumnBuilder`s (infer.ts), which decide each column's type.
 *
 * Rules: a header row names the columns; RFC 4180 quoting (delimiters, quotes and newlines inside quotes); LF, CRLF
 * or CR line ends (papaparse guesses which from the first chunk); UTF-8, with its BOM dropped, or UTF-16 LE/BE with
 * a BOM (textFile.ts); the delimiter is `\t` for .tsv and otherwise sniffed among `,` `;` `\t` `|` from the first
 * lines. Blank lines are skipped, except in a one-column file, where a blank line is a missing value (trailing blank
 * lines are still dropped). Every other row must have as many fields as the header, or (`raggedRows: 'skip'`) is
 * dropped and counted. Columns named in `columnTypes` get that type (forced.ts) instead of an inferred one.
 */
import { basename } from 'node:path';
import * as Papa from 'papaparse';
import { BadValue, cellBuilder, expectation, isChecking, quoteValue, type CellBuilder, type CheckingBuilder } from './forced';
import { nullTokens } from './infer';
import { nameColumns } from './names';
import { DEFAULT_SEED, Reservoir, rowCap } from './sample';
import { CancelledError, DataReadError, MAX_SKIPPED_LINES, type Column, type ReadOptions, type Table } from './table';
import { decodeHead, encodingOf, fileSize, openText, readHead, type TextEncoding } from './textFile';

/** Knobs for benchmarks and tests. */
export const csvTuning = {
  /** Bytes per read; papaparse parses each chunk as it arrives. 64 KiB measured as fast as 256 KiB-1 MiB, with less memory. */
  chunkBytes: 64 * 1024,
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
  /** Builders that reject some cells: checked on rows sampling drops too. */
  let checked: { j: number; builder: CheckingBuilder }[] = [];
  let rows = 0;
  const records = new Records(
    skipRagged,
    (header) => {
      ({ names, renamed } = nameColumns(header));
      builders = names.map((n) => cellBuilder(options.columnTypes?.[n], nulls, reservoir !== undefined));
      checked = builders.flatMap((builder, j) => (isChecking(builder) ? [{ j, builder }] : []));
    },
    (fields, record) => {
      const slot = reservoir ? reservoir.next() : rows++;
      let j = 0;
      try {
        if (slot < 0) {
          for (const c of checked) c.builder.check(fields[(j = c.j)]);
          return;
        }
        for (; j < builders.length; j++) builders[j].set(slot, fields[j]);
      } catch (err) {
        if (err instanceof BadValue) throw new BadCell(record, names![j], err);
        throw err;
      }
    },
  );
  const scanOptions: ScanOptions = { delimiter, encoding, size, onProgress: options.onProgress, isCancelled: options.isCancelled };
  await withLines(path, scanOptions, () => scan(path, scanOptions, (chunk, first) => records.feed(chunk, first)));
  if (!names) throw new DataReadError(`${name}: file is empty`, path);
  const held = reservoir ? reservoir.rows : rows;
  const totalRows = reservoir ? reservoir.seen : rows;

  const pass: ScanOptions = { ...scanOptions, onProgress: undefined };
  await withLines(path, pass, () => repair(path, pass, skipRagged, builders, held, reservoir));
  const skippedRowLines = records.skipped > 0 ? await linesOfRecords(path, pass, records.skippedRecords) : [];

  const columns: Column[] = builders.map((b, j) => b.finish(names![j], held));
  builders = [];
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
    ...(records.skipped > 0 ? { skippedRows: records.skipped, skippedRowLines } : {}),
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
        for (const j of columns) if (builders[j].isPending(slot)) builders[j].set(slot, fields[j]);
      }
      row++;
    },
  );
  await scan(path, options, (chunk, first) => {
    records.feed(chunk, first);
    return next < targets.length;
  });
}

/**
 * Splits papaparse's rows into the header and data records, applying the blank-line and field-count rules. Records
 * are numbered as papaparse's rows (blank ones and the header included), which `linesOfRecords` maps to lines.
 */
class Records {
  private columns = -1;
  private blanks = 0;
  /** Rows dropped for their field count (with `skipRagged`), and the record numbers of the first of them. */
  skipped = 0;
  readonly skippedRecords: number[] = [];

  constructor(
    private readonly skipRagged: boolean,
    private readonly onHeader: (fields: string[]) => void,
    private readonly onRecord: (fields: string[], record: number) => void,
  ) {}

  /** `first`: index of `rows[0]` among all rows papaparse produced (blank ones and the header included). */
  feed(rows: string[][], first: number): void {
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i];
      const blank = fields.length === 1 && fields[0] === '';
      if (this.columns < 0) {
        if (blank) continue; // blank lines before the header
        this.columns = fields.length;
        this.onHeader(fields);
        continue;
      }
      if (blank) {
        if (this.columns === 1) this.blanks++;
        continue;
      }
      if (fields.length !== this.columns) {
        if (!this.skipRagged) throw new RaggedRow(first + i, this.columns, fields.length);
        if (this.skipped++ < MAX_SKIPPED_LINES) this.skippedRecords.push(first + i);
        continue;
      }
      // A blank line's record number is not kept: its line is only needed for ragged rows, which are never blank.
      for (; this.blanks > 0; this.blanks--) this.onRecord([''], first + i);
      this.onRecord(fields, first + i);
    }
  }
}

/** Found by `scan`; turned into a DataReadError with a line number by `withLines`. */
class RaggedRow extends Error {
  constructor(
    readonly record: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super('ragged row');
  }
}

/** A cell not of its column's forced type; turned into a DataReadError with a line number by `withLines`. */
class BadCell extends Error {
  constructor(
    readonly record: number,
    readonly column: string,
    readonly bad: BadValue,
  ) {
    super('bad cell');
  }
}

/** A quoted field papaparse never saw closed: at the end of the file, or after MAX_RECORD_BYTES (`runaway`). */
class UnclosedQuote extends Error {
  constructor(
    readonly record: number,
    readonly runaway = false,
  ) {
    super('unclosed quote');
  }
}

/**
 * Runs `body`, turning record-numbered failures into DataReadErrors with 1-based line numbers. Lines are counted
 * only when something failed (a second, partial pass): quoted fields may hold line breaks, and counting them on
 * every row would slow down every file for the sake of broken ones.
 */
async function withLines(path: string, options: ScanOptions, body: () => Promise<void>): Promise<void> {
  const name = basename(path);
  try {
    await body();
  } catch (err) {
    if (err instanceof RaggedRow) {
      const line = await lineOfRecord(path, options, err.record);
      const plural = err.actual === 1 ? 'field' : 'fields';
      throw new DataReadError(
        `${name}: line ${line} has ${err.actual} ${plural} but the header has ${err.expected}`,
        path,
        line,
      );
    }
    if (err instanceof BadCell) {
      const line = await lineOfRecord(path, options, err.record);
      const { type, value } = err.bad;
      throw new DataReadError(
        `${name}: line ${line}: column "${err.column}" is set to ${type}, but ${quoteValue(value)} is not ${expectation(type)}`,
        path,
        line,
        err.column,
      );
    }
    if (err instanceof UnclosedQuote) {
      const line = await lineOfRecord(path, options, err.record);
      const what = err.runaway
        ? `a record runs on for more than ${MAX_RECORD_BYTES >> 20} MB (is a closing quote missing?)`
        : 'a quoted field is never closed (missing closing quote?)';
      throw new DataReadError(`${name}: line ${line}: ${what}`, path, line);
    }
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    throw new DataReadError(`${name}: cannot read: ${(err as Error).message ?? err}`, path);
  }
}

/** 1-based line on which papaparse's row `record` starts. */
async function lineOfRecord(path: string, options: ScanOptions, record: number): Promise<number> {
  return (await linesOfRecords(path, options, [record]))[0];
}

/** 1-based lines on which papaparse's rows `records` (ascending) start: a partial pass, up to the last of them. */
async function linesOfRecords(path: string, options: ScanOptions, records: readonly number[]): Promise<number[]> {
  const lines: number[] = [];
  let line = 1;
  await scan(path, { delimiter: options.delimiter, encoding: options.encoding, size: options.size }, (rows, first) => {
    for (let i = 0; i < rows.length; i++) {
      while (lines.length < records.length && first + i >= records[lines.length]) lines.push(line);
      if (lines.length === records.length) return false;
      line += 1 + lineBreaksIn(rows[i]);
    }
    return true;
  }).catch(() => undefined); // the same failure again, past the record we wanted
  while (lines.length < records.length) lines.push(line);
  return lines;
}

/** Line breaks inside a row's (quoted) fields: \n, \r\n and a lone \r each count once. */
function lineBreaksIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    for (let k = 0; k < f.length; k++) {
      const c = f.charCodeAt(k);
      if (c === 10 || (c === 13 && f.charCodeAt(k + 1) !== 10)) n++;
    }
  }
  return n;
}

interface ScanOptions {
  delimiter: string;
  encoding: TextEncoding;
  size: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  isCancelled?: () => boolean;
}

/**
 * Streams the file through papaparse. `visit` gets each chunk's rows and the index of the first of them among all
 * rows; returning false stops reading. Rejects with what `visit` throws, CancelledError, or the stream's error.
 */
function scan(path: string, options: ScanOptions, visit: (rows: string[][], first: number) => boolean | void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.isCancelled?.()) {
      reject(new CancelledError(path));
      return;
    }
    const file = openText(path, options.encoding, csvTuning.chunkBytes);
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      file.destroy();
      if (err === undefined) resolve();
      else reject(err);
    };
    let first = 0;
    let bytesAtLastRow = 0;
    Papa.parse(file.text, {
      delimiter: options.delimiter,
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      beforeFirstChunk: (chunk) => (chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : undefined),
      chunk: (results, parser) => {
        if (settled) return;
        try {
          if (options.isCancelled?.()) throw new CancelledError(path);
          const rows = results.data as string[][];
          for (const e of results.errors) {
            if (e.code === 'MissingQuotes') throw new UnclosedQuote(first + (e.row ?? 0));
          }
          // papaparse keeps an unfinished record and re-parses it with the next chunk; bound that.
          const bytesRead = file.bytesRead();
          if (rows.length > 0) bytesAtLastRow = bytesRead;
          else if (bytesRead - bytesAtLastRow > MAX_RECORD_BYTES) throw new UnclosedQuote(first, true);
          const more = visit(rows, first);
          first += rows.length;
          options.onProgress?.(bytesRead, options.size);
          if (more === false) {
            settle();
            parser.abort(); // calls `complete`, after `settle` has decided the outcome
          }
        } catch (err) {
          settle(err);
          parser.abort();
        }
      },
      complete: () => settle(),
      error: (err: Error) => settle(err),
    });
  });
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
