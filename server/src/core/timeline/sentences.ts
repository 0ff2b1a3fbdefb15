/**
 * A small sentence splitter for news text. A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
 * brackets) followed by a space and a capital, digit or opening quote, except after abbreviations (`Lt.`, `Gen.`,
 * `Mr.`), initials (`Robert C. O’Brien`) and dotted acronyms (`U.S.`, unless a typical sentence opener follows).
 * Line breaks end sentences too (headlines and captions have no full stop), except inside hard-wrapped paragraphs.
 */
import { forEachLine } from '../text/lineIndex';
import { collapseSpaces, isSpaceUnit } from '../text/spaces';

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** Abbreviations after which a full stop does not end a sentence (compared case-sensitively, then lower-cased). */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Mme', 'Messrs', 'Dr', 'Prof', 'Rev', 'Hon', 'Fr', 'Sr', 'Jr', 'St', 'Mt', 'Ft',
  'Gen', 'Gens', 'Lt', 'Lieut', 'Col', 'Maj', 'Capt', 'Cpt', 'Cmdr', 'Cdr', 'Adm', 'Brig', 'Sgt', 'Cpl', 'Pte', 'Pvt', 'Cmdt',
  'Sen', 'Rep', 'Gov', 'Pres', 'Amb', 'Supt', 'Insp', 'Dept', 'Univ', 'Assn', 'Bros', 'Co', 'Corp', 'Inc', 'Ltd', 'Plc',
  'No', 'Nos', 'Vol', 'Art', 'Sec', 'Fig', 'Ch', 'Para', 'Ref',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'vs', 'approx', 'ca', 'cf', 'al', 'e.g', 'i.e', 'viz',
]);

/** Words that usually open a sentence: after `U.S.` they mean the acronym ended the sentence. */
const OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'There', 'In', 'On', 'At',
  'But', 'And', 'However', 'Meanwhile', 'Earlier', 'Later', 'His', 'Her', 'Their', 'Its', 'After', 'Before', 'During',
]);

const CLOSERS = /["'”’)\]»]/;

/** Whether a code unit is terminal punctuation (`.`, `!`, `?`, `…`): asked of every character of the text, without a regex. */
function isTerminalUnit(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */;
}

/** What ends a sentence, or may: terminal punctuation and line breaks. */
const STOPS = /[.!?\u2026\n\r]/g;

const OPENING = /[\p{Lu}\p{N}"'“‘(\[«]/u;

/**
 * Whether the text is hard-wrapped: many long lines of about the same width that do not end a sentence. Its lines are
 * those of `text.split(/\r?\n|\r/)`, each measured without its trailing white space (no string made for each line).
 */
function isHardWrapped(text: string): { wrapped: boolean; width: number } {
  const long: number[] = [];
  let open = 0;
  let width = 0;
  forEachLine(text, (start, end) => {
    let e = end;
    while (e > start && isSpaceUnit(text.charCodeAt(e - 1))) e--;
    const length = e - start;
    if (length < 40) return;
    long.push(length);
    if (length > width) width = length;
    if (!closesLine(text.charCodeAt(e - 1))) open++;
  });
  if (long.length < 3) return { wrapped: false, width: 0 };
  if (width > 120) return { wrapped: false, width };
  let near = 0;
  for (const length of long) if (length >= width * 0.7) near++;
  return { wrapped: near >= long.length * 0.6 && open >= long.length * 0.5, width };
}

/** Whether a line ending in code unit `c` ends as a sentence or a heading does (`.`, `!`, `?`, `:`, a closing quote or bracket). */
function closesLine(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 34 /* " */ || c === 0x201d /* ” */ || c === 0x2019 /* ’ */ || c === 41 /* ) */;
}

/** The word before a full stop at `dot`, with inner dots (`U.S`, `e.g`). */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && isLetterOrDot(text, i - 1)) i--;
  return text.slice(i, dot).replace(/^\.+/, '');
}

/** Whether `text[i]` is a letter or a full stop (`/[\p{L}.]/u`), ASCII answered without the regex. */
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

const LETTER = /\p{L}/u;

function wordAfter(text: string, at: number): string {
  const m = /^[\p{L}]+/u.exec(text.slice(at, at + 30));
  return m ? m[0] : '';
}

/** Whether the terminal punctuation run [p, q) followed by a space ends a sentence, given the next word at `next`. */
function endsSentence(text: string, p: number, q: number, next: number): boolean {
  const c = text[next];
  if (c === undefined) return true;
  if (!OPENING.test(c)) return false;
  if (q - p > 1 || text[p] !== '.') return true;
  const word = wordBefore(text, p);
  if (!word) return true;
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return OPENERS.has(wordAfter(text, next)); // U.S, U.N
  return true;
}

/**
 * Splits `text` into sentences: trimmed spans, in order, covering every non-blank stretch. With `until`, only those
 * that start at or before that offset (the first of the full list: a caller that wants the sentences of a few offsets
 * does not split the rest).
 */
