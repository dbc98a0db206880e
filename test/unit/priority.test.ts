/**
 * The worker lowers its own thread's priority (src/worker/priority.ts): on Linux the nice value of that thread
 * alone changes, threads it starts inherit it, and the thread that started it (the extension host) keeps its own.
 */
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

/** The nice value of the calling thread, from /proc (field 19 of stat). */
const NICE_OF_THIS_THREAD = `(${String(() => {
  const fs = require('node:fs');
  const stat = fs.readFileSync(`/proc/${fs.readlinkSync('/proc/thread-self')}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
})})()`;

function niceHere(): number {
  const stat = readFileSync(`/proc/${readlinkSync('/proc/thread-self')}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

test('the worker thread runs at nice 10, threads it starts inherit it, the host thread keeps its priority', { skip: process.platform !== 'linux' }, async () => {
  const before = niceHere();
  const priority = join(__dirname, '..', '..', 'src', 'worker', 'priority.js');
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { Worker } = require('node:worker_threads');
    const set = require(${JSON.stringify(priority)}).lowerThreadPriority();
    const mine = ${NICE_OF_THIS_THREAD};
    const child = new Worker(${JSON.stringify(`require('node:worker_threads').parentPort.postMessage(${NICE_OF_THIS_THREAD})`)}, { eval: true });
    child.once('message', (childNice) => parentPort.postMessage({ set, mine, childNice }));
  `;
  const worker = new Worker(code, { eval: true });
  const got = await new Promise<{ set: number; mine: number; childNice: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(got, { set: 10, mine: 10, childNice: 10 });
  assert.equal(niceHere(), before, 'the thread that started the worker is untouched');
});
