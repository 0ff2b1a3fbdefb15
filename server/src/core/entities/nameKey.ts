/**
 * Name folding and keys for alias clustering: diacritic folding, tokenising, a transliteration-tolerant
 * phonetic key per token, and a bounded fuzzy comparison of token keys.
 *
 * The phonetic key rewrites spellings that romanisations of Lao, Thai, Khmer and Vietnamese names (and English
 * spellings generally) use interchangeably, so that variants get equal keys:
 *   ph→f, w→v, x→s (Lao "X" is /s/), y→i, ou/oo→u, ee→i, ie→ia, doubled letters collapsed, final th→t, a final e dropped
 *   on long tokens.
 * Keys are only compared with keys; they are never shown.
 */

const COMBINING = /\p{M}+/gu;
const APOSTROPHES = /[\u2019\u2018\u02bc\u0060\u00b4]/g;
/** Words; an apostrophe inside a word joins it (`O’Brien` → `obrien`). */
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Diacritics removed, apostrophes unified, lower-cased: `Việt Nam` → `viet nam`, `Lương` → `luong`. */
export function foldName(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase();
}

/** Folded word tokens of a name (letters and digits; punctuation and hyphens split). */
export function nameTokens(text: string): string[] {
  if (ASCII.test(text)) return asciiNameTokens(text);
  const words = foldName(text).match(TOKEN) ?? [];
  return words.map((w) => (w.includes("'") ? w.replace(/'/g, '') : w));
}

/**
 * `nameTokens` of an ASCII name, read character by character: what `TOKEN` matches there (runs of letters and
 * digits, joined by an apostrophe between two of them), lower-cased, the apostrophes left out. Most names of an
 * English corpus are ASCII, and clustering folds every written form of every name.
 */
function asciiNameTokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isAsciiWordCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let word = '';
    let from = i;
    for (;;) {
      while (i < n && isAsciiWordCode(text.charCodeAt(i))) i++;
      // An apostrophe between two word characters joins them; the apostrophe itself is dropped.
      if (i + 1 < n && text.charCodeAt(i) === 39 && isAsciiWordCode(text.charCodeAt(i + 1))) {
        word += text.slice(from, i);
        from = ++i;
        continue;
      }
      break;
    }
    out.push((word + text.slice(from, i)).toLowerCase());
  }
  return out;
}

/** An ASCII letter or digit (`[\p{L}\p{N}]` within ASCII). */
function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

const KEY_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/x/g, 's'],
  [/y/g, 'i'],
  [/ou|oo/g, 'u'],
  [/ee/g, 'i'],
  [/ie/g, 'ia'],
  [/(.)\1+/g, '$1'],
  [/th$/, 't'],
];

/** Transliteration-tolerant key of one folded token: `khamlieng`/`khamliang` → `khamliang`, `lakhamphong` → `lakhamfong`. */
export function tokenKey(token: string): string {
  if (/^\d+$/.test(token)) return token;
  let k = keyOfToken.get(token);
  if (k !== undefined) return k;
  k = token;
  for (const [re, to] of KEY_RULES) k = k.replace(re, to);
  if (k.length >= 6 && k.endsWith('e')) k = k.slice(0, -1);
  // Names repeat their words (and a corpus its names): each word's key is made once, in a bounded memo.
  if (keyOfToken.size >= KEY_MEMO_SIZE) keyOfToken.clear();
  keyOfToken.set(token, k);
  return k;
}

/** The keys made (`tokenKey` is a pure function of its token): cleared when full, so it never grows past this. */
const KEY_MEMO_SIZE = 50_000;
const keyOfToken = new Map<string, string>();

/** Key of a whole name with its spaces and hyphens removed: `Việt Nam`, `Vietnam` and `Viet-Nam` share it. */
export function compactKey(tokens: readonly string[]): string {
  return compactOfKeys(tokens.map(tokenKey));
}

/** `compactKey` of the tokens whose keys (`tokenKey`) are `keys`. */
export function compactOfKeys(keys: readonly string[]): string {
  return keys.join('').replace(/(.)\1+/g, '$1');
}

/** Shortest key length at which one edit is tolerated, and at which two are. */
export const FUZZY_MIN_LENGTH = 6;
export const FUZZY_TWO_EDITS_LENGTH = 12;
/**
 * Longest key compared by spelling (edit distance, one-deletion variants); longer ones match only when equal. Name
 * tokens are far shorter; a 10,000-letter "word" would otherwise cost the square of its length for each comparison.
 */
export const FUZZY_MAX_LENGTH = 40;

