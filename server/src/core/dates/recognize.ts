/**
 * The date pipeline for one document: recognise candidates, drop overlaps, join ranges, find the
 * article's date, then resolve values in text order.
 */
import type { CancellationToken, DateMention, DocumentDate } from '../types';
import { throwIfCancelled } from '../types';
import type { Candidate } from './spec';
import { decideDayOrder, type DayOrder } from './dayOrder';
import { findMonthNameDates, findNumericDates } from './absolute';
import { findYears } from './years';
import { findClockTimes, findRelative } from './relative';
import { findDurations } from './durations';
import { findFiscal, findHolidays, findReferences, findWordYears } from './periods';
import { dropOverlaps, joinNeighbours } from './merge';
import { detectDocumentDate, type DctFinding } from './documentDate';
import { Resolver } from './resolve';
import { WordStarts } from './wordStarts';
import type { DctAnchor } from './anchor';

export interface DateOptions {
  /** Default order of day and month in numeric dates when the article itself does not settle it. */
  dayOrder?: DayOrder;
  /** Also return durations (`four-day`, `60 years`) and sets (`annual`). */
  includeDurations?: boolean;
}

/** All candidates of a document, non-overlapping, in text order. */
export function collectCandidates(text: string, options: DateOptions, token?: CancellationToken): Candidate[] {
  const words = new WordStarts(text);
  const order = decideDayOrder(text, options.dayOrder, words);
  const raw: Candidate[] = [];
  findNumericDates(text, order, raw, words);
  findMonthNameDates(text, raw, words);
  throwIfCancelled(token);
  findYears(text, raw, words);
  findRelative(text, raw, words);
  findClockTimes(text, raw);
  findDurations(text, raw, words);
  findReferences(text, raw, words);
  findHolidays(raw, words);
  findWordYears(text, raw, words);
  findFiscal(raw, words);
  throwIfCancelled(token);
  return joinNeighbours(text, dropOverlaps(raw));
}

export function findDocumentDate(text: string, options: DateOptions = {}): DocumentDate | undefined {
  return detectDocumentDate(text, collectCandidates(text, options))?.date;
}

function toAnchor(d: DocumentDate): DctAnchor | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d.value);
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), value: m[0], text: d.text, source: d.source };
}

export function recognizeDates(
  text: string,
  options: DateOptions & { documentDate?: DocumentDate | null } = {},
  token?: CancellationToken,
): DateMention[] {
  return resolveCandidates(text, collectCandidates(text, options, token), options, token);
}

/**
 * The article's own date and its dates in one pass: the same as `findDocumentDate` then `recognizeDates` with that
 * date, with the candidates collected once instead of twice.
 */
export function recognizeDocumentDates(
  text: string,
  options: DateOptions = {},
  token?: CancellationToken,
): { documentDate?: DocumentDate; dates: DateMention[] } {
  const cands = collectCandidates(text, options, token);
  const documentDate = detectDocumentDate(text, cands)?.date;
  const dates = resolveCandidates(text, cands, { ...options, documentDate: documentDate ?? null }, token);
  return { ...(documentDate ? { documentDate } : {}), dates };
}

function resolveCandidates(
  text: string,
  cands: readonly Candidate[],
  options: DateOptions & { documentDate?: DocumentDate | null },
  token?: CancellationToken,
): DateMention[] {
  let dct: DocumentDate | undefined;
  let dctCandidate: Candidate | undefined;
  if (options.documentDate === undefined) {
    const found: DctFinding | undefined = detectDocumentDate(text, cands);
    dct = found?.date;
    dctCandidate = found?.candidate;
  } else if (options.documentDate !== null) {
    dct = options.documentDate;
    dctCandidate = cands.find((c) => c.start === dct!.start && c.end === dct!.end);
  }
  const resolver = new Resolver(text, dct ? toAnchor(dct) : undefined);
  const out: DateMention[] = [];
  for (let i = 0; i < cands.length; i++) {
    if ((i & 255) === 255) throwIfCancelled(token);
    const c = cands[i];
    const r = resolver.resolve(c);
    if (!options.includeDurations && (c.kind === 'DURATION' || c.kind === 'SET')) continue;
    const own = c === dctCandidate && dct;
    out.push({
      start: c.start, end: c.end, text: text.slice(c.start, c.end), kind: c.kind,
      value: own ? dct!.value : r.value,
      resolution: own ? `the article's own date (${dct!.source})` : r.resolution,
    });
  }
  return out;
}
