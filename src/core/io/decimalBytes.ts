/**
 * Plain decimals read straight from UTF-8 bytes, for CSV cells of numeric columns: no string per cell.
 *
 * Only the fast, exact case: an optional sign, at most 15 digits and one decimal point, nothing else. Then the
 * digits are an integer below 2^53 and 10^scale (scale ≤ 15) is exact, so one IEEE division is correctly rounded —
 * the same double `Number()` gives (Clinger's fast path). Anything else (exponents, more digits, spaces, words)
 * returns NaN, and the caller reads the cell's text the slow, general way.
 */

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_DIGITS = 15;

/** The number bytes [start, end) spell, or NaN when they are not a plain decimal of at most 15 digits. */
export function decimalFromBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = buf[i];
  let negative = false;
  if (c === 45) {
    negative = true;
    i++;
  } else if (c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    c = buf[i];
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return NaN;
  }
  if (digits === 0 || digits > MAX_DIGITS) return NaN;
  const v = scale === 0 ? mantissa : mantissa / POW10[scale];
  return negative ? -v : v;
}
