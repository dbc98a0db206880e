/**
 * The reader thread (dist/reader.js), started for one of two jobs:
 * - `{ path, options }`: reads one data file into a Table while the thread that started it reads the other file of
 *   the pair, so a comparison uses both cores for parsing. Columns are on shared memory (core/io/columnMemory.ts), so
 *   the table crosses back without a copy. Progress messages, then the table or an error.
 * - `{ kind: 'columns' }`: tests some numeric columns of a comparison (core/suite/threads.ts) while the thread that
 *   started it tests the rest: one `ColumnJob` message in, its results (or an error) out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readTable } from '../core/io/read';
import { transferListOf, type ReaderMessage, type ReaderRequest } from '../core/io/readerProtocol';
import { columnResultsFor } from '../core/suite/compare';
import type { ColumnJob, ColumnJobReply, ColumnThreadData } from '../core/suite/threads';
import { serializeError } from './errors';

if (!parentPort) throw new Error('dist/reader.js must run as a worker thread');
const port = parentPort;
const data = workerData as ReaderRequest | ColumnThreadData;

if ('kind' in data && data.kind === 'columns') {
  port.once('message', (job: ColumnJob) => {
    let reply: ColumnJobReply;
    try {
      reply = { type: 'columns', results: columnResultsFor(job.reference, job.current, job.names, job.options) };
    } catch (err) {
      reply = { type: 'error', message: (err as Error).message ?? String(err) };
    }
    port.postMessage(reply);
  });
} else {
  read(data as ReaderRequest);
}

function read({ path, options }: ReaderRequest): void {
  const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  /** Progress is frequent while reading; the other thread merges it with its own a few times a second. */
  const PROGRESS_INTERVAL_MS = 100;
  let last = 0;
  readTable(path, {
    ...options,
    onProgress: (done, size) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      post({ type: 'progress', done, size });
    },
  }).then(
    (table) => post({ type: 'table', table }, transferListOf(table)),
    (err) => post({ type: 'error', error: serializeError(err) }),
  );
}
