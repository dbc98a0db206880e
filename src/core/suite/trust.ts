/**
 * Workspace trust: in a workspace the user has not trusted, a suite file (which anyone could have put there) may
 * only compare files inside the workspace's folders. This finds the paths that step outside.
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** The paths (resolved, `..` and all) that are inside none of `folders`. */
export function outsideFolders(paths: readonly string[], folders: readonly string[]): string[] {
  const roots = folders.map((f) => resolve(f));
  return paths.filter((p) => {
    const full = resolve(p);
    return !roots.some((root) => {
      const rel = relative(root, full);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  });
}
