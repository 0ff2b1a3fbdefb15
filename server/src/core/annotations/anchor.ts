/**
 * Finds a tag's passage in the article's current text, safely. In this order:
 * 1. `anchored`: the stored offsets still hold the quote;
 * 2. `moved`: the exact quote elsewhere, where its context (the text around it) still matches;
 * 3. `fuzzy`: a bounded approximate match (Myers' algorithm, approx-string-match, as Hypothesis uses) where the quote
 *    AND its context both match above a threshold: a passage with a few words changed;
 * 4. `orphaned`: kept with its quote, with the best candidate place as a suggestion for the analyst to accept.
 *
 * A quote found without its context (a deleted sentence whose words remain in a caption) is an orphan with a
 * suggestion, never `moved` or `fuzzy`; so are several equally good places (a passage duplicated with its context).
 * An approximate place needs both sides of its context: one whose text before matches but whose text after does not
 * (a deleted paragraph followed by a near copy of itself, as sites print a lead twice) is not the passage. Tags that
 * stood at different places and now claim the same one (two copies of a passage, each tagged, one deleted) are orphans
 * with that place as suggestion, unless one of them still holds its stored offsets (anchorTags). Short quotes need more of their
 * context, since a common phrase matches almost anywhere. Never a silent guess. An orphan whose words are no longer
 * in one piece (a caption that reuses most of them in another order) is offered the line that holds most of them; one
 * reworded too much to be matched, where its context still stands (8 of 18 words changed), is offered the text
 * between its context, when that keeps enough of its words.
 */
import search from 'approx-string-match';
import type { Tag } from './model';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorSuggestion {
  readonly start: number;
  readonly end: number;
  /** 0–1: how well quote and context match there. */
  readonly score: number;
  /** The line holding most of the quote's words, not the quote itself (its words in another order, some missing). */
  readonly words?: true;
}

export interface AnchoredTag {
  readonly tag: Tag;
  /** Where the passage is now; -1 when orphaned. */
  readonly start: number;
  readonly end: number;
  readonly status: AnchorStatus;
  /** 0–1, for `fuzzy`: how well quote and context match. */
  readonly confidence?: number;
  /** For orphans: the best candidate place, if any. */
  readonly suggestion?: AnchorSuggestion;
}

/** Exact occurrences of the quote looked at, at most. */
const MAX_OCCURRENCES = 500;
/** Approximate matches looked at, at most. */
const MAX_FUZZY_CANDIDATES = 50;
/** Quotes shorter than this are never matched approximately. */
const MIN_FUZZY_QUOTE = 12;
/** Share of the quote's characters that may differ in a fuzzy match. */
const MAX_FUZZY_ERROR_RATE = 0.25;
/** Two candidates whose scores differ by less than this are "equally good". */
const TIE = 0.05;
/**
 * Each side of the context (before and after the passage) must match at least this well for an approximate place to be
 * taken. (The exact quote needs its context only on the whole: a paragraph deleted just before a tagged one changes all
 * the text before it.)
 */
const SIDE_NEEDED = 0.5;
/** An orphan's line suggestion holds at least this share of the quote's words (and at least MIN_SHARED_WORDS). */
const WORDS_NEEDED = 0.5;
const MIN_SHARED_WORDS = 3;
/** Lines looked at for a line suggestion, at most. */
const MAX_SUGGESTION_LINES = 5000;

/** The context a quote of this length needs to be placed away from its stored offsets (0–1). */
export function contextNeeded(quoteLength: number): number {
  if (quoteLength <= 12) return 0.85;
  if (quoteLength >= 80) return 0.5;
  return 0.85 - ((quoteLength - 12) / (80 - 12)) * 0.35;
}

