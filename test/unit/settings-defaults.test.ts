/**
 * The defaults VS Code shows in the Settings editor (package.json) are the ones the core applies when a setting is
 * absent: a user reading the settings sees what the CLI and the suite runner really use.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { NULL_TOKENS } from '../../src/core/io/infer';
import { DEFAULTS } from '../../src/core/suite/compare';

const pkg = JSON.parse(readFileSync(join(resolve(__dirname, '../../..'), 'package.json'), 'utf8'));
const setting = (name: string) => pkg.contributes.configuration.properties[`driftInspector.${name}`];

test('settings defaults equal the core defaults', () => {
  assert.equal(setting('pValueThreshold').default, DEFAULTS.pValueThreshold);
  assert.equal(setting('distanceThreshold').default, DEFAULTS.distanceThreshold);
  assert.equal(setting('datasetDriftShare').default, DEFAULTS.datasetDriftShare);
  assert.equal(setting('correction').default, DEFAULTS.correction);
  assert.equal(setting('psiMajorThreshold').default, DEFAULTS.psiMajorThreshold);
  assert.deepEqual(setting('nullTokens').default, NULL_TOKENS.filter((t) => t !== ''), 'the empty cell is always missing, listed or not');
});

test('every setting has a description', () => {
  for (const [name, spec] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
    assert.ok(spec.description || spec.markdownDescription, `${name} has no description`);
  }
});
