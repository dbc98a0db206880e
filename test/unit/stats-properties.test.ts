/**
 * Property tests (fast-check) across the statistics library: what must hold for any input, beside the
 * SciPy reference values of stats.test.ts / stats-distances.test.ts. For each test or distance, where it
 * applies: symmetry under swapping the two sides, invariance to the order of the values, the range of its
 * values, and that identical samples (or shares) never drift: p = 1 (Anderson–Darling: its cap, 0.25)
 * and distance 0. The sorted-input variants must agree with the plain functions, and `finiteOnly` must
 * keep exactly the finite values (the rule the suite applies before every test).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fc from 'fast-check';
import * as stats from '../../src/core/stats';
import {
  chi2Sf,
  chiSquaredHomogeneity,
  histogramCounts,
  histogramEdges,
  quantileEdges,
  sortedHistogramCounts,
  jensenShannonDistance,
  kolmogornSf,
  ksTwoSample,
  normalizedWasserstein,
  normalSf,
  smirnovSf,
  twoProportionZ,
  wassersteinDistance,
} from '../../src/core/stats';
import { finiteOnly, sortedFinite } from '../../src/core/stats/finite';
import { ksTwoSampleSorted } from '../../src/core/stats/ks';
import { searchSorted } from '../../src/core/stats/searchSorted';
import { recycleSorted, releaseSortScratch, sortedCopy } from '../../src/core/stats/sort';
import { normalizedWassersteinSorted, wassersteinSorted } from '../../src/core/stats/wasserstein';

const SQRT_LN2 = Math.sqrt(Math.LN2);
const RUNS = { numRuns: 200 };

// ── generators ────────────────────────────────────────────────────────────────────────────────────

/** Finite values: arbitrary doubles, small integers (ties) and signed zeros, sometimes one constant. */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0, 1e-300, -2.5e-310, 123456.789) },
);
const sampleOf = (min: number, max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(value, { minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.tuple(value, fc.integer({ min, max })).map(([v, n]) => new Array<number>(n).fill(v)) },
  ).map((xs) => Float64Array.from(xs));
const sample = (max = 60) => sampleOf(1, max);
/**
 * For binning: no subnormal spans. Over a range of a few subnormals np.linspace (and so histogramEdges,
 * which mirrors it) yields edges that stop increasing; NumPy then refuses to count, histogramCounts does not.
 */
const binnable = (max = 60) => sample(max).map((xs) => xs.map((v) => (Math.abs(v) < 1e-290 ? 0 : v)));

/** Values with NaN and ±Infinity mixed in (what a column may hold before the suite filters it). */
const rawSample = fc
  .array(fc.oneof(value, fc.constantFrom(NaN, Infinity, -Infinity)), { minLength: 0, maxLength: 80 })
  .map((xs) => Float64Array.from(xs));

/** Counts per category (some zero), at least one positive. */
const counts = (maxLen = 30) =>
  fc
    .array(fc.oneof(fc.nat({ max: 10000 }), fc.constant(0)), { minLength: 1, maxLength: maxLen })
    .filter((xs) => xs.some((x) => x > 0));

/** A permutation of `xs` drawn from `seed` (Fisher–Yates with a small LCG). */
function shuffled(xs: Float64Array, seed: number): Float64Array {
  const out = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const near = (a: number, b: number, rel = 1e-12, abs = 1e-12) => Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
const mean = (xs: Float64Array) => xs.reduce((s, v) => s + v, 0) / xs.length;

// ── finiteOnly, the suite's rule ──────────────────────────────────────────────────────────────────

test('property: finiteOnly keeps exactly the finite values, in order; sortedFinite sorts them', () => {
  fc.assert(
    fc.property(rawSample, (raw) => {
      const before = raw.slice();
      const kept = finiteOnly(raw);
      assert.deepEqual(Array.from(kept), Array.from(raw).filter((v) => Number.isFinite(v)));
      if (kept.length === raw.length) assert.equal(kept, raw, 'no copy when every value is finite');
      assert.deepEqual(raw, before, 'input untouched');
      assert.deepEqual(sortedFinite(raw), kept.slice().sort());
    }),
    { numRuns: 300 },
  );
});

test('property: tests on finiteOnly(data) equal the sorted variants on sortedFinite(data)', () => {
  fc.assert(
    fc.property(rawSample, rawSample, (ra, rb) => {
      const a = finiteOnly(ra);
      const b = finiteOnly(rb);
      fc.pre(a.length > 0 && b.length > 0);
      const sa = sortedFinite(ra);
      const sb = sortedFinite(rb);
      assert.deepEqual(ksTwoSampleSorted(sa, sb), ksTwoSample(a, b));
      assert.equal(wassersteinSorted(sa, sb), wassersteinDistance(a, b));
      // The standard deviation sums in another order once sorted: equal up to rounding.
      assert.ok(near(normalizedWassersteinSorted(sa, sb), normalizedWasserstein(a, b)));
    }),
    { numRuns: 300 },
  );
});

test('property: sortedCopy orders like the built-in sort when many values share their high 32 bits', () => {
  // Wide-spread values (so the radix sort takes its high-word-first path) plus clusters of values that
  // differ only in their low 32 bits, in runs short (insertion) and long (byte radix), of both signs.
  const view = new DataView(new ArrayBuffer(8));
  const withLow = (center: number, lo: number) => {
    view.setFloat64(0, center, true);
    view.setUint32(0, lo >>> 0, true);
    return view.getFloat64(0, true);
  };
  const cluster = fc
    .tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 2, max: 3000 }), fc.integer())
    .map(([center, size, seed]) => {
      let s = seed >>> 0 || 1;
      return Array.from({ length: size }, () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return withLow(center, s);
      });
    });
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 4096, maxLength: 8000 }), fc.array(cluster, { maxLength: 12 }), fc.integer(), (spread, clusters, seed) => {
      const values = shuffled(Float64Array.from([...spread, ...clusters.flat()]), seed);
      const before = values.slice();
      const sorted = sortedCopy(values);
      assert.deepEqual(values, before);
      const expected = values.slice().sort();
      for (let i = 0; i < expected.length; i++) assert.ok(Object.is(sorted[i], expected[i]), `index ${i}`);
      // A view into a larger buffer (as a column slice would be) sorts the same and stays untouched.
      const view = values.subarray(1, values.length - 1);
      const viewSorted = sortedCopy(view);
      const viewExpected = view.slice().sort();
      for (let i = 0; i < viewExpected.length; i++) assert.ok(Object.is(viewSorted[i], viewExpected[i]), `view index ${i}`);
      assert.deepEqual(values, before);
    }),
    { numRuns: 40 },
  );
});

