/**
 * `drift-inspect suite` as CI runs it (the bundled CLI, spawned): each output format, and exit codes 0 (passed),
 * 1 (the gate failed at --fail-on), 2 (invalid suite file, missing files, a comparison that could not run).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const fixtures = join(root, 'test', 'fixtures', 'workspace');

/** A folder with reference.csv, current.csv (age and segment drift), daily/same.csv (= reference) and a suite file. */
function suiteDir(suite: object | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'drift-cli-suite-'));
  mkdirSync(join(dir, 'daily'));
  copyFileSync(join(fixtures, 'reference.csv'), join(dir, 'reference.csv'));
  copyFileSync(join(fixtures, 'current.csv'), join(dir, 'current.csv'));
  copyFileSync(join(fixtures, 'reference.csv'), join(dir, 'daily', 'same.csv'));
  copyFileSync(join(fixtures, 'current.csv'), join(dir, 'daily', 'shifted.csv'));
  writeFileSync(join(dir, 'drift-suite.json'), typeof suite === 'string' ? suite : JSON.stringify(suite, null, 2));
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'suite', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SUITE = {
  comparisons: [
    { name: 'main', reference: 'reference.csv', current: 'current.csv', severity: { drift: 'warning', majorDrift: 'warning', datasetDrift: 'warning' } },
    { name: 'daily', reference: 'reference.csv', current: 'daily/*.csv', exclude: ['city'] },
  ],
};

test('suite --format json: one result per file pair, severities from the suite file', () => {
  const dir = suiteDir(SUITE);
  const { code, stdout } = run(dir, '--format', 'json', '--fail-on', 'none');
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.file, join(dir, 'drift-suite.json'));
  assert.deepEqual(report.results.map((r: { name: string }) => r.name), ['main', 'daily · same.csv', 'daily · shifted.csv']);
  const [main, same, shifted] = report.results;
  assert.equal(main.severity, 'warning', 'main turns every finding into a warning');
  assert.equal(same.severity, 'none');
  assert.equal(shifted.severity, 'error', 'default rules: major drift is an error');
  assert.deepEqual(shifted.columns.map((c: { name: string }) => c.name), ['age', 'income', 'segment'], 'city excluded');
  assert.equal(main.report.columns.find((c: { name: string }) => c.name === 'age').drifted, true);
});

test('suite exit codes: 1 when a finding reaches --fail-on (default error), 0 below it', () => {
  const dir = suiteDir(SUITE);
  assert.equal(run(dir).code, 1);
  assert.equal(run(dir, '--fail-on', 'warning').code, 1);
  const onlyMain = suiteDir({ comparisons: [SUITE.comparisons[0]] });
  assert.equal(run(onlyMain).code, 0, 'warnings pass the default error gate');
  assert.equal(run(onlyMain, '--fail-on', 'warning').code, 1);
  const clean = suiteDir({ comparisons: [{ name: 'same', reference: 'reference.csv', current: 'daily/same.csv' }] });
  assert.equal(run(clean, '--fail-on', 'warning').code, 0);
});

test('suite --format text names each comparison, its findings and what passed', () => {
  const { code, stdout } = run(suiteDir(SUITE), 'drift-suite.json');
  assert.equal(code, 1);
  assert.match(stdout, /^suite: .*drift-suite\.json$/m);
  assert.match(stdout, /^WARNING\s+main: .*reference\.csv → .*current\.csv/m);
  assert.match(stdout, /warning\s+Major drift in "age": KS p=4\.84e-32 < 0\.05/);
  assert.match(stdout, /^ok\s+daily · same\.csv/m);
  assert.match(stdout, /^ERROR\s+daily · shifted\.csv/m);
});

