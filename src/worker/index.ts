/**
 * The worker thread: runs comparisons and the panel's column requests off the extension host thread.
 * Cancellation is by `worker.terminate()` from the host, which stops even a tight statistics loop mid-way.
 * Requests run one at a time, in arrival order, so they never race over the cached tables.
 */
import { parentPort } from 'node:worker_threads';
import { columnTests } from '../core/suite/columnTests';
import { join } from 'node:path';
import { recompareColumn } from '../core/suite/compare';
import { compareTablesInThreads } from '../core/suite/threads';
import type { FromWorker, ToWorker } from '../protocol';
import { serializeError } from './errors';
import { lowerThreadPriority } from './priority';
import { TableCache } from './tableCache';

if (!parentPort) throw new Error('dist/worker.js must run as a worker thread');
const port = parentPort;
// Before any thread is started from here, so that they inherit it (see priority.ts).
lowerThreadPriority();
const post = (message: FromWorker) => port.postMessage(message);
const cache = new TableCache();
/** The reader bundle beside this one: reads a file of a pair, or tests a share of the columns, in a thread of its own. */
const READER_SCRIPT = join(__dirname, 'reader.js');

/** Progress events are frequent while reading; the host needs a few per second at most. */
const PROGRESS_INTERVAL_MS = 100;

let queue: Promise<void> = Promise.resolve();
port.on('message', (request: ToWorker) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: ToWorker): Promise<void> {
  const { id } = request;
  let lastProgress = 0;
  const onProgress = (message: string, fraction: number) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_INTERVAL_MS && fraction < 1) return;
    lastProgress = now;
    post({ type: 'progress', id, message, fraction });
  };
  try {
    switch (request.type) {
      case 'compare': {
        // Same phases as runComparison (core/suite/run.ts), but through the cache.
        const started = Date.now();
        const { tables } = await cache.get(request, onProgress);
        onProgress('Running drift tests', 0.9);
        const report = await compareTablesInThreads(tables.reference, tables.current, request.suite, READER_SCRIPT);
        onProgress('Done', 1);
        post({ type: 'result', id, report: { ...report, durationMs: Date.now() - started } });
        break;
      }
      case 'columnTests': {
        const { tables } = await cache.get(request, onProgress);
        const tests = columnTests(tables.reference, tables.current, request.column, request.inUse, request.suite);
        post({ type: 'columnTests', id, column: request.column, tests });
        break;
      }
      case 'recompareColumn': {
        const { tables } = await cache.get(request, onProgress);
        const report = recompareColumn(request.report, tables.reference, tables.current, request.column, request.suite);
        post({ type: 'result', id, report });
        break;
      }
      default:
        throw new Error(`Unknown request ${JSON.stringify((request as { type?: unknown }).type)}`);
    }
  } catch (err) {
    post({ type: 'error', id, error: serializeError(err) });
  }
}
