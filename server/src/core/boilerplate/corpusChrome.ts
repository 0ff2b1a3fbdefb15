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
  const counters: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (reasons[i]) continue;
    const l = lines[i];
    if (l.short && !l.data && !l.sentence && /\d/.test(l.span.text)) counters.push(i);
    else if (l.short && !l.data) reasons[i] = shortLineReason(doc, stats, i, reasons);
    else if (l.prose && i > 0 && isOtherHeadline(doc, stats, i - 1)) {
      reasons[i] = 'teaser under another article\'s headline';
    }
  }
  // Counters last: after the body, they are told from figures of the article by the chrome around them.
  for (const i of counters) reasons[i] = shortLineReason(doc, stats, i, reasons);
  propagateTail(lines, reasons);
  return reasons;
}

/** Whether line `i` of `doc` repeats the headline of another article. */
export function isOtherHeadline(doc: DocState, stats: CorpusStats, i: number): boolean {
  const l = doc.lines[i];
  if (!l.short || l.region === 'headline' || l.wordCount < 3) return false;
  return isOtherHeadlineKey(doc, stats, i);
}

/**
 * The corpus half of `isOtherHeadline`, for a line already known to be a short line of three words or more outside
 * the headline (PASSAGE_FACTS.afterShortLine of the passage after it): its headline key is another article's headline.
 */
export function isOtherHeadlineKey(doc: DocState, stats: CorpusStats, i: number): boolean {
  const key = doc.hkeyAt(i);
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
  // A sentence ("He said.") is text, however common; and a heading or lead-in followed by a table.
  // Frequency speaks only for labels, widgets and counters.
  if (l.sentence) return undefined;
  const next = doc.lines[i + 1];
  const nextIsText = next !== undefined && !reasons[i + 1] && (next.prose || next.data);
  if (next?.data || (nextIsText && l.span.text.endsWith(':'))) return undefined;
  const shape = doc.shapeAt(i);
  const e = shape ? stats.shapes.get(shape) : undefined;
  if (!e || e.docs < MIN_RECURRENCE) return undefined;
  const recurs = (n: number, where: string): string => `line recurs ${where} ${n} articles (page chrome)`;
  if (/\d/.test(l.span.text)) return counterReason(doc, i, e, reasons);
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

/**
 * A short line holding figures whose shape (figures masked) recurs in several articles: a counter or
 * timestamp of the page (`Comments (12)`, `Views: 1,234`, `Updated 10:42`) when it stands above the body,
 * or after it next to other furniture, and rarely in bodies. Inside a body, or alone after it, a line with
 * figures is the article's own ("Attendance: 2,189").
 */
function counterReason(
  doc: DocState, i: number, e: { docs: number; body: number; top: number; tail: number },
  reasons: readonly (string | undefined)[],
): string | undefined {
  if (e.top + e.tail <= e.body || !/[a-z\u00c0-\uffff]/.test(doc.shapeAt(i) ?? '')) return undefined;
  const l = doc.lines[i];
  if (l.region === 'top' && e.top >= MIN_RECURRENCE) return `${COUNTER} at the top of ${e.top} articles (page chrome)`;
  // After the body, rows of a table recur too (a scorecard printed in several reports), and a figure may
  // close the article ("Attendance: 2,189"): ask for chrome on other evidence on both sides (or the page end).
  if (l.region === 'tail' && e.tail >= MIN_RECURRENCE && betweenChrome(reasons, i, doc.lines.length)) {
    return `${COUNTER} at the end of ${e.tail} articles (page chrome)`;
  }
  return undefined;
}

const COUNTER = 'counter or timestamp recurring';

function betweenChrome(reasons: readonly (string | undefined)[], i: number, n: number): boolean {
  const chrome = (r: string | undefined): boolean => r !== undefined && !r.startsWith(COUNTER);
  return chrome(reasons[i - 1]) && (i + 1 >= n || chrome(reasons[i + 1]));
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
    const shape = doc.shapeAt(j);
    const e = shape ? stats.shapes.get(shape) : undefined;
    if (e && e.docs >= MIN_RECURRENCE) return true;
  }
  return false;
}
