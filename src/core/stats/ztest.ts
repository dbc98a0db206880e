/**
 * Pooled two-proportion z-test, as Evidently's `z_stat_test` computes it for two-valued columns:
 * z = (p1 - p2) / sqrt(P(1-P)(1/n1 + 1/n2)) with the pooled share P, two-sided p = 2·Φ(-|z|).
 * Evidently writes the p-value as 2·(1 - Φ(|z|)), which rounds to 0 once |z| > ~8.3; the normal tail is
 * taken directly here (erfc-based), so large shifts still get a meaningful, ordered p-value.
 */
import { normalSf } from './special';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * `refHits` of `refN` reference rows against `curHits` of `curN` current rows hold the chosen value.
 * When every row on both sides holds the same value (pooled share 0 or 1) the variance is 0 and there is
 * no difference to test: statistic 0, p 1 (Evidently's special case). An empty side gives NaN.
 */
export function twoProportionZ(refHits: number, refN: number, curHits: number, curN: number): ZTestResult {
  if (!(refN > 0 && curN > 0)) return { statistic: NaN, pValue: NaN };
  const hits = refHits + curHits;
  if (hits === 0 || hits === refN + curN) return { statistic: 0, pValue: 1 };
  const p1 = refHits / refN;
  const p2 = curHits / curN;
  const pooled = (p1 * refN + p2 * curN) / (refN + curN);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / refN + 1.0 / curN));
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
