/**
 * The statistics library against SciPy/NumPy reference values (test/fixtures/scipy/stats.json, made by
 * test/fixtures/scipy/generate.py), at 1e-6 relative (1e-12 absolute near 0), plus property checks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as fc from 'fast-check';
import {
  chi2Sf,
  chiSquaredHomogeneity,
  countCodes,
  histogramCounts,
  histogramEdges,
  jensenShannonDistance,
  kolmogornSf,
  ksTwoSample,
  normalizedWasserstein,
  normalSf,
  smirnovSf,
  twoProportionZ,
  wassersteinDistance,
} from '../../src/core/stats';
import { sortedCopy } from '../../src/core/stats/sort';

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────────

interface Recipe {
  gen: 'normal' | 'cauchy' | 'int' | 'uniform' | 'const';
  seed: number;
  n: number;
  shift?: number;
  scale?: number;
  k?: number;
  value?: number;
}
interface PairCase {
  name: string;
  a: string;
  b: string;
}
interface Fixtures {
  scipy: string;
  numpy: string;
  samples: Record<string, number[] | Recipe>;
  ks: (PairCase & { statistic: number; pValue: number; method: 'exact' | 'asymp' })[];
  kstwo: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
  chi2sf: { x: number; dof: number; sf: number }[];
  normsf: { z: number; sf: number }[];
  chi2: { name: string; ref: number[]; cur: number[]; statistic: number; pValue: number; dof: number }[];
  z: { refHits: number; refN: number; curHits: number; curN: number; statistic: number; pValue: number }[];
  wasserstein: (PairCase & { distance: number; normalized: number })[];
  histogram: (PairCase & {
    bins: number | 'sturges';
    edges: number[];
    countsA: number[];
    countsB: number[];
    edgesA: number[];
    countsBOnEdgesA: number[];
  })[];
  jensenshannonBinned: (PairCase & { distance: number })[];
  jensenshannonCounts: { name: string; p: number[]; q: number[]; distance: number }[];
}

// From out/test/unit/ (compiled) back to the repository root.
const FIXTURE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'scipy', 'stats.json');
const fx: Fixtures = JSON.parse(readFileSync(FIXTURE, 'utf8'));

/** xorshift32, seeded and warmed up exactly like XorShift32 in generate.py. */
function xorshift32(seed: number): (lo: number, hi: number) => number {
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

/** Replays generate.py's gen_sample: integer arithmetic and one IEEE division per value. */
function genSample(spec: Recipe): Float64Array {
  const randint = xorshift32(spec.seed);
  const out = new Float64Array(spec.n);
  const shift = spec.shift ?? 0;
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
      case 'const':
        out[i] = spec.value!;
        break;
    }
  }
  return out;
}

const sampleCache = new Map<string, Float64Array>();
function sample(name: string): Float64Array {
  let s = sampleCache.get(name);
  if (!s) {
    const src = fx.samples[name];
    assert.ok(src, `sample ${name} missing from the fixture`);
    s = Array.isArray(src) ? Float64Array.from(src) : genSample(src);
    sampleCache.set(name, s);
  }
  return s;
}

// ── comparison at 1e-6 relative ───────────────────────────────────────────────────────────────────

const REL = 1e-6;
const ABS = 1e-12;
const worst = new Map<string, { rel: number; where: string }>();

