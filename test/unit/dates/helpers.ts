import { recognizeDates, type DateOptions } from '../../../server/src/core/dates';
import type { DateMention, DocumentDate } from '../../../server/src/core/types';

export type Opts = DateOptions & { documentDate?: DocumentDate | null };

/** Mentions as `text → value` strings, easy to compare in assertions. */
export function pairs(text: string, options: Opts = {}): string[] {
  return recognizeDates(text, options).map((m) => `${m.text} → ${m.value}`);
}

export function find(text: string, expr: string, options: Opts = {}): DateMention {
  const m = recognizeDates(text, options).find((x) => x.text === expr);
  if (!m) throw new Error(`no mention "${expr}" in: ${pairs(text, options).join('; ')}`);
  return m;
}

/** A document date for tests that give the anchor directly. */
export function dct(value: string, text = value, source = 'dateline'): DocumentDate {
  return { start: 0, end: 0, text, value, source };
}
