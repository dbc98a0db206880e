/**
 * Turning text cells into typed columns: value parsers (numbers, booleans, ISO 8601 datetimes, missing-value
 * tokens; the other date forms are in dates.ts) and `ColumnBuilder`, which collects one column's cells and decides
 * its type at the end. A column is datetime when all its values read under one date form (ISO 8601, YYYY/MM/DD,
 * DD.MM.YYYY, or slash dates month-first / day-first, see `dateForm`).
 *
 * How a builder keeps memory low and still ends with the right type when a late value contradicts an early guess:
 * - It starts as a dictionary (raw cell text → code, Int32Array of codes per row). Every distinct text is parsed
 *   once, when it enters the dictionary, and tagged with the types it is compatible with. Low-cardinality columns
 *   (categories, booleans, small integers) stay in this form for the whole file.
 * - When the dictionary passes `tuning.dictionaryLimit` entries and every entry so far is a number (or every entry a
 *   datetime), the builder switches to a Float64Array of values (doubled as it grows) and drops the dictionary: a
 *   high-cardinality numeric column then costs 8 bytes a row and no strings.
 * - If a value that is not a number (datetime) arrives after that switch, the builder goes back to a dictionary.
 *   The rows it held as numbers are marked `PENDING` (their original text is gone; "1.50" must not become "1.5"),
 *   and the reader fills them with their exact text in a second pass over the file (`pendingSlots`). This is rare:
 *   it needs more than `dictionaryLimit` distinct numbers followed by a non-number.
 * - `finish` decides the type from the values the rows actually hold (after sampling, only the kept rows).
 */
import { DATE_DMY, DATE_DMY_DOT, DATE_MDY, DATE_YMD, dateForms, daysFromCivil, daysInMonth, parseDateForm } from './dates';
import { fitColumn, float64Column, int32Column } from './columnMemory';
import type { Column } from './table';

export { uniqueNames } from './names';

/** Cells read as missing values by default (compared after trimming surrounding whitespace). */
export const NULL_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'None', 'nan', 'n/a'];

/** A set of missing-value tokens. The empty cell is always one of them: an empty field can mean nothing else. */
export class NullTokens {
  readonly tokens: readonly string[];
  private readonly set: ReadonlySet<string>;

  constructor(tokens: readonly string[]) {
    // Cells are compared trimmed, so tokens are too.
    this.set = new Set(['', ...tokens.map((t) => t.trim())]);
    this.tokens = [...this.set];
  }

  isMissing(s: string): boolean {
    if (this.set.has(s)) return true;
    const n = s.length;
    if (n === 0) return true;
    // Only pay for trim() when there is whitespace at either end.
    if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return this.set.has(s.trim());
    return false;
  }
}

export const DEFAULT_NULLS = new NullTokens(NULL_TOKENS);

/** `ReadOptions.nullTokens` as a NullTokens: the given list, or the default one. */
export function nullTokens(list: readonly string[] | undefined): NullTokens {
  return list ? new NullTokens(list) : DEFAULT_NULLS;
}

/**
 * Free-form text rule: a string column is 'text' rather than 'categorical' when more than half of its non-missing
 * values are distinct AND it has more than 100 distinct values (ids, names, sentences); such columns have no
 * meaningful category distribution to compare.
 */
export const TEXT_MIN_DISTINCT = 100;
export const TEXT_MIN_DISTINCT_SHARE = 0.5;

export function isTextLike(distinct: number, nonMissing: number): boolean {
  return distinct > TEXT_MIN_DISTINCT && distinct > TEXT_MIN_DISTINCT_SHARE * nonMissing;
}

