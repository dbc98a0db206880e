/**
 * The data view's VS Code webview API, typed with its own messages (a separate page from the drift panel: each page
 * may call acquireVsCodeApi once).
 */
import type { FromDataView } from '../../src/protocol';

interface DataViewApi {
  postMessage(message: FromDataView): void;
}

declare function acquireVsCodeApi(): DataViewApi;

/** Outside VS Code (the preview page) messages go nowhere. */
export const host: DataViewApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => {} };