// ── KS ────────────────────────────────────────────────────────────────────────────────────────────

test('property: KS statistic and p are symmetric, order-invariant, in [0, 1]; reflecting both samples changes nothing', () => {
  fc.assert(
    fc.property(sample(80), sample(80), fc.integer(), (a, b, seed) => {
      const ab = ksTwoSample(a, b);
      const ba = ksTwoSample(b, a);
      assert.equal(ab.statistic, ba.statistic);
      assert.ok(near(ab.pValue, ba.pValue), `p ${ab.pValue} vs ${ba.pValue}`);
      assert.ok(ab.statistic >= 0 && ab.statistic <= 1 && ab.pValue >= 0 && ab.pValue <= 1);
      assert.deepEqual(ksTwoSample(shuffled(a, seed), shuffled(b, ~seed)), ab);
      const neg = (xs: Float64Array) => xs.map((v) => -v);
      const reflected = ksTwoSample(neg(a), neg(b));
      assert.ok(near(reflected.statistic, ab.statistic) && near(reflected.pValue, ab.pValue, 1e-9, 1e-15));
    }),
    RUNS,
  );
});

test('property: identical samples give KS statistic 0 and p = 1; disjoint ones statistic 1', () => {
  fc.assert(
    fc.property(sample(120), fc.integer(), (a, seed) => {
      const r = ksTwoSample(a, shuffled(a, seed));
      assert.equal(r.statistic, 0);
      assert.equal(r.pValue, 1);
      let max = -Infinity;
      for (const v of a) max = Math.max(max, v);
      const above = a.map((v, i) => max + 1 + i);
      assert.equal(ksTwoSample(a, above).statistic, 1);
    }),
    RUNS,
  );
});

