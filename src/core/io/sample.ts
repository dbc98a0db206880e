/**
 * Seeded uniform row sampling, so the same files always give the same rows and the same report.
 *
 * Two strategies, chosen by what the reader knows:
 * - CSV/TSV do not know their row count until the end: `Reservoir` (Algorithm R) decides row by row, while
 *   streaming, which slot of a fixed-size sample each row goes to (or that it is dropped). Memory is bounded by the
 *   sample size whatever the file's size; the price is one random draw per row and rows in no particular order.
 *   (Reading everything and sampling indices afterwards would be simpler but would hold the whole file.)
 * - Parquet knows its row count from the footer: `sampleIndices` picks the sorted row indices up front (selection
 *   sampling, Knuth's Algorithm S), so only kept rows are converted and they stay in file order.
 */

export const DEFAULT_SEED = 42;

/** mulberry32: a small, fast 32-bit PRNG; plenty for sampling. Returns floats in [0, 1) with 53 random bits. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  const next32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => (next32() * 2097152 + (next32() >>> 11)) / 9007199254740992;
}

/** Reservoir sampling of `size` rows out of a stream of unknown length. */
export class Reservoir {
  /** Rows offered so far. */
  seen = 0;
  private readonly random: () => number;
  /**
   * Source row index held by each slot, once a row has replaced another; until then slot i holds row i and nothing
   * is stored (a file under the cap, the usual case, costs no memory here).
   */
  private source: Float64Array | undefined;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    if (!(size >= 1)) throw new RangeError(`sample size must be at least 1, got ${size}`);
    this.random = seededRandom(seed);
  }

  /** The slot the next row goes to, or -1 when it is not kept. */
  next(): number {
    const i = this.seen++;
    let slot: number;
    if (i < this.size) slot = i;
    else {
      slot = Math.floor(this.random() * (i + 1));
      if (slot >= this.size) return -1;
    }
    if (i >= this.size) (this.source ??= identity(this.size))[slot] = i;
    return slot;
  }

  /** Rows held: min(seen, size). */
  get rows(): number {
    return Math.min(this.seen, this.size);
  }

  /** Source row index of each slot. */
  sourceOf(slot: number): number {
    return this.source ? this.source[slot] : slot;
  }
}

function identity(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** `k` distinct indices in [0, n), sorted, uniformly chosen (Algorithm S); all of them when k >= n. */
export function sampleIndices(n: number, k: number, seed: number): Float64Array {
  if (k >= n) return identity(n);
  const random = seededRandom(seed);
  const out = new Float64Array(k);
  let chosen = 0;
  for (let i = 0; i < n && chosen < k; i++) {
    if ((n - i) * random() < k - chosen) out[chosen++] = i;
  }
  return out;
}

/** The effective cap: undefined/0/negative/non-finite mean no cap. */
export function rowCap(maxRows: number | undefined): number | undefined {
  return maxRows !== undefined && Number.isFinite(maxRows) && maxRows >= 1 ? Math.floor(maxRows) : undefined;
}
