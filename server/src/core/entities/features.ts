/**
 * Feature extraction for the tagger. Every feature is hashed to a bucket of the weight table:
 * static features (word, shape, affixes, word clusters, context window, gazetteer, line casing, document cues) are
 * computed once per sentence; label-history features are added while decoding.
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import * as hashing from './hashing';
import * as normalize from './normalize';
import { CaseClass } from './normalize';
import { LineCase } from './tokenize';
import { TypedViews } from './typedViews';
import * as wordClusters from './wordClusters';
import type { WordClusters } from './wordClusters';

// Module-local copies of hot functions (cross-module bindings may be getters under some loaders).
const { gazBitsOf, gazStartLength, matchGazetteer } = gazetteer;
// The feature hashes are stored in Uint32Arrays: their signed forms are the same bits (see hashing.mixBits).
const { hashRange, hashString, mixBits: mix, mix3Bits: mix3 } = hashing;
const FNV_OFFSET: number = hashing.FNV_OFFSET;
const FNV_PRIME: number = hashing.FNV_PRIME;
const { caseClassOf, foldWord, shapeHash } = normalize;
const { clusterAtLevel } = wordClusters;
const NO_CLUSTER: number = wordClusters.NO_CLUSTER;

export interface FeatureSentence {
  readonly words: readonly string[];
  readonly lineCase: LineCase;
  /** `wordInfo` of each word (with the model's word clusters). */
  readonly infos: readonly WordInfo[];
}

/** Number of static features per token. */
export const N_STATIC = 45;

/** Everything about a word form that does not depend on its context (cached per form). */
export interface WordInfo {
  readonly lowerText: string;
  /**
   * Hashes of the lower-cased fold, the fold and the shape, and below the word and shape features: the 32 bits as a
   * signed integer (the feature functions read only the bits), which V8 keeps in the object; the unsigned value past
   * 2^31 was a heap number of its own for each field of each new word.
   */
  readonly lower: number;
  readonly exact: number;
  readonly shape: number;
  readonly cc: CaseClass;
  readonly key: string;
  /** Length of the longest gazetteer phrase starting with this word (0 if none). */
  readonly gazStart: number;
  /** The gazetteer's category bits of the word alone (`gazBitsOf(key)`). */
  readonly gazBits: number;
  /** An opening quote, bracket, dash or colon: the word after it starts a clause as a sentence's first word does. */
  readonly opening: boolean;
  /** Lower-case word or punctuation (no digit): never starts a name, so it is not scored outside one. */
  readonly skippable: boolean;
  /** The word's cluster at the middle and the finest level of the cluster tree (level-tagged, or `NO_CLUSTER`). */
  readonly cluster2: number;
  readonly cluster3: number;
  /**
   * Hashes of the word-intrinsic features: the first `N_INTRINSIC` static features of the token. Absent when the
   * caller of `computeWordInfo` took them in a buffer of its own (the recogniser sums their weights once per word).
   */
  readonly intrinsic?: Uint32Array;
  /** The word and shape features (`intrinsic[1]` and `intrinsic[3]`: what the label-history features read). */
  readonly wordFeature: number;
  readonly shapeFeature: number;
}

/** Number of word-intrinsic features (bias, word, exact form, shape, affixes, length, word clusters). */
export const N_INTRINSIC = 17;

/** Word-intrinsic feature vectors, one per word form (cut from shared blocks: see typedViews.ts). */
const intrinsicVectors = new TypedViews(Uint32Array, N_INTRINSIC);

/** A `WordInfo` holding its word-intrinsic feature hashes. */
export interface WordInfoWithFeatures extends WordInfo {
  readonly intrinsic: Uint32Array;
}

/** One cache of word forms per cluster table (a model's features depend on its table). */
const wordCaches = new WeakMap<WordClusters, Map<string, WordInfoWithFeatures>>();

/** Everything about a word form that does not depend on its context, with the clusters of `clusters`. */
export function wordInfo(word: string, clusters: WordClusters): WordInfoWithFeatures {
  let wordCache = wordCaches.get(clusters);
  if (wordCache === undefined) wordCaches.set(clusters, (wordCache = new Map()));
  let info = wordCache.get(word);
  if (info !== undefined) return info;
  info = computeWordInfo(word, clusters);
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(word, info);
  return info;
}

/**
 * `wordInfo` made afresh, for a caller that keeps the words it has seen itself (the recogniser: a page of distinct
 * words was two look-ups and two insertions in two tables of the same words for each). With `intrinsicOut`, the
 * word-intrinsic feature hashes are written there (its first `N_INTRINSIC` elements) and the info holds none.
 */
