/**
 * Whether a word starts with a capital: its first code point is an upper-case letter (`\p{Lu}`), or, for
 * `isCapitalised`, a digit too (`\p{N}`: `12th National Congress`); `startsLower`: with a lower-case letter (`\p{Ll}`).
 * The span rules ask this of every word of every sentence; the answer for a first code unit outside surrogates is
 * found once (a table), not by a Unicode regular expression each time.
 */
const UPPER = /^\p{Lu}/u;
const UPPER_OR_NUMBER = /^[\p{Lu}\p{N}]/u;
const LOWER = /^\p{Ll}/u;

/** Per code unit: 0 not asked yet, else 1 + (2 if upper) + (4 if a number) + (8 if lower). */
const units = new Uint8Array(0x10000);

function unitFacts(c: number): number {
  let k = units[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 1 | (UPPER.test(ch) ? 2 : 0) | (UPPER_OR_NUMBER.test(ch) && !UPPER.test(ch) ? 4 : 0) | (LOWER.test(ch) ? 8 : 0);
    units[c] = k;
  }
  return k;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** `/^\p{Lu}/u.test(text)`. */
export function startsUpper(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (isSurrogate(c)) return UPPER.test(text);
  return (unitFacts(c) & 2) !== 0;
}

/** `/^[\p{Lu}\p{N}]/u.test(text)`. */
export function isCapitalised(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (isSurrogate(c)) return UPPER_OR_NUMBER.test(text);
  return (unitFacts(c) & 6) !== 0;
}

/** `/^\p{Ll}/u.test(text)`. */
export function startsLower(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  if (isSurrogate(c)) return LOWER.test(text);
  return (unitFacts(c) & 8) !== 0;
}
