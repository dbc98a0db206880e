/**
 * Model-aware drift in a real extension host: a churn model's reference and current files (test/unit/support/
 * modelData.ts) where the concept changed in one region and two features' correlation flipped. The comparison
 * runs in the worker; the report carries label, prediction and performance drift, segments and multivariate drift;
 * the Problems panel gets performance drift on the target's header cell and multivariate drift on line 1; the
 * panel draws the sections and its role picker re-runs the comparison; a suite gives the findings its severities.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { modelCsv, modelRows } from '../unit/support/modelData';
import { api, eventually, headerRange } from './helpers';

describe('Model-aware drift', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'drift-model-'));
  const reference = vscode.Uri.file(join(dir, 'churn-reference.csv'));
  const current = vscode.Uri.file(join(dir, 'churn-current.csv'));
  const config = () => vscode.workspace.getConfiguration('driftInspector');
  /** The workspace's own values, put back afterwards (the fixture workspace sets multivariate.enabled). */
  let saved: { multivariate: unknown; roles: unknown };

  before(async () => {
    saved = {
      multivariate: config().inspect('multivariate.enabled')?.workspaceValue,
      roles: config().inspect('roles')?.workspaceValue,
    };
    writeFileSync(reference.fsPath, modelCsv(modelRows(900, false, 11)));
    writeFileSync(current.fsPath, modelCsv(modelRows(900, true, 12)));
    // The fixture workspace turns multivariate drift off for the column-level tests; these tests are about it.
    await config().update('multivariate.enabled', true, vscode.ConfigurationTarget.Workspace);
    await config().update('roles', { segment: 'region', id: 'customer_id' }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await config().update('multivariate.enabled', saved.multivariate, vscode.ConfigurationTarget.Workspace);
    await config().update('roles', saved.roles, vscode.ConfigurationTarget.Workspace);
  });

  it('reports label, prediction and performance drift, segments and multivariate drift, computed in the worker', async () => {
    const drift = await api();
    const report = await drift.compare(reference, current);
    assert.ok(report?.model, 'the report has a model section');
    const { roles, labelDrift, predictionDrift, performance, segments, multivariate } = report.model;
    assert.deepEqual(
      { target: roles.target, prediction: roles.prediction, score: roles.score, segment: roles.segment, id: roles.id },
      { target: 'label', prediction: 'y_pred', score: 'score', segment: 'region', id: ['customer_id'] },
    );
    assert.equal(report.columns.some((c) => c.name === 'customer_id'), false, 'ids are not tested');
    assert.equal(labelDrift?.drifted, false);
    assert.equal(predictionDrift?.drifted, false);
    assert.equal(performance?.degraded, true);
    assert.equal(performance?.metrics.find((m) => m.metric === 'accuracy')?.degraded, true);
    assert.deepEqual(
      segments?.segments.filter((s) => s.performance?.degraded).map((s) => s.value),
      ['south'],
      'the drop is localised in the south',
    );
    assert.equal(multivariate?.drifted, true);
    assert.equal(report.columns.find((c) => c.name === 'x1')?.drifted, false, 'no single column shows the joint change');
    assert.equal(drift.workerAlive, true);
  });

  it('puts performance drift on the target header cell and multivariate drift on line 1', async () => {
    const diagnostics = await eventually(() => {
      const d = vscode.languages.getDiagnostics(current);
      return d.length >= 2 ? d : undefined;
    }, 'model diagnostics');
    const performance = diagnostics.find((d) => d.code === 'performance_drift');
    assert.ok(performance, diagnostics.map((d) => d.message).join('\n'));
    assert.match(performance.message, /^Performance drift in "label": accuracy /);
    assert.ok(performance.range.isEqual(headerRange(current, 'label')), JSON.stringify(performance.range));
    assert.equal(performance.severity, vscode.DiagnosticSeverity.Warning);
    const multivariate = diagnostics.find((d) => d.code === 'multivariate_drift');
    assert.ok(multivariate);
    assert.match(multivariate.message, /^Multivariate drift: domain classifier ROC-AUC /);
    assert.ok(multivariate.range.isEqual(new vscode.Range(0, 0, 0, 0)));
  });

  it('draws the model sections ahead of the column table', async () => {
    const drift = await api();
    const rendered = await eventually(() => {
      const info = drift.panel.lastRendered;
      return info?.modelSections?.includes('performance') ? info : undefined;
    }, 'the panel to draw the model sections', 30000);
    for (const section of ['roles', 'label', 'prediction', 'performance', 'segments', 'multivariate']) {
      assert.ok(rendered.modelSections?.includes(section), `${section} in ${JSON.stringify(rendered.modelSections)}`);
    }
  });

  it('a role chosen in the panel compares again with it', async () => {
    const drift = await api();
    const before = drift.panel.report?.createdAt;
    await drift.panel.receive({ type: 'setRole', column: 'region', role: null });
    const report = drift.panel.report;
    assert.ok(report && report.createdAt !== before, 'a new comparison ran');
    assert.equal(report.model?.roles.segment, null);
    assert.equal(report.model?.segments, null);
    await drift.panel.receive({ type: 'setRole', column: 'region', role: 'segment' });
    assert.equal(drift.panel.report?.model?.roles.segment, 'region');
    assert.equal(drift.panel.report?.model?.segments?.segments.length, 3);
  });

  it('a suite gives performance drift the severity its file sets', async () => {
    const drift = await api();
    const suiteFile = vscode.Uri.file(join(dir, 'drift-suite.json'));
    writeFileSync(
      suiteFile.fsPath,
      JSON.stringify({
        comparisons: [
          {
            name: 'churn',
            reference: 'churn-reference.csv',
            current: 'churn-current.csv',
            roles: { target: 'label', prediction: 'y_pred', id: 'customer_id' },
            multivariate: false,
            severity: { performance: 'error' },
          },
        ],
      }),
    );
    const suite = await drift.runSuite(suiteFile);
    assert.ok(suite);
    const result = suite.results[0];
    assert.equal(result.error, undefined, result.error?.message);
    assert.deepEqual(result.modelFindings?.map((f) => [f.kind, f.severity]), [['performance', 'error']]);
    assert.equal(result.severity, 'error');
    const problems = await eventually(() => {
      const d = vscode.languages.getDiagnostics(current).filter((x) => x.code === 'performance_drift');
      return d.length ? d : undefined;
    }, 'the suite\'s performance problem');
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    // The Test Explorer mirrors it: the comparison fails, naming the performance drift.
    const run = await eventually(() => drift.suite.lastTestRun, 'the suite\'s test run');
    const comparison = [...run.outcomes.values()].find((o) => o.item.id === result.id);
    assert.equal(comparison?.state, 'failed');
    assert.ok(comparison?.messages.some((m) => /^Performance drift in "label": accuracy /.test(m)), JSON.stringify(comparison?.messages));
  });
});
