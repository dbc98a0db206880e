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
  /**
   * Open addressing: slot k holds (hash, entry + 1) at [2k, 2k + 1] (0 = empty), the hash beside the entry so that a
   * probe past another key costs no further memory access; at most half full, its size a power of two.
   */
  private table = new Int32Array(2 << 8);
  /** Entry e is (start in the arena, length, code) at [3e, 3e + 3): one memory access for all three. */
  private records = new Int32Array(3 * 64);
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
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const length = end - start;
    const h = hash(buf, start, end);
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const e = table[2 * k + 1] - 1;
      if (e < 0) return MISS;
      if (table[2 * k] !== h) continue;
      const r = 3 * e;
      if (this.records[r + 1] !== length) continue;
      const at = this.records[r];
      let m = 0;
      while (m < length && this.arena[at + m] === buf[start + m]) m++;
      if (m === length) return this.records[r + 2];
    }
  }

  /** Remembers `code` for bytes [start, end), which `get` just missed. */
  put(buf: Uint8Array, start: number, end: number, code: number): void {
    if (this.entries >= MAX_ENTRIES) {
      this.full = true;
      return;
    }
    const length = end - start;
    if (3 * (this.entries + 1) > this.records.length) {
      const records = new Int32Array(this.records.length * 2);
      records.set(this.records);
      this.records = records;
    }
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    const e = this.entries++;
    this.arena.set(buf.subarray(start, end), this.used);
    this.records[3 * e] = this.used;
    this.records[3 * e + 1] = length;
    this.records[3 * e + 2] = code;
    this.used += length;
    if (4 * this.entries > this.table.length) this.rehash(this.table.length * 2);
    else this.insert(e, hash(buf, start, end));
  }

  private insert(e: number, h: number): void {
    const mask = (this.table.length >> 1) - 1;
    let k = h & mask;
    while (this.table[2 * k + 1] !== 0) k = (k + 1) & mask;
    this.table[2 * k] = h;
    this.table[2 * k + 1] = e + 1;
  }

  private rehash(length: number): void {
    this.table = new Int32Array(length);
    for (let e = 0; e < this.entries; e++) {
      const at = this.records[3 * e];
      this.insert(e, hash(this.arena, at, at + this.records[3 * e + 1]));
    }
  }
}

/** FNV-1a, as a signed 32-bit integer (what an Int32Array slot holds). */
function hash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k], 0x01000193);
  return h;
}
