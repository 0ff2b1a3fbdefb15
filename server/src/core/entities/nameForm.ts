/**
 * The comparable form of one mention: its surface with a leading article, leading titles (for people) and a
 * possessive removed, and the folded tokens and phonetic keys of what is left.
 */
import type { EntityType } from '../types';
import { countryOfKey } from './countryWords';
import { compactOfKeys, nameTokens, tokenKey } from './nameKey';

export interface NameForm {
  /** The cleaned surface, as written (case and diacritics kept): `Lt Gen Vilay` → `Vilay`, `Laos’` → `Laos`. */
  readonly display: string;
  /** Title words removed from the front, as written (`Lt Gen`), if any. */
  readonly strippedTitle?: string;
  /** Folded tokens of `display`. */
  readonly tokens: readonly string[];
  /** Phonetic key per token. */
  readonly keys: readonly string[];
  /** Keys joined by spaces: equal for spellings that differ only in case, diacritics and transliteration. */
  readonly key: string;
  /** Phonetic key of all tokens joined without spaces: `Việt Nam` and `Vietnam` share it. */
  readonly compact: string;
}

/**
 * Words that, at the front of a person's name, are a title, rank or office rather than part of the name.
 * Generic English honorifics, ranks and offices, compared folded and without a trailing dot.
 */
const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'madame', 'lord', 'lady',
  'gen', 'general', 'lt', 'lieut', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'cpt', 'sen',
  'senior', 'snr', 'adm', 'admiral', 'brig', 'brigadier', 'cmdr', 'commander', 'sgt', 'sergeant', 'cpl', 'pvt',
  'marshal', 'field', 'rear', 'vice', 'deputy', 'acting', 'former', 'late', 'pres', 'president', 'pm', 'premier',
  'prime', 'minister', 'senator', 'rep', 'gov', 'governor', 'chairman', 'chairwoman', 'chair', 'secretary',
  'ambassador', 'king', 'queen', 'prince', 'princess', 'excellency', 'his', 'her', 'state', 'chief', 'mayor',
  'judge', 'justice', 'rev', 'reverend', 'sheikh', 'comrade',
]);
/** Leading articles dropped from any name. */
const ARTICLES = new Set(['the']);

const EDGE_JUNK = /^[\s"“”'‘’(\[«]+|[\s"“”(\[\]),;:!?»]+$/gu;
const POSSESSIVE = /(?:['’\u02bc]s|(?<=s)['’\u02bc])$/u;
const SENTENCE_DOT = /(\p{Ll}{2,})\.$/u;

/**
 * `country`: for an organisation, the country written before it as a possessive (`Laos’ Ministry of …`). An
 * organisation's name that opens with a country or its adjective (`Lao Ministry of …`, `Laos Ministry of …`) is
 * compared with that country's one key in front, so that the possessive, adjectival and plain forms are one name.
 */
export function nameFormOf(text: string, type: EntityType, country?: string): NameForm {
  let s = text.replace(EDGE_JUNK, '').replace(POSSESSIVE, '').replace(SENTENCE_DOT, '$1');
  const words = s.split(/\s+/).filter((w) => w.length > 0);
  let drop = 0;
  let titleStart = -1;
  // Never drop the last word: a name that is all title words (`the President`) stays as written.
  while (drop < words.length - 1) {
    const w = nameTokens(words[drop]).join('');
    if (titleStart < 0 && ARTICLES.has(w)) drop++;
    else if (type === 'PERSON' && TITLE_WORDS.has(w)) {
      if (titleStart < 0) titleStart = drop;
      drop++;
    } else break;
  }
  const strippedTitle = titleStart >= 0 ? words.slice(titleStart, drop).join(' ') : undefined;
  if (drop > 0) s = words.slice(drop).join(' ');
  // A copy of its own length: the tokens are pushed one by one, and a pushed array keeps room for 16 more (a corpus's
  // forms are held while it is clustered: 7.6 MB of that room at 10,000 articles).
  const tokens = (type === 'ORG' ? withOwnerCountry(nameTokens(s), country) : nameTokens(s)).slice();
  const keys = tokens.map(tokenKey);
  return {
    display: s,
    strippedTitle,
    tokens,
    keys,
    key: keys.join(' '),
    compact: compactOfKeys(keys),
  };
}

/** `lao ministry of …` and `ministry of …` with the possessive `Laos’` before it both become `laos ministry of …`. */
function withOwnerCountry(tokens: string[], country: string | undefined): string[] {
  if (tokens.length >= 2) {
    for (const n of [2, 1]) {
      if (tokens.length <= n) continue;
      const owner = countryOfKey(tokens.slice(0, n).join(' '));
      if (owner) return [owner, ...tokens.slice(n)];
    }
  }
  const owner = country ? countryOfKey(nameTokens(country).join(' ')) : undefined;
  return owner ? [owner, ...tokens] : tokens;
}
