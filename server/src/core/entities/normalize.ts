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
 *
 * Found for a block of `UNIT_BLOCK` units at a time, the block the unit asked is in (a page of random units meets tens
 * of thousands of units, and each took two normalisations and two regular expressions, and made five strings): see
 * `findInertUnits`.
 */
const inertUnits = new Uint8Array(0x10000);

/** Whether folding leaves the code unit `c` as it is in any word (see `inertUnits`). */
export function isInertUnit(c: number): boolean {
  if (inertUnits[c] === 0) findInertUnits(c - (c % UNIT_BLOCK));
  return inertUnits[c] === 1;
}

/** Code units whose case or foldings are found together (a power of two). */
const UNIT_BLOCK = 128;
/** COMBINING TILDE OVERLAY, a mark of canonical combining class 1: the lowest a mark has (a starter's is 0). */
const LOW_MARK = 0x0334;
/** The units of a block, and of a block with LOW_MARK after each. */
const blockUnits = new Uint16Array(2 * UNIT_BLOCK);

/**
 * Fills `inertUnits` for the block of units starting at `from`. The block is made one string with LOW_MARK after each
 * unit: when that string is its own canonical decomposition (NFD), no unit of the block has a decomposition (a unit that
 * has one is in no decomposition, its own or another's) and none is a mark of a higher class than LOW_MARK (NFD would
 * have moved it after LOW_MARK), which are the two conditions on normalisation, for every unit at once. A block that
 * is not is split in two, down to single units (a unit and LOW_MARK: the two conditions of that unit). Surrogates are
 * never inert; the other conditions are read unit by unit.
 */
function findInertUnits(from: number): void {
  if (from >= 0xd800 && from <= 0xdfff) {
    inertUnits.fill(2, from, from + UNIT_BLOCK);
    return;
  }
  markNormalUnits(from, from + UNIT_BLOCK);
  for (let c = from; c < from + UNIT_BLOCK; c++) if (inertUnits[c] === 1 && isFoldedAlone(c)) inertUnits[c] = 2;
}

/** An apostrophe the fold unifies (APOSTROPHES), `đ` or `Đ`, or a combining mark (COMBINING). */
function isFoldedAlone(c: number): boolean {
  return c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x60 || c === 0xb4 || c === 0x111 || c === 0x110 || MARK_UNIT.test(String.fromCharCode(c));
}
const MARK_UNIT = /\p{M}/u;

/** Sets `inertUnits` of the units `[from, to)` to 1 when normalisation leaves them and a low mark after them as they are, else 2. */
function markNormalUnits(from: number, to: number): void {
  const n = to - from;
  for (let i = 0; i < n; i++) {
    blockUnits[2 * i] = from + i;
    blockUnits[2 * i + 1] = LOW_MARK;
  }
  const units = String.fromCharCode.apply(null, blockUnits.subarray(0, 2 * n) as unknown as number[]);
  if (units.normalize('NFD') === units) inertUnits.fill(1, from, to);
  else if (n === 1) inertUnits[from] = 2;
  else {
    markNormalUnits(from, from + n / 2);
    markNormalUnits(from + n / 2, to);
  }
}

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
 * Case of each UTF-16 code unit: 1 upper, 2 lower, 3 neither (0: not asked yet), as `isUpperChar` and `isLowerChar`
 * say. A pure cache: those convert a unit to both cases each time, and a page of unique non-Latin words asked that for
 * every letter of every word twice (case class, then shape). Found for a block of `UNIT_BLOCK` units at a time, the
 * block the unit asked is in (see `findUnitCases`).
 */
const unitCases = new Uint8Array(0x10000);
export const UNIT_UPPER = 1;
export const UNIT_LOWER = 2;
export const UNIT_NEITHER = 3;

/** The case of the code unit `c` (see `unitCases`). */
export function caseOfUnit(c: number): number {
  let k = unitCases[c];
  if (k === 0) {
    findUnitCases(c - (c % UNIT_BLOCK), UNIT_BLOCK);
    k = unitCases[c];
  }
  return k;
}

/** The capital sigma, whose lower case depends on the letters around it (Unicode's Final_Sigma). */
const CAPITAL_SIGMA = 0x03a3;

/**
 * Fills `unitCases` for the `n` units from `from`: the units are made one string, converted to lower and upper case
 * once. Case conversions read no neighbour but the capital sigma's, and map each unit to one unit or more: when both
 * conversions keep the string's length, the unit at each place is the conversion of the unit there. Otherwise (a unit
 * that becomes two, `ß` → `SS`), or with the capital sigma, the block is split in two, down to single units.
 */
function findUnitCases(from: number, n: number): void {
  if (n === 1) {
    const ch = String.fromCharCode(from);
    unitCases[from] = isUpperChar(ch) ? UNIT_UPPER : isLowerChar(ch) ? UNIT_LOWER : UNIT_NEITHER;
    return;
  }
  for (let i = 0; i < n; i++) blockUnits[i] = from + i;
  const units = String.fromCharCode.apply(null, blockUnits.subarray(0, n) as unknown as number[]);
  const lower = units.toLowerCase();
  const upper = units.toUpperCase();
  if (lower.length !== n || upper.length !== n || (from <= CAPITAL_SIGMA && CAPITAL_SIGMA < from + n)) {
    findUnitCases(from, n / 2);
    findUnitCases(from + n / 2, n / 2);
    return;
  }
  for (let i = 0; i < n; i++) {
    const c = from + i;
    const lowered = lower.charCodeAt(i) !== c;
    const uppered = upper.charCodeAt(i) !== c;
    // Upper: lower case changes it and upper case does not; lower: the reverse.
    unitCases[c] = lowered && !uppered ? UNIT_UPPER : uppered && !lowered ? UNIT_LOWER : UNIT_NEITHER;
  }
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
