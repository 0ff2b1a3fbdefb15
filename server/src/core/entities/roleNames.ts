/**
 * Person names after role phrases. A role phrase is a run of capitalised title words and title modifiers,
 * joined by `of`/`and`/`for` (`Deputy Prime Minister and Minister of Public Security General`,
 * `Minister of Foreign Affairs`) that contains a head title; one to four name-like words right after it (a weekday
 * is none), followed by no further capitalised word, are a PERSON. Spans the tagger put over the role phrase or the
 * name (a role word glued to the name, a surname typed as a place) are replaced.
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import { startsUpper } from './initialCase';
import { isCommonForm, WEEKDAYS } from './spanRules';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const { isHeadTitle, isTitleOrModifier } = titles;
const NAME_PART: number = Gaz.NamePart;
const NOT_A_NAME: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region | Gaz.Demonym | Gaz.OrgName | Gaz.OrgHead;

const JOINERS = new Set(['of', 'and', 'for', '&']);
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'from', 'as']);
const MAX_NAME = 4;
/** A capitalised word with a lower-case letter (compiled once). */
const NAME_LIKE = /^\p{Lu}.*\p{Ll}/u;

/** Memoised word classes (the same words recur across a corpus): 1 role word, 2 name word, 0 neither. */
const classCache = new Map<string, number>();
/**
 * The words asked last and their classes, by a hash of the word's code units: a small table that stays in the
 * processor's caches, looked at before the map (the rule asks for every word of every sentence).
 */
const FRONT_MASK = 4095;
const frontWords = new Array<string | undefined>(FRONT_MASK + 1).fill(undefined);
const frontClasses = new Uint8Array(FRONT_MASK + 1);

function wordClass(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const slot = (h ^ (h >>> 15)) & FRONT_MASK;
  if (frontWords[slot] === text) return frontClasses[slot];
  let c = classCache.get(text);
  if (c === undefined) {
    c = startsUpper(text) && isTitleOrModifier(text) ? 1 : isNameWordUncached(text) ? 2 : 0;
    if (classCache.size > 100_000) classCache.clear();
    classCache.set(text, c);
  }
  if (text.length <= 64) {
    frontWords[slot] = text;
    frontClasses[slot] = c;
  }
  return c;
}

function isRoleWord(text: string): boolean {
  const c = text.charCodeAt(0);
  return ((c >= 65 && c <= 90) || c > 127) && wordClass(text) === 1;
}

function isNameWord(text: string): boolean {
  return wordClass(text) === 2;
}

/** A capitalised word with a lower-case letter that is no title, function word, place or organisation word. */
function isNameWordUncached(text: string): boolean {
  if (!NAME_LIKE.test(text) || isTitleOrModifier(text)) return false;
  const key = foldKey(text);
  return !FUNCTION_WORDS.has(key) && !WEEKDAYS.has(key) && (gazBitsOf(key) & NOT_A_NAME) === 0;
}

/**
 * A word of a Title Case headline's own (`Opens` in `Prime Minister Hun Manet Opens …`): a word mostly written in lower
 * case or an inflection of one (`Visits`), unless it is a known part of people's names (`Son` in `Bui Thanh Son`).
 */
function isHeadlineWord(text: string, isCommon: ((key: string) => boolean) | undefined): boolean {
  if (isCommon === undefined) return false;
  const key = foldKey(text);
  return isCommonForm(key, isCommon) && (gazBitsOf(key) & NAME_PART) === 0;
}

/** End (exclusive) of the role phrase starting at `i`, and whether it holds a head title. */
function rolePhrase(tokens: readonly Token[], i: number): { end: number; head: boolean } {
  let j = i;
  let head = false;
  while (j < tokens.length) {
    const t = tokens[j].text;
    if (isRoleWord(t)) {
      head ||= isHeadTitle(t);
      j++;
    } else if (j > i && JOINERS.has(t) && j + 1 < tokens.length && isRoleWord(tokens[j + 1].text)) j++;
    else break;
  }
  return { end: j, head };
}

/**
 * Applies the rule to one sentence's sorted spans. `isCommon` (folded word → mostly written in lower case)
 * ends a name in a Title Case headline (`Prime Minister Hun Manet Opens ...`); pass it only for such lines.
 */
export function namesAfterRoles(
  tokens: readonly Token[],
  spans: readonly TokenSpan[],
  isCommon?: (key: string) => boolean,
): TokenSpan[] {
  // Copied only when a name is added (most sentences have no role word before a name the tagger missed): otherwise
  // the spans given are given back.
  let out = spans as TokenSpan[];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isRoleWord(tokens[i].text)) continue;
    const first = i;
    const { end: j, head } = rolePhrase(tokens, i);
    let k = j;
    while (k < tokens.length && k - j < MAX_NAME && isNameWord(tokens[k].text) && !isHeadlineWord(tokens[k].text, isCommon)) k++;
    i = Math.max(i, k - 1);
    if (!head || k === j) continue;
    const next = k < tokens.length ? tokens[k].text : '';
    if (startsUpper(next) && !isHeadlineWord(next, isCommon)) continue;
    // `Commander of Military Region 2`: a numbered unit, not a name.
    if (/^\d/.test(next)) continue;
    out = withPersonAfterRole(out, first, j, k, !!isCommon) ?? out;
  }
  return out;
}

/**
 * The spans with the name `[j, k)` after the role words from `first` made a PERSON, or undefined when they are left as
 * they are (apart from the loop: see `TokenSpan`).
 */
function withPersonAfterRole(spans: TokenSpan[], first: number, j: number, k: number, headline: boolean): TokenSpan[] | undefined {
  const touching = spans.filter((s) => s.to > first && s.from < k);
  // A name span that already is right, or a span the tagger started at or before the first title word
  // (`General Motors`, `President Hotel`): left as it is.
  if (touching.some((s) => s.type === 'PERSON' && s.from === j && s.to === k)) return undefined;
  if (touching.some((s) => s.start !== undefined || (s.type !== 'PERSON' && s.from <= first))) return undefined;
  if (!headline && touching.some((s) => s.to > k)) return undefined;
  const out = spans.filter((s) => !touching.includes(s));
  out.push({ from: j, to: k, type: 'PERSON' });
  out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  return out;
}
