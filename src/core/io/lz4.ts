/**
 * LZ4 frame decompression, for Arrow IPC buffers compressed with LZ4_FRAME: what pyarrow, and so pandas'
 * `to_feather`, writes by default. apache-arrow reads compressed buffers only through a codec registered with it,
 * and Node has no LZ4, so this is the small decoder of the two formats involved:
 * https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md and lz4_Block_format.md.
 *
 * Checksums (xxHash32) are skipped, not verified: a damaged buffer still fails on its structure here or on Arrow's
 * own length checks, and the changed-file check in read.ts covers files rewritten mid-read.
 */

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC = 0x184d2a50; // 0x184D2A50-0x184D2A5F

export class Lz4Error extends Error {
  constructor(message: string) {
    super(`LZ4: ${message}`);
    this.name = 'Lz4Error';
  }
}

/** The bytes of every LZ4 frame in `input`, concatenated. */
export function lz4FrameDecode(input: Uint8Array): Uint8Array {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let out = new Uint8Array(Math.max(1024, input.length * 4));
  let o = 0;
  const ensure = (n: number): void => {
    if (o + n <= out.length) return;
    let cap = out.length * 2;
    while (cap < o + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(out.subarray(0, o));
    out = next;
  };
  const need = (at: number, n: number): void => {
    if (at + n > input.length) throw new Lz4Error('truncated data');
  };

  /** Decodes the LZ4 block input[p, end) onto the output. Matches may reach into earlier blocks of the frame. */
  const block = (p: number, end: number): void => {
    while (p < end) {
      const token = input[p++];
      let literals = token >>> 4;
      if (literals === 15) {
        let b: number;
        do {
          if (p >= end) throw new Lz4Error('truncated block');
          b = input[p++];
          literals += b;
        } while (b === 255);
      }
      if (p + literals > end) throw new Lz4Error('literals run past the block');
      ensure(literals);
      if (literals < 32) for (let k = 0; k < literals; k++) out[o++] = input[p++];
      else {
        out.set(input.subarray(p, p + literals), o);
        o += literals;
        p += literals;
      }
      if (p >= end) return; // the last sequence has literals only
      if (p + 2 > end) throw new Lz4Error('truncated block');
      const offset = input[p] | (input[p + 1] << 8);
      p += 2;
      if (offset === 0 || offset > o) throw new Lz4Error('match offset out of range');
      let length = token & 15;
      if (length === 15) {
        let b: number;
        do {
          if (p >= end) throw new Lz4Error('truncated block');
          b = input[p++];
          length += b;
        } while (b === 255);
      }
      length += 4;
      ensure(length);
      let from = o - offset;
      if (offset >= length) {
        out.copyWithin(o, from, from + length);
        o += length;
      } else {
        // Overlapping match: repeats the last `offset` bytes, one byte at a time.
        for (let k = 0; k < length; k++) out[o++] = out[from++];
      }
    }
  };

  let i = 0;
  while (i < input.length) {
    need(i, 4);
    const magic = view.getUint32(i, true);
    i += 4;
    if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE_MAGIC) {
      need(i, 4);
      i += 4 + view.getUint32(i, true);
      continue;
    }
    if (magic !== FRAME_MAGIC) throw new Lz4Error('not an LZ4 frame');
    need(i, 3);
    const flags = input[i];
    i += 2; // FLG, BD (the block size limit: blocks say their own size)
    if (flags >>> 6 !== 1) throw new Lz4Error(`unsupported frame version ${flags >>> 6}`);
    const blockChecksums = (flags & 0x10) !== 0;
    const contentChecksum = (flags & 0x04) !== 0;
    if (flags & 0x08) {
      need(i, 8);
      ensure(Number(view.getBigUint64(i, true)));
      i += 8;
    }
    if (flags & 0x01) throw new Lz4Error('frames with a preset dictionary are not supported');
    i += 1; // header checksum
    for (;;) {
      need(i, 4);
      const word = view.getUint32(i, true);
      i += 4;
      if (word === 0) break; // end mark
      const size = word & 0x7fffffff;
      need(i, size);
      if (word & 0x80000000) {
        // Stored uncompressed.
        ensure(size);
        out.set(input.subarray(i, i + size), o);
        o += size;
      } else block(i, i + size);
      i += size + (blockChecksums ? 4 : 0);
    }
    if (contentChecksum) i += 4;
  }
  return out.length === o ? out : out.slice(0, o);
}
