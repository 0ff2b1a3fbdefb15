/**
 * Organisation-name structure beyond what the tagger sees:
 * - `X of (the) Y` chains: an organisation whose name opens with a head and `of` (`Academy of Politics of the Lao`)
 *   continues over a name that touches it or follows after `of`/`of the` (`People's Public Security`) or `and`
 *   (`Ministry of Labour and Social Welfare`); an untagged head before `of` opens the organisation after it
 *   (`Ministry of [Public Security]`);
 * - coordination: `Lao Government and Ministry of Defence` is two organisations when the word before `and`
 *   is an organisation head and the part after it is itself headed;
 * - numbered events: `14th National Congress` (+ `of the <organisation>`) is one MISC name.
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { isCapitalised, startsUpper } = initialCase;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isTitleWord } = titles;

/** Heads after which `of ...` continues an organisation's name. */
const OF_HEADS = new Set([
  'ministry', 'department', 'academy', 'university', 'institute', 'bank', 'commission', 'committee', 'council',
  'federation', 'association', 'union', 'office', 'bureau', 'school', 'college', 'court', 'party', 'board',
  'agency', 'authority', 'chamber', 'league', 'society', 'organisation', 'organization', 'museum', 'command',
  'faculty', 'centre', 'center', 'front', 'army', 'general', 'staff', 'administration', 'directorate',
]);

/** Words that head an organisation's name at either end. */
const ORG_HEADS = new Set([
  ...OF_HEADS, 'government', 'army', 'navy', 'police', 'guard', 'assembly', 'parliament', 'cabinet', 'forces',
  'corporation', 'company', 'group', 'alliance', 'movement', 'state',
]);

/** Words naming a recurring event (with an ordinal before them). */
const EVENT_HEADS = new Set([
  'congress', 'plenum', 'summit', 'conference', 'session', 'meeting', 'forum', 'dialogue', 'festival', 'games',
  'exercise', 'exercises', 'assembly', 'consultation', 'exchange', 'convention',
]);

const ORDINAL = /^\d+(?:st|nd|rd|th)$/iu;

function key(tokens: readonly Token[], i: number): string {
  return foldKey(tokens[i].text);
}

function opensWithOf(tokens: readonly Token[], sp: TokenSpan): boolean {
  return sp.to - sp.from >= 3 && OF_HEADS.has(key(tokens, sp.from)) && tokens[sp.from + 1].text === 'of';
}

function sorted(spans: TokenSpan[]): TokenSpan[] {
  return spans.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
}

/** Most untagged capitalised modifiers between `of (the)` and the name it continues over (`of the Lao [People's ...]`). */
const MAX_GAP_MODIFIERS = 3;

/**
 * Whether `tokens[from, to)`, between an `X of ...` organisation and the next name, belongs to the chain: nothing,
 * `of`, or `of the`, then capitalised modifiers of that name (a nationality or place left untagged: `Lao`).
 */
function chainGap(tokens: readonly Token[], from: number, to: number): boolean {
  if (from === to) return true;
  if (tokens[from].text !== 'of') return false;
  let k = from + 1;
  if (k < to && tokens[k].text === 'the') k++;
  if (to - k > MAX_GAP_MODIFIERS) return false;
  for (; k < to; k++) if (!startsUpper(tokens[k].text) || tokens[k].text === 'The') return false;
  return true;
}

/**
 * `[Academy of Politics of the Lao] [People's Public Security]` → one ORG: a name headed by an `X of` head word
 * continues over `of (the)`, with any capitalised modifiers after it, into the name that follows.
 */
export function joinOfChains(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp0 of spans) {
    const sp = headBefore(tokens, out[out.length - 1], sp0);
    const last = out[out.length - 1];
    if (last && last.start === undefined && sp.start === undefined && last.type === 'ORG' && sp.type !== 'PERSON' && opensWithOf(tokens, last)) {
      // `Ministry of [Labour] and [Social Welfare]`: a coordinated complement of `of` is the name's, unless it is an
      // organisation of its own (headed: `Ministry of Defence and [Foreign Ministry]`).
      const coordinated = sp.from === last.to + 1 && tokens[last.to].text === 'and' && !ORG_HEADS.has(key(tokens, sp.to - 1));
      if (coordinated || chainGap(tokens, last.to, sp.from)) {
        out[out.length - 1] = { from: last.from, to: sp.to, type: 'ORG' };
        continue;
      }
    }
    out.push({ ...sp });
  }
  return out;
}

