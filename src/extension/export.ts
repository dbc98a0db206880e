/**
 * Saves a report where the user chose: JSON (the report itself, pretty-printed) or one offline HTML page (the
 * panel's own script inlined, the report embedded, the panel's theme colours). Written atomically: a temporary
 * file in the target's folder, then renamed over the target, so a failed or interrupted export never leaves a
 * half-written file (nor a temporary one) behind.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { offlineHtml, type ExportTheme } from '../core/suite/exportHtml';
import type { DriftReport } from '../core/suite/report';
import type { ExportFormat } from '../protocol';

export class ReportExporter {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The panel's Export: a save dialog (defaulting beside the current file), the file, then a message to open it. */
  async exportWithDialog(report: DriftReport, format: ExportFormat, theme?: ExportTheme): Promise<vscode.Uri | undefined> {
    const target = await vscode.window.showSaveDialog({
      title: `Drift: export the report as ${format.toUpperCase()}`,
      defaultUri: defaultExportUri(report, format),
      filters: format === 'json' ? { 'Drift report (JSON)': ['json'] } : { 'Drift report (HTML)': ['html', 'htm'] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
    return this.export(report, format, target, theme);
  }

  /** Writes the report to `target` (no dialog: the API and tests give the path). Reports failures to the user. */
  async export(report: DriftReport, format: ExportFormat, target: vscode.Uri, theme?: ExportTheme): Promise<vscode.Uri | undefined> {
    try {
      if (target.scheme !== 'file') throw new Error(`can only write to local files, not ${target.scheme}: URIs`);
      const content = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : offlineHtml(report, await this.webviewScript(), theme);
      await writeAtomically(target.fsPath, content);
    } catch (err) {
      const message = `Could not export the report to ${target.fsPath}: ${(err as Error)?.message ?? String(err)}`;
      this.log.error(message);
      void vscode.window.showErrorMessage(`Drift Inspector: ${message}`);
      return undefined;
    }
    this.log.info(`report exported as ${format.toUpperCase()} to ${target.fsPath}`);
    void vscode.window.showInformationMessage(`Drift report saved to ${path.basename(target.fsPath)}.`, 'Open').then((choice) => {
      if (choice) void openExport(target, format);
    });
    return target;
  }

  private webviewScript(): Promise<string> {
    return readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js').fsPath, 'utf8');
  }
}

/** `<current file name without extension>.drift.<format>` beside the current file. */
export function defaultExportUri(report: DriftReport, format: ExportFormat): vscode.Uri {
  const current = report.current.path;
  const name = path.basename(current, path.extname(current));
  return vscode.Uri.file(path.join(path.dirname(current), `${name}.drift.${format}`));
}

async function writeAtomically(target: string, content: string): Promise<void> {
  // Same folder as the target: a rename across file systems would not be atomic (or would fail).
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** JSON opens in an editor; an HTML page in the browser, or as text where no browser can be opened. */
async function openExport(target: vscode.Uri, format: ExportFormat): Promise<void> {
  if (format === 'html' && (await vscode.env.openExternal(target))) return;
  await vscode.commands.executeCommand('vscode.open', target);
}
