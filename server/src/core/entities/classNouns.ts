/**
 * The class a text gives a name, read from the words around it (the tagger sees two words each side, and an unknown
 * Lao or Vietnamese name is often read as a person):
 * - a lower-case noun of place right after the name (`the Nam Tha river`, `Tonpheung district`, `the Nậm Cắn
 *   international border gate`) makes it a place; a noun of event (`the Songkran holiday`, `the Golden Dragon
 *   exercise`, `Mekong Shield search and rescue exercise`) makes it MISC;
 * - a person's name right after a preposition only places take (`near Kỳ Sơn`) is a place (not `off`: a batter
 *   homers off a pitcher);
 * - `Ban` (village), `Ko`/`Koh` (island) and `Kampong` (town) before a capitalised word open a place name (`Ban
 *   Namdy`, `Ko Kut`, `Kampong Cham`).
 * A nationality (`Thai border gate`) and an organisation ending in its own head (`... Army`) keep their type.
 */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import * as initialCase from './initialCase';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const { isCapitalised } = initialCase;
const DEMONYM: number = gazetteer.Gaz.Demonym;
const ORG_HEAD: number = gazetteer.Gaz.OrgHead;
const PLACE: number = gazetteer.Gaz.Country | gazetteer.Gaz.City | gazetteer.Gaz.Province | gazetteer.Gaz.Region;

const PLACE_NOUNS = new Set([
  'river', 'province', 'district', 'commune', 'village', 'town', 'township', 'city', 'county', 'island', 'islands',
  'mountain', 'mountains', 'lake', 'bay', 'strait', 'peninsula', 'plateau', 'valley', 'gate', 'crossing',
  'checkpoint', 'port', 'stupa', 'temple', 'pagoda', 'bridge', 'dam', 'airport', 'reservoir', 'delta', 'basin',
]);
const EVENT_NOUNS = new Set([
  'exercise', 'exercises', 'drill', 'drills', 'festival', 'holiday', 'holidays', 'celebration', 'celebrations',
]);
/** Lower-case words that may stand between a name and its class noun (`international border gate`). */
const CLASS_MODIFIERS = new Set([
  'international', 'border', 'railway', 'main', 'old', 'joint', 'military', 'naval', 'annual', 'search', 'and',
  'rescue', 'live-fire', 'field', 'combined', 'bilateral', 'trilateral', 'multilateral', 'training', 'maritime',
  'air', 'new', 'year', 'water', 'lunar', 'traditional', 'national', 'counter-terrorism', 'humanitarian', 'mountainous',
]);
/** The most modifiers read between a name and its class noun. */
const MAX_MODIFIERS = 3;
/** Prepositions after which a name is a place. */
const PLACE_PREPOSITIONS = new Set(['near', 'towards', 'toward']);
/** Lao and Thai `Ban` (village), `Ko`/`Koh` (island), Khmer `Kampong` (landing, town). */
const PLACE_PREFIXES = new Set(['Ban', 'Ko', 'Koh', 'Kampong']);

/** The type the class noun after `tokens[to]` gives, if any. */
function classAfter(tokens: readonly Token[], to: number): EntityType | undefined {
  for (let i = to; i < tokens.length && i - to <= MAX_MODIFIERS; i++) {
    const t = tokens[i].text;
    if (PLACE_NOUNS.has(t)) return 'LOCATION';
    if (EVENT_NOUNS.has(t)) return 'MISC';
    if (!CLASS_MODIFIERS.has(t)) return undefined;
  }
  return undefined;
}

/**
 * Whether a span keeps its type before a class noun of `type`: a nationality, an organisation named by its own head,
 * an adjective tagged MISC before a place noun (`Arctic island`, `Transylvanian town`), a known place before an
 * event noun (`the Venice festival`).
 */
function keepsType(tokens: readonly Token[], sp: TokenSpan, type: EntityType): boolean {
  const one = sp.to - sp.from === 1 ? gazBitsOf(foldKey(tokens[sp.from].text)) : 0;
  if (one & DEMONYM) return true;
  if (type === 'LOCATION' && sp.type === 'MISC') return true;
  if (type === 'MISC' && (one & PLACE) !== 0) return true;
  return sp.type === 'ORG' && sp.to - sp.from > 1 && (gazBitsOf(foldKey(tokens[sp.to - 1].text)) & ORG_HEAD) !== 0;
}

/** Retypes one sentence's spans by the class words around them, and adds `Ban X` and `Ko X` places. */
export function typeByClassNouns(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined) continue;
    let type = classAfter(tokens, sp.to);
    if (type === undefined && sp.type === 'PERSON' && sp.from > 0 && PLACE_PREPOSITIONS.has(tokens[sp.from - 1].text)) type = 'LOCATION';
    if (type === undefined && PLACE_PREFIXES.has(tokens[sp.from].text) && sp.to - sp.from > 1 && !tokens[sp.from + 1].text.includes('-')) type = 'LOCATION';
    if (type !== undefined && type !== sp.type && !keepsType(tokens, sp, type)) (out ??= [...spans])[k] = { from: sp.from, to: sp.to, type };
  }
  let list = out ?? (spans as TokenSpan[]);
  // `Ban Namdy` untagged, or tagged from its second word.
  for (let i = 0; i + 1 < tokens.length; i++) {
    // `Ban Ki-moon`: a hyphenated given name is a Korean person's.
    const c = tokens[i].text.charCodeAt(0);
    if ((c !== 66 && c !== 75) || !PLACE_PREFIXES.has(tokens[i].text) || !isCapitalised(tokens[i + 1].text) || tokens[i + 1].text.includes('-')) continue;
    list = withPrefixedPlace(list, i) ?? list;
  }
  return list;
}

/**
 * The spans with the place whose prefix is token `i` made one LOCATION, or undefined when they are left as they are
 * (apart from the loop: see `TokenSpan`).
 */
function withPrefixedPlace(spans: TokenSpan[], i: number): TokenSpan[] | undefined {
  const touching = spans.filter((x) => x.from <= i + 1 && x.to > i);
  if (touching.length > 1 || touching.some((x) => x.start !== undefined || x.from < i)) return undefined;
  const to = touching.length ? Math.max(touching[0].to, i + 2) : i + 2;
  return [...spans.filter((x) => !touching.includes(x)), { from: i, to, type: 'LOCATION' as const }].sort((a, b) => a.from - b.from);
}