test('property: ksTwoSampleSorted on sorted copies equals ksTwoSample, large samples included', () => {
  fc.assert(
    fc.property(sampleOf(1, 6000), sampleOf(1, 300), (a, b) => {
      assert.deepEqual(ksTwoSampleSorted(sortedCopy(a), sortedCopy(b)), ksTwoSample(a, b));
    }),
    { numRuns: 40 },
  );
});

// ── Wasserstein ───────────────────────────────────────────────────────────────────────────────────

test('property: Wasserstein is symmetric, order-invariant, >= 0 and 0 for identical samples', () => {
  fc.assert(
    fc.property(sample(80), sample(80), fc.integer(), (a, b, seed) => {
      const w = wassersteinDistance(a, b);
      assert.ok(w >= 0);
      assert.ok(near(w, wassersteinDistance(b, a)), 'symmetric');
      assert.equal(wassersteinDistance(shuffled(a, seed), shuffled(b, seed + 1)), w);
      assert.equal(wassersteinDistance(a, shuffled(a, seed)), 0);
      assert.equal(normalizedWasserstein(a, shuffled(a, seed)), 0);
      const nw = normalizedWasserstein(a, b);
      assert.ok(nw >= 0 && near(nw, normalizedWassersteinSorted(sortedCopy(a), sortedCopy(b))));
    }),
    RUNS,
  );
});

test('property: Wasserstein scales exactly with powers of two, bounds the mean shift, obeys the triangle inequality', () => {
  fc.assert(
    fc.property(sample(60), sample(60), sample(60), fc.constantFrom(2, 4, 1024), (a, b, c, k) => {
      const w = wassersteinDistance(a, b);
      // Exact but for products that round in the subnormal range.
      assert.ok(near(wassersteinDistance(a.map((v) => v * k), b.map((v) => v * k)), w * k, 0, 1e-290));
      assert.ok(Math.abs(mean(a) - mean(b)) <= w * (1 + 1e-9) + 1e-9, 'W1 >= |mean difference|');
      const wac = wassersteinDistance(a, c);
      const wcb = wassersteinDistance(c, b);
      assert.ok(w <= (wac + wcb) * (1 + 1e-9) + 1e-9, 'triangle inequality');
      // Normalised: divided by max(std(reference), 0.001), so a constant reference is no division by zero.
      assert.ok(Number.isFinite(normalizedWasserstein(new Float64Array(a.length).fill(a[0]), b)));
    }),
    RUNS,
  );
});

// ── Jensen–Shannon ────────────────────────────────────────────────────────────────────────────────

test('property: Jensen-Shannon is symmetric, in [0, sqrt(ln 2)], 0 for identical counts, sqrt(ln 2) for disjoint ones', () => {
  fc.assert(
    fc.property(counts(), counts(), fc.integer({ min: 2, max: 1000 }), (p, q, k) => {
      const js = jensenShannonDistance(p, q);
      assert.ok(js >= 0 && js <= SQRT_LN2 * (1 + 1e-12), `${js}`);
      assert.equal(jensenShannonDistance(q, p), js);
      assert.equal(jensenShannonDistance(p, p.slice()), 0);
      // Counts and their multiples are the same distribution (up to rounding, which the root magnifies).
      assert.ok(jensenShannonDistance(p, p.map((v) => v * k)) <= 1e-7);
      const disjoint = [...p, ...q.map(() => 0)];
      const other = [...p.map(() => 0), ...q];
      assert.ok(near(jensenShannonDistance(disjoint, other), SQRT_LN2));
    }),
    { numRuns: 300 },
  );
});

test('property: binned Jensen-Shannon of two samples lies in [0, sqrt(ln 2)], 0 for identical samples', () => {
  fc.assert(
    fc.property(binnable(80), binnable(80), fc.oneof(fc.constant('sturges' as const), fc.integer({ min: 1, max: 40 })), (a, b, bins) => {
      const edges = histogramEdges([a, b], bins);
      const js = jensenShannonDistance(histogramCounts(a, edges), histogramCounts(b, edges));
      assert.ok(js >= 0 && js <= SQRT_LN2 * (1 + 1e-12));
      const own = histogramEdges([a], bins);
      assert.equal(jensenShannonDistance(histogramCounts(a, own), histogramCounts(a.slice().reverse(), own)), 0);
    }),
    RUNS,
  );
});

