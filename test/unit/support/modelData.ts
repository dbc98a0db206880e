/**
 * A churn model's data, seeded, for the model-aware tests (unit, CLI and the extension host): two features whose
 * correlation flips between the files while each marginal stays N(0, 1) (multivariate drift no column shows), a
 * region segment, the true label, the model's score and predicted class. In the current file the label's relation
 * to x1 reverses in the "south" region only (concept drift): accuracy falls there, and overall, while neither the
 * label's nor the prediction's distribution moves.
 */
import { seededRandom } from '../../../src/core/io/sample';

export interface ModelRow {
  customer_id: string;
  x1: number;
  x2: number;
  region: 'north' | 'south' | 'east';
  label: 0 | 1;
  score: number;
  y_pred: 0 | 1;
}

export const REGIONS = ['north', 'south', 'east'] as const;

export function modelRows(n: number, current: boolean, seed: number): ModelRow[] {
  const r = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const rho = current ? -0.9 : 0.9;
  return Array.from({ length: n }, (_, i) => {
    const x1 = gauss();
    const x2 = rho * x1 + Math.sqrt(1 - rho * rho) * gauss();
    const region = REGIONS[i % 3];
    const flipped = current && region === 'south';
    const label: 0 | 1 = (flipped ? -x1 : x1) + 0.5 * gauss() > 0 ? 1 : 0;
    const score = 1 / (1 + Math.exp(-2.5 * x1));
    return { customer_id: `c${seed}-${i}`, x1: round(x1), x2: round(x2), region, label, score: round(score), y_pred: score >= 0.5 ? 1 : 0 };
  });
}

/** The rows as CSV text (header first). */
export function modelCsv(rows: ModelRow[]): string {
  const header = ['customer_id', 'x1', 'x2', 'region', 'label', 'score', 'y_pred'] as const;
  return [header.join(','), ...rows.map((row) => header.map((k) => String(row[k])).join(','))].join('\n') + '\n';
}

/** Values written with 6 decimals, so CSV round trips give the same numbers as the in-memory tables. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
