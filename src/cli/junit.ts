/**
 * A suite report as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins, Azure) show as
 * tests: one test suite per comparison, one test case per column, failed for a finding of `failOn` severity or
 * louder (its message names the test, value and threshold), errored when the comparison could not run.
 */
import { atLeast } from '../core/suite/suiteSeverity';
import type { Severity, SuiteReport } from '../core/suite/suiteTypes';

export function renderJunit(report: SuiteReport, failOn: Severity | 'none'): string {
  const fails = (s: Severity) => failOn !== 'none' && s !== 'none' && atLeast(s, failOn);
  const suites = report.results.map((r) => {
    const seconds = (r.durationMs / 1000).toFixed(3);
    const attrs = (tests: number, failures: number, errors: number) =>
      `name="${xml(r.name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds}"`;
    const props = `    <properties>\n      <property name="reference" value="${xml(r.referencePath)}"/>\n      <property name="current" value="${xml(r.currentPath)}"/>\n    </properties>\n`;
    if (r.error) {
      const where = r.error.path ? ` (${r.error.path}${r.error.line ? `:${r.error.line}` : ''})` : '';
      return `  <testsuite ${attrs(1, 0, 1)}>\n${props}    <testcase classname="${xml(r.name)}" name="comparison" time="${seconds}">\n      <error message="${xml(r.error.message)}">${xml(r.error.message + where)}</error>\n    </testcase>\n  </testsuite>`;
    }
    const cases = r.columns.map((c) => {
      const head = `    <testcase classname="${xml(r.name)}" name="${xml(c.name)}">`;
      if (fails(c.severity)) return `${head}\n      <failure message="${xml(c.message)}" type="${c.severity}">${xml(c.message)}</failure>\n    </testcase>`;
      if (c.severity !== 'none') return `${head}\n      <system-out>${xml(`${c.severity}: ${c.message}`)}</system-out>\n    </testcase>`;
      return `${head}</testcase>`;
    });
    const datasetFails = r.datasetMessage !== undefined && fails(r.datasetSeverity ?? 'none');
    const dataset = r.datasetMessage
      ? [`    <testcase classname="${xml(r.name)}" name="(dataset)">${datasetFails ? `\n      <failure message="${xml(r.datasetMessage)}" type="${r.datasetSeverity}">${xml(r.datasetMessage)}</failure>\n    ` : ''}</testcase>`]
      : [];
    // Performance and multivariate drift are test cases of their own, named in parentheses like the dataset's.
    const model = (r.modelFindings ?? []).map((f) => {
      const head = `    <testcase classname="${xml(r.name)}" name="(${f.kind})">`;
      if (fails(f.severity)) return `${head}\n      <failure message="${xml(f.message)}" type="${f.severity}">${xml(f.message)}</failure>\n    </testcase>`;
      return `${head}\n      <system-out>${xml(`${f.severity}: ${f.message}`)}</system-out>\n    </testcase>`;
    });
    const failures =
      r.columns.filter((c) => fails(c.severity)).length + (datasetFails ? 1 : 0) + (r.modelFindings ?? []).filter((f) => fails(f.severity)).length;
    return `  <testsuite ${attrs(cases.length + dataset.length + model.length, failures, 0)}>\n${props}${[...cases, ...dataset, ...model].join('\n')}\n  </testsuite>`;
  });
  const tests = report.results.reduce((n, r) => n + (r.error ? 1 : r.columns.length + (r.datasetMessage ? 1 : 0) + (r.modelFindings?.length ?? 0)), 0);
  const failures = suites.reduce((n, s) => n + (s.match(/<failure /g)?.length ?? 0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`drift suite ${report.file}`)}" tests="${tests}" failures="${failures}" errors="${report.counts.errored}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Text and attribute values: markup escaped, and characters XML 1.0 cannot hold dropped. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
