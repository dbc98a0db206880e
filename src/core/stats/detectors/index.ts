/**
 * Streaming change detectors, River's six (see ./types for the protocol and input rules):
 * ADWIN, DDM, EDDM, HDDM_A, KSWIN and Page-Hinkley, with River's default parameters.
 */
import { Adwin } from './adwin';
import { Ddm } from './ddm';
import { Eddm } from './eddm';
import { HddmA } from './hddmA';
import { Kswin } from './kswin';
import { PageHinkley } from './pageHinkley';
import type { DetectorId, DetectorParamsById, DriftDetector } from './types';

export * from './types';
export { Adwin } from './adwin';
export { Ddm } from './ddm';
export { Eddm } from './eddm';
export { HddmA } from './hddmA';
export { Kswin } from './kswin';
export { PageHinkley } from './pageHinkley';
export { PyRandom } from './pyRandom';

/**
 * The detectors that, in River, live in `river.drift.binary` and take a 0/1 error stream (1 = error,
 * 0 = correct): DDM, EDDM and HDDM_A. Here they throw a RangeError on any other value. ADWIN, KSWIN and
 * Page-Hinkley take any real values (ADWIN's bound assumes values in a bounded range, e.g. 0/1 errors).
 */
export const BINARY_DETECTORS: readonly DetectorId[] = Object.freeze(['ddm', 'eddm', 'hddm_a'] as DetectorId[]);

/** Whether the detector expects a 0/1 stream. */
export function isBinaryDetector(id: DetectorId): boolean {
  return BINARY_DETECTORS.includes(id);
}

/** A detector by id; omitted parameters take River's defaults (KSWIN: seed 42, see KSWIN_DEFAULTS). */
export function createDetector<K extends DetectorId>(id: K, params?: Partial<DetectorParamsById[K]>): DriftDetector {
  switch (id) {
    case 'adwin':
      return new Adwin(params as Partial<DetectorParamsById['adwin']>);
    case 'ddm':
      return new Ddm(params as Partial<DetectorParamsById['ddm']>);
    case 'eddm':
      return new Eddm(params as Partial<DetectorParamsById['eddm']>);
    case 'hddm_a':
      return new HddmA(params as Partial<DetectorParamsById['hddm_a']>);
    case 'kswin':
      return new Kswin(params as Partial<DetectorParamsById['kswin']>);
    case 'page_hinkley':
      return new PageHinkley(params as Partial<DetectorParamsById['page_hinkley']>);
    default:
      throw new RangeError(`unknown detector: ${String(id)}`);
  }
}

/**
 * Runs a fresh detector over the stream and returns the 0-based indices of the updates after which
 * `driftDetected` was true: River's loop `for i, x in enumerate(stream): d.update(x); if d.drift_detected: ...`.
 * Every detector starts afresh on the update after a drift (as River's do), so each index is a new change.
 * The stream must hold finite values (drop NaN/±Infinity first); binary detectors throw a RangeError at the
 * first value outside {0, 1}.
 */
export function detectChanges<K extends DetectorId>(
  id: K,
  stream: ArrayLike<number>,
  params?: Partial<DetectorParamsById[K]>,
): number[] {
  const detector = createDetector(id, params);
  const out: number[] = [];
  for (let i = 0; i < stream.length; i++) {
    detector.update(stream[i]);
    if (detector.driftDetected) out.push(i);
  }
  return out;
}