/** Knobs tests may lower to exercise rare paths on small fixtures. */
export const tuning = {
  /**
   * Distinct values a numeric/datetime-looking column may hold as text before switching to a Float64Array. 4096, not
   * more: lookups in a large dictionary cost more than parsing the number (scripts/bench-io.mjs: a 100 MB CSV with
   * two float columns read ~35% faster than at 65536). The price: a column of more distinct numbers that later meets a
   * word needs the second pass over the file (see the module comment).
   */
  dictionaryLimit: 1 << 12,
  /**
   * Sooner, when the column is clearly high-cardinality: this many entries, and more than one for every two rows so
   * far (a float column's first rows are nearly all distinct). Adding an entry costs a string, a parse and a map
   * insertion, so switching at 256 instead of 4096 read a 1e5-row × 50-column CSV ~25% faster; columns of few
   * distinct numbers (ints, codes) still stay dictionaries until `dictionaryLimit`.
   */
  earlySwitch: 1 << 8,
  /**
   * When a column takes its full size (past its first rows) while its dictionary holds only numbers or datetimes:
   * with this many entries already it switches to values then, instead of reserving codes it would abandon at
   * `dictionaryLimit` (that garbage showed in peak memory); with fewer it keeps codes, laid out so that `finish`
   * turns them into values in place.
   */
  switchAtReserve: 1 << 6,
};

/** Whether `s` is one of the default missing-value tokens. */
export function isMissing(s: string): boolean {
  return DEFAULT_NULLS.isMissing(s);
}

const INFINITIES: ReadonlyMap<string, number> = new Map([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

/**
 * A number, or undefined when `s` is not one. Accepts integers, decimals (".5", "5."), exponents, a leading + or -,
 * surrounding whitespace, and inf / -inf / Infinity in any case. Rejects hex/octal/binary literals ("0x1f"), which
 * JavaScript's Number() would accept, and thousands separators. Missing-value tokens are the caller's business.
 */
export function parseNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const c0 = s.charCodeAt(0);
  if (c0 <= 32 || s.charCodeAt(s.length - 1) <= 32) {
    const t = s.trim();
    return t.length === 0 || t.length === s.length ? undefined : parseNumber(t);
  }
  const v = +s;
  if (v !== v) return INFINITIES.get(s.toLowerCase());
  if (c0 === 48 && isRadixLiteral(s)) return undefined;
  return v;
}

/** "0x1f", "0o7", "0b1": Number() reads these (never with a sign); a data file means something else by them. */
function isRadixLiteral(s: string): boolean {
  if (s.length < 3 || s.charCodeAt(0) !== 48) return false;
  const c1 = s.charCodeAt(1) | 0x20;
  return c1 === 0x78 || c1 === 0x6f || c1 === 0x62;
}

/** 1 for true, 0 for false (case-insensitive, surrounding whitespace ignored), undefined otherwise. */
export function parseBoolean(s: string): 0 | 1 | undefined {
  if (s.length < 4) return undefined;
  const t = s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32 ? s.trim() : s;
  if (t.length === 4 && t.toLowerCase() === 'true') return 1;
  if (t.length === 5 && t.toLowerCase() === 'false') return 0;
  return undefined;
}

/** Digits s[i, i+n) as a number, or -1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, or undefined. Accepted: `YYYY-MM-DD`, then optionally
 * `T` or a space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f` (1-9 fraction digits), then optionally `Z` or an offset
 * `±HH:MM`, `±HHMM`, `±HH`. Times without an offset are read as UTC, so both files of a comparison agree.
 */
export function parseDatetime(s: string): number | undefined {
  let n = s.length;
  if (n < 10) return undefined;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) {
    s = s.trim();
    n = s.length;
    if (n < 10) return undefined;
  }
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined; // '-'
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (n === 10) return ms;
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || s.charCodeAt(13) !== 58) return undefined; // T t ' ' ':'
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  ms += h * 3_600_000 + mi * 60_000;
  let i = 16;
  if (i < n && s.charCodeAt(i) === 58) {
    const sec = digits(s, i + 1, 2);
    if (i + 3 > n || sec < 0 || sec > 59) return undefined;
    ms += sec * 1000;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      let k = i + 1;
      let frac = 0;
      let scale = 1;
      while (k < n && k - i <= 9) {
        const c = s.charCodeAt(k) - 48;
        if (c < 0 || c > 9) break;
        frac = frac * 10 + c;
        scale *= 10;
        k++;
      }
      if (k === i + 1) return undefined;
      ms += (frac / scale) * 1000;
      i = k;
    }
  }
  if (i === n) return ms;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === n) return ms; // Z z
  if (z !== 43 && z !== 45) return undefined; // + -
  const oh = digits(s, i + 1, 2);
  let om = 0;
  const rest = n - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
  else if (rest === 2) om = digits(s, i + 3, 2);
  else if (rest !== 0) return undefined;
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
  const offset = (oh * 60 + om) * 60_000;
  return z === 43 ? ms - offset : ms + offset;
}

