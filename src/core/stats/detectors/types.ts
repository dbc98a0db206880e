/**
 * Streaming change detectors ("when did it change"), each a TypeScript port of River's detector of the same
 * name (river.drift / river.drift.binary, River 0.2x) with River's default parameters and River's `update(x)`
 * protocol: feed one value, then read `driftDetected` / `warningDetected`. Like River, a detector that has just
 * signalled a drift starts afresh on its next `update` (its statistics, window and, for KSWIN, its seeded RNG
 * are reset), so every `true` of `driftDetected` is a new change point.
 *
 * Inputs: plain finite numbers. Non-finite values (NaN, ±Infinity) are the caller's job: drop them before
 * streaming (a NaN would poison running means and windows silently; nothing here checks, for speed).
 * The binary detectors (DDM, EDDM, HDDM_A) take 0/1 error indicators (1 = error) and throw a RangeError on
 * anything else.
 */

/** Streaming change detectors, each with River's default parameters. */
export type DetectorId = 'adwin' | 'ddm' | 'eddm' | 'hddm_a' | 'kswin' | 'page_hinkley';
export const DETECTOR_IDS: readonly DetectorId[] = ['adwin', 'ddm', 'eddm', 'hddm_a', 'kswin', 'page_hinkley'];

/** One streaming change detector (River's `DriftDetector` / `DriftAndWarningDetector` protocol). */
export interface DriftDetector {
  /** Feed the next value of the stream. */
  update(x: number): void;
  /** True right after the update at which a change was detected (until the next update). */
  readonly driftDetected: boolean;
  /** True while in the warning zone; always false for detectors without one (ADWIN, KSWIN, Page-Hinkley). */
  readonly warningDetected: boolean;
  /** Back to the state it had when constructed. */
  reset(): void;
}

/** river.drift.ADWIN parameters. */
export interface AdwinParams {
  /** Significance value δ of the cut test. */
  delta: number;
  /** Check for changes every `clock` updates (1: at every update). */
  clock: number;
  /** Buckets of each size kept before two are merged (ADWIN2's exponential histogram). */
  maxBuckets: number;
  /** Sub-windows shorter than this are not tested. */
  minWindowLength: number;
  /** No change detection until the window holds more than this many values. */
  gracePeriod: number;
}
export const ADWIN_DEFAULTS: Readonly<AdwinParams> = Object.freeze({
  delta: 0.002,
  clock: 32,
  maxBuckets: 5,
  minWindowLength: 5,
  gracePeriod: 10,
});

/** river.drift.binary.DDM parameters. */
export interface DdmParams {
  /** No warning or drift until more than this many values have been seen. */
  warmStart: number;
  /** Warning when p + s > p_min + warningThreshold · s_min. */
  warningThreshold: number;
  /** Drift when p + s > p_min + driftThreshold · s_min. */
  driftThreshold: number;
}
export const DDM_DEFAULTS: Readonly<DdmParams> = Object.freeze({ warmStart: 30, warningThreshold: 2.0, driftThreshold: 3.0 });

/** river.drift.binary.EDDM parameters. */
export interface EddmParams {
  /** No warning or drift until more than this many values and more than this many errors have been seen. */
  warmStart: number;
  /** Warning when (p' + 2s') / (p'max + 2s'max) < alpha. */
  alpha: number;
  /** Drift when (p' + 2s') / (p'max + 2s'max) < beta (beta <= alpha). */
  beta: number;
}
export const EDDM_DEFAULTS: Readonly<EddmParams> = Object.freeze({ warmStart: 30, alpha: 0.95, beta: 0.9 });

/** river.drift.binary.HDDM_A parameters. */
export interface HddmAParams {
  /** Confidence of the drift test (and of the Hoeffding bounds that place the cut point). */
  driftConfidence: number;
  /** Confidence of the warning test. */
  warningConfidence: number;
  /** Also signal decreases of the error rate. */
  twoSidedTest: boolean;
}
export const HDDM_A_DEFAULTS: Readonly<HddmAParams> = Object.freeze({
  driftConfidence: 0.001,
  warningConfidence: 0.005,
  twoSidedTest: false,
});

/** river.drift.KSWIN parameters. */
export interface KswinParams {
  /** Drift when the KS p-value <= alpha (and the KS statistic > 0.1). */
  alpha: number;
  /** Size of the sliding window. */
  windowSize: number;
  /** Size of the most recent part of the window, and of the random sample drawn from the older part. */
  statSize: number;
  /**
   * Seed of the Python-compatible Mersenne Twister that draws the sample (same draws as River's
   * `random.Random(seed)`). River's default is None (OS entropy, not reproducible); here the default is 42
   * so a report can be rerun. The generator is reseeded on reset and after every drift, as in River.
   */
  seed: number;
  /** Values already collected, to avoid a cold start (River's `window`); kept by reset(), not after a drift. */
  window: ArrayLike<number> | null;
}
export const KSWIN_DEFAULTS: Readonly<KswinParams> = Object.freeze({
  alpha: 0.005,
  windowSize: 100,
  statSize: 30,
  seed: 42,
  window: null,
});

/** river.drift.PageHinkley parameters. */
export type PageHinkleyMode = 'up' | 'down' | 'both';
export interface PageHinkleyParams {
  /** No drift until this many values have been seen. */
  minInstances: number;
  /** Magnitude of change tolerated (δ of the test). */
  delta: number;
  /** Detection threshold λ. */
  threshold: number;
  /** Forgetting factor of the cumulative sums. */
  alpha: number;
  /** Watch increases of the mean ("up"), decreases ("down") or both. */
  mode: PageHinkleyMode;
}
export const PAGE_HINKLEY_DEFAULTS: Readonly<PageHinkleyParams> = Object.freeze({
  minInstances: 30,
  delta: 0.005,
  threshold: 50.0,
  alpha: 1 - 0.0001,
  mode: 'both' as PageHinkleyMode,
});

/** Parameters of each detector, by id. */
export interface DetectorParamsById {
  adwin: AdwinParams;
  ddm: DdmParams;
  eddm: EddmParams;
  hddm_a: HddmAParams;
  kswin: KswinParams;
  page_hinkley: PageHinkleyParams;
}

/** Throws the binary detectors' RangeError unless x is 0 or 1. */
export function checkBinary(name: string, x: number): void {
  if (x !== 0 && x !== 1) {
    throw new RangeError(`${name} expects a 0/1 error stream (1 = error, 0 = correct), got ${x}`);
  }
}

/** Shared parameter checks. */
export function checkPositiveInteger(name: string, param: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name}: ${param} must be a positive integer, got ${v}`);
}
export function checkProbability(name: string, param: string, v: number, open = true): void {
  const ok = open ? v > 0 && v < 1 : v >= 0 && v <= 1;
  if (!(ok && Number.isFinite(v))) throw new RangeError(`${name}: ${param} must be in ${open ? '(0, 1)' : '[0, 1]'}, got ${v}`);
}
