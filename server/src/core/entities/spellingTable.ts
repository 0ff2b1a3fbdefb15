/**
 * Distinct spellings of names, each read once and numbered, with what telling look-alikes (lookAlikes.ts) compares of
 * them as numbers: its compact key, its word keys, itself as an acronym, its initials, and its blocking keys. Equal
 * strings get equal numbers (`ids`). Blocking keys are 30-bit hashes: two keys that share one by chance only make a
 * candidate that verification rejects, or a list seem longer than it is.
 */
import { StringIds } from '../collections/stringIds';
import { hashString, mix3 } from './hashing';
import { compactKey, deletionVariantHashes, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH, nameTokens, tokenKey, tokenKeysMatch } from './nameKey';

const HASH30 = 0x3fffffff;

export class SpellingTable {
  readonly ids = new StringIds();
  private readonly numbers = new Map<string, number>();
  readonly compact: number[] = [];
  /** Its word keys are `keys` from `keysAt[id]` to `keysAt[id + 1]`. */
  private readonly keysAt: number[] = [0];
  private readonly keys: number[] = [];
  /**
   * By number of a word key: its first code unit when `tokenKeysMatch` may match it with another key (as long as
   * FUZZY_MIN_LENGTH to FUZZY_MAX_LENGTH), else -1. Two keys that differ can only match when both have the same here.
   */
  private readonly fuzzy: number[] = [];
  /** Its own number when it is an acronym, else -1. */
  private readonly asAcronym: number[] = [];
  /** The number of its initials, or -1. */
  readonly acronym: number[] = [];
  /** What `blocksOf` gives: made again at each call rather than held for every spelling (a tenth of an index's memory). */
  private readonly blocks: number[] = [];

  /** Spellings held. */
  get size(): number {
    return this.compact.length;
  }

  /** The number of `spelling`, added when new. */
  of(spelling: string): number {
    let id = this.numbers.get(spelling);
    if (id !== undefined) return id;
    id = this.compact.length;
    this.numbers.set(spelling, id);
    const tokens = nameTokens(spelling);
    this.compact.push(this.ids.of(tokens.length ? compactKey(tokens) : ''));
    for (const token of tokens) {
      const k = tokenKey(token);
      const key = this.ids.of(k);
      this.keys.push(key);
      while (this.fuzzy.length <= key) this.fuzzy.push(-1);
      if (k.length >= FUZZY_MIN_LENGTH && k.length <= FUZZY_MAX_LENGTH) this.fuzzy[key] = k.charCodeAt(0);
    }
    this.keysAt.push(this.keys.length);
    this.asAcronym.push(isAcronym(spelling) ? this.ids.of(spelling) : -1);
    const initials = acronymOf(spelling);
    this.acronym.push(initials !== undefined ? this.ids.of(initials) : -1);
    return id;
  }

  /**
   * Its blocking keys: the one-deletion variants of a one-word name (`deletionVariantHashes`), else each word in its
   * place of a name as long. Two one-word spellings one edit apart share one; names of several words share one when a
   * word is the same in the same place (names whose every word differs are not looked for). The list given is the
   * table's own, valid until the next call.
   */
  blocksOf(id: number): readonly number[] {
    const from = this.keysAt[id];
    const count = this.keysAt[id + 1] - from;
    const blocks = this.blocks;
    if (count === 1) blocks.length = deletionVariantHashes(this.ids.texts[this.keys[from]], blocks);
    else {
      blocks.length = count;
      for (let p = 0; p < count; p++) blocks[p] = mix3(hashString(this.ids.texts[this.keys[from + p]]), count, p) & HASH30;
    }
    return blocks;
  }

  wordCount(id: number): number {
    return this.keysAt[id + 1] - this.keysAt[id];
  }

  hasWords(id: number): boolean {
    return this.wordCount(id) > 0;
  }

  /**
   * Whether a spelling of `a` and one of `b` (numbers of this table) name alike: the same words (compact key), or, when
   * `sameType`, word keys that match one for one (`tokenKeysMatch`) or one the other's acronym.
   */
  anyAlike(a: readonly number[], b: readonly number[], sameType: boolean): boolean {
    for (const x of a) {
      for (const y of b) {
        if (this.compact[x] === this.compact[y]) return true;
        if (!sameType) continue;
        if (this.wordCount(x) === this.wordCount(y) && this.keysMatch(x, y)) return true;
        if (this.asAcronym[x] >= 0 && this.acronym[y] === this.asAcronym[x]) return true;
        if (this.asAcronym[y] >= 0 && this.acronym[x] === this.asAcronym[y]) return true;
      }
    }
    return false;
  }

  /** Whether every word key of `x` matches the one in its place in `y` (`tokenKeysMatch`), both as many. */
  private keysMatch(x: number, y: number): boolean {
    const xAt = this.keysAt[x];
    const yAt = this.keysAt[y];
    const count = this.keysAt[x + 1] - xAt;
    for (let p = 0; p < count; p++) {
      const a = this.keys[xAt + p];
      const b = this.keys[yAt + p];
      if (a === b) continue;
      const first = this.fuzzy[a];
      if (first < 0 || first !== this.fuzzy[b] || !tokenKeysMatch(this.ids.texts[a], this.ids.texts[b])) return false;
    }
    return true;
  }
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', 'des', '&']);

export function isAcronym(text: string): boolean {
  return /^[A-Z]{2,6}$/.test(text);
}

/** The capital initials of a name of two words or more (`European Union` → `EU`), or undefined. */
export function acronymOf(text: string): string | undefined {
  const words = text.split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return words.map((w) => w[0]).join('');
}
