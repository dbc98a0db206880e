/**
 * Streaming change detectors (src/core/stats/detectors) against River:
 * 1. River's published examples, replayed exactly: the docstring streams built with Python's
 *    `random.Random(seed).choices` (replayed bit for bit by test/unit/support/pyRandom.ts, an MT19937 +
 *    CPython `random()` port checked against CPython 3.11), and the streams of River's own test suite
 *    (river/drift/test_drift_detectors.py, test_adwin_regression.py) built with NumPy's legacy
 *    `np.random.seed(12345)`, which are embedded below as digit strings (generated once with NumPy 2.4.6:
 *    randint(2)×1000 + randint(8)×1000; binomial(1, 0.2)×1000 + binomial(1, 0.8)×1000; normal(0 | 0.25, 0.1) > 0
 *    in four blocks of 500). Every printed / expected index is asserted exactly.
 * 2. Synthetic streams with a known change at 1000 (seeded): detection within a bounded delay.
 * 3. Stationary streams: few false alarms. 4. reset(). 5. KSWIN determinism and its incremental KS against
 *    ksTwoSample. 6. Input checks. 7. Speed on 1e6 values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADWIN_DEFAULTS,
  BINARY_DETECTORS,
  createDetector,
  DDM_DEFAULTS,
  detectChanges,
  type DriftDetector,
  EDDM_DEFAULTS,
  HDDM_A_DEFAULTS,
  KSWIN_DEFAULTS,
  Kswin,
  PAGE_HINKLEY_DEFAULTS,
} from '../../src/core/stats/detectors';
import { ksTwoSample } from '../../src/core/stats/ks';
import { DETECTOR_IDS, type DetectorId } from '../../src/core/suite/overTimeTypes';
import { choices, choicesWeighted, PyGauss, PyRandom, range } from './support/pyRandom';

function digits(...chunks: string[]): Float64Array {
  return Float64Array.from(chunks.join(''), Number);
}

// ── NumPy fixtures (see header) ──
const NP_STREAM_1 = digits(
  '0111010010110110111000111010011111011111100110011110111101101001110010100011000000100010011111100010',
  '0101010001100101001101100100111100010100110101011101000110000001110010101001101101100100111101101110',
  '0000111001010100001001110001101101000001001111100010001111010110110010111010100000000010001001111111',
  '1110010000011101101010000111110011011001001001110011101100001110011011111010100111001010111100010000',
  '1001001110101111111000111011100101111010000000101101011000001011010011011011010110100000000100001001',
  '0011110000010111010110010110100010011001010011010110011110001001011001110011111000000110011111101101',
  '0110100001000101110111101011011111000101101101001011100000010000110110110110101010011110101110001000',
  '1000001000101100101001010111111001111000001101010001011101110010110100100110101010111011011110011100',
  '1110000101010101111011001101011100110001011100000111111100110101001110101001110101101111101000011011',
  '0010110111101001001011000000001010000001011010001011010000011110110000010101100101110101001001001011',
  '3455712431702211314066414677502621375343203030057725352305442557276727612671774266020321303317017342',
  '5557216531474311530362267457564326476214357002115211332342755351376150402445717527016242567135300651',
  '3516254043675730456200674577030576371346042325270374635324140536652141260300505703727515072405736074',
  '7767222665023643056117504466271364705370067762402025100502644521054742302461565106716133233202400021',
  '4325017014416572727313616771344317620004276010767026273637674377276274320625433647525037333720143555',
  '3113071243322206240370506631112000502642533605222435202367002730737561570517516423444650742656520156',
  '3233125511352520211325010445351724566352252671336345047370203611314154056501537235026646660251567574',
  '4630443261644454024001714551537403075544315205321721435000374230016215046634337660267050311022060116',
  '5356111532723257632677317216222175171241703620527762317046720241555055214035347460654675602710342470',
  '5471535160730507032642354105526031763301556645224236462337176547376002764426410505007777777635071343',
);
const NP_STREAM_2 = digits(
  '1000001000010000111000000010000110000010101000000000010000110000000010100000000110000000000011010110',
  '0000000100001001000010000100000000000100000001000010000111000000001000101100111000100000000000000000',
  '1001000000100000000000000000000000000001000001010000110000000000000001100000011000010000000000001000',
  '0000010110001000100000000000001010010000000000000001000000000000001000100001000000100100010010000000',
  '1000000000001110000010110100000000100000000100001000010000000000000100001000000010000010010100011101',
  '0000000000000010100000111000101000101001100000010000001000000000010100100100000000000010000000100010',
  '0110000000000000100000000001011100010000000000010100000011010001000000000011100001000000000001110000',
  '0010001000001010101000000000000101000110000000000000010001000010000000100001100000000011001100000000',
  '0010000000000100000000100000100000010111000101001000000000100001110000100100000000000001011100001000',
  '0000010000100000000010010011110000011101000000000001010000000001001100001000000000111000100001100000',
  '1100011110101011011100110011111010110111001111011110110010110111110101111011111111101111111110011111',
  '1101111111101111011111111111010111101111111010111111111111100110011110001101111101111111110011111001',
  '1111011111100110111111111110111111111111111101111011100111011111011111110111111110111100111111111111',
  '1011110111111111111001111110111111100100111111110110011101111110111011001101111001001111110110101110',
  '1101111010110011001111111111111101101111000111111111110011111011110011101111111111111111111111110111',
  '1110110111111110111110010110111111111101111110111110111101101111111001101111010111111101111111011110',
  '1111111110010111111111111111110111111111111101111101111111101101111111111011111111111011010101011111',
  '1111111111101111110111111111111111110100111101101111110111111110111100100101111101111011111101111111',
  '1101001111111100001011111101111111111111111111101111111111111101110111111111000111101111111111110111',
  '1100101111111111110110110010110101011111101111111101111110011010101101111101011111111110110111011101',
);
const NP_STREAM_3 = digits(
  '0100111111101111001001100111110000010101000001101111011001101011100000011110000110111101011101111011',
  '0000001101011000101000110010000011111001011010001101001001100001010111101000001000011100000011110011',
  '1010000000110101011001001111010001000111001010101010001000010101000101100110000000101001010101101101',
  '1000111000110110101101100110001001001011100111100000111100011110010010001110010110001110011101010101',
  '1110111100110000010000011111001101001111011100110100100101001010010111100101000111011001100101101111',
  '1111111111111111111110111111111111111111111111111111111111111111111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111101111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111011111111111111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111',
  '0100011011100110110000111011001000110100000010000101000100101101011100010010010101010000011011100000',
  '0100100111101111111001101110111001110000001001001001100001011010100000100000010000110101010001001111',
  '1100000010001010111101000000000100001001001011101111010111111110001001100101100110010001111110101111',
  '1011000010000101000000101011010010111010000111100011010101010000110010111010010010001100001001011001',
  '1101110100010001001111110110110111011001110100000001110010111010010011000010101111100001000011010111',
  '1111111111111111111111111111111011111111111111111111111111111111111111111111111111111111111111111111',
  '1110111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111111111111111111111111011111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111',
  '1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111101',
);
/** CPython 3.11: random.Random(42).sample(range(70), 30)[:8]. */
const PY_SAMPLE_42_FIRST8 = [14, 3, 35, 31, 28, 17, 13, 43];

