/**
 * NumPy's float64 `np.sum`, reproduced operation for operation so results are bit-identical to SciPy's.
 *
 * Most sums here have no cancellation and any accurate summation would do; this exists for the few
 * statistics that are a small difference of two huge sums (the two-sample Cramér–von Mises T at 1e6
 * values is ~1e-7 formed from terms ~3e5), where only the same rounding gives the same digits.
 *
 * NumPy's reduction hands the inner loop blocks of at most 8192 elements (the ufunc buffer size), adds
 * each block's pairwise sum to the running total starting from 0, and sums a block pairwise
 * (numpy/core/src/umath/loops_utils.h.src `pairwise_sum`): below 8 elements a plain loop, up to 128 eight
 * interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail, above that the
 * two halves (split at a multiple of 8) recursively. Checked against NumPy 1.24 on random arrays of every
 * length up to 300 and at 1e4, 1e5, 1e6.
 */

const BLOCK = 8192;

/** NumPy's `pairwise_sum` of buf[lo, lo + n). */
export function pairwiseSum(buf: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += buf[lo + i];
    return res;
  }
  if (n <= 128) {
    let r0 = buf[lo];
    let r1 = buf[lo + 1];
    let r2 = buf[lo + 2];
    let r3 = buf[lo + 3];
    let r4 = buf[lo + 4];
    let r5 = buf[lo + 5];
    let r6 = buf[lo + 6];
    let r7 = buf[lo + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      r0 += buf[lo + i];
      r1 += buf[lo + i + 1];
      r2 += buf[lo + i + 2];
      r3 += buf[lo + i + 3];
      r4 += buf[lo + i + 4];
      r5 += buf[lo + i + 5];
      r6 += buf[lo + i + 6];
      r7 += buf[lo + i + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += buf[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(buf, lo, n2) + pairwiseSum(buf, lo + n2, n - n2);
}

/** Streaming np.sum: push the array's elements in order, read `value` at the end. O(8192) memory. */
export class NumpySum {
  private readonly buf = new Float64Array(BLOCK);
  private len = 0;
  private total = 0;

  push(v: number): void {
    this.buf[this.len++] = v;
    if (this.len === BLOCK) {
      this.total += pairwiseSum(this.buf, 0, BLOCK);
      this.len = 0;
    }
  }

  get value(): number {
    return this.len === 0 ? this.total : this.total + pairwiseSum(this.buf, 0, this.len);
  }
}
