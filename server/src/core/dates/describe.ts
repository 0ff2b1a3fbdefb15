/** Hover text for a date: its value, weekday, how it was resolved, and its distance from the article's date. */
import type { DateMention, DocumentDate } from '../types';
import { toDayNumber, weekday } from './calendar';
import { WEEKDAYS } from './lexicon';

export interface DateDescription {
  value: string;
  weekday?: string;
  resolution: string;
  distance?: string;
}

interface Point { y: number; m?: number; d?: number }

function parsePoint(v: string): Point | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T|$)/.exec(v);
  if (!m) return undefined;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : undefined, d: m[3] ? Number(m[3]) : undefined };
}

function weekdayOf(v: string): string | undefined {
  const p = parsePoint(v);
  return p && p.m !== undefined && p.d !== undefined ? WEEKDAYS[weekday(p.y, p.m, p.d)] : undefined;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function phrase(n: number, unit: 'day' | 'month' | 'year', approx: boolean): string {
  const size = (approx ? 'about ' : '') + plural(Math.abs(n), unit);
  return `${size} ${n < 0 ? 'before' : 'after'} the article's date`;
}

function distance(p: Point, dct: Point): string {
  if (p.m !== undefined && p.d !== undefined && dct.m !== undefined && dct.d !== undefined) {
    const days = toDayNumber(p.y, p.m, p.d) - toDayNumber(dct.y, dct.m, dct.d);
    if (days === 0) return 'same day as the article';
    if (Math.abs(days) < 60) return phrase(days, 'day', false);
    const months = Math.round(days / 30.44);
    return Math.abs(months) < 24 ? phrase(months, 'month', true) : phrase(Math.round(days / 365.25), 'year', true);
  }
  if (p.m !== undefined && dct.m !== undefined) {
    const months = (p.y - dct.y) * 12 + (p.m - dct.m);
    if (months === 0) return 'same month as the article';
    return Math.abs(months) < 24 ? phrase(months, 'month', false) : phrase(Math.round(months / 12), 'year', true);
  }
  return p.y === dct.y ? 'same year as the article' : phrase(p.y - dct.y, 'year', false);
}

export function describeDate(mention: DateMention, documentDate?: DocumentDate): DateDescription {
  const out: DateDescription = { value: mention.value, resolution: mention.resolution };
  if (mention.kind === 'DURATION' || mention.kind === 'SET') return out;
  const [first, second] = mention.value.split('/');
  const wa = weekdayOf(first);
  const wb = second ? weekdayOf(second) : undefined;
  if (wa) out.weekday = wb ? `${wa}–${wb}` : wa;
  const dct = documentDate ? parsePoint(documentDate.value) : undefined;
  const a = parsePoint(first);
  if (!dct || !a) return out;
  const b = second ? parsePoint(second) : undefined;
  if (b && dct.m !== undefined && dct.d !== undefined) {
    const key = (p: Point) => p.y * 10000 + (p.m ?? 0) * 100 + (p.d ?? 0);
    const lo = key(a), hi = key({ y: b.y, m: b.m ?? 12, d: b.d ?? 31 });
    if (key(dct) >= lo && key(dct) <= hi) {
      out.distance = "the article's date falls within it";
      return out;
    }
  }
  out.distance = distance(a, dct);
  return out;
}
