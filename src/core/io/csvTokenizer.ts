/**
 * CSV/TSV records from UTF-8 bytes, without making a string of every cell: each record's fields are byte ranges
 * into the chunk being parsed (`FieldView`), and the column writers (csvCells.ts) read numbers and look categories
 * up straight from those bytes. Only cells that need it become strings (`text`).
 *
 * Rules (as papaparse applied them before, see csv.ts): RFC 4180 quoting ("" inside quotes is a quote; delimiters and
 * line breaks inside quotes are data); a quote that does not open a field is an ordinary character; text after a
 * closing quote runs on to the next delimiter as part of the field. Line ends are guessed from the file's first
 * line break (`newlineOf`): LF files also accept CRLF (the CR is dropped), CR-only files split on CR alone.
 *
 * Records are parsed whole: `parse` stops before a record the chunk does not finish and returns where it starts, so
 * the caller carries those bytes into the next chunk. Lines are counted as records go by (line breaks inside quoted
 * fields included), so every record knows the line it starts on, for error messages.
 */

import { utf8 } from './utf8';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where records end: 'lf' = LF or CRLF, 'cr' = a lone CR (old Mac files). */
export type Newline = 'lf' | 'cr';

/** The fields of one record: byte ranges into `buf`, valid only during the record callback. */
export interface FieldView {
  readonly buf: Uint8Array;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * 0: an unquoted field, its bytes are its value; 1: a quoted field without escapes, its bytes (inside the quotes)
   * are its value; 2: a quoted field whose range (from after the opening quote to the field's end) must be unescaped.
   */
  readonly flags: Uint8Array;
  /** Field `j` as a string. */
  text(j: number): string;
}

/** A record callback: `line` is the 1-based line the record starts on; returning false stops parsing. */
export type OnRecord = (fields: FieldView, line: number) => boolean | void;

/** Parsing stopped inside a quoted field: never closed before the end of the file. */
export class UnclosedField extends Error {
  constructor(readonly line: number) {
    super('unclosed quote');
  }
}

/** The line end of a file, from its first line break outside quotes (as papaparse guessed it). */
export function newlineOf(head: string): Newline {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === LF) return 'lf';
    else if (!quoted && c === CR) return head.charCodeAt(i + 1) === LF || i + 1 === head.length ? 'lf' : 'cr';
  }
  return 'lf';
}

/** A quoted field's raw range from after its opening quote: "" → ", the closing quote dropped, the rest as written. */
function unescapeQuoted(raw: string): string {
  let out = '';
  let k = 0;
  for (;;) {
    const q = raw.indexOf('"', k);
    if (q < 0) return out + raw.slice(k);
    out += raw.slice(k, q);
    if (raw.charCodeAt(q + 1) === QUOTE) {
      out += '"';
      k = q + 2;
    } else {
      return out + raw.slice(q + 1);
    }
  }
}

export class CsvTokenizer implements FieldView {
  buf: Uint8Array = new Uint8Array(0);
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  /** The line the next record starts on. */
  line = 1;
  private readonly delim: number;
  private readonly lf: boolean;

  constructor(delimiter: string, newline: Newline) {
    this.delim = delimiter.charCodeAt(0);
    this.lf = newline === 'lf';
  }

  text(j: number): string {
    const s = utf8(this.buf, this.starts[j], this.ends[j]);
    return this.flags[j] === 2 ? unescapeQuoted(s) : s;
  }

  private more(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    starts.set(this.starts);
    const ends = new Int32Array(n);
    ends.set(this.ends);
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }

  /**
   * Parses the records `buf[from, len)` holds whole and calls `onRecord` for each. `final`: no bytes follow, so a
   * record may end at `len`. Returns where parsing stopped: the start of an unfinished record (`len` when none),
   * or -1 when `onRecord` returned false. Throws UnclosedField when `final` and a quoted field never closes.
   */
  parse(buf: Uint8Array, from: number, len: number, final: boolean, onRecord: OnRecord): number {
    this.buf = buf;
    const delim = this.delim;
    const lf = this.lf;
    let p = from;
    while (p < len) {
      const recordStart = p;
      let breaks = 0; // line breaks inside quoted fields
      let n = 0;
      for (;;) {
        if (n === this.starts.length) this.more();
        let c = p < len ? buf[p] : -1;
        if (c === QUOTE) {
          let q = p + 1;
          let flag = 1;
          for (;;) {
            if (q >= len) {
              if (!final) return recordStart;
              throw new UnclosedField(this.line);
            }
            c = buf[q];
            if (c === QUOTE) {
              if (q + 1 >= len && !final) return recordStart;
              if (buf[q + 1] === QUOTE && q + 1 < len) {
                flag = 2;
                q += 2;
                continue;
              }
              break;
            }
            if (c === LF) breaks++;
            else if (c === CR) {
              if (q + 1 >= len && !final) return recordStart;
              if (q + 1 >= len || buf[q + 1] !== LF) breaks++;
            }
            q++;
          }
          // q: the closing quote.
          this.starts[n] = p + 1;
          let end = q;
          p = q + 1;
          c = p < len ? buf[p] : -1;
          if (c === CR && lf && p + 1 >= len && !final) return recordStart;
          const fieldEnds =
            c === -1 || c === delim || (lf ? c === LF || (c === CR && (p + 1 >= len || buf[p + 1] === LF)) : c === CR);
          if (!fieldEnds) {
            flag = 2; // text after the closing quote: part of the field
            for (;;) {
              if (p >= len) {
                if (!final) return recordStart;
                break;
              }
              c = buf[p];
              if (c === delim || (c === LF && lf) || (c === CR && !lf)) break;
              if (c === CR && lf) {
                if (p + 1 >= len && !final) return recordStart;
                if (p + 1 >= len || buf[p + 1] === LF) break;
              }
              p++;
            }
            end = p;
          } else if (flag === 2) end = q + 1;
          this.ends[n] = end;
          this.flags[n] = flag;
        } else {
          let q = p;
          for (;;) {
            if (q >= len) {
              if (!final) return recordStart;
              break;
            }
            c = buf[q];
            if (c > CR && c !== delim) {
              q++;
              continue;
            }
            if (c === delim) break;
            if (c === LF) {
              if (lf) break;
            } else if (c === CR) {
              if (!lf) break;
              if (q + 1 >= len && !final) return recordStart;
              if (q + 1 >= len || buf[q + 1] === LF) break;
            }
            q++;
          }
          this.starts[n] = p;
          this.ends[n] = q;
          this.flags[n] = 0;
          p = q;
        }
        n++;
        // p: a delimiter, a line end, or the end of the data (only when final).
        if (p >= len) break;
        c = buf[p];
        if (c === delim) {
          p++;
          if (p >= len && !final) return recordStart;
          continue;
        }
        p += c === CR && lf ? 2 : 1; // CRLF, else a single LF or CR
        break;
      }
      this.count = n;
      const line = this.line;
      this.line += 1 + breaks;
      if (onRecord(this, line) === false) return -1;
    }
    return len;
  }
}
