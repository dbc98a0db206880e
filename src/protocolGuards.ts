/**
 * Messages from the webview are checked before use: the webview renders data nobody has looked at yet, so the
 * extension treats what it posts as untrusted input. Each message must be one of `FromWebview`, with fields of the
 * right types and known values; anything else is refused with the reason (and logged by the panel).
 */
import { COLUMN_ROLES } from './core/suite/modelTypes';
import { TEST_IDS } from './core/suite/report';
import type { FromDataView, FromWebview } from './protocol';

type Check = (m: Record<string, unknown>) => string | undefined;

const str = (key: string): Check => (m) => (typeof m[key] === 'string' ? undefined : `"${key}" must be a string`);
const optStr = (key: string): Check => (m) => (m[key] === undefined || typeof m[key] === 'string' ? undefined : `"${key}" must be a string`);
const num = (key: string): Check => (m) => (typeof m[key] === 'number' && Number.isFinite(m[key]) ? undefined : `"${key}" must be a number`);
const oneOf = (key: string, values: readonly (string | null)[]): Check => (m) =>
  values.includes(m[key] as string | null) ? undefined : `"${key}" must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
const strings = (key: string): Check => (m) =>
  Array.isArray(m[key]) && (m[key] as unknown[]).every((v) => typeof v === 'string') ? undefined : `"${key}" must be a list of strings`;
const nullOr = (check: Check, key: string): Check => (m) => (m[key] === null ? undefined : check(m));
const optStrings = (key: string): Check => (m) => (m[key] === undefined ? undefined : strings(key)(m));

const CHECKS: Record<FromWebview['type'], Check[]> = {
  ready: [optStr('shown')],
  rendered: [num('columns'), num('charts'), strings('driftedColumns'), optStrings('modelSections')],
  selected: [nullOr(str('column'), 'column')],
  open: [str('path')],
  swap: [],
  rerun: [],
  export: [oneOf('format', ['json', 'html']), str('themeCss'), str('bodyClass')],
  columnTests: [str('column')],
  setColumnTest: [str('column'), oneOf('test', [...TEST_IDS, null]), nullOr(num('threshold'), 'threshold')],
  setRole: [str('column'), oneOf('role', [...COLUMN_ROLES, null])],
  openComparison: [str('id')],
  backToSuite: [],
};

/** The data view's messages (src/extension/dataView/). */
const DATA_VIEW_CHECKS: Record<FromDataView['type'], Check[]> = {
  ready: [],
  rendered: [num('columns'), num('summaries'), num('previewRows'), strings('drifted'), nullOr(str('failed'), 'failed')],
  focused: [str('column')],
  showInPanel: [str('column')],
};

/** The message as a FromWebview, or why it is not one. */
export function checkFromWebview(raw: unknown): { message: FromWebview } | { problem: string } {
  return check<FromWebview>(raw, CHECKS);
}

/** The message as a FromDataView, or why it is not one. */
export function checkFromDataView(raw: unknown): { message: FromDataView } | { problem: string } {
  return check<FromDataView>(raw, DATA_VIEW_CHECKS);
}

function check<T extends { type: string }>(raw: unknown, table: Record<T['type'], Check[]>): { message: T } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'not an object' };
  const m = raw as Record<string, unknown>;
  const checks = typeof m.type === 'string' && Object.hasOwn(table, m.type) ? table[m.type as T['type']] : undefined;
  if (!checks) return { problem: `unknown message type ${JSON.stringify(m.type)}` };
  for (const c of checks) {
    const problem = c(m);
    if (problem) return { problem: `${m.type}: ${problem}` };
  }
  return { message: m as unknown as T };
}
