/** The typed VS Code webview API: the only place that calls acquireVsCodeApi (callable once per page). */
import type { FromWebview, WebviewState } from '../src/protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
