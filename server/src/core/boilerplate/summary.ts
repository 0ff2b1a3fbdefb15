/**
 * What the corpus-wide boilerplate indexes (corpusStats.ts, passageIndex.ts) need of one text, computed from the text
 * alone: each short line's shape, headline key, label and region; each passage's keys and LSH band keys.
 *
 * A host keeps it with the article's analysis state (analysisState.ts), computed where the article's names are (an
 * analysis worker), so indexing a corpus lays out no article on the thread that answers requests, and a reopened
 * corpus lays out none at all: an article's lines are laid out again only when its own findings are asked for.
 * Decoding checks every field against the text's line count and gives up on anything odd (the host then summarises
 * the text again): a bad summary is never an error.
 */
import { mix32, sequenceKey, to30 } from './hashing';
import { layOut, type LaidLine, type Region } from './layout';
import { bandKeys } from './minhash';
import { headlineKey, labelKey, lineShape, passageHashes, splitLines } from './text';

export interface BoilerplateSummary {
  /** The shortest passage (in characters) it was made with: a summary is used only by an index of the same. */
  readonly minChars: number;
  readonly lineCount: number;
  /** Index of the headline line, or -1. */
  readonly headlineIdx: number;
  readonly headlineKey: string | null;
  /**
   * Per short line (`SHORT_FIELDS` numbers): its index, its region code (REGIONS index) plus 4 when it stands in a
   * list of other articles, and its start and end offsets.
   */
  readonly short: readonly number[] | Int32Array;
  /** Per short line, in the same order: shape (digits masked), headline key, and label key (null when none or in a list). */
  readonly shapes: readonly string[];
  readonly hkeys: readonly string[];
  readonly labels: readonly (string | null)[];
  /**
   * Per passage: line index, exact key, word-sequence key, the line's start and end offsets, its layout facts
   * (`PASSAGE_FACTS`: what another article's findings ask of it, so they never lay this article out), number of band
   * keys, then the band keys.
   */
  readonly passages: readonly number[] | Int32Array;
}

const REGIONS: readonly Region[] = ['body', 'top', 'headline', 'tail'];
const IN_LIST = 4;

/** Layout facts of a passage's line, as bits after its region code (two bits). */
export const PASSAGE_FACTS = {
  /** Local evidence says the line is page furniture. */
  chrome: 4,
  /** The line is running text. */
  prose: 8,
  /** The line before is a short line of three words or more outside the headline (maybe another article's headline). */
  afterShortLine: 16,
} as const;
/** Numbers per short line in `BoilerplateSummary.short`. */
export const SHORT_FIELDS = 4;
/** Fields of a passage before its band keys, in `BoilerplateSummary.passages`. */
export const PASSAGE_FIELDS = 7;

/** What a passage's line gives the summary from its text alone: its number of words, and with three or more its keys. */
export interface PassageKeys {
  readonly words: number;
  readonly exact: number;
  readonly sequence: number;
  readonly bands: Int32Array;
}

const NO_BANDS = new Int32Array(0);

function passageKeysOf(t: string): PassageKeys {
  const { tokens, spaceHash } = passageHashes(t);
  if (tokens.length < 3) return { words: tokens.length, exact: 0, sequence: 0, bands: NO_BANDS };
  return { words: tokens.length, exact: to30(mix32(spaceHash)), sequence: sequenceKey(tokens), bands: bandKeys(tokens) };
}

/**
 * The passage keys of an article's last version, by line text, for an article being edited: a summary of its next
 * version hashes only the lines that are new. Each summary made through it replaces what it holds with its own lines.
 */
export class PassageKeyMemo {
  private last = new Map<string, PassageKeys>();
  private next = new Map<string, PassageKeys>();

  keysOf(t: string): PassageKeys {
    let keys = this.next.get(t);
    if (keys === undefined) {
      keys = this.last.get(t) ?? passageKeysOf(t);
      this.next.set(t, keys);
    }
    return keys;
  }

