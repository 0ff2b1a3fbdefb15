/**
 * An organisation written after a country's possessive (`Laos’ Ministry of Public Security`, `Vietnam's Ministry of
 * Defence`) is that country's: the country is kept on the mention, so that clustering compares it with the
 * adjectival form (`Lao Ministry of Public Security`). The spans stay as they are (the country is its own mention).
 */
import type { RecognizedEntity } from '../types';
import { countryOfKey } from './countryWords';
import { nameTokens } from './nameKey';

const POSSESSIVE_GAP = /^['’\u02bc]s?\s+$/u;

export function markOwnerCountries(text: string, entities: RecognizedEntity[]): RecognizedEntity[] {
  for (let i = 1; i < entities.length; i++) {
    const e = entities[i];
    const p = entities[i - 1];
    if (e.type !== 'ORG' || p.type !== 'LOCATION' || p.end >= e.start || e.start - p.end > 4) continue;
    if (!POSSESSIVE_GAP.test(text.slice(p.end, e.start))) continue;
    if (!countryOfKey(nameTokens(p.text).join(' '))) continue;
    entities[i] = { ...e, country: p.text };
  }
  return entities;
}
