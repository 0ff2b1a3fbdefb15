/**
 * Coordinated places: in `Abyei and Bentiu` (or `Abyei, Bentiu and Malakal`) a lone unknown word the tagger typed
 * as an organisation, coordinated by `and`/`or` with a place below country level, is a place too.
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

/** A regular expression compiled once. */
const PLAIN_CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

const { foldKey, gazBitsOf } = gazetteer;
const ORGISH: number = Gaz.OrgName | Gaz.OrgHead;
const LINKS = new Set(['and', 'or']);
const COUNTRY: number = Gaz.Country;

function isPlainName(text: string): boolean {
  return PLAIN_CAPITALISED.test(text) && (gazBitsOf(foldKey(text)) & ORGISH) === 0;
}

/** A place below country level (`Abyei`): a country beside an unknown word too often pairs with a party or club. */
function isLocalPlace(tokens: readonly Token[], sp: TokenSpan | undefined): boolean {
  if (!sp || sp.type !== 'LOCATION' || sp.start !== undefined) return false;
  for (let i = sp.from; i < sp.to; i++) if (gazBitsOf(foldKey(tokens[i].text)) & COUNTRY) return false;
  return true;
}

export function placesInLists(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  return spans.map((sp, k) => {
    if (sp.type !== 'ORG' || sp.start !== undefined || sp.to - sp.from !== 1 || !isPlainName(tokens[sp.from].text)) return sp;
    const prev = spans[k - 1];
    const next = spans[k + 1];
    const linkedBefore = isLocalPlace(tokens, prev) && prev.to === sp.from - 1 && LINKS.has(tokens[sp.from - 1].text);
    const linkedAfter = isLocalPlace(tokens, next) && next.from === sp.to + 1 && LINKS.has(tokens[sp.to].text);
    return linkedBefore || linkedAfter ? { ...sp, type: 'LOCATION' } : sp;
  });
}
