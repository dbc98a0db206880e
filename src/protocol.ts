/**
 * Every message that crosses a thread or a webview boundary, in one place:
 * extension host ⇄ worker thread, and extension host ⇄ drift panel webview.
 * Only plain, structured-cloneable data.
 */
import type { DriftReport, SuiteOptions } from './core/suite/report';
import type { ParseOptions } from './core/io/table';

// ─── extension host → worker ────────────────────────────────────────────────

export interface CompareRequest {
  type: 'compare';
  /** Correlates replies with the request. */
  id: number;
  referencePath: string;
  currentPath: string;
  suite: SuiteOptions;
  read: ParseOptions;
  /** Sample files above this many rows. */
  maxRows: number;
}

export type ToWorker = CompareRequest;

// ─── worker → extension host ────────────────────────────────────────────────

export interface WorkerProgress {
  type: 'progress';
  id: number;
  /** What is happening now, e.g. "Reading reference.csv". */
  message: string;
  /** Overall completion in [0, 1], when known. */
  fraction?: number;
}

export interface WorkerResult {
  type: 'result';
  id: number;
  report: DriftReport;
}

/** A failure serialised across the thread boundary (Error objects lose their class there). */
export interface WorkerFailure {
  type: 'error';
  id: number;
  error: SerializedError;
}

export interface SerializedError {
  name: string;
  message: string;
  /** File, line and column the error is about, when it is about input data. */
  path?: string;
  line?: number;
  column?: string;
  stack?: string;
}

export type FromWorker = WorkerProgress | WorkerResult | WorkerFailure;

// ─── extension host → webview ───────────────────────────────────────────────

export type ToWebview =
  | { type: 'report'; report: DriftReport }
  | { type: 'running'; referencePath: string; currentPath: string }
  | { type: 'failed'; message: string };

// ─── webview → extension host ───────────────────────────────────────────────

export type FromWebview =
  /** The webview script loaded and can take messages. */
  | { type: 'ready' }
  /** The webview finished drawing a report: how many column rows and charts it shows (lets tests check the panel). */
  | { type: 'rendered'; columns: number; charts: number; driftedColumns: string[] }
  /** The user asked to open a data file named in the report. */
  | { type: 'open'; path: string };

/** What the webview keeps with `setState`, so a restored panel can redraw without the extension. */
export interface WebviewState {
  report?: DriftReport;
}
