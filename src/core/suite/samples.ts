/**
 * Turns a pair of columns into what the tests consume: finite numeric values, or counts over the union of
 * both sides' categories. Missing values and ±Infinity are left out, as Evidently does before testing.
 */
import type { CodedColumn, Column, NumericColumn } from '../io/table';
import { countCodes, sortedFinite } from '../stats';

/** Finite values of each side, sorted ascending: sorted once here, then shared by every test and chart. */
export interface NumericPair {
  kind: 'numeric';
  reference: Float64Array;
  current: Float64Array;
}

export interface CategoricalPair {
  kind: 'categorical';
  /** Union of both sides' categories; reference categories first, in the reference's dictionary order. */
  categories: string[];
  reference: Float64Array;
  current: Float64Array;
}

/**
 * A column pair ready for any test: numeric samples (with their distinct values when there are few, for
 * tests that treat them as categories) or category counts; plus how many values each side is missing.
 */
export type ColumnSamples =
  | { kind: 'numeric'; pair: NumericPair; values: number[] | null; referenceMissing: number; currentMissing: number }
  | { kind: 'categorical'; pair: CategoricalPair; referenceMissing: number; currentMissing: number };

/**
 * `fewValues`: numeric columns with at most this many distinct values also get their value list. `referenceSorted`:
 * the reference's finite values already sorted (`sortedFinite`), when one reference meets many current samples.
 */
export function numericSamples(reference: NumericColumn, current: NumericColumn, fewValues: number, referenceSorted?: Float64Array): ColumnSamples {
  const pair = referenceSorted ? ({ kind: 'numeric', reference: referenceSorted, current: sortedFinite(current.values) } as const) : numericPair(reference, current);
  return {
    kind: 'numeric',
    pair,
    values: distinctValues(pair, fewValues),
    referenceMissing: reference.values.length - pair.reference.length,
    currentMissing: current.values.length - pair.current.length,
  };
}

export function categoricalSamples(reference: CodedColumn, current: CodedColumn): ColumnSamples {
  return {
    kind: 'categorical',
    pair: categoricalPair(reference, current),
    referenceMissing: reference.nullCount,
    currentMissing: current.nullCount,
  };
}


export function numericPair(reference: NumericColumn, current: NumericColumn): NumericPair {
  // The same rule as Evidently (and the stats fixtures' finiteOnly): missing values and ±Infinity are left out.
  return { kind: 'numeric', reference: sortedFinite(reference.values), current: sortedFinite(current.values) };
}

/** Counts both sides over one shared category list, so category i means the same value on both sides. */
export function categoricalPair(reference: CodedColumn, current: CodedColumn): CategoricalPair {
  const categories = [...reference.categories];
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  const remap = new Int32Array(current.categories.length);
  current.categories.forEach((c, i) => {
    let k = index.get(c);
    if (k === undefined) {
      k = categories.length;
      categories.push(c);
      index.set(c, k);
    }
    remap[i] = k;
  });
  const refCounts = new Float64Array(categories.length);
  refCounts.set(countCodes(reference.codes, reference.categories.length));
  const curByOwnCode = countCodes(current.codes, current.categories.length);
  const curCounts = new Float64Array(categories.length);
  for (let i = 0; i < curByOwnCode.length; i++) curCounts[remap[i]] += curByOwnCode[i];
  return dropEmptyCategories({ kind: 'categorical', categories, reference: refCounts, current: curCounts });
}

/**
 * A numeric column with few distinct values is tested as categories (Evidently's rule). Values become
 * categories keyed by their number; `limit` stops counting early so wide columns cost one pass at most.
 */
export function distinctValues(pair: NumericPair, limit: number): number[] | null {
  const seen = new Set<number>();
  for (const side of [pair.reference, pair.current]) {
    for (let i = 0; i < side.length; i++) {
      seen.add(side[i]);
      if (seen.size > limit) return null;
    }
  }
  return [...seen].sort((a, b) => a - b);
}

export function numericAsCategories(pair: NumericPair, values: number[]): CategoricalPair {
  const index = new Map<number, number>();
  values.forEach((v, i) => index.set(v, i));
  const count = (side: Float64Array) => {
    const counts = new Float64Array(values.length);
    for (let i = 0; i < side.length; i++) counts[index.get(side[i])!]++;
    return counts;
  };
  return {
    kind: 'categorical',
    categories: values.map((v) => String(v)),
    reference: count(pair.reference),
    current: count(pair.current),
  };
}

/** Categories seen in neither sample (only in a dictionary) carry no information and would break chi-squared. */
function dropEmptyCategories(pair: CategoricalPair): CategoricalPair {
  const keep: number[] = [];
  for (let i = 0; i < pair.categories.length; i++) if (pair.reference[i] + pair.current[i] > 0) keep.push(i);
  if (keep.length === pair.categories.length) return pair;
  return {
    kind: 'categorical',
    categories: keep.map((i) => pair.categories[i]),
    reference: Float64Array.from(keep, (i) => pair.reference[i]),
    current: Float64Array.from(keep, (i) => pair.current[i]),
  };
}

export function total(counts: Float64Array): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) s += counts[i];
  return s;
}

export function isCoded(c: Column): c is CodedColumn {
  return c.type === 'categorical' || c.type === 'boolean' || c.type === 'text';
}