/** |actual - expected| <= 1e-6·|expected|, or <= 1e-12 absolutely (for values at or near 0). */
function close(actual: number, expected: number, family: string, where: string): void {
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

// ── reference comparisons ─────────────────────────────────────────────────────────────────────────

test(`fixture was generated by SciPy (${fx.scipy}) and holds enough cases`, () => {
  assert.match(fx.scipy, /^\d+\.\d+/);
  for (const key of ['ks', 'chi2', 'z', 'wasserstein', 'histogram', 'kstwo'] as const) {
    assert.ok(fx[key].length >= 60, `${key}: ${fx[key].length} cases`);
  }
  assert.ok(fx.jensenshannonBinned.length + fx.jensenshannonCounts.length >= 60);
});

test('recipe samples replay generate.py (spot values)', () => {
  // Irwin–Hall values are k/5000: integral after scaling back, and within the generator's range.
  const s = genSample({ gen: 'normal', seed: 13, n: 1000, scale: 5000 });
  for (const v of s) {
    assert.ok(Number.isInteger(Math.round(v * 5000)) && Math.abs(v) <= 4);
  }
});

test('ksTwoSample matches scipy.stats.ks_2samp(method="auto")', () => {
  for (const c of fx.ks) {
    const a = sample(c.a);
    const b = sample(c.b);
    const aCopy = a.slice();
    const bCopy = b.slice();
    const r = ksTwoSample(a, b);
    const where = `${c.name} (${a.length} vs ${b.length})`;
    close(r.statistic, c.statistic, 'ks statistic', where);
    close(r.pValue, c.pValue, 'ks p-value', where);
    assert.equal(r.method, c.method, `${where}: method`);
    assert.deepEqual(a, aCopy, `${where}: reference was modified`);
    assert.deepEqual(b, bCopy, `${where}: current was modified`);
  }
});

test('kolmogornSf matches scipy.stats.kstwo.sf on every branch', () => {
  for (const c of fx.kstwo) close(kolmogornSf(c.n, c.x), c.sf, 'kstwo.sf', `n=${c.n} x=${c.x}`);
});

test('smirnovSf matches scipy.special.smirnov', () => {
  for (const c of fx.smirnov) close(smirnovSf(c.n, c.x), c.sf, 'smirnov', `n=${c.n} x=${c.x}`);
});

test('chi2Sf and normalSf match scipy.stats.chi2.sf / norm.sf, far tails included', () => {
  for (const c of fx.chi2sf) close(chi2Sf(c.x, c.dof), c.sf, 'chi2.sf', `x=${c.x} dof=${c.dof}`);
  for (const c of fx.normsf) close(normalSf(c.z), c.sf, 'norm.sf', `z=${c.z}`);
});

test('chiSquaredHomogeneity matches scipy.stats.chi2_contingency(correction=False)', () => {
  for (const c of fx.chi2) {
    const r = chiSquaredHomogeneity(c.ref, c.cur);
    close(r.statistic, c.statistic, 'chi2 statistic', c.name);
    close(r.pValue, c.pValue, 'chi2 p-value', c.name);
    assert.equal(r.dof, c.dof, `${c.name}: dof`);
  }
});

test('twoProportionZ matches the pooled z-test with p = 2·norm.sf(|z|)', () => {
  for (const c of fx.z) {
    const r = twoProportionZ(c.refHits, c.refN, c.curHits, c.curN);
    const where = `${c.refHits}/${c.refN} vs ${c.curHits}/${c.curN}`;
    close(r.statistic, c.statistic, 'z statistic', where);
    close(r.pValue, c.pValue, 'z p-value', where);
  }
});

test('wassersteinDistance and normalizedWasserstein match scipy / Evidently', () => {
  for (const c of fx.wasserstein) {
    const a = sample(c.a);
    const b = sample(c.b);
    close(wassersteinDistance(a, b), c.distance, 'wasserstein', c.name);
    close(normalizedWasserstein(a, b), c.normalized, 'wasserstein normed', c.name);
  }
});

test('histogramEdges / histogramCounts match np.histogram_bin_edges / np.histogram exactly', () => {
  for (const c of fx.histogram) {
    const a = sample(c.a);
    const b = sample(c.b);
    const edges = histogramEdges([a, b], c.bins);
    assert.deepEqual(Array.from(edges), c.edges, `${c.name}: edges (bins=${c.bins})`);
    assert.deepEqual(Array.from(histogramCounts(a, edges)), c.countsA, `${c.name}: counts a`);
    assert.deepEqual(Array.from(histogramCounts(b, edges)), c.countsB, `${c.name}: counts b`);
    const edgesA = histogramEdges([a], 'sturges');
    assert.deepEqual(Array.from(edgesA), c.edgesA, `${c.name}: reference-only edges`);
    assert.deepEqual(Array.from(histogramCounts(b, edgesA)), c.countsBOnEdgesA, `${c.name}: counts outside edges`);
  }
});

test('jensenShannonDistance matches scipy.spatial.distance.jensenshannon (binned shares and counts)', () => {
  for (const c of fx.jensenshannonBinned) {
    const a = sample(c.a);
    const b = sample(c.b);
    const edges = histogramEdges([a, b], 'sturges');
    const shares = (x: Float64Array) => histogramCounts(x, edges).map((v) => v / x.length);
    close(jensenShannonDistance(shares(a), shares(b)), c.distance, 'jensenshannon binned', c.name);
  }
  for (const c of fx.jensenshannonCounts) {
    close(jensenShannonDistance(c.p, c.q), c.distance, 'jensenshannon counts', c.name);
  }
});

test('countCodes counts dictionary codes and skips missing (-1)', () => {
  const counts = countCodes(Int32Array.from([0, 2, -1, 2, 1, 2, -1, 0]), 4);
  assert.deepEqual(Array.from(counts), [2, 1, 3, 0]);
  assert.deepEqual(Array.from(countCodes(new Int32Array(0), 2)), [0, 0]);
});

test('edge cases: empty sides and degenerate tables', () => {
  assert.throws(() => ksTwoSample(new Float64Array(0), Float64Array.of(1)), RangeError);
  assert.deepEqual(chiSquaredHomogeneity([], []), { statistic: 0, pValue: 1, dof: 0 });
  assert.ok(Number.isNaN(chiSquaredHomogeneity([0, 0], [3, 4]).pValue));
  assert.deepEqual(twoProportionZ(0, 10, 0, 5), { statistic: 0, pValue: 1 });
  assert.deepEqual(twoProportionZ(10, 10, 5, 5), { statistic: 0, pValue: 1 });
  assert.ok(Number.isNaN(twoProportionZ(0, 0, 1, 5).pValue));
  assert.deepEqual(Array.from(histogramEdges([new Float64Array(0)], 'sturges')), [0, 1]);
  assert.deepEqual(Array.from(histogramEdges([Float64Array.of(2, 2)], 'sturges')), [1.5, 2.5]);
});

test('sortedCopy (radix path) orders like the built-in sort and leaves its input alone', () => {
  const special = [-0, 0, 5e-324, -5e-324, 2.2250738585072014e-308, -Infinity, Infinity, -1e308, 1e308, 1, -1];
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(...special), fc.integer({ min: -5, max: 5 })), {
        minLength: 4096,
        maxLength: 9000,
      }),
      (xs) => {
        const input = Float64Array.from(xs);
        const before = input.slice();
        const sorted = sortedCopy(input);
        const expected = input.slice().sort();
        assert.deepEqual(input, before);
        assert.equal(sorted.length, expected.length);
        for (let i = 0; i < sorted.length; i++) assert.ok(sorted[i] === expected[i], `index ${i}`);
      },
    ),
    { numRuns: 20 },
  );
});

