/**
 * Drift suites in one import, for the extension, the worker and the CLI: parse and validate a suite file, expand
 * it into file pairs, run them into a SuiteReport, and judge severities.
 */
export { parseSuiteFile, locate, SUITE_FILE_NAME } from './suiteFile';
export { expandSuite, suiteOptionsFor, readOptionsFor, severityFor, type SuitePlan } from './suitePlan';
export { runSuite, runTask, summarize, SuiteCancelled, type RunSuiteOptions, type CompareFn, type ComparisonRequest } from './suiteRun';
export { judgeComparison, worstSeverity, atLeast, DEFAULT_SEVERITY, DEFAULT_MAJOR_EFFECT } from './suiteSeverity';
export type * from './suiteTypes';
