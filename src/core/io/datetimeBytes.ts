/**
 * ISO 8601 datetimes read straight from UTF-8 bytes, for CSV cells of a column already known to hold them: no
 * string per cell. The same forms and arithmetic as `parseDatetime` (infer.ts) — YYYY-MM-DD, then optionally T, t or
 * a space and HH:MM, :SS, .fraction (1-9 digits), then optionally Z or an offset ±HH:MM / ±HHMM / ±HH — on bytes.
 * Surrounding spaces and anything else return NaN: the caller then reads the cell's text the general way.
 */
import { daysFromCivil, daysInMonth } from './dates';

/** Digits buf[i, i+n) as a number, or -1 if any is not a digit. */
function digits(buf: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = buf[k] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Epoch milliseconds of the ISO 8601 date or date-time in bytes [start, end), or NaN. */
export function isoDatetimeFromBytes(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 10 || buf[start + 4] !== 45 || buf[start + 7] !== 45) return NaN; // '-'
  const y = digits(buf, start, 4);
  const mo = digits(buf, start + 5, 2);
  const d = digits(buf, start + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (n === 10) return ms;
  const sep = buf[start + 10];
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || buf[start + 13] !== 58) return NaN; // T t ' ' ':'
  const h = digits(buf, start + 11, 2);
  const mi = digits(buf, start + 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  ms += h * 3_600_000 + mi * 60_000;
  let i = start + 16;
  if (i < end && buf[i] === 58) {
    if (i + 3 > end) return NaN;
    const sec = digits(buf, i + 1, 2);
    if (sec < 0 || sec > 59) return NaN;
    ms += sec * 1000;
    i += 3;
    if (i < end && buf[i] === 46) {
      let k = i + 1;
      let frac = 0;
      let scale = 1;
      while (k < end && k - i <= 9) {
        const c = buf[k] - 48;
        if (c < 0 || c > 9) break;
        frac = frac * 10 + c;
        scale *= 10;
        k++;
      }
      if (k === i + 1) return NaN;
      ms += (frac / scale) * 1000;
      i = k;
    }
  }
  if (i === end) return ms;
  const z = buf[i];
  if ((z === 90 || z === 122) && i + 1 === end) return ms; // Z z
  if (z !== 43 && z !== 45) return NaN; // + -
  if (i + 3 > end) return NaN;
  const oh = digits(buf, i + 1, 2);
  let om = 0;
  const rest = end - (i + 3);
  if (rest === 3 && buf[i + 3] === 58) om = digits(buf, i + 4, 2);
  else if (rest === 2) om = digits(buf, i + 3, 2);
  else if (rest !== 0) return NaN;
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
  const offset = (oh * 60 + om) * 60_000;
  return z === 43 ? ms - offset : ms + offset;
}
