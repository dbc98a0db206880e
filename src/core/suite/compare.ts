/**
 * Compares two tables column by column and decides dataset drift from the share of drifted columns.
 * One column's failure becomes that column's `error` status; it never discards the others' results.
 */
import type { Column, Table } from '../io/table';
import { categoryShares, numericHistogram } from './charts';
import { defaultTest, FEW_VALUES_MAX } from './choice';
import type { ColumnResult, DatasetSummary, DriftReport, SuiteOptions } from './report';
import {
  categoricalPair,
  distinctValues,
  isCoded,
  numericAsCategories,
  numericPair,
  total,
  type CategoricalPair,
} from './samples';
import { isDrift, runCategoricalTest, runNumericTest, TEST_KIND } from './tests';

export const DEFAULTS: Required<SuiteOptions> = {
  pValueThreshold: 0.05,
  distanceThreshold: 0.1,
  datasetDriftShare: 0.5,
};

export function compareTables(reference: Table, current: Table, options: SuiteOptions = {}): DriftReport {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const currentIndex = new Map(current.columns.map((c, i) => [c.name, i]));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const columns: ColumnResult[] = [
    ...reference.columns.map((ref) => compareColumn(ref, currentByName.get(ref.name), settings)),
    ...current.columns.filter((c) => !referenceNames.has(c.name)).map((cur) => compareColumn(undefined, cur, settings)),
  ].map((c) => (currentIndex.has(c.name) ? { ...c, currentIndex: currentIndex.get(c.name) } : c));
  const judged = columns.filter((c) => c.drifted !== null);
  const drifted = judged.filter((c) => c.drifted).length;
  const driftShare = judged.length > 0 ? drifted / judged.length : 0;
  return {
    reference: summarize(reference),
    current: summarize(current),
    datasetDrift: judged.length > 0 && driftShare >= settings.datasetDriftShare,
    driftShare,
    driftedColumns: drifted,
    judgedColumns: judged.length,
    datasetDriftShare: settings.datasetDriftShare,
    columns,
    createdAt: new Date().toISOString(),
  };
}

function compareColumn(ref: Column | undefined, cur: Column | undefined, settings: Required<SuiteOptions>): ColumnResult {
  const base: ColumnResult = {
    name: (ref ?? cur)!.name,
    type: (ref ?? cur)!.type,
    status: 'ok',
    test: null,
    testKind: null,
    statistic: null,
    pValue: null,
    threshold: null,
    drifted: null,
    referenceNonNull: ref ? nonNull(ref) : 0,
    currentNonNull: cur ? nonNull(cur) : 0,
  };
  if (!ref) return { ...base, status: 'only_in_current', message: 'Column is only in the current file.' };
  if (!cur) return { ...base, status: 'only_in_reference', message: 'Column is only in the reference file.' };
  try {
    return judge(base, ref, cur, settings);
  } catch (err) {
    return { ...base, status: 'error', message: `Test failed: ${(err as Error).message}` };
  }
}

function judge(base: ColumnResult, ref: Column, cur: Column, settings: Required<SuiteOptions>): ColumnResult {
  if (isCoded(ref) !== isCoded(cur) || (ref.type === 'datetime') !== (cur.type === 'datetime')) {
    return {
      ...base,
      currentType: cur.type,
      status: 'type_mismatch',
      message: `Column is ${ref.type} in the reference but ${cur.type} in the current file.`,
    };
  }
  const withType = cur.type !== ref.type ? { ...base, currentType: cur.type } : base;

  if (!isCoded(ref) && !isCoded(cur)) {
    const pair = numericPair(ref, cur);
    const counts = { ...withType, referenceNonNull: pair.reference.length, currentNonNull: pair.current.length };
    if (pair.reference.length === 0 || pair.current.length === 0) return notEnoughData(counts);
    if (ref.type === 'datetime') {
      return {
        ...counts,
        status: 'unsupported',
        message: 'Datetime columns are not tested for drift: they mark when rows were recorded, which always moves.',
        chart: numericHistogram(pair),
      };
    }
    const few = distinctValues(pair, FEW_VALUES_MAX);
    if (few === null) {
      const test = defaultTest(pair.reference.length, true, FEW_VALUES_MAX + 1);
      return decide(counts, test, runNumericTest(test, pair), settings, numericHistogram(pair));
    }
    return judgeCategories(counts, numericAsCategories(pair, few), true, settings);
  }

  if (isCoded(ref) && isCoded(cur)) {
    const pair = categoricalPair(ref, cur);
    const counts = { ...withType, referenceNonNull: total(pair.reference), currentNonNull: total(pair.current) };
    if (counts.referenceNonNull === 0 || counts.currentNonNull === 0) return notEnoughData(counts);
    if (ref.type === 'text') {
      return {
        ...counts,
        status: 'unsupported',
        message: 'Free-text columns (mostly distinct values) are not tested for drift yet.',
      };
    }
    return judgeCategories(counts, pair, false, settings);
  }
  throw new Error(`unexpected column types ${ref.type} / ${cur.type}`);
}

function judgeCategories(
  base: ColumnResult,
  pair: CategoricalPair,
  isNumeric: boolean,
  settings: Required<SuiteOptions>,
): ColumnResult {
  const test = defaultTest(base.referenceNonNull, isNumeric, pair.categories.length);
  return decide(base, test, runCategoricalTest(test, pair), settings, categoryShares(pair));
}

function decide(
  base: ColumnResult,
  test: ColumnResult['test'] & {},
  outcome: { statistic: number; pValue: number | null },
  settings: Required<SuiteOptions>,
  chart: ColumnResult['chart'],
): ColumnResult {
  const testKind = TEST_KIND[test];
  const threshold = testKind === 'p_value' ? settings.pValueThreshold : settings.distanceThreshold;
  return {
    ...base,
    test,
    testKind,
    statistic: outcome.statistic,
    pValue: outcome.pValue,
    threshold,
    drifted: isDrift(testKind, outcome, threshold),
    chart,
  };
}

function nonNull(column: Column): number {
  return (isCoded(column) ? column.codes.length : column.values.length) - column.nullCount;
}

function notEnoughData(base: ColumnResult): ColumnResult {
  return { ...base, status: 'not_enough_data', message: 'A side has no usable (non-missing, finite) values.' };
}

function summarize(table: Table): DatasetSummary {
  return {
    path: table.path,
    format: table.format,
    rows: table.rows,
    totalRows: table.totalRows,
    columns: table.columns.length,
    sampled: table.sample !== undefined,
    skipped: table.skipped.map((s) => ({ ...s })),
  };
}

/** Undefined settings must not override defaults when spread. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