// Types a dictionary entry is compatible with. A column is datetime when all its values read under one date form:
// ISO 8601 (IS_DATETIME) or one of dates.ts' forms (the DATE_* bits shifted by DATE_SHIFT).
const IS_NUMBER = 1;
const IS_BOOLEAN = 2;
const IS_DATETIME = 4;
const DATE_SHIFT = 3;
const IS_YMD = DATE_YMD << DATE_SHIFT;
const IS_DMY_DOT = DATE_DMY_DOT << DATE_SHIFT;
const IS_MDY = DATE_MDY << DATE_SHIFT;
const IS_DMY = DATE_DMY << DATE_SHIFT;
const DATE_FORMS = IS_DATETIME | IS_YMD | IS_DMY_DOT | IS_MDY | IS_DMY;
const ALL_TYPES = IS_NUMBER | IS_BOOLEAN | DATE_FORMS;

/**
 * The date form a column of entries compatible with `types` is read under, or 0. Slash dates: month-first when every
 * value reads that way, else day-first; a value whose first field exceeds 12 cannot be month-first, and every
 * slash date with both fields ≤ 12 reads both ways, so this is "day-first when any first field exceeds 12".
 */
function dateForm(types: number): number {
  if (types & IS_DATETIME) return IS_DATETIME;
  if (types & IS_YMD) return IS_YMD;
  if (types & IS_DMY_DOT) return IS_DMY_DOT;
  if (types & IS_MDY) return IS_MDY;
  if (types & IS_DMY) return IS_DMY;
  return 0;
}

/** Epoch ms of `s` under a column's date form (from `dateForm`), or undefined. */
function parseUnder(s: string, form: number): number | undefined {
  return form === IS_DATETIME ? parseDatetime(s) : parseDateForm(s, form >> DATE_SHIFT);
}

const formValues = new Float64Array(4);

/** Code of a row whose text the builder no longer has; the reader fills it in a second pass. */
export const PENDING = -2;

/** Rows a reserved column first gets room for (see `ColumnBuilder.reserve`). */
const RESERVE_AFTER = 4096;

const DICTIONARY = 0;
const NUMBERS = 1;
const DATETIMES = 2;

/** A copy of a (dictionary key) string that does not keep the parser's whole chunk string alive. */
function ownString(s: string): string {
  // V8 makes substrings of 13+ characters views into their parent; slicing a concatenation flattens it first.
  return s.length >= 13 ? (' ' + s).slice(1) : s;
}

export interface BuilderOptions {
  /**
   * Text cells (CSV): numeric/boolean/datetime are inferred, and null tokens are missing. Off for Parquet string
   * columns, whose type the file declares (categorical or text) and whose missing values are real nulls, and for
   * columns forced to 'categorical' or 'text'.
   */
  infer: boolean;
  /** Cells read as missing values: by default the standard tokens with `infer`, none without. */
  nulls?: NullTokens;
  /** The column's type, forced (`ReadOptions.columnTypes`), instead of the cardinality rule; only without `infer`. */
  as?: 'categorical' | 'text';
  /**
   * Rows may be overwritten (reservoir sampling), so entries seen once may no longer be referenced: the type must
   * be decided from the final rows only, and an early non-numeric value does not settle the type.
   */
  overwrites: boolean;
}

