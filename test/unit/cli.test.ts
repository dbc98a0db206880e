import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

// Runs the bundled CLI exactly as users do (`npm test` builds dist/ before the unit tests).
const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');
const reference = join(workspace, 'reference.csv');
const current = join(workspace, 'current.csv');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('compare --format json prints one report object', () => {
  const { code, stdout } = run('compare', reference, current, '--format', 'json');
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.reference.path, reference);
  assert.equal(report.current.path, current);
  assert.ok(report.reference.rows > 0 && report.current.rows > 0);
  assert.equal(typeof report.datasetDrift, 'boolean');
  const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
  assert.equal(byName.age.test, 'ks');
  assert.equal(byName.age.drifted, true);
  assert.ok(byName.age.pValue < 1e-6);
  assert.equal(byName.income.drifted, false);
  assert.equal(byName.segment.test, 'chi2');
  assert.equal(byName.segment.drifted, true);
  assert.equal(byName.city.drifted, false);
});

test('--fail-on-drift exits 1 on dataset drift, text output names each column', () => {
  const { code, stdout } = run('compare', reference, current, '--fail-on-drift');
  assert.equal(code, 1);
  assert.match(stdout, /dataset drift: YES/);
  assert.match(stdout, /^age\s+numeric\s+ks\s.*DRIFT/m);
  const same = run('compare', reference, reference, '--fail-on-drift');
  assert.equal(same.code, 0);
  assert.match(same.stdout, /dataset drift: no \(0 of/);
});

test('unreadable input exits 2 with a message naming the file', () => {
  const missing = join(workspace, 'no-such-file.csv');
  const { code, stderr } = run('compare', reference, missing);
  assert.equal(code, 2);
  assert.match(stderr, /no-such-file\.csv/);
  const dir = mkdtempSync(join(tmpdir(), 'drift-cli-'));
  const ragged = join(dir, 'ragged.csv');
  writeFileSync(ragged, 'a,b\n1,2\n3\n');
  const r = run('compare', reference, ragged);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /ragged\.csv/);
  assert.match(r.stderr, /line 3/);
});

test('bad arguments exit 2 with usage', () => {
  for (const args of [['compare', reference], ['frobnicate'], ['compare', reference, current, '--format', 'xml'], ['compare', reference, current, '--bogus']]) {
    const { code, stderr } = run(...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /Usage: drift-inspect/);
  }
  assert.equal(run('--help').code, 0);
});

test('--test, --column and --correction override the suite; bad values exit 2 naming the problem', () => {
  const { code, stdout } = run('compare', reference, current, '--format', 'json', '--test', 'numeric=psi', '--column', 'age=anderson:0.01', '--column', 'city=:0.5', '--correction', 'bh');
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
  assert.equal(report.correction, 'benjamini_hochberg');
  assert.equal(byName.age.test, 'anderson');
  assert.equal(byName.age.threshold, 0.01);
  assert.equal(byName.income.test, 'psi');
  assert.equal(byName.city.test, 'chi2');
  assert.equal(byName.city.threshold, 0.5);
  for (const c of report.columns) if (c.testKind === 'p_value') assert.ok(c.adjustedPValue >= c.pValue);

  const bad = run('compare', reference, current, '--test', 'numeric=bogus');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--test: unknown test "bogus" \(known: ks, chi2/);
  const badType = run('compare', reference, current, '--test', 'numbers=ks');
  assert.equal(badType.code, 2);
  assert.match(badType.stderr, /unknown column type "numbers"/);
  assert.equal(run('compare', reference, current, '--correction', 'holm').code, 2);
});

test('--column-type, --null-tokens and --ragged-rows shape how files are read; the report says what was skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drift-cli-read-'));
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, 'zip,score,score\n00501,1,x\n02134,2,y\n00501,-,z\n');
  writeFileSync(b, 'zip,score,score\n00501,1,x\n02134,2\n90210,3,y\n');
  const strict = run('compare', a, b);
  assert.equal(strict.code, 2);
  assert.match(strict.stderr, /b\.csv: line 3 has 2 fields but the header has 3/);

  const { code, stdout } = run('compare', a, b, '--format', 'json', '--ragged-rows', 'skip', '--column-type', 'zip=categorical', '--null-tokens', '-');
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.current.skippedRows, 1);
  assert.deepEqual(report.current.skippedRowLines, [3]);
  assert.deepEqual(report.reference.renamedColumns, [{ from: 'score', to: 'score_2' }]);
  const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
  assert.equal(byName.zip.type, 'categorical');
  assert.deepEqual(byName.zip.findings, [{ kind: 'new_categories', values: ['90210'], count: 1 }, { kind: 'vanished_categories', values: ['02134'], count: 1 }]);
  assert.equal(byName.score.type, 'numeric', '"-" is a null token, so score stays numeric');
  assert.equal(byName.score.referenceNonNull, 2);

  const text = run('compare', a, b, '--ragged-rows', 'skip');
  assert.match(text.stdout, /note: .*b\.csv: skipped 1 malformed rows \(lines 3\)/);
  assert.match(text.stdout, /note: .*a\.csv: column "score" renamed to "score_2"/);
  assert.equal(run('compare', a, b, '--column-type', 'zip=zipcode').code, 2);
});

test('a crash outside any promise still exits 2 (never 1, which means drift)', () => {
  // Preloading a module that throws on the next tick simulates a library panicking outside its promise.
  const dir = mkdtempSync(join(tmpdir(), 'drift-cli-crash-'));
  const bomb = join(dir, 'bomb.js');
  writeFileSync(bomb, "setImmediate(() => { throw new Error('simulated panic'); });\n");
  const r = spawnSync(process.execPath, ['--require', bomb, cli, 'compare', reference, current], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /drift-inspect: unexpected failure: Error: simulated panic/);
});

test('compare --format html prints one offline page: the panel script inlined, the report embedded', () => {
  const { code, stdout } = run('compare', reference, current, '--format', 'html');
  assert.equal(code, 0);
  assert.match(stdout, /^<!DOCTYPE html>/);
  assert.match(stdout, /Content-Security-Policy" content="default-src 'none'/);
  const open = '<script type="application/json" id="drift-report">';
  const json = stdout.slice(stdout.indexOf(open) + open.length, stdout.indexOf('</script>', stdout.indexOf(open)));
  const report = JSON.parse(json);
  assert.equal(report.current.path, current);
  assert.equal(report.columns.find((c: { name: string }) => c.name === 'age').drifted, true);
  // The bundle is inlined (no src= to load), so the page works from a file or an e-mail attachment.
  assert.ok(!/<script[^>]* src=/.test(stdout), 'no external script');
  const inline = stdout.slice(stdout.lastIndexOf('<script nonce='));
  assert.ok(inline.length > 50_000, `the panel bundle is inlined (${inline.length} chars)`);
});