test('property: searchSorted counts the values below (left) or at most (right) x, within the first n', () => {
  fc.assert(
    fc.property(sample(80), value, fc.nat(), (xs, x, cut) => {
      const sorted = sortedCopy(xs);
      const n = cut % (sorted.length + 1);
      const head = Array.from(sorted.subarray(0, n));
      assert.equal(searchSorted(sorted, x, 'left', n), head.filter((v) => v < x).length);
      assert.equal(searchSorted(sorted, x, 'right', n), head.filter((v) => v <= x).length);
      // A value that is in the array: 'left' lands on its first copy, 'right' just past its last.
      if (n > 0) {
        const y = head[cut % n];
        assert.ok(head[searchSorted(sorted, y, 'left', n)] === y); // === : -0 and 0 are one value here
        assert.ok(head[searchSorted(sorted, y, 'right', n)] !== y);
      }
    }),
    RUNS,
  );
});

test('property: sortedHistogramCounts of sorted values equals histogramCounts, for shared, own, narrower and quantile edges', () => {
  fc.assert(
    fc.property(binnable(80), binnable(80), fc.integer({ min: 1, max: 40 }), (a, b, bins) => {
      const sorted = sortedCopy(a);
      const edgeSets = [
        histogramEdges([a, b], bins),
        histogramEdges([b], bins), // b's range: some of a's values fall outside, on either side
        histogramEdges([a], 'sturges'),
        quantileEdges(b.length > 0 ? b : a, bins), // infinite outer edges, duplicate quantiles removed
      ];
      for (const edges of edgeSets) assert.deepEqual(sortedHistogramCounts(sorted, edges), histogramCounts(a, edges));
    }),
    RUNS,
  );
});

// ── histogram (the chart's bins) ──────────────────────────────────────────────────────────────────

test('property: histogram edges increase, counts are order-invariant and add up to every value', () => {
  fc.assert(
    fc.property(binnable(100), binnable(100), fc.integer({ min: 1, max: 30 }), fc.integer(), (a, b, cap, seed) => {
      const n = a.length + b.length;
      const bins = Math.min(cap, Math.ceil(Math.log2(n)) + 1); // the panel's rule, min(30, Sturges)
      const edges = histogramEdges([a, b], bins);
      assert.equal(edges.length, bins + 1);
      for (let i = 1; i < edges.length; i++) assert.ok(edges[i] >= edges[i - 1]);
      const ca = histogramCounts(a, edges);
      const cb = histogramCounts(b, edges);
      assert.equal(ca.reduce((s, v) => s + v, 0), a.length);
      assert.equal(cb.reduce((s, v) => s + v, 0), b.length);
      assert.deepEqual(histogramCounts(shuffled(a, seed), edges), ca);
    }),
    RUNS,
  );
});

// ── chi-squared and z ─────────────────────────────────────────────────────────────────────────────

test('property: chi-squared is symmetric, order-invariant across categories, p in [0, 1], p = 1 for identical counts', () => {
  fc.assert(
    fc.property(counts(), counts(), fc.integer(), fc.integer({ min: 2, max: 50 }), (r, c, seed, k) => {
      const res = chiSquaredHomogeneity(r, c);
      const swapped = chiSquaredHomogeneity(c, r);
      if (Number.isNaN(res.pValue)) {
        assert.ok(Number.isNaN(swapped.pValue));
      } else {
        assert.ok(res.statistic >= 0 && res.pValue >= 0 && res.pValue <= 1);
        assert.ok(near(swapped.statistic, res.statistic) && near(swapped.pValue, res.pValue));
        assert.equal(swapped.dof, res.dof);
        // The same permutation of categories on both sides.
        const len = Math.max(r.length, c.length);
        const pad = (xs: number[]) => Float64Array.from({ length: len }, (_, i) => xs[i] ?? 0);
        const order = shuffled(Float64Array.from({ length: len }, (_, i) => i), seed);
        const perm = (xs: Float64Array) => Array.from(order, (i) => xs[i]);
        const permuted = chiSquaredHomogeneity(perm(pad(r)), perm(pad(c)));
        assert.ok(near(permuted.statistic, res.statistic, 1e-9) && near(permuted.pValue, res.pValue, 1e-9, 1e-12));
      }
      const same = chiSquaredHomogeneity(r, r.slice());
      assert.equal(same.statistic, 0);
      assert.equal(same.pValue, 1);
      const proportional = chiSquaredHomogeneity(r, r.map((v) => v * k));
      assert.ok(proportional.statistic <= 1e-9 && proportional.pValue >= 1 - 1e-9);
    }),
    { numRuns: 300 },
  );
});