export function anchorTag(text: string, tag: Tag): AnchoredTag {
  const { quote } = tag;
  if (!quote) return orphan(tag);
  if (text.slice(tag.start, tag.end) === quote && (quote.length >= 8 || contextScore(text, tag, tag.start, tag.end) >= 0.5)) {
    return { tag, start: tag.start, end: tag.end, status: 'anchored' };
  }
  const need = contextNeeded(quote.length);

  // 2. The exact quote, scored by its context.
  const exact: Candidate[] = [];
  for (let i = text.indexOf(quote); i >= 0 && exact.length < MAX_OCCURRENCES; i = text.indexOf(quote, i + 1)) {
    const { context, weakerSide } = contextMatch(text, tag, i, i + quote.length);
    exact.push({ start: i, end: i + quote.length, quote: 1, context, weakerSide, score: context });
  }
  const bestExact = best(exact, tag.start);
  if (bestExact && bestExact.context >= need && !tied(exact, bestExact)) {
    return { tag, start: bestExact.start, end: bestExact.end, status: 'moved' };
  }

  // 3. An approximate match of the quote, accepted only when its context matches too.
  const fuzzy = quote.length >= MIN_FUZZY_QUOTE ? approximate(text, tag) : [];
  const bestFuzzy = best(fuzzy, tag.start);
  const accepted =
    bestFuzzy &&
    bestFuzzy.quote >= 1 - MAX_FUZZY_ERROR_RATE &&
    bestFuzzy.context >= need &&
    bestFuzzy.weakerSide >= SIDE_NEEDED &&
    (!bestExact || bestFuzzy.score > bestExact.score) &&
    !tied([...exact, ...fuzzy], bestFuzzy);
  if (bestFuzzy && accepted) {
    // A fuzzy match is not its quote: never rounded up to a likeness of 1.
    return { tag, start: bestFuzzy.start, end: bestFuzzy.end, status: 'fuzzy', confidence: Math.min(0.99, round(bestFuzzy.score)) };
  }

  // 4. An orphan, with the best place seen as a suggestion (by quote and context together): the quote or a near copy
  // of it elsewhere, the text between its context, or else the line that holds most of its words.
  const between = betweenContext(text, tag);
  const place = best(between ? [...exact, ...fuzzy, between] : [...exact, ...fuzzy], tag.start);
  const suggestion = place ?? lineWithWords(text, tag);
  return suggestion ? orphan(tag, { start: suggestion.start, end: suggestion.end, score: round(suggestion.score), ...(place && place !== between ? {} : { words: true as const }) }) : orphan(tag);
}

/**
 * The tags of one article re-anchored together: as anchorTag, except that tags which stood at different places and
 * are now placed at the same one cannot all be right, and the text alone does not say which is. The one whose stored offsets still hold it keeps it; the others placed there become orphans with
 * it as their suggestion (never a note silently carried to another tag's passage).
 */
export function anchorTags(text: string, tags: readonly Tag[]): AnchoredTag[] {
  const anchored = tags.map((t) => anchorTag(text, t));
  const claims = new Map<string, number[]>();
  anchored.forEach((a, i) => {
    if (a.status === 'orphaned') return; // a suggestion is only offered: the analyst decides
    const key = `${a.start}:${a.end}`;
    const list = claims.get(key);
    if (list) list.push(i);
    else claims.set(key, [i]);
  });
  for (const claimants of claims.values()) {
    if (claimants.length < 2) continue;
    const from = new Set(claimants.map((i) => `${tags[i].start}:${tags[i].end}`));
    if (from.size < 2) continue; // tags of one passage moving together (text inserted above it)
    for (const i of claimants) {
      const a = anchored[i];
      if (a.status !== 'moved' && a.status !== 'fuzzy') continue;
      anchored[i] = orphan(a.tag, { start: a.start, end: a.end, score: a.confidence ?? round(contextScore(text, a.tag, a.start, a.end)) });
    }
  }
  return anchored;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  /** 0–1 similarity of the text there to the quote. */
  readonly quote: number;
  /** 0–1 similarity of the text around it to the stored context. */
  readonly context: number;
  /** 0–1 similarity of the side of the context (before or after) that matches less. */
  readonly weakerSide: number;
  readonly score: number;
}

function orphan(tag: Tag, suggestion?: AnchorSuggestion): AnchoredTag {
  return { tag, start: -1, end: -1, status: 'orphaned', ...(suggestion ? { suggestion } : {}) };
}

/** Approximate occurrences of the quote (other than exact ones), best first per place. */
function approximate(text: string, tag: Tag): Candidate[] {
  const maxErrors = Math.min(256, Math.floor(tag.quote.length * MAX_FUZZY_ERROR_RATE));
  const matches = search(text, tag.quote, maxErrors)
    .filter((m) => m.errors > 0)
    .sort((a, b) => a.errors - b.errors || a.start - b.start)
    .slice(0, MAX_FUZZY_CANDIDATES * 4);
  const out: Candidate[] = [];
  for (const m of matches) {
    if (out.some((c) => c.start < m.end && m.start < c.end)) continue; // one candidate per place: the fewest errors
    const quote = 1 - m.errors / tag.quote.length;
    const { start, end } = wholeWords(text, tag, m.start, m.end);
    const { context, weakerSide } = contextMatch(text, tag, start, end);
    out.push({ start, end, quote, context, weakerSide, score: (quote + context) / 2 });
    if (out.length >= MAX_FUZZY_CANDIDATES) break;
  }
  return out;
}