/**
 * `Ministry of [Public Security]`: an organisation whose name the tagger started after `X of (the)`, X a capitalised
 * `of` head left untagged, starts at the head; not after a title word or at one (`Chief of the General Staff of ...`,
 * `Secretary-General of the United Nations` keep their organisation as it is).
 */
function headBefore(tokens: readonly Token[], last: TokenSpan | undefined, sp: TokenSpan): TokenSpan {
  if (sp.type !== 'ORG' || sp.start !== undefined) return sp;
  let h = sp.from - 1;
  if (h >= 1 && tokens[h].text === 'the') h--;
  if (h < 1 || tokens[h].text !== 'of') return sp;
  h--;
  if (last !== undefined && last.to > h) return sp;
  const head = tokens[h].text;
  if (!CAPITALISED_WORD.test(head) || !OF_HEADS.has(foldKey(head)) || isTitleWord(head)) return sp;
  // `Chief of the General Staff of [the Lao People's Army]`: a head inside a title is no organisation's.
  if (h > 0 && isTitleWord(tokens[h - 1].text)) return sp;
  return { from: h, to: sp.to, type: 'ORG' };
}

/** `Lao Government and Ministry of Defence` → `Lao Government`, `Ministry of Defence`. */
export function splitCoordinatedOrgs(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    if (sp.start !== undefined || sp.type !== 'ORG' || sp.to - sp.from < 3) {
      out.push(sp);
      continue;
    }
    let from = sp.from;
    for (let a = sp.from + 1; a < sp.to - 1; a++) {
      if (tokens[a].text !== 'and' || !ORG_HEADS.has(key(tokens, a - 1))) continue;
      if (!startsUpper(tokens[a + 1].text)) continue;
      // The right part must be headed itself: `Ministry of ...`, or a name ending in a head (`... Defence Ministry`).
      let b = sp.to;
      for (let c = a + 1; c < sp.to; c++) if (tokens[c].text === 'and' && c > a + 1) b = Math.min(b, c);
      const rightHeaded = ORG_HEADS.has(key(tokens, a + 1)) || ORG_HEADS.has(key(tokens, b - 1));
      if (!rightHeaded) continue;
      out.push({ from, to: a, type: 'ORG' });
      from = a + 1;
    }
    out.push(from === sp.from ? sp : { from, to: sp.to, type: 'ORG' });
  }
  return out;
}

const RUN_JOINERS = new Set(['of', 'the', "'s", '’s', '-', '–']);

/** End (exclusive) of the run of capitalised words from `i`, with inner `of`/`the`/possessives. */
function capitalRun(tokens: readonly Token[], i: number): number {
  let end = i;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j].text;
    if (isCapitalised(t)) end = j + 1;
    else if (!RUN_JOINERS.has(t.toLowerCase())) break;
  }
  return end;
}

/**
 * `14th National Congress of the Communist Party of Vietnam`, `7th ASEAN Summit`: an ordinal, a capitalised run
 * holding an event word that ends it or is followed by `of`, and at least one tagged name inside: one MISC name.
 */
export function numberedEvents(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = spans as TokenSpan[];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    if (c < 48 || c > 57 || !ORDINAL.test(tokens[i].text)) continue;
    const end = capitalRun(tokens, i + 1);
    if (end <= i + 1) continue;
    let head = -1;
    for (let h = i + 1; h < end; h++) {
      // `of` in any case: a headline in capitals has `11TH PLENUM OF THE …`.
      if (EVENT_HEADS.has(key(tokens, h)) && (h === end - 1 || key(tokens, h + 1) === 'of')) {
        head = h;
        break;
      }
    }
    if (head < 0) continue;
    const named = withNumberedEvent(out, i, end);
    if (named === undefined) continue;
    out = named;
    i = end - 1;
  }
  return out;
}

/**
 * The spans with the numbered event `[from, to)` made one MISC, or undefined when it holds no name, a span reaches out
 * of it or a hyphenated pair's place lies in it (apart from the loop: see `TokenSpan`).
 */
function withNumberedEvent(spans: TokenSpan[], from: number, to: number): TokenSpan[] | undefined {
  const inside = spans.filter((s) => s.from < to && s.to > from);
  if (inside.length === 0 || inside.some((s) => s.start !== undefined || s.from < from || s.to > to)) return undefined;
  return sorted([...spans.filter((s) => !inside.includes(s)), { from, to, type: 'MISC' }]);
}