/** The docstring stream of ADWIN, KSWIN and PageHinkley: rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000). */
function riverNumericExample(seed = 12345): Float64Array {
  const rng = new PyRandom(seed);
  return Float64Array.from([...choices(rng, [0, 1], 1000), ...choices(rng, range(4, 8), 1000)]);
}

/** The docstring stream of DDM, EDDM and HDDM_A: Random(42), 1000 fair bits, then 1000 bits with P(1) = 0.7. */
function riverBinaryExample(): Float64Array {
  const rng = new PyRandom(42);
  return Float64Array.from([...choices(rng, [0, 1], 1000), ...choicesWeighted(rng, [0, 1], [0.3, 0.7], 1000)]);
}

/** River's docstring loop with warnings: "W<i>" at the first warning after start or after a drift, "C<i>" at drifts. */
function warningsAndChanges(d: DriftDetector, stream: Float64Array): string[] {
  const events: string[] = [];
  let printWarning = true;
  stream.forEach((x, i) => {
    d.update(x);
    if (d.warningDetected && printWarning) {
      events.push(`W${i}`);
      printWarning = false;
    }
    if (d.driftDetected) {
      events.push(`C${i}`);
      printWarning = true;
    }
  });
  return events;
}

test('pyRandom replays CPython: Random(12345).choices and Random(42).sample(range(70), 30)', () => {
  const rng = new PyRandom(12345);
  // CPython 3.11: random.Random(12345).random() twice.
  assert.equal(rng.random(), 0.41661987254534116);
  assert.equal(rng.random(), 0.010169169457068361);
  const s = new PyRandom(42);
  const out = new Int32Array(30);
  s.sampleRange(70, 30, out, new Int32Array(70));
  // CPython 3.11: random.Random(42).sample(range(70), 30)[:8]
  assert.deepEqual(Array.from(out.subarray(0, 8)), PY_SAMPLE_42_FIRST8);
});

