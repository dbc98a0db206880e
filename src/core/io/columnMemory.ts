/**
 * Where the readers keep column values: on SharedArrayBuffers, so that a table handed to another thread (the
 * comparison tests its columns on two threads, src/core/suite/threads.ts) is seen there without a copy, and a table
 * read in a reader thread comes back without a transfer. Nothing else changes: a shared typed array reads and writes
 * like any other (no thread writes a column after it is read). Webviews never get columns, only reports.
 */

export function float64Column(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

export function int32Column(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

/** `array`'s first `n` entries in new shared memory (a `slice` would give ordinary memory). */
export function sharedSlice<T extends Float64Array | Int32Array>(array: T, n: number): T {
  const out = (array instanceof Float64Array ? float64Column(n) : int32Column(n)) as T;
  out.set(array.subarray(0, n));
  return out;
}

export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
