/**
 * Sorted copy of a Float64Array. The built-in TypedArray sort is a comparison sort (~200 ms per million
 * values on a modest machine); for large inputs an LSD radix sort on the IEEE-754 bit patterns does the
 * same job in a few linear passes. Equal keys keep no particular order, which no caller depends on.
 * NaN must not occur (callers drop missing values); -0 sorts just before +0, which compare equal anyway.
 *
 * Each double is two 32-bit words (lo, hi); flipping the sign bit of positives and every bit of negatives
 * turns IEEE order into unsigned integer order, sorted 16 bits at a time. For most data the high word
 * (sign, exponent, 20 mantissa bits) already nearly orders the values: only values sharing a high word,
 * i.e. within about 1e-6 relative of each other, can still be out of order. So when all four digits vary
 * and the high words are spread widely, only the two high-word passes run, and a final scan repairs the
 * runs of equal high words that are out of order (short ones by insertion, long ones by a byte-wise radix
 * sort of their low words). That halves the scatter passes on typical columns (~25% less time per sort),
 * and stays within a little of the four passes on inputs where runs turn out long.
 */

/** Below this size the built-in sort wins: radix sort pays for 4 × 65 536 counters. */
const RADIX_MIN = 4096;
const DIGIT = 16;
const BUCKETS = 1 << DIGIT;
const MASK = BUCKETS - 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Runs (of equal high words) up to this long are repaired by insertion sort, longer ones by radix. */
const INSERTION_MAX = 48;

export function sortedCopy(values: Float64Array): Float64Array {
  return radixSorted(values, false);
}

/**
 * The finite values of `values`, ascending, in a new array: `sortedCopy` of them, without first copying them out
 * (NaN and ±Infinity are skipped by the radix sort's first pass).
 */
export function sortedFiniteCopy(values: Float64Array): Float64Array {
  return radixSorted(values, true);
}

/** Whether a double's high word is that of NaN or ±Infinity (exponent all ones). */
const NON_FINITE = 0x7ff00000;

function radixSorted(values: Float64Array, skipNonFinite: boolean): Float64Array {
  const size = values.length;
  if (size < RADIX_MIN || !LITTLE_ENDIAN) {
    const small = skipNonFinite ? values.filter((x) => x - x === 0) : values.slice();
    return small.sort();
  }
  // Each loop below is a function of its own: V8 optimizes a hot loop on the spot (on-stack replacement), and
  // in one big function the code after that loop had never run, so it was thrown out again at the next loop
  // (a dozen deoptimizations per sort; cold sorts of 1e5 values took 3–7× as long as warm ones).
  const raw = new Uint32Array(values.buffer, values.byteOffset, 2 * size);
  const counts = countsArray();
  const n = countDigits(raw, skipNonFinite, counts); // keys sorted: every value, or the finite ones
  const skipping = n < size; // only then can the first pass meet a value to leave out

  // Prefix sums; a digit every key shares (common in the top bits) needs no pass.
  const shared = [false, false, false, false];
  const used = [0, 0, 0, 0]; // distinct values of each digit
  for (let pass = 0; pass < 4; pass++) {
    used[pass] = prefixSums(counts, pass * BUCKETS);
    shared[pass] = used[pass] <= 1; // one value for every key (or no keys)
  }
  // High words first (then repair runs) only where it pays: every digit varies, so the full sort would
  // take four passes, and the high words can be spread widely enough that runs of equal ones stay short
  // (at most used[2]·used[3] distinct high words). Narrow data (timestamps, values within a small relative
  // window) share their top digits and take the plain passes, which then are fewer anyway.
  const highFirst = !shared[0] && !shared[1] && !shared[2] && !shared[3] && used[2] * used[3] >= 2 * n;
  const active = [0, 1, 2, 3].filter((p) => !shared[p] && (!highFirst || p >= 2));

  // Room for every value, not just the finite ones: the columns of a table have one length but different numbers of
  // missing values, so each later sort then fits in the same memory (growing it column by column left garbage).
  const outWords = outputWords(2 * n, 2 * size);
  if (active.length === 0) {
    // Every key identical (n = 0 included): that value n times.
    const out = new Float64Array(outWords.buffer, outWords.byteOffset, n);
    return n > 0 ? out.fill(values[firstKept(raw, skipping)]) : out;
  }
  // Keys as (lo, hi) pairs: flipping the sign bit of positives and every bit of negatives turns IEEE order
  // into unsigned order. The first pass reads the input and transforms; the last writes the doubles back.
  // Passes alternate between the output and one pooled scratch array, arranged so that the last lands in the output.
  const scratch = active.length > 1 ? scratchWords(0, 2 * n, 2 * size) : outWords;
  let from: Uint32Array = raw;
  for (let p = 0; p < active.length; p++) {
    const pass = active[p];
    const base = pass * BUCKETS;
    const word = pass >> 1; // 0: lo word, 1: hi word
    const shift = (pass & 1) * DIGIT;
    const first = p === 0;
    const last = p === active.length - 1;
    const to = (active.length - 1 - p) % 2 === 0 ? outWords : scratch;
    if (first && last) scatterDoubles(from, to, skipping, counts, base, word, shift);
    else if (first) scatterDoublesToKeys(from, to, skipping, counts, base, word, shift);
    else if (!last) scatterKeys(from, to, 2 * n, counts, base, word, shift);
    else scatterKeysToDoubles(from, to, 2 * n, counts, base, word, shift);
    from = to;
  }
  const out = new Float64Array(outWords.buffer, outWords.byteOffset, n);
  if (highFirst) repairRuns(out, outWords);
  return out;
}

