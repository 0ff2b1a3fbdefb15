/**
 * Tokeniser close to the CoNLL-2003 convention (punctuation split off, `'s` separate,
 * hyphenated compounds and abbreviations kept whole), Unicode-aware (`\p{L}\p{M}`),
 * with sentence and line segmentation and a per-line casing class.
 */
import * as normalize from './normalize';
import { CaseClass } from './normalize';
import { isSpaceUnit } from '../text/spaces';

const { caseClassOf, foldWord } = normalize;
const OTHER: number = CaseClass.Other;
const ALL_CAPS: number = CaseClass.AllCaps;
const LOWER: number = CaseClass.Lower;

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Casing of the whole line: ordinary prose, ALL CAPS, or Title Case (headline). */
export const enum LineCase {
  Normal = 0,
  AllCaps = 1,
  Title = 2,
}

export interface Sentence {
  readonly tokens: Token[];
  readonly lineCase: LineCase;
}

const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:(?:[-'’&]|(?<=\p{N})[.,:/](?=\p{N}))[\p{L}\p{M}\p{N}]+)*`;
const INITIALS = String.raw`(?:\p{Lu}\.){2,}(?:-[\p{L}\p{M}\p{N}]+)*`;
const CLITIC = String.raw`['’](?:s|S|re|ve|ll|d|m)(?![\p{L}\p{M}\p{N}])|n['’]t(?![\p{L}])`;
const TOKEN_RE = new RegExp(`${INITIALS}|${CLITIC}|${WORD}|\\S`, 'gu');
/**
 * TOKEN_RE anchored where it is tried (sticky): the tokeniser steps over white space itself and asks only where a token
 * starts (every alternative starts with a non-space, and `\S` takes any, so a token starts at the first non-space).
 * `test` leaves the token's end in `lastIndex`: no match array per token.
 */
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'uy');

/** `TOKEN_AT`'s match at `at` (a non-space): where the token starting there ends. The reference of `tokenEnd`. */
export function tokenEndByRegex(text: string, at: number): number {
  TOKEN_AT.lastIndex = at;
  // `\S` matches at any non-space (isSpaceUnit is `\s`); were they ever to differ, one character, not a loop.
  return TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : at + 1;
}

/** `ASCII_CLASS` of an ASCII letter or digit (any other code unit below 128 is 0). */
const DIGIT = 1;
const LOWER_LETTER = 2;
const UPPER_LETTER_CLASS = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER_LETTER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER_LETTER_CLASS;

/**
 * Where the token starting at `at` (a non-space) ends: `TOKEN_AT`'s match, found by reading the characters for a
 * token of ASCII letters and digits followed by ASCII (most tokens of English news) and for ASCII punctuation, by the
 * regex otherwise. The regex tried its four alternatives at each token: splitting 3,000 generated articles into
 * sentences took 335-448 ms with it, 268-281 ms so.
 */
export function tokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 128) {
    const kind = ASCII_CLASS[c];
    // Punctuation other than an apostrophe (which may begin a clitic, `'s`): one character (`\S`).
    if (kind === 0 && c !== 39) return at + 1;
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : -1;
    // Initials (`U.S.`) and a clitic (`n't`) are left to the regex: they come first among its alternatives.
    if (kind !== 0 && !(kind === UPPER_LETTER_CLASS && next === 46) && !(c === 110 && (next === 39 || next === 0x2019))) {
      const end = asciiWordEnd(text, at);
      if (end >= 0) return end;
    }
  }
  return tokenEndByRegex(text, at);
}

/**
 * The end of `WORD` matched from `at` (an ASCII letter or digit): runs of letters and digits joined by `-`, `'` or `&`,
 * or by `.`, `,`, `:` or `/` between digits. -1 where a character past 127 could change it (the regex reads those).
 */
