/**
 * Span rules applied after tagging: drop spans that are only titles or calendar words, strip a
 * capitalised sentence-initial function word, retype names by their head word
 * (`Bắc Giang Province` is a place, `... Lao People's Army` an organisation).
 */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import { extendOrgOf, splitTrailingPerson } from './orgRules';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import { isCapitalised, startsUpper } from './initialCase';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const DEMONYM: number = gazetteer.Gaz.Demonym;
const COUNTRY: number = gazetteer.Gaz.Country;
const NAME_PART: number = gazetteer.Gaz.NamePart;
const ORG_NAME: number = gazetteer.Gaz.OrgName;
const KEEP_IN_HEADLINE: number =
  gazetteer.Gaz.OrgHead | gazetteer.Gaz.Country | gazetteer.Gaz.City | gazetteer.Gaz.Province | gazetteer.Gaz.Region | DEMONYM;
const { isTitleOrModifier, isTitleWord } = titles;
/** A sentence's end or an opening quote (compiled once). */
const SENTENCE_OPENING = /^[.!?"“]$/;

const LETTER_OR_DIGIT_START = /^[\p{L}\p{N}]/u;
/** The days of the week, folded: they end a name (`Jose Miguel Insulza [Monday]`). */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
/** Months and weekdays: no name alone. */
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', ...WEEKDAYS,
]);

/** Function words that start a sentence capitalised but never start a name. */
const INITIAL_FUNCTION_WORDS = new Set([
  'from', 'in', 'at', 'a', 'an', 'for', 'on', 'with', 'by', 'of', 'and', 'but', 'as', 'after', 'before',
  'during', 'under', 'over', 'while', 'when', 'since', 'if', 'this', 'these', 'those', 'his', 'her', 'their', 'its',
]);

/**
 * Heads of buildings, works and natural features named as places (`Ho Chi Minh Mausoleum`, `Second Thai-Myanmar
 * Friendship Bridge`, `Xekong River`), whose names are short: a longer capitalised run before one is a headline's
 * words (`Border Guards Hold Joint Patrol Near Nam Phao Crossing`), not a name.
 */
const WORKS = new Set([
  'mausoleum', 'bridge', 'airport', 'pagoda', 'temple', 'stupa', 'crossing', 'checkpoint', 'river', 'lake', 'island',
  'islands', 'mountain', 'mountains', 'plateau', 'valley',
]);
const MAX_WORKS_MODIFIERS = 3;
/** Administrative units and works: a capitalised run ending in one of these is a place. */
const PLACE_HEADS = new Set([
  'province', 'district', 'commune', 'village', 'prefecture', 'township', 'hamlet', 'municipality', 'oblast',
  ...WORKS,
]);

/**
 * Heads of a sporting event's name (`Hong Kong Open`, `World Cup`, `Berlin Grand Prix`, `ASEAN Armies Rifle Meet`):
 * a multi-word name ending in one is MISC. In CoNLL-2003's training text, all 255 names of two words or more ending
 * in one are.
 */
const SPORT_EVENT_HEADS = new Set([
  'cup', 'open', 'classic', 'championship', 'championships', 'prix', 'trophy', 'rally', 'olympics', 'masters', 'series',
  'marathon', 'meet',
]);

/** Heads that make a multi-word name an organisation. */
const ORG_HEADS = new Set([
  'army', 'party', 'ministry', 'association', 'commission', 'committee', 'council', 'agency', 'union',
  'organisation', 'organization', 'academy', 'university', 'institute', 'police', 'navy', 'front',
  'government', 'assembly', 'department', 'corporation', 'company', 'centre', 'center', 'command', 'bureau',
  'directorate', 'court', 'authority', 'confederation', 'headquarters', 'jsc', 'co', 'ltd', 'hospital',
]);
/** Heads that are no name on their own: `Ministry` alone is a common noun written with a capital. */
const BARE_GENERIC_HEADS = new Set([
  'ministry', 'department', 'committee', 'commission', 'agency', 'council', 'office', 'institute', 'association',
  'organisation', 'organization', 'academy', 'university', 'directorate', 'bureau',
]);
/** The subset strong enough to retype a place (`... People's Army` tagged LOCATION). */
const STRONG_ORG_HEADS = new Set([
  'army', 'party', 'ministry', 'association', 'commission', 'committee', 'academy', 'university', 'institute',
  'police', 'organisation', 'organization', 'government', 'front', 'command', 'limited', 'ltd', 'inc', 'plc',
  'llc', 'corporation', 'corp', 'jsc', 'co', 'headquarters', 'court', 'hospital', 'authority', 'guard', 'society',
  'confederation', 'chamber',
]);

