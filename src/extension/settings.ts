/** The user's Drift Inspector settings, read fresh for every comparison so changes apply at once. */
import * as vscode from 'vscode';
import type { ColumnType } from '../core/io/table';
import { COLUMN_TYPES } from '../core/suite/overrides';
import { isTestId } from '../core/suite/registry';
import type { Correction, SuiteOptions, TestChoice } from '../core/suite/report';
import type { ParseOptions } from '../core/io/table';
import { COLUMN_ROLES, TASK_KINDS, type ColumnRoles, type ModelOptions, type TaskKind } from '../core/suite/modelTypes';
import { DETECTOR_IDS, type DetectorId, type OverTimeOptions } from '../core/suite/overTimeTypes';

export interface Settings {
  suite: SuiteOptions;
  read: ParseOptions;
  maxRows: number;
  /** Settings that could not be used, each saying which and why (the JSON schema only warns in the editor). */
  problems: string[];
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('driftInspector', scope);
  const problems: string[] = [];
  const choices = (key: string, keep: (name: string) => boolean) => {
    const raw = c.get<Record<string, { test?: unknown; threshold?: unknown }>>(key) ?? {};
    const out: Record<string, TestChoice> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (!keep(name)) {
        problems.push(`driftInspector.${key}: "${name}" is not a column type (${COLUMN_TYPES.join(', ')})`);
        continue;
      }
      const choice: TestChoice = {};
      if (typeof value?.test === 'string' && isTestId(value.test)) choice.test = value.test;
      else if (value?.test !== undefined) problems.push(`driftInspector.${key}.${name}: unknown test ${JSON.stringify(value.test)}`);
      if (typeof value?.threshold === 'number' && value.threshold >= 0) choice.threshold = value.threshold;
      else if (value?.threshold !== undefined) problems.push(`driftInspector.${key}.${name}: threshold must be a non-negative number`);
      if (choice.test !== undefined || choice.threshold !== undefined) out[name] = choice;
    }
    return out;
  };
  const bins = c.get<number | null>('bins');
  const nullTokens = c.get<string[] | null>('nullTokens');
  const columnTypes: Record<string, ColumnType> = {};
  for (const [name, type] of Object.entries(c.get<Record<string, string>>('columnTypes') ?? {})) {
    if (COLUMN_TYPES.includes(type as ColumnType)) columnTypes[name] = type as ColumnType;
    else problems.push(`driftInspector.columnTypes.${name}: "${type}" is not a column type (${COLUMN_TYPES.join(', ')})`);
  }
  return {
    suite: {
      model: modelOptions(c, problems),
      overTime: overTimeOptions(c),
      pValueThreshold: c.get<number>('pValueThreshold'),
      distanceThreshold: c.get<number>('distanceThreshold'),
      datasetDriftShare: c.get<number>('datasetDriftShare'),
      byType: choices('testsByType', (t) => COLUMN_TYPES.includes(t as ColumnType)) as SuiteOptions['byType'],
      byColumn: choices('testsByColumn', () => true),
      correction: c.get<Correction>('correction'),
      bins: typeof bins === 'number' && bins >= 1 ? Math.round(bins) : undefined,
      missingAsCategory: c.get<boolean>('missingAsCategory'),
      psiMajorThreshold: c.get<number>('psiMajorThreshold'),
    },
    read: {
      nullTokens: Array.isArray(nullTokens) ? nullTokens.filter((t) => typeof t === 'string') : undefined,
      raggedRows: c.get<'error' | 'skip'>('raggedRows'),
      columnTypes: Object.keys(columnTypes).length > 0 ? columnTypes : undefined,
    },
    maxRows: c.get<number>('maxRows') ?? 1_000_000,
    problems,
  };
}

/** The model-aware settings: roles (checked one by one), performance, segments and multivariate drift. */
function modelOptions(c: vscode.WorkspaceConfiguration, problems: string[]): ModelOptions {
  const raw = c.get<Record<string, unknown>>('roles') ?? {};
  const roles: ColumnRoles = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'task') {
      if (TASK_KINDS.includes(value as TaskKind)) roles.task = value as TaskKind;
      else problems.push(`driftInspector.roles.task: ${JSON.stringify(value)} is not a task (${TASK_KINDS.join(', ')})`);
    } else if (!(COLUMN_ROLES as readonly string[]).includes(key)) {
      problems.push(`driftInspector.roles: "${key}" is not a role (${COLUMN_ROLES.join(', ')}, task)`);
    } else if (key === 'id' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      roles.id = value as string[];
    } else if (typeof value === 'string' && value !== '') {
      roles[key as Exclude<keyof ColumnRoles, 'task'>] = value;
    } else {
      problems.push(`driftInspector.roles.${key}: expected a column name`);
    }
  }
  return {
    roles,
    inferRoles: c.get<boolean>('inferRoles'),
    allowedDrop: c.get<number>('performance.allowedDrop'),
    bootstrap: c.get<number>('performance.bootstrap'),
    topSegments: c.get<number>('segments.top'),
    multivariate: c.get<boolean>('multivariate.enabled'),
    multivariateRows: c.get<number>('multivariate.sampleRows'),
    domainAucThreshold: c.get<number>('multivariate.aucThreshold'),
  };
}

/** Drift over time, unless turned off: the window choice and the detectors (unknown ids are left out). */
function overTimeOptions(c: vscode.WorkspaceConfiguration): OverTimeOptions | undefined {
  if (c.get<boolean>('overTime.enabled') === false) return undefined;
  const rows = c.get<number | null>('overTime.windowRows');
  const detectors = c.get<string[]>('overTime.detectors');
  return {
    // Automatic windows need a timestamp column here; windows of rows in file order are chosen explicitly.
    requireTimestamp: true,
    window: c.get<OverTimeOptions['window']>('overTime.window'),
    windowRows: typeof rows === 'number' && rows >= 1 ? Math.round(rows) : undefined,
    detectors: Array.isArray(detectors) ? (detectors.filter((d) => (DETECTOR_IDS as readonly string[]).includes(d)) as DetectorId[]) : undefined,
  };
}

/** The worker threads' JavaScript heap limit (driftInspector.workerMemoryMb), read when a thread starts. */
export function workerMemoryMb(): number | undefined {
  const mb = vscode.workspace.getConfiguration('driftInspector').get<number>('workerMemoryMb');
  return typeof mb === 'number' && mb >= 64 ? Math.round(mb) : undefined;
}
