/**
 * Which columns are the model's target, prediction, score, timestamp, segment and ids: as the user set them, or
 * found by their conventional names, and what the model does (the task), inferred from the target's values.
 */
import { isNumericColumn, type Column, type Table } from '../io/table';
import type { ColumnRole, ColumnRoles, ResolvedRoles, TaskKind } from './modelTypes';

/** Conventional names, compared case-insensitively; the first column of a table that matches takes the role. */
const CONVENTIONAL: Record<Exclude<ColumnRole, 'id' | 'segment'>, readonly string[]> = {
  target: ['target', 'label', 'y', 'y_true'],
  prediction: ['prediction', 'pred', 'y_pred', 'predicted'],
  score: ['score', 'y_score', 'probability', 'proba'],
  timestamp: ['timestamp'],
};

/** A numeric target with at most this many distinct whole numbers is taken for class labels (0/1, 1..10). */
const CLASS_LIKE_VALUES = 10;

export interface RolesResult {
  roles: ResolvedRoles;
  /** Roles set to columns that are in neither file, or that cannot play them. */
  notes: string[];
}

/** Resolves roles over both tables (a column may be on one side only; the reference's order wins). */
export function resolveRoles(reference: Table, current: Table, set: ColumnRoles = {}, infer = true, unassigned: readonly string[] = []): RolesResult {
  const notes: string[] = [];
  const byName = new Map<string, Column>();
  for (const c of [...current.columns, ...reference.columns]) byName.set(c.name, c);
  const names = [...new Set([...reference.columns.map((c) => c.name), ...current.columns.map((c) => c.name)])];
  const roles: ResolvedRoles = { target: null, prediction: null, score: null, timestamp: null, segment: null, id: [], sources: {}, task: null };

  const ids = set.id === undefined ? [] : Array.isArray(set.id) ? set.id : [set.id];
  roles.id = ids.filter((n) => byName.has(n));
  if (roles.id.length) roles.sources.id = 'setting';
  const taken = new Set(roles.id);
  const neverInferred = new Set(unassigned);

  for (const role of ['target', 'prediction', 'score', 'timestamp', 'segment'] as const) {
    const named = set[role];
    if (named !== undefined) {
      if (!byName.has(named)) notes.push(`The ${role} column "${named}" is in neither file.`);
      else if (taken.has(named)) notes.push(`"${named}" already has another role; it is not also the ${role}.`);
      else {
        roles[role] = named;
        roles.sources[role] = 'setting';
        taken.add(named);
      }
      continue;
    }
    if (!infer || role === 'segment') continue;
    const found = names.find((n) => !taken.has(n) && !neverInferred.has(n) && CONVENTIONAL[role].includes(n.toLowerCase()));
    if (found) {
      roles[role] = found;
      roles.sources[role] = 'inferred';
      taken.add(found);
    }
  }

  // A score is a probability: a non-numeric column found by name is not one.
  if (roles.score && !isNumericColumn(byName.get(roles.score)!)) {
    if (roles.sources.score === 'setting') notes.push(`The score column "${roles.score}" is not numeric; it is not used as a score.`);
    roles.score = null;
    delete roles.sources.score;
  }
  if (roles.target) roles.task = set.task ?? inferTask(byName.get(roles.target)!, roles.prediction ? byName.get(roles.prediction)! : undefined);
  return { roles, notes };
}

/** The role of a column under `roles`, if any. */
export function roleOf(name: string, roles: ResolvedRoles): ColumnRole | undefined {
  if (roles.id.includes(name)) return 'id';
  for (const role of ['target', 'prediction', 'score', 'timestamp', 'segment'] as const) if (roles[role] === name) return role;
  return undefined;
}

/**
 * Classification for category targets and numeric targets holding a few whole numbers; transcription when both
 * target and prediction are free text; regression otherwise.
 */
export function inferTask(target: Column, prediction?: Column): TaskKind {
  if (target.type === 'text' && (!prediction || prediction.type === 'text')) return 'transcription';
  if (!isNumericColumn(target)) return 'classification';
  const distinct = new Set<number>();
  for (const v of target.values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return 'regression';
    distinct.add(v);
    if (distinct.size > CLASS_LIKE_VALUES) return 'regression';
  }
  return 'classification';
}
