/**
 * DDM, the Drift Detection Method (Gama, Medas, Castillo & Rodrigues 2004), as river.drift.binary.DDM.
 * Input: a 0/1 error stream (1 = error). With p the running error rate and s = sqrt(p(1 − p)/n), once more
 * than `warmStart` values have been seen the detector remembers (p_min, s_min) where p + s was lowest
 * (ties move it too) and signals
 *   warning when p + s > p_min + warningThreshold · s_min,   drift when p + s > p_min + driftThreshold · s_min
 * (a drift clears the warning). The update after a drift starts afresh, as in River.
 * O(1) per update, no allocation.
 */
import { checkBinary, DDM_DEFAULTS, type DdmParams, type DriftDetector } from './types';

export class Ddm implements DriftDetector {
  readonly params: Readonly<DdmParams>;
  private n = 0;
  private p = 0;
  private pMin = Infinity;
  private sMin = Infinity;
  private psMin = Infinity;
  private drift = false;
  private warning = false;

  constructor(params: Partial<DdmParams> = {}) {
    const p = { ...DDM_DEFAULTS, ...params };
    if (!Number.isInteger(p.warmStart) || p.warmStart < 0) {
      throw new RangeError(`DDM: warmStart must be a non-negative integer, got ${p.warmStart}`);
    }
    if (!(p.warningThreshold > 0) || !(p.driftThreshold > 0)) {
      throw new RangeError('DDM: warningThreshold and driftThreshold must be positive');
    }
    this.params = Object.freeze(p);
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return this.warning;
  }
  /** Running error rate since the last reset. */
  get errorRate(): number {
    return this.p;
  }

  reset(): void {
    this.n = 0;
    this.p = 0;
    this.pMin = Infinity;
    this.sMin = Infinity;
    this.psMin = Infinity;
    this.drift = false;
    this.warning = false;
  }

  update(x: number): void {
    checkBinary('DDM', x);
    if (this.drift) this.reset();
    this.n += 1;
    this.p += (x - this.p) / this.n;
    const pi = this.p;
    const si = Math.sqrt((pi * (1 - pi)) / this.n);
    if (this.n > this.params.warmStart) {
      if (pi + si <= this.psMin) {
        this.pMin = pi;
        this.sMin = si;
        this.psMin = this.pMin + this.sMin;
      }
      this.warning = pi + si > this.pMin + this.params.warningThreshold * this.sMin;
      if (pi + si > this.pMin + this.params.driftThreshold * this.sMin) {
        this.drift = true;
        this.warning = false;
      }
    }
  }
}

