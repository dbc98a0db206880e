/**
 * The model-aware part of a comparison, assembled after the columns are judged: label and prediction drift (the
 * target's and prediction's column results), performance drift, segments and multivariate drift.
 */
import type { Table } from '../io/table';
import { definedOnly } from './definedOnly';
import type { ModelOptions, ModelReport, ResolvedRoles } from './modelTypes';
import { multivariateDrift } from './multivariate';
import { performanceDrift } from './performance';
import type { ColumnResult } from './report';
import { segmentDrift, type CompareSegment } from './segments';

export const MODEL_DEFAULTS = {
  inferRoles: true,
  allowedDrop: 0.1,
  bootstrap: 200,
  confusion: true,
  topSegments: 10,
  multivariate: true,
  multivariateRows: 2000,
  domainAucThreshold: 0.55,
  mmdPermutations: 200,
  seed: 42,
} as const satisfies ModelOptions;

export type ModelSettings = Omit<ModelOptions, keyof typeof MODEL_DEFAULTS> & { -readonly [K in keyof typeof MODEL_DEFAULTS]: NonNullable<ModelOptions[K]> };

export function modelSettingsOf(options: ModelOptions = {}): ModelSettings {
  return { ...MODEL_DEFAULTS, ...definedOnly(options) } as ModelSettings;
}

/** Level of the bootstrap intervals of metric differences. */
const INTERVAL_LEVEL = 0.95;

export function modelAnalysis(
  reference: Table,
  current: Table,
  roles: ResolvedRoles,
  notes: string[],
  columns: ColumnResult[],
  settings: ModelSettings,
  pValueThreshold: number,
  compareSegment: CompareSegment,
): ModelReport {
  // Each analysis stands alone: one that fails becomes a note, never the comparison's failure.
  const notesOut = [...notes];
  const guarded = <T>(what: string, run: () => T): T | null => {
    try {
      return run();
    } catch (err) {
      notesOut.push(`${what} could not be computed: ${(err as Error).message}`);
      return null;
    }
  };
  const performance = guarded('Performance drift', () =>
    performanceDrift(reference, current, roles, {
      allowedDrop: settings.allowedDrop,
      replicates: settings.bootstrap,
      seed: settings.seed,
      level: INTERVAL_LEVEL,
      confusion: settings.confusion,
    }),
  );
  const segments = guarded('Segment drift', () => segmentDrift(reference, current, roles, settings.topSegments, compareSegment));
  const multivariate = settings.multivariate
    ? guarded('Multivariate drift', () =>
        multivariateDrift(reference, current, featureNames(columns), {
          rows: settings.multivariateRows,
          aucThreshold: settings.domainAucThreshold,
          permutations: settings.mmdPermutations,
          seed: settings.seed,
          // Two methods, either of which can report drift: each tests at half the threshold (Bonferroni), so
          // identical files are flagged about as often as the threshold says (measured: test/unit/model.test.ts).
          pValueThreshold: pValueThreshold / 2,
        }),
      )
    : null;
  return { roles, ...modelColumns(roles, columns), performance, segments, multivariate, notes: notesOut };
}

/** Label and prediction drift: the target's and the prediction's (or else the score's) column results. */
export function modelColumns(roles: ResolvedRoles, columns: ColumnResult[]): Pick<ModelReport, 'labelDrift' | 'predictionDrift'> {
  const byName = (name: string | null) => (name === null ? null : columns.find((c) => c.name === name) ?? null);
  return { labelDrift: byName(roles.target), predictionDrift: byName(roles.prediction ?? roles.score) };
}

/** Multivariate drift looks at the features: columns judged on both sides that are not the model's own. */
function featureNames(columns: ColumnResult[]): string[] {
  return columns
    .filter((c) => c.status === 'ok' && (c.role === undefined || c.role === 'segment'))
    .filter((c) => c.type === 'numeric' || c.type === 'categorical' || c.type === 'boolean')
    .map((c) => c.name);
}
