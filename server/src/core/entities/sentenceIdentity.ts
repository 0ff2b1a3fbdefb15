/**
 * What identifies a sentence to the recogniser's memos: its line casing, whether it is a heading, each token's text and
 * place relative to its first token, and, for the span rules' memo (sentenceRuleMemo.ts), each token's label. The
 * memo of an edited article's last version (recognitionMemo.ts) leaves the labels out: they are what it reuses. A
 * sentence is found by its hash and then compared field by field, so a collision costs a recognition, never a wrong
 * answer; nothing is made for a sentence compared, only for one kept.
 */
import { FNV_OFFSET, FNV_PRIME } from './hashing';
import type { Token } from './tokenize';

export interface SentenceIdentity {
  readonly hash: number;
  readonly lineCase: number;
  readonly heading: boolean;
  /** Each token's text. */
  readonly texts: readonly string[];
  /** Each token's start and end, less the first token's start. */
  readonly places: Int32Array;
  /** Each token's label, when they are part of the identity. */
  readonly labels: Uint8Array | undefined;
}

/**
 * A hash (a small integer) of the sentence's identity: casing, heading, each token's text and place (and label, when
 * given). With `wordIds`, each token's text is hashed as its word id (`WordTable.tokenIds` from `at`: one id for each
 * string of code units, within a document) instead of its characters, which was most of the rule memo's time; such a
 * hash compares only with others made from the same document's ids.
 */
export function sentenceHash(tokens: readonly Token[], lineCase: number, heading: boolean, labels?: Uint8Array, wordIds?: Int32Array, at = 0): number {
  const base = tokens.length ? tokens[0].start : 0;
  let h = Math.imul(FNV_OFFSET ^ (lineCase * 2 + (heading ? 1 : 0)), FNV_PRIME);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    h = Math.imul(h ^ (t.start - base), FNV_PRIME);
    h = Math.imul(h ^ (t.end - base), FNV_PRIME);
    if (labels !== undefined) h = Math.imul(h ^ (0x10000 + labels[i]), FNV_PRIME);
    if (wordIds !== undefined) {
      h = Math.imul(h ^ wordIds[at + i], FNV_PRIME);
      continue;
    }
    const text = t.text;
    for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  }
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** The identity of the sentence, whose `sentenceHash` (with the same labels) is `hash`. */
export function sentenceIdentity(hash: number, tokens: readonly Token[], lineCase: number, heading: boolean, labels?: Uint8Array): SentenceIdentity {
  const base = tokens.length ? tokens[0].start : 0;
  const places = new Int32Array(2 * tokens.length);
  const texts = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    places[2 * i] = tokens[i].start - base;
    places[2 * i + 1] = tokens[i].end - base;
    texts[i] = tokens[i].text;
  }
  // A copy: a tagger's labels may be a buffer it reuses (and longer than the sentence).
  return { hash, lineCase, heading, texts, places, labels: labels?.slice(0, tokens.length) };
}

/** Whether the tokens, casing, heading (and labels, when given) are those of the sentence `identity` says. */
export function sameSentence(identity: SentenceIdentity, tokens: readonly Token[], lineCase: number, heading: boolean, labels?: Uint8Array): boolean {
  const { texts, places } = identity;
  if (identity.lineCase !== lineCase || identity.heading !== heading || texts.length !== tokens.length) return false;
  if ((identity.labels === undefined) !== (labels === undefined)) return false;
  const base = tokens.length ? tokens[0].start : 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (places[2 * i] !== t.start - base || places[2 * i + 1] !== t.end - base || texts[i] !== t.text) return false;
    if (labels !== undefined && identity.labels![i] !== labels[i]) return false;
  }
  return true;
}
