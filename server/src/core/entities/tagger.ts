/**
 * Greedy left-to-right decoding with a linear model over hashed features
 * (label-history features make it a maximum-entropy-Markov-style tagger trained as an averaged perceptron).
 */
import * as features from './features';
import type { SentenceContext } from './features';
import * as labels from './labels';
import { TypedViews } from './typedViews';

// Module-local copies: cross-module bindings may be getters under some loaders, too slow for the inner loop.
const N_STATIC: number = features.N_STATIC;
const N_HISTORY: number = features.N_HISTORY;
const N_LABELS: number = labels.N_LABELS;
const historyFeatures = features.historyFeatures;
const tokenFeatures = features.tokenFeatures;
const allowedAfter = labels.allowedAfter;

export interface WeightTable {
  /** log2 of the number of buckets. */
  readonly bits: number;
  /** Dense table: `weights[bucket * N_LABELS + label]`. */
  readonly weights: Float32Array | Int16Array;
}

if (N_LABELS !== 9) throw new Error('scoreToken is unrolled for nine labels');

/** The table offsets of the rows of the features `scoreToken` is adding (valid during one call). */
const bucketRows = new Int32Array(N_STATIC + N_HISTORY);

/**
 * The summed weights of the first `skip` features of each token of a sentence (cached per word): token `i`'s
 * `N_LABELS` sums are `values[at[i]]` onwards.
 */
export interface BaseScores {
  readonly values: Float64Array;
  readonly at: Int32Array;
}

/**
 * Scores of every label for token `i`; writes the token's history features into `hist`.
 * With `base` (the summed weights of the token's first `skip` features, e.g. cached per word) those are not re-read.
 */
export function scoreToken(
  table: WeightTable,
  statics: Uint32Array,
  i: number,
  prev1: number,
  prev2: number,
  hist: Uint32Array,
  scores: Float64Array,
  base?: BaseScores,
  skip = 0,
  memory = 0,
): void {
  const w = table.weights;
  const mask = (1 << table.bits) - 1;
  // Nine accumulators, unrolled: this loop is the hot spot of recognition.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  if (base !== undefined) {
    const v = base.values;
    const a = base.at[i];
    s0 = v[a]; s1 = v[a + 1]; s2 = v[a + 2]; s3 = v[a + 3]; s4 = v[a + 4];
    s5 = v[a + 5]; s6 = v[a + 6]; s7 = v[a + 7]; s8 = v[a + 8];
  }
  historyFeatures(hist, 0, prev1, prev2, statics, i, memory);
  const o = i * N_STATIC + skip;
  const nStatic = N_STATIC - skip;
  const total = nStatic + N_HISTORY;
  // Two passes: the first reads each feature's first weight only, a few instructions a feature, so the processor has the
  // rows of many features on their way from memory at once (each row is a cache miss: the table is megabytes, read at
  // random); the second adds the other eight weights from rows now in the cache. Each label's sum adds the same
  // weights in the same order as one pass would.
  const rows = bucketRows;
  for (let j = 0; j < nStatic; j++) {
    const b = (statics[o + j] & mask) * 9;
    rows[j] = b;
    s0 += w[b];
  }
  for (let j = nStatic; j < total; j++) {
    const b = (hist[j - nStatic] & mask) * 9;
    rows[j] = b;
    s0 += w[b];
  }
  for (let j = 0; j < total; j++) {
    const b = rows[j];
    s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
    s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
}

/** Best label allowed after `prev` (IOB2 constraint). */
export function bestLabel(scores: Float64Array, prev: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < N_LABELS; k++) {
    if (scores[k] > bestScore && allowedAfter(prev, k)) {
      best = k;
      bestScore = scores[k];
    }
  }
  return best;
}

/** Summed weights of features `[0, count)` of one token's feature block starting at `at`. */
export function sumFeatures(table: WeightTable, feats: Uint32Array, at: number, count: number, out: Float64Array, outAt: number): void {
  const w = table.weights;
  const mask = (1 << table.bits) - 1;
  for (let j = 0; j < count; j++) {
    const b = (feats[at + j] & mask) * N_LABELS;
    for (let k = 0; k < N_LABELS; k++) out[outAt + k] += w[b + k];
  }
}

/**
 * Recognition-time tagging: features are computed only for tokens that are scored. A lower-case word or a
 * punctuation mark outside an entity is labelled O without scoring (names never start with one).
 */