/** Characters an approximate place is widened by, at most, to reach the edge of a word. */
const MAX_WIDENING = 16;

/**
 * An approximate place widened to whole words at each end where the quote began or ended at a word's edge (its stored
 * context has a space there, or nothing): the fewest edits may begin inside a word (`KPL) Over…` for a quote
 * `KPL Over…` on `(KPL) Over…`), and an analyst accepting the place expects the words as written.
 */
function wholeWords(text: string, tag: Tag, start: number, end: number): { start: number; end: number } {
  const space = (c: string | undefined) => c === undefined || /\s/.test(c);
  let s = start;
  if (space(tag.prefix[tag.prefix.length - 1]) && space(tag.quote[0]) === false) {
    while (s > 0 && start - s < MAX_WIDENING && !space(text[s - 1])) s--;
    if (s > 0 && !space(text[s - 1])) s = start; // a long run of letters: left as it is
  }
  let e = end;
  if (space(tag.suffix[0]) && space(tag.quote[tag.quote.length - 1]) === false) {
    while (e < text.length && e - end < MAX_WIDENING && !space(text[e])) e++;
    if (e < text.length && !space(text[e])) e = end;
  }
  return { start: s, end: e };
}

/** The best candidate: highest score, then nearest to the stored offset. */
function best(candidates: readonly Candidate[], near: number): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (!top || c.score > top.score + 1e-9 || (Math.abs(c.score - top.score) <= 1e-9 && Math.abs(c.start - near) < Math.abs(top.start - near))) top = c;
  }
  return top;
}

/** Whether another candidate, at another place, is about as good as `top`. */
function tied(candidates: readonly Candidate[], top: Candidate): boolean {
  return candidates.some((c) => c !== top && (c.end <= top.start || c.start >= top.end) && top.score - c.score < TIE);
}

/** 0–1: how well the text around [start, end) matches the tag's stored prefix and suffix, weighted by their lengths. */
export function contextScore(text: string, tag: Pick<Tag, 'prefix' | 'suffix'>, start: number, end: number): number {
  return contextMatch(text, tag, start, end).context;
}

/** contextScore, and how well its weaker side matches (a side with nothing stored matches). */
function contextMatch(text: string, tag: Pick<Tag, 'prefix' | 'suffix'>, start: number, end: number): { context: number; weakerSide: number } {
  const p = tag.prefix.length;
  const s = tag.suffix.length;
  if (p + s === 0) return { context: 1, weakerSide: 1 };
  const before = similarity(text.slice(Math.max(0, start - p), start), tag.prefix, 'end');
  const after = similarity(text.slice(end, end + s), tag.suffix, 'start');
  return { context: (p * before + s * after) / (p + s), weakerSide: Math.min(before, after) };
}

/** A word: letters (with their combining marks: Devanagari, Thai, Lao, decomposed accents) and digits. */
const WORD = /[\p{L}\p{M}\p{N}]{3,}/gu;
/** A line suggestion spans at most this many times the quote's length (a 1 MB line is never offered whole). */
const MAX_SUGGESTION_SPREAD = 2;

/**
 * The line of the text holding the largest share of the quote's words (of three letters or more, each counted once),
 * from the first of them to the last; undefined unless it holds at least WORDS_NEEDED of them. Where they are spread
 * wider than MAX_SUGGESTION_SPREAD times the quote (a long line), the stretch of that width holding most of them.
 * Its score is that share and its context's, averaged, as for a fuzzy place.
 */
