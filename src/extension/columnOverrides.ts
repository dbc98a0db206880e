/**
 * Per-column tests, thresholds and roles chosen in the panel, kept in memory per current file (never written to
 * the user's settings). They are merged over the settings' `testsByColumn` and `roles` for every later comparison
 * of that file (re-run, swap) until the window reloads.
 */
import type { ColumnRole } from '../core/suite/modelTypes';
import type { SuiteOptions, TestChoice, TestId } from '../core/suite/report';

export class ColumnOverrides {
  private readonly byFile = new Map<string, Record<string, TestChoice>>();
  /** Per file: each column's role as chosen in the panel, null for "no role" (not even an inferred one). */
  private readonly rolesByFile = new Map<string, Record<string, ColumnRole | null>>();

  /** Gives a column a role (taking it from any other column), or no role at all (null). */
  setRole(file: string, column: string, role: ColumnRole | null): void {
    const roles = { ...this.rolesByFile.get(file) };
    // One column per role, except ids.
    if (role !== null && role !== 'id') for (const [name, r] of Object.entries(roles)) if (r === role) delete roles[name];
    roles[column] = role;
    this.rolesByFile.set(file, roles);
  }

  /** Sets a column's test and/or threshold; null for both drops the override (back to the settings). */
  set(file: string, column: string, test: TestId | null, threshold: number | null): void {
    const overrides = { ...this.byFile.get(file) };
    const choice: TestChoice = {};
    if (test !== null) choice.test = test;
    if (threshold !== null) choice.threshold = threshold;
    if (choice.test === undefined && choice.threshold === undefined) delete overrides[column];
    else overrides[column] = choice;
    this.byFile.set(file, overrides);
  }

  get(file: string): Record<string, TestChoice> {
    return { ...this.byFile.get(file) };
  }

  /** Carries one file's overrides to another (swap: the same columns, now on the other side); the copied ones win. */
  copy(from: string, to: string): void {
    if (from === to) return;
    this.byFile.set(to, { ...this.byFile.get(to), ...this.byFile.get(from) });
    this.rolesByFile.set(to, { ...this.rolesByFile.get(to), ...this.rolesByFile.get(from) });
  }

  /**
   * The suite options with this file's overrides merged over `byColumn`. A test chosen in the panel replaces the
   * setting's entry (a threshold belongs to its test: a p-value cut-off makes no sense for a distance); a
   * threshold alone keeps the setting's test.
   */
  apply(file: string, suite: SuiteOptions): SuiteOptions {
    return this.applyRoles(file, this.applyTests(file, suite));
  }

  /** Roles chosen in the panel replace the settings' role they name; a column set to no role is never inferred. */
  private applyRoles(file: string, suite: SuiteOptions): SuiteOptions {
    const chosen = Object.entries(this.rolesByFile.get(file) ?? {});
    if (chosen.length === 0) return suite;
    const roles = { ...suite.model?.roles };
    const named = new Set(chosen.map(([column]) => column));
    // The panel's choices win: a column chosen here loses whatever role the settings gave it.
    for (const key of ['target', 'prediction', 'score', 'timestamp', 'segment'] as const) if (roles[key] !== undefined && named.has(roles[key]!)) delete roles[key];
    let ids = roles.id === undefined ? [] : Array.isArray(roles.id) ? roles.id : [roles.id];
    ids = ids.filter((id) => !named.has(id));
    for (const [column, role] of chosen) {
      if (role === 'id') ids.push(column);
      else if (role !== null) roles[role] = column;
    }
    if (ids.length) roles.id = ids;
    else delete roles.id;
    const unassigned = [...(suite.model?.unassigned ?? []), ...chosen.filter(([, role]) => role === null).map(([column]) => column)];
    return { ...suite, model: { ...suite.model, roles, ...(unassigned.length ? { unassigned } : {}) } };
  }

  private applyTests(file: string, suite: SuiteOptions): SuiteOptions {
    const overrides = this.byFile.get(file);
    if (!overrides || Object.keys(overrides).length === 0) return suite;
    const byColumn: Record<string, TestChoice> = { ...suite.byColumn };
    for (const [column, choice] of Object.entries(overrides)) {
      byColumn[column] = choice.test !== undefined ? choice : { ...byColumn[column], ...choice };
    }
    return { ...suite, byColumn };
  }
}
