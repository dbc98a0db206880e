/**
 * Reads a `drift-suite.json` (JSON with comments) into a SuiteSpec, checking every value the way the contributed
 * JSON schema (media/drift-suite.schema.json) describes it, and pointing each problem at its place in the file
 * (line, column, JSON path) so the editor, the Test Explorer and the CLI can all say where to fix it.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TASK_KINDS } from './modelTypes';
import { DETECTOR_IDS } from './overTimeTypes';
import { TEST_IDS } from './report';
import type { ComparisonSpec, SuiteFile, SuiteLocation, SuiteProblem, SuiteSpec } from './suiteTypes';
import { SEVERITIES } from './suiteTypes';

export const SUITE_FILE_NAME = 'drift-suite.json';

const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];
const CORRECTIONS = ['none', 'bonferroni', 'benjamini_hochberg'];
const ROLE_KEYS = ['target', 'prediction', 'score', 'timestamp', 'segment', 'id', 'task'];
const WINDOW_CHOICES = ['auto', 'day', 'week', 'month', 'rows'];
const SEVERITY_KEYS = ['drift', 'majorDrift', 'datasetDrift', 'schemaChange', 'performance', 'multivariateDrift'];

type Check = (node: Node, path: (string | number)[]) => void;

export function parseSuiteFile(path: string, text: string): SuiteFile {
  const problems: SuiteProblem[] = [];
  const file: SuiteFile = { path, text, spec: { comparisons: [] }, problems, comparisonLocations: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push({ message: `Not valid JSON: ${describeParseError(printParseErrorCode(e.error))}`, location: at(file, e.offset, e.length, []) });
  if (!root) return file;
  const problem = (node: Node, path: (string | number)[], message: string) => problems.push({ message, location: at(file, node.offset, node.length, path) });

  // ── value checks ────────────────────────────────────────────────────────────────────────────────
  const isType = (node: Node, path: (string | number)[], type: Node['type'], what: string): boolean => {
    if (node.type === type) return true;
    problem(node, path, `Expected ${what}, found ${describe(node)}.`);
    return false;
  };
  const string: Check = (n, p) => void isType(n, p, 'string', 'a string');
  const nonEmptyString: Check = (n, p) => {
    if (isType(n, p, 'string', 'a string') && String(n.value).trim() === '') problem(n, p, 'Expected a non-empty string.');
  };
  const number = (min: number, max: number, { integer = false, exclusiveMin = false } = {}): Check => (n, p) => {
    if (!isType(n, p, 'number', integer ? 'a whole number' : 'a number')) return;
    const v = n.value as number;
    const low = exclusiveMin ? v <= min : v < min;
    if (low || v > max || (integer && !Number.isInteger(v))) {
      problem(n, p, `Expected ${integer ? 'a whole number' : 'a number'} ${exclusiveMin ? `greater than ${min}` : `from ${min}`}${max === Infinity ? '' : ` to ${max}`}, found ${v}.`);
    }
  };
  const boolean: Check = (n, p) => void isType(n, p, 'boolean', 'true or false');
  const oneOf = (values: readonly string[], what: string): Check => (n, p) => {
    if (isType(n, p, 'string', `one of ${values.join(', ')}`) && !values.includes(n.value)) {
      problem(n, p, `Unknown ${what} "${n.value}": expected one of ${values.join(', ')}.`);
    }
  };
  const stringArray: Check = (n, p) => {
    if (isType(n, p, 'array', 'a list of strings')) n.children!.forEach((c, i) => string(c, [...p, i]));
  };
  const object = (fields: Record<string, Check>, required: string[] = [], what = 'setting'): Check => (n, p) => {
    if (!isType(n, p, 'object', 'an object')) return;
    for (const prop of n.children ?? []) {
      const [key, value] = prop.children!;
      const name = key.value as string;
      const check = fields[name];
      if (!check) {
        problem(key, [...p, name], `Unknown ${what} "${name}"${suggest(name, Object.keys(fields))}.`);
        continue;
      }
      if (value) check(value, [...p, name]);
    }
    for (const name of required) {
      if (!n.children?.some((prop) => prop.children![0].value === name)) problem(n, p, `Missing "${name}".`);
    }
  };
  const mapOf = (check: Check, keys?: readonly string[], what = 'key'): Check => (n, p) => {
    if (!isType(n, p, 'object', 'an object')) return;
    for (const prop of n.children ?? []) {
      const [key, value] = prop.children!;
      if (keys && !keys.includes(key.value)) problem(key, [...p, key.value], `Unknown ${what} "${key.value}": expected one of ${keys.join(', ')}.`);
      else if (value) check(value, [...p, key.value]);
    }
  };
  const testChoice = object({ test: oneOf(TEST_IDS, 'test'), threshold: number(0, Infinity, { exclusiveMin: true }) });
  const settings: Record<string, Check> = {
    pValueThreshold: number(0, 1, { exclusiveMin: true }),
    distanceThreshold: number(0, Infinity, { exclusiveMin: true }),
    datasetDriftShare: number(0, 1),
    correction: oneOf(CORRECTIONS, 'correction'),
    psiMajorThreshold: number(0, Infinity, { exclusiveMin: true }),
    majorEffectSize: number(0, Infinity, { exclusiveMin: true }),
    allowedDrop: number(0, Infinity),
    multivariate: boolean,
    overTime: (n, p) => {
      if (n.type === 'boolean') return;
      object({
        window: oneOf(WINDOW_CHOICES, 'window'),
        windowRows: number(1, Number.MAX_SAFE_INTEGER, { integer: true }),
        detectors: (d, q) => {
          if (isType(d, q, 'array', 'a list of detectors')) d.children!.forEach((c, i) => oneOf(DETECTOR_IDS, 'detector')(c, [...q, i]));
        },
        detectorColumns: stringArray,
      })(n, p);
    },
    bins: number(1, 10_000, { integer: true }),
    missingAsCategory: boolean,
    maxRows: number(1, Number.MAX_SAFE_INTEGER, { integer: true }),
    nullTokens: stringArray,
    testsByType: mapOf(testChoice, COLUMN_TYPES, 'column type'),
    tests: mapOf(testChoice),
    severity: mapOf(oneOf(SEVERITIES, 'severity'), SEVERITY_KEYS, 'severity rule'),
  };
  const roleId: Check = (n, p) => (n.type === 'array' ? stringArray(n, p) : string(n, p));
  const comparison = object(
    {
      ...settings,
      name: nonEmptyString,
      reference: nonEmptyString,
      current: nonEmptyString,
      include: stringArray,
      exclude: stringArray,
      roles: object(Object.fromEntries(ROLE_KEYS.map((k) => [k, k === 'id' ? roleId : k === 'task' ? oneOf(TASK_KINDS, 'task') : string])), [], 'role'),
    },
    ['name', 'reference', 'current'],
  );
  object({
    $schema: string,
    defaults: object(settings),
    comparisons: (n, p) => {
      if (!isType(n, p, 'array', 'a list of comparisons')) return;
      if (!n.children?.length) problem(n, p, 'The suite lists no comparisons.');
      n.children?.forEach((c, i) => comparison(c, [...p, i]));
    },
  }, ['comparisons'], 'top-level key')(root, []);

  // ── the spec, from what parsed (problems above say what is wrong with it) ──────────────────────────
  const value = nodeValue(root) as Partial<SuiteSpec> | undefined;
  const comparisons = Array.isArray(value?.comparisons) ? value!.comparisons.filter((c): c is ComparisonSpec => typeof c === 'object' && c !== null) : [];
  file.spec = { ...(value && typeof value === 'object' ? value : {}), comparisons } as SuiteSpec;
  const list = findNodeAtLocation(root, ['comparisons']);
  file.comparisonLocations = (list?.type === 'array' ? list.children ?? [] : []).map((n, i) => at(file, n.offset, n.length, ['comparisons', i]));
  const seen = new Map<string, number>();
  comparisons.forEach((c, i) => {
    if (typeof c.name !== 'string') return;
    if (seen.has(c.name)) {
      const node = findNodeAtLocation(root, ['comparisons', i, 'name']);
      if (node) problem(node, ['comparisons', i, 'name'], `Another comparison (number ${seen.get(c.name)! + 1}) is already named "${c.name}".`);
    } else seen.set(c.name, i);
  });
  return file;
}

/** The place of a JSON path in the file (the nearest existing parent when the path itself is absent). */
export function locate(file: SuiteFile, path: (string | number)[]): SuiteLocation {
  const root = parseTree(file.text, [], { allowTrailingComma: true });
  for (let n = path.length; root && n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return at(file, node.offset, node.length, path);
  }
  return at(file, 0, 0, path);
}

function at(file: Pick<SuiteFile, 'path' | 'text'>, offset: number, length: number, path: (string | number)[]): SuiteLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < file.text.length; i++) {
    if (file.text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file: file.path, line, column: offset - lineStart + 1, path, offset, length };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).filter((p) => p.children?.[1]).map((p) => [p.children![0].value, nodeValue(p.children![1])]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describe(node: Node): string {
  switch (node.type) {
    case 'string':
      return `the string "${String(node.value).slice(0, 40)}"`;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return `an ${node.type}`;
  }
}

/** "Did you mean …?" for a misspelt key (edit distance ≤ 2). */
function suggest(name: string, known: string[]): string {
  const close = known.find((k) => distance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return close ? ` (did you mean "${close}"?)` : `: expected one of ${known.filter((k) => k !== '$schema').join(', ')}`;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
