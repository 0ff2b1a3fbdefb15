/**
 * The article's own date (document creation time), read from the article itself: a labelled line
 * (`Published: 12 March 2024`, `date 2025-04-25`), a dateline (`VIENTIANE, Jun 30, 2021`), a
 * date or timestamp standing on its own line near the top (`14/01/2026 11:29`), or, failing
 * those, the latest past-tense date in the lead paragraph. Photo captions never count.
 */
import type { DocumentDate } from '../types';
import type { Candidate, Spec } from './spec';
import { formatDate, formatTime } from './calendar';
import { tenseAround } from './tense';
import { isSpaceUnit } from '../text/spaces';

export interface DctFinding {
  readonly date: DocumentDate;
  readonly candidate: Candidate;
}

interface Full { y: number; m: number; d: number; hh?: number; mi?: number }

function fullDate(s: Spec): Full | undefined {
  if (s.t === 'day' && s.y !== undefined) return { y: s.y, m: s.m, d: s.d, hh: s.hh, mi: s.mi };
  if (s.t === 'time' && s.day?.t === 'day' && s.day.y !== undefined) return { y: s.day.y, m: s.day.m, d: s.day.d, hh: s.hh, mi: s.mi };
  return undefined;
}

const HEAD_CHARS = 3000;
const HEAD_LINES = 15;
const LABEL = /(?:^|[\s|•·(])(date|dated|published|posted|released|issued|created|updated|last updated|first published)\s*(?:on|at)?\s*[:\-–—]?\s*$/i;
const PLACE = "[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,3}";
const DATELINE_BEFORE = new RegExp(`^[\\s"“*•]*${PLACE}(?:\\s*,\\s*${PLACE})?(?:\\s*\\([^)\\n]{1,40}\\))?\\s*[,–—-]\\s*(?:on\\s+)?$`, 'u');
const DATELINE_AFTER = /^\s+[A-Z]{3,}[A-Z .'’-]*(?:\s*\([^)\n]{1,40}\))?\s*[,–—:-]/;
/** Nothing before the date on its line, or a short source name and a separator: `Khmer Times | `. */
const ALONE_BEFORE = /^[\s*•|]*(?:[^|•·\n]{1,40}\s[|•·]\s*)?$/;
/** Nothing after it but a time zone (`GMT+7`, `(ICT)`, `JST`) or a separator and more page furniture. */
const ZONE = '(?:GMT|UTC|[A-Z]{2,4}T|[A-Z]{3})(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?';
const ALONE_AFTER = new RegExp(`^\\s*(?:[|•·].*|${ZONE}|\\(${ZONE}\\))?\\s*$`);
const CAPTION = /\bphoto\b|\(photo|\bfile photo\b|\billustration\b|\bcaption\b/i;

/** Where each line starts, found once per document (candidates on one long line must not rescan it). */
class Lines {
  private readonly starts: number[] = [0];
  private readonly captions = new Map<number, boolean>();
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** Index of the line holding `offset`. */
  indexOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  start(line: number): number {
    return this.starts[line];
  }
  /** End of the line (its newline, or the end of the text). */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }
  isCaption(line: number): boolean {
    let c = this.captions.get(line);
    if (c === undefined) this.captions.set(line, (c = CAPTION.test(this.text.slice(this.start(line), this.end(line)))));
    return c;
  }
}

/** Longest text before a date, on its line, that can be a dateline's place (`VIENTIANE, Laos (KPL) –`). */
const DATELINE_MAX = 300;

/** Rank of a date's position as the article's date (lower is stronger), or undefined. */
function rank(text: string, lines: Lines, c: Candidate): { rank: number; source: string } | undefined {
  const line = lines.indexOf(c.start);
  const lineStart = lines.start(line);
  const label = LABEL.exec(text.slice(Math.max(lineStart, c.start - 40), c.start));
  if (label) {
    const w = label[1].toLowerCase();
    if (w === 'date' || w === 'dated') return { rank: 1, source: 'date line' };
    if (w.includes('updated')) return { rank: 4, source: 'updated line' };
    return { rank: 0, source: 'published line' };
  }
  if (lineStart > HEAD_CHARS) return undefined;
  // From the start of the date's line to the end of the line where it ends (the same line but for rare dates that
  // take a line break, `April\n25`).
  const endLine = lines.indexOf(c.end);
  const le = lines.end(endLine);
  if ((endLine === line ? lines.isCaption(line) : CAPTION.test(text.slice(lineStart, le))) || line >= HEAD_LINES) return undefined;
  const before = text.slice(lineStart, c.start);
  const after = text.slice(c.end, le);
  if (before.length <= DATELINE_MAX && DATELINE_BEFORE.test(before)) return { rank: 2, source: 'dateline' };
  if (ALONE_BEFORE.test(before)) {
    if (DATELINE_AFTER.test(after)) return { rank: 2, source: 'dateline' };
    if (ALONE_AFTER.test(after)) return { rank: 3, source: c.kind === 'TIME' ? 'timestamp line' : 'date line' };
  }
  return undefined;
}

/**
 * Whether `line` has at least `n` runs of non-space characters (`/\S+/g` matches): counts up to `n`, not every word of
 * a 1 MB line, code unit by code unit (a regular expression per call and a match per word were most of the date
 * pipeline's calls on a corpus of short articles).
 */
function hasWords(line: string, n: number): boolean {
  let k = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const word = !isSpaceUnit(line.charCodeAt(i));
    if (word && !inWord && ++k >= n) return true;
    inWord = word;
  }
  return false;
}

/** The lead: the first line of at least 15 words that is not a caption. */
function leadBounds(text: string): [number, number] | undefined {
  let s = 0;
  while (s < text.length && s < HEAD_CHARS * 2) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e);
    if (!CAPTION.test(line) && hasWords(line, 15)) return [s, e];
    s = e + 1;
  }
  return undefined;
}

function toDocumentDate(c: Candidate, f: Full, text: string, source: string): DctFinding {
  const value = formatDate(f.y, f.m, f.d) + (f.hh !== undefined && f.mi !== undefined ? formatTime(f.hh, f.mi) : '');
  return { date: { start: c.start, end: c.end, text: text.slice(c.start, c.end), value, source }, candidate: c };
}

/** Picks the article's date among the recognised, non-overlapping candidates. */
export function detectDocumentDate(text: string, cands: readonly Candidate[]): DctFinding | undefined {
  let best: { c: Candidate; f: Full; rank: number; source: string } | undefined;
  const lines = new Lines(text);
  for (const c of cands) {
    const f = fullDate(c.spec);
    if (!f) continue;
    const r = rank(text, lines, c);
    if (r && (!best || r.rank < best.rank)) best = { c, f, ...r };
  }
  if (best) return toDocumentDate(best.c, best.f, text, best.source);
  const lead = leadBounds(text);
  if (!lead) return undefined;
  let latest: { c: Candidate; f: Full } | undefined;
  let latestKey = -Infinity;
  for (const c of cands) {
    if (c.start < lead[0] || c.end > lead[1]) continue;
    const f = fullDate(c.spec);
    if (!f) continue;
    // The tense only for a date later than the latest so far (a lead of many dates asked it of each).
    const key = f.y * 10000 + f.m * 100 + f.d;
    if (key <= latestKey || tenseAround(text, c.start, c.end) === 'future') continue;
    latest = { c, f };
    latestKey = key;
  }
  return latest ? toDocumentDate(latest.c, latest.f, text, 'lead paragraph (estimate)') : undefined;
}
