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
import { MODEL_DEFAULTS } from '../../src/core/suite/model';

const pkg = JSON.parse(readFileSync(join(resolve(__dirname, '../../..'), 'package.json'), 'utf8'));
const setting = (name: string) => pkg.contributes.configuration.properties[`driftInspector.${name}`];

test('settings defaults equal the core defaults', () => {
  assert.equal(setting('pValueThreshold').default, DEFAULTS.pValueThreshold);
  assert.equal(setting('distanceThreshold').default, DEFAULTS.distanceThreshold);
  assert.equal(setting('datasetDriftShare').default, DEFAULTS.datasetDriftShare);
  assert.equal(setting('correction').default, DEFAULTS.correction);
  assert.equal(setting('psiMajorThreshold').default, DEFAULTS.psiMajorThreshold);
  assert.equal(setting('inferRoles').default, MODEL_DEFAULTS.inferRoles);
  assert.equal(setting('performance.allowedDrop').default, MODEL_DEFAULTS.allowedDrop);
  assert.equal(setting('performance.bootstrap').default, MODEL_DEFAULTS.bootstrap);
  assert.equal(setting('segments.top').default, MODEL_DEFAULTS.topSegments);
  assert.equal(setting('multivariate.enabled').default, MODEL_DEFAULTS.multivariate);
  assert.equal(setting('multivariate.sampleRows').default, MODEL_DEFAULTS.multivariateRows);
  assert.equal(setting('multivariate.aucThreshold').default, MODEL_DEFAULTS.domainAucThreshold);
  assert.deepEqual(setting('nullTokens').default, NULL_TOKENS.filter((t) => t !== ''), 'the empty cell is always missing, listed or not');
});

test('every setting has a description', () => {
  for (const [name, spec] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
    assert.ok(spec.description || spec.markdownDescription, `${name} has no description`);
  }
});
