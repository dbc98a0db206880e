/** What the integration tests share: the extension's API, the fixture workspace, and waiting for panel messages. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DriftInspectorApi } from '../../src/extension/index';
import type { ToWebview } from '../../src/protocol';

export const EXTENSION_ID = 'drift-inspector.drift-inspector';

export async function api(): Promise<DriftInspectorApi> {
  const ext = vscode.extensions.getExtension<DriftInspectorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'tests run with test/fixtures/workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Where each header name sits on line 1, computed independently of the extension's own header parser. */
export function headerRange(file: vscode.Uri, column: string): vscode.Range {
  const firstLine = readFileSync(file.fsPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const start = firstLine.split(',').indexOf(column);
  assert.ok(start >= 0, `${column} is in the header`);
  const offset = firstLine.split(',').slice(0, start).join(',').length + (start > 0 ? 1 : 0);
  return new vscode.Range(0, offset, 0, offset + column.length);
}

/** Collects every message the extension posts to the panel's webview from now on. */
export function recordPosts(drift: DriftInspectorApi): { messages: ToWebview[]; dispose(): void } {
  const messages: ToWebview[] = [];
  const sub = drift.onDidPost((m) => messages.push(m));
  return { messages, dispose: () => sub.dispose() };
}

/** The first message posted to the webview (from now on) that `match` accepts. */
export function nextPost<T extends ToWebview>(drift: DriftInspectorApi, match: (m: ToWebview) => m is T, timeoutMs = 15000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching message was posted to the panel within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const sub = drift.onDidPost((m) => {
      if (!match(m)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(m);
    });
  });
}

/** Polls until `check` returns a value (diagnostics reach the workbench's marker service asynchronously). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Writes a 10-column CSV (8 numeric, a city, a flag; `shift` moves columns a and d) in a child process: built in the extension host, the strings would be garbage the host collects
 * during the comparison, and that pause would be measured as the comparison's.
 */
export function writeCsvInChild(path: string, rows: number, shift: number): void {
  const script = `
    const lines = ['a,b,c,d,e,f,g,h,city,flag'];
    for (let i = 0; i < ${rows}; i++) {
      const u = ((i * 2654435761) % 1000) / 1000;
      lines.push((u + ${shift}).toFixed(4) + ',' + (i % 97) + ',' + (u * u).toFixed(4) + ',' + ((i % 13) + ${shift}) + ',' + (1 - u).toFixed(3) + ',' + (i % 7) + ',' + (u > 0.5 ? 1 : 0) + ',' + (u * 100).toFixed(1) + ',' + ['berlin', 'lyon', 'osaka'][i % 3] + ',' + (i % 4 === 0));
    }
    require('fs').writeFileSync(${JSON.stringify(path)}, lines.join('\\n') + '\\n');`;
  const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.equal(r.status, 0, String(r.stderr));
}
