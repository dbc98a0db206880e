/**
 * The worker thread: runs comparisons off the extension host thread. Cancellation is by
 * `worker.terminate()` from the host, which stops even a tight statistics loop mid-way.
 */
import { parentPort } from 'node:worker_threads';
import { runComparison } from '../core/suite/run';
import type { FromWorker, ToWorker } from '../protocol';
import { serializeError } from './errors';

if (!parentPort) throw new Error('dist/worker.js must run as a worker thread');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);

/** Progress events are frequent while reading; the host needs a few per second at most. */
const PROGRESS_INTERVAL_MS = 100;

port.on('message', async (request: ToWorker) => {
  const { id } = request;
  let lastProgress = 0;
  try {
    const report = await runComparison(request.referencePath, request.currentPath, {
      suite: request.suite,
      read: request.read,
      maxRows: request.maxRows,
      onProgress: (message, fraction) => {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS && fraction < 1) return;
        lastProgress = now;
        post({ type: 'progress', id, message, fraction });
      },
    });
    post({ type: 'result', id, report });
  } catch (err) {
    post({ type: 'error', id, error: serializeError(err) });
  }
});
