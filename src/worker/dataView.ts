/**
 * The data view's worker thread (dist/dataViewWorker.js): one per file being shown, so a long profile never makes
 * a comparison wait (the comparison worker runs its requests one at a time) and closing the view just ends the
 * thread. It profiles the file it is asked for, posting each ProfileEvent as soon as it is known, then exits.
 *
 * A WebAssembly trap in parquet-wasm (a corrupt data page) is thrown outside any promise: caught here as an
 * uncaught exception and reported as the file being corrupt, since nothing else runs in this thread.
 */
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { formatOf } from '../core/io/formats';
import { profileFile } from '../core/profile/profile';
import type { FromProfileWorker, ProfileRequest } from '../protocol';
import { serializeError } from './errors';

if (!parentPort) throw new Error('dist/dataViewWorker.js must run as a worker thread');
const port = parentPort;
const post = (message: FromProfileWorker) => port.postMessage(message);

let current: string | undefined;
process.on('uncaughtException', (err) => {
  const name = current ? basename(current) : 'the file';
  const message =
    current && formatOf(current) === 'parquet'
      ? `${name}: cannot read Parquet file: it is corrupt (the Parquet decoder failed: ${err.message})`
      : `${name}: the data view failed: ${err.message}`;
  post({ type: 'error', error: { name: 'DataReadError', message, ...(current ? { path: current } : {}) } });
  // The host ends the thread on this reply (as after `done`).
});

port.once('message', (request: ProfileRequest) => {
  current = request.path;
  profileFile(request.path, post, { parse: request.read })
    .catch((err) => post({ type: 'error', error: serializeError(err) }));
});
