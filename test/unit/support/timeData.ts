/**
 * A model's current data over 26 weeks, seeded, for the drift-over-time tests: `date` (daily from Monday
 * 2015-01-05, 20 rows a day, rows shuffled so file order is not time order), `x` N(0, 1) that shifts to N(1, 1) from
 * week 14 (2015-04-06) on, `stable` N(0, 1) throughout, and a classifier's `label` / `y_pred` whose error rate goes
 * from 10% to 40% at the same date. The reference is the same process before any change.
 */
import { seededRandom } from '../../../src/core/io/sample';

export const START = Date.UTC(2015, 0, 5);
export const CHANGE = Date.UTC(2015, 3, 6);
export const DAYS = 182;
export const PER_DAY = 20;

export interface TimeRow {
  date: number;
  x: number;
  stable: number;
  label: 0 | 1;
  y_pred: 0 | 1;
}

export function timeRows(seed: number, drifting: boolean): TimeRow[] {
  const r = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const rows: TimeRow[] = [];
  for (let day = 0; day < DAYS; day++) {
    const date = START + day * 86_400_000;
    const changed = drifting && date >= CHANGE;
    for (let k = 0; k < PER_DAY; k++) {
      const label: 0 | 1 = r() < 0.5 ? 1 : 0;
      const wrong = r() < (changed ? 0.4 : 0.1);
      rows.push({ date, x: gauss() + (changed ? 1 : 0), stable: gauss(), label, y_pred: (wrong ? 1 - label : label) as 0 | 1 });
    }
  }
  // File order is not time order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

export function timeCsv(rows: TimeRow[]): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return ['date,x,stable,label,y_pred', ...rows.map((t) => `${day(t.date)},${t.x.toFixed(6)},${t.stable.toFixed(6)},${t.label},${t.y_pred}`)].join('\n') + '\n';
}
