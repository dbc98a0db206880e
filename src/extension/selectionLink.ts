/**
 * Clicking a drift entry in the Problems panel opens the data file with the entry's range selected: when a
 * selection equals the header cell of one of our diagnostics, the panel opens that column (the editor keeps
 * the focus). Selections made by mouse or keyboard are the user's own editing (double-clicking a header word
 * selects the same range) and are left alone.
 */
import * as vscode from 'vscode';
import { DriftDiagnostics } from './diagnostics';

export function linkSelectionsToPanel(
  diagnostics: DriftDiagnostics,
  showColumn: (file: vscode.Uri, column: string, besideOf?: vscode.ViewColumn) => void,
): vscode.Disposable {
  /** The last cell we acted on, so switching back to that tab (same selection) does not open the panel again. */
  let last: string | undefined;
  const check = (editor: vscode.TextEditor, selection: vscode.Selection, fromTabSwitch: boolean) => {
    const uri = editor.document.uri;
    const column = diagnostics.columnAtRange(uri, selection);
    if (column === undefined) return;
    const key = `${uri.toString()}#${selection.start.character}-${selection.end.character}`;
    if (fromTabSwitch && key === last) return;
    last = key;
    showColumn(uri, column, editor.viewColumn);
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.kind === vscode.TextEditorSelectionChangeKind.Mouse || e.kind === vscode.TextEditorSelectionChangeKind.Keyboard) return;
      if (e.selections.length === 1) check(e.textEditor, e.selections[0], false);
    }),
    // A file not open yet is opened with the selection already made: no selection event, only a new active editor.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && editor.selections.length === 1) check(editor, editor.selection, true);
    }),
  );
}
