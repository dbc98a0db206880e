/**
 * EDDM, the Early Drift Detection Method (Baena-García et al. 2006), as river.drift.binary.EDDM.
 * Input: a 0/1 error stream (1 = error). It follows the distance (in values) between consecutive errors:
 * its running mean p' and standard deviation s' (sample variance, ddof 1). At each error, once more than
 * `warmStart` values have been seen: if p' + 2s' exceeds its maximum so far the maximum moves up (and the
 * zone is left as it was); otherwise, once more than `warmStart` errors have been seen, with
 * level = (p' + 2s') / max:
 *   level < beta → drift;   else level < alpha → warning;   else no warning.
 * The flags change only at errors (River's semantics: a drift leaves the warning flag as it was, and the
 * update after a drift starts afresh). O(1) per update, no allocation.
 */
import { checkBinary, type DriftDetector, EDDM_DEFAULTS, type EddmParams } from './types';

export class Eddm implements DriftDetector {
  readonly params: Readonly<EddmParams>;
  private n = 0;
  private lastError = 0;
  private nErrors = 0;
  /** Welford state of the distances between errors. */
  private dN = 0;
  private dMean = 0;
  private dS = 0;
  private p2sMax = -1;
  private drift = false;
  private warning = false;

  constructor(params: Partial<EddmParams> = {}) {
    const p = { ...EDDM_DEFAULTS, ...params };
    if (!Number.isInteger(p.warmStart) || p.warmStart < 0) {
      throw new RangeError(`EDDM: warmStart must be a non-negative integer, got ${p.warmStart}`);
    }
    if (p.alpha < p.beta) throw new RangeError("EDDM: 'alpha' must be greater or equal to 'beta'");
    this.params = Object.freeze(p);
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return this.warning;
  }

  reset(): void {
    this.n = 0;
    this.lastError = 0;
    this.nErrors = 0;
    this.dN = 0;
    this.dMean = 0;
    this.dS = 0;
    this.p2sMax = -1;
    this.drift = false;
    this.warning = false;
  }

  update(x: number): void {
    checkBinary('EDDM', x);
    if (this.drift) this.reset();
    this.n += 1;
    if (x === 1) {
      this.nErrors += 1;
      const d = this.n - this.lastError;
      const old = this.dMean;
      this.dN += 1;
      this.dMean += (d - this.dMean) / this.dN;
      this.dS += (d - old) * (d - this.dMean);
      if (this.n > this.params.warmStart) {
        const variance = this.dN > 1 ? this.dS / (this.dN - 1) : 0.0;
        const p2s = this.dMean + 2 * Math.sqrt(variance);
        if (p2s > this.p2sMax) {
          this.p2sMax = p2s;
        } else if (this.nErrors > this.params.warmStart) {
          const level = p2s / this.p2sMax;
          if (level < this.params.beta) this.drift = true;
          else if (level < this.params.alpha) this.warning = true;
          else this.warning = false;
        }
      }
      this.lastError = this.n;
    }
  }
}
