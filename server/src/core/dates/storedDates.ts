/**
 * An article's resolved dates as plain numbers and one string, for the analysis state a host keeps between runs
 * (analysisState.ts): three numbers a mention (start, end, kind) and its value and resolution in a string of
 * NUL-separated fields, with the article's own date first. Like the names, they are offsets into the very text they
 * were found in; decoding checks every offset and gives up on anything odd (the dates are then resolved again).
 *
 * Dates are stored as resolved with durations and sets included (`includeDurations`), so one stored list serves both
 * settings: without them, those mentions are left out when decoding, which is what resolving without them gives (each
 * mention is resolved alike either way; durations and sets are only dropped from the output). The day order is part
 * of the key: dates stored for another day order are not used.
 */
import type { DateKind, DateMention, DocumentDate } from '../types';
import type { DateOptions } from './recognize';

export interface StoredDates {
  /** The day order they were resolved with (`dateStorageKey`). */
  readonly key: string;
  /** The article's own date (start, end; -1 -1 when none), then start, end and kind (index in KINDS) a mention. */
  readonly numbers: readonly number[] | Int32Array;
  /** The own date's value and source, then each mention's value and resolution, separated by NUL characters. */
  readonly strings: string;
}

const KINDS: readonly DateKind[] = ['DATE', 'TIME', 'DURATION', 'SET'];
const SEP = '\u0000';

/** The options dates are resolved with to be stored: those of the key, with durations and sets. */
export function storedDateOptions(options: DateOptions | undefined): DateOptions {
  return { dayOrder: options?.dayOrder ?? 'auto', includeDurations: true };
}

/** Which stored dates serve these options: those resolved with the same day order. */
export function dateStorageKey(options: DateOptions | undefined): string {
  return options?.dayOrder ?? 'auto';
}

/**
 * The stored form of dates resolved with `storedDateOptions(options)` in `text`; undefined when one cannot be written
 * (a field holding a NUL character, a mention that does not spell its text).
 */
export function encodeDates(
  text: string,
  options: DateOptions | undefined,
  found: { readonly documentDate?: DocumentDate; readonly dates: readonly DateMention[] },
): StoredDates | undefined {
  const dd = found.documentDate;
  const numbers = new Array<number>(2 + 3 * found.dates.length);
  const strings: string[] = [dd?.value ?? '', dd?.source ?? ''];
  numbers[0] = dd ? dd.start : -1;
  numbers[1] = dd ? dd.end : -1;
  if (dd && !spells(text, dd)) return undefined;
  let k = 2;
  for (const d of found.dates) {
    const kind = KINDS.indexOf(d.kind);
    if (kind < 0 || !spells(text, d)) return undefined;
    numbers[k++] = d.start;
    numbers[k++] = d.end;
    numbers[k++] = kind;
    strings.push(d.value, d.resolution);
  }
  if (strings.some((s) => s.includes(SEP))) return undefined;
  return { key: dateStorageKey(options), numbers, strings: strings.join(SEP) };
}

/** Whether `value` has the shape of stored dates (not whether they fit a text: decoding says that). */
export function isStoredDates(value: unknown): value is StoredDates {
  if (!value || typeof value !== 'object') return false;
  const v = value as StoredDates;
  return typeof v.key === 'string' && typeof v.strings === 'string' && (Array.isArray(v.numbers) || v.numbers instanceof Int32Array);
}

/**
 * The dates stored for `text`, as resolving them with `options` gives them; undefined when they were stored for
 * other options, or do not fit the text.
 */
export function decodeDates(
  text: string,
  stored: StoredDates,
  options: DateOptions | undefined,
): { documentDate?: DocumentDate; dates: DateMention[] } | undefined {
  if (stored.key !== dateStorageKey(options)) return undefined;
  const { numbers } = stored;
  const strings = stored.strings.split(SEP);
  const n = (numbers.length - 2) / 3;
  if (!Number.isInteger(n) || n < 0 || strings.length !== 2 + 2 * n) return undefined;
  const fits = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
  let documentDate: DocumentDate | undefined;
  if (numbers[0] !== -1 || numbers[1] !== -1) {
    if (!fits(numbers[0], numbers[1])) return undefined;
    documentDate = { start: numbers[0], end: numbers[1], text: text.slice(numbers[0], numbers[1]), value: strings[0], source: strings[1] };
  }
  const withDurations = options?.includeDurations === true;
  const dates: DateMention[] = [];
  for (let i = 0; i < n; i++) {
    const start = numbers[2 + 3 * i];
    const end = numbers[3 + 3 * i];
    const kind = KINDS[numbers[4 + 3 * i]];
    if (!fits(start, end) || kind === undefined) return undefined;
    if (!withDurations && (kind === 'DURATION' || kind === 'SET')) continue;
    dates.push({ start, end, text: text.slice(start, end), kind, value: strings[2 + 2 * i], resolution: strings[3 + 2 * i] });
  }
  return { ...(documentDate ? { documentDate } : {}), dates };
}

function spells(text: string, span: { readonly start: number; readonly end: number; readonly text: string }): boolean {
  return span.start >= 0 && span.end <= text.length && span.start < span.end && text.startsWith(span.text, span.start) && span.end - span.start === span.text.length;
}
