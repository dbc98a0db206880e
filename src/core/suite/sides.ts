/** Each side's missing values and quantiles, for the panel's detail view (cheap: the numbers are sorted already). */
import type { Column } from '../io/table';
import { countCodes, describeSorted, sortedFinite } from '../stats';
import type { Describe, SideSummary } from './report';
import { isCoded } from './samples';

/** `sorted`: the column's finite values, ascending, when the caller has them (numeric and datetime columns). */
export function sideSummary(column: Column, sorted?: Float64Array): SideSummary {
  if (isCoded(column)) {
    const rows = column.codes.length;
    let distinct = 0;
    for (const c of countCodes(column.codes, column.categories.length)) if (c > 0) distinct++;
    return { rows, missing: column.nullCount, missingShare: share(column.nullCount, rows), distinct };
  }
  const rows = column.values.length;
  const finite = sorted ?? sortedFinite(column.values);
  const missing = rows - finite.length;
  return { rows, missing, missingShare: share(missing, rows), describe: jsonSafe(finite) };
}

function jsonSafe(sorted: Float64Array): Describe {
  const d = describeSorted(sorted);
  const n = (x: number) => (Number.isFinite(x) ? x : null);
  return { min: n(d.min), p5: n(d.p5), p25: n(d.p25), median: n(d.median), p75: n(d.p75), p95: n(d.p95), max: n(d.max), mean: n(d.mean), std: n(d.std) };
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
