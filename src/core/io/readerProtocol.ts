/**
 * Reading a file in another thread (dist/reader.js, src/worker/reader.ts) and getting its Table back: the messages,
 * which buffers to transfer, and the client that starts the thread and rebuilds errors as their own classes.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, DataReadError, type ReadOptions, type Table } from './table';

/** What the reader thread is started with (`workerData`): read options without the callbacks. */
export interface ReaderRequest {
  path: string;
  options: Omit<ReadOptions, 'onProgress' | 'isCancelled'>;
}

export type ReaderMessage =
  | { type: 'progress'; done: number; size: number }
  | { type: 'table'; table: Table }
  | { type: 'error'; error: { name: string; message: string; path?: string; line?: number; column?: string } };

/** Every column's buffer, once each (transferring a buffer twice is an error). */
export function transferListOf(table: Table): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of table.columns) {
    const array = 'values' in c ? c.values : c.codes;
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

/** How often a cancellation request is looked for while the other thread reads. */
const CANCEL_POLL_MS = 50;

/**
 * Reads `path` in a new thread running `script` (the bundled reader). Cancelling (`options.isCancelled`) or a
 * failure ends the thread; its errors come back as DataReadError / CancelledError like a read in this thread.
 */
export function readTableInThread(script: string, path: string, options: ReadOptions = {}): Promise<Table> {
  const { onProgress, isCancelled, ...plain } = options;
  const request: ReaderRequest = { path, options: plain };
  const worker = new Worker(script, { workerData: request });
  return new Promise<Table>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      action();
      void worker.terminate();
    };
    const poll = setInterval(() => {
      if (isCancelled?.()) finish(() => reject(new CancelledError(path)));
    }, CANCEL_POLL_MS);
    worker.on('message', (message: ReaderMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.size);
      else if (message.type === 'table') finish(() => resolve(message.table));
      else finish(() => reject(errorOf(message.error, path)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the reader thread for ${path} stopped (exit code ${code}) before it finished`))));
  });
}

function errorOf(e: Extract<ReaderMessage, { type: 'error' }>['error'], path: string): Error {
  if (e.name === 'CancelledError') return new CancelledError(e.path ?? path);
  if (e.name === 'DataReadError') return new DataReadError(e.message, e.path ?? path, e.line, e.column);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
