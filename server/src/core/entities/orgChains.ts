/**
 * Long organisation and event names the tagger cuts into pieces:
 * - a capitalised modifier chain before an organisation head is part of the name, including a place or
 *   nationality in front and an inner `and` between modifiers (`[Laos] Defense [Ministry]`,
 *   `[National Defense] and [Security Central Commission]`);
 * - `for` + a capitalised run continues a headed name (`[Lao Front] for [National Development]`);
 * - a capitalised run ending in an event word (`[ASEAN Chiefs] of [Army Multilateral Meeting]`,
 *   `Shangri-La Dialogue`) is one MISC name.
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { isCapitalised, startsUpper } = initialCase;

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isHeadTitle, isTitleWord } = titles;

/** Heads that end an organisation's name and take modifiers before them. */
const CHAIN_HEADS = new Set([
  'ministry', 'department', 'commission', 'committee', 'council', 'union', 'front', 'party', 'army', 'navy',
  'academy', 'university', 'institute', 'agency', 'bureau', 'association', 'federation', 'command', 'police',
  'directorate', 'administration', 'secretariat', 'organisation', 'organization', 'cooperation', 'guard',
]);
/** Heads after which `for ...` continues the name. */
const FOR_HEADS = new Set([
  'front', 'council', 'committee', 'commission', 'centre', 'center', 'institute', 'association', 'union',
  'federation', 'ministry', 'department', 'agency', 'office', 'fund', 'foundation', 'alliance', 'organisation',
  'organization', 'academy', 'school', 'league', 'movement', 'party',
]);
/** Surface forms (Title Case and ALL CAPS) of lower-case head words, for an allocation-free lookup per token. */
function forms(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    out.add(w.charAt(0).toUpperCase() + w.slice(1));
    out.add(w.toUpperCase());
  }
  return out;
}

/** Words naming an event. */
const EVENT_HEADS = new Set([
  'meeting', 'meetings', 'summit', 'dialogue', 'exchange', 'conference', 'symposium', 'exercise', 'exercises',
  'games', 'festival', 'consultation', 'consultations', 'expo', 'exhibition',
]);
/** Markets are named after their city (`Tokyo Stock Exchange`): with a place in the run, `Exchange` is no event. */
const PLACE: number = gazetteer.Gaz.Country | gazetteer.Gaz.City | gazetteer.Gaz.Province | gazetteer.Gaz.Region | gazetteer.Gaz.Demonym;
const EVENT_FORMS = forms(EVENT_HEADS);
const RUN_INNER = new Set(['of', 'the', "'", '’', "'s", '’s', '-', '–', 'and', 'for', 'on']);
const NOT_MODIFIERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our']);

function isCap(text: string): boolean {
  return isCapitalised(text);
}

function isNameWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i].text;
  return startsUpper(t) && !NOT_MODIFIERS.has(t.toLowerCase()) && !isHeadTitle(t);
}

function sorted(spans: TokenSpan[]): TokenSpan[] {
  return spans.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
}

function spanAt(spans: readonly TokenSpan[], to: number): TokenSpan | undefined {
  return spans.find((s) => s.start === undefined && s.to === to);
}

/** Start of the modifier chain that ends at `from` (exclusive), walking over capitalised words and touching spans. */
function chainStart(tokens: readonly Token[], spans: readonly TokenSpan[], from: number, sentenceStart: boolean): number {
  let s = from;
  for (;;) {
    const left = spanAt(spans, s);
    if (left && left.type !== 'PERSON') {
      s = left.from;
      continue;
    }
    if (left) break;
    // `[General Political Department]`, `Laos-Thailand General [Border Committee]`.
    if (isOrgRankBefore(tokens, s)) {
      s--;
      continue;
    }
    if (s > 0 && isNameWord(tokens, s - 1) && !(s - 1 === 0 && sentenceStart)) {
      s--;
      continue;
    }
    // `[National Defense] and [Security ...]`: `and` between two capitalised modifiers (no head on its left).
    if (s >= 2 && tokens[s - 1].text === 'and' && isNameWord(tokens, s - 2) && !CHAIN_HEADS.has(foldKey(tokens[s - 2].text))) {
      const l = spanAt(spans, s - 1);
      if (l !== undefined && l.type === 'ORG') {
        s = s - 1;
        continue;
      }
    }
    break;
  }
  return s;
}

/** Applies the modifier-chain, `for` and event rules to one sentence's sorted spans. */
export function joinOrgChains(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = [...spans];
  for (let k = 0; k < out.length; k++) {
    const sp = out[k];
    if (sp.start !== undefined || sp.type !== 'ORG' || !CHAIN_HEADS.has(tokens[sp.to - 1].text.toLowerCase())) continue;
    let from = chainStart(tokens, out, sp.from, true);
    // An `and` reached without a span on its left is not part of the chain.
    while (from < sp.from && tokens[from].text === 'and') from++;
    let to = sp.to;
    if (FOR_HEADS.has(foldKey(tokens[to - 1].text)) && to + 1 < tokens.length && tokens[to].text === 'for') {
      let e = to + 1;
      while (e < tokens.length && e - to <= 4 && isNameWord(tokens, e)) e++;
      const next = e < tokens.length ? tokens[e].text : '';
      if (e > to + 1 && !isCap(next) && !out.some((x) => x.from < e && x.to > to + 1 && (x.from < to + 1 || x.to > e))) to = e;
    }
    if (from === sp.from && to === sp.to) continue;
    out = sorted([...out.filter((x) => x.to <= from || x.from >= to), { from, to, type: 'ORG' }]);
    k = out.findIndex((x) => x.from === from);
  }
  return eventNames(tokens, headedRuns(tokens, generalFirst(tokens, out)));
}