export function tagSentenceLazy(
  table: WeightTable,
  ctx: SentenceContext,
  base: BaseScores,
  skip: number,
  memory: DocMemory,
  /** When given, the memory feature read for each token is written here (recognitionMemo.ts: NOT_READ elsewhere). */
  memoryReads?: Uint8Array,
  /**
   * Whether the labels may be written in a buffer of `memory`'s, reused by the next call (the caller keeps none of
   * them past the sentence): it may be longer than the sentence, whose labels are its first `ctx.length`.
   */
  reuse = false,
): Uint8Array {
  const n = ctx.length;
  const out = reuse ? memory.labels(n) : new Uint8Array(n);
  const statics = memory.statics(n * N_STATIC);
  const hist = memory.hist;
  const scores = memory.scores;
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < n; i++) {
    const info = ctx.infos[i];
    const cc = info.cc;
    let y = 0;
    // Which tokens are scored (and read the memory) and which labels are recorded: recognitionMemo.ts (replayMemory,
    // undoRecords) repeats both conditions to replay a sentence; change them together.
    if (p1 !== 0 || !info.skippable) {
      tokenFeatures(ctx, i, statics, skip === 0);
      const key = info.lowerText;
      const remembered = memory.feature(key);
      if (memoryReads !== undefined) memoryReads[i] = remembered;
      scoreToken(table, statics, i, p1, p2, hist, scores, base, skip, remembered);
      y = bestLabel(scores, p1);
      if (cc !== 0 && cc !== 4) memory.record(key, y);
    }
    out[i] = y;
    p2 = p1;
    p1 = y;
  }
  return out;
}

/**
 * The buffers `tagSentenceLazy` reuses from sentence to sentence (a page of one-word lines is a hundred thousand
 * sentences, and three typed arrays each were most of its tagging time) and from document to document: one set a
 * recogniser (createEntityRecognizer), not made for each document (the static features' buffer, 11.5 KB, was a buffer
 * outside the heap for each article), and not the module's (two recognisers never share one).
 */
export class TaggerBuffers {
  readonly hist = new Uint32Array(N_HISTORY);
  readonly scores = new Float64Array(N_LABELS);
  private staticsBuffer = new Uint32Array(64 * N_STATIC);
  private labelsBuffer = new Uint8Array(64);

  /** A buffer of at least `size` labels (valid until the next call; not zeroed). */
  labels(size: number): Uint8Array {
    if (this.labelsBuffer.length < size) this.labelsBuffer = new Uint8Array(Math.max(size, 2 * this.labelsBuffer.length));
    return this.labelsBuffer;
  }

  /** A zeroed buffer of at least `size` static features (valid until the next call). */
  statics(size: number): Uint32Array {
    if (this.staticsBuffer.length < size) this.staticsBuffer = new Uint32Array(Math.max(size, 2 * this.staticsBuffer.length));
    else this.staticsBuffer.fill(0, 0, size);
    return this.staticsBuffer;
  }
}

/**
 * What a document's earlier sentences were tagged for each capitalised word (by folded lower-case form):
 * the feature is 0 when unseen, else 1 + the most frequent label class (O or one of the four types),
 * plus 8 when the word was seen more than once.
 */
export class DocMemory {
  private readonly counts = new Map<string, Int32Array>();
  /** The label counts of each word, cut from shared blocks (see typedViews.ts). */
  private readonly countVectors = new TypedViews(Int32Array, 5);
  /** Buffers of `tagSentenceLazy`: the recogniser's (TaggerBuffers), used by one tagging call to its end. */
  readonly hist: Uint32Array;
  readonly scores: Float64Array;

  constructor(private readonly buffers: TaggerBuffers = new TaggerBuffers()) {
    this.hist = buffers.hist;
    this.scores = buffers.scores;
  }

  /** A buffer of at least `size` labels (valid until the next call; not zeroed). */
  labels(size: number): Uint8Array {
    return this.buffers.labels(size);
  }

  /** A zeroed buffer of at least `size` static features (valid until the next call). */
  statics(size: number): Uint32Array {
    return this.buffers.statics(size);
  }

  feature(key: string): number {
    const c = this.counts.get(key);
    if (c === undefined) return 0;
    let best = 0;
    for (let k = 1; k < 5; k++) if (c[k] > c[best]) best = k;
    return 1 + best + (c[0] + c[1] + c[2] + c[3] + c[4] > 1 ? 8 : 0);
  }

  record(key: string, label: number): void {
    let c = this.counts.get(key);
    if (c === undefined) this.counts.set(key, (c = this.countVectors.next()));
    c[label === 0 ? 0 : 1 + ((label - 1) >> 1)]++;
  }

  /** Takes back one `record(key, label)` (the memory is then as it was before it). */
  unrecord(key: string, label: number): void {
    const c = this.counts.get(key);
    if (c === undefined) return;
    c[label === 0 ? 0 : 1 + ((label - 1) >> 1)]--;
    if (c[0] + c[1] + c[2] + c[3] + c[4] === 0) this.counts.delete(key);
  }
}

/** Tags a sentence of `n` tokens whose static features are `statics`; `keys`/`record` drive the document memory. */
export function tagSentence(
  table: WeightTable,
  statics: Uint32Array,
  n: number,
  memory: DocMemory,
  keys: readonly string[],
  record: readonly boolean[],
): Uint8Array {
  const out = new Uint8Array(n);
  const hist = new Uint32Array(N_HISTORY);
  const scores = new Float64Array(N_LABELS);
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < n; i++) {
    scoreToken(table, statics, i, p1, p2, hist, scores, undefined, 0, memory.feature(keys[i]));
    const y = bestLabel(scores, p1);
    if (record[i]) memory.record(keys[i], y);
    out[i] = y;
    p2 = p1;
    p1 = y;
  }
  return out;
}
