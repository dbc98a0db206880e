/**
 * Drift over time in a real extension host: a 26-week current file whose `x` shifts and whose model errors rise from
 * week 15 (test/unit/support/timeData.ts). The worker's report carries weekly windows and the detectors' change
 * points; the panel draws the section; the setting turns it off.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CHANGE, timeCsv, timeRows } from '../unit/support/timeData';
import { api, eventually } from './helpers';

describe('Drift over time', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'drift-time-'));
  const reference = vscode.Uri.file(join(dir, 'weekly-reference.csv'));
  const current = vscode.Uri.file(join(dir, 'weekly-current.csv'));
  const config = () => vscode.workspace.getConfiguration('driftInspector');

  before(() => {
    writeFileSync(reference.fsPath, timeCsv(timeRows(1, false)));
    writeFileSync(current.fsPath, timeCsv(timeRows(2, true)));
  });

  it('windows the current file by week of its date column and finds when the model\'s errors rose', async () => {
    const drift = await api();
    const report = await drift.compare(reference, current);
    const overTime = report?.overTime;
    assert.ok(overTime, 'the report has drift over time (on by default in the extension)');
    assert.equal(overTime.timestamp, 'date');
    assert.equal(overTime.window.kind, 'week');
    assert.equal(overTime.windows.length, 26);
    const x = overTime.columns.find((c) => c.name === 'x');
    const first = x?.drifted.indexOf(true) ?? -1;
    assert.equal(overTime.windows[first]?.start, CHANGE, 'x drifts from the week of the change');
    const adwin = overTime.detectors.find((d) => d.detector === 'adwin' && d.stream.kind === 'error');
    assert.ok(adwin?.changePoints.some((c) => c.timestamp !== null && c.timestamp >= CHANGE), JSON.stringify(adwin?.changePoints));
  });

  it('draws the drift-over-time section in the panel', async () => {
    const drift = await api();
    const rendered = await eventually(() => {
      const info = drift.panel.lastRendered;
      return info?.modelSections?.includes('overTime') ? info : undefined;
    }, 'the panel to draw drift over time', 30000);
    assert.ok(rendered.modelSections?.includes('overTime'));
  });

  it('is left out when the setting turns it off', async () => {
    const drift = await api();
    const saved = config().inspect('overTime.enabled')?.workspaceValue;
    await config().update('overTime.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const report = await drift.compare(reference, current);
      assert.ok(report);
      assert.equal(report.overTime, undefined);
    } finally {
      await config().update('overTime.enabled', saved, vscode.ConfigurationTarget.Workspace);
    }
  });
});
