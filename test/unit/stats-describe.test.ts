/**
 * The quantile table's numbers against NumPy / pandas (test/fixtures/scipy/generate_describe.py):
 * np.quantile's default method and pandas' describe() (sample std), on the finite values only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeSorted, sortedFinite, type Description } from '../../src/core/stats';
import { close, genSample, type Recipe, SCIPY_FIXTURES } from './support/fixtures';

interface Case {
  values?: (number | string)[];
  recipe?: Recipe;
  expected: Record<keyof Description, number | null>;
}

const fx = JSON.parse(readFileSync(join(SCIPY_FIXTURES, 'describe.json'), 'utf8')) as { cases: Case[] };

for (const [i, c] of fx.cases.entries()) {
  const name = c.recipe ? `${c.recipe.gen} n=${c.recipe.n}` : `inline ${JSON.stringify(c.values).slice(0, 40)}`;
  test(`describeSorted matches NumPy quantiles and pandas describe: case ${i} (${name})`, () => {
    const raw = c.recipe ? genSample(c.recipe) : Float64Array.from(c.values!, Number);
    const got = describeSorted(sortedFinite(raw));
    for (const [key, want] of Object.entries(c.expected) as [keyof Description, number | null][]) {
      if (want === null) assert.ok(Number.isNaN(got[key]), `${key}: got ${got[key]}, want NaN`);
      else close(got[key], want, 'describe', `case ${i} ${key}`);
    }
  });
}

test('describeSorted of no values is all NaN with count 0', () => {
  const d = describeSorted(new Float64Array(0));
  assert.equal(d.count, 0);
  for (const k of ['min', 'p5', 'median', 'max', 'mean', 'std'] as const) assert.ok(Number.isNaN(d[k]), k);
});
