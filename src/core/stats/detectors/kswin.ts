/**
 * KSWIN, Kolmogorov–Smirnov WINdowing (Raab, Heusinger & Schleif 2020), as river.drift.KSWIN.
 * A sliding window Ψ of the last `windowSize` values; once full, at every update the last `statSize` values
 * (R) are compared with `statSize` values drawn without replacement from the older `windowSize − statSize`
 * (W, drawn by `random.Random(seed).sample(range(windowSize − statSize), statSize)`, reproduced bit for bit
 * by ./pyRandom) with SciPy's `ks_2samp(W, R, method="auto")`; a drift is signalled when
 * p-value <= alpha and the statistic > 0.1. The update after a drift starts afresh, as in River: empty
 * window, generator reseeded.
 *
 * The p-value: both samples have `statSize` values, so the two-sided statistic is h / statSize for an integer
 * h, and SciPy's `auto` takes the exact distribution (both sizes <= 10 000). The p-value of every h is the
 * one ../ks (ksTwoSample, = scipy.stats.ks_2samp) gives; it is tabulated once at construction. The window is
 * kept as two sorted parts (older, with each value's stream position, and recent), slid by one removal and
 * one insertion each; the drawn positions are marked and h is counted in one merge walk of the two parts.
 * Per update: O(windowSize), no allocation, no sort (one insertion sort per window fill). About 2 µs per
 * update, mostly the 30 draws and the merge; the other detectors are 20–50× cheaper.
 */
import { ksTwoSample } from '../ks';
import { searchSorted } from '../searchSorted';
import { PyRandom } from './pyRandom';
import { type DriftDetector, KSWIN_DEFAULTS, type KswinParams } from './types';

export class Kswin implements DriftDetector {
  readonly params: Readonly<KswinParams>;
  /** Ring buffer of the window, doubled (see push): oldest value at `start`. */
  private readonly ring: Float64Array;
  private start = 0;
  private length = 0;
  private rng: PyRandom;
  private readonly picks: Int32Array;
  private readonly pool: Int32Array;
  /** The older windowSize − statSize values sorted ascending, with each one's stream position. */
  private readonly olderVals: Float64Array;
  private readonly olderPos: Float64Array;
  /** The statSize most recent values sorted ascending. */
  private readonly recentVals: Float64Array;
  /** Picked older positions (relative to the window start) marked 1 while a test runs. */
  private readonly marks: Uint8Array;
  /** Whether olderVals/recentVals describe the current full window (else they are rebuilt once). */
  private sorted = false;
  /** Stream position of the newest value (since the last restart). */
  private t = -1;
  /** pValueByH[h]: SciPy's exact two-sided p-value for the statistic h / statSize. */
  private readonly pValueByH: Float64Array;
  private drift = false;
  private lastPValue = 0;
  private lastStatistic = 0;

  constructor(params: Partial<KswinParams> = {}) {
    const p = { ...KSWIN_DEFAULTS, ...params };
    if (!(p.alpha >= 0 && p.alpha <= 1)) throw new RangeError(`KSWIN: alpha must be between 0 and 1, got ${p.alpha}`);
    if (!Number.isInteger(p.statSize) || p.statSize < 1) {
      throw new RangeError(`KSWIN: statSize must be a positive integer, got ${p.statSize}`);
    }
    if (!Number.isInteger(p.windowSize) || p.windowSize <= p.statSize * 2 - 1) {
      // River only requires windowSize >= statSize, but then sample() of statSize out of fewer fails.
      throw new RangeError(`KSWIN: windowSize must be an integer >= 2 · statSize, got ${p.windowSize}`);
    }
    if (!Number.isInteger(p.seed)) throw new RangeError(`KSWIN: seed must be an integer, got ${p.seed}`);
    this.params = Object.freeze({ ...p, window: p.window ? Float64Array.from(p.window) : null });
    const r = p.statSize;
    this.ring = new Float64Array(2 * p.windowSize);
    this.picks = new Int32Array(r);
    this.pool = new Int32Array(p.windowSize - r);
    this.olderVals = new Float64Array(p.windowSize - r);
    this.olderPos = new Float64Array(p.windowSize - r);
    this.recentVals = new Float64Array(r);
    this.marks = new Uint8Array(p.windowSize - r);
    this.pValueByH = new Float64Array(r + 1);
    const a = new Float64Array(r);
    const b = new Float64Array(r);
    for (let i = 0; i < r; i++) a[i] = i;
    for (let h = 0; h <= r; h++) {
      for (let i = 0; i < r; i++) b[i] = i + h;
      this.pValueByH[h] = ksTwoSample(a, b).pValue;
    }
    this.rng = new PyRandom(p.seed);
    this.reset();
  }

  get driftDetected(): boolean {
    return this.drift;
  }
  get warningDetected(): boolean {
    return false;
  }
  /** p-value of the last test (0 before the window first fills, as River's `p_value`). */
  get pValue(): number {
    return this.lastPValue;
  }
  /** KS statistic of the last test. */
  get statistic(): number {
    return this.lastStatistic;
  }

  /** Back to the constructed state: the initial `window` (if any) and a freshly seeded generator. */
  reset(): void {
    this.restart();
    const w = this.params.window;
    if (w) for (let i = 0; i < w.length; i++) this.push(w[i]);
  }