test('property: z-test is antisymmetric in z, symmetric in p, p in [0, 1], p = 1 for equal proportions', () => {
  const n = fc.integer({ min: 1, max: 10_000_000 });
  fc.assert(
    fc.property(n, n, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100 }), (n1, n2, s1, s2, k) => {
      const h1 = Math.floor(s1 * n1);
      const h2 = Math.floor(s2 * n2);
      const r = twoProportionZ(h1, n1, h2, n2);
      const swapped = twoProportionZ(h2, n2, h1, n1);
      assert.ok(r.pValue >= 0 && r.pValue <= 1);
      assert.equal(swapped.pValue, r.pValue);
      assert.ok(swapped.statistic === -r.statistic, `z ${r.statistic} vs ${swapped.statistic}`);
      assert.deepEqual(twoProportionZ(h1, n1, h1, n1), { statistic: 0, pValue: 1 });
      const scaled = twoProportionZ(h1, n1, h1 * k, n1 * k); // the same share on a larger sample
      assert.equal(scaled.statistic, 0);
      assert.equal(scaled.pValue, 1);
    }),
    { numRuns: 300 },
  );
});

// ── special functions ─────────────────────────────────────────────────────────────────────────────

test('property: survival functions lie in [0, 1] and fall as x grows; Smirnov bounds Kolmogorov', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 1, max: 300 }), (x, dx, dof) => {
      const p = chi2Sf(x, dof);
      assert.ok(p >= 0 && p <= 1);
      assert.ok(chi2Sf(x + dx, dof) <= p * (1 + 1e-12) + 1e-300);
      const z = x / 20 - 10;
      assert.ok(near(normalSf(z) + normalSf(-z), 1, 1e-14, 1e-15));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (n, x, dx) => {
      const k = kolmogornSf(n, x);
      const s = smirnovSf(n, x);
      assert.ok(k >= 0 && k <= 1 && s >= 0 && s <= 1);
      assert.ok(kolmogornSf(n, Math.min(1, x + dx)) <= k * (1 + 1e-9) + 1e-15, 'kstwo.sf decreasing');
      assert.ok(s <= k * (1 + 1e-9) + 1e-15 && k <= 2 * s * (1 + 1e-9) + 1e-15, 'P(D+ >= x) <= P(D >= x) <= 2 P(D+ >= x)');
    }),
    { numRuns: 300 },
  );
});

// ── the other tests of src/core/stats (written alongside; checked when index.ts exports them) ─────

type TwoSample = (a: Float64Array, b: Float64Array) => { statistic: number; pValue: number };
type Distance = (a: Float64Array, b: Float64Array) => number;
type SharesDistance = (p: ArrayLike<number>, q: ArrayLike<number>) => number;
const lib = stats as unknown as Record<string, unknown>;
const fn = <T>(name: string) => (typeof lib[name] === 'function' ? (lib[name] as T) : undefined);

const mannWhitneyU = fn<TwoSample>('mannWhitneyU');
test('property: Mann-Whitney U: U1 + U2 = n1·n2, symmetric p in [0, 1], order-invariant, p = 1 for identical samples', { skip: !mannWhitneyU }, () => {
  fc.assert(
    fc.property(sample(60), sample(60), fc.integer(), (a, b, seed) => {
      const ab = mannWhitneyU!(a, b);
      const ba = mannWhitneyU!(b, a);
      assert.equal(ab.statistic + ba.statistic, a.length * b.length);
      assert.ok(ab.pValue >= 0 && ab.pValue <= 1 && near(ab.pValue, ba.pValue));
      assert.deepEqual(mannWhitneyU!(shuffled(a, seed), shuffled(b, seed)), ab);
      const same = mannWhitneyU!(a, shuffled(a, seed));
      assert.equal(same.statistic, (a.length * a.length) / 2);
      assert.equal(same.pValue, 1);
    }),
    RUNS,
  );
});

