/**
 * ALL CAPS lines carry no casing evidence, and a model trained mostly on prose over-fires on them
 * (`CONGRESS` as a person). They are re-cased before tagging: function words to lower case, other words to
 * Title Case, short unknown words kept as acronyms (`KPL`, `VNA`); the line is then tagged as a Title Case
 * headline. Offsets are unchanged, so entities still cover the original text.
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import type { Token } from './tokenize';

/** Regular expressions compiled once. */
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const NOT_LETTERS = /[^\p{L}]/gu;

const { foldKey, gazBitsOf } = gazetteer;
const WORDY: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region | Gaz.Demonym | Gaz.OrgHead | Gaz.Title;
const SMALL = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'are', 'was',
]);

function titleCase(part: string): string {
  return part.charAt(0) + part.slice(1).toLowerCase();
}

function recaseWord(text: string, isCommon: (key: string) => boolean): string {
  if (!HAS_UPPER.test(text) || HAS_LOWER.test(text)) return text;
  const key = foldKey(text);
  if (SMALL.has(key)) return text.toLowerCase();
  const letters = text.replace(NOT_LETTERS, '').length;
  if (/^\d/.test(text)) return text.toLowerCase();
  const known = (gazBitsOf(key) & WORDY) !== 0 || isCommon(key);
  if (letters <= 2 || (letters <= 4 && !known)) return text;
  return text.split(/(?<=[-–'’])/u).map(titleCase).join('');
}

/** Memoised per word form (the common-word set is the shipped model's, the same for every call in a process). */
const cache = new Map<string, string>();

export function recaseAllCaps(tokens: readonly Token[], isCommon: (key: string) => boolean): Token[] {
  return tokens.map((t) => {
    let text = cache.get(t.text);
    if (text === undefined) {
      text = recaseWord(t.text, isCommon);
      if (cache.size > 50_000) cache.clear();
      cache.set(t.text, text);
    }
    return text === t.text ? t : { start: t.start, end: t.end, text };
  });
}
