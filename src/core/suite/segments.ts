/**
 * Where drift is localised: the whole analysis (feature, label and prediction drift, performance) repeated on the
 * rows of each of the largest values of the segment column, since an aggregate can hide a segment that moved.
 */
import { takeRows } from '../io/takeRows';
import type { Table } from '../io/table';
import { LabelDictionary } from './labels';
import type { ResolvedRoles, SegmentResult, SegmentsReport } from './modelTypes';
import type { DriftReport, SuiteOptions } from './report';

/** Compares one pair of row subsets (compareTables with the model analysis narrowed to what a segment needs). */
export type CompareSegment = (reference: Table, current: Table) => DriftReport;

export function segmentDrift(reference: Table, current: Table, roles: ResolvedRoles, top: number, compare: CompareSegment): SegmentsReport | null {
  const name = roles.segment;
  if (!name || top <= 0) return null;
  const refColumn = reference.columns.find((c) => c.name === name);
  const curColumn = current.columns.find((c) => c.name === name);
  if (!refColumn || !curColumn) return null;
  const dict = new LabelDictionary();
  const codes = [dict.codesOf(refColumn), dict.codesOf(curColumn)];
  const sizes = codes.map((c) => {
    const counts = new Float64Array(dict.labels.length);
    for (const k of c) if (k >= 0) counts[k]++;
    return counts;
  });
  const bySize = dict.labels
    .map((_, k) => k)
    .sort((a, b) => sizes[0][b] + sizes[1][b] - (sizes[0][a] + sizes[1][a]) || (dict.labels[a] < dict.labels[b] ? -1 : 1));
  const chosen = bySize.slice(0, top);
  const segments = chosen.map((k) => {
    const rows = codes.map((c, side) => {
      const out = new Uint32Array(sizes[side][k]);
      let j = 0;
      for (let i = 0; i < c.length; i++) if (c[i] === k) out[j++] = i;
      return out;
    });
    return segmentResult(dict.labels[k], takeRows(reference, rows[0]), takeRows(current, rows[1]), compare);
  });
  return { column: name, segments, omitted: bySize.length - chosen.length };
}

function segmentResult(value: string, reference: Table, current: Table, compare: CompareSegment): SegmentResult {
  const empty: SegmentResult = {
    value,
    referenceRows: reference.rows,
    currentRows: current.rows,
    datasetDrift: null,
    driftShare: 0,
    judgedColumns: 0,
    driftedColumns: [],
    labelDrifted: null,
    predictionDrifted: null,
    performance: null,
  };
  if (reference.rows === 0 || current.rows === 0) {
    return { ...empty, message: `The segment has no rows in the ${reference.rows === 0 ? 'reference' : 'current'} file.` };
  }
  const report = compare(reference, current);
  return {
    ...empty,
    datasetDrift: report.judgedColumns > 0 ? report.datasetDrift : null,
    driftShare: report.driftShare,
    judgedColumns: report.judgedColumns,
    driftedColumns: report.columns.filter((c) => c.drifted).map((c) => c.name),
    labelDrifted: report.model?.labelDrift?.drifted ?? null,
    predictionDrifted: report.model?.predictionDrift?.drifted ?? null,
    performance: report.model?.performance ?? null,
  };
}

/**
 * Options for comparing one segment: the same roles (no inference), no nested segments, no multivariate drift, no
 * confusion matrices, no drift over time; the segment column itself is left out (constant within a segment, it would only dilute the
 * drift share).
 */
export function segmentOptions(options: SuiteOptions, roles: ResolvedRoles): SuiteOptions {
  const { target, prediction, score, timestamp, id, task } = roles;
  const set = Object.fromEntries(Object.entries({ target, prediction, score, timestamp, task }).filter(([, v]) => v !== null));
  return {
    ...options,
    overTime: undefined,
    exclude: [...(options.exclude ?? []), ...(roles.segment ? [roles.segment] : [])],
    model: { ...options.model, roles: { ...set, id }, inferRoles: false, topSegments: 0, multivariate: false, confusion: false },
  };
}
