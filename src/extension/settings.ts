/** The user's Drift Inspector settings, read fresh for every comparison so changes apply at once. */
import * as vscode from 'vscode';
import type { SuiteOptions } from '../core/suite/report';

export interface Settings {
  suite: SuiteOptions;
  maxRows: number;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('driftInspector', scope);
  return {
    suite: {
      pValueThreshold: c.get<number>('pValueThreshold'),
      distanceThreshold: c.get<number>('distanceThreshold'),
      datasetDriftShare: c.get<number>('datasetDriftShare'),
    },
    maxRows: c.get<number>('maxRows') ?? 1_000_000,
  };
}