export function splitSentences(text: string, until = Infinity): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const { wrapped, width } = isHardWrapped(text);
  let start = -1;
  let lineStart = 0;
  const close = (end: number) => {
    let e = end;
    while (e > start && isSpaceUnit(text.charCodeAt(e - 1))) e--;
    if (start >= 0 && e > start) out.push({ start, end: e });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */ || code === 13 /* \r */) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      // Only a hard-wrapped text joins lines (the line and what follows are looked at only then).
      const joins = wrapped && text.slice(lineStart, i).trimEnd().trim().length >= width * 0.6 && !/^[ \t]*(?:\r?\n|\r|$)/.test(text.slice(i + 1, i + 200));
      if (!joins) close(i);
      lineStart = i + 1;
      continue;
    }
    if (start < 0) {
      if (isSpaceUnit(code)) continue;
      if (i > until) break;
      start = i;
    }
    if (!isTerminalUnit(code)) {
      // Inside a sentence only terminal punctuation and line breaks matter: the next one is found natively.
      STOPS.lastIndex = i + 1;
      const stop = STOPS.exec(text);
      i = (stop === null ? text.length : stop.index) - 1;
      continue;
    }
    let q = i + 1;
    while (q < text.length && isTerminalUnit(text.charCodeAt(q))) q++;
    let r = q;
    while (r < text.length && CLOSERS.test(text[r])) r++;
    if (r < text.length && !/[ \t\u00a0]/.test(text[r]) && text[r] !== '\n' && text[r] !== '\r') {
      i = r - 1;
      continue;
    }
    let next = r;
    while (next < text.length && /[ \t\u00a0]/.test(text[next])) next++;
    if (next >= text.length || text[next] === '\n' || text[next] === '\r' || endsSentence(text, i, q, next)) close(r);
    i = r - 1;
  }
  close(text.length);
  return out;
}

/** The sentence holding `offset` (binary search in `sentences`), or undefined between sentences. */
export function sentenceAt(sentences: readonly SentenceSpan[], offset: number): SentenceSpan | undefined {
  const k = sentenceIndexAt(sentences, offset);
  return k < 0 ? undefined : sentences[k];
}

/** The index in `sentences` of the sentence holding `offset` (binary search), or -1 between sentences. */
export function sentenceIndexAt(sentences: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The sentence as one line of at most `max` characters: whitespace collapsed, and when too long a window around
 * the mention [mStart, mEnd), cut at word boundaries and marked with `…`.
 */
export function excerpt(text: string, s: SentenceSpan, mStart: number, mEnd: number, max = 280): string {
  return fitsWhole(text, s, max) ? wholeExcerpt(text, s) : windowExcerpt(text, s, mStart, mEnd, max);
}

/**
 * `excerpt` for the mentions of one text split into `sentences`: a sentence that fits whole is made once, however many
 * dates it holds, and whether it fits is found once (a long sentence with many dates is measured once).
 */
export class TextExcerpts {
  /** By sentence index: its whole excerpt, or null when it does not fit (undefined: not asked yet). */
  private readonly wholes: (string | null | undefined)[];

  constructor(
    private readonly text: string,
    private readonly sentences: readonly SentenceSpan[],
    private readonly max = 280,
  ) {
    this.wholes = new Array<string | null | undefined>(sentences.length).fill(undefined);
  }

  /** `excerpt(text, s, mStart, mEnd, max)`, where `s` is `sentences[k]`, or any span when `k` is -1. */
  of(s: SentenceSpan, k: number, mStart: number, mEnd: number): string {
    if (k < 0 || s !== this.sentences[k]) return excerpt(this.text, s, mStart, mEnd, this.max);
    let whole = this.wholes[k];
    if (whole === undefined) this.wholes[k] = whole = fitsWhole(this.text, s, this.max) ? wholeExcerpt(this.text, s) : null;
    return whole ?? windowExcerpt(this.text, s, mStart, mEnd, this.max);
  }
}

/** Whether the sentence, whitespace collapsed, has at most `max` characters. */
function fitsWhole(text: string, s: SentenceSpan, max: number): boolean {
  return s.end - s.start <= max || flatLengthAtMost(text, s, max);
}

/** The whole sentence, whatever the mention. */
function wholeExcerpt(text: string, s: SentenceSpan): string {
  return collapseSpaces(text, s.start, s.end).trim();
}

/** A window of at most `max` characters of a sentence that does not fit, around the mention. */
function windowExcerpt(text: string, s: SentenceSpan, mStart: number, mEnd: number, max: number): string {
  const room = Math.max(0, max - (mEnd - mStart));
  let a = Math.max(s.start, mStart - Math.floor(room / 2));
  let b = Math.min(s.end, a + (mEnd - mStart) + room);
  a = Math.max(s.start, b - max);
  // The first space in [a, mStart) and the last in (mEnd, b], looked for in those stretches only (a text without
  // spaces must not be scanned to its end for each mention).
  if (a > s.start) {
    const sp = a < mStart ? text.slice(a, mStart).indexOf(' ') : -1;
    if (sp >= 0) a += sp + 1;
  }
  if (b < s.end) {
    const sp = b > mEnd ? text.slice(mEnd + 1, b + 1).lastIndexOf(' ') : -1;
    if (sp >= 0) b = mEnd + 1 + sp;
  }
  return `${a > s.start ? '…' : ''}${collapseSpaces(text, a, b).trim()}${b < s.end ? '…' : ''}`;
}

/** Whether the sentence, whitespace collapsed, has at most `max` characters; stops counting as soon as it has more. */
function flatLengthAtMost(text: string, s: SentenceSpan, max: number): boolean {
  let n = 0;
  let inSpace = false;
  for (let i = s.start; i < s.end; i++) {
    const space = isSpaceUnit(text.charCodeAt(i));
    if (!space || !inSpace) n++;
    inSpace = space;
    if (n > max) return false;
  }
  return true;
}