test('suite --format junit: one testsuite per pair, one testcase per column, failures at the gate', () => {
  const { code, stdout } = run(suiteDir(SUITE), '--format', 'junit', '--fail-on', 'warning');
  assert.equal(code, 1);
  assert.match(stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  const suites = [...stdout.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)].map((m) => [m[1], +m[2], +m[3], +m[4]]);
  // main: 4 columns + dataset row + multivariate row, age/segment/dataset/multivariate fail; same: 3 columns pass;
  // shifted: 3 columns + dataset row + multivariate row.
  assert.deepEqual(suites, [['main', 6, 4, 0], ['daily · same.csv', 3, 0, 0], ['daily · shifted.csv', 5, 4, 0]]);
  assert.match(stdout, /<testcase classname="main" name="\(multivariate\)">\n\s+<failure message="Multivariate drift: domain classifier ROC-AUC /);
  assert.match(stdout, /<testcase classname="main" name="age">\n\s+<failure message="Major drift in &quot;age&quot;: KS p=4\.84e-32 &lt; 0\.05/);
  assert.match(stdout, /<testsuites [^>]*tests="14" failures="8" errors="0"/);
  const passing = run(suiteDir(SUITE), '--format', 'junit', '--fail-on', 'none').stdout;
  assert.ok(!passing.includes('<failure'), 'nothing fails with --fail-on none');
});

test('suite --format html: the offline page embeds the suite report', () => {
  const { stdout } = run(suiteDir(SUITE), '--format', 'html', '--fail-on', 'none');
  const open = '<script type="application/json" id="drift-report">';
  const json = stdout.slice(stdout.indexOf(open) + open.length, stdout.indexOf('</script>', stdout.indexOf(open)));
  const report = JSON.parse(json);
  assert.equal(report.results.length, 3);
  assert.match(stdout, /<title>Drift suite: drift-suite\.json<\/title>/);
});

test('suite exit 2: an invalid suite file names the file, line and column of each problem', () => {
  const text = '{\n  "comparisons": [\n    { "name": "a", "reference": "reference.csv", "current": "current.csv",\n      "tests": { "age": { "test": "kss" } } }\n  ]\n}';
  const dir = suiteDir(text);
  const { code, stdout, stderr } = run(dir);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  const column = text.split('\n')[3].indexOf('"kss"') + 1;
  assert.ok(stderr.includes(`${join(dir, 'drift-suite.json')}:4:${column}: Unknown test "kss"`), stderr);
});

test('suite exit 2: a missing reference or a glob matching nothing points at the suite file; a missing suite file too', () => {
  const dir = suiteDir({ comparisons: [{ name: 'a', reference: 'nope.csv', current: 'current.csv' }, { name: 'b', reference: 'reference.csv', current: 'weekly/*.csv' }] });
  const { code, stderr } = run(dir);
  assert.equal(code, 2);
  assert.match(stderr, /drift-suite\.json:\d+:\d+: Reference file not found: nope\.csv/);
  assert.match(stderr, /drift-suite\.json:\d+:\d+: Current file weekly\/\*\.csv: matches no file/);
  const none = run(mkdtempSync(join(tmpdir(), 'drift-cli-empty-')));
  assert.equal(none.code, 2);
  assert.match(none.stderr, /drift-suite\.json: cannot read the suite file/);
});

test('suite exit 2: a comparison that cannot run is reported as errored; the others still ran', () => {
  const dir = suiteDir({ comparisons: [{ name: 'bad', reference: 'reference.csv', current: 'broken.csv' }, { name: 'good', reference: 'reference.csv', current: 'daily/same.csv' }] });
  writeFileSync(join(dir, 'broken.csv'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7]));
  const { code, stdout, stderr } = run(dir, '--format', 'json');
  assert.equal(code, 2);
  const report = JSON.parse(stdout);
  assert.equal(report.results[0].severity, 'error');
  assert.match(report.results[0].error.message, /broken\.csv/);
  assert.equal(report.results[1].severity, 'none');
  assert.match(stderr, /bad: .*broken\.csv/);
});

test('suite: bad arguments exit 2 with usage', () => {
  for (const args of [['--format', 'xml'], ['--fail-on', 'fatal'], ['a.json', 'b.json'], ['--fail-on-drift']]) {
    const r = run(tmpdir(), ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /Usage: drift-inspect compare/);
  }
});
