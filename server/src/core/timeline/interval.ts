/**
 * The stretch of time a TIMEX3-style value covers, for placing it on a timeline: `2025` is the whole year,
 * `2025-W17` its ISO week, `2025-Q3` July–September, `2025-04-24/2025-04-25` both days. Values without a year
 * (`XXXX-06-02`) are placed in a reference leap year so they can still be ordered by month and day; values that
 * cannot be placed at all (`XXXX`, `XXXX-XX-XX`, `PRESENT_REF`) are undated.
 */
import { fromDayNumber, isValidDay, pad2, pad4, toDayNumber } from '../dates/calendar';

export type TimelineGroup = 'dated' | 'unknown-year' | 'undated';

/** How coarse a value is, finest first. A range of two values is `range`. */
export type Granularity = 'minute' | 'day-part' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century' | 'range';

export interface DateInterval {
  readonly group: TimelineGroup;
  readonly granularity?: Granularity;
  /** Minutes since 1970-01-01 (in the reference year for unknown-year values): start, and exclusive end. */
  readonly from: number;
  readonly to: number;
  /** ISO start (`2025-04-25`, `2026-01-14T11:29`, `XXXX-06-02`); absent when undated. */
  readonly start?: string;
  /** ISO last day (or minute) covered, inclusive; absent when undated. */
  readonly end?: string;
}

const DAY = 1440;
/** Year-less values are placed in this leap year, so that `XXXX-02-29` exists. */
const REFERENCE_YEAR = 2000;
const DAY_PARTS: Readonly<Record<string, [number, number]>> = { MO: [6, 12], MI: [12, 13], AF: [12, 18], EV: [18, 22], NI: [22, 24], DT: [8, 18] };
const SEASONS: Readonly<Record<string, [number, number]>> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

const UNDATED: DateInterval = { group: 'undated', from: 0, to: 0 };

interface Point {
  readonly known: boolean;
  readonly from: number;
  readonly to: number;
  readonly granularity: Granularity;
}

function dayMinutes(y: number, m: number, d: number): number {
  return toDayNumber(y, m, d) * DAY;
}

function months(known: boolean, y: number, m1: number, m2: number, granularity: Granularity): Point {
  const endY = y + Math.floor(m2 / 12);
  const endM = (m2 % 12) + 1;
  return { known, from: dayMinutes(y, m1, 1), to: dayMinutes(endY, endM, 1), granularity };
}

function parsePoint(value: string): Point | undefined {
  const v = value.trim();
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?|([A-Z]{2})))?$/.exec(v);
  if (m) {
    const known = m[1] !== 'XXXX';
    const y = known ? Number(m[1]) : REFERENCE_YEAR;
    const mo = Number(m[2]), d = Number(m[3]);
    if (!isValidDay(y, mo, d)) return undefined;
    const day = dayMinutes(y, mo, d);
    if (m[4] !== undefined) {
      const hh = Number(m[4]), mi = Number(m[5]);
      if (hh > 24 || mi > 59) return undefined;
      return { known, from: day + hh * 60 + mi, to: day + hh * 60 + mi + 1, granularity: 'minute' };
    }
    const part = m[6] ? DAY_PARTS[m[6]] : undefined;
    if (part) return { known, from: day + part[0] * 60, to: day + part[1] * 60, granularity: 'day-part' };
    return { known, from: day, to: day + DAY, granularity: 'day' };
  }
  m = /^(\d{4}|XXXX)-(\d{2})$/.exec(v);
  if (m) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    const known = m[1] !== 'XXXX';
    return months(known, known ? Number(m[1]) : REFERENCE_YEAR, mo, mo, 'month');
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (m) {
    const y = Number(m[1]), w = Number(m[2]);
    if (w < 1 || w > 53) return undefined;
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = toDayNumber(y, 1, 4);
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7) + (w - 1) * 7;
    const first = m[3] ? monday + 5 : monday;
    return { known: true, from: first * DAY, to: (monday + 7) * DAY, granularity: 'week' };
  }
  m = /^(\d{4}|XXXX)-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(v);
  if (m) {
    const known = m[1] !== 'XXXX';
    const y = known ? Number(m[1]) : REFERENCE_YEAR;
    const code = m[2];
    if (code[0] === 'Q') {
      const q = Number(code[1]);
      return months(known, y, q * 3 - 2, q * 3, 'quarter');
    }
    if (code[0] === 'H') return code === 'H1' ? months(known, y, 1, 6, 'half') : months(known, y, 7, 12, 'half');
    const [a, b] = SEASONS[code];
    return months(known, y, a, b, 'season');
  }
  if (/^\d{4}$/.test(v)) return months(true, Number(v), 1, 12, 'year');
  if (/^\d{3}$/.test(v)) return { known: true, from: dayMinutes(Number(v) * 10, 1, 1), to: dayMinutes(Number(v) * 10 + 10, 1, 1), granularity: 'decade' };
  if (/^\d{2}$/.test(v)) return { known: true, from: dayMinutes(Number(v) * 100, 1, 1), to: dayMinutes(Number(v) * 100 + 100, 1, 1), granularity: 'century' };
  return undefined;
}

function formatMinutes(minutes: number, known: boolean, withTime: boolean): string {
  const dayNo = Math.floor(minutes / DAY);
  const { y, m, d } = fromDayNumber(dayNo);
  const date = `${known ? pad4(y) : 'XXXX'}-${pad2(m)}-${pad2(d)}`;
  if (!withTime) return date;
  const t = minutes - dayNo * DAY;
  return `${date}T${pad2(Math.floor(t / 60))}:${pad2(t % 60)}`;
}

/** The interval a value covers, or an undated interval when it cannot be placed. */
export function intervalOf(value: string): DateInterval {
  const parts = value.split('/');
  if (parts.length > 2) return UNDATED;
  const a = parsePoint(parts[0]);
  if (!a) return UNDATED;
  const { from, known } = a;
  let to = a.to, granularity = a.granularity;
  if (parts.length === 2) {
    const b = parsePoint(parts[1]);
    // A range spans both ends when they agree on whether the year is known; otherwise it keeps its first end.
    if (b && b.known === a.known && b.to > a.from) {
      to = Math.max(a.to, b.to);
      granularity = 'range';
    }
  }
  const withTime = granularity === 'minute';
  return {
    group: known ? 'dated' : 'unknown-year',
    granularity,
    from,
    to,
    start: formatMinutes(from, known, withTime),
    end: formatMinutes(to - 1, known, withTime),
  };
}

/** Orders intervals by start; at the same start the longer (coarser) one first. Undated ones last. */
export function compareIntervals(a: DateInterval, b: DateInterval): number {
  const ga = GROUP_ORDER[a.group], gb = GROUP_ORDER[b.group];
  if (ga !== gb) return ga - gb;
  if (a.group === 'undated') return 0;
  return a.from - b.from || b.to - a.to;
}

const GROUP_ORDER: Readonly<Record<TimelineGroup, number>> = { dated: 0, 'unknown-year': 1, undated: 2 };