const cramerVonMises2Samp = fn<TwoSample>('cramerVonMises2Samp');
test('property: Cramér-von Mises: symmetric, order-invariant, p in [0, 1], p = 1 for identical samples', { skip: !cramerVonMises2Samp }, () => {
  fc.assert(
    fc.property(sampleOf(2, 40), sampleOf(2, 40), fc.integer(), (a, b, seed) => {
      const ab = cramerVonMises2Samp!(a, b);
      const ba = cramerVonMises2Samp!(b, a);
      assert.ok(near(ab.statistic, ba.statistic, 1e-9) && near(ab.pValue, ba.pValue, 1e-9, 1e-12));
      assert.ok(ab.pValue >= 0 && ab.pValue <= 1);
      assert.deepEqual(cramerVonMises2Samp!(shuffled(a, seed), shuffled(b, seed)), ab);
      assert.equal(cramerVonMises2Samp!(a, shuffled(a, seed)).pValue, 1);
    }),
    RUNS,
  );
});

const andersonKSample = fn<TwoSample>('andersonKSample');
test('property: Anderson-Darling k-sample: symmetric, order-invariant, p in [0.001, 0.25], the cap 0.25 for identical samples', { skip: !andersonKSample }, () => {
  fc.assert(
    fc.property(sampleOf(2, 50), sampleOf(2, 50), fc.integer(), (a, b, seed) => {
      const ab = andersonKSample!(a, b);
      const ba = andersonKSample!(b, a);
      if (Number.isNaN(ab.pValue)) {
        assert.ok(Number.isNaN(ba.pValue)); // all pooled values equal: no test possible
        return;
      }
      assert.ok(near(ab.statistic, ba.statistic, 1e-9, 1e-12) && near(ab.pValue, ba.pValue, 1e-9));
      assert.ok(ab.pValue >= 0.001 && ab.pValue <= 0.25);
      assert.deepEqual(andersonKSample!(shuffled(a, seed), shuffled(b, seed)), ab);
      const same = andersonKSample!(a, shuffled(a, seed));
      if (!Number.isNaN(same.pValue)) assert.equal(same.pValue, 0.25);
    }),
    RUNS,
  );
});

const energyDistance = fn<Distance>('energyDistance');
test('property: energy distance: symmetric, order-invariant, >= 0, 0 for identical samples, scales with powers of two', { skip: !energyDistance }, () => {
  fc.assert(
    fc.property(sample(80), sample(80), fc.integer(), fc.constantFrom(2, 8), (a, b, seed, k) => {
      const e = energyDistance!(a, b);
      assert.ok(e >= 0);
      assert.ok(near(e, energyDistance!(b, a), 1e-12));
      assert.equal(energyDistance!(shuffled(a, seed), shuffled(b, seed)), e);
      assert.equal(energyDistance!(a, shuffled(a, seed)), 0);
      assert.ok(near(energyDistance!(a.map((v) => v * k), b.map((v) => v * k)), e * Math.sqrt(k), 1e-12));
    }),
    RUNS,
  );
});

/** Distances between shares: [lo, hi] range (hi = Infinity when unbounded), symmetric or not. */
const SHARE_DISTANCES: { name: string; symmetric: boolean; max: number; disjoint?: number }[] = [
  { name: 'hellingerDistance', symmetric: true, max: 1, disjoint: 1 },
  { name: 'totalVariationDistance', symmetric: true, max: 1, disjoint: 1 },
  { name: 'populationStabilityIndex', symmetric: true, max: Infinity },
  { name: 'klDivergence', symmetric: false, max: Infinity },
];
for (const spec of SHARE_DISTANCES) {
  const d = fn<SharesDistance>(spec.name);
  test(
    `property: ${spec.name}: ${spec.symmetric ? 'symmetric, ' : ''}in [0, ${spec.max}], 0 for identical shares, counts = their shares`,
    { skip: !d },
    () => {
      fc.assert(
        fc.property(counts(), counts(), (p, q) => {
          const v = d!(p, q);
          const same = (x: number, y: number, rel: number) => x === y || near(x, y, rel);
          assert.ok(v >= 0 && v <= spec.max, `${v}`);
          if (spec.symmetric) assert.ok(same(v, d!(q, p), 1e-12));
          assert.equal(d!(p, p.slice()), 0);
          const total = p.reduce((s, x) => s + x, 0);
          assert.ok(same(d!(p.map((x) => x / total), q), v, 1e-9), 'counts and shares agree');
          if (spec.disjoint !== undefined) {
            assert.ok(near(d!([...p, ...q.map(() => 0)], [...p.map(() => 0), ...q]), spec.disjoint));
          }
        }),
        { numRuns: 300 },
      );
    },
  );
}

