/**
 * Shared by the SciPy fixture tests: replaying recipe samples bit for bit (test/fixtures/scipy/recipes.py)
 * and comparing at 1e-6 relative (1e-12 absolute near 0), keeping the worst error per family for the report.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';

/** From out/test/unit/support (compiled) back to test/fixtures/scipy in the repository. */
export const SCIPY_FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'scipy');

export interface Recipe {
  gen: 'normal' | 'cauchy' | 'int' | 'uniform' | 'pareto' | 'const';
  seed: number;
  n: number;
  shift?: number;
  scale?: number;
  k?: number;
  value?: number;
  /** About holes / 2^20 of the values become NaN, +Infinity or -Infinity (a second stream, see recipes.py). */
  holes?: number;
}

const HOLE_VALUES = [NaN, Infinity, -Infinity];

/** xorshift32, seeded and warmed up exactly like XorShift32 in recipes.py. */
export function xorshift32(seed: number): (lo: number, hi: number) => number {
  let s = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const next = () => {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    return s;
  };
  for (let i = 0; i < 8; i++) next();
  // u·(hi-lo) < 2^53 is exact, and dividing by 2^32 is exact: the same integer Python's >> 32 gives.
  return (lo, hi) => lo + Math.floor((next() * (hi - lo)) / 4294967296);
}

/** Replays recipes.py's gen_sample: integer arithmetic and one IEEE division per value. */
export function genSample(spec: Recipe): Float64Array {
  const randint = xorshift32(spec.seed);
  const out = new Float64Array(spec.n);
  const shift = spec.shift ?? 0;
  const holes = spec.holes ?? 0;
  const hole = xorshift32((spec.seed ^ 0x5bd1e995) >>> 0);
  for (let i = 0; i < spec.n; i++) {
    switch (spec.gen) {
      case 'normal': {
        const s = randint(0, 10000) + randint(0, 10000) + randint(0, 10000) + randint(0, 10000);
        out[i] = (s - 20000 + shift) / spec.scale!;
        break;
      }
      case 'cauchy': {
        const num = randint(0, 1 << 20) - (1 << 19) + shift;
        out[i] = num / randint(1, 1025);
        break;
      }
      case 'int':
        out[i] = (randint(0, spec.k!) + shift) / (spec.scale ?? 1);
        break;
      case 'uniform':
        out[i] = (randint(0, 1 << 20) + shift) / (1 << 20);
        break;
      case 'pareto':
        out[i] = ((1 << 20) + shift) / randint(1, (1 << 20) + 1);
        break;
      case 'const':
        out[i] = spec.value!;
        break;
    }
    if (holes && hole(0, 1 << 20) < holes) out[i] = HOLE_VALUES[hole(0, 3)];
  }
  return out;
}

export const REL = 1e-6;
export const ABS = 1e-12;
export const worst = new Map<string, { rel: number; where: string }>();

/** |actual - expected| <= 1e-6·|expected|, or <= 1e-12 absolutely (for values at or near 0). */
export function close(actual: number, expected: number, family: string, where: string): void {
  const diff = Math.abs(actual - expected);
  const rel = expected === 0 ? (diff === 0 ? 0 : Infinity) : diff / Math.abs(expected);
  // The report tracks relative error wherever SciPy's value is a normal double, even inside the absolute floor.
  const w = worst.get(family) ?? { rel: 0, where };
  if (Math.abs(expected) >= 2.2250738585072014e-308 && rel > w.rel) worst.set(family, { rel, where });
  else worst.set(family, w);
  assert.ok(
    diff <= REL * Math.abs(expected) || diff <= ABS,
    `${family} ${where}: got ${actual}, SciPy ${expected} (relative error ${rel.toExponential(2)})`,
  );
}

/**
 * Named fixture samples, each built once however many cases use it (a recipe of a million values is replayed
 * once): inline values (JSON has no NaN/Infinity, so those come as the strings "NaN", "Infinity", "-Infinity")
 * or a recipe.
 */
export function sampleLoader(samples: Record<string, readonly (number | string)[] | Recipe>): (name: string) => Float64Array {
  const cache = new Map<string, Float64Array>();
  return (name) => {
    let s = cache.get(name);
    if (!s) {
      const src = samples[name];
      assert.ok(src, `sample ${name} missing from the fixture`);
      s = Array.isArray(src) ? Float64Array.from(src as (number | string)[], (v) => Number(v)) : genSample(src as Recipe);
      cache.set(name, s);
    }
    return s;
  };
}
