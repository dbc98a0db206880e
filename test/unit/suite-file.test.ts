/**
 * drift-suite.json: parsing and validation with places in the file, the JSON schema the editor validates with
 * (media/drift-suite.schema.json) agreeing with the validator, glob expansion, settings precedence, severities,
 * and the runner keeping one failed comparison from taking the others down.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { compareTables } from '../../src/core/suite/compare';
import type { DriftReport } from '../../src/core/suite/report';
import { expandSuite, judgeComparison, parseSuiteFile, runSuite, suiteOptionsFor } from '../../src/core/suite/suiteApi';
import { num, table } from './support/tables';

const root = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'media', 'drift-suite.schema.json'), 'utf8'));

const parse = (text: string) => parseSuiteFile('/w/drift-suite.json', text);
const problemAt = (text: string, needle: RegExp) => {
  const file = parse(text);
  const p = file.problems.find((x) => needle.test(x.message));
  assert.ok(p, `no problem matching ${needle}: ${JSON.stringify(file.problems.map((x) => x.message))}`);
  return p!;
};

test('suite file: comments and trailing commas are allowed; values come through', () => {
  const file = parse(`{
    // the nightly checks
    "defaults": { "pValueThreshold": 0.01, "severity": { "drift": "info" } },
    "comparisons": [
      { "name": "a", "reference": "r.csv", "current": "c/*.csv", "tests": { "age": { "test": "psi", "threshold": 0.2 } }, },
    ],
  }`);
  assert.deepEqual(file.problems, []);
  assert.equal(file.spec.defaults?.pValueThreshold, 0.01);
  assert.equal(file.spec.comparisons[0].tests?.age.test, 'psi');
  assert.equal(file.comparisonLocations[0].line, 5);
});

test('suite file: an unknown test id points at its value: line, column and JSON path', () => {
  const text = '{\n  "comparisons": [\n    { "name": "a", "reference": "r.csv", "current": "c.csv",\n      "tests": { "age": { "test": "kss" } } }\n  ]\n}';
  const p = problemAt(text, /Unknown test "kss"/);
  assert.equal(p.location.line, 4);
  assert.equal(p.location.column, text.split('\n')[3].indexOf('"kss"') + 1);
  assert.deepEqual(p.location.path, ['comparisons', 0, 'tests', 'age', 'test']);
  assert.match(p.message, /expected one of ks, chi2/);
});

test('suite file: missing required keys, wrong types, out-of-range numbers, misspelt keys, duplicate names', () => {
  assert.deepEqual(problemAt('{ "comparisons": [ { "name": "a", "current": "c.csv" } ] }', /Missing "reference"/).location.path, ['comparisons', 0]);
  assert.match(problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c", "pValueThreshold": "0.05" } ] }', /Expected a number/).message, /string "0.05"/);
  assert.match(problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c", "pValueThreshold": 5 } ] }', /greater than 0 to 1/).message, /found 5/);
  assert.match(problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c", "refrence": "x" } ] }', /Unknown setting "refrence"/).message, /did you mean "reference"/);
  assert.match(problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c", "severity": { "drift": "fatal" } } ] }', /Unknown severity "fatal"/).message, /none, info, warning, error/);
  assert.match(problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c", "testsByType": { "number": {} } } ] }', /Unknown column type "number"/).message, /numeric/);
  const dup = problemAt('{ "comparisons": [ { "name": "a", "reference": "r", "current": "c" }, { "name": "a", "reference": "r", "current": "d" } ] }', /already named "a"/);
  assert.deepEqual(dup.location.path, ['comparisons', 1, 'name']);
  problemAt('{ "comparisons": [] }', /lists no comparisons/);
  problemAt('{ "defaults": {} }', /Missing "comparisons"/);
});

test('suite file: broken JSON is reported at the place it breaks', () => {
  const p = problemAt('{\n  "comparisons": [\n    { "name": "a" "reference": "r" }\n  ]\n}', /Not valid JSON/);
  assert.equal(p.location.line, 3);
});

test('the JSON schema and the validator accept the same keys', () => {
  const comparisonKeys = Object.keys(schema.properties.comparisons.items.properties);
  const defaultKeys = Object.keys(schema.properties.defaults.properties);
  const sample: Record<string, unknown> = {
    pValueThreshold: 0.01, distanceThreshold: 0.2, datasetDriftShare: 0.3, correction: 'bonferroni', psiMajorThreshold: 0.3,
    majorEffectSize: 0.4, allowedDrop: 0.2, multivariate: false, overTime: { window: 'week', detectors: ['adwin'] }, bins: 12, missingAsCategory: true, maxRows: 1000, nullTokens: ['-'], testsByType: { numeric: { test: 'ks' } },
    tests: { age: { threshold: 0.01 } }, severity: { drift: 'error' }, name: 'n', reference: 'r', current: 'c', include: ['a*'],
    exclude: ['id'], roles: { target: 'y', score: 'p', task: 'classification', id: ['id'] },
  };
  for (const key of comparisonKeys) assert.ok(key in sample, `schema key ${key} has no sample value in this test`);
  const comparison = Object.fromEntries(comparisonKeys.map((k) => [k, sample[k]]));
  const defaults = Object.fromEntries(defaultKeys.map((k) => [k, sample[k]]));
  assert.deepEqual(parse(JSON.stringify({ $schema: 'x', defaults, comparisons: [comparison] })).problems, []);
  assert.deepEqual(schema.properties.comparisons.items.required, ['name', 'reference', 'current']);
  // Keys the schema does not list are refused by the validator too.
  problemAt(JSON.stringify({ comparisons: [{ ...comparison, extra: 1 }] }), /Unknown setting "extra"/);
  problemAt(JSON.stringify({ defaults: { name: 'x' }, comparisons: [comparison] }), /Unknown setting "name"/);
  const testEnum: string[] = schema.definitions.testChoice.properties.test.enum;
  for (const id of testEnum) assert.deepEqual(parse(JSON.stringify({ comparisons: [{ ...comparison, tests: { a: { test: id } } }] })).problems, [], id);
});

test('expandSuite: a glob compares each match (sorted, never the reference itself); missing files point at the place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drift-suite-'));
  mkdirSync(join(dir, 'daily'));
  for (const f of ['ref.csv', 'daily/b.csv', 'daily/a.csv', 'daily/notes.txt']) writeFileSync(join(dir, f), 'x\n1\n');
  const text = JSON.stringify(
    {
      comparisons: [
        { name: 'daily', reference: 'ref.csv', current: 'daily/*.csv' },
        { name: 'self', reference: 'ref.csv', current: '*.csv' },
        { name: 'gone', reference: 'nope.csv', current: 'daily/a.csv' },
        { name: 'none', reference: 'ref.csv', current: 'weekly/*.csv' },
      ],
    },
    null,
    2,
  );
  const file = parseSuiteFile(join(dir, 'drift-suite.json'), text);
  const plan = await expandSuite(file);
  assert.deepEqual(plan.tasks.map((t) => t.name), ['daily · a.csv', 'daily · b.csv']);
  assert.equal(plan.tasks[0].currentPath, join(dir, 'daily', 'a.csv'));
  assert.equal(plan.tasks[0].referencePath, join(dir, 'ref.csv'));
  assert.equal(plan.problems.length, 2);
  assert.match(plan.problems[0].message, /Reference file not found: nope\.csv/);
  assert.deepEqual(plan.problems[0].location.path, ['comparisons', 2, 'reference']);
  assert.equal(plan.problems[0].location.line, text.split('\n').findIndex((l) => l.includes('nope.csv')) + 1);
  assert.match(plan.problems[1].message, /weekly\/\*\.csv: matches no file/);
});

const ramp = (n: number, shift: number) => Array.from({ length: n }, (_, i) => i + shift);

test('suiteOptionsFor: settings < the file\'s defaults < the comparison; id columns are excluded', () => {
  const file = parse(JSON.stringify({
    defaults: { pValueThreshold: 0.01, tests: { a: { test: 'psi' } } },
    comparisons: [{ name: 'x', reference: 'r', current: 'c', distanceThreshold: 0.3, tests: { b: { test: 'ks' } }, exclude: ['tmp_*'], roles: { id: 'user_id' } }],
  }));
  const o = suiteOptionsFor(file, 0, { pValueThreshold: 0.05, distanceThreshold: 0.1, datasetDriftShare: 0.7, byColumn: { c: { test: 'kl' } } });
  assert.equal(o.pValueThreshold, 0.01);
  assert.equal(o.distanceThreshold, 0.3);
  assert.equal(o.datasetDriftShare, 0.7);
  assert.deepEqual(o.byColumn, { c: { test: 'kl' }, a: { test: 'psi' }, b: { test: 'ks' } });
  assert.deepEqual(o.exclude, ['tmp_*']);
  assert.deepEqual(o.model?.roles, { id: 'user_id' });
  const t = table([num('user_id', ramp(50, 0)), num('f_a', ramp(50, 0)), num('tmp_x', ramp(50, 0))]);
  const compared = compareTables(t, t, o);
  assert.deepEqual(compared.columns.map((c) => c.name), ['f_a'], 'id columns are never tested');
  assert.deepEqual(compared.model?.roles.id, ['user_id']);
});

test('compareTables: include and exclude take names and globs', () => {
  const t = table([num('user_id', ramp(50, 0)), num('f_a', ramp(50, 0)), num('f_b', ramp(50, 0)), num('tmp_x', ramp(50, 0))]);
  const names = (o: Parameters<typeof compareTables>[2]) => compareTables(t, t, o).columns.map((c) => c.name);
  assert.deepEqual(names({ include: ['f_*'] }), ['f_a', 'f_b']);
  assert.deepEqual(names({ exclude: ['user_id', 'tmp_?'] }), ['f_a', 'f_b']);
  assert.deepEqual(names({ include: ['f_?', 'user_id'], exclude: ['f_b'] }), ['user_id', 'f_a']);
});

test('judgeComparison: drift, major drift (PSI or effect size), schema changes and dataset drift get their rule\'s severity', () => {
  // 2,000 rows: the default test is the normalised Wasserstein distance (drift at 0.1; major at effect size 0.25).
  const ref = table([num('same', ramp(2000, 0)), num('small', ramp(2000, 0)), num('big', ramp(2000, 0)), num('gone', ramp(2000, 0))]);
  const cur = table([num('same', ramp(2000, 0)), num('small', ramp(2000, 100)), num('big', ramp(2000, 1500))]);
  const report = compareTables(ref, cur);
  const j = judgeComparison(report);
  const by = Object.fromEntries(j.columns.map((c) => [c.name, c]));
  assert.equal(by.same.severity, 'none');
  assert.equal(by.small.severity, 'warning', by.small.message);
  assert.equal(by.small.major, false);
  assert.equal(by.big.severity, 'error');
  // A shift of 1500 over a ramp whose standard deviation is sqrt((2000² − 1) / 12) ≈ 577.35: 2.598 standard deviations.
  assert.match(by.big.message, /^Major drift in "big": Wasserstein \(normed\) 2\.598 ≥ 0\.1$/);
  assert.equal(by.gone.severity, 'warning');
  assert.equal(j.severity, 'error');
  const relaxed = judgeComparison(report, { majorDrift: 'warning', schemaChange: 'none', datasetDrift: 'info' }, 10);
  assert.equal(relaxed.severity, 'warning');
  assert.equal(Object.fromEntries(relaxed.columns.map((c) => [c.name, c])).gone.severity, 'none');
});

test('runSuite: one comparison that fails is errored; the others still run; order kept with concurrency', async () => {
  const file = parse(JSON.stringify({ comparisons: [{ name: 'a', reference: 'r', current: 'c' }] }));
  const t = table([num('x', ramp(100, 0))]);
  const ok: DriftReport = compareTables(t, t);
  const tasks = ['one', 'two', 'three'].map((name, i) => ({ id: `0:${name}`, name, comparison: 'a', comparisonIndex: 0, referencePath: '/r', currentPath: `/c${i}` }));
  const seen: string[] = [];
  const report = await runSuite(file, tasks, {
    concurrency: 2,
    compare: async (task) => {
      await new Promise((r) => setTimeout(r, task.name === 'one' ? 30 : 1));
      if (task.name === 'two') throw Object.assign(new Error('bad file'), { path: '/c1', line: 7 });
      return ok;
    },
    onResult: (r) => seen.push(r.name),
  });
  assert.deepEqual(report.results.map((r) => r.name), ['one', 'two', 'three']);
  assert.deepEqual(seen.sort(), ['one', 'three', 'two']);
  assert.equal(report.results[1].severity, 'error');
  assert.deepEqual(report.results[1].error, { message: 'bad file', path: '/c1', line: 7 });
  assert.equal(report.results[0].severity, 'none');
  assert.equal(report.counts.errored, 1);
  assert.equal(report.counts.columns.none, 2);
  assert.equal(report.severity, 'error');
});