function asciiWordEnd(text: string, at: number): number {
  const length = text.length;
  let i = at;
  for (;;) {
    let c = 0;
    while (i < length) {
      c = text.charCodeAt(i);
      if (c >= 128) return -1;
      if (ASCII_CLASS[c] === 0) break;
      i++;
    }
    if (i >= length) return i;
    const joiner = c === 45 || c === 39 || c === 38;
    const betweenDigits = c === 46 || c === 44 || c === 58 || c === 47;
    if (!joiner && !betweenDigits) return i;
    if (i + 1 >= length) return i;
    const after = text.charCodeAt(i + 1);
    if (after >= 128) return -1;
    const afterKind = ASCII_CLASS[after];
    if (afterKind === 0) return i;
    if (betweenDigits && (afterKind !== DIGIT || ASCII_CLASS[text.charCodeAt(i - 1)] !== DIGIT)) return i;
    i += 2;
  }
}

const POSSESSIVE_TAIL = /^(.+?)(n['’]t|['’][sS])$/su;
const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
const UPPER_LETTER = /\p{Lu}/u;

/** Words that keep a following period as part of the token. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'lieut', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr',
  'brig', 'sen', 'rep', 'gov', 'pres', 'rev', 'fr', 'st', 'mt', 'ft', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'bros',
  'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'dept',
  'univ', 'assn', 'ave', 'blvd', 'hon', 'excl', 'approx', 'est', 'gov', 'mssrs', 'messrs',
]);

/**
 * Where `tokenize` and `segment` take each token's text, and what a line's casing reads of its word. A caller that keeps
 * the words it has met gives back the string it holds for a word already seen (no new string per token) and the word's
 * `wordCaseOf`; it is asked once for each token, in the order of the text.
 */
export interface TokenWords {
  /** `text.slice(start, end)`, or an equal string; `lastCase` is then that word's `wordCaseOf`. */
  wordAt(text: string, start: number, end: number): string;
  /** A token whose text is known (a line tokenised before); `lastCase` is then its `wordCaseOf`. */
  word(text: string): void;
  /** `wordCaseOf` of the word given last. */
  readonly lastCase: number;
  /**
   * The tokeniser's scratch, kept by the owner of the words (one a recogniser), not by the module: the `lastCase` of
   * each token of the last call of `tokenize` with these words (each call begins it again).
   */
  readonly tokenCases: { values: Uint8Array; count: number };
}

/** Split a text into tokens (offsets into `text`); with `words`, each token's text is taken from it. */
export function tokenize(text: string, from = 0, to = text.length, words?: TokenWords): Token[] {
  const out: Token[] = [];
  if (words !== undefined) words.tokenCases.count = 0;
  const length = text.length;
  let at = from;
  for (;;) {
    while (at < length && isSpaceUnit(text.charCodeAt(at))) at++;
    if (at >= length) break;
    let start = at;
    if (start >= to) break;
    const matched = tokenEnd(text, at);
    let end = matched;
    if (end > to) end = to;
    at = matched;
    const tail = end - start > 2 && mayHavePossessiveTail(text, start, end) ? POSSESSIVE_TAIL.exec(text.slice(start, end)) : null;
    if (tail && ENDS_IN_LETTER_OR_DIGIT.test(tail[1])) {
      const baseEnd = start + tail[1].length;
      out.push({ start, end: baseEnd, text: wordOf(text, start, baseEnd, words) });
      start = baseEnd;
    } else if (text.charCodeAt(end) === 46 /* . */ && keepsPeriod(text.slice(start, end))) {
      end++;
      at = end;
    }
    out.push({ start, end, text: wordOf(text, start, end, words) });
  }
  return out;
}

/** The text of the token `[start, end)`, from `words` when given (its casing then noted in its `tokenCases`). */
function wordOf(text: string, start: number, end: number, words: TokenWords | undefined): string {
  if (words === undefined) return text.slice(start, end);
  const word = words.wordAt(text, start, end);
  const cases = words.tokenCases;
  if (cases.count === cases.values.length) {
    const grown = new Uint8Array(2 * cases.count);
    grown.set(cases.values);
    cases.values = grown;
  }
  cases.values[cases.count++] = words.lastCase;
  return word;
}