/**
 * The counts of all four 16-bit digits of the keys, in one read-only pass over the input (`raw`: the doubles'
 * words); returns how many keys were counted (all, or the finite ones).
 */
function countDigits(raw: Uint32Array, skipNonFinite: boolean, counts: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const hiRaw = raw[i + 1];
    if (skipNonFinite && (hiRaw & NON_FINITE) === NON_FINITE) continue;
    n++;
    const flip = hiRaw >> 31; // all ones for negatives
    const lo = (raw[i] ^ flip) >>> 0;
    const hi = (hiRaw ^ (flip | 0x80000000)) >>> 0;
    counts[lo & MASK]++;
    counts[BUCKETS + (lo >>> DIGIT)]++;
    counts[2 * BUCKETS + (hi & MASK)]++;
    counts[3 * BUCKETS + (hi >>> DIGIT)]++;
  }
  return n;
}

/** Turns one digit's counts (from `base`) into start offsets; returns how many distinct values the digit takes. */
function prefixSums(counts: Uint32Array, base: number): number {
  let sum = 0;
  let used = 0;
  for (let b = base; b < base + BUCKETS; b++) {
    const c = counts[b];
    if (c !== 0) used++;
    counts[b] = sum;
    sum += c;
  }
  return used;
}

/** Index of the first double whose words are in `raw` that the sort keeps. */
function firstKept(raw: Uint32Array, skipping: boolean): number {
  let i = 0;
  while (skipping && (raw[i + 1] & NON_FINITE) === NON_FINITE) i += 2;
  return i >> 1;
}

/** A single pass: digits from the keys, the doubles moved as they are. */
function scatterDoubles(from: Uint32Array, to: Uint32Array, skipping: boolean, counts: Uint32Array, base: number, word: number, shift: number): void {
  for (let i = 0; i < from.length; i += 2) {
    const lo = from[i];
    const hi = from[i + 1];
    if (skipping && (hi & NON_FINITE) === NON_FINITE) continue;
    const flip = hi >> 31;
    const key = word ? (hi ^ (flip | 0x80000000)) >>> 0 : (lo ^ flip) >>> 0;
    const at = 2 * counts[base + ((key >>> shift) & MASK)]++;
    to[at] = lo;
    to[at + 1] = hi;
  }
}

/** The first of several passes: reads the doubles, writes keys. */
function scatterDoublesToKeys(from: Uint32Array, to: Uint32Array, skipping: boolean, counts: Uint32Array, base: number, word: number, shift: number): void {
  for (let i = 0; i < from.length; i += 2) {
    const hiRaw = from[i + 1];
    if (skipping && (hiRaw & NON_FINITE) === NON_FINITE) continue;
    const flip = hiRaw >> 31;
    const lo = (from[i] ^ flip) >>> 0;
    const hi = (hiRaw ^ (flip | 0x80000000)) >>> 0;
    const at = 2 * counts[base + (((word ? hi : lo) >>> shift) & MASK)]++;
    to[at] = lo;
    to[at + 1] = hi;
  }
}

/** A middle pass: keys to keys. */
function scatterKeys(from: Uint32Array, to: Uint32Array, words: number, counts: Uint32Array, base: number, word: number, shift: number): void {
  for (let i = 0; i < words; i += 2) {
    const lo = from[i];
    const hi = from[i + 1];
    const at = 2 * counts[base + (((word ? hi : lo) >>> shift) & MASK)]++;
    to[at] = lo;
    to[at + 1] = hi;
  }
}

/** The last pass: writes the keys back as the doubles' own bit patterns. */
function scatterKeysToDoubles(from: Uint32Array, to: Uint32Array, words: number, counts: Uint32Array, base: number, word: number, shift: number): void {
  for (let i = 0; i < words; i += 2) {
    const lo = from[i];
    const hi = from[i + 1];
    const at = 2 * counts[base + (((word ? hi : lo) >>> shift) & MASK)]++;
    const flip = ~hi >> 31; // all ones where the key stands for a negative
    to[at] = lo ^ flip;
    to[at + 1] = hi ^ (flip | 0x80000000);
  }
}

/**
 * Scratch arrays shared by every sort in this thread: a comparison sorts two sides of many columns, mostly of one
 * size, and allocating scratch space for each sort left tens of megabytes of garbage per column for the collector
 * (it showed as peak memory). `releaseSortScratch` drops them.
 */
