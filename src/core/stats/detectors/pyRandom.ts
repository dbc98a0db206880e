/**
 * Python's `random.Random`, bit for bit, for what the detectors need: the MT19937 generator (Matsumoto &
 * Nishimura 1998) seeded the way CPython seeds it from an int (init_by_array over the 32-bit words of |seed|,
 * Modules/_randommodule.c), `random()` (53-bit float from two draws), `getrandbits(k)` for k <= 32,
 * `_randbelow(n)` (rejection on n.bit_length() bits) and `sample(range(n), k)` (Lib/random.py, the pool
 * method, the one CPython takes for range(70) and k = 30 as KSWIN draws). So KSWIN with a seed draws the
 * same indices as River's `random.Random(seed).sample(...)`. Written from the published algorithms.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class PyRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  /** `random.Random(seed)`: seed is a non-negative or negative integer (its absolute value is used). */
  constructor(seed: number) {
    this.seed(seed);
  }

  /** `random.seed(n)` for an integer n (|n| < 2^53 here). */
  seed(seed: number): void {
    if (!Number.isInteger(seed)) throw new RangeError(`PyRandom: the seed must be an integer, got ${seed}`);
    let n = Math.abs(seed);
    const key: number[] = [];
    while (n > 0) {
      key.push(n % 0x100000000);
      n = Math.floor(n / 0x100000000);
    }
    if (key.length === 0) key.push(0);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32-bit output of MT19937 (genrand_uint32). */
  nextUint32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random.random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** `random.getrandbits(k)` for 0 <= k <= 32. */
  getrandbits(k: number): number {
    if (k === 0) return 0;
    return this.nextUint32() >>> (32 - k);
  }

  /** `random._randbelow(n)`: uniform integer in [0, n), n >= 1, by rejection on n.bit_length() bits. */
  randbelow(n: number): number {
    const k = 32 - Math.clz32(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /**
   * `random.sample(range(n), k)` written into `out[0..k)`, using `pool` (length >= n) as scratch: the
   * pool method of Lib/random.py, which CPython uses while n <= 21 + 4^ceil(log4(3k)) (k > 5) or n <= 21
   * (k <= 5). Larger n takes CPython's set-based method, reproduced here by rejection on a seen-marker.
   * No allocation.
   */
  sampleRange(n: number, k: number, out: Int32Array, pool: Int32Array): void {
    if (k < 0 || k > n) throw new RangeError('PyRandom.sampleRange: sample larger than population or is negative');
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      for (let i = 0; i < n; i++) pool[i] = i;
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        out[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      // `selected` set: pool[j] === 1 marks j as taken (pool needs length >= n).
      pool.fill(0, 0, n);
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (pool[j] === 1) j = this.randbelow(n);
        pool[j] = 1;
        out[i] = j;
      }
    }
  }
}
