/**
 * Finding and reading `drift-suite.json` files through the workspace (so they can be open, unsaved, or on any
 * file system the workspace uses), and parsing them with the core's validator.
 */
import * as vscode from 'vscode';
import { SUITE_FILE_NAME, parseSuiteFile } from '../../core/suite/suiteApi';
import type { SuiteFile } from '../../core/suite/suiteApi';

/** Every suite file in the workspace folders, in a stable order. */
export async function findSuiteFiles(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const found = await vscode.workspace.findFiles(`**/${SUITE_FILE_NAME}`, '**/node_modules/**');
  return found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/** The suite to run: `given`, the one suite file of the workspace, or the one the user picks (undefined: none). */
export async function chooseSuiteFile(given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  const files = await findSuiteFiles();
  if (active && files.some((f) => f.toString() === active.toString())) return active;
  if (files.length <= 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: 'Drift: run which suite?' },
  );
  return picked?.uri;
}

/** The suite file's text as the editor has it (unsaved edits included), else from disk; parsed and validated. */
export async function loadSuiteFile(uri: vscode.Uri): Promise<SuiteFile> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return parseSuiteFile(uri.fsPath, text);
}