const pool: (Uint32Array | undefined)[] = [undefined];
/** Sorted outputs handed back with `recycleSorted` (their callers are done with them), reused as later outputs. */
let recycled: ArrayBuffer[] = [];
const RECYCLED_MAX = 2;

/** Pooled scratch slot `k`, `words` long (its contents are garbage); when new, made `room` long. */
function scratchWords(k: number, words: number, room: number): Uint32Array {
  let a = pool[k];
  if (!a || a.length < words) pool[k] = a = new Uint32Array(Math.max(words, room, 2 * RADIX_MIN));
  return a.length === words ? a : a.subarray(0, words);
}

/** The digit counters, pooled too (1 MB): zeroed for each sort. */
let counters: Uint32Array | undefined;
function countsArray(): Uint32Array {
  if (!counters) return (counters = new Uint32Array(4 * BUCKETS));
  return counters.fill(0);
}

/** Space for a sort's output, `words` long: a recycled buffer that fits (not much larger), else a new one `room` long. */
function outputWords(words: number, room: number): Uint32Array {
  const bytes = 4 * words;
  const k = recycled.findIndex((b) => b.byteLength >= bytes && b.byteLength <= bytes + (bytes >> 2));
  if (k < 0) return new Uint32Array(new ArrayBuffer(4 * Math.max(words, room)), 0, words);
  const [buffer] = recycled.splice(k, 1);
  return new Uint32Array(buffer, 0, words);
}

/**
 * Hands back sorted arrays from `sortedCopy` / `sortedFiniteCopy` that their caller will not read again (nor has
 * kept a view of), so the next sorts can write into them instead of allocating. Anything else is ignored.
 */
export function recycleSorted(...arrays: Float64Array[]): void {
  for (const a of arrays) {
    const buffer = a.buffer;
    if (!(buffer instanceof ArrayBuffer) || a.byteOffset !== 0 || buffer.byteLength < 8 * RADIX_MIN) continue;
    if (recycled.includes(buffer)) continue;
    recycled.push(buffer);
    if (recycled.length > RECYCLED_MAX) recycled.shift();
  }
}

/** Frees the pooled scratch and recycled arrays (after a comparison, so an idle worker does not keep them). */
export function releaseSortScratch(): void {
  counters = undefined;
  pool.fill(undefined);
  recycled = [];
}

/**
 * `values` is ordered by high word; values sharing a high word may be out of order. Two neighbours can
 * only be out of order inside such a run (across runs the high words already order them), so one scan
 * finds every run that needs work. `words` views the same buffer as (lo, hi) pairs.
 */
function repairRuns(values: Float64Array, words: Uint32Array): void {
  const n = values.length;
  let scratch: Float64Array | null = null;
  for (let i = 1; i < n; i++) {
    if (!(values[i] < values[i - 1])) continue;
    const hi = words[2 * i + 1];
    let start = i - 1;
    while (start > 0 && words[2 * start - 1] === hi) start--;
    let end = i + 1;
    while (end < n && words[2 * end + 1] === hi) end++;
    if (end - start <= INSERTION_MAX) insertionSort(values, start, end);
    else {
      if (!scratch || scratch.length < end - start) scratch = new Float64Array(Math.max(end - start, 1024));
      sortRunByLowWord(values, words, start, end, scratch);
    }
    i = end;
  }
}

function insertionSort(values: Float64Array, start: number, end: number): void {
  for (let k = start + 1; k < end; k++) {
    const v = values[k];
    let m = k - 1;
    while (m >= start && values[m] > v) {
      values[m + 1] = values[m];
      m--;
    }
    values[m + 1] = v;
  }
}

/**
 * Sorts values[start, end), which share one high word (so one sign), by their low words: an LSD radix
 * sort on bytes (256 counters suit runs of any length), ascending for positives, descending for negatives.
 */
function sortRunByLowWord(values: Float64Array, words: Uint32Array, start: number, end: number, scratch: Float64Array): void {
  const len = end - start;
  const flip = words[2 * start + 1] & 0x80000000 ? 0xffffffff : 0;
  const counts = new Uint32Array(4 * 256);
  for (let k = start; k < end; k++) {
    const key = words[2 * k] ^ flip;
    counts[key & 255]++;
    counts[256 + ((key >>> 8) & 255)]++;
    counts[512 + ((key >>> 16) & 255)]++;
    counts[768 + (key >>> 24)]++;
  }
  let from = values.subarray(start, end);
  let fromWords = new Uint32Array(from.buffer, from.byteOffset, 2 * len);
  let to = scratch.subarray(0, len);
  let toWords = new Uint32Array(to.buffer, to.byteOffset, 2 * len);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    let sum = 0;
    let skip = false;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b];
      if (c === len) skip = true;
      counts[base + b] = sum;
      sum += c;
    }
    if (skip) continue;
    const shift = pass * 8;
    for (let k = 0; k < len; k++) to[counts[base + (((fromWords[2 * k] ^ flip) >>> shift) & 255)]++] = from[k];
    [from, to] = [to, from];
    [fromWords, toWords] = [toWords, fromWords];
  }
  if (from.buffer !== values.buffer) values.set(from, start);
}
