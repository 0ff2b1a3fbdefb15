/**
 * Years and spans of years: `in 1976`, `the 2025 cooperation plan`, `2025–2029`, `(2025-2030)`,
 * `mid-2025`, `the 1990s`, `the first quarter of 2025`, `summer 2024`. A four-digit number is a
 * year only where the words around it say so; counts, money, codes and clock times are not.
 */
import type { Candidate } from './spec';
import { behind } from './lookback';
import { capitalisedToo, DIGITS, wordPattern, type WordStarts } from './wordStarts';

const MOD_BEFORE = /\b(?:[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:end|beginning|start|middle|turn)\s+of)[\s-]+$/;
const YEAR = wordPattern(/(?<![\w$€£¥#.,/:'’])(\d{4})(?![\w%$€£/:-]|[.,]\d)/g, DIGITS);
const YEAR_RANGE = wordPattern(new RegExp(
  `(?<![\\w$€£¥#.,/:'’-])(\\d{4})(\\s*[–—-]\\s*|\\s+(?:to|until|till|through)\\s+)(\\d{4}|\\d{2})(?![\\w%$€£/:–—-]|[.,]\\d)`, 'g'), DIGITS);
const DECADE = wordPattern(/(?<![\w$#.,-])(1[0-9]|20)(\d)0s\b/g, ['1', '20']);
const QUARTER = wordPattern(
  /\b(quarter|half)(?:\s+of\s+(?:(\d{4})\b|(this|last|next|the)\s+year\b))?|\b([QH][1-4])\s*(\d{4})\b/g,
  ['quarter', 'half', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'H3', 'H4'],
);
/** `in the fall`, `this summer`, `last winter`: seasons without a year (not "the fall of Saigon"). */
const SEASONS = capitalisedToo(['spring', 'summer', 'autumn', 'fall', 'winter']);
const SEASON_REL = wordPattern(/\b([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b(?!\s+(?:of|in|from|to)\b|\s+\d)/g, SEASONS);
const SEASON_REL_BEFORE = /\b(?:(?:in|during|by|until|since|over|for)\s+the|(this|last|next|coming|past))\s+$/i;
const SEASON_CODES: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
const ORDINAL_BEFORE = /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+$/i;
const SEASON = wordPattern(/\b([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?(\d{4})(?!\w|[.,]\d)/g, SEASONS);
const THE_BEFORE = /\bthe\s+$/i;
const EARLY_BEFORE = /\b(?:the\s+)?(?:early|mid|late)[\s-]+$/i;

/** Words right before a number that make it a year (lower case). */
const TEMPORAL_BEFORE = new Set([
  'in', 'since', 'by', 'until', 'till', 'before', 'after', 'from', 'of', 'during', 'through', 'throughout',
  'to', 'between', 'and', 'year', 'years', 'circa', 'c', 'early', 'mid', 'late', 'fiscal', 'for', 'the', 'this',
  'as', 'around', 'spring', 'summer', 'autumn', 'fall', 'winter', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'beyond', 'within',
]);
/** Words right before a number that make it a count (unless a temporal word precedes them). */
const QUANTIFIER_BEFORE = new Set([
  'about', 'some', 'nearly', 'almost', 'over', 'than', 'approximately', 'roughly', 'least', 'total', 'only',
  'just', 'another', 'estimated',
]);
/** Words right before a number that make it a label or an amount. */
const LABEL_BEFORE = new Set([
  'no', 'number', 'resolution', 'decree', 'decision', 'article', 'route',
  'highway', 'flight', 'room', 'unit', 'regiment', 'division', 'brigade', 'battalion', 'hill', 'circular',
  'law', 'directive', 'item', 'page', 'pages', 'model', 'code', 'zone', 'section', 'chapter', 'vol', 'volume',
  'clause', 'rs', 'usd', 'us', 'vnd', 'kip', 'baht', 'eur', 'rmb', 'yuan', 'dollars', 'km', 'reg', 'tel', 'ext',
]);
/** Words right after a number that make it a quantity. */
const NOT_YEAR_AFTER =
  /^\s*(?:million|billion|thousand|hundred|trillion|crore|lakh|percent|per\s+cent|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|kg|kilograms?|tonnes?|tons?|hectares?|ha|mw|kw|gw|usd|vnd|kip|baht|dollars?|yuan|euros?|gmt|utc|ict|hrs|hours|h|local\s+time|feet|ft|people|persons|soldiers|troops|officers|personnel|households|families|cases|units|vehicles|members|students|workers|residents|villages|km2|sq|square|rounds|pieces|tablets|pills|kilos|litres|liters)\b/i;

/** The word just before `start`, skipping spaces, `(` and `.`: lower case, and where it starts. */
function wordBefore(text: string, start: number): { word: string; at: number } {
  let i = start;
  const stop = Math.max(0, start - 24);
  while (i > stop && /[\s(.]/.test(text.charAt(i - 1))) i--;
  const end = i;
  while (i > stop && /[A-Za-z]/.test(text.charAt(i - 1))) i--;
  return { word: text.slice(i, end).toLowerCase(), at: i };
}

/** Is the four-digit number at [start, end) a year here? */
export function isYearHere(text: string, start: number, end: number, y: number): boolean {
  const w1 = wordBefore(text, start);
  let before = w1.word;
  if (LABEL_BEFORE.has(before)) return false;
  if (QUANTIFIER_BEFORE.has(before)) {
    // "until at least 2027", "by about 2030": a quantifier right after a temporal preposition.
    let w2 = wordBefore(text, w1.at);
    if (before === 'least' && w2.word === 'at') w2 = wordBefore(text, w2.at);
    if (!TEMPORAL_BEFORE.has(w2.word) || w2.word === 'the' || w2.word === 'and') return false;
    before = w2.word;
  }
  if (NOT_YEAR_AFTER.test(text.slice(end, end + 24))) return false;
  const temporal = TEMPORAL_BEFORE.has(before) || text.charAt(start - 1) === '(';
  if (y % 100 === 0 && !temporal) return false;
  return temporal ? y >= 1000 && y <= 2199 : y >= 1900 && y <= 2099;
}

export function findYears(text: string, out: Candidate[], words: WordStarts): void {
  for (const m of words.matches(YEAR)) {
    const at = m.index;
    const y = Number(m[1]);
    const mod = behind(text, at, MOD_BEFORE, 24);
    // A hyphen before the number belongs to a code (`T12-2025`) unless it is `mid-2025`.
    if (!mod && text.charCodeAt(at - 1) === 45) continue;
    if (!isYearHere(text, at, at + 4, y)) continue;
    out.push({ start: mod?.start ?? at, end: at + 4, kind: 'DATE', spec: { t: 'year', y }, priority: 1 });
  }
  for (const m of words.matches(YEAR_RANGE)) {
    const a = Number(m[1]);
    const bRaw = m[3];
    if (bRaw.length === 2 && /[a-z]/i.test(m[2])) continue;
    const b = bRaw.length === 2 ? Math.floor(a / 100) * 100 + Number(bRaw) : Number(bRaw);
    const end = m.index + m[0].length;
    if (b <= a || b - a > 100 || !isYearHere(text, m.index, end, a) || !isYearHere(text, end - 4, end, b)) continue;
    out.push({ start: m.index, end, kind: 'DATE', spec: { t: 'range', a: { t: 'year', y: a }, b: { t: 'year', y: b } }, priority: 2 });
  }
  for (const m of words.matches(DECADE)) {
    const start = behind(text, m.index, EARLY_BEFORE, 16)?.start ?? behind(text, m.index, THE_BEFORE, 5)?.start ?? m.index;
    out.push({ start, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'fixed', value: m[1] + m[2], how: 'explicit decade' }, priority: 1 });
  }
  for (const m of words.matches(QUARTER)) {
    const ord = m[1] ? behind(text, m.index, ORDINAL_BEFORE, 16) : undefined;
    if (m[1] && !ord) continue;
    const start = ord?.start ?? m.index, end = m.index + m[0].length;
    if (m[4]) {
      out.push({ start, end, kind: 'DATE', spec: { t: 'fixed', value: `${m[5]}-${m[4]}`, how: 'explicit part of a year' }, priority: 2 });
      continue;
    }
    const code = partOfYear(ord!.match[1], m[1]);
    if (m[2]) {
      out.push({ start, end, kind: 'DATE', spec: { t: 'fixed', value: `${m[2]}-${code}`, how: 'explicit part of a year' }, priority: 2 });
      continue;
    }
    const rel = m[3]?.toLowerCase();
    // No year given ("the third quarter"): the year is chosen by tense when resolving.
    const yearShift = rel === undefined ? undefined : rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    out.push({ start, end, kind: 'DATE', spec: { t: 'part', code, yearShift }, priority: 2 });
  }
  for (const m of words.matches(SEASON_REL)) {
    const ctx = behind(text, m.index, SEASON_REL_BEFORE, 16);
    if (!ctx) continue;
    const det = ctx.match[1]?.toLowerCase();
    // "the summer": the year by tense; "the coming summer": the next one; "this summer": the article's year.
    const yearShift = det === undefined || det === 'coming' ? undefined : det === 'last' || det === 'past' ? -1 : det === 'next' ? 1 : 0;
    const start = det ? ctx.start : ctx.start + ctx.match[0].search(/\bthe\s+$/i);
    out.push({ start, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'part', code: SEASON_CODES[m[1].toLowerCase()], yearShift, coming: det === 'coming' || undefined }, priority: 1 });
  }
  for (const m of words.matches(SEASON)) {
    const code = SEASON_CODES[m[1].toLowerCase()] ?? 'SU';
    out.push({ start: behind(text, m.index, THE_BEFORE, 5)?.start ?? m.index, end: m.index + m[0].length, kind: 'DATE', spec: { t: 'fixed', value: `${m[2]}-${code}`, how: 'explicit season' }, priority: 2 });
  }
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4,
};

function partOfYear(ordinal: string, part: string): string {
  const n = ORDINALS[ordinal.toLowerCase()] ?? 4;
  return part === 'half' ? `H${n === 1 ? 1 : 2}` : `Q${n}`;
}