export class ColumnBuilder {
  private mode = DICTIONARY;
  private capacity = 0;
  /** One past the highest row slot written. */
  private length = 0;
  private codes: Int32Array = new Int32Array(0);
  private values: Float64Array = new Float64Array(0);
  private dict!: Map<string, number>;
  private entries: string[] = [];
  private entryTypes: number[] = [];
  private entryValues: number[] = [];
  /** Day-first value of a slash date entry (its month-first value, if valid, is in entryValues), else NaN. */
  private entryDayFirst: number[] = [];
  /** In DATETIMES mode: the date form the values are read under. */
  private form = 0;
  /** AND of the types of every entry added so far (including ones no row references any more). */
  private allTypes = ALL_TYPES;
  private pending = 0;
  /** Rows `reserve` announced: the room taken once the first rows have shown what the column holds. */
  private reserved = 0;
  /** Counts dictionaries (see `dictionaryVersion`). */
  private version = 0;
  private readonly nulls: NullTokens | undefined;
  /** Some null token reads as a number or datetime ("-999"): the Float64Array modes must look tokens up first. */
  private readonly typedNulls: boolean;

  constructor(private readonly options: BuilderOptions) {
    this.nulls = options.nulls ?? (options.infer ? DEFAULT_NULLS : undefined);
    this.typedNulls = (this.nulls?.tokens ?? []).some((t) => t !== '' && (parseNumber(t) !== undefined || parseDatetime(t) !== undefined || dateForms(t, formValues) !== 0));
    this.resetDictionary();
  }

  /** Rows whose original text must be re-read (see the module comment). */
  get hasPending(): boolean {
    return this.pending > 0;
  }

  /** Room for at least `min` rows: the reserved rows when they suffice, else doubled (rows arriving one by one). */
  private grow(min: number): void {
    let cap = Math.max(1024, this.capacity * 2);
    if (this.reserved >= min && cap > RESERVE_AFTER) cap = this.reserved;
    while (cap < min) cap *= 2;
    const numbersSoFar = this.entries.length > 0 && (this.allTypes & (IS_NUMBER | DATE_FORMS)) !== 0 && this.pending === 0;
    if (this.mode === DICTIONARY && cap > RESERVE_AFTER && numbersSoFar && this.entries.length >= tuning.switchAtReserve) {
      this.capacity = cap;
      this.toValues();
      return;
    }
    if (this.mode === DICTIONARY) {
      // Number codes get the room of a Float64Array, so that `finish` can decode them where they are.
      const next = cap > RESERVE_AFTER && numbersSoFar ? wideCodes(cap) : int32Column(cap);
      next.set(this.codes.subarray(0, this.length));
      this.codes = next;
    } else {
      const next = float64Column(cap);
      next.set(this.values.subarray(0, this.length));
      this.values = next;
    }
    this.capacity = cap;
  }

  /** Pre-sizes for `rows` rows (when the row count is known, e.g. Parquet or a sample size). */
  reserve(rows: number): void {
    // Only a little now: a numeric column leaves its dictionary within its first rows, and the codes array would
    // then be garbage; the full size is taken when the column is past those rows (or switches, see toValues).
    this.reserved = Math.max(this.reserved, rows);
    if (Math.min(rows, RESERVE_AFTER) > this.capacity) this.grow(Math.min(rows, RESERVE_AFTER));
  }

  /** Sets row `slot` from its cell text. */
  set(slot: number, s: string): void {
    if (slot >= this.capacity) this.grow(slot + 1);
    if (slot >= this.length) this.length = slot + 1;
    if (this.mode === DICTIONARY) {
      const code = this.dict.get(s);
      if (code !== undefined) {
        this.codes[slot] = code;
        return;
      }
      this.codes[slot] = this.add(s);
      if (this.switchDue) this.toValues();
      return;
    }
    if (this.typedNulls && this.nulls!.isMissing(s)) {
      this.values[slot] = NaN;
      return;
    }
    if (this.mode === NUMBERS) {
      // Fast path: Number() read it, it is not blank (blank reads as 0), and it is not a radix literal ("0x1f").
      const v = +s;
      const c0 = s.charCodeAt(0);
      if (v === v && c0 > 32 && (c0 !== 48 || !isRadixLiteral(s))) {
        this.values[slot] = v;
        return;
      }
      if (this.nulls!.isMissing(s)) {
        this.values[slot] = NaN;
        return;
      }
      const p = parseNumber(s);
      if (p !== undefined) {
        this.values[slot] = p;
        return;
      }
    } else {
      const t = parseUnder(s, this.form);
      if (t !== undefined) {
        this.values[slot] = t;
        return;
      }
      if (this.nulls!.isMissing(s)) {
        this.values[slot] = NaN;
        return;
      }
    }
    this.backToDictionary();
    this.set(slot, s);
  }