  /** A summary is made: its lines are those kept for the next. */
  finish(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/**
 * The summary of `text`, and the lines laid out on the way (for an index that keeps them while they are fresh). With
 * `memo` (an article being edited), the passage keys of lines its last version had are not computed again.
 */
export function summarizeBoilerplate(text: string, minChars: number, memo?: PassageKeyMemo): { summary: BoilerplateSummary; lines: LaidLine[] } {
  const lines = layOut(splitLines(text));
  // Short lines repeat (page furniture): each text's shape and headline key computed once.
  const shapeOf = memoByText(lineShape);
  const keyOf = memoByText(headlineKey);
  const headlineIdx = lines.findIndex((l) => l.region === 'headline');
  const short: number[] = [];
  const shapes: string[] = [];
  const hkeys: string[] = [];
  const labels: (string | null)[] = [];
  const passages: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.span.text;
    if (l.short) {
      const shape = shapeOf(t);
      short.push(i, REGIONS.indexOf(l.region) + (l.inList ? IN_LIST : 0), l.span.start, l.span.end);
      shapes.push(shape);
      hkeys.push(keyOf(t));
      labels.push(shape.length > 0 && !l.inList ? labelKey(t) ?? null : null);
    }
    if (t.length < minChars) continue;
    // Section headings recur between articles; only running text and long lines are passages.
    if (!l.prose && l.wordCount < 8) continue;
    const keys = memo !== undefined ? memo.keysOf(t) : passageKeysOf(t);
    if (keys.words < 3) continue;
    const bands = keys.bands;
    const before = i > 0 ? lines[i - 1] : undefined;
    const facts =
      REGIONS.indexOf(l.region) +
      (l.chrome ? PASSAGE_FACTS.chrome : 0) +
      (l.prose ? PASSAGE_FACTS.prose : 0) +
      (before && before.short && before.region !== 'headline' && before.wordCount >= 3 ? PASSAGE_FACTS.afterShortLine : 0);
    passages.push(i, keys.exact, keys.sequence, l.span.start, l.span.end, facts, bands.length);
    for (let b = 0; b < bands.length; b++) passages.push(bands[b]);
  }
  memo?.finish();
  const summary: BoilerplateSummary = {
    minChars,
    lineCount: lines.length,
    headlineIdx,
    headlineKey: headlineIdx >= 0 ? headlineKey(lines[headlineIdx].span.text) : null,
    short, shapes, hkeys, labels, passages,
  };
  return { summary, lines };
}

/**
 * A summary as an index holds it: its numbers in Int32Arrays (4 bytes each, instead of 8 in a plain array: at 10,000
 * articles the passages' band keys are millions of numbers). Hosts are given it back as plain arrays (`plainSummary`).
 */
export interface HeldSummary extends Omit<BoilerplateSummary, 'short' | 'passages' | 'shapes' | 'hkeys' | 'labels'> {
  readonly short: Int32Array;
  readonly passages: Int32Array;
  /** Its own copies: the index puts its shared strings in them (corpusStats.ts). */
  readonly shapes: string[];
  readonly hkeys: string[];
  readonly labels: (string | null)[];
}

export function heldSummary(s: BoilerplateSummary): HeldSummary {
  return {
    ...s,
    short: int32s(s.short), passages: int32s(s.passages),
    shapes: [...s.shapes], hkeys: [...s.hkeys], labels: [...s.labels],
  };
}

/** `list` as an Int32Array: itself when it is one (shared, never written to). */
function int32s(list: readonly number[] | Int32Array): Int32Array {
  return list instanceof Int32Array ? list : Int32Array.from(list);
}

/** A held summary as plain data again (what JSON and `checkBoilerplateSummary` read). */
export function plainSummary(s: HeldSummary): BoilerplateSummary {
  return { ...s, short: Array.from(s.short), passages: Array.from(s.passages) };
}

/** The region of a short line's code (see `short`), or of a passage's facts. */
export function regionOfCode(code: number): Region {
  return REGIONS[code & 3];
}

/** Whether a short line's code says it stands in a list of other articles. */
export function inListOfCode(code: number): boolean {
  return (code & IN_LIST) !== 0;
}

/** A list of numbers: plain (from JSON), or an Int32Array (from an analysis worker). */
const isNumbers = (x: unknown): x is readonly number[] | Int32Array => Array.isArray(x) || x instanceof Int32Array;
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isKey = (x: unknown): boolean => isInt(x) && x >= 0 && x < 2 ** 30;

/**
 * `value` as the summary of a text of `lineCount` lines made with `minChars`, when it is one (plain arrays, as JSON
 * gives them back); undefined when anything does not fit.
 */
export function checkBoilerplateSummary(value: unknown, lineCount: number, minChars: number, textLength: number): BoilerplateSummary | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Record<string, unknown>;
  if (s.minChars !== minChars || s.lineCount !== lineCount) return undefined;
  const { short, shapes, hkeys, labels, passages, headlineIdx, headlineKey: hk } = s;
  if (!isInt(headlineIdx) || headlineIdx < -1 || headlineIdx >= lineCount) return undefined;
  if ((headlineIdx < 0) !== (hk === null) || (hk !== null && typeof hk !== 'string')) return undefined;
  if (!isNumbers(short) || !Array.isArray(shapes) || !Array.isArray(hkeys) || !Array.isArray(labels) || !isNumbers(passages)) return undefined;
  const n = shapes.length;
  if (short.length !== SHORT_FIELDS * n || hkeys.length !== n || labels.length !== n) return undefined;
  let last = -1;
  let lastShortEnd = 0;
  for (let k = 0; k < n; k++) {
    const [idx, code, start, end] = short.slice(SHORT_FIELDS * k, SHORT_FIELDS * k + SHORT_FIELDS);
    if (!isInt(idx) || idx <= last || idx >= lineCount || !isInt(code) || code < 0 || code > 7) return undefined;
    if (!isInt(start) || !isInt(end) || start < lastShortEnd || end <= start || end > textLength) return undefined;
    last = idx;
    lastShortEnd = end;
    if (typeof shapes[k] !== 'string' || typeof hkeys[k] !== 'string' || (labels[k] !== null && typeof labels[k] !== 'string')) return undefined;
  }
  last = -1;
  let lastEnd = 0;
  for (let k = 0; k < passages.length; ) {
    const idx = passages[k];
    const [start, end, facts, count] = [passages[k + 3], passages[k + 4], passages[k + 5], passages[k + 6]];
    if (!isInt(idx) || idx <= last || idx >= lineCount || !isKey(passages[k + 1]) || !isKey(passages[k + 2])) return undefined;
    if (!isInt(start) || !isInt(end) || start < lastEnd || end <= start || end > textLength || !isInt(facts) || facts < 0 || facts > 31) return undefined;
    if (!isInt(count) || count < 1 || k + PASSAGE_FIELDS + count > passages.length) return undefined;
    for (let j = k + PASSAGE_FIELDS; j < k + PASSAGE_FIELDS + count; j++) if (!isKey(passages[j])) return undefined;
    last = idx;
    lastEnd = end;
    k += PASSAGE_FIELDS + count;
  }
  return s as unknown as BoilerplateSummary;
}

function memoByText(fn: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let v = known.get(text);
    if (v === undefined) known.set(text, (v = fn(text)));
    return v;
  };
}
