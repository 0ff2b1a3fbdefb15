/**
 * Word normalisation for lexical features: apostrophes unified, diacritics removed,
 * lower-cased, and a compact "word shape" that is robust to Unicode letters.
 */

const COMBINING = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHES = /[\u2019\u2018\u02bc\u0060\u00b4]/g;

/** Unify apostrophes and strip diacritics (`Lương` → `Luong`, `Việt` → `Viet`, `O’Brien` → `O'Brien`). */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word) || isInert(word)) return word;
  let folded = folds.get(word);
  if (folded === undefined) {
    folded = word
      .replace(APOSTROPHES, "'")
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    if (folds.size >= MAX_FOLDS) folds.clear();
    folds.set(word, folded);
  }
  return folded;
}

/**
 * Code units that folding leaves as they are in any word: 1 yes, 2 no (0: not asked yet). A unit is inert when it is no
 * surrogate (a pair may decompose), no apostrophe the fold unifies, no `đ`/`Đ`, no combining mark, its own canonical
 * decomposition, and a starter (a mark of the lowest class after it stays after it). A word of such units is its own
 * fold: a non-Latin word (Chinese, Thai without marks, random units) needs no normalisation.
 */
const inertUnits = new Uint8Array(0x10000);

/** Whether folding leaves the code unit `c` as it is in any word (see `inertUnits`). */
export function isInertUnit(c: number): boolean {
  let k = inertUnits[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const inert =
      (c < 0xd800 || c > 0xdfff) &&
      !APOSTROPHE_UNIT.test(ch) &&
      ch !== 'đ' &&
      ch !== 'Đ' &&
      !MARK_UNIT.test(ch) &&
      ch.normalize('NFD') === ch &&
      (ch + '\u0334').normalize('NFD') === ch + '\u0334';
    inertUnits[c] = k = inert ? 1 : 2;
  }
  return k === 1;
}
const APOSTROPHE_UNIT = /[\u2019\u2018\u02bc\u0060\u00b4]/;
const MARK_UNIT = /\p{M}/u;

function isInert(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isInertUnit(word.charCodeAt(i))) return false;
  return true;
}

/**
 * Folded forms of non-ASCII words already seen: a text repeats its words, and folding one takes four replacements and
 * a normalisation. A cache of a pure function (the same answer with or without it), emptied when it reaches its size.
 */
const folds = new Map<string, string>();
const MAX_FOLDS = 50_000;

export function isUpperChar(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLowerChar(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Case of each UTF-16 code unit, found once per unit: 1 upper, 2 lower, 3 neither (0: not asked yet). A pure cache:
 * `isUpperChar` and `isLowerChar` of a non-ASCII unit convert it to both cases each time, and a page of unique
 * non-Latin words asked that for every letter of every word twice (case class, then shape).
 */
const unitCases = new Uint8Array(0x10000);
export const UNIT_UPPER = 1;
export const UNIT_LOWER = 2;
export const UNIT_NEITHER = 3;

/** The case of the code unit `c` (see `unitCases`). */
export function caseOfUnit(c: number): number {
  let k = unitCases[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = isUpperChar(ch) ? UNIT_UPPER : isLowerChar(ch) ? UNIT_LOWER : UNIT_NEITHER;
    unitCases[c] = k;
  }
  return k;
}

export const enum CaseClass {
  Lower = 0,
  InitCap = 1,
  AllCaps = 2,
  Mixed = 3,
  Other = 4,
}

/** Casing class of a folded (ASCII-ish) word. */
export function caseClassOf(folded: string): CaseClass {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      if (lower === 0 && upper === 1 && i === firstLetterIndex(folded)) firstUpper = true;
    } else if (c >= 97 && c <= 122) lower++;
    else if (c > 127) {
      const k = caseOfUnit(c);
      if (k === UNIT_UPPER) upper++;
      else if (k === UNIT_LOWER) lower++;
    }
  }
  if (upper === 0 && lower === 0) return CaseClass.Other;
  if (upper === 0) return CaseClass.Lower;
  if (lower === 0) return CaseClass.AllCaps;
  if (firstUpper && upper === 1) return CaseClass.InitCap;
  return firstUpper ? CaseClass.Mixed : CaseClass.Mixed;
}

function firstLetterIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) return i;
  }
  return -1;
}

/**
 * `hashString(shapeOf(folded))` (hashing.ts, FNV-1a) without making the shape: every unique word (each number of a
 * table) made a string of up to 13 characters one character at a time.
 */
export function shapeHash(folded: string): number {
  let h = 0x811c9dc5;
  let length = 0;
  let last = -1;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88 /* X */;
    else if (c >= 97 && c <= 122) k = 120 /* x */;
    else if (c >= 48 && c <= 57) k = 100 /* d */;
    else if (c > 127 && caseOfUnit(c) === UNIT_UPPER) k = 88;
    else if (c > 127 && caseOfUnit(c) === UNIT_LOWER) k = 120;
    else k = c;
    if (k !== last || (k !== 88 && k !== 120 && k !== 100)) {
      h = Math.imul(h ^ k, 0x01000193);
      length++;
    }
    last = k;
    if (length > 12) break;
  }
  return h >>> 0;
}

/** Word shape with runs collapsed: `Vietnam` → `Xx`, `U.S.` → `X.X.`, `1996-08-22` → `d-d-d`, `T12-75` → `Xd-d`. */
export function shapeOf(folded: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    const c = folded.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c > 127 && caseOfUnit(c) === UNIT_UPPER) k = 'X';
    else if (c > 127 && caseOfUnit(c) === UNIT_LOWER) k = 'x';
    else k = ch;
    if (k !== last || (k !== 'X' && k !== 'x' && k !== 'd')) out += k;
    last = k;
    if (out.length > 12) break;
  }
  return out;
}