const fisherExact = fn<(a: number, b: number, c: number, d: number) => { statistic: number; pValue: number }>('fisherExact');
test('property: Fisher exact: p in [0, 1], the same p with sides or values swapped, p = 1 for identical rows', { skip: !fisherExact }, () => {
  const cell = fc.oneof(fc.nat({ max: 60 }), fc.nat({ max: 100_000 }));
  fc.assert(
    fc.property(cell, cell, cell, cell, (a, b, c, d) => {
      const r = fisherExact!(a, b, c, d);
      assert.ok(r.pValue >= 0 && r.pValue <= 1, `${r.pValue}`);
      assert.ok(near(fisherExact!(c, d, a, b).pValue, r.pValue, 1e-9, 1e-300), 'sides swapped');
      assert.ok(near(fisherExact!(b, a, d, c).pValue, r.pValue, 1e-9, 1e-300), 'values swapped');
      assert.ok(near(fisherExact!(a, c, b, d).pValue, r.pValue, 1e-9, 1e-300), 'transposed');
      assert.ok(near(fisherExact!(a, b, a, b).pValue, 1, 1e-12));
    }),
    { numRuns: 300 },
  );
});

test('property: sortedFinite on large arrays (the radix path, skipping NaN and ±Infinity as it sorts) equals filter + built-in sort', () => {
  const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0);
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 3, arbitrary: fc.integer({ min: -50, max: 50 }).map((k) => 1000 + k / 8) }, // narrow: top digits shared
    { weight: 1, arbitrary: special },
  );
  fc.assert(
    fc.property(fc.array(value, { minLength: 4096, maxLength: 9000 }), fc.boolean(), (list, allSpecial) => {
      const raw = Float64Array.from(allSpecial ? list.map((v, i) => (i % 2 ? NaN : v)) : list);
      const before = raw.slice();
      const got = sortedFinite(raw);
      const expected = raw.filter((v) => Number.isFinite(v)).sort();
      assert.deepEqual(raw, before, 'input untouched');
      assert.equal(got.length, expected.length);
      for (let i = 0; i < expected.length; i++) assert.ok(Object.is(got[i], expected[i]), `index ${i}`);
    }),
    { seed: 0x50f7, numRuns: 120 },
  );
  // Every value the same, or none finite.
  assert.deepEqual(Array.from(sortedFinite(new Float64Array(5000).fill(2.5).map((v, i) => (i % 3 ? v : NaN)))), new Array(3333).fill(2.5));
  assert.equal(sortedFinite(new Float64Array(5000).fill(NaN)).length, 0);
});

test('recycled sort outputs: later sorts write into them and stay correct; arrays not handed back are never touched', () => {
  const r = (n: number, seed: number) => {
    let s = seed;
    return Float64Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 100 - 50);
  };
  const kept = sortedCopy(r(6000, 1));
  const keptCopy = kept.slice();
  const given = sortedCopy(r(6000, 2));
  recycleSorted(given);
  for (let k = 3; k < 12; k++) {
    const input = r(5000 + 100 * k, k);
    const out = k % 2 ? sortedCopy(input) : sortedFinite(input);
    assert.deepEqual(out, input.slice().sort());
    if (k === 3) assert.equal(out.buffer, given.buffer, 'the recycled buffer was reused');
    recycleSorted(out);
  }
  assert.deepEqual(kept, keptCopy, 'an output never handed back is untouched');
  releaseSortScratch();
});
