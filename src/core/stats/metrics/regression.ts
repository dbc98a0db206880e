/**
 * Regression metrics for performance drift, equal to scikit-learn 1.2's (checked by
 * test/fixtures/sklearn/generate_metrics.py): mean_squared_error(squared=False), mean_absolute_error,
 * mean_absolute_percentage_error and r2_score, all with `sample_weight`.
 *
 * Inputs must be finite: rows with a missing or non-finite truth or prediction are the caller's to drop.
 * Weights must be finite and >= 0; a row of weight w counts as w rows.
 */

export interface RegressionScores {
  /** √(Σ w·(y − ŷ)² / Σ w). */
  rmse: number;
  /** Σ w·|y − ŷ| / Σ w. */
  mae: number;
  /** Σ w·|y − ŷ| / max(|y|, 2^-52) / Σ w: a fraction, not a percentage; huge when some y is 0. */
  mape: number;
  /** 1 − Σ w·(y − ŷ)² / Σ w·(y − ȳ_w)²; constant truth: 1 when every prediction is exact, else 0. */
  r2: number;
}

/** sklearn's MAPE denominator floor: np.finfo(np.float64).eps. */
const EPS = 2.220446049250313e-16;

/**
 * RMSE, MAE, MAPE and R² in two passes (the second for R²'s total sum of squares about the weighted mean).
 *
 * R² follows sklearn's force_finite=True: when the truth is constant (the total sum of squares is 0), R² is
 * 1.0 if the residual sum of squares is 0 too, else 0.0. Constant truth is detected exactly (every row with
 * positive weight has the same value), where sklearn tests a rounded sum: for truths like [0.1, 0.1, 0.1]
 * its mean rounds to 0.10000000000000002, the denominator comes out ~1e-33 instead of 0 and sklearn's R² is
 * a huge negative number; here it is 0 (or 1). R² is NaN below two rows, as sklearn's (it warns and returns
 * nan). Everything is NaN with no rows or zero total weight (np.average raises there).
 */
export function regressionScores(truth: Float64Array, predicted: Float64Array, weights?: Float64Array): RegressionScores {
  const n = truth.length;
  if (predicted.length !== n || (weights && weights.length !== n)) {
    throw new RangeError('regressionScores: truth, predicted and weights must have the same length');
  }
  let total = 0;
  let sse = 0;
  let sae = 0;
  let sape = 0;
  let sy = 0;
  let constant = true;
  let first = NaN;
  if (weights) {
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const y = truth[i];
      const e = y - predicted[i];
      const a = Math.abs(e);
      const ay = Math.abs(y);
      total += w;
      sse += w * e * e;
      sae += w * a;
      sape += (w * a) / (ay > EPS ? ay : EPS);
      sy += w * y;
      if (first !== first) first = y;
      else if (y !== first) constant = false;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const y = truth[i];
      const e = y - predicted[i];
      const a = Math.abs(e);
      const ay = Math.abs(y);
      sse += e * e;
      sae += a;
      sape += a / (ay > EPS ? ay : EPS);
      sy += y;
      if (i === 0) first = y;
      else if (y !== first) constant = false;
    }
    total = n;
  }
  if (!(total > 0)) return { rmse: NaN, mae: NaN, mape: NaN, r2: NaN };
  const mse = sse / total;
  let r2: number;
  if (n < 2) r2 = NaN;
  else if (constant) r2 = sse === 0 ? 1 : 0;
  else {
    const mean = sy / total;
    let sst = 0;
    if (weights) {
      for (let i = 0; i < n; i++) {
        const d = truth[i] - mean;
        sst += weights[i] * d * d;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const d = truth[i] - mean;
        sst += d * d;
      }
    }
    r2 = sse === 0 ? 1 : 1 - sse / sst;
  }
  return { rmse: Math.sqrt(mse), mae: sae / total, mape: sape / total, r2 };
}
