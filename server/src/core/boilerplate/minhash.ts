/**
 * Near-duplicate machinery: MinHash signatures over word shingles, LSH band keys, and a banded
 * token edit distance that verifies candidates.
 */
import { combine, mix32, to30 } from './hashing';

export const BANDS = 10;
const ROWS = 2;
const NUM_HASHES = BANDS * ROWS;
const SEEDS: Int32Array = (() => {
  const s = new Int32Array(NUM_HASHES);
  let x = 0x1234567;
  for (let i = 0; i < NUM_HASHES; i++) { x = mix32(x + 0x9e3779b9); s[i] = x | 1; }
  return s;
})();

/** Passages from this many words are shingled by word trigrams, shorter ones by bigrams. */
const TRIGRAM_FROM = 30;
/**
 * Around that length a passage is shingled both ways, so that a near copy a few words longer or
 * shorter (a lead repeated after a site prefix, a paragraph with a word dropped) still shares bands.
 */
const BOTH_FROM = TRIGRAM_FROM - 6;
const BOTH_UNTIL = TRIGRAM_FROM + 6;

/**
 * LSH band keys of a passage: word trigrams (bigrams for passages under 30 words; both between 24 and 35)
 * are hashed, the minimum of NUM_HASHES permutations is kept, and each band of ROWS minima gives one 30-bit key.
 */
export function bandKeys(tokens: Int32Array): Int32Array {
  const n = tokens.length;
  if (n < BOTH_FROM || n >= BOTH_UNTIL) return shingleBands(tokens, n >= TRIGRAM_FROM ? 3 : n >= 3 ? 2 : 1, new Int32Array(BANDS), 0);
  const keys = new Int32Array(2 * BANDS);
  shingleBands(tokens, 2, keys, 0);
  return shingleBands(tokens, 3, keys, BANDS);
}

/**
 * The minima of `shingleBands`, reused from call to call: a typed array made and filled for each passage was a fifth
 * of the time of its band keys (3,000 generated articles' boilerplate summaries, sampled profile).
 */
const mins = new Int32Array(NUM_HASHES);

/**
 * Band keys from shingles of `k` words, written into `keys` from `at` (which it gives back); the keys of different
 * `k` never coincide by construction (salted by `k`).
 */
function shingleBands(tokens: Int32Array, k: number, keys: Int32Array, at: number): Int32Array {
  const n = tokens.length;
  // A local of the module's array: read from the module in the loop below, it was slower than a fresh one.
  const m = mins.fill(0x7fffffff);
  for (let i = 0; i + k <= n; i++) {
    let sh = tokens[i];
    for (let j = 1; j < k; j++) sh = combine(sh, tokens[i + j]);
    for (let h = 0; h < NUM_HASHES; h++) {
      let v = Math.imul(sh ^ SEEDS[h], 0x9e3779b1);
      v ^= v >>> 15;
      v &= 0x7fffffff;
      if (v < m[h]) m[h] = v;
    }
  }
  for (let b = 0; b < BANDS; b++) {
    let key = Math.imul(b + 1 + BANDS * (k - 1), 0x27d4eb2d);
    for (let r = 0; r < ROWS; r++) key = combine(key, m[b * ROWS + r]);
    keys[at + b] = to30(key);
  }
  return keys;
}

/**
 * Similarity of two token sequences: 1 − (word edit distance / longer length).
 * Returns 0 as soon as the distance must exceed what `threshold` allows (banded computation).
 */
export function tokenSimilarity(a: Int32Array, b: Int32Array, threshold: number): number {
  const n = a.length;
  const m = b.length;
  const longer = Math.max(n, m);
  if (longer === 0) return 1;
  const maxDist = Math.floor((1 - threshold) * longer + 1e-9);
  if (Math.abs(n - m) > maxDist) return 0;
  // A common prefix and suffix are left out (the edit distance of the rest is the distance): a page of lines that
  // differ in one name is mostly compared within them.
  let from = 0;
  while (from < n && from < m && a[from] === b[from]) from++;
  let tail = 0;
  while (tail < n - from && tail < m - from && a[n - 1 - tail] === b[m - 1 - tail]) tail++;
  const d = editDistanceWithin(a, from, n - tail, b, from, m - tail, maxDist);
  return d > maxDist ? 0 : 1 - d / longer;
}

/**
 * The word edit distance of `a[aFrom, aTo)` and `b[bFrom, bTo)`, or `maxDist + 1` as soon as it must exceed `maxDist`
 * (banded computation).
 */
function editDistanceWithin(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number, maxDist: number): number {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (n === 0 || m === 0) return Math.min(n + m, maxDist + 1);
  const INF = maxDist + 1;
  // Two rows of the band, reused from call to call (a passage is compared with hundreds of candidates); only the
  // cells of the band and one cell either side of it are written and read, so a row costs the band's width.
  if (rowA.length < m + 2) {
    rowA = new Int32Array(2 * (m + 2));
    rowB = new Int32Array(2 * (m + 2));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j <= maxDist ? j : INF;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - maxDist);
    const hi = Math.min(m, i + maxDist);
    cur[0] = i <= maxDist ? i : INF;
    if (lo > 1) cur[lo - 1] = INF;
    let best = cur[0];
    const ai = a[aFrom + i - 1];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (ai === b[bFrom + j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      let v = sub < del ? sub : del;
      if (ins < v) v = ins;
      if (v > INF) v = INF;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < m) cur[hi + 1] = INF;
    if (best > maxDist) return INF;
    const t = prev; prev = cur; cur = t;
  }
  return Math.min(prev[m], INF);
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
