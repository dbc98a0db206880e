/**
 * ADWIN, ADaptive WINdowing (Bifet & Gavaldà 2007), as river.drift.ADWIN (drift/adwin.py over the Cython
 * AdaptiveWindowing of drift/adwin_c.pyx). The window is summarised by ADWIN2's exponential histogram: row r
 * holds up to `maxBuckets` buckets of 2^r values (total and variance each); a row that reaches maxBuckets + 1
 * merges its two oldest into one bucket of the next row. Every `clock` updates (once the window is longer
 * than `gracePeriod`), every cut between buckets, oldest first, splits the window into W0 (older) and W1
 * (newer), both at least `minWindowLength` long, and the cut fires when
 *   |mean(W0) − mean(W1)| > sqrt(2·m·σ²·δ') + (2/3)·δ'·m,
 *   m = 1/(n0 − minLen + 1) + 1/(n1 − minLen + 1),  δ' = ln(2·ln(width) / δ),  σ² = window variance / width;
 * on a fire the oldest bucket is dropped and the scan restarts, and the update reports a drift. Like River,
 * every bucket of every row is a candidate cut except after the newest one (River's current loop; older
 * releases skipped each row's last bucket). As in River's ADWIN, the update after a drift starts from an
 * empty window (`if self.drift_detected: self._reset()`).
 *
 * Cost: O(1) amortised per update, plus one scan of the O(maxBuckets · log width) buckets every `clock`
 * updates. Storage is preallocated (64 rows: enough for 2^64 values), so updates never allocate.
 */
import { ADWIN_DEFAULTS, type AdwinParams, checkPositiveInteger, checkProbability, type DriftDetector } from './types';

/** Rows of the exponential histogram: row r holds buckets of 2^r values. */
const MAX_ROWS = 64;

export class Adwin implements DriftDetector {
  readonly params: Readonly<AdwinParams>;
  private readonly cap: number;
  /** Row r, bucket k (0 = oldest) at r·cap + k. */
  private readonly totals: Float64Array;
  private readonly variances: Float64Array;
  private readonly counts: Int32Array;
  private rows = 1;
  private total = 0;
  private variance = 0;
  private width = 0;
  private tick = 0;
  private detections = 0;
  private drift = false;

  constructor(params: Partial<AdwinParams> = {}) {
    const p = { ...ADWIN_DEFAULTS, ...params };
    checkProbability('ADWIN', 'delta', p.delta);
    checkPositiveInteger('ADWIN', 'clock', p.clock);
    checkPositiveInteger('ADWIN', 'maxBuckets', p.maxBuckets);
    checkPositiveInteger('ADWIN', 'minWindowLength', p.minWindowLength);
    if (!Number.isInteger(p.gracePeriod) || p.gracePeriod < 0) {
      throw new RangeError(`ADWIN: gracePeriod must be a non-negative integer, got ${p.gracePeriod}`);
    }
    this.params = Object.freeze(p);
    this.cap = p.maxBuckets + 1;
    this.totals = new Float64Array(MAX_ROWS * this.cap);
    this.variances = new Float64Array(MAX_ROWS * this.cap);
    this.counts = new Int32Array(MAX_ROWS);
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return false;
  }
  /** Number of values in the adaptive window. */
  get windowWidth(): number {
    return this.width;
  }
  /** Mean of the values in the window (0 when empty). */
  get estimation(): number {
    return this.width === 0 ? 0 : this.total / this.width;
  }
  /** Changes detected since the window was last emptied (River resets it after each drift, so 0 or 1). */
  get nDetections(): number {
    return this.detections;
  }

  reset(): void {
    this.clearWindow();
    this.drift = false;
  }

  private clearWindow(): void {
    this.totals.fill(0);
    this.variances.fill(0);
    this.counts.fill(0);
    this.rows = 1;
    this.total = 0;
    this.variance = 0;
    this.width = 0;
    this.tick = 0;
    this.detections = 0;
  }

  update(x: number): void {
    if (this.drift) this.clearWindow();
    this.insert(x);
    this.drift = this.detectChange();
  }

