/** Titles and honorifics around person names: stripped from spans, reported as the entity's `title`. */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import { TITLE_MODIFIERS } from './gazetteer/titles';
import type { Token } from './tokenize';
import { startsUpper } from './initialCase';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const TITLE_BITS: number = Gaz.Title | Gaz.HeadTitle;
const HEAD_TITLE: number = Gaz.HeadTitle;

const MODIFIERS = new Set(TITLE_MODIFIERS);

const CONNECTORS = new Set(['of', 'for', 'and', 'the', '&']);
/** Title words only in an honorific (`His Excellency`, `Her Majesty`); alone they are pronouns (`told her Kham…`). */
const POSSESSIVES = new Set(['his', 'her']);

/**
 * Honorifics that stand only before a person's name (`Mr`, `Mrs`, `Daw`, `U`, `Dato`): unlike ranks and offices
 * (`General`, `Minister`), never the first word of an organisation or a place.
 */
const PERSONAL_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'madam', 'madame', 'mme', 'sir', 'dame', 'daw', 'u', 'dato', 'datuk']);

/** Whether `text` is a personal honorific (`Mr.`, `Daw`). */
export function isPersonalHonorific(text: string): boolean {
  return PERSONAL_HONORIFICS.has(foldKey(text));
}

/**
 * Abbreviations that are titles only written as abbreviations, with their period (`Sen. Bob Dole`): written without
 * one they are names (`Hun Sen`, `Amartya Sen`).
 */
const ABBREVIATED_TITLES = new Set(['sen']);

/** A title, rank or honorific word (`General`, `Lt`, `Mr.`, `Minister`, `Deputy`). */
export function isTitleWord(text: string): boolean {
  const key = foldKey(text);
  if ((gazBitsOf(key) & TITLE_BITS) === 0) return false;
  return !ABBREVIATED_TITLES.has(key) || text.endsWith('.');
}

/** A title word or a word that only modifies a title (`Defence` in `Defence Minister`). */
export function isTitleOrModifier(text: string): boolean {
  return isTitleWord(text) || MODIFIERS.has(foldKey(text));
}

/** A title that names an office or rank by itself (`General`, `Minister`, `Mr.`). */
export function isHeadTitle(text: string): boolean {
  return (gazBitsOf(foldKey(text)) & HEAD_TITLE) !== 0;
}

/** Number of leading tokens of `tokens[from, to)` that are title words (at least one token is kept). */
export function leadingTitleCount(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  let last = from;
  while (k < to - 1 && isTitleOrModifier(tokens[k].text)) {
    k++;
    if (isTitleWord(tokens[k - 1].text)) last = k;
  }
  return last - from;
}

/**
 * Index of the first token of the title phrase that ends right before token `at`, or `at` if none.
 * Accepts title words, and role phrases such as `Minister of Public Security` (capitalised words and
 * connectors back to a head title word such as `Minister`).
 */
export function titleStart(tokens: readonly Token[], at: number, lowerBound: number): number {
  let k = at;
  while (k > lowerBound) {
    const t = tokens[k - 1].text;
    if (isTitleOrModifier(t)) {
      k--;
      continue;
    }
    if (k === at || !(startsUpper(t) || CONNECTORS.has(t))) break;
    let j = k - 1;
    let found = -1;
    while (j >= lowerBound && j >= k - 7) {
      const u = tokens[j].text;
      if (isHeadTitle(u)) {
        found = j;
        break;
      }
      if (!(startsUpper(u) || CONNECTORS.has(u))) break;
      j--;
    }
    if (found < 0) break;
    k = found;
  }
  while (k < at && (CONNECTORS.has(tokens[k].text) || !isTitleOrModifier(tokens[k].text) && !startsUpper(tokens[k].text))) k++;
  // A title phrase must contain a real title word, not just modifiers (`Public Security` alone is no title) or a
  // possessive (`her` in `told her Kham Sisoulith`).
  for (let j = k; j < at; j++) if (isTitleWord(tokens[j].text) && !POSSESSIVES.has(foldKey(tokens[j].text))) return k;
  return at;
}
