/**
 * Day/month order of numeric dates (`04/05/2025`), decided per article: dates that can be read
 * only one way (`14/01/2026`) vote; failing those, the article's written dates (`4 November 2019`
 * vs `Jun 30, 2021`) vote when the setting is `auto`; failing everything, the setting's default.
 */
import { MONTH_RE, MONTH_WORDS } from './lexicon';
import { DIGITS, wordPattern, WordStarts } from './wordStarts';

export type DayOrder = 'auto' | 'day-first' | 'month-first';

export interface DayOrderDecision {
  readonly dayFirst: boolean;
  /** For hovers: why ambiguous numeric dates are read this way. */
  readonly reason: string;
}

const NUMERIC = wordPattern(/(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g, DIGITS);
const MONTH_FIRST = wordPattern(new RegExp(`\\b${MONTH_RE}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'), MONTH_WORDS);
const DAY_FIRST = wordPattern(new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+\\d{4})?\\b`, 'g'), DIGITS);

export function decideDayOrder(text: string, setting: DayOrder = 'auto', words = new WordStarts(text)): DayOrderDecision {
  let dayVotes = 0;
  let monthVotes = 0;
  let ambiguous = 0;
  let example = '';
  for (const m of words.matches(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) { dayVotes++; example ||= m[0]; }
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) { monthVotes++; example ||= m[0]; }
    else if (a !== b) ambiguous++;
  }
  if (dayVotes !== monthVotes) {
    const dayFirst = dayVotes > monthVotes;
    return { dayFirst, reason: `${dayFirst ? 'day-first' : 'month-first'}, as ${example} in this article` };
  }
  if (setting !== 'auto') return { dayFirst: setting === 'day-first', reason: `${setting} (setting)` };
  // Nothing to decide: skip the slower look at written dates.
  if (ambiguous === 0) return { dayFirst: true, reason: 'day-first (default)' };
  const written = words.count(DAY_FIRST) - words.count(MONTH_FIRST);
  if (written < 0) return { dayFirst: false, reason: 'month-first, as the article writes "Month day, year"' };
  if (written > 0) return { dayFirst: true, reason: 'day-first, as the article writes "day Month year"' };
  return { dayFirst: true, reason: 'day-first (default)' };
}
