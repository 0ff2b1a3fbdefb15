/**
 * Furniture decided with the corpus: lines whose shape recurs in several articles outside their
 * bodies, lines that repeat another article's headline, and the teasers printed under them.
 */
import type { DocState } from './docState';
import type { CorpusStats } from './corpusStats';
import { propagateTail } from './layout';

/** A short line must recur in at least this many articles to count as furniture by frequency. */
export const MIN_RECURRENCE = 3;

/** Furniture reason of every line of `doc`: local evidence first, then corpus evidence. */
export function chromeReasons(doc: DocState, stats: CorpusStats): (string | undefined)[] {
  const lines = doc.lines;
  const reasons = lines.map((l) => l.chrome);
  for (let i = 0; i < lines.length; i++) {
    if (reasons[i]) continue;
    const l = lines[i];
    if (l.short && !l.data) reasons[i] = shortLineReason(doc, stats, i, reasons);
    else if (l.prose && i > 0 && isOtherHeadline(doc, stats, i - 1)) {
      reasons[i] = 'teaser under another article\'s headline';
    }
  }
  propagateTail(lines, reasons);
  return reasons;
}

/** Whether line `i` of `doc` repeats the headline of another article. */
export function isOtherHeadline(doc: DocState, stats: CorpusStats, i: number): boolean {
  const l = doc.lines[i];
  if (!l.short || l.region === 'headline' || l.wordCount < 3) return false;
  const key = doc.hkeys[i];
  if (!key) return false;
  const e = stats.heads.get(key);
  if (!e) return false;
  const own = doc.headlineKey === key ? 1 : 0;
  return e.headlines - own > 0;
}

function shortLineReason(
  doc: DocState, stats: CorpusStats, i: number, reasons: readonly (string | undefined)[],
): string | undefined {
  const l = doc.lines[i];
  if (isOtherHeadline(doc, stats, i)) return 'headline of another article';
  // A sentence ("He said.") is text, however common; so are figures ("Attendance: 2,189"), and a
  // heading or lead-in followed by a table. Frequency speaks only for labels and widgets.
  if (l.sentence || /\d/.test(l.span.text)) return undefined;
  const next = doc.lines[i + 1];
  const nextIsText = next !== undefined && !reasons[i + 1] && (next.prose || next.data);
  if (next?.data || (nextIsText && l.span.text.endsWith(':'))) return undefined;
  const shape = doc.shapes[i];
  const e = shape ? stats.shapes.get(shape) : undefined;
  if (!e || e.docs < MIN_RECURRENCE) return undefined;
  const recurs = (n: number, where: string): string => `line recurs ${where} ${n} articles (page chrome)`;
  switch (l.region) {
    case 'body':
      return e.top + e.tail > e.body ? recurs(e.docs, 'in') : undefined;
    case 'headline':
      return e.top >= MIN_RECURRENCE && hasLaterHeadlineCandidate(doc, i) ? recurs(e.top, 'at the top of') : undefined;
    case 'top':
      return e.top >= MIN_RECURRENCE ? recurs(e.top, 'at the top of') : undefined;
    case 'tail':
      if (e.tail < MIN_RECURRENCE) return undefined;
      // A heading followed by its own text recurs too ("Background"): then ask for a recurring neighbour.
      if (nextIsText && !recurringNeighbour(doc, stats, i, reasons)) return undefined;
      return recurs(e.tail, 'at the end of');
  }
}

function hasLaterHeadlineCandidate(doc: DocState, i: number): boolean {
  for (let j = i + 1; j < doc.lines.length; j++) {
    const l = doc.lines[j];
    if (l.region !== 'top') return false;
    if (!l.chrome && l.short && !l.data && l.wordCount >= 3) return true;
  }
  return false;
}

function recurringNeighbour(
  doc: DocState, stats: CorpusStats, i: number, reasons: readonly (string | undefined)[],
): boolean {
  for (const j of [i - 1, i + 1]) {
    const l = doc.lines[j];
    if (!l || l.data) continue;
    if (reasons[j]) return true;
    const shape = doc.shapes[j];
    const e = shape ? stats.shapes.get(shape) : undefined;
    if (e && e.docs >= MIN_RECURRENCE) return true;
  }
  return false;
}
