/**
 * Text files as streams of decoded strings: UTF-8 (with or without a BOM) and UTF-16 LE/BE announced by a BOM, as
 * Excel's "Unicode text" and PowerShell write them. UTF-16 is decoded while streaming (TextDecoder with
 * `stream: true` carries characters split across chunks), so it costs no more memory than UTF-8.
 */
import * as fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { fileError, openForReading } from './files';
import { DataReadError } from './table';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding announced by the file's first bytes: a UTF-16 BOM, else UTF-8 (whose BOM is optional). */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The first bytes as text, BOM dropped. A character cut at the end of `head` may come out as U+FFFD. */
export function decodeHead(head: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(head);
}

export interface TextStream {
  /** Emits strings (the BOM of UTF-16 dropped; a UTF-8 BOM is left to the caller). */
  readonly text: Readable;
  /** Bytes read from the file so far. */
  bytesRead(): number;
  destroy(): void;
}

/** Opens `path` as a stream of strings read `chunkBytes` at a time. */
export function openText(path: string, encoding: TextEncoding, chunkBytes: number): TextStream {
  if (encoding === 'utf-8') {
    // Node's own UTF-8 decoding of the read stream is the fastest path, and the common one.
    const file = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes });
    return { text: file, bytesRead: () => file.bytesRead, destroy: () => file.destroy() };
  }
  const file = fs.createReadStream(path, { highWaterMark: chunkBytes });
  const decoder = new TextDecoder(encoding);
  const text = new Transform({
    readableObjectMode: true, // strings pass as they are, not re-encoded to Buffers
    transform(chunk: Buffer, _encoding, done) {
      const s = decoder.decode(chunk, { stream: true });
      done(null, s.length > 0 ? s : undefined);
    },
    flush(done) {
      const s = decoder.decode();
      done(null, s.length > 0 ? s : undefined);
    },
  });
  file.on('error', (err) => text.destroy(err));
  file.pipe(text);
  return {
    text,
    bytesRead: () => file.bytesRead,
    destroy: () => {
      file.destroy();
      text.destroy();
    },
  };
}

/** Size of a regular file, as a DataReadError naming it when it cannot be read. */
export async function fileSize(path: string): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (err) {
    throw fileError(path, err);
  }
  if (stat.isDirectory()) throw new DataReadError(`${path}: is a directory, not a data file`, path);
  return stat.size;
}

/** The first `bytes` bytes of the file. */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await handle?.close();
  }
}

/** A text file as UTF-8 bytes, chunk by chunk (see `readUtf8Chunks`). */
export interface ByteChunks {
  /** The next chunk (UTF-8; a UTF-16 file transcoded, its BOM dropped; a UTF-8 BOM left to the caller), or null at the end. */
  next(): Promise<Uint8Array | null>;
  /** Bytes read from the file so far. */
  bytesRead(): number;
  close(): Promise<void>;
}

/**
 * Opens `path` for reading `chunkBytes` at a time, always one read ahead: the next chunk is being read (in libuv's
 * thread pool) while the caller parses this one. A chunk is valid until the next call to `next`.
 */
export async function readUtf8Chunks(path: string, encoding: TextEncoding, chunkBytes: number): Promise<ByteChunks> {
  const handle = await openForReading(path);
  const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
  let turn = 0;
  let position = 0;
  let ended = false;
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  const readInto = async (buffer: Buffer): Promise<Uint8Array | null> => {
    if (ended) return null;
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    position += bytesRead;
    if (bytesRead === 0) {
      ended = true;
      if (!decoder) return null;
      const rest = decoder.decode();
      return rest.length > 0 ? Buffer.from(rest, 'utf8') : null;
    }
    const bytes = buffer.subarray(0, bytesRead);
    return decoder ? Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8') : bytes;
  };
  let ahead: Promise<Uint8Array | null> | undefined = readInto(buffers[0]);
  ahead.catch(() => undefined); // surfaced by the first `next`
  return {
    async next() {
      if (!ahead) return null;
      const chunk = await ahead;
      if (chunk === null) {
        ahead = undefined;
        return null;
      }
      turn ^= 1;
      ahead = readInto(buffers[turn]);
      ahead.catch(() => undefined); // surfaced by the next `next`
      return chunk;
    },
    bytesRead: () => position,
    async close() {
      await ahead?.catch(() => undefined);
      ahead = undefined;
      await handle.close();
    },
  };
}
