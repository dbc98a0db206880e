/**
 * The CLI's model-aware output, through the bundle as users run it: roles from flags and names, the JSON report's
 * model section, the text sections, the flags' errors, and a suite's performance finding in JUnit and its gate.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args';
import { modelCsv, modelRows } from './support/modelData';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'drift-cli-model-'));
const reference = join(dir, 'reference.csv');
const current = join(dir, 'current.csv');
writeFileSync(reference, modelCsv(modelRows(600, false, 21)));
writeFileSync(current, modelCsv(modelRows(600, true, 22)));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('compare --format json carries roles, label/prediction drift, performance, segments and multivariate drift', () => {
  const { code, stdout, stderr } = run('compare', reference, current, '--format', 'json', '--role', 'id=customer_id', '--role', 'segment=region');
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout);
  assert.equal(report.model.roles.target, 'label');
  assert.deepEqual(report.model.roles.id, ['customer_id']);
  assert.equal(report.model.labelDrift.name, 'label');
  assert.equal(report.model.predictionDrift.name, 'y_pred');
  assert.equal(report.model.performance.degraded, true);
  assert.equal(report.model.segments.segments.length, 3);
  assert.equal(typeof report.model.multivariate.drifted, 'boolean');
  assert.equal(report.columns.find((c: { name: string }) => c.name === 'label').role, 'target');
});

test('compare text output has the model sections ahead of the column table', () => {
  const { code, stdout } = run('compare', reference, current, '--role', 'id=customer_id', '--no-multivariate', '--segments', '0', '--allowed-drop', '0.05');
  assert.equal(code, 0);
  const lines = stdout.split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  assert.ok(at(/^roles: target label \(inferred\), prediction y_pred \(inferred\), score score \(inferred\), id customer_id; task classification$/) > 0, stdout);
  assert.ok(at(/^label drift \(label\): no drift$/) > 0);
  assert.ok(at(/^performance \(classification, label vs y_pred, 600 and 600 rows\): DEGRADED$/) > 0);
  assert.ok(at(/^ {2}✗ accuracy 0\.\d+ → 0\.\d+ \(.*allowed 5%/) > 0);
  assert.equal(at(/^segments by/), -1, '--segments 0 analyses none');
  assert.equal(at(/^multivariate drift/), -1, '--no-multivariate skips it');
  assert.ok(at(/^performance/) < at(/^column\s+type/), 'model sections come before the column table');
  assert.ok(at(/^label \[target\]/) > at(/^column\s+type/));
});

test('model flags: values are checked, roles accumulate ids', () => {
  const args = parseArgs(['compare', 'a.csv', 'b.csv', '--role', 'target=y', '--role', 'id=a', '--role', 'id=b', '--task', 'regression', '--no-infer-roles', '--bootstrap', '0']);
  assert.equal(args.command, 'compare');
  if (args.command !== 'compare') return;
  assert.deepEqual(args.suite.model, { roles: { target: 'y', id: ['a', 'b'], task: 'regression' }, inferRoles: false, bootstrap: 0 });
  assert.throws(() => parseArgs(['compare', 'a', 'b', '--role', 'owner=y']), (e: Error) => e instanceof UsageError && /"owner" is not a role/.test(e.message));
  assert.throws(() => parseArgs(['compare', 'a', 'b', '--role', 'target']), /ROLE=COLUMN/);
  assert.throws(() => parseArgs(['compare', 'a', 'b', '--task', 'ranking']), /--task must be classification, regression, transcription/);
  assert.throws(() => parseArgs(['compare', 'a', 'b', '--bootstrap', '-1']), /--bootstrap must be an integer/);
  const { code, stderr } = run('compare', reference, current, '--role', 'owner=x');
  assert.equal(code, 2);
  assert.match(stderr, /"owner" is not a role/);
});

test('suite: a performance finding is a JUnit test case and gates CI at its severity', () => {
  writeFileSync(
    join(dir, 'drift-suite.json'),
    JSON.stringify({
      comparisons: [
        {
          name: 'churn',
          reference: 'reference.csv',
          current: 'current.csv',
          roles: { id: 'customer_id' },
          multivariate: false,
          severity: { performance: 'error', drift: 'info', majorDrift: 'info', datasetDrift: 'info' },
        },
      ],
    }),
  );
  const junit = run('suite', '--format', 'junit');
  assert.equal(junit.code, 1, junit.stderr);
  assert.match(junit.stdout, /<testcase classname="churn" name="\(performance\)">\n\s+<failure message="Performance drift in &quot;label&quot;: accuracy /);
  const text = run('suite', '--fail-on', 'none');
  assert.equal(text.code, 0);
  assert.match(text.stdout, /error\s+Performance drift in "label"/);
  writeFileSync(
    join(dir, 'drift-suite.json'),
    JSON.stringify({ comparisons: [{ name: 'churn', reference: 'reference.csv', current: 'current.csv', roles: { task: 'ranking' } }] }),
  );
  const invalid = run('suite');
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr + invalid.stdout, /drift-suite\.json:1:\d+/);
});
