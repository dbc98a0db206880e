// Data files for the panel's end-to-end test, written into its temporary workspace (never into the repository):
//   hostile-reference.csv / hostile-current.csv  a column named like an HTML injection and category values
//                                               holding markup: the panel must show them as text
//   wide-reference.csv / wide-current.csv        WIDE_COLUMNS numeric columns (every 10th shifted): the panel must
//                                               stay responsive and draw charts only as rows come into view
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../support/prng.mjs';

export const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
export const HOSTILE_VALUES = ['<b>bold</b>', '"><script>alert(2)</script>', 'a & b'];
/** Only in the current file: listed as a new category in the column's detail. */
export const HOSTILE_NEW_VALUE = '<i>new</i>';
export const WIDE_COLUMNS = 1000;
const ROWS = 120;

const field = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (header, rows) => [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';

export function writePanelFiles(dir) {
  const rand = mulberry32(7);
  for (const [side, shift, bias] of [['reference', 0, 0.2], ['current', 3, 0.7]]) {
    const rows = Array.from({ length: ROWS }, (_, i) => [
      i,
      (rand() * 10 + shift).toFixed(3),
      side === 'current' && i % 10 === 0 ? HOSTILE_NEW_VALUE : rand() < bias ? HOSTILE_VALUES[0] : HOSTILE_VALUES[1 + (i % 2)],
    ]);
    writeFileSync(join(dir, `hostile-${side}.csv`), csv(['id', HOSTILE_COLUMN, 'label'], rows));
  }
  const names = Array.from({ length: WIDE_COLUMNS }, (_, j) => `f${String(j).padStart(4, '0')}`);
  for (const [side, shift] of [['reference', 0], ['current', 1]]) {
    const rows = Array.from({ length: ROWS }, () => names.map((_, j) => (rand() * 10 + (j % 10 === 0 ? shift * 4 : 0)).toFixed(2)));
    writeFileSync(join(dir, `wide-${side}.csv`), csv(names, rows));
  }
}