  private insert(value: number): void {
    // New bucket of one value, variance 0, at the newest end of row 0.
    const c0 = this.counts[0]++;
    this.totals[c0] = value;
    this.variances[c0] = 0;
    this.width += 1;
    if (this.width > 1.0) {
      const d = value - this.total / (this.width - 1.0);
      this.variance += ((this.width - 1.0) * d * d) / this.width;
    }
    this.total += value;
    this.compress();
  }

  /** Merge the two oldest buckets of every full row into the next row, cascading while rows overflow. */
  private compress(): void {
    const cap = this.cap;
    const maxBuckets = this.params.maxBuckets;
    const totals = this.totals;
    const variances = this.variances;
    for (let r = 0; r < this.rows; r++) {
      if (this.counts[r] !== maxBuckets + 1) break;
      if (r + 1 === this.rows) {
        if (this.rows === MAX_ROWS) throw new RangeError('ADWIN: window too long');
        this.counts[this.rows++] = 0;
      }
      const base = r * cap;
      const n1 = 2 ** r;
      const t0 = totals[base];
      const t1 = totals[base + 1];
      const mu1 = t0 / n1;
      const mu2 = t1 / n1;
      const v12 = variances[base] + variances[base + 1] + n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2);
      const next = (r + 1) * cap + this.counts[r + 1]++;
      totals[next] = t0 + t1;
      variances[next] = v12;
      this.shift(r, 2);
      if (this.counts[r + 1] <= maxBuckets) break;
    }
  }

  /** Drop the `k` oldest buckets of row r. */
  private shift(r: number, k: number): void {
    const base = r * this.cap;
    const n = this.counts[r];
    this.totals.copyWithin(base, base + k, base + n);
    this.variances.copyWithin(base, base + k, base + n);
    this.totals.fill(0, base + n - k, base + n);
    this.variances.fill(0, base + n - k, base + n);
    this.counts[r] = n - k;
  }

  /** Remove the oldest bucket (row rows−1, position 0) from the window. */
  private deleteOldest(): void {
    const r = this.rows - 1;
    const base = r * this.cap;
    const n = 2 ** r;
    const u = this.totals[base];
    const mu = u / n;
    const v = this.variances[base];
    this.width -= n;
    this.total -= u;
    const muWindow = this.total / this.width;
    this.variance -= v + (n * this.width * (mu - muWindow) * (mu - muWindow)) / (n + this.width);
    this.shift(r, 1);
    if (this.counts[r] === 0) this.rows--;
  }

  private detectChange(): boolean {
    const { clock, gracePeriod, minWindowLength, delta } = this.params;
    let changed = false;
    this.tick += 1;
    if (this.tick % clock !== 0 || !(this.width > gracePeriod)) return false;
    const cap = this.cap;
    let reduce = true;
    while (reduce) {
      reduce = false;
      let n0 = 0;
      let n1 = this.width;
      let u0 = 0;
      let u1 = this.total;
      const deltaPrime = Math.log((2 * Math.log(this.width)) / delta);
      const varianceInWindow = this.variance / this.width;
      scan: for (let r = this.rows - 1; r >= 0; r--) {
        const size = 2 ** r;
        const base = r * cap;
        const count = this.counts[r];
        for (let k = 0; k < count; k++) {
          const t = this.totals[base + k];
          n0 += size;
          n1 -= size;
          u0 += t;
          u1 -= t;
          if (r === 0 && k === count - 1) break scan;
          if (n1 >= minWindowLength && n0 >= minWindowLength) {
            const deltaMean = u0 / n0 - u1 / n1;
            const mRecip = 1.0 / (n0 - minWindowLength + 1) + 1.0 / (n1 - minWindowLength + 1);
            const epsilon = Math.sqrt(2 * mRecip * varianceInWindow * deltaPrime) + (2.0 / 3.0) * deltaPrime * mRecip;
            if (Math.abs(deltaMean) > epsilon) {
              reduce = true;
              changed = true;
              if (this.width > 0) {
                this.deleteOldest();
                break scan;
              }
            }
          }
        }
      }
    }
    if (changed) this.detections += 1;
    return changed;
  }
}
