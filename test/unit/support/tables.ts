/** Small in-memory columns and tables for suite tests, built the way the readers build them. */
import { seededRandom } from '../../../src/core/io/sample';
import type { CodedColumn, Column, NumericColumn, Table } from '../../../src/core/io/table';

/** n seeded normal values (Box-Muller) around `mean`, standard deviation 1. */
export function normal(n: number, mean: number, seed: number): Float64Array {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n }, () => mean + Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

/** A numeric column; NaN marks a missing value. */
export function num(name: string, values: ArrayLike<number>): NumericColumn {
  const v = Float64Array.from(values);
  return { name, type: 'numeric', values: v, nullCount: v.filter((x) => Number.isNaN(x)).length };
}

/** A coded column with categories in order of first appearance; null marks a missing value. */
export function cat(name: string, values: (string | null)[], type: CodedColumn['type'] = 'categorical'): CodedColumn {
  const categories: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let i = categories.indexOf(v);
    if (i < 0) i = categories.push(v) - 1;
    return i;
  });
  return { name, type, codes, categories, nullCount: values.filter((v) => v === null).length };
}

/** A CSV table of these columns (rows from the first column). */
export function table(columns: Column[], path = '/data/x.csv'): Table {
  const rows = columns.length ? ('values' in columns[0] ? columns[0].values.length : columns[0].codes.length) : 0;
  return { path, format: 'csv', rows, totalRows: rows, columns, skipped: [] };
}
