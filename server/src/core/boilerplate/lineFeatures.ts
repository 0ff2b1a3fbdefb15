/**
 * Features of one line that need no context: is it prose, a data row, a widget, a timestamp…
 * `intrinsicChrome` returns a reason when the line alone shows it is page furniture.
 */
import {
  AGENCY_CODE, BYLINE, COPYRIGHT, LABEL_PREFIX, MENU_SEPARATOR, PHOTO_CREDIT,
  glueWords, listLabels, timeMarkers, timeWords, widgetWords,
} from './lexicon';
import { headlineKey, LineSpan } from './text';

export interface LineFeatures {
  /** Number of words (letters/digits runs). */
  readonly wordCount: number;
  /** A sentence or paragraph of running text. */
  readonly prose: boolean;
  /** A short line that is not prose: a heading, label, widget, headline, table row… */
  readonly short: boolean;
  /** A data row: a score, a table row (two or more numbers, or cells separated by tabs or bars). */
  readonly data: boolean;
  /** Written in capitals only. */
  readonly caps: boolean;
  /** Opens a list of other articles ("Related news", "Most viewed"). */
  readonly listLabel: boolean;
  /** Ends like a sentence (full stop, question or exclamation mark). */
  readonly sentence: boolean;
}

const SENTENCE_END = /[.!?…][)"'”’»]*$/;
const NUMBER = /\d+(?:[.,:/]\d+)*/g;
const LETTERS = /[\p{L}]+/gu;
const DATE_FORM = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}:\d{2}\b/;
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const SHORT_MAX_CHARS = 160;
/** Cheap pre-checks before the full patterns, which are slow on long paragraphs. */
const MAYBE_COPYRIGHT = /©|\(c\)|opyright|ights reserved|eproduction/i;
const MAYBE_PHOTO = /hoto|mage|icture|pic|llustrat|redit|raphic/i;

export function lineFeatures(text: string): LineFeatures {
  const wordCount = countWords(text);
  const sentence = SENTENCE_END.test(text);
  const prose = wordCount >= 20 || (wordCount >= 6 && sentence);
  const short = !prose && text.length <= SHORT_MAX_CHARS;
  if (!short) return { wordCount, prose, short, data: false, caps: false, listLabel: false, sentence };
  const numbers = text.match(NUMBER)?.length ?? 0;
  const data = numbers >= 2 || (numbers >= 1 && /\t|\|/.test(text));
  const letters = text.replace(/[^\p{L}]/gu, '');
  const caps = letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const listLabel = wordCount <= 6 && listLabels.has(headlineKey(text));
  return { wordCount, prose, short, data, caps, listLabel, sentence };
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 9 || c === 160;
    if (!isSpace && !inWord) n++;
    inWord = !isSpace;
  }
  return n;
}

export const MENU = 'navigation menu';

/** A reason when the line by itself is page furniture, wherever it stands; otherwise undefined. */
export function intrinsicChrome(span: LineSpan, f: LineFeatures): string | undefined {
  const text = span.text;
  if (f.listLabel) return `label of a list of other articles ('${text}')`;
  if (f.short && !f.data && isWidget(text)) return 'navigation, share or reaction widget';
  if (f.short && isMenu(text)) return MENU;
  if (isTimestamp(text)) return 'timestamp or counter';
  if (isByline(text)) return 'byline';
  if (f.wordCount <= 40 && MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text)) return 'copyright line';
  if (f.wordCount <= 80 && maybePhotoCredit(text) && PHOTO_CREDIT.test(text)) return 'photo caption and credit';
  if (f.wordCount <= 25 && LABEL_PREFIX.test(text) && !(f.prose && f.wordCount > 12)) return 'labelled page chrome';
  return undefined;
}

/**
 * Whether `text` may hold a photo credit (PHOTO_CREDIT, lexicon.ts): each of its forms has a colon (`Photo: …`), a
 * bracket (`(Photo …)`) or ` by ` (`Pictures by …`), found at once, as well as a credit word. The case-blind search
 * for the words, on every paragraph of up to 80 words, was a tenth of the time of a boilerplate summary.
 */
export function maybePhotoCredit(text: string): boolean {
  return (text.includes(':') || text.includes('(') || text.includes(' by ')) && MAYBE_PHOTO.test(text);
}

/** "By John Smith", "Reported by Jane Doe and Lee Min": a credit word, then names only. */
function isByline(text: string): boolean {
  // Length first: a paragraph was copied (its first letter lower-cased) only to be refused for its length.
  if (text.length > 80) return false;
  const m = BYLINE.exec(text.charAt(0).toLowerCase() + text.slice(1));
  if (!m) return false;
  const rest = text.slice(m[0].length).split(/[\s,]+/).filter((w) => w.length > 0);
  return rest.length >= 1 && rest.length <= 6 && rest.every((w) => /^\p{Lu}/u.test(w) || BYLINE_GLUE.has(w));
}

const BYLINE_GLUE = new Set(['and', '&', 'in', 'for', 'staff', 'reporter', 'correspondent', 'de', 'van', 'von', 'al']);

/** A lone agency code such as `KPL` or `VNA/VNS`; furniture at the top or bottom, not inside the body. */
export function isAgencyCode(text: string): boolean {
  return text.length <= 20 && AGENCY_CODE.test(text);
}

function isWidget(text: string): boolean {
  if (text.length > 70 || text.endsWith('.')) return false;
  const ws = text.toLowerCase().match(LETTERS);
  if (!ws || ws.length === 0 || ws.length > 8) return false;
  let widget = 0;
  for (const w of ws) {
    if (widgetWords.has(w)) widget++;
    else if (!glueWords.has(w)) return false;
  }
  return widget > 0;
}

function isMenu(text: string): boolean {
  if (/\d/.test(text)) return false;
  const items = text.split(MENU_SEPARATOR).map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length >= 3 && items.every((s) => s.split(/\s+/).length <= 3);
}

function isTimestamp(text: string): boolean {
  if (text.length > 70) return false;
  const ws = text.toLowerCase().match(/[\p{L}]+|\d+/gu);
  if (!ws || ws.length === 0) return false;
  let marker = false;
  for (const w of ws) {
    if (/^\d+$/.test(w)) continue;
    if (!timeWords.has(w)) return false;
    if (timeMarkers.has(w)) marker = true;
  }
  return marker || DATE_FORM.test(text) || (MONTH.test(text) && /\d/.test(text));
}
