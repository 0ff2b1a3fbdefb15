/**
 * Durations (`four-day`, `60 years`, `the past five years`, `for decades`) and sets (`annual`,
 * `every year`, `every two years`, `six days a week`). Ages (`60-year-old`, `60 years old`) are
 * neither, and `three years ago` is a date (relative.ts). Every match is anchored on a unit word.
 */
import type { Candidate } from './spec';
import { NUMBER_RE, isoDuration, parseNumber, timeUnit } from './lexicon';
import { behind } from './lookback';
import { wordPattern, type WordStarts } from './wordStarts';

const UNIT = wordPattern(/\b(minute|hour|day|week|month|year|decade|centur(?:y|ie))(s?)\b/gi, ['minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'centur']);
const SET_WORD = wordPattern(/\b(annual(?:ly)?|yearly|monthly|weekly|daily|biannual)\b/gi, ['annual', 'yearly', 'monthly', 'weekly', 'daily', 'biannual']);
const HYPHEN_BEFORE = new RegExp(`\\b(${NUMBER_RE}|half)-$`, 'i');
const COUNT_BEFORE = new RegExp(`\\b(${NUMBER_RE}|several|a few|few|many|some|a|an|half a)\\s+$`, 'i');
const VAGUE_BEFORE = /\b(?:for|over|in recent|within)\s+$/i;
const EVERY_N_BEFORE = new RegExp(`\\bevery\\s+(${NUMBER_RE})\\s+$`, 'i');
const PER_BEFORE = new RegExp(`\\b(?:(${NUMBER_RE})\\s+(?:days|times)\\s+)?(?:every|each|per|once\\s+a|twice\\s+a|once\\s+every|a)\\s+$`, 'i');
const STRETCH_BEFORE = /\bthe\s+(?:past|last|next|coming|first|previous|following|final)\s+$/i;
const AGE_OR_DATE_AFTER = /^(?:\s+(?:old|ago|earlier|later)\b|-old)/;

function pushAmount(out: Candidate[], start: number, end: number, kind: 'DURATION' | 'SET', value: string): void {
  out.push({ start, end, kind, spec: { t: 'amount', value }, priority: kind === 'SET' ? 1 : 0 });
}

export function findDurations(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(UNIT)) unitAmount(text, m.index, m.index + m[0].length, m[1], m[2] !== '', out);
  for (const m of words.matches(SET_WORD)) {
    const w = m[1].toLowerCase();
    const value = w === 'biannual' ? 'P6M' : /annual|year/.test(w) ? 'P1Y' : w === 'monthly' ? 'P1M' : w === 'weekly' ? 'P1W' : 'P1D';
    pushAmount(out, m.index, m.index + m[0].length, 'SET', value);
  }
}

function unitAmount(text: string, at: number, end: number, word: string, plural: boolean, out: Candidate[]): void {
  const unit = timeUnit(word);
  if (!unit) return;
  const after = text.slice(end, end + 10);
  if (text.charCodeAt(at - 1) === 45) {
    // "four-day visit", "five-year plan"; not "60-year-old".
    const h = behind(text, at, HYPHEN_BEFORE, 24);
    if (!h || plural || after.startsWith('-old')) return;
    const half = h.match[1].toLowerCase() === 'half';
    const n = half ? undefined : parseNumber(h.match[1]);
    if (!half && n === undefined) return;
    const value = half ? (unit === 'year' ? 'P6M' : unit === 'day' ? 'PT12H' : isoDuration(undefined, unit)) : isoDuration(n, unit);
    pushAmount(out, h.start, /^-long\b/.test(after) ? end + 5 : end, 'DURATION', value);
    return;
  }
  const every = plural ? behind(text, at, EVERY_N_BEFORE, 30) : undefined;
  if (every) {
    const n = parseNumber(every.match[1]);
    if (n !== undefined) pushAmount(out, every.start, end, 'SET', isoDuration(n, unit));
    return;
  }
  const per = plural ? undefined : behind(text, at, PER_BEFORE, 40);
  // "every year", "twice a year", "six days a week" are sets; a bare "a year" is a duration.
  if (per && (per.match[1] !== undefined || !/^a\s+$/i.test(per.match[0]))) {
    pushAmount(out, per.start, end, 'SET', isoDuration(1, unit));
    return;
  }
  if (AGE_OR_DATE_AFTER.test(after)) return;
  const count = behind(text, at, COUNT_BEFORE, 30);
  if (count) {
    const q = count.match[1].toLowerCase();
    let n: number | undefined;
    if (q === 'a' || q === 'an') {
      if (plural) return;
      n = 1;
    } else if (q === 'half a') {
      if (unit === 'year') pushAmount(out, count.start, end, 'DURATION', 'P6M');
      return;
    } else if (q === 'several' || q === 'a few' || q === 'few' || q === 'many' || q === 'some') {
      if (!plural) return;
    } else {
      n = parseNumber(q);
      if (n === undefined || (n !== 1 && !plural)) return;
    }
    // "the past five years": the determiner and adjective belong to the duration.
    const stretch = behind(text, count.start, STRETCH_BEFORE, 20);
    pushAmount(out, stretch?.start ?? count.start, end, 'DURATION', isoDuration(n, unit));
    return;
  }
  const vague = plural ? behind(text, at, VAGUE_BEFORE, 16) : undefined;
  if (vague) pushAmount(out, at, end, 'DURATION', isoDuration(undefined, unit));
}