/** Cleans and retypes one sentence's spans (in order); returns the new list. */
export function applySpanRules(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] = [];
  for (const sp0 of spans) {
    const sp = { ...sp0 };
    if (sp.start !== undefined) {
      out.push(sp);
      continue;
    }
    while (sp.to - sp.from > 1 && INITIAL_FUNCTION_WORDS.has(tokens[sp.from].text.toLowerCase())) sp.from++;
    // A person, an organisation or a place does not end in a weekday (`Jose Miguel Insulza [Monday]`); an event may
    // (`Good Friday`, `Super Tuesday`).
    if (sp.type !== 'MISC') while (sp.to - sp.from > 1 && WEEKDAYS.has(foldKey(tokens[sp.to - 1].text))) sp.to--;
    if (sp.type !== 'PERSON') {
      while (sp.to - sp.from > 1 && isTitleWord(tokens[sp.to - 1].text)) sp.to--;
      if (sp.to - sp.from === 1) sp.type = typeOfKnownWord(gazBitsOf(foldKey(tokens[sp.from].text)), sp.type);
    }
    if (isRolePhrase(tokens, sp)) continue;
    if (sp.to - sp.from === 1 && CALENDAR.has(foldKey(tokens[sp.from].text))) continue;
    if (tokens[sp.to - 1].end - tokens[sp.from].start === 1) continue;
    const head = foldKey(tokens[sp.to - 1].text);
    if (sp.to - sp.from > 1 && ((sp.type === 'MISC' && ORG_HEADS.has(head)) || (sp.type === 'LOCATION' && STRONG_ORG_HEADS.has(head)))) {
      sp.type = 'ORG';
    }
    if (sp.to - sp.from > 1 && sp.type !== 'PERSON' && SPORT_EVENT_HEADS.has(head)) sp.type = 'MISC';
    if (sp.to - sp.from > 2 && sp.type !== 'ORG' && ORG_HEADS.has(foldKey(tokens[sp.from].text)) && tokens[sp.from + 1].text === 'of') {
      sp.type = 'ORG';
    }
    out.push(sp);
  }
  out = sportEventsWithNationality(tokens, placeHeads(tokens, splitTrailingPerson(tokens, extendOrgOf(tokens, out))));
  // A bare generic head (`the Ministry`, `the Committee`) names no organisation by itself; checked last, once
  // `Ministry of Public Security` has been extended from `Ministry`.
  return companyNames(tokens, mergeIntoOrgs(tokens, out)).filter((sp) => sp.start !== undefined || sp.to - sp.from !== 1 || !BARE_GENERIC_HEADS.has(foldKey(tokens[sp.from].text)));
}

/**
 * A sporting event named by a nationality (`Italian Grand Prix`, `Australian Open`) is one name: the nationality the
 * tagger read apart is joined to the event after it.
 */
function sportEventsWithNationality(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (a.start !== undefined || b.start !== undefined || a.to !== b.from || a.to - a.from !== 1 || b.type !== 'MISC') continue;
    if (!(gazBitsOf(foldKey(tokens[a.from].text)) & DEMONYM) || !SPORT_EVENT_HEADS.has(foldKey(tokens[b.to - 1].text))) continue;
    spans.splice(k, 2, { from: a.from, to: b.to, type: 'MISC' });
  }
  return spans;
}

/**
 * The type of a one-word name the gazetteer knows, given the tagger's (CoNLL-2003's conventions): a nationality is
 * MISC (`Lao`); a country alone is a place, not an organisation (`Vietnam’s foreign policy`; a country's government or
 * team is still LOC there); a known organisation is one even as a modifier (`Asean countries`, `EU ministers`).
 */
function typeOfKnownWord(bits: number, type: EntityType): EntityType {
  if (bits & DEMONYM) return 'MISC';
  if (type === 'ORG' && bits & COUNTRY) return 'LOCATION';
  if (type === 'MISC' && bits & ORG_NAME) return 'ORG';
  return type;
}

