/**
 * Document-level consistency: a name recognised once is recognised wherever it recurs in the document,
 * and the first and last words of a person's full name (`Chinh`, `Vilay`) are recognised as that person.
 * A single word that the document also uses in lower case (`Second`, `Federal`) is not propagated.
 */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import { isCapitalised } from './initialCase';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isTitleWord } = titles;

/**
 * The votes for one name: its types in the order first voted for (a tie goes to the first), with their weights. Two
 * short arrays, not a map: a page of thousands of names made a map for each.
 */
interface Entry {
  readonly types: EntityType[];
  readonly weights: number[];
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', "'s", 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'al', 'bin']);

/** `foldKey`, which keeps the keys of the words it has seen (this module kept a second cache of the same). */
const cachedKey = foldKey;

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let k = cachedKey(tokens[from].text);
  for (let i = from + 1; i < to; i++) k += ' ' + cachedKey(tokens[i].text);
  return k;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a key's code units: `hashKey(keyOf(tokens, from, to))` is what `hashKeyPrefixes` gives for its tokens. */
function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
  return h;
}

/** Sets `hashes[m]` to `hashKey(keyOf(tokens, from, from + m))` for m from 1 to `to - from`, making no string. */
function hashKeyPrefixes(tokens: readonly Token[], from: number, to: number, hashes: number[]): void {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    if (i > from) h = Math.imul(h ^ 0x20, FNV_PRIME);
    const key = cachedKey(tokens[i].text);
    for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
    hashes[i - from + 1] = h;
  }
}

function bestType(e: Entry): EntityType {
  let best: EntityType = 'MISC';
  let score = -1;
  for (let k = 0; k < e.types.length; k++) if (e.weights[k] > score) (best = e.types[k]), (score = e.weights[k]);
  return best;
}

/**
 * Adds spans for unlabelled recurrences of names found elsewhere in the document.
 * `spans[s]` are the (cleaned, sorted) spans of sentence `s`; they are extended in place and re-sorted.
 */
export function propagateNames(
  sentences: readonly (readonly Token[])[],
  spans: TokenSpan[][],
  isCommonWord: (token: string) => boolean = () => false,
): void {
  const dict = new Map<string, Entry>();
  // For each first word, the lengths (in tokens) of the names that start with it: only those lengths are looked up
  // at a token (not every length up to the longest name, each a string of its own). Noted as names are first voted
  // for (`first`: the key of the name's first word).
  const lengthsByFirst = new Map<string, number[]>();
  let maxLen = 1;
  const vote = (key: string, type: EntityType, weight: number, first: string, length: number): void => {
    const e = dict.get(key);
    if (!e) {
      // Arrays of the one vote (most names get votes of one type only): no room made for more until there are more.
      dict.set(key, { types: [type], weights: [weight] });
      const list = lengthsByFirst.get(first);
      if (!list) lengthsByFirst.set(first, [length]);
      else if (!list.includes(length)) list.push(length);
      return;
    }
    const k = e.types.indexOf(type);
    if (k < 0) {
      e.types.push(type);
      e.weights.push(weight);
    } else e.weights[k] += weight;
  };
  sentences.forEach((tokens, s) => {
    for (const sp of spans[s]) {
      if (sp.start !== undefined) continue;
      vote(keyOf(tokens, sp.from, sp.to), sp.type, 1, cachedKey(tokens[sp.from].text), sp.to - sp.from);
      maxLen = Math.max(maxLen, sp.to - sp.from);
      if (sp.type === 'PERSON' && sp.to - sp.from >= 2) {
        for (const i of [sp.from, sp.to - 1]) {
          const t = tokens[i].text;
          if (t.length >= 3 && isCapitalised(t) && !isTitleWord(t) && !CONNECTORS.has(foldKey(t))) vote(foldKey(t), 'PERSON', 0.5, foldKey(t), 1);
        }
      }
    }
  });
  if (dict.size === 0) return;
  // Longest first.
  for (const list of lengthsByFirst.values()) if (list.length > 1) list.sort((a, b) => b - a);
  // The names' keys by hash: a run of capitalised words looks up many lengths at each token, and most are no name;
  // those whose hash is no name's are passed over without making their key.
  const keyHashes = new Set<number>();
  for (const k of dict.keys()) keyHashes.add(hashKey(k));
  // One buffer for the tokens covered in each sentence, zeroed for each (not a new one per sentence).
  let coveredBuffer = new Uint8Array(64);
  /** Hashes of the keys of tokens [i, i + m), for m up to the longest n looked up at `i` (read only once written at `i`). */
  const hashes: number[] = [];
  sentences.forEach((tokens, s) => {
    if (coveredBuffer.length < tokens.length) coveredBuffer = new Uint8Array(Math.max(tokens.length, 2 * coveredBuffer.length));
    else coveredBuffer.fill(0, 0, tokens.length);
    const covered = coveredBuffer;
    for (const sp of spans[s]) covered.fill(1, sp.from, sp.to);
    // Made when a name is added (most sentences add none).
    let added: TokenSpan[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const lengths = covered[i] || !isCapitalised(tokens[i].text) ? undefined : lengthsByFirst.get(cachedKey(tokens[i].text));
      if (!lengths) continue;
      // No name runs into a token already covered.
      let limit = Math.min(maxLen, tokens.length - i);
      for (let j = i + 1; j < i + limit; j++) if (covered[j]) limit = j - i;
      let hashed = false;
      for (const n of lengths) {
        if (n > limit) continue;
        if (!isCapitalised(tokens[i + n - 1].text)) continue;
        // Lengths come longest first: the hashes of the first key looked up give those of all the others (a long
        // capitalised run tries many lengths at each token).
        if (!hashed) {
          hashKeyPrefixes(tokens, i, i + n, hashes);
          hashed = true;
        }
        if (!keyHashes.has(hashes[n])) continue;
        const e = dict.get(keyOf(tokens, i, i + n));
        if (!e) continue;
        if (n === 1 && i + 1 < tokens.length && isCapitalised(tokens[i + 1].text) && !covered[i + 1]) break;
        if (n === 1 && (isCommonWord(tokens[i].text) || isTitleWord(tokens[i].text))) break;
        (added ??= []).push({ from: i, to: i + n, type: bestType(e) });
        covered.fill(1, i, i + n);
        i += n - 1;
        break;
      }
    }
    if (added !== undefined) spans[s] = [...spans[s], ...added].sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  });
}