/** Edits tolerated between two token keys of these lengths (by the shorter one). */
export function allowedEdits(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return n >= FUZZY_TWO_EDITS_LENGTH ? 2 : n >= FUZZY_MIN_LENGTH ? 1 : 0;
}

/**
 * Whether two token keys are spellings of one name: equal, or within the allowed edits with the same first letter,
 * and neither a prefix of the other (a suffix added is a different word: `vietnam`/`vietnamese`, `cambodia`/`cambodian`).
 */
export function tokenKeysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const max = allowedEdits(a, b);
  if (max === 0 || a[0] !== b[0] || a.length > FUZZY_MAX_LENGTH || b.length > FUZZY_MAX_LENGTH) return false;
  if (a.startsWith(b) || b.startsWith(a)) return false;
  return boundedEditDistance(a, b, max) <= max;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or max+1 once it exceeds max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows, reused from call to call (clustering compares thousands of keys).
  if (editRows[0].length < n + 1) editRows = [new Int32Array(2 * (n + 1)), new Int32Array(2 * (n + 1)), new Int32Array(2 * (n + 1))];
  let prev2 = editRows[0];
  let prev = editRows[1];
  let cur = editRows[2];
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}
let editRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Blocking keys for fuzzy search: the key itself and, for keys long enough to be fuzzy-matched, every key with one
 * letter deleted. Two keys within one edit share a variant; the caller verifies candidates with `tokenKeysMatch`.
 * (Two-edit matches of very long keys are found when they also share a one-deletion variant, e.g. one substitution
 * plus an equal-letter shift; others are missed by design.)
 */
export function deletionVariants(key: string): string[] {
  if (key.length < FUZZY_MIN_LENGTH || key.length > FUZZY_MAX_LENGTH) return [key];
  const out = new Set<string>([key]);
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/** Powers of the variant hash's base, 31^k mod 2^32, for keys up to FUZZY_MAX_LENGTH. */
const POWERS = (() => {
  const out = new Int32Array(FUZZY_MAX_LENGTH + 1);
  out[0] = 1;
  for (let k = 1; k < out.length; k++) out[k] = Math.imul(out[k - 1], 31);
  return out;
})();
const prefixHashes = new Int32Array(FUZZY_MAX_LENGTH + 1);
const suffixHashes = new Int32Array(FUZZY_MAX_LENGTH + 2);

/** 30 bits of a 32-bit polynomial hash, mixed (small integers stay small integers, the fast kind of Map key). */
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/**
 * `deletionVariants` as numbers: a hash of the key and of each distinct variant, written into `out` from 0; returns
 * how many. No string is made. Equal strings hash equally, so keys that share a variant share a hash; a hash shared
 * by chance only adds a candidate, which the caller's `tokenKeysMatch` then rejects.
 */
export function deletionVariantHashes(key: string, out: number[]): number {
  const n = key.length;
  let h = 0;
  if (n < FUZZY_MIN_LENGTH || n > FUZZY_MAX_LENGTH) {
    for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    out[0] = finish(h);
    return 1;
  }
  // Polynomial hashes of every prefix and suffix: the key without letter i is prefix(i) · 31^(n−i−1) + suffix(i+1).
  prefixHashes[0] = 0;
  for (let i = 0; i < n; i++) prefixHashes[i + 1] = (Math.imul(prefixHashes[i], 31) + key.charCodeAt(i)) | 0;
  suffixHashes[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffixHashes[i] = (Math.imul(key.charCodeAt(i), POWERS[n - 1 - i]) + suffixHashes[i + 1]) | 0;
  out[0] = finish(prefixHashes[n]);
  let count = 1;
  for (let i = 0; i < n; i++) {
    // Deleting any letter of a run of one letter gives one variant: the first of the run stands for it.
    if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
    out[count++] = finish((Math.imul(prefixHashes[i], POWERS[n - 1 - i]) + suffixHashes[i + 1]) | 0);
  }
  return count;
}
/** Lower-case ASCII slug of a name: `Việt Nam` → `viet-nam`, `Khamliang Outhakaysone` → `khamliang-outhakaysone`. */
export function slugify(text: string): string {
  const s = nameTokens(text).join('-');
  return s || 'entity';
}

/** Whether the text has letters outside ASCII (diacritics): used to prefer `Lương Cường` over `Luong Cuong` on ties. */
export function hasDiacritics(text: string): boolean {
  return /[^\x00-\x7f]/.test(text.normalize('NFD').replace(/[\u2018\u2019\u201c\u201d\u2013\u2014]/g, ''));
}
