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

interface Entry {
  readonly votes: Map<EntityType, number>;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', "'s", 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'al', 'bin']);

/** `foldKey`, which keeps the keys of the words it has seen (this module kept a second cache of the same). */
const cachedKey = foldKey;

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let k = cachedKey(tokens[from].text);
  for (let i = from + 1; i < to; i++) k += ' ' + cachedKey(tokens[i].text);
  return k;
}

/** `keyOf(tokens, from, to)`, with `ends[m]` set to the length of the key of its first m tokens (and `ends.length` to `to - from + 1`). */
function keyAndPrefixes(tokens: readonly Token[], from: number, to: number, ends: number[]): string {
  ends.length = 0;
  ends.push(0);
  let k = cachedKey(tokens[from].text);
  ends.push(k.length);
  for (let i = from + 1; i < to; i++) {
    k += ' ' + cachedKey(tokens[i].text);
    ends.push(k.length);
  }
  return k;
}

function bestType(e: Entry): EntityType {
  let best: EntityType = 'MISC';
  let score = -1;
  for (const [t, v] of e.votes) if (v > score) [best, score] = [t, v];
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
  let maxLen = 1;
  const vote = (key: string, type: EntityType, weight: number): void => {
    let e = dict.get(key);
    if (!e) dict.set(key, (e = { votes: new Map() }));
    e.votes.set(type, (e.votes.get(type) ?? 0) + weight);
  };
  sentences.forEach((tokens, s) => {
    for (const sp of spans[s]) {
      if (sp.start !== undefined) continue;
      vote(keyOf(tokens, sp.from, sp.to), sp.type, 1);
      maxLen = Math.max(maxLen, sp.to - sp.from);
      if (sp.type === 'PERSON' && sp.to - sp.from >= 2) {
        for (const i of [sp.from, sp.to - 1]) {
          const t = tokens[i].text;
          if (t.length >= 3 && isCapitalised(t) && !isTitleWord(t) && !CONNECTORS.has(foldKey(t))) vote(foldKey(t), 'PERSON', 0.5);
        }
      }
    }
  });
  if (dict.size === 0) return;
  // For each first word, the lengths (in tokens) of the names that start with it, longest first: only those lengths
  // are looked up at a token (not every length up to the longest name, each a string of its own).
  const lengthsByFirst = new Map<string, number[]>();
  for (const k of dict.keys()) {
    const words = k.split(' ');
    const list = lengthsByFirst.get(words[0]);
    if (!list) lengthsByFirst.set(words[0], [words.length]);
    else if (!list.includes(words.length)) list.push(words.length);
  }
  for (const list of lengthsByFirst.values()) list.sort((a, b) => b - a);
  // One buffer for the tokens covered in each sentence, zeroed for each (not a new one per sentence).
  let coveredBuffer = new Uint8Array(64);
  sentences.forEach((tokens, s) => {
    if (coveredBuffer.length < tokens.length) coveredBuffer = new Uint8Array(Math.max(tokens.length, 2 * coveredBuffer.length));
    else coveredBuffer.fill(0, 0, tokens.length);
    const covered = coveredBuffer;
    for (const sp of spans[s]) covered.fill(1, sp.from, sp.to);
    const added: TokenSpan[] = [];
    /** Key of tokens [i, i + n) for the longest n looked up at `i`; the shorter ones are its prefixes (`ends`). */
    const ends: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const lengths = covered[i] || !isCapitalised(tokens[i].text) ? undefined : lengthsByFirst.get(cachedKey(tokens[i].text));
      if (!lengths) continue;
      // No name runs into a token already covered.
      let limit = Math.min(maxLen, tokens.length - i);
      for (let j = i + 1; j < i + limit; j++) if (covered[j]) limit = j - i;
      let longest: string | undefined;
      for (const n of lengths) {
        if (n > limit) continue;
        if (!isCapitalised(tokens[i + n - 1].text)) continue;
        // Lengths come longest first: the first key looked up holds all the others (a long capitalised run tries
        // many lengths at each token, and building each key anew grew with the square of the longest name).
        if (longest === undefined) longest = keyAndPrefixes(tokens, i, i + n, ends);
        const e = dict.get(ends.length - 1 === n ? longest : longest.slice(0, ends[n]));
        if (!e) continue;
        if (n === 1 && i + 1 < tokens.length && isCapitalised(tokens[i + 1].text) && !covered[i + 1]) break;
        if (n === 1 && (isCommonWord(tokens[i].text) || isTitleWord(tokens[i].text))) break;
        added.push({ from: i, to: i + n, type: bestType(e) });
        covered.fill(1, i, i + n);
        i += n - 1;
        break;
      }
    }
    if (added.length > 0) spans[s] = [...spans[s], ...added].sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  });
}
