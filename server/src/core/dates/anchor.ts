/**
 * Years for year-less dates (`June 2`, `last December`), taken from the article's date and
 * adjusted by the tense of the sentence as HeidelTime does for news. No article date: unknown year.
 */
import { tenseAround } from './tense';
import { toDayNumber } from './calendar';

/** The article's date as the resolver uses it. */
export interface DctAnchor {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  /** ISO value `2025-04-25`. */
  readonly value: string;
  /** The text it was read from, e.g. `Jun 30, 2021`. */
  readonly text: string;
  /** e.g. `dateline`. */
  readonly source: string;
}

const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(m: number): string {
  return MONTH_NAMES[m] ?? '';
}

/** How near (in days) a year-less day must be to the article's date to be placed by nearness alone. */
const NEAR_DAYS = 30;

export interface YearChoice {
  readonly y?: number;
  readonly note: string;
}

export function yearFor(
  text: string, start: number, end: number, dct: DctAnchor | undefined,
  m: number, d?: number, mod?: 'last' | 'next' | 'this',
): YearChoice {
  if (!dct) return { note: 'year unknown: no article date' };
  const base = `year from the ${dct.source}: ${dct.text}`;
  if (mod === 'last') return { y: m < dct.m ? dct.y : dct.y - 1, note: `the last ${monthName(m)} before the ${dct.source}: ${dct.text}` };
  if (mod === 'next') return { y: m > dct.m ? dct.y : dct.y + 1, note: `the next ${monthName(m)} after the ${dct.source}: ${dct.text}` };
  if (mod === 'this') return { y: dct.y, note: base };
  const cmp = d === undefined ? m - dct.m : m - dct.m || d - dct.d;
  if (cmp === 0) return { y: dct.y, note: base };
  if (d !== undefined) {
    // A day within a month of the article's date is that one, whatever the tense ("was moved to June 12" in an
    // article of June 6; "Dec. 28" in one of January 3): tense only decides between dates a year apart.
    const here = toDayNumber(dct.y, dct.m, dct.d);
    for (const y of [dct.y, dct.y - 1, dct.y + 1]) {
      if (Math.abs(toDayNumber(y, m, d) - here) <= NEAR_DAYS) {
        return { y, note: y === dct.y ? base : `${base}; the ${y < dct.y ? 'year before' : 'year after'}, the nearest ${monthName(m)} ${d}` };
      }
    }
  } else if (m === dct.m) return { y: dct.y, note: base };
  const tense = tenseAround(text, start, end);
  if (tense === 'past' && cmp > 0) return { y: dct.y - 1, note: `${base}; the year before, as the sentence is in the past tense` };
  if (tense === 'future' && cmp < 0) return { y: dct.y + 1, note: `${base}; the year after, as the sentence is in the future tense` };
  return { y: dct.y, note: base };
}