test('River docstring examples replay exactly (ADWIN 1023, PageHinkley 1006, KSWIN 1016)', () => {
  const stream = riverNumericExample();
  assert.deepEqual(detectChanges('adwin', stream), [1023]);
  assert.equal(stream[1023], 4); // "Change detected at index 1023, input value: 4"
  assert.deepEqual(detectChanges('page_hinkley', stream), [1006]);
  assert.equal(stream[1006], 5);
  assert.deepEqual(detectChanges('kswin', stream, { alpha: 0.0001, seed: 42 }), [1016]);
  assert.equal(stream[1016], 6);
});

test('River docstring examples replay exactly (DDM, EDDM, HDDM_A warnings and changes)', () => {
  const stream = riverBinaryExample();
  assert.deepEqual(warningsAndChanges(createDetector('ddm'), stream), ['W1084', 'C1334', 'W1492']);
  assert.deepEqual(warningsAndChanges(createDetector('eddm', { alpha: 0.8, beta: 0.75 }), stream), ['W1059', 'C1278']);
  assert.deepEqual(warningsAndChanges(createDetector('hddm_a'), stream), ['W451', 'C1206']);
});

test("River's test suite replays exactly (test_drift_detectors.py, test_adwin_regression.py)", () => {
  assert.deepEqual(detectChanges('adwin', NP_STREAM_1), [1023]);
  assert.deepEqual(detectChanges('ddm', NP_STREAM_2), [1049]);
  assert.deepEqual(detectChanges('ddm', new Float64Array(1000).fill(1)), []);
  assert.deepEqual(detectChanges('eddm', NP_STREAM_2, { alpha: 0.9, beta: 0.8 }), [1059]);
  assert.deepEqual(detectChanges('hddm_a', NP_STREAM_2), [1047]);
  assert.deepEqual(detectChanges('hddm_a', NP_STREAM_3, { twoSidedTest: true }), [531, 1015, 1545]);
  assert.deepEqual(detectChanges('kswin', NP_STREAM_1, { alpha: 0.0001, windowSize: 200, statSize: 100, seed: 42 }), [1042]);
  assert.deepEqual(detectChanges('page_hinkley', NP_STREAM_3, { mode: 'up' }), [588, 1681]);
  assert.deepEqual(detectChanges('page_hinkley', NP_STREAM_3, { mode: 'down' }), [1172]);
  assert.deepEqual(detectChanges('page_hinkley', NP_STREAM_3, { mode: 'both' }), [588, 1097, 1585]);
  // test_adwin_regression.py::test_multiple_drifts: Random(42), four blocks of 1000.
  const rng = new PyRandom(42);
  const four = Float64Array.from([
    ...choices(rng, [0, 1], 1000),
    ...choices(rng, range(4, 8), 1000),
    ...choices(rng, [0, 1], 1000),
    ...choices(rng, range(4, 8), 1000),
  ]);
  assert.deepEqual(detectChanges('adwin', four), [1023, 2015, 3007]);
  // test_no_drift_constant_stream, test_grace_period
  assert.deepEqual(detectChanges('adwin', new Float64Array(5000).fill(1)), []);
  const grace = Float64Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 1000));
  assert.deepEqual(detectChanges('adwin', grace, { gracePeriod: 100, clock: 1 }), []);
});

