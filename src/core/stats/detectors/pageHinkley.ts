/**
 * Page-Hinkley test (Page 1954), as river.drift.PageHinkley: a CUSUM of the deviations from the running mean
 * with a forgetting factor. With x̄ the running mean (including x),
 *   up   = alpha·up   + (x − x̄) − delta,   down = alpha·down + (x − x̄) + delta,
 * and min(up), max(down) tracked since the last reset (max(down) starts at −1, as in River), a drift is
 * signalled, once `minInstances` values have been seen, when up − min(up) > threshold (mode "up"),
 * max(down) − down > threshold ("down"), or either ("both", the default). No warning zone. The update after a
 * drift starts afresh, as in River. O(1) per update, no allocation.
 */
import { checkPositiveInteger, type DriftDetector, PAGE_HINKLEY_DEFAULTS, type PageHinkleyParams } from './types';

export class PageHinkley implements DriftDetector {
  readonly params: Readonly<PageHinkleyParams>;
  private n = 0;
  private mean = 0;
  private sumIncrease = 0;
  private sumDecrease = 0;
  private minIncrease = Infinity;
  private maxDecrease = -1;
  private drift = false;
  private readonly up: boolean;
  private readonly down: boolean;

  constructor(params: Partial<PageHinkleyParams> = {}) {
    const p = { ...PAGE_HINKLEY_DEFAULTS, ...params };
    checkPositiveInteger('PageHinkley', 'minInstances', p.minInstances);
    if (p.mode !== 'up' && p.mode !== 'down' && p.mode !== 'both') {
      throw new RangeError(`PageHinkley: invalid mode ${String(p.mode)}; valid values are up, down, both`);
    }
    this.params = Object.freeze(p);
    this.up = p.mode !== 'down';
    this.down = p.mode !== 'up';
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return false;
  }

  reset(): void {
    this.n = 0;
    this.mean = 0;
    this.sumIncrease = 0;
    this.sumDecrease = 0;
    this.minIncrease = Infinity;
    this.maxDecrease = -1;
    this.drift = false;
  }

  update(x: number): void {
    if (this.drift) this.reset();
    const { alpha, delta, threshold, minInstances } = this.params;
    this.n += 1;
    this.mean += (x - this.mean) / this.n;
    const dev = x - this.mean;
    this.sumIncrease = alpha * this.sumIncrease + dev - delta;
    this.sumDecrease = alpha * this.sumDecrease + dev + delta;
    if (this.sumIncrease < this.minIncrease) this.minIncrease = this.sumIncrease;
    if (this.sumDecrease > this.maxDecrease) this.maxDecrease = this.sumDecrease;
    if (this.n >= minInstances) {
      this.drift =
        (this.up && this.sumIncrease - this.minIncrease > threshold) ||
        (this.down && this.maxDecrease - this.sumDecrease > threshold);
    }
  }
}
