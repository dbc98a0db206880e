/**
 * A cache from a cell's UTF-8 bytes to its dictionary code, so that repeated categories in a CSV column are looked up
 * without making a string of the cell (csvCells.ts). Open addressing over FNV-1a hashes; keys are copied into one
 * byte arena. It gives up (`full`) past `MAX_ENTRIES` distinct cells: free text and ids would only fill it. (At 2^14 a
 * column of 50,000 user names fell back to strings and read 1.7× slower: scripts/bench-io.mjs, ~100 MB of CSV.)
 */

/** `get`'s answer for bytes never `put`. */
export const MISS = -3;
const MAX_ENTRIES = 1 << 17;

export class ByteCodes {
  /** Hash table of entry index + 1 (0 = empty); size a power of two, at most half full. */
  private table = new Int32Array(1 << 8);
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  private codes = new Int32Array(64);
  private arena = new Uint8Array(1 << 12);
  private used = 0;
  private entries = 0;
  /** Too many distinct cells to be worth caching: callers stop asking. */
  full = false;

  clear(): void {
    this.table.fill(0);
    this.used = 0;
    this.entries = 0;
    this.full = false;
  }

  get(buf: Uint8Array, start: number, end: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let h = hash(buf, start, end) & mask; ; h = (h + 1) & mask) {
      const e = this.table[h] - 1;
      if (e < 0) return MISS;
      if (this.lengths[e] !== length) continue;
      const at = this.starts[e];
      let k = 0;
      while (k < length && this.arena[at + k] === buf[start + k]) k++;
      if (k === length) return this.codes[e];
    }
  }

  /** Remembers `code` for bytes [start, end), which `get` just missed. */
  put(buf: Uint8Array, start: number, end: number, code: number): void {
    if (this.entries >= MAX_ENTRIES) {
      this.full = true;
      return;
    }
    const length = end - start;
    if (this.entries === this.starts.length) this.growEntries();
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    const e = this.entries++;
    this.arena.set(buf.subarray(start, end), this.used);
    this.starts[e] = this.used;
    this.lengths[e] = length;
    this.codes[e] = code;
    this.used += length;
    if (this.entries * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.insert(e, hash(buf, start, end));
  }

  private insert(e: number, h: number): void {
    const mask = this.table.length - 1;
    for (h &= mask; this.table[h] !== 0; h = (h + 1) & mask);
    this.table[h] = e + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let e = 0; e < this.entries; e++) {
      const at = this.starts[e];
      this.insert(e, hash(this.arena, at, at + this.lengths[e]));
    }
  }

  private growEntries(): void {
    const n = this.starts.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.codes = grow(this.codes);
  }
}

function hash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k], 0x01000193);
  return h >>> 0;
}
