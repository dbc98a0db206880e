/**
 * Python's `random` module for replaying River's docstring examples: the streams those examples build with
 * `random.Random(seed).choices(...)`. The generator itself (MT19937 seeded as CPython seeds it, `random()`,
 * `_randbelow`, `sample`) lives in src/core/stats/detectors/pyRandom.ts because KSWIN draws with it; this file
 * adds `choices` (Lib/random.py: floor(random() · n) without weights, bisect on the cumulative weights with)
 * and `gauss` (Lib/random.py's Box–Muller with a cached second value; its cos/sin/log may differ from C's in
 * the last bit, so streams built with it are "Python-like", not bit-exact).
 */
import { PyRandom } from '../../../src/core/stats/detectors/pyRandom';

export { PyRandom };

/** `rng.choices(population, k=k)`. */
export function choices<T>(rng: PyRandom, population: readonly T[], k: number): T[] {
  const n = population.length;
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(population[Math.floor(rng.random() * n)]);
  return out;
}

/** `rng.choices(population, weights=weights, k=k)`. */
export function choicesWeighted<T>(rng: PyRandom, population: readonly T[], weights: readonly number[], k: number): T[] {
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w));
  const total = cum[cum.length - 1] + 0.0;
  const hi = population.length - 1;
  const out: T[] = [];
  for (let i = 0; i < k; i++) {
    // bisect.bisect(cum, x, 0, hi): first index whose cumulative weight is > x.
    const x = rng.random() * total;
    let lo = 0;
    let h = hi;
    while (lo < h) {
      const mid = (lo + h) >> 1;
      if (x < cum[mid]) h = mid;
      else lo = mid + 1;
    }
    out.push(population[lo]);
  }
  return out;
}

/** `random.Random(seed)` with Python's `gauss(mu, sigma)` (Box–Muller, second value cached). */
export class PyGauss {
  private next: number | null = null;
  constructor(readonly rng: PyRandom) {}
  gauss(mu = 0, sigma = 1): number {
    let z = this.next;
    this.next = null;
    if (z === null) {
      const x2pi = this.rng.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - this.rng.random()));
      z = Math.cos(x2pi) * g2rad;
      this.next = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }
}

/** Python's `range(a, b)` as an array. */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}
