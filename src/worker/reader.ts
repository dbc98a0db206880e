/**
 * A reader thread (dist/reader.js): reads one data file into a Table while the thread that started it reads the
 * other file of the pair, so a comparison uses both cores for parsing. The table's typed arrays are transferred
 * back, not copied. One request per thread: `{ path, options }` → progress messages, then the table or an error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readTable } from '../core/io/read';
import { transferListOf, type ReaderMessage, type ReaderRequest } from '../core/io/readerProtocol';
import { serializeError } from './errors';

if (!parentPort) throw new Error('dist/reader.js must run as a worker thread');
const port = parentPort;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const { path, options } = workerData as ReaderRequest;

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