  /** River's _reset: empty window, generator reseeded. */
  private restart(): void {
    this.start = 0;
    this.length = 0;
    this.t = -1;
    this.sorted = false;
    this.drift = false;
    this.lastPValue = 0;
    this.rng.seed(this.params.seed);
  }

  private push(x: number): void {
    const size = this.params.windowSize;
    this.t++;
    if (this.length < size) {
      this.ring[this.length] = x;
      this.ring[this.length + size] = x;
      this.length++;
    } else {
      // Each value is stored twice, at p and p + size, so the window is always the contiguous
      // ring[start .. start + size) and reading it needs no modulo.
      this.ring[this.start] = x;
      this.ring[this.start + size] = x;
      this.start = this.start + 1 === size ? 0 : this.start + 1;
    }
  }

  update(x: number): void {
    if (this.drift) this.restart();
    const { windowSize, statSize, alpha } = this.params;
    const older = windowSize - statSize;
    const wasFull = this.length === windowSize;
    // Values leaving the window and moving from the recent part to the older part, before the push.
    const leaving = wasFull ? this.ring[this.start] : 0;
    const moving = wasFull ? this.ring[this.start + older] : 0;
    this.push(x);
    if (this.length < windowSize) {
      this.drift = false;
      return;
    }
    const first = this.t - windowSize + 1; // stream position of the window's oldest value
    if (this.sorted && wasFull) this.slide(leaving, first - 1, moving, first + older - 1, x);
    else this.rebuild(first);

    this.rng.sampleRange(older, statSize, this.picks, this.pool);
    for (let i = 0; i < statSize; i++) this.marks[this.picks[i]] = 1;
    const h = this.gap(first);
    for (let i = 0; i < statSize; i++) this.marks[this.picks[i]] = 0;

    const st = h / statSize;
    const p = this.pValueByH[h];
    this.lastStatistic = st;
    this.lastPValue = p;
    this.drift = p <= alpha && st > 0.1;
  }

  /** Sorts the parts of a freshly filled window (once per fill). */
  private rebuild(first: number): void {
    const { windowSize, statSize } = this.params;
    const older = windowSize - statSize;
    for (let i = 0; i < older; i++) {
      this.olderVals[i] = this.ring[this.start + i];
      this.olderPos[i] = first + i;
    }
    for (let i = 0; i < statSize; i++) this.recentVals[i] = this.ring[this.start + older + i];
    insertionSortWith(this.olderVals, this.olderPos);
    insertionSort(this.recentVals);
    this.sorted = true;
  }

  /** One step of the window: `leaving` drops out of the older part, `moving` goes from recent to older, `x` enters. */
  private slide(leaving: number, leavingPos: number, moving: number, movingPos: number, x: number): void {
    const ov = this.olderVals;
    const op = this.olderPos;
    const n = ov.length;
    // Older part: find the leaving value's entry (by value, then by position among ties) and remove it.
    let k = searchSorted(ov, leaving, 'left', n);
    while (op[k] !== leavingPos) k++;
    ov.copyWithin(k, k + 1, n);
    op.copyWithin(k, k + 1, n);
    const at = searchSorted(ov, moving, 'right', n - 1);
    ov.copyWithin(at + 1, at, n - 1);
    op.copyWithin(at + 1, at, n - 1);
    ov[at] = moving;
    op[at] = movingPos;
    // Recent part: any copy of `moving` will do.
    const rv = this.recentVals;
    const m = rv.length;
    const r = searchSorted(rv, moving, 'left', m);
    rv.copyWithin(r, r + 1, m);
    const ins = searchSorted(rv, x, 'right', m - 1);
    rv.copyWithin(ins + 1, ins, m - 1);
    rv[ins] = x;
  }

  /**
   * statSize · sup |F_W − F_R| for the marked older values W and the recent values R, both walked in
   * ascending order; the ECDFs are compared after every distinct pooled value (ties move both at once),
   * as SciPy does. An integer.
   */
  private gap(first: number): number {
    const ov = this.olderVals;
    const op = this.olderPos;
    const rv = this.recentVals;
    const marks = this.marks;
    const no = ov.length;
    const nr = rv.length;
    let i = 0; // older entries passed
    let cw = 0; // of which marked (in W)
    let j = 0; // recent entries passed
    let best = 0;
    // Skip to the next marked older entry.
    while (i < no && marks[op[i] - first] === 0) i++;
    while (i < no && j < nr) {
      const a = ov[i];
      const b = rv[j];
      const v = a <= b ? a : b;
      while (i < no && ov[i] === v) {
        if (marks[op[i] - first] === 1) cw++;
        i++;
      }
      while (i < no && marks[op[i] - first] === 0) i++;
      while (j < nr && rv[j] === v) j++;
      const d = cw > j ? cw - j : j - cw;
      if (d > best) best = d;
    }
    // Past this point one sample is used up and the gap only shrinks to 0.
    return best;
  }
}

/** In-place ascending sort of `a`, carrying `b` along (used once per window fill). */
function insertionSortWith(a: Float64Array, b: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    const w = b[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      b[j + 1] = b[j];
      j--;
    }
    a[j + 1] = v;
    b[j + 1] = w;
  }
}

/** In-place ascending sort; for the few dozen values of a KSWIN sample faster than TypedArray#sort. */
function insertionSort(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
