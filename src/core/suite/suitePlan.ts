/**
 * From a parsed suite to work: each comparison's `current` glob expanded into file pairs (paths relative to the
 * suite file's folder), and each comparison's settings merged over the file's defaults and the caller's base
 * settings (VS Code settings or CLI defaults), so a suite file value always wins.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ParseOptions } from '../io/table';
import type { SuiteOptions } from './report';
import type { ComparisonSettings, ComparisonSpec, SuiteFile, SuiteProblem, SuiteTask } from './suiteTypes';
import { locate } from './suiteFile';
import { definedOnly } from './definedOnly';

export interface SuitePlan {
  tasks: SuiteTask[];
  /** Comparisons that cannot run as written: a reference that does not exist, a current that matches nothing. */
  problems: SuiteProblem[];
}

export async function expandSuite(file: SuiteFile): Promise<SuitePlan> {
  const folder = dirname(file.path);
  const tasks: SuiteTask[] = [];
  const problems: SuiteProblem[] = [];
  for (const [index, c] of file.spec.comparisons.entries()) {
    const referencePath = resolve(folder, c.reference);
    if (!existsSync(referencePath)) {
      problems.push({ message: `Reference file not found: ${c.reference} (looked for ${referencePath})`, location: locate(file, ['comparisons', index, 'reference']) });
      continue;
    }
    const currents = await currentFiles(folder, c.current);
    if (currents.length === 0) {
      const what = isDynamicPattern(c.current) ? `matches no file` : `not found (looked for ${resolve(folder, c.current)})`;
      problems.push({ message: `Current file ${c.current}: ${what}`, location: locate(file, ['comparisons', index, 'current']) });
      continue;
    }
    const many = isDynamicPattern(c.current);
    for (const currentPath of currents) {
      if (resolve(currentPath) === referencePath) continue; // a glob may match the reference itself
      tasks.push({
        id: `${index}:${currentPath}`,
        name: many ? `${c.name} · ${basename(currentPath)}` : c.name,
        comparison: c.name,
        comparisonIndex: index,
        referencePath,
        currentPath,
      });
    }
  }
  return { tasks, problems };
}

async function currentFiles(folder: string, pattern: string): Promise<string[]> {
  if (!isDynamicPattern(pattern)) {
    const path = resolve(folder, pattern);
    return existsSync(path) ? [path] : [];
  }
  const matches = await glob(pattern, { cwd: folder, absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
  return matches.map((m) => (isAbsolute(m) ? m : resolve(folder, m))).sort();
}

function settingsOf(file: SuiteFile, index: number): ComparisonSettings & Partial<ComparisonSpec> {
  const defaults = file.spec.defaults ?? {};
  const c = file.spec.comparisons[index];
  return {
    ...defaults,
    ...definedOnly(c),
    testsByType: { ...defaults.testsByType, ...c.testsByType },
    tests: { ...defaults.tests, ...c.tests },
    severity: { ...defaults.severity, ...c.severity },
  };
}

/** The suite options of one comparison: `base` (settings), then the file's defaults, then the comparison's own values. */
export function suiteOptionsFor(file: SuiteFile, index: number, base: SuiteOptions = {}): SuiteOptions {
  const s = settingsOf(file, index);
  // Id columns are left out by the core (roles.id), which also names them in the report's roles.
  return {
    ...base,
    ...definedOnly({
      pValueThreshold: s.pValueThreshold,
      distanceThreshold: s.distanceThreshold,
      datasetDriftShare: s.datasetDriftShare,
      correction: s.correction,
      psiMajorThreshold: s.psiMajorThreshold,
      bins: s.bins,
      missingAsCategory: s.missingAsCategory,
      include: s.include,
      exclude: s.exclude?.length ? s.exclude : undefined,
    }),
    byType: { ...base.byType, ...s.testsByType },
    byColumn: { ...base.byColumn, ...s.tests },
    ...(s.overTime !== undefined ? { overTime: s.overTime === true ? {} : s.overTime === false ? undefined : s.overTime } : {}),
    model: {
      ...base.model,
      ...definedOnly({ allowedDrop: s.allowedDrop, multivariate: s.multivariate }),
      ...(s.roles ? { roles: { ...base.model?.roles, ...s.roles } } : {}),
    },
  };
}

/** Read options and row cap of one comparison over the caller's base. */
export function readOptionsFor(file: SuiteFile, index: number, base: ParseOptions = {}, baseMaxRows?: number): { read: ParseOptions; maxRows?: number } {
  const s = settingsOf(file, index);
  return { read: { ...base, ...(s.nullTokens ? { nullTokens: s.nullTokens } : {}) }, maxRows: s.maxRows ?? baseMaxRows };
}

/** Severity rules and major-effect threshold of one comparison. */
export function severityFor(file: SuiteFile, index: number): { rules: ComparisonSettings['severity']; majorEffectSize?: number } {
  const s = settingsOf(file, index);
  return { rules: s.severity, majorEffectSize: s.majorEffectSize };
}

