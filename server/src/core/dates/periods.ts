/**
 * Kinds of expression news annotation (TIMEX3) marks beyond calendar dates:
 * - references to the present, past and future: `now`, `currently`, `nowadays` (`PRESENT_REF`), `recently`,
 *   `the past` (`PAST_REF`), `the future` (`FUTURE_REF`), and `today` when it means "nowadays";
 * - holidays whose day is fixed by a rule: `Christmas`, `Easter`, `Thanksgiving Day`, `Election Day`…;
 * - years and decades in words (`nineteen ninety-six`, `the nineties`) and centuries (`the 20th century` → `19`);
 * - fiscal periods: `third-quarter`, `the quarter`, `the latest quarter`, `the year-ago period`;
 * - `the weekend`.
 * Each is anchored on a cheap keyword and checked on the words around it.
 */
import type { Candidate } from './spec';
import { behind } from './lookback';
import { addDays, daysInMonth, weekday } from './calendar';
import { capitalisedToo, wordPattern, type WordStarts } from './wordStarts';

const THE = ['the', 'The'];

// --- references to the present, past and future -------------------------------------------------------------------

const REF_WORD = wordPattern(
  /\b([Nn]ow|[Cc]urrently|[Nn]owadays|[Rr]ecently|[Ll]ately|[Aa]t present|[Tt]hese days)\b(?![-'’]\w)/g,
  capitalisedToo(['now', 'currently', 'nowadays', 'recently', 'lately', 'at', 'these']),
);
/** `the past` and `the future`, not `the past three years`, `the past week` (durations) nor `the future of X`. */
const THE_PAST_FUTURE = wordPattern(/\b([Tt]he)\s+(?:(?:near|distant|recent|foreseeable|immediate)\s+)?(past|future)\b(?!\s+(?:\d|of\b|few\b|several\b|many\b|decades?\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b|centur|quarters?\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|twelve\b|twenty\b|thirty\b|fifty\b|hundred\b|summer|winter|spring|autumn|fall|weekend|night|generation|president|chairman|minister|editions?|seasons?|tense|participle|perfect)|[-'’]\w)/g, THE);
/** Words before `now` that make it part of another expression (`from now` is counted from, `now that` a conjunction). */
const NOT_NOW_AFTER = /^\s+(?:that|on\b)/;

function push(out: Candidate[], start: number, end: number, value: string, how: string, priority = 1): void {
  out.push({ start, end, kind: 'DATE', spec: { t: 'fixed', value, how }, priority });
}

/** Nouns of an era or a state of things: in `today's challenges`, `today's world`, `today` means nowadays. */
const ERA_NOUN = /^(?:\s+(?:[a-z]+[-–][a-z]+|fast|rapidly|ever|increasingly|more|highly|modern|new|complex|changing|globali[sz]ed|interconnected|digital|uncertain|volatile|competitive|young|complicated|difficult|current|evolving|turbulent),?)*\s+(?:world|society|societies|generations?|youth|young|children|era|age|times|context|landscape|environment|realit(?:y|ies)|challenges|threats|risks|problems|issues|economy|economies|market(?:place)?|media|technolog(?:y|ies)|security|geopolitic\w*|globali[sz]ation|warfare|conflicts|trends|standards|students|people|journalism|politics|climate|life|living)\b/;
/** A place, `the world`, `society`… just before `today`: `the world today`, `Laos today are…`. */
const ERA_SUBJECT_BEFORE = /(?:\b(?:the\s+(?:world|region|country|nation|planet|society|globe|continent)|society|people|youth|[A-Z\u00c0-\u1ef9][\p{L}’']+))\s+$/u;
/**
 * A present tense of state after `today` (`… today are partly contributed by`, `… today is a …`); not a plan for the
 * day (`is expected to`, `is holding`) nor a perfect (`has announced`), which speak of the day itself.
 */
const PRESENT_AFTER = /^\s+(?:(?:is|are)\b(?!\s+(?:expected|scheduled|due|set|going|about|to|being|\w+ing)\b)|(?:remains?|faces?|stands?|continues?|needs?|lives?|seems?|appears?)\b)/;

/** `today` meaning nowadays (TIMEX3 `PRESENT_REF`) rather than the article's day. */
export function isNowadaysToday(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 80);
  if (/^['’]s\b/.test(after)) return ERA_NOUN.test(after.slice(2));
  const before = text.slice(Math.max(0, start - 40), start);
  if (!ERA_SUBJECT_BEFORE.test(before)) return false;
  // `the world today` anywhere; a name before `today` only with a present tense of state after it.
  if (/\b(?:the\s+(?:world|region|country|nation|planet|society|globe|continent)|society|youth)\s+$/.test(before)) return true;
  return PRESENT_AFTER.test(after);
}

const TODAY = wordPattern(/\b[Tt]oday\b/g, ['today', 'Today']);

export function findReferences(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(TODAY)) {
    const end = m.index + m[0].length;
    if (isNowadaysToday(text, m.index, end)) push(out, m.index, end, 'PRESENT_REF', 'a reference to the present (today meaning nowadays)', 2);
  }
  for (const m of words.matches(REF_WORD)) {
    const w = m[1].toLowerCase();
    const end = m.index + m[0].length;
    if (w === 'now') {
      // "now that …" is a conjunction; "Now" capitalised mid-sentence is a title word.
      if (NOT_NOW_AFTER.test(text.slice(end, end + 6))) continue;
      if (m[1] === 'Now' && /[A-Za-z,;:]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    }
    const value = w === 'recently' || w === 'lately' ? 'PAST_REF' : 'PRESENT_REF';
    push(out, m.index, end, value, value === 'PAST_REF' ? 'a reference to the past' : 'a reference to the present');
  }
  for (const m of words.matches(THE_PAST_FUTURE)) {
    const value = m[2] === 'past' ? 'PAST_REF' : 'FUTURE_REF';
    push(out, m.index, m.index + m[0].length, value, value === 'PAST_REF' ? 'a reference to the past' : 'a reference to the future');
  }
}

// --- holidays ---------------------------------------------------------------------------------------------------

/** Western Easter Sunday (anonymous Gregorian computus). */
export function easter(y: number): { m: number; d: number } {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  return { m: month, d: ((h + l - 7 * mm + 114) % 31) + 1 };
}

/** The n-th (1-based; -1 = last) weekday `wd` of a month. */
function nthWeekday(y: number, m: number, wd: number, n: number): { m: number; d: number } {
  if (n > 0) {
    const first = weekday(y, m, 1);
    return { m, d: 1 + ((wd - first + 7) % 7) + 7 * (n - 1) };
  }
  const lastDay = daysInMonth(y, m);
  const last = weekday(y, m, lastDay);
  return { m, d: lastDay - ((last - wd + 7) % 7) };
}

export type HolidayRule = (y: number) => { m: number; d: number };

const fixed = (m: number, d: number): HolidayRule => () => ({ m, d });
const fromEaster = (days: number): HolidayRule => (y) => {
  const e = easter(y);
  const r = addDays({ y, m: e.m, d: e.d }, days);
  return { m: r.m, d: r.d };
};

/** Holiday names (lower case, curly apostrophes straightened) → the rule that gives their day in a year. */
export const HOLIDAYS: ReadonlyMap<string, HolidayRule> = new Map<string, HolidayRule>([
  ['christmas', fixed(12, 25)], ['christmas day', fixed(12, 25)], ['christmas eve', fixed(12, 24)],
  ["new year's day", fixed(1, 1)], ["new year's eve", fixed(12, 31)], ['boxing day', fixed(12, 26)],
  ["valentine's day", fixed(2, 14)], ['halloween', fixed(10, 31)], ['may day', fixed(5, 1)],
  ["international women's day", fixed(3, 8)], ['easter', fromEaster(0)], ['easter sunday', fromEaster(0)],
  ['easter monday', fromEaster(1)], ['good friday', fromEaster(-2)], ['thanksgiving', (y) => nthWeekday(y, 11, 4, 4)],
  ['thanksgiving day', (y) => nthWeekday(y, 11, 4, 4)], ['labor day', (y) => nthWeekday(y, 9, 1, 1)],
  ['memorial day', (y) => nthWeekday(y, 5, 1, -1)],
  // The Tuesday after the first Monday of November.
  ['election day', (y) => { const mon = nthWeekday(y, 11, 1, 1); return { m: 11, d: mon.d + 1 }; }],
]);

const HOLIDAY = wordPattern(
  /\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day|Valentine['’]s\s+Day|Halloween|May\s+Day|International\s+Women['’]s\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day)\b(?!\s+(?:Island|Islands|Rising|Offensive|Uprising|Agreement|Accords?|Massacre|Tsunami)\b)/g,
  ['Christmas', 'New', 'Boxing', 'Valentine', 'Halloween', 'May', 'International', 'Easter', 'Good', 'Thanksgiving', 'Labor', 'Memorial', 'Election'],
);

export function findHolidays(out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(HOLIDAY)) {
    const name = m[1].replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
    if (!HOLIDAYS.has(name)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'holiday', name }, priority: 2 });
  }
}

// --- years, decades and centuries in words -------------------------------------------------------------------------

const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** `nineteen ninety-six`, `twenty twenty-four`, `two thousand and eight`. */
const WORD_YEAR = wordPattern(new RegExp(
  `\\b([Nn]ineteen|[Ee]ighteen|[Tt]wenty)[\\s-]+(?:(${TEENS.join('|')})|(${TENS.slice(2).join('|')})(?:[\\s-](${ONES.slice(1).join('|')}))?|(?:oh|o)[\\s-](${ONES.slice(1).join('|')}))\\b(?![\\s-]+(?:percent|per\\s+cent|people|years?|million|billion|thousand|hundred)\\b)` +
  `|\\b[Tt]wo\\s+thousand(?:\\s+and)?\\s+(${ONES.slice(1).join('|')}|${TEENS.join('|')})\\b`, 'g'),
  capitalisedToo(['nineteen', 'eighteen', 'twenty', 'two']),
);
const WORD_YEAR_TEMPORAL_BEFORE = /\b(?:in|since|by|until|till|before|after|from|of|during|through|to|and|early|mid|late)\s+$/i;
/** `the nineties`, `the mid-eighties`, `the nineteen-nineties`; not `in their forties` (ages). */
const WORD_DECADE = wordPattern(/\b(?:[Tt]he)\s+(?:(?:early|mid|late)[\s-]+)?(?:(nineteen|eighteen)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/g, THE);
const CENTURY_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22,
};
const CENTURY = wordPattern(/\bcentury\b/g, ['century']);
/** Before `century`: `the 20th`, `the twentieth`, `the early 21st-`, `this`, `the last`. */
const CENTURY_BEFORE = /(?:\b(?:[Tt]he|[Tt]his|[Ll]ast)\s+)?(?:\b(?:early|mid|late)[\s-]+)?(?:\b(\d{1,2})(?:st|nd|rd|th)|\b([a-z]+(?:[\s-](?:first|second))?))[\s-]+$|\b([Tt]his|[Ll]ast|[Pp]revious|[Nn]ext)\s+$/;

export function findWordYears(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(WORD_YEAR)) {
    let y: number;
    if (m[6]) {
      if (!behind(text, m.index, WORD_YEAR_TEMPORAL_BEFORE, 12)) continue;
      const w = m[6].toLowerCase();
      y = 2000 + (ONES.indexOf(w) >= 0 ? ONES.indexOf(w) : TEENS.indexOf(w) + 10);
    } else {
      const head = m[1].toLowerCase();
      const century = head === 'nineteen' ? 1900 : head === 'eighteen' ? 1800 : 2000;
      let rest: number;
      if (m[2]) rest = TEENS.indexOf(m[2].toLowerCase()) + 10;
      else if (m[3]) rest = TENS.indexOf(m[3].toLowerCase()) * 10 + (m[4] ? ONES.indexOf(m[4].toLowerCase()) : 0);
      else rest = ONES.indexOf(m[5].toLowerCase());
      // "twenty twenty" is a year; "twenty ten" too, but "twenty one" is a number (not matched: ones need "oh").
      if (head === 'twenty' && rest < 10) continue;
      y = century + rest;
    }
    push(out, m.index, m.index + m[0].length, String(y), 'year in words', 2);
  }
  for (const m of words.matches(WORD_DECADE)) {
    const head = m[1]?.toLowerCase();
    const century = head === 'eighteen' ? 18 : 19;
    push(out, m.index, m.index + m[0].length, `${century}${DECADE_WORDS[m[2].toLowerCase()]}`, 'decade in words', 2);
  }
  for (const c of words.matches(CENTURY)) {
    const b = behind(text, c.index, CENTURY_BEFORE, 40);
    if (!b) continue;
    const m = b.match;
    const end = c.index + c[0].length;
    const rel = m[3] ?? (m[2] && /^(?:this|last|previous|next)$/i.test(m[2]) ? m[2] : undefined);
    if (rel) {
      // "the last century" is a stretch of time in "over the last century"; "this century", "last century" are dates.
      if (/\bthe\s+$/i.test(text.slice(Math.max(0, b.start - 4), b.start)) && !/^this$/i.test(rel)) continue;
      const start = b.start + b.match[0].search(/\S/);
      out.push({ start, end, kind: 'DATE', spec: { t: 'century', offset: /^(?:last|previous)$/i.test(rel) ? -1 : /^next$/i.test(rel) ? 1 : 0 }, priority: 2 });
      continue;
    }
    let n: number | undefined;
    if (m[1]) n = Number(m[1]);
    else if (m[2]) n = CENTURY_ORDINALS[m[2].toLowerCase().replace(/\s+/, '-')];
    if (n === undefined || n < 1 || n > 22) continue;
    const lead = /^(?:this|last)\s+/i.exec(m[0]);
    push(out, b.start + (lead ? lead[0].length : 0), end, String(n - 1).padStart(2, '0'), 'explicit century', 2);
  }
}

// --- fiscal periods and the weekend ----------------------------------------------------------------------------------

/** `third-quarter profit`, `fourth-quarter results`: an ordinal quarter used as an adjective. */
const ADJ_QUARTER = wordPattern(/\b(first|second|third|fourth|1st|2nd|3rd|4th)-quarter\b/gi, ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th']);
/** `the quarter`, `the latest quarter`, `the year-ago period`, `the year-earlier quarter`, `the same quarter a year earlier`. */
const QUARTER_PHRASE = wordPattern(
  /\b[Tt]he\s+(?:(latest|most\s+recent|recent|current|just-ended|just-completed|past|previous|prior|preceding|same)\s+)?(?:(year-ago|year-earlier|year-before|prior-year|previous-year|year-ago)\s+)?(quarter|period)\b(?!\s+(?:of|to|ended|ending|from|through|between|since|before|after)\b|-)/g,
  THE,
);
const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const THE_WEEKEND = wordPattern(/\b[Tt]he\s+weekend\b/g, THE);

export function findFiscal(out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(ADJ_QUARTER)) {
    const q = QUARTER_ORDINALS[m[1].toLowerCase()];
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'quarter', which: 'ordinal', q }, priority: 2 });
  }
  for (const m of words.matches(QUARTER_PHRASE)) {
    const mod = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const ago = m[2] !== undefined;
    const period = m[3] === 'period';
    // "the period" alone is not a quarter; "the year-ago period" is.
    if (period && !ago) continue;
    let which: 'anaphoric' | 'latest' | 'previous' | 'yearAgo' | 'current';
    if (ago) which = 'yearAgo';
    else if (mod === 'latest' || mod === 'most recent' || mod === 'recent' || mod === 'just-ended' || mod === 'just-completed') which = 'latest';
    else if (mod === 'previous' || mod === 'prior' || mod === 'preceding' || mod === 'past') which = 'previous';
    else if (mod === 'current') which = 'current';
    else if (mod === 'same') continue;
    else which = 'anaphoric';
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'quarter', which }, priority: 1 });
  }
  for (const m of words.matches(THE_WEEKEND)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'weekend' }, priority: 1 });
  }
}
