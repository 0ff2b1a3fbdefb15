/**
 * Where the date patterns are tried: at the words that can begin them, found in one pass over the text, instead of
 * each pattern scanning the whole text on its own: some thirty scans of every article were a sixth of its analysis.
 * Dates of the generated corpus 15.4 -> 59 MB/s, of CoNLL-2003's articles (many numbers) 11.5 -> 25.6 MB/s; the same
 * dates (test/unit/dates/wordStarts.test.ts checks every pattern against a scan of the whole text).
 *
 * A pattern that begins with `\b` and a word character, or with a look-behind that refuses a word character before
 * a digit, can only match where a run of ASCII word characters (`\w`, as these patterns read it) begins. It is
 * declared with the words it can begin with (`wordPattern`); a run whose first two characters begin none of them
 * cannot start a match. Tried at each remaining run in order, from where its last match ended, the pattern finds
 * what a global scan finds: the leftmost match, then the next from its end.
 */

/** A global pattern, tried only where a word it can begin with begins (`WordStarts.matches`). */
export interface WordPattern {
  /** The pattern as given (global). */
  readonly global: RegExp;
  /** The pattern anchored where it is tried (`y`), without `g`. */
  readonly sticky: RegExp;
  /** The index of its bit in the table of first characters (patterns with the same first words share one). */
  readonly bit: number;
}

/** By the first two characters of a run of word characters (`first * 128 + second`, 0 for none): the patterns it may begin. */
const FIRST_TWO = new Uint32Array(128 * 128);
/** The bit (its index) of each set of first words. */
const bits = new Map<string, number>();
/** Every pattern made (the tests check each against a scan of the whole text). */
const made: WordPattern[] = [];

/**
 * `re` (global, no `u`: `\w` is ASCII), tried only where a run of word characters begins with one of `firstWords`:
 * every match of `re` must begin at the start of such a run, with one of these words (or a longer one beginning with
 * it); a word of one character stands for every run beginning with it. With the `i` flag, in any case.
 */
export function wordPattern(re: RegExp, firstWords: readonly string[]): WordPattern {
  if (!re.global || re.unicode) throw new Error(`wordPattern needs a global pattern without u: ${re}`);
  const anyCase = re.ignoreCase;
  // Patterns that begin with the same words share a bit.
  const key = `${anyCase ? 'i' : 's'}:${[...firstWords].sort().join(' ')}`;
  let bit = bits.get(key);
  if (bit === undefined) {
    if (bits.size === 32) throw new Error('wordPattern: more than 32 sets of first words');
    bits.set(key, (bit = bits.size));
  }
  for (const word of firstWords) {
    if (!/^\w+$/.test(word)) throw new Error(`wordPattern: "${word}" is not a word`);
    const firsts = anyCase ? cases(word[0]) : [word[0]];
    const seconds = word.length === 1 ? allSeconds() : anyCase ? cases(word[1]) : [word[1]];
    for (const a of firsts) for (const b of seconds) FIRST_TWO[a.charCodeAt(0) * 128 + (b === '' ? 0 : b.charCodeAt(0))] |= 2 ** bit;
  }
  const pattern = { global: re, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), bit };
  made.push(pattern);
  return pattern;
}

/** Every pattern made. */
export function wordPatterns(): readonly WordPattern[] {
  return made;
}

/** Each word as written and capitalised (`[Tt]oday`). */
export function capitalisedToo(words: readonly string[]): string[] {
  return words.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
}

/** First words of a pattern that begins with a digit. */
export const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function cases(c: string): string[] {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return lower === upper ? [c] : [lower, upper];
}

/** Every second character of a run (a word character), and none (a run of one). */
function allSeconds(): string[] {
  const out = [''];
  for (let c = 0; c < 128; c++) if (isWordUnit(c)) out.push(String.fromCharCode(c));
  return out;
}

/** `\w` without `u`: an ASCII letter, digit or underscore. */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** 1 for the code units `isWordUnit` takes, below 128. */
const WORD_UNIT = Uint8Array.from({ length: 128 }, (_, c) => (isWordUnit(c) ? 1 : 0));

/** The runs of word characters of one text that may begin a pattern: their starts, by set of first words. */
export class WordStarts {
  /** By bit (its index): where the runs begin whose first characters may begin a word of that set, in order. */
  private readonly starts: (number[] | undefined)[] = [];

  constructor(readonly text: string) {
    const n = text.length;
    let i = 0;
    while (i < n) {
      // To the next word character, then past its run.
      let c = text.charCodeAt(i);
      while (c >= 128 || WORD_UNIT[c] === 0) {
        if (++i === n) return;
        c = text.charCodeAt(i);
      }
      const start = i++;
      const next = i < n ? text.charCodeAt(i) : 0;
      for (let bits = FIRST_TWO[c * 128 + (next < 128 && WORD_UNIT[next] === 1 ? next : 0)]; bits !== 0; bits &= bits - 1) {
        const k = 31 - Math.clz32(bits & -bits);
        (this.starts[k] ??= []).push(start);
      }
      while (i < n) {
        c = text.charCodeAt(i);
        if (c >= 128 || WORD_UNIT[c] === 0) break;
        i++;
      }
    }
  }

  /** The matches of `pattern` in the text, in order: those of a global scan. */
  *matches(pattern: WordPattern): Generator<RegExpExecArray, void, void> {
    const at = this.starts[pattern.bit];
    if (at === undefined) return;
    const { sticky } = pattern;
    let from = 0;
    for (let k = 0; k < at.length; k++) {
      if (at[k] < from) continue;
      sticky.lastIndex = at[k];
      const m = sticky.exec(this.text);
      if (m === null) continue;
      from = sticky.lastIndex;
      yield m;
    }
  }

  /** How many matches `pattern` has. */
  count(pattern: WordPattern): number {
    let n = 0;
    for (const _ of this.matches(pattern)) n++;
    return n;
  }
}
