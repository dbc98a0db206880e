/**
 * Compares two tables column by column and decides dataset drift from the share of drifted columns.
 * One column's failure becomes that column's `error` status; it never discards the others' results.
 */
import type { CodedColumn, Column, NumericColumn, Table } from '../io/table';
import { jensenShannonDistance, normalizedWassersteinSorted, recycleSorted, releaseSortScratch } from '../stats';
import { binnedCounts } from './binned';
import { categoryShares, numericHistogram } from './charts';
import { defaultTest, FEW_VALUES_MAX, resolveChoice } from './choice';
import { findingsOf } from './findings';
import { sideSummary } from './sides';
import { adjustPValues } from './corrections';
import { definedOnly } from './definedOnly';
import { modelAnalysis, modelColumns, modelSettingsOf } from './model';
import type { ResolvedRoles } from './modelTypes';
import { overTimeAnalysis } from './overTime';
import type { OverTimeReport } from './overTimeTypes';
import { TESTS, type TestOutcome, type TestSpec } from './registry';
import { resolveRoles, roleOf } from './roles';
import { segmentOptions } from './segments';
import type { ColumnResult, DatasetSummary, DriftReport, SuiteOptions, TestId } from './report';
import { categoricalSamples, isCoded, numericAsCategories, numericSamples, total, type ColumnSamples } from './samples';

export const DEFAULTS = {
  pValueThreshold: 0.05,
  distanceThreshold: 0.1,
  datasetDriftShare: 0.5,
  correction: 'none',
  psiMajorThreshold: 0.25,
  nullShareChange: 0.05,
} as const satisfies SuiteOptions;

/**
 * `precomputed`: results of `columnResultsFor` (e.g. from another thread, threads.ts) for some columns, used as
 * they are instead of testing those columns again.
 */
export function compareTables(reference: Table, current: Table, options: SuiteOptions = {}, precomputed?: ReadonlyMap<string, ColumnResult>): DriftReport {
  try {
    return compareAll(reference, current, options, precomputed);
  } finally {
    releaseSortScratch(); // the sorts' pooled scratch space: not kept by an idle worker
  }
}

function compareAll(reference: Table, current: Table, options: SuiteOptions, precomputed?: ReadonlyMap<string, ColumnResult>): DriftReport {
  const settings = settingsOf(options);
  // Header positions are those of the file, whatever columns are left out below.
  const file = current;
  const keep = columnFilter(settings.include, settings.exclude);
  if (keep) {
    reference = { ...reference, columns: reference.columns.filter((c) => keep(c.name)) };
    current = { ...current, columns: current.columns.filter((c) => keep(c.name)) };
  }
  const model = modelSettingsOf(settings.model);
  const { roles, notes } = resolveRoles(reference, current, model.roles, model.inferRoles, model.unassigned);
  // Ids are never tested.
  if (roles.id.length) {
    const untested = (c: Column) => !roles.id.includes(c.name);
    reference = { ...reference, columns: reference.columns.filter(untested) };
    current = { ...current, columns: current.columns.filter(untested) };
  }
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const compared: ColumnResult[] = [
    ...reference.columns.map((ref) => precomputed?.get(ref.name) ?? compareColumn(ref, currentByName.get(ref.name), settings)),
    ...current.columns.filter((c) => !referenceNames.has(c.name)).map((cur) => compareColumn(undefined, cur, settings)),
  ].map((c) => {
    const role = roleOf(c.name, roles);
    return role ? { ...c, role } : c;
  });
  const report = assemble(summarize(reference), summarize(current), withPositions(compared, file), settings);
  const segmentSettings = segmentOptions(options, roles);
  const compareSegment = (r: Table, c: Table) => compareTables(r, c, segmentSettings);
  return {
    ...report,
    model: modelAnalysis(reference, current, roles, notes, report.columns, model, settings.pValueThreshold, compareSegment),
    ...overTimeOf(reference, current, report.columns, roles, settings),
  };
}

/**
 * The results of the columns `names` (each in both tables) as `compareTables` computes them before roles, corrections
 * and positions are applied: what a thread testing some of the columns returns.
 */
