/**
 * Word error rate for transcription models: the word-level Levenshtein distance between a reference
 * transcript and the model's hypothesis, summed over rows and divided by the reference word count (corpus
 * WER, as jiwer's `wer` computes it for a list of sentences). Checked against an independent plain-Python
 * dynamic programme in test/fixtures/sklearn/generate_metrics.py (jiwer is not packaged in Debian).
 *
 * Words are the maximal runs of non-whitespace, whitespace being Unicode's White_Space property (space, tab,
 * line breaks, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); they are
 * compared exactly (no case folding, punctuation kept). Normalise text before calling if that is wanted.
 */

/** Unicode White_Space (not JavaScript's \s, which adds U+FEFF and lacks U+0085). */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function words(text: string): string[] {
  const parts = text.split(WHITESPACE);
  // A leading or trailing run of whitespace leaves an empty string at that end.
  let lo = 0;
  let hi = parts.length;
  if (hi > 0 && parts[0] === '') lo++;
  if (hi > lo && parts[hi - 1] === '') hi--;
  return lo === 0 && hi === parts.length ? parts : parts.slice(lo, hi);
}

/**
 * Word-level edit distance (substitutions + deletions + insertions, each costing 1) between `reference` and
 * `hypothesis`, and the number of reference words. An empty (or all-whitespace) string has 0 words.
 * O(m·n) time and O(min(m, n)) memory: one row of the dynamic programme over the shorter word list (the
 * distance is symmetric), words interned to integers so the inner loop compares numbers.
 */
export function wordEdits(reference: string, hypothesis: string): { edits: number; words: number } {
  const ref = words(reference);
  const hyp = words(hypothesis);
  const m = ref.length;
  const n = hyp.length;
  if (m === 0 || n === 0) return { edits: m + n, words: m };
  const ids = new Map<string, number>();
  const intern = (list: string[]): Int32Array => {
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      let id = ids.get(list[i]);
      if (id === undefined) ids.set(list[i], (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const a = intern(ref);
  const b = intern(hyp);
  // Rows run over the longer list, the kept row over the shorter one.
  const outer = m >= n ? a : b;
  const inner = m >= n ? b : a;
  const len = inner.length;
  const row = new Int32Array(len + 1);
  for (let j = 0; j <= len; j++) row[j] = j;
  for (let i = 1; i <= outer.length; i++) {
    const w = outer[i - 1];
    let diagonal = row[0]; // D[i-1][j-1]
    row[0] = i;
    for (let j = 1; j <= len; j++) {
      const up = row[j]; // D[i-1][j]
      let best = diagonal + (inner[j - 1] === w ? 0 : 1);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = up;
    }
  }
  return { edits: row[len], words: m };
}

/**
 * Corpus word error rate: Σ w·edits / Σ w·words over rows (`wordEdits` per row), i.e. all edits over all
 * reference words, not the mean of per-row rates. Can exceed 1 (insertions). NaN when the (weighted)
 * reference holds no words.
 */
export function wordErrorRate(edits: Float64Array, words: Float64Array, weights?: Float64Array): number {
  const n = edits.length;
  if (words.length !== n || (weights && weights.length !== n)) {
    throw new RangeError('wordErrorRate: edits, words and weights must have the same length');
  }
  let e = 0;
  let w = 0;
  if (weights) {
    for (let i = 0; i < n; i++) {
      e += weights[i] * edits[i];
      w += weights[i] * words[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      e += edits[i];
      w += words[i];
    }
  }
  return w > 0 ? e / w : NaN;
}
