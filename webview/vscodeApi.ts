/**
 * The typed VS Code webview API: the only place that calls acquireVsCodeApi (callable once per page).
 * Outside VS Code (the offline HTML export, see src/core/suite/exportHtml.ts) there is no such function: the
 * report comes from the page's embedded JSON, messages go nowhere and the view state lives in memory. The embedded
 * JSON is a DriftReport, or a SuiteReport (`drift-inspect suite --format html`): the page then opens on the suite
 * overview, and drilling down shows the report each suite result carries.
 */
import type { FromWebview, WebviewState } from '../src/protocol';
import { isSuiteReport } from './suiteFormat';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** EMBEDDED_REPORT_ID in src/core/suite/exportHtml.ts (not imported: that module pulls in node:crypto). */
const EMBEDDED_REPORT_ID = 'drift-report';

/** True on the offline export page: no extension to talk to, so no actions that need one. */
export const offline = typeof acquireVsCodeApi !== 'function';

export const vscode: VsCodeApi = offline ? offlineApi() : acquireVsCodeApi();

function offlineApi(): VsCodeApi {
  let state: WebviewState | undefined;
  const embedded = document.getElementById(EMBEDDED_REPORT_ID)?.textContent;
  if (embedded) {
    try {
      const parsed: unknown = JSON.parse(embedded);
      state = isSuiteReport(parsed) ? { suite: parsed } : { report: parsed as WebviewState['report'] };
    } catch (err) {
      console.error('The embedded drift report is not valid JSON', err);
    }
  }
  return {
    postMessage: () => {},
    getState: () => state,
    setState: (next) => {
      state = next;
    },
  };
}
