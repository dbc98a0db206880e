/**
 * Every test that fits one column, each with its default threshold: the detail view shows them beside the
 * verdict so users see whether another test would have judged differently. Computed on demand (one column at a
 * time), never for the whole report: some tests (energy, Anderson-Darling) cost more than the default choice.
 */
import type { Table } from '../io/table';
import { isCoded } from './samples';
import { TESTS } from './registry';
import type { ColumnTestResult, SuiteOptions, TestId } from './report';
import { resolveChoice } from './choice';
import { runTest, samplesOf, settingsOf } from './compare';

export function columnTests(reference: Table, current: Table, name: string, inUse: TestId | null, options: SuiteOptions = {}): ColumnTestResult[] {
  const settings = settingsOf(options);
  const ref = reference.columns.find((c) => c.name === name);
  const cur = current.columns.find((c) => c.name === name);
  if (!ref || !cur) throw new Error(`"${name}" is not in both files, so no test can compare it.`);
  if (isCoded(ref) !== isCoded(cur)) throw new Error(`"${name}" holds different kinds of values on the two sides.`);
  const samples = samplesOf(ref, cur);
  const results: ColumnTestResult[] = [];
  for (const spec of Object.values(TESTS)) {
    // A per-column threshold is for the column's chosen test; the others get the setting for their kind.
    const threshold =
      spec.id === inUse ? resolveChoice(name, ref.type, spec.id, settings).threshold : spec.kind === 'p_value' ? settings.pValueThreshold : settings.distanceThreshold;
    let ran: ReturnType<typeof runTest>;
    try {
      ran = runTest(spec, samples, settings, ref);
    } catch (err) {
      results.push(row(spec.id, threshold, null, null, `failed: ${(err as Error).message}`));
      continue;
    }
    if ('unfit' in ran) continue; // Not applicable to this column: not listed.
    const { statistic, pValue } = ran.outcome;
    if (Number.isNaN(statistic) || (pValue !== null && Number.isNaN(pValue))) {
      results.push(row(spec.id, threshold, null, null, 'no value for these samples'));
      continue;
    }
    const drifted = spec.kind === 'p_value' ? pValue! < threshold : statistic >= threshold;
    results.push(row(spec.id, threshold, Number.isFinite(statistic) ? statistic : null, pValue, undefined, drifted));
  }
  return results;

  function row(test: TestId, threshold: number, statistic: number | null, pValue: number | null, message?: string, drifted: boolean | null = null): ColumnTestResult {
    return { test, kind: TESTS[test].kind, statistic, pValue, threshold, drifted, inUse: test === inUse, ...(message ? { message } : {}) };
  }
}