/**
 * A name ending in a strong organisation head is an organisation (`Ho Chi Minh Communist Youth Union`), and it
 * absorbs a place or person name that touches it on the left (`[Vietnam] [Fatherland Front]`).
 */
function mergeIntoOrgs(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp0 of spans) {
    const sp = { ...sp0 };
    const head = sp.start === undefined && sp.to - sp.from > 1 ? foldKey(tokens[sp.to - 1].text) : '';
    const strong = STRONG_ORG_HEADS.has(head) || (sp.type === 'PERSON' && ORG_HEADS.has(head));
    if (strong) {
      sp.type = 'ORG';
      const last = out[out.length - 1];
      if (last && last.start === undefined && last.to === sp.from && (last.type === 'LOCATION' || last.type === 'PERSON')) {
        out.pop();
        sp.from = last.from;
      }
    }
    out.push(sp);
  }
  return out;
}

/** Legal forms that end a company's name (`Inc.`, `Corp`, `SpA`, `GmbH`), folded. */
const LEGAL_FORMS = new Set([
  'inc', 'corp', 'corporation', 'ltd', 'limited', 'co', 'plc', 'llc', 'spa', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'bhd', 'jsc',
  'pty', 'oyj', 'asa',
]);
const COMPANY_JOINERS = new Set(['of', '&', 'and']);
/** The most words a company's name is widened by. */
const MAX_COMPANY_WIDENING = 4;

/**
 * A company's name ends in its legal form, and begins at the capitalised words right before the part the tagger
 * found (`[Commerce] Bancshares Inc.`, `[First of] Michigan Corp.`): a name ending in `Inc.` or `Corp` is an
 * organisation, widened to the left over capitalised words no other name holds (not a title, not `The`, not a
 * sentence's first word), joined by `of`, `&` or `and` when a capitalised word comes before them.
 */
function companyNames(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined || sp.to - sp.from < 2 || !LEGAL_FORMS.has(foldKey(tokens[sp.to - 1].text))) continue;
    const floor = k > 0 ? spans[k - 1].to : 0;
    let from = sp.from;
    let j = sp.from;
    while (j > floor && sp.from - j < MAX_COMPANY_WIDENING) {
      const t = tokens[j - 1].text;
      // Not a sentence's first word (`Shares of Banc One Corp.`: capitalised as any first word is), nor `The`.
      if (j - 1 > 0 && isCapitalised(t) && !isTitleWord(t) && foldKey(t) !== 'the') from = --j;
      else if (COMPANY_JOINERS.has(t) && j - 1 > floor && isCapitalised(tokens[j - 2].text)) j--;
      else break;
    }
    if (from < sp.from || sp.type !== 'ORG') spans[k] = { from, to: sp.to, type: 'ORG' };
  }
  return spans;
}

/** Only titles and title modifiers (`Deputy`, `Defence`), or modifiers right before a title (`State` President). */
function isRolePhrase(tokens: readonly Token[], sp: TokenSpan): boolean {
  let anyTitle = false;
  for (let i = sp.from; i < sp.to; i++) {
    if (!isTitleOrModifier(tokens[i].text)) return false;
    if (isTitleWord(tokens[i].text)) anyTitle = true;
  }
  if (anyTitle) return true;
  let j = sp.to;
  while (j < tokens.length && isTitleOrModifier(tokens[j].text) && !isTitleWord(tokens[j].text)) j++;
  return j < tokens.length && isTitleWord(tokens[j].text) && startsUpper(tokens[j].text);
}

/** `Kim Tràng Village`, `Tân Yên District`: the capitalised run before an administrative head is one place. */
function placeHeads(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let i = 1; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i].text) || !PLACE_HEADS.has(foldKey(tokens[i].text))) continue;
    if (i + 1 < tokens.length && startsUpper(tokens[i + 1].text)) continue;
    let s = i;
    while (s > 0 && isCapitalised(tokens[s - 1].text) && !PLACE_HEADS.has(foldKey(tokens[s - 1].text)) && !isTitleWord(tokens[s - 1].text)) s--;
    if (s === i || (WORKS.has(foldKey(tokens[i].text)) && i - s > MAX_WORKS_MODIFIERS)) continue;
    if (s === 0 || (s > 0 && SENTENCE_OPENING.test(tokens[s - 1].text))) {
      if (s < i - 1 && !wholeSpanStartsAt(out, s)) s++;
    }
    out = withPlace(out, s, i + 1);
  }
  return out;
}

