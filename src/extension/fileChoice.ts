/**
 * Which files a command acts on: the file it was invoked on (Explorer, editor title), else the active tab
 * (via tabGroups: activeTextEditor is undefined when a notebook or webview is active), else the user's pick.
 */
import * as vscode from 'vscode';
import { DATA_EXTENSIONS, DATA_FILE_GLOB, formatOf } from '../core/io/formats';

export function isDataUri(uri: vscode.Uri | undefined): uri is vscode.Uri {
  return uri !== undefined && uri.scheme === 'file' && formatOf(uri.path) !== undefined;
}

export function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) {
    return input.uri;
  }
  return undefined;
}

const BROWSE = '$(folder-opened) Browse…';

/** A quick pick of the workspace's data files (minus `exclude`) with a "Browse…" entry for files elsewhere. */
export async function pickDataFile(title: string, exclude?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles(DATA_FILE_GLOB, '**/node_modules/**', 500);
  const files = found
    .filter((u) => u.toString() !== exclude?.toString())
    .sort((a, b) => a.path.localeCompare(b.path));
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = [
    ...files.map((uri) => ({
      label: `$(file) ${vscode.workspace.asRelativePath(uri, false)}`,
      uri,
    })),
    { label: BROWSE, alwaysShow: true },
  ];
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'Data files in this workspace' });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectMany: false,
    filters: { 'Data files': Object.keys(DATA_EXTENSIONS) },
  });
  return picked?.[0];
}
