/**
 * The extension host stays responsive during a comparison: the heavy work is in the worker (and its reader thread),
 * so the host's event loop is measured (monitorEventLoopDelay) while a 200,000-row, 10-column pair is compared and
 * its report drawn. The value is printed for the README's Performance section; a timing goal is not asserted here.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api } from './helpers';

function csv(rows: number, shift: number): string {
  const lines = ['a,b,c,d,e,f,g,h,city,flag'];
  for (let i = 0; i < rows; i++) {
    const u = ((i * 2654435761) % 1000) / 1000;
    lines.push(`${(u + shift).toFixed(4)},${i % 97},${(u * u).toFixed(4)},${(i % 13) + shift},${(1 - u).toFixed(3)},${i % 7},${u > 0.5 ? 1 : 0},${(u * 100).toFixed(1)},${['berlin', 'lyon', 'osaka'][i % 3]},${i % 4 === 0}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('Extension host responsiveness', function () {
  this.timeout(120000);

  it('measures the longest event-loop delay of the host during a 200,000-row comparison', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-lag-'));
    const reference = vscode.Uri.file(join(dir, 'lag-reference.csv'));
    const current = vscode.Uri.file(join(dir, 'lag-current.csv'));
    writeFileSync(reference.fsPath, csv(200_000, 0));
    writeFileSync(current.fsPath, csv(200_000, 0.1));
    const drift = await api();
    const report = await drift.compare(reference, current);
    assert.ok(report, 'the comparison ran');
    assert.equal(report.current.rows, 200_000);
    const lag = drift.lastHostLagMs;
    assert.ok(typeof lag === 'number' && Number.isFinite(lag) && lag > 0, `measured: ${lag}`);
    console.log(`      extension host: longest event-loop delay during a 2 × 200,000-row comparison: ${lag.toFixed(1)} ms`);
  });
});