/**
 * Whether the word before `i` is `General` naming an organisation's rank: not a person's, which a rank or title before
 * it makes it (`Brigadier General`, `Secretary General`).
 */
function isOrgRankBefore(tokens: readonly Token[], i: number): boolean {
  return i > 0 && tokens[i - 1].text === 'General' && !(i >= 2 && isTitleWord(tokens[i - 2].text));
}

/** Heads an organisation's name may open with after `General` (`General Department of Vietnam Customs`). */
const GENERAL_HEADS = new Set(['Department', 'Directorate', 'Staff', 'Confederation', 'Secretariat', 'Administration', 'Command', 'Office']);

/** `General [Department of Vietnam Customs]`: `General` before an organisation opening with a head is its rank. */
function generalFirst(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined || sp.type !== 'ORG' || !GENERAL_HEADS.has(tokens[sp.from].text) || !isOrgRankBefore(tokens, sp.from)) continue;
    if (k > 0 && spans[k - 1].to > sp.from - 1) continue;
    (out ??= [...spans])[k] = { from: sp.from - 1, to: sp.to, type: 'ORG' };
  }
  return out ?? spans;
}

/** Heads that make a capitalised run an organisation even when the tagger left the head itself out. */
const RUN_HEADS = forms([...CHAIN_HEADS, 'government']);

/**
 * `[Ho] Chi Minh [Communist] Youth Union`, `[Cambodian] Government`: a capitalised run ending in an untagged
 * organisation head, holding at least one tagged name and nothing tagged as a person, is one ORG.
 */
function headedRuns(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let h = 1; h < tokens.length; h++) {
    if (!RUN_HEADS.has(tokens[h].text)) continue;
    if (h + 1 < tokens.length && (isCap(tokens[h + 1].text) || tokens[h + 1].text === 'of')) continue;
    out = withHeadedRun(tokens, out, h) ?? out;
  }
  return out;
}

/**
 * The spans with the run ending in the untagged head `h` made one ORG, or undefined when it is not one (apart from the
 * loop: see `TokenSpan`).
 */
function withHeadedRun(tokens: readonly Token[], spans: TokenSpan[], h: number): TokenSpan[] | undefined {
  if (spans.some((x) => x.from <= h && x.to > h)) return undefined;
  let s = h;
  while (s > 0 && isNameWord(tokens, s - 1)) s--;
  if (s === h) return undefined;
  const inside = spans.filter((x) => x.from < h && x.to > s);
  if (inside.length === 0 || inside.some((x) => x.start !== undefined || x.from < s || x.type === 'PERSON')) return undefined;
  const from = s === 0 ? inside[0].from : s;
  return sorted([...spans.filter((x) => !inside.includes(x)), { from, to: h + 1, type: 'ORG' }]);
}

function hasPlace(tokens: readonly Token[], from: number, to: number): boolean {
  const bits = gazetteer.matchGazetteer(tokens.slice(from, to).map((t) => foldKey(t.text)));
  return bits.some((b) => (b & PLACE) !== 0);
}

/** `[ASEAN Chiefs] of [Army Multilateral Meeting]` → one MISC over the capitalised run ending in an event word. */
function eventNames(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let h = 1; h < tokens.length; h++) {
    if (!EVENT_FORMS.has(tokens[h].text)) continue;
    if (h + 1 < tokens.length && (isCap(tokens[h + 1].text) || tokens[h + 1].text === 'of')) continue;
    out = withEventName(tokens, out, h) ?? out;
  }
  return out;
}

/** The spans with the capitalised run ending in the event word `h` made one MISC, or undefined when it is not one. */
function withEventName(tokens: readonly Token[], spans: TokenSpan[], h: number): TokenSpan[] | undefined {
  let s = h;
  while (s > 0) {
    const t = tokens[s - 1].text;
    if (isNameWord(tokens, s - 1) && !(s - 1 === 0 && NOT_MODIFIERS.has(t.toLowerCase()))) s--;
    else if (s >= 2 && RUN_INNER.has(t) && t !== 'the' && isCap(tokens[s - 2].text)) s--;
    else break;
  }
  while (s < h && !isCap(tokens[s].text)) s++;
  if (s === h) return undefined;
  // `Organisation of (the) Islamic Conference`: an organisation head opening the run with `of` keeps it an ORG.
  if (s + 1 < h && CHAIN_HEADS.has(foldKey(tokens[s].text)) && tokens[s + 1].text === 'of') return undefined;
  if (foldKey(tokens[h].text) === 'exchange' && hasPlace(tokens, s, h)) return undefined;
  const inside = spans.filter((x) => x.from <= h && x.to > s);
  if (inside.length === 0 || inside.some((x) => x.start !== undefined || x.to > h + 1 || x.type === 'PERSON')) return undefined;
  // Start at the first tagged name (a capitalised sentence opener before it is not part of the event).
  const first = Math.min(...inside.map((x) => x.from));
  const from = s === 0 ? first : Math.min(s, first);
  return sorted([...spans.filter((x) => !inside.includes(x)), { from, to: h + 1, type: 'MISC' }]);
}