  /** Sets row `slot` to a missing value (e.g. a JSON null or a key a row lacks). */
  setMissing(slot: number): void {
    if (slot >= this.capacity) this.grow(slot + 1);
    if (slot >= this.length) this.length = slot + 1;
    if (this.mode === DICTIONARY) this.codes[slot] = -1;
    else this.values[slot] = NaN;
  }

  /** Dictionary code of `s`, adding it if new; -1 when it is a missing value. For readers that map codes in bulk. */
  codeOf(s: string): number {
    const code = this.dict.get(s);
    return code !== undefined ? code : this.add(s);
  }

  /**
   * Sets row `slot` to a code from `codeOf`, or one `codeAt` gave under the same `dictionaryVersion` (-1 = missing).
   * Only while the builder is a dictionary.
   */
  setCode(slot: number, code: number): void {
    if (slot >= this.capacity) this.grow(slot + 1);
    if (slot >= this.length) this.length = slot + 1;
    this.codes[slot] = code;
  }

  /**
   * Changes whenever the dictionary is replaced, so caches of codes (the CSV reader's, keyed by cell bytes) know to
   * start over; -1 while the column holds numbers or datetimes instead of codes.
   */
  get dictionaryVersion(): number {
    return this.mode === DICTIONARY ? this.version : -1;
  }

  /** The code row `slot` holds (after `set` in dictionary mode). */
  codeAt(slot: number): number {
    return this.codes[slot];
  }

  /** Whether `setNumber` may store a number read elsewhere: the column holds plain numbers, and no null token is one. */
  get takesNumbers(): boolean {
    return this.mode === NUMBERS && !this.typedNulls;
  }

  /** Whether `setNumber` may store an ISO 8601 datetime read elsewhere (as `parseDatetime` reads it). */
  get takesIsoDatetimes(): boolean {
    return this.mode === DATETIMES && this.form === IS_DATETIME && !this.typedNulls;
  }

  /** Sets row `slot` to a number (or datetime) parsed by the caller (only while `takesNumbers` / `takesIsoDatetimes`). */
  setNumber(slot: number, value: number): void {
    if (slot >= this.capacity) this.grow(slot + 1);
    if (slot >= this.length) this.length = slot + 1;
    this.values[slot] = value;
  }

  private add(s: string): number {
    if (this.nulls?.isMissing(s)) {
      this.dict.set(ownString(s), -1);
      return -1;
    }
    let types = 0;
    let value = NaN;
    let dayFirst = NaN;
    // Once an entry fits no typed reading and rows are never overwritten, the column is categorical for good.
    if (this.options.infer && (this.allTypes !== 0 || this.options.overwrites)) {
      const num = parseNumber(s);
      if (num !== undefined) {
        types = IS_NUMBER;
        value = num;
      } else if (parseBoolean(s) !== undefined) {
        types = IS_BOOLEAN;
      } else {
        const t = parseDatetime(s);
        if (t !== undefined) {
          types = IS_DATETIME;
          value = t;
        } else {
          const forms = dateForms(s, formValues);
          if (forms !== 0) {
            types = forms << DATE_SHIFT;
            if (forms & DATE_YMD) value = formValues[0];
            else if (forms & DATE_DMY_DOT) value = formValues[1];
            else if (forms & DATE_MDY) value = formValues[2];
            if (forms & DATE_DMY) dayFirst = formValues[3];
          }
        }
      }
    }
    this.allTypes &= types;
    const key = ownString(s);
    const code = this.entries.length;
    this.entries.push(key);
    this.entryTypes.push(types);
    this.entryValues.push(value);
    this.entryDayFirst.push(dayFirst);
    this.dict.set(key, code);
    const highCardinality = code >= tuning.dictionaryLimit || (code >= tuning.earlySwitch && 2 * code > this.length);
    if (highCardinality && this.pending === 0 && (this.allTypes & (IS_NUMBER | DATE_FORMS)) !== 0) {
      this.switchDue = true;
    }
    return code;
  }

