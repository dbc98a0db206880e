/**
 * Parses test overrides written as text (CLI flags, e.g. `numeric=psi:0.2`, `age=ks`, `income=:0.01`) into the
 * suite's options, with errors that name the offending part and list what is allowed.
 */
import type { ColumnType } from '../io/table';
import { isTestId } from './registry';
import { TEST_IDS, type Correction, type TestChoice } from './report';

export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];

/** `TEST`, `TEST:THRESHOLD` or `:THRESHOLD`. */
export function parseTestChoice(text: string): TestChoice {
  const colon = text.indexOf(':');
  const test = (colon < 0 ? text : text.slice(0, colon)).trim();
  const thresholdText = colon < 0 ? '' : text.slice(colon + 1).trim();
  const choice: TestChoice = {};
  if (test !== '') {
    if (!isTestId(test)) throw new Error(`unknown test "${test}" (known: ${TEST_IDS.join(', ')})`);
    choice.test = test;
  }
  if (thresholdText !== '') {
    const threshold = Number(thresholdText);
    if (!Number.isFinite(threshold) || threshold < 0) throw new Error(`threshold "${thresholdText}" is not a non-negative number`);
    choice.threshold = threshold;
  }
  if (choice.test === undefined && choice.threshold === undefined) throw new Error(`"${text}" names neither a test nor a threshold`);
  return choice;
}

/** `KEY=TEST[:THRESHOLD]`; the key is split at the last "=" so column names may contain "=". */
export function parseAssignment(text: string): [string, TestChoice] {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new Error(`"${text}" is not of the form NAME=TEST[:THRESHOLD]`);
  return [text.slice(0, eq), parseTestChoice(text.slice(eq + 1))];
}

export function parseColumnType(text: string): ColumnType {
  const type = COLUMN_TYPES.find((t) => t === text);
  if (!type) throw new Error(`unknown column type "${text}" (known: ${COLUMN_TYPES.join(', ')})`);
  return type;
}

export function parseCorrection(text: string): Correction {
  const known: Record<string, Correction> = { none: 'none', bonferroni: 'bonferroni', bh: 'benjamini_hochberg', benjamini_hochberg: 'benjamini_hochberg' };
  const correction = known[text];
  if (!correction) throw new Error(`unknown correction "${text}" (known: none, bonferroni, bh)`);
  return correction;
}
