/**
 * Numbered designations: `Military Region 4`, `Military Hospital 103`, `Route 13 North`. A unit, facility or road is
 * often named by a head word and a number; the tagger, which reads numbers as no part of a name, stops before it.
 * - A name ending in such a head, followed by a number (`4`, `103`, `12A`, `II`), takes the number in.
 * - A capitalised road word (`Route`, `Highway`, `National Road`) followed by a number is a place even when the
 *   tagger left it out, with a compass word after it (`Route 13 North`); a military unit's (`Division 968`,
 *   `Brigade 70`) an organisation.
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;

/** Heads named with a number after them. */
const NUMBERED_HEADS = new Set([
  'region', 'zone', 'hospital', 'division', 'corps', 'brigade', 'regiment', 'battalion', 'fleet', 'squadron', 'wing',
  'unit', 'group', 'sector', 'station', 'camp', 'base', 'route', 'highway', 'road', 'ward', 'precinct', 'terminal',
  'line', 'gate', 'checkpoint', 'post', 'company', 'army', 'district',
]);
/** Road words that name a road with a number even untagged. */
const ROAD_WORDS = new Set(['Route', 'Highway', 'Road', 'ROUTE', 'HIGHWAY', 'ROAD']);
/** Military units named by a number even untagged (`Division 968`, `Brigade 70`): organisations. */
const UNIT_WORDS = new Set(['Division', 'Brigade', 'Regiment', 'Battalion', 'Corps', 'Squadron', 'Fleet']);
const COMPASS = new Set(['North', 'South', 'East', 'West', 'NORTH', 'SOUTH', 'EAST', 'WEST']);
/** A designation number: digits with an optional letter (`12A`), or a Roman numeral of two letters or more. */
const DESIGNATION = /^(?:\d{1,4}[A-Z]?|[IVX]{2,5})$/;

function numberAt(tokens: readonly Token[], i: number): boolean {
  if (i >= tokens.length) return false;
  // A digit, or I, V or X: a look at the first letter rules out most words before the pattern.
  const c = tokens[i].text.charCodeAt(0);
  return ((c >= 48 && c <= 57) || c === 73 || c === 86 || c === 88) && DESIGNATION.test(tokens[i].text);
}

/** Applies both rules to one sentence's sorted spans. */
export function numberedNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined || sp.type === 'PERSON' || !numberAt(tokens, sp.to)) continue;
    if (!NUMBERED_HEADS.has(foldKey(tokens[sp.to - 1].text))) continue;
    const next = spans[k + 1];
    if (next !== undefined && next.from <= sp.to) continue;
    (out ??= [...spans])[k] = { from: sp.from, to: sp.to + 1, type: sp.type };
  }
  let list = out ?? (spans as TokenSpan[]);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    if (c < 66 || c > 82 || !numberAt(tokens, i + 1)) continue;
    const road = ROAD_WORDS.has(tokens[i].text);
    if (!road && !UNIT_WORDS.has(tokens[i].text)) continue;
    let from = i;
    if (road && i > 0 && (tokens[i - 1].text === 'National' || tokens[i - 1].text === 'NATIONAL')) from--;
    let to = i + 2;
    if (road && to < tokens.length && COMPASS.has(tokens[to].text)) to++;
    // A unit's number only: `Division 1` of a league table goes on with a team's name or a score, not a lower-case word.
    if (!road && to < tokens.length && !/^[\p{Ll}.,;:]/u.test(tokens[to].text)) continue;
    list = withNumberedName(list, from, to, road) ?? list;
  }
  return list;
}

/**
 * The spans with the numbered road or unit `[from, to)` made one name, or undefined when a span reaches out of it or
 * a hyphenated pair's place lies in it (apart from the loop: see `TokenSpan`).
 */
function withNumberedName(spans: TokenSpan[], from: number, to: number, road: boolean): TokenSpan[] | undefined {
  const touching = spans.filter((x) => x.from < to && x.to > from);
  if (touching.some((x) => x.start !== undefined || x.from < from || x.to > to)) return undefined;
  return [...spans.filter((x) => !touching.includes(x)), { from, to, type: road ? ('LOCATION' as const) : ('ORG' as const) }].sort((a, b) => a.from - b.from);
}