export function columnResultsFor(reference: Table, current: Table, names: readonly string[], options: SuiteOptions = {}): ColumnResult[] {
  const settings = settingsOf(options);
  const find = (table: Table, name: string) => table.columns.find((c) => c.name === name);
  try {
    return names.map((name) => compareColumn(find(reference, name), find(current, name), settings));
  } finally {
    releaseSortScratch();
  }
}

/** Drift over time (when asked for), or why it could not be computed: its failure never takes the comparison down. */
function overTimeOf(reference: Table, current: Table, columns: ColumnResult[], roles: ResolvedRoles, settings: Settings): { overTime?: OverTimeReport } {
  if (!settings.overTime) return {};
  try {
    const overTime = overTimeAnalysis(reference, current, columns, roles, settings.overTime, settings);
    return overTime ? { overTime } : {};
  } catch (err) {
    const notes = [`Drift over time could not be computed: ${(err as Error).message}`];
    return { overTime: { timestamp: null, window: { kind: 'rows', size: 0 }, windows: [], columns: [], detectors: [], notes } };
  }
}

/**
 * The report with one column compared again (after its test or threshold changed, e.g. from the panel), on the
 * same tables. Corrections across columns and the dataset verdict are redone; every other column keeps its result.
 */
export function recompareColumn(report: DriftReport, reference: Table, current: Table, name: string, options: SuiteOptions = {}): DriftReport {
  const settings = settingsOf(options);
  const at = report.columns.findIndex((c) => c.name === name);
  if (at < 0) throw new Error(`The report has no column "${name}".`);
  const ref = reference.columns.find((c) => c.name === name);
  const cur = current.columns.find((c) => c.name === name);
  const [again] = withPositions([compareColumn(ref, cur, settings)], current);
  const role = report.columns[at].role;
  const columns = report.columns.map((c, i) => (i === at ? (role ? { ...again, role } : again) : c));
  const assembled = assemble(report.reference, report.current, columns, settings);
  const model = report.model && { ...report.model, ...modelColumns(report.model.roles, assembled.columns) };
  return { ...assembled, durationMs: report.durationMs, ...(model ? { model } : {}) };
}

export type Settings = SuiteOptions & { -readonly [K in keyof typeof DEFAULTS]: NonNullable<SuiteOptions[K]> };

export function settingsOf(options: SuiteOptions): Settings {
  return { ...DEFAULTS, ...definedOnly(options) };
}

function withPositions(columns: ColumnResult[], current: Table): ColumnResult[] {
  const currentIndex = new Map(current.columns.map((c, i) => [c.name, i]));
  return columns.map((c) => (currentIndex.has(c.name) ? { ...c, currentIndex: currentIndex.get(c.name) } : c));
}

function assemble(reference: DatasetSummary, current: DatasetSummary, compared: ColumnResult[], settings: Settings): DriftReport {
  const columns = correct(compared, settings.correction);
  const judged = columns.filter((c) => c.drifted !== null);
  const drifted = judged.filter((c) => c.drifted).length;
  const driftShare = judged.length > 0 ? drifted / judged.length : 0;
  return {
    reference,
    current,
    datasetDrift: judged.length > 0 && driftShare >= settings.datasetDriftShare,
    driftShare,
    driftedColumns: drifted,
    judgedColumns: judged.length,
    datasetDriftShare: settings.datasetDriftShare,
    correction: settings.correction,
    columns,
    createdAt: new Date().toISOString(),
  };
}

function compareColumn(ref: Column | undefined, cur: Column | undefined, settings: Settings): ColumnResult {
  const some = (ref ?? cur)!;
  const base: ColumnResult = {
    name: some.name,
    type: some.type,
    status: 'ok',
    test: null,
    testKind: null,
    statistic: null,
    pValue: null,
    adjustedPValue: null,
    threshold: null,
    drifted: null,
    effectSize: null,
    effectSizeMeasure: null,
    referenceNonNull: ref ? nonNull(ref) : 0,
    currentNonNull: cur ? nonNull(cur) : 0,
    findings: !ref || !cur ? findingsOf(ref, cur, undefined, settings.nullShareChange) : [],
  };
  if (!ref) return { ...base, sides: { current: sideSummary(cur!) }, status: 'only_in_current', message: 'Column is only in the current file.' };
  if (!cur) return { ...base, sides: { reference: sideSummary(ref) }, status: 'only_in_reference', message: 'Column is only in the reference file.' };
  try {
    return judge(base, ref, cur, settings);
  } catch (err) {
    return { ...base, status: 'error', message: `Test failed: ${(err as Error).message}` };
  }
}

