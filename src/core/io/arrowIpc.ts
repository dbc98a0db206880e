/**
 * Arrow IPC → Table: the IPC file format (`.arrow`, and `.feather`: Feather v2 is that format) and the IPC stream
 * format (`.arrow` too), through apache-arrow, loaded on first use. Feather v1 (a different, older layout) is
 * rejected with a message saying how to convert it. Buffers compressed with LZ4 (pyarrow's default for Feather) are
 * decompressed by lz4.ts, registered with apache-arrow as its LZ4_FRAME codec; ZSTD-compressed files are rejected
 * with a message saying how to re-save them (Node 20 has no zstd, and a decoder of our own would be large).
 *
 * The file is read batch by batch through a `FileHandle`, never whole: apache-arrow reads a *file*-format source
 * given as a byte stream (fs.createReadStream) into memory in one piece to reach its footer, while over a handle it
 * reads the footer, then each record batch when asked (and a stream-format file sequentially). Batches become typed
 * columns in arrowColumns.ts, shared with the Parquet reader. The row count is not known before the last batch (the
 * footer lists batches, not rows), so sampling is by reservoir, as for CSV.
 */
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { RecordBatch, RecordBatchReader } from 'apache-arrow';
import { ArrowColumns, type Arrow, type Take } from './arrowColumns';
import { fileError, openForReading } from './files';
import { nullTokens } from './infer';
import { lz4FrameDecode } from './lz4';
import { DEFAULT_SEED, Reservoir, rowCap } from './sample';
import { CancelledError, DataReadError, type ReadOptions, type Table } from './table';

let arrowModule: Arrow | undefined;

function load(): Arrow {
  if (!arrowModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const arrow = require('apache-arrow') as Arrow;
    const lz4 = arrow.CompressionType.LZ4_FRAME;
    if (!arrow.compressionRegistry.get(lz4)) arrow.compressionRegistry.set(lz4, { decode: lz4FrameDecode });
    guardFlatbufferLists();
    arrowModule = arrow;
  }
  return arrowModule;
}

/**
 * Makes apache-arrow's metadata decoding (the `flatbuffers` package's ByteBuffer) refuse a list whose length runs
 * past the end of its message. apache-arrow trusts the lengths: one flipped byte in a record batch message's
 * buffer count (found by test/unit/io-fuzz.test.ts) had it decode millions of buffer entries out of zeros, for 10
 * seconds and 1.4 GB, and a larger count would exhaust memory. Every list element takes at least one byte, so a list
 * of more elements than bytes left is corrupt. The check costs a comparison per list, not per element.
 */
function guardFlatbufferLists(): void {
  interface ByteBufferLike {
    readInt32(offset: number): number;
    capacity(): number;
    __vector_len(offset: number): number;
  }
  let proto: (ByteBufferLike & { driftListsGuarded?: boolean }) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    proto = (require('flatbuffers') as { ByteBuffer?: { prototype: ByteBufferLike } }).ByteBuffer?.prototype;
  } catch {
    return; // not where apache-arrow found it: no guard, as before
  }
  if (!proto || typeof proto.__vector_len !== 'function' || proto.driftListsGuarded) return;
  const listLength = proto.__vector_len;
  proto.__vector_len = function (this: ByteBufferLike, offset: number): number {
    const length = listLength.call(this, offset);
    const start = offset + this.readInt32(offset) + 4;
    if (length < 0 || start + length > this.capacity()) throw new Error('corrupt metadata (a list runs past the end of its message)');
    return length;
  };
  proto.driftListsGuarded = true;
}

const FILE_MAGIC = 'ARROW1';
const FEATHER_V1_MAGIC = 'FEA1';

export async function readArrow(path: string, options: ReadOptions = {}): Promise<Table> {
  const name = basename(path);
  const handle = await openForReading(path);
  try {
    const size = await checkMagic(path, handle);
    let arrow: Arrow;
    try {
      arrow = load();
    } catch (err) {
      throw new DataReadError(`${name}: Arrow support failed to load: ${(err as Error).message}`, path);
    }
    if (options.isCancelled?.()) throw new CancelledError(path);

    let bytesRead = 0;
    const reader = await arrow.RecordBatchReader.from(countingHandle(handle, size, (n) => (bytesRead += n)));
    await reader.open();
    const schema = reader.schema;
    if (!schema) throw new DataReadError(`${name}: not an Arrow IPC file or stream (no schema found)`, path);

    const cap = rowCap(options.maxRows);
    const seed = options.seed ?? DEFAULT_SEED;
    const reservoir = cap !== undefined ? new Reservoir(cap, seed) : undefined;
    const columns = new ArrowColumns(arrow, schema, path, {
      rows: 0,
      overwrites: reservoir !== undefined,
      columnTypes: options.columnTypes,
      nulls: nullTokens(options.nullTokens),
    });
    let base = 0; // file rows before this batch
    for await (const batch of batchesOf(reader, path)) {
      if (options.isCancelled?.()) throw new CancelledError(path);
      const length = batch.numRows;
      let take: Take = { slot0: base };
      if (reservoir) {
        const rows = new Int32Array(length);
        const slots = new Int32Array(length);
        let k = 0;
        for (let r = 0; r < length; r++) {
          const slot = reservoir.next();
          if (slot >= 0) {
            rows[k] = r;
            slots[k++] = slot;
          }
        }
        take = { rows: rows.subarray(0, k), slots: slots.subarray(0, k), slot0: 0 };
      }
      columns.add(batch, take, base);
      base += length;
      options.onProgress?.(Math.min(bytesRead, size), size);
    }
    const rows = reservoir ? reservoir.rows : base;
    const { columns: read, skipped } = columns.finish(rows);
    options.onProgress?.(size, size);
    return {
      path,
      format: 'arrow',
      rows,
      totalRows: base,
      ...(reservoir && base > rows ? { sample: { rows, seed } } : {}),
      columns: read,
      skipped,
      ...(columns.renamed ? { renamedColumns: columns.renamed } : {}),
    };
  } catch (err) {
    if (err instanceof CancelledError || err instanceof DataReadError) throw err;
    if (/compressed but codec not found/.test(messageOf(err))) {
      // LZ4 is registered, so the codec missing is ZSTD, the only other one IPC has.
      throw new DataReadError(
        `${name}: is compressed with ZSTD, which is not supported; re-save it with LZ4 or uncompressed (pyarrow: feather.write_feather(table, path, compression="lz4"))`,
        path,
      );
    }
    throw new DataReadError(`${name}: cannot read Arrow file: ${messageOf(err)}`, path);
  } finally {
    await handle.close();
  }
}

