/**
 * Gazetteer lookup: marks tokens covered by known names (longest match first) with category bits.
 * Matching is on folded, lower-cased tokens; casing is left to the model's features.
 */
import { foldWord } from '../normalize';
import { tokenize } from '../tokenize';
import { CITIES } from './cities';
import { COUNTRIES, REGIONS } from './countries';
import { DEMONYMS } from './demonyms';
import { ORG_HEADS, ORG_NAMES, PERSON_NAME_PARTS } from './organisations';
import { PROVINCES } from './provinces';
import { HEAD_TITLES, TITLE_MODIFIERS, TITLE_WORDS } from './titles';

export const enum Gaz {
  Country = 1,
  City = 2,
  Province = 4,
  Region = 8,
  Demonym = 16,
  OrgName = 32,
  OrgHead = 64,
  NamePart = 128,
  Title = 256,
  HeadTitle = 512,
  TitleModifier = 1024,
}
export const GAZ_BITS = 11;

interface Table {
  readonly phrases: Map<string, number>;
  readonly maxLen: Map<string, number>;
}

let table: Table | undefined;

function keyOf(words: readonly string[]): string {
  return words.join(' ');
}

/**
 * Keys of the words already seen: the span rules ask for the key of one token many times (title, role, place and
 * organisation tests), and a key is a fold, a lower-casing and a trim. A cache of a pure function, emptied when full;
 * words longer than any name are not kept (a page of 10,000-letter words must not fill it with copies).
 *
 * Looked up in the map at once: the recogniser's tokens are its word table's strings, whose hash V8 keeps with the
 * string, so a look-up hashes nothing. A table of the last keys in front of the map, found by hashing the token's code
 * units, cost more than it saved: without it, the analysis of 3,167 texts (seeds, CoNLL-2003 train and valid, 2,000
 * generated articles; each once, by a fresh recogniser; min of five runs, six alternated pairs) took 3,944 ms of
 * processor time on average against 4,208 ms.
 */
const foldKeys = new Map<string, string>();
const MAX_FOLD_KEYS = 100_000;
const MAX_KEPT_LENGTH = 64;

export function foldKey(token: string): string {
  if (isOwnKey(token)) return token;
  if (token.length > MAX_KEPT_LENGTH) return keyOfToken(token);
  let key = foldKeys.get(token);
  if (key === undefined) {
    key = keyOfToken(token);
    if (foldKeys.size >= MAX_FOLD_KEYS) foldKeys.clear();
    foldKeys.set(token, key);
  }
  return key;
}

/**
 * Whether a token is its own key: ASCII without capitals (nothing to fold or lower-case) and no trailing dot. Most
 * tokens are (lower-case words, numbers, punctuation), and looking them up cost more than this scan; a page of unique
 * numbers filled the cache with them.
 */
function isOwnKey(token: string): boolean {
  const n = token.length;
  if (n === 0 || n > MAX_KEPT_LENGTH || token.charCodeAt(n - 1) === 46 /* . */) return false;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

function keyOfToken(token: string): string {
  const lower = foldWord(token).toLowerCase();
  return lower.charCodeAt(lower.length - 1) === 46 /* . */ ? lower.slice(0, -1) : lower;
}

function build(): Table {
  const phrases = new Map<string, number>();
  const maxLen = new Map<string, number>();
  const add = (list: readonly string[], bit: number): void => {
    for (const entry of list) {
      const words = tokenize(entry).map((t) => foldKey(t.text));
      if (words.length === 0) continue;
      const k = keyOf(words);
      phrases.set(k, (phrases.get(k) ?? 0) | bit);
      maxLen.set(words[0], Math.max(maxLen.get(words[0]) ?? 0, words.length));
    }
  };
  add(COUNTRIES, Gaz.Country);
  add(CITIES, Gaz.City);
  add(PROVINCES, Gaz.Province);
  add(REGIONS, Gaz.Region);
  add(DEMONYMS, Gaz.Demonym);
  add(ORG_NAMES, Gaz.OrgName);
  add(ORG_HEADS, Gaz.OrgHead);
  add(PERSON_NAME_PARTS, Gaz.NamePart);
  add(TITLE_WORDS, Gaz.Title);
  add(HEAD_TITLES, Gaz.HeadTitle);
  add(TITLE_MODIFIERS, Gaz.TitleModifier);
  return { phrases, maxLen };
}

function getTable(): Table {
  return (table ??= build());
}

/** Length of the longest gazetteer phrase starting with this folded key (0 if none). */
export function gazStartLength(key: string): number {
  return getTable().maxLen.get(key) ?? 0;
}

/** Category bits of a single folded key (e.g. `foldKey('Gen.')`). */
export function gazBitsOf(key: string): number {
  return getTable().phrases.get(key) ?? 0;
}

/**
 * For each token: category bits of the longest phrase covering it, and whether it begins that phrase.
 * `keys` are `foldKey` forms. Returns bits in the low 16 bits and 1<<16 when the token starts a phrase.
 */
export function matchGazetteer(keys: readonly string[], starts?: readonly number[]): Int32Array {
  const { phrases, maxLen } = getTable();
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const longest = starts ? starts[i] : maxLen.get(keys[i]);
    if (!longest) continue;
    for (let n = Math.min(longest, keys.length - i); n >= 1; n--) {
      const bits = phrases.get(n === 1 ? keys[i] : keyOf(keys.slice(i, i + n)));
      if (bits === undefined) continue;
      out[i] |= bits | 0x10000;
      for (let j = i + 1; j < i + n; j++) out[j] |= bits;
      break;
    }
  }
  return out;
}
