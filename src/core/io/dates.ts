/**
 * Calendar arithmetic and the common non-ISO date forms of CSV inference (ISO 8601 itself is `parseDatetime` in
 * infer.ts). Forms, each optionally followed by a space and `HH:MM` or `HH:MM:SS` (read as UTC, like ISO times
 * without an offset); day and month take 1 or 2 digits, the year 4:
 * - `YYYY/MM/DD`                (DATE_YMD)
 * - `DD.MM.YYYY`                (DATE_DMY_DOT)
 * - `MM/DD/YYYY`, `DD/MM/YYYY`  (DATE_MDY, DATE_DMY): the same text may read both ways; the column decides (infer.ts:
 *   day-first when some value's first field exceeds 12, month-first otherwise, as pandas does by default).
 * A value parses under a form only if its date exists (02/30/2024 does not).
 */

export const DATE_YMD = 1;
export const DATE_DMY_DOT = 2;
export const DATE_MDY = 4;
export const DATE_DMY = 8;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Epoch ms of a valid y-m-d, or NaN. */
function dateMs(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d) * 86_400_000;
}

/** Position after a run of 1..max digits starting at i (value in `runValue`), or -1. */
let runValue = 0;
function run(s: string, i: number, max: number): number {
  let v = 0;
  let k = i;
  while (k < s.length && k - i < max) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    k++;
  }
  if (k === i) return -1;
  runValue = v;
  return k;
}

/** Milliseconds of an optional ` HH:MM[:SS]` tail from i to the end, or NaN. */
function timeTail(s: string, i: number): number {
  const n = s.length;
  if (i === n) return 0;
  if (s.charCodeAt(i) !== 32) return NaN;
  let k = run(s, i + 1, 2);
  if (k < 0 || k >= n || s.charCodeAt(k) !== 58) return NaN;
  const h = runValue;
  if (run(s, k + 1, 2) !== k + 3) return NaN;
  const mi = runValue;
  k += 3;
  let sec = 0;
  if (k < n) {
    if (s.charCodeAt(k) !== 58 || run(s, k + 1, 2) !== k + 3 || k + 3 !== n) return NaN;
    sec = runValue;
  }
  if (h > 23 || mi > 59 || sec > 59) return NaN;
  return h * 3_600_000 + mi * 60_000 + sec * 1000;
}

/**
 * The forms `s` parses under (DATE_* bits, 0 for none), its value under each written to `out` (index: 0 = YMD,
 * 1 = DMY_DOT, 2 = MDY, 3 = DMY). Cheap to reject: a non-digit first character or no '/' '.' after the first digits.
 */
export function dateForms(s: string, out: Float64Array): number {
  let n = s.length;
  if (n < 8) return 0;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) {
    s = s.trim();
    n = s.length;
    if (n < 8) return 0;
  }
  const c0 = s.charCodeAt(0) - 48;
  if (c0 < 0 || c0 > 9) return 0;
  const e1 = run(s, 0, 4);
  const a = runValue;
  if (e1 >= n) return 0;
  const sep = s.charCodeAt(e1);
  if (sep !== 47 && sep !== 46) return 0; // '/' '.'
  const e2 = run(s, e1 + 1, 2);
  const b = runValue;
  if (e2 < 0 || e2 >= n || s.charCodeAt(e2) !== sep) return 0;
  const e3 = run(s, e2 + 1, 4);
  const c = runValue;
  if (e3 < 0) return 0;
  const firstLen = e1;
  const lastLen = e3 - e2 - 1;
  const time = timeTail(s, e3);
  if (time !== time) return 0;
  if (firstLen === 4 && sep === 47 && lastLen <= 2) {
    out[0] = dateMs(a, b, c) + time;
    return out[0] === out[0] ? DATE_YMD : 0;
  }
  if (firstLen > 2 || lastLen !== 4) return 0;
  if (sep === 46) {
    out[1] = dateMs(c, b, a) + time;
    return out[1] === out[1] ? DATE_DMY_DOT : 0;
  }
  out[2] = dateMs(c, a, b) + time;
  out[3] = dateMs(c, b, a) + time;
  return (out[2] === out[2] ? DATE_MDY : 0) | (out[3] === out[3] ? DATE_DMY : 0);
}

const scratch = new Float64Array(4);

/** Epoch ms of `s` read under one form (a DATE_* bit), or undefined. */
export function parseDateForm(s: string, form: number): number | undefined {
  if ((dateForms(s, scratch) & form) === 0) return undefined;
  return scratch[form === DATE_YMD ? 0 : form === DATE_DMY_DOT ? 1 : form === DATE_MDY ? 2 : 3];
}
