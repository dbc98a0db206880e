/**
 * Every message that crosses a thread or a webview boundary, in one place:
 * extension host ⇄ worker thread, extension host ⇄ drift panel webview, and extension host ⇄ data view (its
 * worker thread and its webview). Only plain, structured-cloneable data.
 */
import type { ColumnTestResult, DriftReport, SuiteOptions, TestId } from './core/suite/report';
import type { ParseOptions } from './core/io/table';
import type { ProfileEvent } from './core/profile/profileTypes';
import type { SuiteReport } from './core/suite/suiteTypes';
import type { ColumnRole } from './core/suite/modelTypes';

// ─── extension host → worker ────────────────────────────────────────────────

/** The two files and how to read them; the worker keeps the last pair it read, keyed by all of this. */
export interface FilePair {
  referencePath: string;
  currentPath: string;
  read: ParseOptions;
  /** Sample files above this many rows. */
  maxRows: number;
}

export interface CompareRequest extends FilePair {
  type: 'compare';
  /** Correlates replies with the request. */
  id: number;
  suite: SuiteOptions;
}

/** Every test that fits one column (the panel's detail view). Replied to with `columnTests`. */
export interface ColumnTestsRequest extends FilePair {
  type: 'columnTests';
  id: number;
  suite: SuiteOptions;
  column: string;
  /** The test the report used for the column, marked in the reply. */
  inUse: TestId | null;
}

/** One column compared again with new settings (`suite.byColumn` carries the change). Replied to with `result`. */
export interface RecompareColumnRequest extends FilePair {
  type: 'recompareColumn';
  id: number;
  suite: SuiteOptions;
  report: DriftReport;
  column: string;
}

export type ToWorker = CompareRequest | ColumnTestsRequest | RecompareColumnRequest;

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

