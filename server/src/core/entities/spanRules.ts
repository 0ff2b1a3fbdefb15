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

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isTitleOrModifier, isTitleWord } = titles;

const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Function words that start a sentence capitalised but never start a name. */
const INITIAL_FUNCTION_WORDS = new Set([
  'from', 'in', 'at', 'a', 'an', 'for', 'on', 'with', 'by', 'of', 'and', 'but', 'as', 'after', 'before',
  'during', 'under', 'over', 'while', 'when', 'since', 'if', 'this', 'these', 'those', 'his', 'her', 'their', 'its',
]);

/** Administrative units: a capitalised run ending in one of these is a place. */
const PLACE_HEADS = new Set([
  'province', 'district', 'commune', 'village', 'prefecture', 'township', 'hamlet', 'municipality', 'oblast',
]);

/** Heads that make a multi-word name an organisation. */
const ORG_HEADS = new Set([
  'army', 'party', 'ministry', 'association', 'commission', 'committee', 'council', 'agency', 'union',
  'organisation', 'organization', 'academy', 'university', 'institute', 'police', 'navy', 'front',
  'government', 'assembly', 'department', 'corporation', 'company',
]);
/** The subset strong enough to retype a place (`... People's Army` tagged LOCATION). */
const STRONG_ORG_HEADS = new Set([
  'army', 'party', 'ministry', 'association', 'commission', 'committee', 'academy', 'university', 'institute',
  'police', 'organisation', 'organization', 'government',
]);

function isCapitalised(text: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text);
}

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
    if (isRolePhrase(tokens, sp)) continue;
    if (sp.to - sp.from === 1 && CALENDAR.has(foldKey(tokens[sp.from].text))) continue;
    if (tokens[sp.to - 1].end - tokens[sp.from].start === 1) continue;
    const head = foldKey(tokens[sp.to - 1].text);
    if (sp.to - sp.from > 1 && ((sp.type === 'MISC' && ORG_HEADS.has(head)) || (sp.type === 'LOCATION' && STRONG_ORG_HEADS.has(head)))) {
      sp.type = 'ORG';
    }
    if (sp.to - sp.from > 2 && sp.type !== 'ORG' && ORG_HEADS.has(foldKey(tokens[sp.from].text)) && tokens[sp.from + 1].text === 'of') {
      sp.type = 'ORG';
    }
    out.push(sp);
  }
  out = placeHeads(tokens, splitTrailingPerson(tokens, extendOrgOf(tokens, out)));
  return out;
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
  return j < tokens.length && isTitleWord(tokens[j].text) && /^\p{Lu}/u.test(tokens[j].text);
}

/** `Kim Tràng Village`, `Tân Yên District`: the capitalised run before an administrative head is one place. */
function placeHeads(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let i = 1; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i].text) || !PLACE_HEADS.has(foldKey(tokens[i].text))) continue;
    if (i + 1 < tokens.length && /^\p{Lu}/u.test(tokens[i + 1].text)) continue;
    let s = i;
    while (s > 0 && isCapitalised(tokens[s - 1].text) && !PLACE_HEADS.has(foldKey(tokens[s - 1].text)) && !isTitleWord(tokens[s - 1].text)) s--;
    if (s === i) continue;
    if (s === 0 || (s > 0 && /^[.!?"“]$/.test(tokens[s - 1].text))) {
      if (s < i - 1 && !out.some((sp) => sp.from === s && sp.start === undefined)) s++;
    }
    const from = s;
    const to = i + 1;
    const type: EntityType = 'LOCATION';
    out = out.filter((sp) => sp.to <= from || sp.from >= to);
    out.push({ from, to, type });
    out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  }
  return out;
}