/**
 * The reader's record batches. A file's are read by index from its footer: apache-arrow's own iteration of a file
 * re-reads the same block forever when a corrupt block holds a message other than a record batch (found by
 * test/unit/io-fuzz.test.ts: one flipped byte in a Feather file's message header).
 */
async function* batchesOf(reader: RecordBatchReader, path: string): AsyncGenerator<RecordBatch> {
  if (!reader.isFile()) {
    yield* reader as AsyncIterable<RecordBatch>;
    return;
  }
  const count = reader.numRecordBatches;
  for (let index = 0; index < count; index++) {
    const batch = await reader.readRecordBatch(index);
    if (!batch) {
      throw new DataReadError(`${basename(path)}: Arrow file is corrupt (record batch ${index + 1} of ${count} cannot be read)`, path);
    }
    yield batch;
  }
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] || 'unknown error';
}

/**
 * The handle as apache-arrow uses it (fd, stat, read, close), counting the bytes it reads for progress. Closing is
 * left to the reader of the file, whatever apache-arrow does.
 *
 * A read outside the file, or one that finds no bytes, fails: apache-arrow loops until it has the bytes it asked for,
 * and a corrupt length sent it to a negative position, where Node reads nothing, forever (found by
 * test/unit/io-fuzz.test.ts: one flipped byte in an Arrow stream's message length).
 */
function countingHandle(handle: fs.promises.FileHandle, size: number, onRead: (bytes: number) => void): fs.promises.FileHandle {
  const counting = {
    fd: handle.fd,
    stat: () => handle.stat(),
    read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      if (!Number.isSafeInteger(position) || position < 0 || !(length >= 0) || position + length > size) {
        throw new Error(`corrupt file (a length or offset points outside the file: ${length} bytes at ${position})`);
      }
      const result = await handle.read(buffer, offset, length, position);
      if (result.bytesRead === 0 && length > 0) throw new Error(`unexpected end of file at byte ${position}`);
      onRead(result.bytesRead);
      return result;
    },
    close: async () => undefined,
  };
  return counting as unknown as fs.promises.FileHandle;
}

/** Size of the file after telling Feather v1, truncated IPC files and other files apart from what we can read. */
async function checkMagic(path: string, handle: fs.promises.FileHandle): Promise<number> {
  const name = basename(path);
  let size: number;
  const head = Buffer.alloc(8);
  const tail = Buffer.alloc(6);
  try {
    ({ size } = await handle.stat());
    await handle.read(head, 0, Math.min(8, size), 0);
    if (size >= 6) await handle.read(tail, 0, 6, size - 6);
  } catch (err) {
    throw fileError(path, err);
  }
  if (size === 0) throw new DataReadError(`${name}: file is empty`, path);
  if (head.toString('latin1', 0, 4) === FEATHER_V1_MAGIC) {
    throw new DataReadError(
      `${name}: is a Feather v1 file, which is not supported; re-save it as Feather v2 (pandas: df.to_feather(path); pyarrow: pyarrow.feather.write_feather(table, path))`,
      path,
    );
  }
  if (head.toString('latin1', 0, 6) === FILE_MAGIC) {
    if (size < 12 || tail.toString('latin1') !== FILE_MAGIC) {
      throw new DataReadError(`${name}: Arrow file is truncated or corrupt (missing ARROW1 magic at the end)`, path);
    }
    return size;
  }
  // A stream starts with a message: the 0xFFFFFFFF continuation marker, or (before Arrow 0.15) its metadata length.
  const first = size >= 4 ? head.readInt32LE(0) : 0;
  if (first === -1 || (first > 0 && first < size)) return size;
  throw new DataReadError(`${name}: not an Arrow IPC file or stream`, path);
}