function judge(base: ColumnResult, ref: Column, cur: Column, settings: Settings): ColumnResult {
  if (isCoded(ref) !== isCoded(cur) || (ref.type === 'datetime') !== (cur.type === 'datetime')) {
    return {
      ...base,
      findings: findingsOf(ref, cur, undefined, settings.nullShareChange),
      sides: { reference: sideSummary(ref), current: sideSummary(cur) },
      currentType: cur.type,
      status: 'type_mismatch',
      message: `Column is ${ref.type} in the reference but ${cur.type} in the current file.`,
    };
  }
  const samples = samplesOf(ref, cur);
  try {
    return judgeSamples(base, ref, cur, samples, settings);
  } finally {
    // The result holds numbers only: the sorted sides' memory can serve the next column's sorts.
    if (samples.kind === 'numeric') recycleSorted(samples.pair.reference, samples.pair.current);
  }
}

/** A column pair's result from its samples: counts, summaries, the test chosen for it and its verdict. */
function judgeSamples(base: ColumnResult, ref: Column, cur: Column, samples: ColumnSamples, settings: Settings): ColumnResult {
  const usable = usableCounts(samples);
  const counted: ColumnResult = {
    ...(cur.type !== ref.type ? { ...base, currentType: cur.type } : base),
    referenceNonNull: usable.reference,
    currentNonNull: usable.current,
    findings: findingsOf(ref, cur, samples, settings.nullShareChange),
    sides:
      samples.kind === 'numeric'
        ? { reference: sideSummary(ref, samples.pair.reference), current: sideSummary(cur, samples.pair.current) }
        : { reference: sideSummary(ref), current: sideSummary(cur) },
  };
  if (usable.reference === 0 || usable.current === 0) {
    return { ...counted, status: 'not_enough_data', message: 'A side has no usable (non-missing, finite) values.' };
  }
  const chart = chartOf(samples);
  if (ref.type === 'datetime') {
    const message = 'Datetime columns are not tested for drift: they mark when rows were recorded, which always moves.';
    return { ...counted, status: 'unsupported', message, chart };
  }
  if (ref.type === 'text') {
    return { ...counted, status: 'unsupported', message: 'Free-text columns (mostly distinct values) are not tested for drift yet.' };
  }

  const distinct = samples.kind === 'categorical' ? samples.pair.categories.length : samples.values?.length ?? FEW_VALUES_MAX + 1;
  const fallback = defaultTest(usable.reference, samples.kind === 'numeric', distinct);
  const choice = resolveChoice(ref.name, ref.type, fallback, settings);
  const spec = TESTS[choice.test];
  const unfit = (why: string) => ({
    ...counted,
    status: 'error' as const,
    test: spec.id,
    testKind: spec.kind,
    message: `${spec.label} (set by the ${choice.source} setting) does not fit this column: ${why}.`,
    chart,
  });

  const ran = runTest(spec, samples, settings, ref);
  if ('unfit' in ran) return unfit(ran.unfit);
  const outcome = ran.outcome;
  if (Number.isNaN(outcome.statistic) || (outcome.pValue !== null && Number.isNaN(outcome.pValue))) {
    return { ...counted, status: 'error', test: spec.id, testKind: spec.kind, message: `${spec.label} gave no value for these samples.`, chart };
  }

  const effect: { value: number; measure: TestId } =
    spec.kind === 'distance' ? { value: outcome.statistic, measure: spec.id } : effectSize(samples);
  return {
    ...counted,
    test: spec.id,
    testKind: spec.kind,
    // ±Infinity (e.g. Fisher's odds ratio with an empty cell) has no JSON form; the p-value still decides.
    statistic: Number.isFinite(outcome.statistic) ? outcome.statistic : null,
    pValue: outcome.pValue,
    adjustedPValue: outcome.pValue,
    threshold: choice.threshold,
    choiceSource: choice.source,
    drifted: spec.kind === 'p_value' ? outcome.pValue! < choice.threshold : outcome.statistic >= choice.threshold,
    ...(spec.id === 'psi' ? { major: outcome.statistic >= settings.psiMajorThreshold } : {}),
    effectSize: Number.isFinite(effect.value) ? effect.value : null,
    effectSizeMeasure: effect.measure,
    chart,
  };
}