export function computeWordInfo(word: string, clusters: WordClusters): WordInfoWithFeatures;
export function computeWordInfo(word: string, clusters: WordClusters, intrinsicOut: Uint32Array): WordInfo;
export function computeWordInfo(word: string, clusters: WordClusters, intrinsicOut?: Uint32Array): WordInfo {
  const f = foldWord(word);
  const lowerText = f.toLowerCase();
  // foldKey(word), from the lower-cased fold at hand (the same string: the fold lower-cased, a trailing dot dropped).
  const key = lowerText.charCodeAt(lowerText.length - 1) === 46 /* . */ ? lowerText.slice(0, -1) : lowerText;
  const cc = caseClassOf(f);
  const lower = hashString(lowerText) | 0;
  const exact = hashString(f) | 0;
  const shape = shapeHash(f) | 0;
  const intrinsic = intrinsicOut ?? intrinsicVectors.next();
  let k = 0;
  intrinsic[k++] = mix(1, 0);
  intrinsic[k++] = mix(2, lower);
  intrinsic[k++] = mix(3, exact);
  intrinsic[k++] = mix(4, shape);
  // Affixes of 1 to 4 letters: hashString of key.slice(0, a) and key.slice(-a), hashed in place (a unique word, as
  // every number of a table is, made eight strings here).
  const n = key.length;
  let prefix = FNV_OFFSET;
  for (let a = 1; a <= 4; a++) {
    if (n > a) prefix = Math.imul(prefix ^ key.charCodeAt(a - 1), FNV_PRIME);
    intrinsic[k++] = mix(14 + a, n > a ? prefix >>> 0 : 0);
    intrinsic[k++] = mix(18 + a, n > a ? hashRange(key, n - a, n) : 0);
  }
  intrinsic[k++] = mix(31, Math.min(n, 12) | (cc << 4));
  // Distributional features: the word's cluster at each level of the tree, and the finest one with its casing.
  const leaf = clusters.clusterOf(lowerText);
  const levels = clusters.levelBits.length;
  const cluster1 = levels > 0 ? clusterAtLevel(clusters, leaf, 0) : NO_CLUSTER;
  const cluster2 = levels > 1 ? clusterAtLevel(clusters, leaf, 1) : cluster1;
  const cluster3 = levels > 2 ? clusterAtLevel(clusters, leaf, levels - 1) : cluster2;
  intrinsic[k++] = mix(40, cluster1);
  intrinsic[k++] = mix(41, cluster2);
  intrinsic[k++] = mix(42, cluster3);
  intrinsic[k++] = mix3(43, cluster3, cc);
  const skippable = cc === LOWER || (cc === OTHER && !/\d/.test(word));
  const gazStart = gazStartLength(key);
  const gazBits = gazBitsOf(key);
  const opening = OPENING.has(word);
  const wordFeature = intrinsic[1] | 0;
  const shapeFeature = intrinsic[3] | 0;
  if (intrinsicOut !== undefined) {
    return { lowerText, lower, exact, shape, cc, key, gazStart, gazBits, opening, skippable, cluster2, cluster3, intrinsic: undefined, wordFeature, shapeFeature };
  }
  return { lowerText, lower, exact, shape, cc, key, gazStart, gazBits, opening, skippable, cluster2, cluster3, intrinsic, wordFeature, shapeFeature };
}

// Enum values as plain module constants (cross-module enum reads may be getters under some loaders).
const TITLE_BITS: number = Gaz.Title | Gaz.HeadTitle;
const ORG_HEAD: number = Gaz.OrgHead;
const LOWER: number = CaseClass.Lower;
const INIT_CAP: number = CaseClass.InitCap;
const OTHER: number = CaseClass.Other;
const NORMAL_LINE: number = LineCase.Normal;
const OPENING = new Set(['"', '“', '‘', '(', '-', '—', '–', ':']);
const BOS = hashString('<s>');
const EOS = hashString('</s>');

/**
 * Per-document casing evidence of each (lower-cased, folded) word, as bits in one map (one look-up a token where three
 * sets and maps took three): the contexts in which it occurs anywhere in the document (`CUE_CONTEXTS`, see
 * `contextBits`), whether it was seen lower-case (`CUE_LOWER`) and capitalised mid-sentence in prose (`CUE_CAP_MID`).
 */
export interface DocCues {
  readonly bits: Map<string, number>;
}

