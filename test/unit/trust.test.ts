/** Workspace trust: which suite paths step outside the workspace's folders (`..`, absolute, sibling prefixes). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outsideFolders } from '../../src/core/suite/trust';

test('paths inside a workspace folder pass; others, including ../ escapes and sibling prefixes, are named', () => {
  const folders = ['/work/project', '/data/shared'];
  assert.deepEqual(outsideFolders(['/work/project/a.csv', '/work/project/sub/b.parquet', '/data/shared/c.csv', '/work/project'], folders), []);
  assert.deepEqual(
    outsideFolders(['/work/project/../secrets/x.csv', '/etc/passwd', '/work/project-other/a.csv', '/data/sharedX/a.csv', '/work/project/./ok.csv'], folders),
    ['/work/project/../secrets/x.csv', '/etc/passwd', '/work/project-other/a.csv', '/data/sharedX/a.csv'],
  );
  assert.deepEqual(outsideFolders(['/work/project/a.csv'], []), ['/work/project/a.csv'], 'no folder: everything is outside');
});
