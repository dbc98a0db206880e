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
function sharedSlice<T extends Float64Array | Int32Array>(array: T, n: number): T {
  const out = (array instanceof Float64Array ? float64Column(n) : int32Column(n)) as T;
  out.set(array.subarray(0, n));
  return out;
}

/**
 * Exactly `rows` entries of `array`, of which the first `written` were written (the others get `fill`): `array`
 * itself when it is that long, else a copy in shared memory. `keepSlack`: up to an eighth more room than `rows` is
 * kept as a view instead (cheaper than copying it away, e.g. room reserved for an estimated row count).
 */
export function fitColumn<T extends Float64Array | Int32Array>(array: T, written: number, rows: number, fill: number, keepSlack = false): T {
  let out = array;
  if (array.length > rows) out = keepSlack && array.length - rows <= rows >> 3 ? (array.subarray(0, rows) as T) : sharedSlice(array, rows);
  else if (array.length < rows) {
    out = (array instanceof Float64Array ? float64Column(rows) : int32Column(rows)) as T;
    out.set(array);
  }
  if (written < rows) out.fill(fill, written);
  return out;
}

export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