/**
 * Whether the token `[start, end)` of `text` ends as POSSESSIVE_TAIL needs (`'s`, `'S`, `n't`, with either apostrophe):
 * most words do not, and skip the regex.
 */
function mayHavePossessiveTail(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  const apostrophe = text.charCodeAt(end - 2);
  if (apostrophe !== 39 /* ' */ && apostrophe !== 0x2019 /* ’ */) return false;
  return last === 115 /* s */ || last === 83 /* S */ || (last === 116 /* t */ && end - 3 >= start && text.charCodeAt(end - 3) === 110 /* n */);
}

function keepsPeriod(word: string): boolean {
  if (word.length === 1) return UPPER_LETTER.test(word);
  return ABBREVIATIONS.has(foldWord(word).toLowerCase());
}

const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * The most tokens one sentence is given to the tagger and the span rules. Real sentences are far shorter (the seeds'
 * longest has 71 tokens, CoNLL-2003's 124); a longer run (one 1 MB line without a full stop) is cut into pieces of
 * this size so the work per sentence stays bounded and the whole stays linear in the text.
 */
export const MAX_SENTENCE_TOKENS = 400;

function pushSentence(sentences: Sentence[], tokens: Token[], from: number, to: number, lineCase: LineCase): void {
  // A line that is one sentence (most lines) gives it its own array of tokens, not a copy.
  if (from === 0 && to === tokens.length && to <= MAX_SENTENCE_TOKENS) {
    sentences.push({ tokens, lineCase });
    return;
  }
  for (let s = from; s < to; s += MAX_SENTENCE_TOKENS) {
    sentences.push({ tokens: tokens.slice(s, Math.min(to, s + MAX_SENTENCE_TOKENS)), lineCase });
  }
}
const OPENERS = /^[\p{Lu}\p{N}"“‘'(\[]/u;

/**
 * A line's tokens and casing, offsets relative to the line's start. They follow from the line's text alone: no token
 * spans a line break, and what the tokeniser reads past a token (a full stop after an abbreviation, a letter after a
 * clitic) is inside the line, or the line break or the end of the text, which it reads alike.
 */
export interface LineTokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly texts: readonly string[];
  readonly lineCase: LineCase;
}

/** Lines tokenised before (an edited article's last version), by text; `segment` adds those it tokenises. */
export interface LineTokenMemo {
  get(line: string): LineTokens | undefined;
  set(line: string, tokens: LineTokens): void;
}

/** The tokens of the line `[lineStart, lineEnd)` of `text`, and its casing; through `memo` when given. */
function lineTokens(
  text: string, lineStart: number, lineEnd: number, memo: LineTokenMemo | undefined, words: TokenWords | undefined,
): { tokens: Token[]; lineCase: LineCase } {
  if (memo === undefined) return freshLineTokens(text, lineStart, lineEnd, words);
  const line = text.slice(lineStart, lineEnd);
  const known = memo.get(line);
  if (known !== undefined) {
    const n = known.texts.length;
    const tokens = new Array<Token>(n);
    for (let i = 0; i < n; i++) tokens[i] = { start: lineStart + known.starts[i], end: lineStart + known.ends[i], text: known.texts[i] };
    // Every token goes to `words` (its caller may keep what it looks up for each, in order).
    if (words !== undefined) for (let i = 0; i < n; i++) words.word(tokens[i].text);
    return { tokens, lineCase: known.lineCase };
  }
  const fresh = freshLineTokens(text, lineStart, lineEnd, words);
  const { tokens } = fresh;
  const starts = new Int32Array(tokens.length);
  const ends = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = tokens[i].start - lineStart;
    ends[i] = tokens[i].end - lineStart;
  }
  memo.set(line, { starts, ends, texts: tokens.map((t) => t.text), lineCase: fresh.lineCase });
  return fresh;
}