// ── properties ────────────────────────────────────────────────────────────────────────────────────

const values = (max: number) =>
  fc
    .array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 })), {
      minLength: 1,
      maxLength: max,
    })
    .map((xs) => Float64Array.from(xs));

test('property: KS statistic is symmetric, order-invariant, in [0, 1]', () => {
  fc.assert(
    fc.property(values(60), values(60), fc.integer(), (a, b, seed) => {
      const ab = ksTwoSample(a, b);
      const ba = ksTwoSample(b, a);
      assert.equal(ab.statistic, ba.statistic);
      assert.ok(Math.abs(ab.pValue - ba.pValue) <= 1e-12);
      assert.ok(ab.statistic >= 0 && ab.statistic <= 1 && ab.pValue >= 0 && ab.pValue <= 1);
      // Reversing and rotating the input changes nothing.
      const shuffled = a.slice().reverse();
      const k = Math.abs(seed) % shuffled.length;
      const rotated = Float64Array.from([...shuffled.subarray(k), ...shuffled.subarray(0, k)]);
      assert.deepEqual(ksTwoSample(rotated, b), ab);
    }),
    { numRuns: 200 },
  );
});

test('property: identical samples give KS p = 1 and zero distances', () => {
  fc.assert(
    fc.property(values(80), (a) => {
      const r = ksTwoSample(a, a.slice());
      assert.equal(r.statistic, 0);
      assert.equal(r.pValue, 1);
      assert.equal(wassersteinDistance(a, a.slice().reverse()), 0);
      const edges = histogramEdges([a, a], 'sturges');
      const c = histogramCounts(a, edges);
      assert.equal(jensenShannonDistance(c, c), 0);
      assert.equal(c.reduce((s, v) => s + v, 0), a.length);
    }),
    { numRuns: 150 },
  );
});

test('property: Wasserstein is symmetric and order-invariant; JS distance in [0, sqrt(ln 2)]', () => {
  fc.assert(
    fc.property(values(50), values(50), (a, b) => {
      const w = wassersteinDistance(a, b);
      assert.ok(w >= 0);
      assert.ok(Math.abs(w - wassersteinDistance(b.slice().reverse(), a)) <= 1e-9 * Math.max(1, w));
      const edges = histogramEdges([a, b], 'sturges');
      const js = jensenShannonDistance(histogramCounts(a, edges), histogramCounts(b, edges));
      assert.ok(js >= 0 && js <= Math.sqrt(Math.LN2) + 1e-12);
    }),
    { numRuns: 200 },
  );
});

test('property: chi-squared and z p-values lie in [0, 1]', () => {
  const counts = fc.array(fc.nat({ max: 10000 }), { minLength: 1, maxLength: 30 });
  fc.assert(
    fc.property(counts, counts, (r, c) => {
      const res = chiSquaredHomogeneity(r, c);
      if (!Number.isNaN(res.pValue)) assert.ok(res.pValue >= 0 && res.pValue <= 1 && res.statistic >= 0);
    }),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (h1, e1, h2, e2) => {
      const r = twoProportionZ(h1, h1 + e1 + 1, h2, h2 + e2 + 1);
      assert.ok(r.pValue >= 0 && r.pValue <= 1);
      const swapped = twoProportionZ(h2, h2 + e2 + 1, h1, h1 + e1 + 1);
      assert.equal(swapped.pValue, r.pValue);
    }),
    { numRuns: 200 },
  );
});

test('worst relative error per family (report)', (t) => {
  for (const [family, w] of [...worst].sort()) {
    t.diagnostic(`${family.padEnd(22)} ${w.rel.toExponential(2)}  at ${w.where}`);
  }
});