/** The context bits of a word's cues (`contextBits`: seven bits). */
export const CUE_CONTEXTS = 0x7f;
/** The word was seen lower-case. */
export const CUE_LOWER = 0x80;
/** The word was seen capitalised mid-sentence in prose. */
export const CUE_CAP_MID = 0x100;

/** The cues of the (lower-cased, folded) word `key`: 0 when none. */
export function cuesOf(cues: DocCues, key: string): number {
  return cues.bits.get(key) ?? 0;
}

const LOC_PREPS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across']);

/** Context bits of token `i` of the sentence `[from, to)` of `infos`. */
function contextBits(infos: readonly WordInfo[], i: number, from: number, to: number): number {
  const prev = i > from ? infos[i - 1] : undefined;
  const next = i + 1 < to ? infos[i + 1] : undefined;
  let bits = 0;
  if (prev && prev.gazBits & TITLE_BITS) bits |= 1;
  if (i > from + 1 && prev && prev.cc === INIT_CAP) bits |= 2;
  if (next && next.cc === INIT_CAP) bits |= 4;
  if (next && (next.lowerText === "'s" || next.lowerText === "'")) bits |= 8;
  if (prev && LOC_PREPS.has(prev.lowerText)) bits |= 16;
  if (prev && prev.lowerText === 'the') bits |= 32;
  if (next && next.gazBits & ORG_HEAD) bits |= 64;
  return bits;
}

/**
 * The document's cues from its sentences; with `into`, those sentences' cues are added to it (a caller may then read
 * a long document a part at a time, without holding every sentence's words and facts at once).
 */
export function collectDocCues(sentences: readonly FeatureSentence[], into?: DocCues): DocCues {
  const cues = into ?? newDocCues();
  for (const s of sentences) addDocCues(cues, s.infos, 0, s.infos.length, s.lineCase);
  return cues;
}

/** Cues with nothing seen yet. */
export function newDocCues(): DocCues {
  return { bits: new Map<string, number>() };
}

/** Adds to `cues` those of one sentence, the words `[from, to)` of `infos` (a document's words, one after the other). */
export function addDocCues(cues: DocCues, infos: readonly WordInfo[], from: number, to: number, lineCase: LineCase): void {
  const bits = cues.bits;
  const normal = lineCase === NORMAL_LINE;
  for (let i = from; i < to; i++) {
    const info = infos[i];
    const c = info.cc;
    let add = 0;
    if (c !== LOWER && c !== OTHER && normal) add = contextBits(infos, i, from, to);
    if (c === LOWER) add |= CUE_LOWER;
    else if (c === INIT_CAP && i > from && normal && !infos[i - 1].opening) add |= CUE_CAP_MID;
    if (add === 0) continue;
    const k = info.lowerText;
    const had = bits.get(k) ?? 0;
    if ((had | add) !== had) bits.set(k, had | add);
  }
}

/** What the per-token feature function needs to know about a sentence. */
export interface SentenceContext {
  /** The sentence's number of words. */
  readonly length: number;
  /** `wordInfo` of each word (the first `length` entries are the sentence's; a caller may reuse a longer array). */
  readonly infos: readonly WordInfo[];
  readonly gaz: Int32Array;
  readonly lineCase: LineCase;
  readonly cues: DocCues;
}

export function sentenceContext(sentence: FeatureSentence, cues: DocCues): SentenceContext {
  return contextOf(sentence.infos, sentence.infos.length, sentence.lineCase, cues);
}

/** The context of the sentence whose words are the first `length` of `infos`. */
export function contextOf(infos: readonly WordInfo[], length: number, lineCase: LineCase, cues: DocCues): SentenceContext {
  let anyGaz = false;
  for (let i = 0; i < length; i++) if (infos[i].gazStart > 0) anyGaz = true;
  let gaz: Int32Array;
  if (anyGaz) {
    const keys = new Array<string>(length);
    const starts = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      keys[i] = infos[i].key;
      starts[i] = infos[i].gazStart;
    }
    gaz = matchGazetteer(keys, starts);
  } else gaz = new Int32Array(length);
  return { length, infos, gaz, lineCase, cues };
}

/** Static features of every token of a sentence: `N_STATIC` hashes per token (unmasked). */
export function staticFeatures(sentence: FeatureSentence, cues: DocCues): Uint32Array {
  const ctx = sentenceContext(sentence, cues);
  const out = new Uint32Array(ctx.length * N_STATIC);
  for (let i = 0; i < ctx.length; i++) tokenFeatures(ctx, i, out);
  return out;
}