/**
 * Whether a span over whole tokens (not one place of a hyphenated pair such as `Vietnam-Laos`) starts at token `s`.
 * This and `withPlace` are apart from the loop of `placeHeads` (see `TokenSpan`).
 */
function wholeSpanStartsAt(spans: readonly TokenSpan[], s: number): boolean {
  return spans.some((sp) => sp.from === s && sp.start === undefined);
}

/** The spans with `[from, to)` made one LOCATION in place of those overlapping it. */
function withPlace(spans: readonly TokenSpan[], from: number, to: number): TokenSpan[] {
  const type: EntityType = 'LOCATION';
  const out = spans.filter((sp) => sp.to <= from || sp.from >= to);
  out.push({ from, to, type });
  out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  return out;
}

/**
 * In a Title Case headline every word is capitalised, so the tagger over-fires: a one-word name that is a
 * common lower-case word (`Visits`) is dropped, and common words at the end of a name are trimmed
 * (`Cambodia Amid` → `Cambodia`).
 */
function isTrimmable(text: string, common: ReadonlySet<string>, person: boolean): boolean {
  const key = foldKey(text);
  const bits = gazBitsOf(key);
  if ((bits & KEEP_IN_HEADLINE) !== 0 || PLACE_HEADS.has(key)) return false;
  // A person's name keeps a known name part that is also a word (`Bui Thanh Son`, `Nguyen Van Long`).
  if (person && (bits & NAME_PART) !== 0) return false;
  return isCommonForm(key, (k) => common.has(k));
}

const INFLECTION = /(?:es|s|ed|ing)$/;

/** Whether the folded word `key` is a common word or an inflected form of one (`visits`, `warned`). */
export function isCommonForm(key: string, isCommon: (key: string) => boolean): boolean {
  if (isCommon(key)) return true;
  const stem = key.replace(INFLECTION, '');
  return stem.length >= 3 && stem !== key && (isCommon(stem) || isCommon(stem + 'e'));
}

/**
 * Prepositions and conjunctions a headline capitalises, which no name holds (`of`, `for`, `on` and `and` may:
 * `Office On Drugs And Crime`): a name ends before them (`Andaman Sea After Fishing Boat Sinks`, `Delegation In Cần
 * Thơ`).
 */
const HEADLINE_BREAKS = new Set([
  'after', 'at', 'as', 'to', 'from', 'with', 'amid', 'before', 'into', 'near', 'via', 'through', 'over', 'despite', 'in',
  'following', 'ahead', 'while', 'during', 'than', 'vs', 'versus',
]);

/** Whether a token starts with a letter or a digit (a word, not punctuation). */
function startsLetterOrDigit(text: string): boolean {
  return LETTER_OR_DIGIT_START.test(text);
}

export function trimHeadline(tokens: readonly Token[], spans: readonly TokenSpan[], common: ReadonlySet<string>): TokenSpan[] {
  const out: TokenSpan[] = [];
  const push = (sp: TokenSpan): void => {
    // A person's name set off by punctuation (`Stuart Law ,` in a list of players, all capitalised) keeps a surname
    // that is a common word: a headline's verb is followed by more of the headline.
    const delimited = sp.type === 'PERSON' && (sp.to >= tokens.length || !startsLetterOrDigit(tokens[sp.to].text));
    while (sp.to > sp.from && !(delimited && sp.to - sp.from <= 3) && isTrimmable(tokens[sp.to - 1].text, common, sp.type === 'PERSON')) sp.to--;
    if (sp.to > sp.from) out.push(sp);
  };
  for (const sp0 of spans) {
    if (sp0.start !== undefined) {
      out.push(sp0);
      continue;
    }
    let from = sp0.from;
    for (let i = sp0.from + 1; i < sp0.to - 1; i++) {
      if (!HEADLINE_BREAKS.has(foldKey(tokens[i].text))) continue;
      push({ from, to: i, type: sp0.type });
      from = i + 1;
    }
    push({ from, to: sp0.to, type: sp0.type });
  }
  return out;
}