  /** Set by `add` when the dictionary outgrew its limit; `set` switches once the row's code is written. */
  private switchDue = false;

  /** Dictionary → Float64Array (every entry is a number, or every entry a datetime). */
  private toValues(): void {
    this.switchDue = false;
    const toDatetimes = (this.allTypes & IS_NUMBER) === 0;
    if (this.reserved > this.capacity) this.capacity = this.reserved;
    const values = float64Column(this.capacity);
    this.form = toDatetimes ? dateForm(this.allTypes) : 0;
    decodeCodes(this.codes, this.length, this.form === IS_DMY ? this.entryDayFirst : this.entryValues, values);
    this.values = values;
    this.codes = new Int32Array(0);
    this.mode = toDatetimes ? DATETIMES : NUMBERS;
    this.resetDictionary();
  }

  private resetDictionary(): void {
    this.version++;
    this.dict = new Map();
    if (this.nulls) for (const t of this.nulls.tokens) this.dict.set(t, -1);
    this.entries = [];
    this.entryTypes = [];
    this.entryValues = [];
    this.entryDayFirst = [];
    this.allTypes = ALL_TYPES;
  }

  /** A non-number arrived in a Float64Array column: back to codes, with the rows held as numbers marked PENDING. */
  private backToDictionary(): void {
    const codes = int32Column(this.capacity);
    let pending = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.values[i] === this.values[i]) {
        codes[i] = PENDING;
        pending++;
      } else codes[i] = -1;
    }
    this.codes = codes;
    this.values = new Float64Array(0);
    this.mode = DICTIONARY;
    this.pending = pending;
    this.resetDictionary();
  }

  /** Row slots below `rows` still PENDING (their text must be re-read and passed to `set`). */
  pendingSlots(rows: number): number[] {
    const out: number[] = [];
    if (this.pending === 0) return out;
    for (let i = 0; i < Math.min(rows, this.length); i++) if (this.codes[i] === PENDING) out.push(i);
    return out;
  }

  isPending(slot: number): boolean {
    return this.mode === DICTIONARY && this.pending > 0 && this.codes[slot] === PENDING;
  }

  /** The finished column of `rows` rows (slots never written are missing). Releases the builder's memory. */
  finish(name: string, rows: number): Column {
    if (this.mode !== DICTIONARY) {
      const values = this.take(this.values, rows, NaN);
      const nulls = countNaN(values, rows);
      this.values = new Float64Array(0);
      return { name, type: this.mode === DATETIMES ? 'datetime' : 'numeric', values, nullCount: nulls };
    }
    const codes = this.take(this.codes, rows, -1);
    this.codes = new Int32Array(0);
    const counts = new Int32Array(this.entries.length);
    const nulls = countCodes(codes, rows, counts);
    if (nulls < 0) throw new Error(`internal: column "${name}" has unread rows`);
    let types = this.options.infer ? ALL_TYPES : 0;
    let distinct = 0;
    for (let e = 0; e < counts.length; e++) {
      if (counts[e] > 0) {
        distinct++;
        types &= this.entryTypes[e];
      }
    }
    const entries = this.entries;
    const form = types & IS_NUMBER ? 0 : dateForm(types);
    const entryValues = form === IS_DMY ? this.entryDayFirst : this.entryValues;
    this.resetDictionary();

    if (distinct === 0 && this.options.infer) {
      // No values at all: numeric, as pandas reads an all-empty column; the suite then reports "not enough data".
      return { name, type: 'numeric', values: float64Column(rows).fill(NaN), nullCount: rows };
    }
    if (types & (IS_NUMBER | DATE_FORMS)) {
      const out = isWide(codes, rows) ? new Float64Array(codes.buffer, 0, rows) : float64Column(rows);
      const values = decodeCodes(codes, rows, entryValues, out);
      return { name, type: types & IS_NUMBER ? 'numeric' : 'datetime', values, nullCount: nulls };
    }
    const remap = new Int32Array(entries.length).fill(-1);
    let categories: string[];
    let type: 'boolean' | 'categorical' | 'text';
    if (types & IS_BOOLEAN) {
      type = 'boolean';
      const present = [false, false];
      for (let e = 0; e < entries.length; e++) if (counts[e] > 0) present[parseBoolean(entries[e])!] = true;
      categories = (['false', 'true'] as const).filter((_, b) => present[b]);
      for (let e = 0; e < entries.length; e++) {
        if (counts[e] > 0) remap[e] = categories.indexOf(parseBoolean(entries[e]) ? 'true' : 'false');
      }
    } else {
      const used: number[] = [];
      for (let e = 0; e < entries.length; e++) if (counts[e] > 0) used.push(e);
      type = this.options.as ?? (isTextLike(distinct, rows - nulls) ? 'text' : 'categorical');
      // Categories in code-unit order so both files and every run agree; free text keeps first-seen order
      // (sorting a million distinct strings buys nothing: text columns are not compared by category).
      if (type === 'categorical') used.sort((a, b) => (entries[a] < entries[b] ? -1 : entries[a] > entries[b] ? 1 : 0));
      categories = used.map((e) => entries[e]);
      for (let k = 0; k < used.length; k++) remap[used[k]] = k;
    }
    remapCodes(codes, rows, remap);
    // Codes laid out for numbers (a column that turned out not to be numeric): not twice the memory for good.
    const kept = isWide(codes, rows) ? int32Column(rows) : codes;
    if (kept !== codes) kept.set(codes.subarray(0, rows));
    return { name, type, codes: kept, categories, nullCount: nulls };
  }

  /** The first `rows` entries of `arr` (see `fitColumn`); unwritten rows get `fill`. */
  private take<T extends Int32Array | Float64Array>(arr: T, rows: number, fill: number): T {
    // Room reserved for an estimated row count and left over is cheaper kept than copied away.
    return fitColumn(arr, this.length, rows, fill, true);
  }
}

