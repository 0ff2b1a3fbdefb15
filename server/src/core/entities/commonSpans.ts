/**
 * Capitalised common words that are no names:
 * - a sentence-opening discourse adverb before a comma (`Furthermore, ...`, `Additionally, ...`): a word the
 *   model knows as mostly lower case, or of an adverb's shape (`-ly`, `-more`, `-over`, `-theless`, `-while`,
 *   `-wise`, `-fore`), that this document never capitalises inside a sentence;
 * - in a section heading (a short line of capitalised words with no closing punctuation), a span whose every
 *   word this document also writes in lower case and no gazetteer knows (`Border Security Issues`);
 * - in the body, the echo of a heading: a span made only of heading words that are also written in lower case
 *   (`the Oversight Mechanisms within ...`), or only of the model's common words written in lower case here.
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { startsLower, startsUpper } = initialCase;
const LETTERS_ONLY = /^[\p{L}\p{M}'’-]+$/u;
const PLAIN_CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const ACRONYM = /^(\p{Lu}{2,6})s?$/u;

const { foldKey, gazBitsOf } = gazetteer;
const KNOWN: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region | Gaz.OrgName | Gaz.Demonym | Gaz.OrgHead;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '-', '–', '—']);
const ADVERB_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:ly|more|over|theless|while|wise|fore)$/u;
const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'within', 'as', 'vs']);
const HEADING_END = /^[.!?:;,"”’)]$/u;
const MAX_HEADING = 10;

/** Word tests supplied by the recogniser (all on the document being recognised, except `isCommon`). */
export interface CommonWordTests {
  /** Folded key → mostly written in lower case in the model's training data. */
  isCommon(key: string): boolean;
  /** The word occurs in lower case in this document. */
  seenLower(word: string): boolean;
  /** The word occurs capitalised inside a sentence of this document. */
  seenCapitalisedMid(word: string): boolean;
  /** The word occurs in a section heading of this document. */
  inHeading(word: string): boolean;
}

/** A short line of capitalised words without closing punctuation (`Roles and Responsibilities`). */
export function isHeadingLine(tokens: readonly Token[]): boolean {
  if (tokens.length < 2 || tokens.length > MAX_HEADING || HEADING_END.test(tokens[tokens.length - 1].text)) return false;
  if (!startsUpper(tokens[0].text)) return false;
  for (const t of tokens) {
    if (startsLower(t.text) && !SMALL.has(t.text)) return false;
    if (!LETTERS_ONLY.test(t.text)) return false;
  }
  return true;
}

/** Memoised: a capitalised word (`Oversight`) no gazetteer knows as a place or organisation. */
const unknownCache = new Map<string, boolean>();

function isUnknownWord(text: string): boolean {
  let u = unknownCache.get(text);
  if (u === undefined) {
    u = PLAIN_CAPITALISED.test(text) && (gazBitsOf(foldKey(text)) & KNOWN) === 0;
    if (unknownCache.size > 50_000) unknownCache.clear();
    unknownCache.set(text, u);
  }
  return u;
}

function opensSentence(tokens: readonly Token[], i: number): boolean {
  let p = i - 1;
  while (p >= 0 && OPENERS.has(tokens[p].text)) p--;
  return p < 0;
}

function isDiscourseOpener(tokens: readonly Token[], s: TokenSpan, tests: CommonWordTests): boolean {
  if (s.to - s.from !== 1 || !opensSentence(tokens, s.from) || s.to >= tokens.length || tokens[s.to].text !== ',') return false;
  const w = tokens[s.from].text;
  if (!isUnknownWord(w) || tests.seenCapitalisedMid(w)) return false;
  return tests.isCommon(foldKey(w)) || ADVERB_SHAPE.test(w);
}

/** Every word of the span passes `test`; lower-case function words inside it (`Relations and Partnerships`) are skipped. */
function every(tokens: readonly Token[], s: TokenSpan, test: (w: string) => boolean): boolean {
  let words = 0;
  for (let i = s.from; i < s.to; i++) {
    const w = tokens[i].text;
    if (i > s.from && i < s.to - 1 && SMALL.has(w)) continue;
    if (!test(w)) return false;
    words++;
  }
  return words > 0;
}

/** `unmanned aerial vehicles (UAVs)`: an acronym in brackets spelling the lower-case words before it. */
function isCommonAcronym(tokens: readonly Token[], s: TokenSpan): boolean {
  if (s.to - s.from !== 1 || s.from < 2 || tokens[s.from - 1].text !== '(' || tokens[s.to]?.text !== ')') return false;
  const m = ACRONYM.exec(tokens[s.from].text);
  if (!m) return false;
  const letters = m[1].toLowerCase();
  const n = letters.length;
  if (s.from - 1 - n < 0) return false;
  for (let k = 0; k < n; k++) {
    const w = tokens[s.from - 1 - n + k].text;
    if (!startsLower(w) || w.charAt(0) !== letters.charAt(k)) return false;
  }
  return true;
}

export function dropCommonSpans(
  tokens: readonly Token[],
  spans: readonly TokenSpan[],
  tests: CommonWordTests,
  heading: boolean,
): TokenSpan[] {
  return spans.filter((s) => {
    if (s.start !== undefined) return true;
    if (isDiscourseOpener(tokens, s, tests) || isCommonAcronym(tokens, s)) return false;
    if (!every(tokens, s, (w) => tests.seenLower(w) && isUnknownWord(w))) return true;
    if (heading) return false;
    if (every(tokens, s, (w) => tests.inHeading(w))) return false;
    return !every(tokens, s, (w) => tests.isCommon(foldKey(w)));
  });
}
