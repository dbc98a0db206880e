/**
 * "Show in Drift Panel" on our Problems entries (the light bulb / Quick Fix menu), in any file: opens the
 * panel on the diagnostic's column in the report that produced it.
 */
import * as vscode from 'vscode';
import { DriftDiagnostics } from './diagnostics';

export const SHOW_COLUMN_COMMAND = 'driftInspector.showColumn';

export class ShowInPanelActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: DriftDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // A drift warning and a schema finding on the same header cell: one action for the column.
    const byColumn = new Map<string, vscode.Diagnostic[]>();
    for (const diagnostic of context.diagnostics) {
      const column = this.diagnostics.columnOf(document.uri, diagnostic);
      if (column !== undefined) byColumn.set(column, [...(byColumn.get(column) ?? []), diagnostic]);
    }
    return [...byColumn].map(([column, diagnostics]) => {
      // Name the column only when the cursor touches several (e.g. line 1 of a Parquet file holds them all).
      const title = byColumn.size === 1 ? 'Show in Drift Panel' : `Show "${column}" in Drift Panel`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = diagnostics;
      action.command = { title, command: SHOW_COLUMN_COMMAND, arguments: [document.uri, column] };
      return action;
    });
  }
}