test("ADWIN starts from an empty window on the update after a drift (River's test_reset_on_drift_detected)", () => {
  const d = createDetector('adwin', { clock: 1 }) as import('../../src/core/stats/detectors').Adwin;
  for (let i = 0; i < 500; i++) d.update(0);
  let found = false;
  for (let i = 0; i < 500 && !found; i++) {
    d.update(100);
    found = d.driftDetected;
  }
  assert.ok(found);
  d.update(50);
  assert.equal(d.windowWidth, 1);
  assert.equal(d.estimation, 50);
});

test('defaults are River\'s', () => {
  assert.deepEqual({ ...ADWIN_DEFAULTS }, { delta: 0.002, clock: 32, maxBuckets: 5, minWindowLength: 5, gracePeriod: 10 });
  assert.deepEqual({ ...DDM_DEFAULTS }, { warmStart: 30, warningThreshold: 2, driftThreshold: 3 });
  assert.deepEqual({ ...EDDM_DEFAULTS }, { warmStart: 30, alpha: 0.95, beta: 0.9 });
  assert.deepEqual({ ...HDDM_A_DEFAULTS }, { driftConfidence: 0.001, warningConfidence: 0.005, twoSidedTest: false });
  assert.deepEqual({ ...KSWIN_DEFAULTS }, { alpha: 0.005, windowSize: 100, statSize: 30, seed: 42, window: null });
  assert.deepEqual({ ...PAGE_HINKLEY_DEFAULTS }, { minInstances: 30, delta: 0.005, threshold: 50, alpha: 1 - 0.0001, mode: 'both' });
  assert.deepEqual([...BINARY_DETECTORS], ['ddm', 'eddm', 'hddm_a']);
});

// ── synthetic streams ────────────────────────────────────────────────────────────────────────────

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function normalStream(seed: number, n: number, change: number, shift: number): Float64Array {
  const g = new PyGauss(new PyRandom(seed));
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = g.gauss(i >= change ? shift : 0, 1);
  return s;
}

function bernoulliStream(seed: number, n: number, change: number, p0: number, p1: number): Float64Array {
  const rng = new PyRandom(seed);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = rng.random() < (i >= change ? p1 : p0) ? 1 : 0;
  return s;
}

/**
 * Measured delays (first alarm at or after 1000, minus 1000) over seeds 1–10, and alarms before 1000:
 *   ADWIN     N(0,1) → N(1,1):   55 23 55 55 55 55 55 55 55 55       (clock 32: checks at 1023, 1055, …); before: 0
 *   PageHinkley                  43 29 26 56 32 24 44 16 52 19;       before: 1 1 1 0 0 0 0 1 0 0
 *   KSWIN                        17 21 22 14 25 48 25 13 30 59;       before: 1 1 0 1 1 1 1 1 0 3
 *   DDM       Bernoulli 0.1 → 0.4: 58 40 64 260 24 148 90 17 87 87;  before: 0 1 0 0 2 0 0 0 0 0
 *   EDDM                          64 33 73 43 31 37 67 17 82 32;     before: 0 2 3 3 1 3 3 1 4 2
 *   HDDM_A                        31 64 64 22 31 47 30 70 157 42;    before: 0
 * The bounds below sit a little above the worst measured delay.
 */
const DELAY_BOUND: Record<DetectorId, number> = {
  adwin: 60,
  page_hinkley: 70,
  kswin: 70,
  ddm: 300,
  eddm: 100,
  hddm_a: 180,
};

for (const id of DETECTOR_IDS) {
  test(`${id}: detects the change at 1000 within ${DELAY_BOUND[id]} values on every seed`, () => {
    const binary = BINARY_DETECTORS.includes(id);
    for (const seed of SEEDS) {
      const stream = binary ? bernoulliStream(seed, 3000, 1000, 0.1, 0.4) : normalStream(seed, 3000, 1000, 1);
      const alarms = detectChanges(id, stream);
      const first = alarms.find((i) => i >= 1000);
      assert.ok(first !== undefined, `${id} seed ${seed}: no detection after the change (${alarms.join(', ')})`);
      assert.ok(first - 1000 <= DELAY_BOUND[id], `${id} seed ${seed}: delay ${first - 1000}`);
    }
  });
}