function lineWithWords(text: string, tag: Tag): Candidate | undefined {
  const wanted = wordsOf(tag.quote);
  if (wanted.size < MIN_SHARED_WORDS) return undefined;
  const widest = MAX_SUGGESTION_SPREAD * tag.quote.length;
  let top: { start: number; end: number; share: number } | undefined;
  let lineStart = 0;
  for (let lines = 0; lineStart <= text.length && lines < MAX_SUGGESTION_LINES; lines++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const hits: { word: string; start: number; end: number }[] = [];
    for (const m of text.slice(lineStart, lineEnd).matchAll(WORD)) {
      const word = m[0].toLowerCase();
      if (wanted.has(word)) hits.push({ word, start: lineStart + m.index, end: lineStart + m.index + m[0].length });
    }
    const found = hits.length ? mostWordsWithin(hits, widest) : undefined;
    if (found) {
      const share = found.words / wanted.size;
      const better = !top || share > top.share + 1e-9 || (Math.abs(share - top.share) <= 1e-9 && Math.abs(found.start - tag.start) < Math.abs(top.start - tag.start));
      if (found.words >= MIN_SHARED_WORDS && share >= WORDS_NEEDED && better) top = { start: found.start, end: found.end, share };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (!top) return undefined;
  const { context, weakerSide } = contextMatch(text, tag, top.start, top.end);
  return { start: top.start, end: top.end, quote: top.share, context, weakerSide, score: (top.share + context) / 2 };
}

/** Characters of each side of the stored context, those nearest the passage, that must be found as they were. */
const BRACKET_SIDE = 24;
/** The text between the context must keep at least this share of the quote's words (and two of them). */
const BRACKET_WORDS_NEEDED = 0.4;

/**
 * The text standing between the passage's stored context (the BRACKET_SIDE characters nearest it on each side, found
 * exactly), where the passage was reworded beyond an approximate match: from half to twice the quote's length, trimmed
 * of spaces, and keeping at least BRACKET_WORDS_NEEDED of the quote's words (a passage replaced by other words gets no
 * suggestion). The nearest to the stored offset of the best such places.
 */
function betweenContext(text: string, tag: Tag): Candidate | undefined {
  const before = tag.prefix.slice(-BRACKET_SIDE);
  const after = tag.suffix.slice(0, BRACKET_SIDE);
  if (before.trim().length < 8 || after.trim().length < 8) return undefined;
  const wanted = wordsOf(tag.quote);
  if (wanted.size < 2) return undefined;
  const q = tag.quote.length;
  const found: Candidate[] = [];
  let looked = 0;
  let to = -1; // the first occurrence of `after` from `from` on: looked for again only once `from` passed it
  for (let i = text.indexOf(before); i >= 0 && looked < MAX_OCCURRENCES; i = text.indexOf(before, i + 1), looked++) {
    const from = i + before.length;
    if (to < from) to = text.indexOf(after, from);
    if (to < 0) break; // nor after any later occurrence
    if (to - from < q / 2 || to - from > 2 * q) continue;
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const kept = wordsOf(text.slice(start, end));
    let shared = 0;
    for (const w of wanted) if (kept.has(w)) shared++;
    const share = shared / wanted.size;
    if (shared < 2 || share < BRACKET_WORDS_NEEDED) continue;
    const { context, weakerSide } = contextMatch(text, tag, start, end);
    found.push({ start, end, quote: share, context, weakerSide, score: (share + context) / 2 });
  }
  return best(found, tag.start);
}

/** The distinct words (of three letters or more, lower-cased) of `s`. */
function wordsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(WORD)) out.add(m[0].toLowerCase());
  return out;
}

/**
 * The stretch from the first hit to the last when it is at most `widest` long; else the first stretch of at most
 * that width holding the most distinct words (two pointers over the hits, in text order).
 */
function mostWordsWithin(hits: readonly { word: string; start: number; end: number }[], widest: number): { start: number; end: number; words: number } {
  const last = hits[hits.length - 1];
  if (last.end - hits[0].start <= widest) return { start: hits[0].start, end: last.end, words: new Set(hits.map((h) => h.word)).size };
  const counts = new Map<string, number>();
  let best = { start: hits[0].start, end: hits[0].end, words: 0 };
  for (let lo = 0, hi = 0; hi < hits.length; hi++) {
    counts.set(hits[hi].word, (counts.get(hits[hi].word) ?? 0) + 1);
    while (hits[hi].end - hits[lo].start > widest) {
      const left = counts.get(hits[lo].word)! - 1;
      if (left) counts.set(hits[lo].word, left);
      else counts.delete(hits[lo].word);
      lo++;
    }
    if (counts.size > best.words) best = { start: hits[lo].start, end: hits[hi].end, words: counts.size };
  }
  return best;
}

/**
 * 0–1 similarity of `actual` to `expected` (Levenshtein distance over the expected length). A context cut short by
 * the start or end of the text counts what is there: the missing part is an error only where text was expected.
 */
function similarity(actual: string, expected: string, align: 'start' | 'end'): number {
  if (!expected.length) return 1;
  const a = align === 'end' ? actual.slice(-expected.length) : actual.slice(0, expected.length);
  return Math.max(0, 1 - levenshtein(a, expected) / expected.length);
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