/** Which columns a suite compares, from its include / exclude lists; undefined when it compares all. */
export function columnFilter(include?: string[], exclude?: string[]): ((name: string) => boolean) | undefined {
  if (!include?.length && !exclude?.length) return undefined;
  const inc = include?.length ? include.map(nameGlob) : undefined;
  const exc = (exclude ?? []).map(nameGlob);
  return (name) => (!inc || inc.some((re) => re.test(name))) && !exc.some((re) => re.test(name));
}

/** A column-name glob: `*` any run of characters, `?` one; everything else literal. */
function nameGlob(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'su');
}

/** Both sides as the tests take them: sorted finite numbers, or counts over shared categories. */
export function samplesOf(ref: Column, cur: Column): ColumnSamples {
  return isCoded(ref)
    ? categoricalSamples(ref, cur as CodedColumn)
    : numericSamples(ref as NumericColumn, cur as NumericColumn, FEW_VALUES_MAX);
}

/** Runs one test on a column pair, or says why the test does not fit it. */
export function runTest(spec: TestSpec, samples: ColumnSamples, settings: Settings, ref: Column): { outcome: TestOutcome } | { unfit: string } {
  if (spec.input === 'samples') {
    if (samples.kind !== 'numeric') return { unfit: `it needs numeric values and "${ref.name}" is ${ref.type}` };
    return { outcome: spec.run(samples.pair.reference, samples.pair.current) };
  }
  const counts = binnedCounts(samples, spec, settings);
  if (spec.twoValued && counts.categories.length > 2) return { unfit: `it needs two values and there are ${counts.categories.length}` };
  return { outcome: spec.run(counts.reference, counts.current) };
}

/** A distance beside every p-value: the normalised Wasserstein distance for numbers, Jensen-Shannon for categories. */
export function effectSize(samples: ColumnSamples): { value: number; measure: TestId } {
  if (samples.kind === 'numeric' && samples.values === null) {
    return { value: normalizedWassersteinSorted(samples.pair.reference, samples.pair.current), measure: 'wasserstein' };
  }
  const counts = samples.kind === 'numeric' ? numericAsCategories(samples.pair, samples.values!) : samples.pair;
  return { value: jensenShannonDistance(counts.reference, counts.current), measure: 'jensen_shannon' };
}

function chartOf(samples: ColumnSamples): ColumnResult['chart'] {
  if (samples.kind === 'categorical') return categoryShares(samples.pair);
  return samples.values === null ? numericHistogram(samples.pair) : categoryShares(numericAsCategories(samples.pair, samples.values));
}

/** p-value tests of judged columns are adjusted together; verdicts then use the adjusted p-values. */
function correct(columns: ColumnResult[], correction: Settings['correction']): ColumnResult[] {
  const tested = columns.flatMap((c, i) => (c.drifted !== null && c.testKind === 'p_value' ? [i] : []));
  const adjusted = adjustPValues(
    tested.map((i) => columns[i].pValue!),
    correction,
  );
  const byIndex = new Map(tested.map((i, k) => [i, adjusted[k]]));
  return columns.map((c, i) => {
    const p = byIndex.get(i);
    return p === undefined ? c : { ...c, adjustedPValue: p, drifted: p < c.threshold! };
  });
}

function usableCounts(samples: ColumnSamples): { reference: number; current: number } {
  return samples.kind === 'numeric'
    ? { reference: samples.pair.reference.length, current: samples.pair.current.length }
    : { reference: total(samples.pair.reference), current: total(samples.pair.current) };
}

function nonNull(column: Column): number {
  return (isCoded(column) ? column.codes.length : column.values.length) - column.nullCount;
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
    renamedColumns: (table.renamedColumns ?? []).map((r) => ({ ...r })),
    skippedRows: table.skippedRows ?? 0,
    skippedRowLines: [...(table.skippedRowLines ?? [])],
  };
}