/**
 * False alarms on 5000 stationary values (N(0,1), or Bernoulli(0.1) errors), seeds 101–110, measured:
 *   ADWIN 0 ×10; HDDM_A 0 ×10; DDM 1 4 0 1 1 0 1 0 2 1; PageHinkley 3 2 3 5 2 4 1 4 4 3;
 *   KSWIN 4 5 4 6 6 6 5 5 5 8 (a test at every update at alpha 0.005); EDDM 11 9 12 6 15 7 5 14 13 12
 *   (EDDM's defaults are known to be trigger-happy: River's own example loosens them to 0.8 / 0.75).
 */
const FALSE_ALARM_BOUND: Record<DetectorId, number> = {
  adwin: 1,
  hddm_a: 1,
  ddm: 5,
  page_hinkley: 7,
  kswin: 10,
  eddm: 20,
};

for (const id of DETECTOR_IDS) {
  test(`${id}: at most ${FALSE_ALARM_BOUND[id]} false alarms in 5000 stationary values`, () => {
    const binary = BINARY_DETECTORS.includes(id);
    for (const seed of SEEDS) {
      const stream = binary ? bernoulliStream(100 + seed, 5000, Infinity, 0.1, 0.1) : normalStream(100 + seed, 5000, Infinity, 0);
      const n = detectChanges(id, stream).length;
      assert.ok(n <= FALSE_ALARM_BOUND[id], `${id} seed ${100 + seed}: ${n} false alarms`);
    }
  });
}

// ── reset, determinism, input checks ─────────────────────────────────────────────────────────────

for (const id of DETECTOR_IDS) {
  test(`${id}: reset() restores the initial state`, () => {
    const binary = BINARY_DETECTORS.includes(id);
    const stream = binary ? bernoulliStream(3, 3000, 1000, 0.1, 0.4) : normalStream(3, 3000, 1000, 1);
    const d = createDetector(id);
    const trace = (): string => {
      let s = '';
      for (const x of stream) {
        d.update(x);
        s += d.driftDetected ? 'D' : d.warningDetected ? 'w' : '.';
      }
      return s;
    };
    const first = trace();
    assert.ok(first.includes('D'));
    // Stop mid-stream (in whatever state), reset, and the replay must be identical.
    for (let i = 0; i < 1234; i++) d.update(stream[i]);
    d.reset();
    assert.equal(d.driftDetected, false);
    assert.equal(d.warningDetected, false);
    assert.equal(trace(), first);
  });
}

test('KSWIN with a seed is deterministic; other seeds draw other samples', () => {
  const stream = normalStream(11, 4000, 2000, 0.5);
  const a = detectChanges('kswin', stream, { seed: 7 });
  assert.deepEqual(detectChanges('kswin', stream, { seed: 7 }), a);
  const runs = [1, 2, 3, 4, 5].map((seed) => detectChanges('kswin', stream, { seed }).join(','));
  assert.ok(new Set(runs).size > 1);
});

test("KSWIN's incremental statistic and p-value equal ksTwoSample on the drawn samples (ties included)", () => {
  // Rebuild each test by hand: the same seeded draws, the samples read from the window, SciPy's ks_2samp.
  const windowSize = 100;
  const statSize = 30;
  const older = windowSize - statSize;
  const stream = Float64Array.from(normalStream(5, 3000, 700, 2), (x) => Math.round(x * 4) / 4); // many ties
  const d = new Kswin({ seed: 3, alpha: 0.005 });
  let rng = new PyRandom(3);
  let window: number[] = [];
  const picks = new Int32Array(statSize);
  const pool = new Int32Array(older);
  let tests = 0;
  let drifts = 0;
  for (const x of stream) {
    if (d.driftDetected) {
      window = [];
      rng = new PyRandom(3);
    }
    d.update(x);
    window.push(x);
    if (window.length > windowSize) window.shift();
    if (window.length < windowSize) continue;
    rng.sampleRange(older, statSize, picks, pool);
    const w = Float64Array.from(picks, (p) => window[p]);
    const r = Float64Array.from(window.slice(older));
    const ks = ksTwoSample(w, r);
    assert.equal(d.statistic, ks.statistic);
    assert.equal(d.pValue, ks.pValue);
    assert.equal(d.driftDetected, ks.pValue <= 0.005 && ks.statistic > 0.1);
    tests++;
    if (d.driftDetected) drifts++;
  }
  assert.ok(tests > 500 && drifts >= 1, `${tests} tests, ${drifts} drifts`);
});

