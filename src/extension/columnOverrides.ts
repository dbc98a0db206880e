/**
 * Per-column tests and thresholds chosen in the panel, kept in memory per current file (never written to the
 * user's settings). They are merged over the settings' `testsByColumn` for every later comparison of that file
 * (re-run, swap) until the window reloads.
 */
import type { SuiteOptions, TestChoice, TestId } from '../core/suite/report';

export class ColumnOverrides {
  private readonly byFile = new Map<string, Record<string, TestChoice>>();

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
  }

  /**
   * The suite options with this file's overrides merged over `byColumn`. A test chosen in the panel replaces the
   * setting's entry (a threshold belongs to its test: a p-value cut-off makes no sense for a distance); a
   * threshold alone keeps the setting's test.
   */
  apply(file: string, suite: SuiteOptions): SuiteOptions {
    const overrides = this.byFile.get(file);
    if (!overrides || Object.keys(overrides).length === 0) return suite;
    const byColumn: Record<string, TestChoice> = { ...suite.byColumn };
    for (const [column, choice] of Object.entries(overrides)) {
      byColumn[column] = choice.test !== undefined ? choice : { ...byColumn[column], ...choice };
    }
    return { ...suite, byColumn };
  }
}