/** The line's tokens, tokenised, and its casing: from the words' `wordCaseOf` that `words` gives, else found here. */
function freshLineTokens(text: string, lineStart: number, lineEnd: number, words: TokenWords | undefined): { tokens: Token[]; lineCase: LineCase } {
  if (words === undefined) {
    const tokens = tokenize(text, lineStart, lineEnd);
    return { tokens, lineCase: tokens.length > 0 ? lineCaseOf(tokens) : LineCase.Normal };
  }
  const tokens = tokenize(text, lineStart, lineEnd, words);
  return { tokens, lineCase: tokens.length > 0 ? lineCaseOfWords(tokens, words.tokenCases.values) : LineCase.Normal };
}

/**
 * Tokenise and segment into sentences; a line break always ends a sentence. With `memo`, lines it holds are not
 * tokenised again (the same tokens and casing, at the line's offset). With `words`, the tokens' texts are taken from
 * it and the casing of a line read from what it gives for each word (the same as `wordCaseOf`); it is given every
 * token, in order.
 */
export function segment(text: string, memo?: LineTokenMemo, words?: TokenWords): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const { tokens, lineCase } = lineTokens(text, lineStart, lineEnd, memo, words);
    if (tokens.length > 0) {
      let s = 0;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i].text;
        const next = tokens[i + 1];
        if (SENTENCE_END.has(t) && next !== undefined && OPENERS.test(next.text) && !SENTENCE_END.has(next.text)) {
          pushSentence(sentences, tokens, s, i + 1, lineCase);
          s = i + 1;
        }
      }
      if (s < tokens.length) pushSentence(sentences, tokens, s, tokens.length, lineCase);
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}

const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'is', 'its', 'de', 'but',
]);

/** `wordCaseOf`: the word has a letter. */
const WORD_LETTERS = 1;
/** `wordCaseOf`: the word is in capitals, and longer than one letter. */
const WORD_CAPS = 2;
/** `wordCaseOf`: the word is a content word (not a small word such as `of`). */
const WORD_CONTENT = 4;
/** `wordCaseOf`: the word is a content word, capitalised. */
const WORD_CAPITALISED = 8;

/** What `lineCaseOf` reads of one word (bits; 0 for a word without letters): a function of the word alone. */
export function wordCaseOf(word: string): number {
  const f = foldWord(word);
  const c = caseClassOf(f);
  if (c === OTHER) return 0;
  let bits = WORD_LETTERS;
  if (c === ALL_CAPS && f.length > 1) bits |= WORD_CAPS;
  // Small words have at most four letters (lower-casing never shortens a word): longer ones are not lower-cased.
  if (f.length <= 4 && SMALL_WORDS.has(f.toLowerCase())) return bits;
  bits |= WORD_CONTENT;
  if (c !== LOWER) bits |= WORD_CAPITALISED;
  return bits;
}

/** ALL CAPS when most words are upper-case; Title Case when nearly all content words are capitalised. */
export function lineCaseOf(tokens: readonly { text: string }[]): LineCase {
  const n = tokens.length;
  const words = new Uint8Array(n);
  for (let i = 0; i < n; i++) words[i] = wordCaseOf(tokens[i].text);
  return lineCaseOfWords(tokens, words);
}

/** `lineCaseOf` of `tokens` whose `wordCaseOf` are the first `tokens.length` of `words`. */
function lineCaseOfWords(tokens: readonly { text: string }[], words: Uint8Array): LineCase {
  let letters = 0;
  let caps = 0;
  let content = 0;
  let capitalised = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = words[i];
    if (w === 0) continue;
    letters++;
    if (w & WORD_CAPS) caps++;
    if ((w & WORD_CONTENT) === 0) continue;
    content++;
    if (w & WORD_CAPITALISED) capitalised++;
  }
  if (letters >= 2 && caps >= 0.7 * letters) return LineCase.AllCaps;
  // A headline: short, nearly every content word capitalised, no sentence break inside.
  if (content >= 4 && capitalised >= 0.85 * content && tokens.length <= 24 && !hasInnerSentenceEnd(tokens)) {
    return LineCase.Title;
  }
  return LineCase.Normal;
}

function hasInnerSentenceEnd(tokens: readonly { text: string }[]): boolean {
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i].text === '.' || tokens[i].text === '?' || tokens[i].text === '!') return true;
  return false;
}