export interface WorkerColumnTests {
  type: 'columnTests';
  id: number;
  column: string;
  tests: ColumnTestResult[];
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

export type FromWorker = WorkerProgress | WorkerResult | WorkerColumnTests | WorkerFailure;

// ─── extension host → webview ───────────────────────────────────────────────

export type ToWebview =
  /** A report to draw; `focus` opens that column's detail (e.g. from a Problems entry or after a re-run). */
  | { type: 'report'; report: DriftReport; focus?: string }
  /** Open a column's detail in the report already shown. */
  | { type: 'focusColumn'; column: string }
  | { type: 'running'; referencePath: string; currentPath: string }
  | { type: 'failed'; message: string }
  /** Every test that fits a column, for its detail view (`report` = the report's createdAt it belongs to). */
  | { type: 'columnTests'; column: string; createdAt: string; tests: ColumnTestResult[] }
  | { type: 'columnTestsFailed'; column: string; createdAt: string; message: string }
  /** A column is being compared again after its test or threshold changed (its new result comes as a `report`). */
  | { type: 'columnRunning'; column: string }
  | { type: 'columnFailed'; column: string; message: string }
  /** A drift suite's results: show the suite overview. */
  | { type: 'suite'; suite: SuiteReport };

// ─── webview → extension host ───────────────────────────────────────────────

export type ExportFormat = 'json' | 'html';

export type FromWebview =
  /** The webview script loaded and can take messages; `shown` = createdAt of the report it drew from saved state. */
  | { type: 'ready'; shown?: string }
  /** The webview finished drawing a report: how many column rows and charts it shows (lets tests check the panel). */
  | {
      type: 'rendered';
      columns: number;
      charts: number;
      driftedColumns: string[];
      /** Model-aware sections drawn ahead of the column table, e.g. ["label", "prediction", "performance", "segments", "multivariate"]. */
      modelSections?: string[];
    }
  /** The user opened a column's detail (null: closed it). Lets tests check the panel. */
  | { type: 'selected'; column: string | null }
  /** The user asked to open a data file named in the report. */
  | { type: 'open'; path: string }
  /** Summary actions: compare again with the sides swapped, or as they are. */
  | { type: 'swap' }
  | { type: 'rerun' }
  /**
   * Save the report. `themeCss`: the webview's current VS Code theme variables (its <html> style attribute) and
   * body classes, so an offline HTML export looks like the panel did.
   */
  | { type: 'export'; format: ExportFormat; themeCss: string; bodyClass: string }
  /** Every test that fits this column (answered with `columnTests`). */
  | { type: 'columnTests'; column: string }
  /** Change a column's test and/or threshold (null: back to the default) and compare that column again. */
  | { type: 'setColumnTest'; column: string; test: TestId | null; threshold: number | null }
  /** Give a column a role (target, prediction, score, segment, id; null: none) and compare again with it. */
  | { type: 'setRole'; column: string; role: ColumnRole | null }
  /** Drill down from the suite overview into one comparison (`id` = SuiteComparisonResult.id); answered with `report`. */
  | { type: 'openComparison'; id: string }
  /** Back from a drilled-down report to the suite overview; answered with `suite`. */
  | { type: 'backToSuite' };

/** Sort keys of the column table. */
export type SortKey = 'report' | 'drift' | 'pValue' | 'name' | 'type';

/** How the user left the panel: restored with the report after a reload. */
export interface ViewState {
  sort: SortKey;
  descending: boolean;
  driftedOnly: boolean;
  /** Column types shown; empty = all. */
  types: string[];
  search: string;
  /** The column whose detail is open. */
  selected: string | null;
  scrollTop: number;
}

/** What the webview keeps with `setState`, so a restored panel can redraw without the extension. */
export interface WebviewState {
  report?: DriftReport;
  view?: ViewState;
  /** The suite shown, or the suite the shown report was drilled down from. */
  suite?: SuiteReport;
}

// ─── data view: extension host ⇄ its worker thread (dist/dataViewWorker.js) ──

/** Profile one file: the thread answers with its ProfileEvents (schema first, `done` last) or an `error`, then ends. */
export interface ProfileRequest {
  type: 'profile';
  path: string;
  read: ParseOptions;
}

export type FromProfileWorker = ProfileEvent | { type: 'error'; error: SerializedError };

// ─── extension host → data view webview ─────────────────────────────────────

/** A drifted (or otherwise judged) column of the file's last comparison, as the data view marks it. */
export interface DataViewDriftColumn {
  name: string;
  /** "DRIFT", "MAJOR DRIFT", … (formatVerdict). */
  verdict: string;
  drifted: boolean | null;
  /** e.g. "Wasserstein 0.31 ≥ 0.1" (formatEvidence). */
  evidence: string;
}

/** The file's last comparison as its current file, when there is one this session. */
export interface DataViewDrift {
  /** The report's createdAt. */
  createdAt: string;
  referencePath: string;
  /** Only the drifted columns. */
  columns: DataViewDriftColumn[];
}

export type ToDataView =
  /** The file being shown (sent first, and again when it is profiled anew). */
  | { type: 'file'; path: string; name: string }
  | ProfileEvent
  /** The file could not be shown (corrupt, unreadable): a clear message instead of the view. */
  | { type: 'failed'; message: string }
  /** Drift marks (null: the file has no comparison this session). */
  | { type: 'drift'; drift: DataViewDrift | null }
  /** Scroll to a column and highlight it (e.g. from a Problems entry). */
  | { type: 'focusColumn'; column: string };

// ─── data view webview → extension host ─────────────────────────────────────

export type FromDataView =
  /** The page loaded: send everything known about the file. */
  | { type: 'ready' }
  /**
   * What is on screen after each update (lets tests check the view): columns in the schema, summaries drawn, grid
   * rows, drifted columns marked, and the failure shown (null: none).
   */
  | { type: 'rendered'; columns: number; summaries: number; previewRows: number; drifted: string[]; failed: string | null }
  /** A column was scrolled to and highlighted (after focusColumn, or a click on its row). */
  | { type: 'focused'; column: string }
  /** Open this column in the drift panel (the drift mark's link). */
  | { type: 'showInPanel'; column: string };
