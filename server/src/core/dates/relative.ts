/**
 * Recognisers for expressions whose value depends on another date: `yesterday`, `this year`,
 * `last week`, `the same day`, `the following day`, `three years ago`, `on Monday`, and clock times
 * (`11:29`, `10 a.m.`) that take their day from the text around them.
 */
import type { Candidate } from './spec';
import { NUMBER_RE, WEEKDAYS, WEEKDAY_RE, parseNumber, timeUnit, isoDuration, weekdayNumber } from './lexicon';
import { behind } from './lookback';
import { isNowadaysToday } from './periods';
import { capitalisedToo, wordPattern, type WordStarts } from './wordStarts';

const DEICTIC = wordPattern(/\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b/g, capitalisedToo(['today', 'yesterday', 'tomorrow', 'tonight']));
const UNIT_WORD = wordPattern(/\b(day|week|weekend|month|year|quarter|decade|morning|afternoon|evening|night)\b/g, ['day', 'week', 'weekend', 'month', 'year', 'quarter', 'decade', 'morning', 'afternoon', 'evening', 'night']);
const UNIT_BEFORE =
  /(?:\b(earlier|later|early|late)\s+)?(?:\b(the)\s+)?\b(same|this|that|last|next|coming|previous|preceding|following|past|current)\s+$/i;
/** `the end of the year`, `the rest of the month`: the article's year or month. */
const PART_OF_BEFORE = /\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+$/i;
const AGO_WORD = wordPattern(/\b(ago|earlier|later)\b/g, ['ago', 'earlier', 'later']);
const AGO_BEFORE = new RegExp(`\\b(${NUMBER_RE}|a|an)\\s+(days?|weeks?|months?|years?|decades?)\\s+$`, 'i');
const WEEKDAY = wordPattern(new RegExp(`\\b(${WEEKDAY_RE})\\b(?:\\s+(morning|afternoon|evening|night))?`, 'g'), WEEKDAYS);
const WEEKDAY_MOD_BEFORE = /\b([Ll]ast|[Nn]ext|[Tt]his)\s+$/;
/** Clock times; the character before a match is checked in code (cheaper than a look-behind). */
const CLOCK = /(\d{1,2})(?:[:.](\d{2}))?\s*([AaPp])\.?\s?[Mm]\b\.?|([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|\s*[AaPp]\.?[Mm])/g;
const NOT_BEFORE_CLOCK = /[\w:.$/+−-]/;

const PART: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

export function findRelative(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(DEICTIC)) {
    const w = m[1].toLowerCase();
    // Capitalised mid-sentence "Today" is usually a title ("Vietnam Today").
    if (m[1][0] === 'T' && /[A-Z][a-z]+\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    if (w === 'today' && isNowadaysToday(text, m.index, m.index + m[0].length)) continue;
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    const part = w === 'tonight' ? 'NI' : undefined;
    out.push({ start: m.index, end: m.index + m[0].length, kind: part ? 'TIME' : 'DATE', spec: { t: 'relative', unit: 'day', offset, part }, priority: 1 });
  }
  for (const m of words.matches(UNIT_WORD)) unitPhrase(text, m.index, m[1], out);
  for (const m of words.matches(AGO_WORD)) {
    const q = behind(text, m.index, AGO_BEFORE, 30);
    if (!q) continue;
    const n = parseNumber(q.match[1]);
    const unit = timeUnit(q.match[2]);
    if (n === undefined || !unit) continue;
    const dir = m[1];
    const scale = unit === 'decade' ? 10 : 1;
    const spec = { t: 'relative' as const, unit: unit === 'decade' ? 'year' as const : unit, offset: (dir === 'later' ? n : -n) * scale, anaphoric: dir !== 'ago' };
    out.push({ start: q.start, end: m.index + m[0].length, kind: 'DATE', spec, priority: 2 });
  }
  for (const m of words.matches(WEEKDAY)) {
    const mod = behind(text, m.index, WEEKDAY_MOD_BEFORE, 6);
    const rel = mod?.match[1].toLowerCase() as 'last' | 'next' | 'this' | undefined;
    const part = m[2] ? PART[m[2]] : undefined;
    out.push({ start: mod?.start ?? m.index, end: m.index + m[0].length, kind: part ? 'TIME' : 'DATE', spec: { t: 'weekday', wd: weekdayNumber(m[1]), mod: rel, part }, priority: 1 });
  }
}

function unitPhrase(text: string, at: number, word: string, out: Candidate[]): void {
  const end = at + word.length;
  const partOf = word === 'year' || word === 'month' ? behind(text, at, PART_OF_BEFORE, 30) : undefined;
  if (partOf) {
    out.push({ start: partOf.start, end, kind: 'DATE', spec: { t: 'relative', unit: word as 'year' | 'month', offset: 0 }, priority: 1 });
    return;
  }
  const b = behind(text, at, UNIT_BEFORE, 40);
  if (!b) return;
  const [, modifier, theWord, detWord] = b.match;
  const the = theWord !== undefined;
  const det = detWord.toLowerCase();
  // "earlier this year" keeps its modifier; in "earlier the same day" the phrase starts at "the".
  const start = the && modifier ? b.start + b.match[0].search(/\bthe\b/i) : b.start;
  if ((det === 'past' || det === 'last') && the) {
    // "the past week", "over the last year": a stretch of time, not a date.
    const unit = timeUnit(word);
    if (unit) out.push({ start, end, kind: 'DURATION', spec: { t: 'amount', value: isoDuration(1, unit) }, priority: 1 });
    return;
  }
  if (word === 'decade') return;
  const part = PART[word];
  const unit = part ? 'day' : timeUnit(word);
  if (!unit) return;
  let offset = 0;
  let anaphoric = false;
  if (det === 'same' || det === 'that') anaphoric = true;
  else if (det === 'previous' || det === 'preceding') { offset = -1; anaphoric = the; }
  else if (det === 'following') { offset = 1; anaphoric = true; }
  else if (det === 'next' || det === 'coming') { offset = 1; anaphoric = the && det === 'next'; }
  else if (det === 'last' || det === 'past') offset = -1;
  if (part) {
    // "this morning", "last night", "that evening"; not "last morning" or "next evening".
    if (det === 'last' && word !== 'night') return;
    if (det !== 'this' && det !== 'last' && !anaphoric) return;
  }
  out.push({ start, end, kind: part ? 'TIME' : 'DATE', spec: { t: 'relative', unit, offset, anaphoric, part }, priority: 1 });
}

export function findClockTimes(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(CLOCK)) {
    if (m.index > 0 && NOT_BEFORE_CLOCK.test(text.charAt(m.index - 1))) continue;
    let hh: number, mi: number;
    if (m[3] !== undefined) {
      hh = Number(m[1]);
      mi = m[2] ? Number(m[2]) : 0;
      if (hh < 1 || hh > 12 || mi > 59) continue;
      hh = (hh % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    } else {
      hh = Number(m[4]);
      mi = Number(m[5]);
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'TIME', spec: { t: 'time', hh, mi }, priority: 1 });
  }
}