// The row loops of `finish`, each a function of its own: V8 optimizes a long loop while it runs, and code after it
// in the same function that has never run is thrown out again on first use (cold columns paid for it every time).

/** NaNs among the first `rows` values. */
function countNaN(values: Float64Array, rows: number): number {
  let nulls = 0;
  for (let i = 0; i < rows; i++) if (values[i] !== values[i]) nulls++;
  return nulls;
}

/** Tallies the first `rows` codes into `counts`; returns how many are missing, or -1 if one is still PENDING. */
function countCodes(codes: Int32Array, rows: number, counts: Int32Array): number {
  let nulls = 0;
  for (let i = 0; i < rows; i++) {
    const c = codes[i];
    if (c >= 0) counts[c]++;
    else if (c === PENDING) return -1;
    else nulls++;
  }
  return nulls;
}

/** Int32 codes on a buffer with room for as many doubles (see `decodeCodes`). */
function wideCodes(n: number): Int32Array {
  return new Int32Array(float64Column(n).buffer, 0, n);
}

function isWide(codes: Int32Array, rows: number): boolean {
  return codes.byteOffset === 0 && codes.buffer.byteLength >= 8 * rows;
}

/**
 * `out[i]` = the value of code `codes[i]`, NaN where it is missing. Back to front, so `out` may be the codes' own
 * wide buffer: value i overwrites codes 2i and 2i+1, which were decoded before it (or, for i = 0, read just before).
 */
function decodeCodes(codes: Int32Array, rows: number, entryValues: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = rows - 1; i >= 0; i--) {
    const c = codes[i];
    out[i] = c >= 0 ? entryValues[c] : NaN;
  }
  return out;
}

/** Renumbers the first `rows` codes through `remap`, in place (missing ones stay). */
function remapCodes(codes: Int32Array, rows: number, remap: Int32Array): void {
  for (let i = 0; i < rows; i++) {
    const c = codes[i];
    if (c >= 0) codes[i] = remap[c];
  }
}