test('KSWIN: an initial window avoids the cold start and is kept by reset()', () => {
  const warm = normalStream(1, 100, Infinity, 0);
  const d = new Kswin({ window: warm });
  d.update(0.1);
  assert.ok(d.pValue > 0); // tested at the first update
  d.reset();
  d.update(0.1);
  assert.ok(d.pValue > 0);
  assert.equal(new Kswin().pValue, 0);
});

test('binary detectors reject values outside {0, 1} with a RangeError', () => {
  for (const id of BINARY_DETECTORS) {
    const d = createDetector(id);
    d.update(0);
    d.update(1);
    for (const bad of [0.5, 2, -1, NaN, Infinity]) {
      assert.throws(() => d.update(bad), (e: unknown) => e instanceof RangeError && /0\/1 error stream/.test(e.message));
    }
    assert.throws(() => detectChanges(id, Float64Array.of(0, 1, 3)), RangeError);
  }
  // The others take any real values.
  for (const id of ['adwin', 'kswin', 'page_hinkley'] as const) createDetector(id).update(3.7);
});

test('invalid parameters throw', () => {
  assert.throws(() => createDetector('eddm', { alpha: 0.8, beta: 0.9 }), RangeError);
  assert.throws(() => createDetector('kswin', { alpha: 1.1 }), RangeError);
  assert.throws(() => createDetector('kswin', { windowSize: 10, statSize: 30 }), RangeError);
  assert.throws(() => createDetector('page_hinkley', { mode: 'sideways' as never }), RangeError);
  assert.throws(() => createDetector('adwin', { delta: 0 }), RangeError);
  assert.throws(() => createDetector('nope' as DetectorId), RangeError);
});

test('detectors without a warning zone never warn', () => {
  for (const id of ['adwin', 'kswin', 'page_hinkley'] as const) {
    const d = createDetector(id);
    for (const x of normalStream(2, 3000, 1000, 2)) {
      d.update(x);
      assert.equal(d.warningDetected, false);
    }
  }
});

// ── speed ────────────────────────────────────────────────────────────────────────────────────────

/**
 * 1,000,000 values, measured on the dev machine (node 20): ADWIN ≈ 260 ms, PageHinkley ≈ 25 ms, DDM ≈ 40 ms,
 * EDDM ≈ 35 ms, HDDM_A ≈ 75 ms, KSWIN ≈ 2.1 s (a KS test at every update). Bounds leave room for slow CI.
 */
test('detectChanges over 1e6 values: well under a second (KSWIN: a few seconds)', () => {
  const numeric = normalStream(7, 1_000_000, Infinity, 0);
  const binary = bernoulliStream(7, 1_000_000, Infinity, 0.1, 0.1);
  const times: Record<string, number> = {};
  for (const id of DETECTOR_IDS) {
    const s = BINARY_DETECTORS.includes(id) ? binary : numeric;
    detectChanges(id, s.subarray(0, 20000)); // warm-up
    const t0 = performance.now();
    detectChanges(id, s);
    times[id] = performance.now() - t0;
  }
  for (const id of ['adwin', 'ddm', 'eddm', 'hddm_a', 'page_hinkley']) {
    assert.ok(times[id] < 1000, `${id}: ${times[id].toFixed(0)} ms`);
  }
  assert.ok(times.kswin < 10000, `kswin: ${times.kswin.toFixed(0)} ms`);
});
