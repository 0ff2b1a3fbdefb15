/**
 * Recognisers for dates written out in full or in part: numeric (`14/01/2026 11:29`, `2025-04-25`),
 * month-name dates in either order (`Jun 30, 2021`, `4 November 2019`, `April 24–25`),
 * month-year (`June 2025`) and bare months in a temporal context (`last December`, `in May`).
 */
import type { Candidate, Spec } from './spec';
import type { DayOrderDecision } from './dayOrder';
import { FULL_MONTH_RE, MONTH_RE, MONTH_WORDS, WEEKDAY_RE, monthNumber, weekdayNumber } from './lexicon';
import { DIGITS, wordPattern, type WordStarts } from './wordStarts';
import { isValidDay, weekday } from './calendar';
import { behind } from './lookback';

const TIME_SUFFIX = '(?:(?:T|\\s*[-–|]\\s*|,?\\s+(?:at\\s+)?)(\\d{1,2})[:h](\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?)?';
const NUM_END = '(?![\\w/-]|[.:]\\d)';
const ISO = wordPattern(new RegExp(`(?<![\\w/.:-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME_SUFFIX}${NUM_END}`, 'g'), DIGITS);
const NUMERIC = wordPattern(new RegExp(`(?<![\\w/.:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME_SUFFIX}${NUM_END}`, 'g'), DIGITS);

