/**
 * HDDM_A, the drift detection method based on Hoeffding's bounds with moving averages (Frías-Blanco et al.
 * 2014), as river.drift.binary.HDDM_A (itself after MOA). Input: a 0/1 error stream (1 = error).
 * It keeps the global mean Z of all values and a cut point X_min: the prefix (count and mean) where
 * mean + Hoeffding bound sqrt(ln(1/driftConfidence) / (2n)) was lowest (X_max, the highest mean − bound, for
 * the two-sided test). An increase is signalled when
 *   mean(Z) − mean(X_min) >= sqrt(m/2 · ln(2/confidence)),  m = (n_Z − n_X) / n_X · 1/n_Z,
 * with confidence = driftConfidence (drift) or warningConfidence (warning); with `twoSidedTest` a decrease
 * below X_max is tested the same way. The update after a drift starts afresh, as in River.
 * O(1) per update, no allocation.
 */
import { checkBinary, checkProbability, type DriftDetector, HDDM_A_DEFAULTS, type HddmAParams } from './types';

export class HddmA implements DriftDetector {
  readonly params: Readonly<HddmAParams>;
  /** Count and mean of all values, of the increase cut point and of the decrease cut point. */
  private zN = 0;
  private zMean = 0;
  private minN = 0;
  private minMean = 0;
  private maxN = 0;
  private maxMean = 0;
  private readonly logInvDrift: number;
  private drift = false;
  private warning = false;

  constructor(params: Partial<HddmAParams> = {}) {
    const p = { ...HDDM_A_DEFAULTS, ...params };
    checkProbability('HDDM_A', 'driftConfidence', p.driftConfidence);
    checkProbability('HDDM_A', 'warningConfidence', p.warningConfidence);
    this.params = Object.freeze(p);
    this.logInvDrift = Math.log(1.0 / p.driftConfidence);
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return this.warning;
  }

  reset(): void {
    this.zN = 0;
    this.zMean = 0;
    this.minN = 0;
    this.minMean = 0;
    this.maxN = 0;
    this.maxMean = 0;
    this.drift = false;
    this.warning = false;
  }

  private bound(n: number): number {
    return Math.sqrt((1.0 / (2 * n)) * this.logInvDrift);
  }

  update(x: number): void {
    checkBinary('HDDM_A', x);
    if (this.drift) this.reset();
    this.zN += 1;
    this.zMean += (x - this.zMean) / this.zN;
    if (this.minN === 0) {
      this.minN = this.zN;
      this.minMean = this.zMean;
    }
    if (this.maxN === 0) {
      this.maxN = this.zN;
      this.maxMean = this.zMean;
    }
    const epsZ = this.bound(this.zN);
    if (this.minMean + this.bound(this.minN) >= this.zMean + epsZ) {
      this.minN = this.zN;
      this.minMean = this.zMean;
    }
    if (this.maxMean - this.bound(this.maxN) <= this.zMean - epsZ) {
      this.maxN = this.zN;
      this.maxMean = this.zMean;
    }
    const { driftConfidence, warningConfidence } = this.params;
    if (this.meanIncreased(driftConfidence)) {
      this.warning = false;
      this.drift = true;
    } else if (this.meanIncreased(warningConfidence)) {
      this.warning = true;
      this.drift = false;
    } else {
      this.warning = false;
      this.drift = false;
    }
    if (this.params.twoSidedTest) {
      if (this.meanDecreased(driftConfidence)) this.drift = true;
      else if (this.meanDecreased(warningConfidence)) this.warning = true;
    }
  }

  private meanIncreased(confidence: number): boolean {
    if (this.minN === this.zN) return false;
    const m = ((this.zN - this.minN) / this.minN) * (1.0 / this.zN);
    const eps = Math.sqrt((m / 2) * Math.log(2.0 / confidence));
    return this.zMean - this.minMean >= eps;
  }

  private meanDecreased(confidence: number): boolean {
    if (this.maxN === this.zN) return false;
    const m = ((this.zN - this.maxN) / this.maxN) * (1.0 / this.zN);
    const eps = Math.sqrt((m / 2) * Math.log(2.0 / confidence));
    return this.maxMean - this.zMean >= eps;
  }
}