/** Writes the `N_STATIC` static features of token `i` at `out[i * N_STATIC]`. */
export function tokenFeatures(ctx: SentenceContext, i: number, out: Uint32Array, withIntrinsic = true): void {
  const { infos, gaz, cues } = ctx;
  const n = ctx.length;
  const lp = i > 0 ? infos[i - 1].lower : BOS;
  const ln = i + 1 < n ? infos[i + 1].lower : EOS;
  const sp = i > 0 ? infos[i - 1].shape : BOS;
  const sn = i + 1 < n ? infos[i + 1].shape : EOS;
  const cp = i > 0 ? infos[i - 1].cc : 7;
  const cn = i + 1 < n ? infos[i + 1].cc : 8;
  const gp = i > 0 ? gaz[i - 1] : 0x20000;
  const gn = i + 1 < n ? gaz[i + 1] : 0x20000;
  const gi = gaz[i];
  const lc = ctx.lineCase;
  const info = infos[i];
  const lower = info.lower;
  const shape = info.shape;
  const cc = info.cc;
  const o = i * N_STATIC;
  const lowerText = info.lowerText;
  const cue = cues.bits.get(lowerText) ?? 0;
  const docBits = (cue & CUE_LOWER ? 1 : 0) | (cue & CUE_CAP_MID ? 2 : 0);
  const first = i === 0 || infos[i - 1].opening ? 1 : 0;
  if (withIntrinsic) out.set(info.intrinsic!, o);
  else {
    // The history features read these two (word and shape).
    out[o + 1] = info.wordFeature;
    out[o + 3] = info.shapeFeature;
  }
  let k = o + N_INTRINSIC;
  out[k++] = mix(23, cc | (lc << 4) | (first << 8));
  out[k++] = mix(5, lp);
  out[k++] = mix(6, ln);
  out[k++] = mix(7, i > 1 ? infos[i - 2].lower : BOS);
  out[k++] = mix(8, i + 2 < n ? infos[i + 2].lower : EOS);
  out[k++] = mix(9, sp);
  out[k++] = mix(10, sn);
  out[k++] = mix3(11, sp, shape);
  out[k++] = mix3(12, shape, sn);
  out[k++] = mix3(13, lp, lower);
  out[k++] = mix3(14, lower, ln);
  out[k++] = mix(24, cc | (docBits << 4) | (lc << 8) | (first << 12));
  out[k++] = mix(25, gi);
  out[k++] = mix(26, gp & 0x1ffff);
  out[k++] = mix(27, gn & 0x1ffff);
  out[k++] = mix3(28, gi & 0xffff, cc);
  out[k++] = mix3(29, lp, cc);
  out[k++] = mix3(30, ln, cc);
  out[k++] = mix3(32, cp | (cn << 4), cc | (lc << 4));
  out[k++] = mix3(33, gp & TITLE_BITS, cc | (first << 4));
  out[k++] = mix3(34, info.exact, lc);
  out[k++] = mix3(36, docBits, lower);
  const cx = cue & CUE_CONTEXTS;
  out[k++] = mix(37, cx | (cc << 8));
  out[k++] = mix(38, cx | (lc << 8) | (first << 12));
  out[k++] = mix(44, i > 0 ? infos[i - 1].cluster2 : BOS);
  out[k++] = mix(45, i + 1 < n ? infos[i + 1].cluster2 : EOS);
  out[k++] = mix(46, i > 0 ? infos[i - 1].cluster3 : BOS);
  out[k++] = mix(47, i + 1 < n ? infos[i + 1].cluster3 : EOS);
  if (k !== o + N_STATIC) throw new Error('feature count mismatch');
}

/** Number of history features added per token while decoding. */
export const N_HISTORY = 7;

/**
 * Label-history features of token `i` given the two previous labels and `memory`, what the document's
 * earlier sentences were tagged for this word (see `DocMemory`).
 */
export function historyFeatures(
  out: Uint32Array,
  at: number,
  prev1: number,
  prev2: number,
  statics: Uint32Array,
  i: number,
  memory: number,
): void {
  const base = i * N_STATIC;
  out[at + 5] = mix(65, memory);
  out[at + 6] = mix3(66, memory, statics[base + N_INTRINSIC]);
  out[at] = mix(60, prev1);
  out[at + 1] = mix(61, prev1 | (prev2 << 4));
  out[at + 2] = mix3(62, prev1, statics[base + 1]);
  out[at + 3] = mix3(63, prev1, statics[base + 3]);
  out[at + 4] = mix3(64, prev1, statics[base + N_INTRINSIC]);
}