const ORD = '(?:st|nd|rd|th)?';
const DAY = `(\\d{1,2})${ORD}(?![\\w:]|[.,]\\d)`;
const YEAR = '(?:,?\\s+(\\d{4})(?![\\w:]|[.,]\\d))?';
const MONTH = `(${MONTH_RE})(?![a-z])`;
const DASH = '\\s*(?:[–—-]|to|until|till|through)\\s*';
/** `Jun 30, 2021`, `April 24–25`, `June 28 to July 2` (a weekday before it is added by look-back) */
const MONTH_DAY = wordPattern(new RegExp(`\\b${MONTH}\\s+${DAY}(?:${DASH}(?:${MONTH}\\s+)?${DAY})?${YEAR}`, 'g'), MONTH_WORDS);
/** `4 November 2019`, `24–25 April`, `1st of June` */
const DAY_MONTH = wordPattern(new RegExp(`(?<![\\w.,:/-])(\\d{1,2})${ORD}(?:${DASH}(\\d{1,2})${ORD})?\\s+(?:of\\s+)?${MONTH}${YEAR}`, 'g'), DIGITS);
/** `June 2025` */
const MONTH_YEAR = wordPattern(new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(\\d{4})(?![\\w:]|[.,]\\d)`, 'g'), MONTH_WORDS);
/** `last December`, `in May`: full names only, and only after a temporal word (checked by look-back). */
const BARE_MONTH = wordPattern(new RegExp(`\\b(${FULL_MONTH_RE})\\b(?!\\s+\\d)`, 'g'), MONTH_WORDS.slice(0, 12));
/** `24 and` before `25 September`; `March 7 and` before `8`. */
const DAY_AND_BEFORE = new RegExp(`(?<![\\w.,:/-])(\\d{1,2})${ORD}\\s+and\\s+$`);
const AND_DAY_AFTER = new RegExp(`^\\s+and\\s+(\\d{1,2})${ORD}(?![\\w:]|[.,]\\d|\\s+${MONTH_RE})`);

const WEEKDAY_BEFORE = new RegExp(`\\b${WEEKDAY_RE},?\\s+$`);
const THE_BEFORE = /\bthe\s+$/;
const MOD_BEFORE = /\b(?:[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+$/;
const CONTEXT_BEFORE =
  /(?:\b([Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|(?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+|\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|to|[Ff]or|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Bb]etween|and|or|[Ee]arlier in|[Ll]ater in|[Aa]s of)\s+)$/;

function clock(hh?: string, mi?: string, ampm?: string): { hh: number; mi: number } | undefined {
  if (hh === undefined || mi === undefined) return undefined;
  let h = Number(hh);
  const m = Number(mi);
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    const pm = ampm.toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  }
  return h <= 23 && m <= 59 ? { hh: h, mi: m } : undefined;
}

function push(out: Candidate[], start: number, end: number, spec: Spec, priority = 1): void {
  const kind = spec.t === 'day' && spec.hh !== undefined ? 'TIME' : 'DATE';
  out.push({ start, end, kind, spec, priority });
}

export function findNumericDates(text: string, order: DayOrderDecision, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(ISO)) {
    const y = Number(m[1]), mo = Number(m[3]), d = Number(m[4]);
    if (!isValidDay(y, mo, d)) continue;
    const t = clock(m[5], m[6], m[7]);
    push(out, m.index, m.index + m[0].length, { t: 'day', y, m: mo, d, hh: t?.hh, mi: t?.mi, how: 'explicit' }, 2);
  }
  for (const m of words.matches(NUMERIC)) {
    const a = Number(m[1]), b = Number(m[3]);
    if (m[4].length === 2 && m[2] !== '/') continue;
    const yy = Number(m[4]);
    const y = m[4].length === 2 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy;
    const ambiguous = a <= 12 && b <= 12 && a !== b;
    let dayFirst = a > 12 ? true : b > 12 ? false : order.dayFirst;
    let how = ambiguous ? `explicit, read ${order.reason}` : 'explicit';
    // "Thursday, 12/09/2024": the weekday settles an ambiguous order.
    const wdBefore = behind(text, m.index, WEEKDAY_BEFORE, 14);
    if (ambiguous && wdBefore) {
      const wd = weekdayNumber(wdBefore.match[0].replace(/[,\s]+$/, ''));
      const dayFirstFits = isValidDay(y, b, a) && weekday(y, b, a) === wd;
      const monthFirstFits = isValidDay(y, a, b) && weekday(y, a, b) === wd;
      if (dayFirstFits !== monthFirstFits) {
        dayFirst = dayFirstFits;
        how = `explicit, read ${dayFirst ? 'day-first' : 'month-first'}: the weekday matches`;
      }
    }
    const [d, mo] = dayFirst ? [a, b] : [b, a];
    if (!isValidDay(y, mo, d)) continue;
    const t = clock(m[5], m[6], m[7]);
    push(out, wdBefore?.start ?? m.index, m.index + m[0].length, { t: 'day', y, m: mo, d, hh: t?.hh, mi: t?.mi, how }, 2);
  }
}

function daySpec(mo: number, d: number, y: number | undefined): Spec | undefined {
  return isValidDay(y, mo, d) ? { t: 'day', y, m: mo, d } : undefined;
}

function dayOrRange(m1: number, d1: number, m2: number | undefined, d2: string | undefined, y: number | undefined): Spec | undefined {
  const a = daySpec(m1, Number(d1), y);
  if (!a || d2 === undefined) return a;
  const b = daySpec(m2 ?? m1, Number(d2), y);
  if (!b || (m2 === undefined && Number(d2) <= d1)) return undefined;
  return { t: 'range', a, b };
}

function withWeekday(text: string, start: number): number {
  return behind(text, start, WEEKDAY_BEFORE, 14)?.start ?? start;
}

/** The spec with the weekday written before it (`Saturday, April 25`), which settles a missing year. */
function weekdayOf(text: string, start: number, spec: Spec): Spec {
  if (spec.t !== 'day' || spec.y !== undefined) return spec;
  const wd = behind(text, start, WEEKDAY_BEFORE, 14);
  return wd ? { ...spec, wd: weekdayNumber(wd.match[0].replace(/[,\s]+$/, '')) } : spec;
}

export function findMonthNameDates(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(MONTH_DAY)) {
    const mo = monthNumber(m[1])!;
    const y = m[5] ? Number(m[5]) : undefined;
    const spec = dayOrRange(mo, Number(m[2]), m[3] ? monthNumber(m[3]) : undefined, m[4], y);
    if (!spec) continue;
    const end = m.index + m[0].length;
    push(out, withWeekday(text, m.index), end, weekdayOf(text, m.index, spec), 3);
    const and = m[3] === undefined && m[4] === undefined ? AND_DAY_AFTER.exec(text.slice(end, end + 12)) : null;
    if (and && spec.t === 'day') {
      const second = daySpec(mo, Number(and[1]), y);
      const at = end + and[0].length - and[0].replace(/^\s+and\s+/, '').length;
      if (second) push(out, at, end + and[0].length, second, 3);
    }
  }
  for (const m of words.matches(DAY_MONTH)) {
    const mo = monthNumber(m[3])!;
    const y = m[4] ? Number(m[4]) : undefined;
    const spec = dayOrRange(mo, Number(m[1]), undefined, m[2], y);
    if (!spec) continue;
    const start = behind(text, m.index, THE_BEFORE, 5)?.start ?? m.index;
    push(out, withWeekday(text, start), m.index + m[0].length, weekdayOf(text, start, spec), 3);
    const and = behind(text, m.index, DAY_AND_BEFORE, 12);
    const first = and ? daySpec(mo, Number(and.match[1]), y) : undefined;
    if (and && first) push(out, and.start, and.start + /^\d+(?:st|nd|rd|th)?/.exec(and.match[0])![0].length, first, 3);
  }
  for (const m of words.matches(MONTH_YEAR)) {
    const start = behind(text, m.index, MOD_BEFORE, 24)?.start ?? m.index;
    push(out, start, m.index + m[0].length, { t: 'month', y: Number(m[2]), m: monthNumber(m[1])! }, 2);
  }
  for (const m of words.matches(BARE_MONTH)) {
    const ctx = behind(text, m.index, CONTEXT_BEFORE, 24);
    if (!ctx) continue;
    const mod = ctx.match[1]?.toLowerCase();
    const rel = mod === 'last' || mod === 'next' || mod === 'this' ? mod : undefined;
    push(out, mod ? ctx.start : m.index, m.index + m[0].length, { t: 'month', m: monthNumber(m[1])!, mod: rel }, 1);
  }
}
