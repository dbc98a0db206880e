/**
 * The CLI's drift over time, through the bundle: --over-time in JSON and text, --window/--window-rows/--detectors,
 * their errors, and a suite comparison's `overTime`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { timeCsv, timeRows } from './support/timeData';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'drift-cli-time-'));
const reference = join(dir, 'reference.csv');
const current = join(dir, 'current.csv');
writeFileSync(reference, timeCsv(timeRows(1, false)));
writeFileSync(current, timeCsv(timeRows(2, true)));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('compare --over-time --format json carries the windows, columns over time and change points', () => {
  const { code, stdout, stderr } = run('compare', reference, current, '--over-time', '--format', 'json', '--no-multivariate');
  assert.equal(code, 0, stderr);
  const { overTime } = JSON.parse(stdout);
  assert.equal(overTime.timestamp, 'date');
  assert.equal(overTime.window.kind, 'week');
  assert.equal(overTime.windows.length, 26);
  const x = overTime.columns.find((c: { name: string }) => c.name === 'x');
  assert.equal(x.scores.length, 26);
  assert.equal(x.drifted[0], false);
  assert.equal(x.drifted[25], true);
  const adwin = overTime.detectors.find((d: { detector: string; stream: { kind: string } }) => d.detector === 'adwin' && d.stream.kind === 'error');
  assert.ok(adwin.changePoints.length > 0);
  assert.deepEqual(Object.keys(adwin.changePoints[0]).sort(), ['index', 'row', 'timestamp', 'window']);
});

test('without --over-time there is no over-time section; --window and --detectors shape it', () => {
  assert.equal(JSON.parse(run('compare', reference, current, '--format', 'json', '--no-multivariate').stdout).overTime, undefined);
  const { code, stdout } = run('compare', reference, current, '--window', 'month', '--detectors', 'adwin,page_hinkley', '--detector-column', 'stable', '--no-multivariate');
  assert.equal(code, 0);
  assert.match(stdout, /^drift over time \(by month of date, 7 windows: 2015-01 … 2015-07\):$/m);
  assert.match(stdout, /^ {2}ADWIN on the error stream \(label vs y_pred\): /m);
  assert.match(stdout, /^ {2}Page-Hinkley on "stable": /m);
  assert.doesNotMatch(stdout, /DDM on/);
  const rows = JSON.parse(run('compare', reference, current, '--window', 'rows', '--window-rows', '1000', '--format', 'json', '--no-multivariate').stdout).overTime;
  assert.deepEqual(rows.window, { kind: 'rows', size: 1000 });
  assert.equal(rows.windows[0].label, 'rows 1–1000');
});

test('over-time flags are checked', () => {
  for (const [args, message] of [
    [['--window', 'year'], /--window must be auto, day, week, month, rows, not "year"/],
    [['--detectors', 'adwin,cusum'], /--detectors: "cusum" is not a detector/],
    [['--window-rows', '0'], /--window-rows must be an integer/],
  ] as const) {
    const { code, stderr } = run('compare', reference, current, ...args);
    assert.equal(code, 2);
    assert.match(stderr, message);
  }
});

test('suite: a comparison\'s overTime runs it; the file validates its options', () => {
  writeFileSync(join(dir, 'drift-suite.json'), JSON.stringify({ comparisons: [{ name: 'weekly', reference: 'reference.csv', current: 'current.csv', multivariate: false, overTime: { window: 'week', detectors: ['adwin'] } }] }));
  const { code, stdout, stderr } = run('suite', '--format', 'json', '--fail-on', 'none');
  assert.equal(code, 0, stderr);
  const overTime = JSON.parse(stdout).results[0].report.overTime;
  assert.equal(overTime.windows.length, 26);
  assert.deepEqual([...new Set(overTime.detectors.map((d: { detector: string }) => d.detector))], ['adwin']);
  writeFileSync(join(dir, 'drift-suite.json'), JSON.stringify({ comparisons: [{ name: 'weekly', reference: 'reference.csv', current: 'current.csv', overTime: { window: 'hourly' } }] }));
  const invalid = run('suite');
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /Unknown window "hourly"/);
});
