/**
 * Turns recognised expressions into TIMEX3-style values, in document order, so that anaphoric
 * expressions (`the same day`, `the following day`) can use the previous date in the text.
 */
import type { Candidate, Spec } from './spec';
import { yearFor, type DctAnchor } from './anchor';
import { tenseAround } from './tense';
import { addDays, addMonths, formatDate, formatTime, isoWeek, pad2, pad4, toDayNumber, weekday, type Ymd } from './calendar';
import { HOLIDAYS } from './periods';

export interface Resolved {
  readonly value: string;
  readonly resolution: string;
}

/** First and last month of each part of a year. */
const PART_MONTHS: Readonly<Record<string, readonly [number, number]>> = {
  Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12], H1: [1, 6], H2: [7, 12], SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [1, 2],
};

interface Remembered { readonly y?: number; readonly m?: number; readonly d?: number; readonly label: string }

/** Per-document resolution state: the article's date and the latest dates seen so far. */
export class Resolver {
  private lastDay?: Remembered;
  private lastMonth?: Remembered;
  private lastYear?: Remembered;
  /** The last quarter mentioned, as year * 4 + (quarter - 1), for `the quarter` and `the year-ago period`. */
  private lastQuarter?: number;

  constructor(private readonly text: string, private readonly dct: DctAnchor | undefined) {}

  resolve(c: Candidate): Resolved {
    const r = this.spec(c.spec, c);
    this.remember(c, r.value);
    return r;
  }

  private remember(c: Candidate, value: string): void {
    if (c.kind === 'DURATION' || c.kind === 'SET') return;
    // A quarter (`2023-Q3`) is no day, month or year value: it is remembered before those are read (the pattern below
    // does not match it, and `the quarter` after `the third quarter of 2023` was the article's last quarter instead).
    const q = /^(\d{4})-Q([1-4])$/.exec(value);
    if (q) this.lastQuarter = Number(q[1]) * 4 + Number(q[2]) - 1;
    const m = /^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?(?:T|$)/.exec(value);
    if (!m) return;
    const y = m[1] === 'XXXX' ? undefined : Number(m[1]);
    const label = this.text.slice(c.start, c.end);
    if (m[3]) this.lastDay = { y, m: Number(m[2]), d: Number(m[3]), label };
    if (m[2]) this.lastMonth = { y, m: Number(m[2]), label };
    if (y !== undefined) this.lastYear = { y, label };
  }

  private spec(s: Spec, c: Candidate): Resolved {
    switch (s.t) {
      case 'day': {
        const time = s.hh !== undefined && s.mi !== undefined ? formatTime(s.hh, s.mi) : '';
        if (s.y !== undefined) {
          const how = s.how && s.how !== 'explicit' ? `explicit date, read ${s.how.replace(/^explicit, read /, '')}` : time ? 'explicit date and time' : 'explicit date';
          return { value: formatDate(s.y, s.m, s.d) + time, resolution: how };
        }
        let yc = s.yearShift !== undefined ? this.shifted(s.yearShift) : yearFor(this.text, c.start, c.end, this.dct, s.m, s.d);
        if (s.wd !== undefined && yc.y !== undefined && weekday(yc.y, s.m, s.d) !== s.wd) {
          // "Saturday, April 25": the written weekday picks the year (the nearest one where the day is that weekday).
          const y0 = yc.y;
          const fits = [y0 - 1, y0 + 1, y0 - 2, y0 + 2].find((y) => weekday(y, s.m, s.d) === s.wd);
          if (fits !== undefined) yc = { y: fits, note: `${yc.note}; the year where ${formatDate(fits, s.m, s.d)} is that weekday` };
        }
        return { value: formatDate(yc.y, s.m, s.d) + time, resolution: yc.note };
      }
      case 'month': {
        if (s.y !== undefined) return { value: formatDate(s.y, s.m), resolution: 'explicit month' };
        const yc = s.yearShift !== undefined ? this.shifted(s.yearShift) : yearFor(this.text, c.start, c.end, this.dct, s.m, undefined, s.mod);
        return { value: formatDate(yc.y, s.m), resolution: yc.note };
      }
      case 'year': return { value: pad4(s.y), resolution: 'explicit year' };
      case 'fixed': return { value: s.value, resolution: s.how };
      case 'amount': return { value: s.value, resolution: c.kind === 'SET' ? 'recurring (set)' : 'duration' };
      case 'range': return this.range(s.a, s.b, c);
      case 'relative': return this.relative(s);
      case 'weekday': {
        const r = this.weekday(s.wd, s.mod, c);
        return s.part ? { value: `${r.value}T${s.part}`, resolution: r.resolution } : r;
      }
      case 'holiday': return this.holiday(s.name, c);
      case 'century': {
        if (!this.dct) return { value: 'XX', resolution: 'unknown: no article date' };
        return { value: pad2(Math.floor(this.dct.y / 100) + s.offset), resolution: `the century of the ${this.dct.source}: ${this.dct.text}` };
      }
      case 'quarter': return this.quarter(s, c);
      case 'weekend': return this.weekend(c);
      case 'part': {
        const yc = s.yearShift === undefined ? this.partYear(s.code, c, s.coming) : this.shifted(s.yearShift);
        return { value: `${yc.y === undefined ? 'XXXX' : pad4(yc.y)}-${s.code}`, resolution: yc.note };
      }
      case 'time': {
        const t = formatTime(s.hh, s.mi);
        if (s.day) {
          const d = this.spec(s.day, c);
          return { value: d.value.replace(/T.*$/, '') + t, resolution: d.resolution };
        }
        const prev = this.lastDay;
        if (prev && prev.y !== undefined) return { value: formatDate(prev.y, prev.m, prev.d) + t, resolution: `time on the previous date: ${prev.label}` };
        if (this.dct) return { value: this.dct.value + t, resolution: `time on the article's date ${this.dct.value}` };
        return { value: `XXXX-XX-XX${t}`, resolution: 'day unknown: no article date' };
      }
    }
  }

  /** The article's year moved by `shift` (`next year` → +1). */
  private shifted(shift: number): { y?: number; note: string } {
    if (!this.dct) return { note: 'year unknown: no article date' };
    const which = shift === 0 ? 'the year' : shift === 1 ? 'the year after' : shift === -1 ? 'the year before' : `${shift} years from`;
    return { y: this.dct.y + shift, note: `${which} of the ${this.dct.source}: ${this.dct.text}` };
  }

  /** The year of a part of a year without one (`the third quarter`, `the summer`), by tense as for months. */
  private partYear(code: string, c: Candidate, coming = false): { y?: number; note: string } {
    if (!this.dct) return { note: 'year unknown: no article date' };
    const [sm, em] = PART_MONTHS[code] ?? [1, 12];
    const base = `year from the ${this.dct.source}: ${this.dct.text}`;
    const m = this.dct.m;
    if (coming) return em >= m ? { y: this.dct.y, note: base } : { y: this.dct.y + 1, note: `the next one after the ${this.dct.source}: ${this.dct.text}` };
    if (m >= sm && m <= em) return { y: this.dct.y, note: base };
    const tense = tenseAround(this.text, c.start, c.end);
    if (sm > m && tense === 'past') return { y: this.dct.y - 1, note: `${base}; the year before, as the sentence is in the past tense` };
    if (em < m && tense === 'future') return { y: this.dct.y + 1, note: `${base}; the year after, as the sentence is in the future tense` };
    return { y: this.dct.y, note: base };
  }

  private holiday(name: string, c: Candidate): Resolved {
    const rule = HOLIDAYS.get(name)!;
    if (!this.dct) { const r = rule(2000); return { value: formatDate(undefined, r.m, r.d), resolution: 'year unknown: no article date' }; }
    const r0 = rule(this.dct.y);
    const yc = yearFor(this.text, c.start, c.end, this.dct, r0.m, r0.d);
    const y = yc.y ?? this.dct.y;
    const r = rule(y);
    return { value: formatDate(y, r.m, r.d), resolution: `holiday; ${yc.note}` };
  }

  private quarter(s: Extract<Spec, { t: 'quarter' }>, c: Candidate): Resolved {
    if (s.which === 'ordinal') {
      const yc = this.partYear(`Q${s.q}`, c);
      return { value: `${yc.y === undefined ? 'XXXX' : pad4(yc.y)}-Q${s.q}`, resolution: yc.note };
    }
    if (!this.dct) return { value: 'XXXX-QX', resolution: 'unknown: no article date' };
    const current = this.dct.y * 4 + Math.floor((this.dct.m - 1) / 3);
    const latest = current - 1;
    let q: number, note: string;
    const mentioned = this.lastQuarter;
    switch (s.which) {
      case 'current': q = current; note = `the quarter of the article's date ${this.dct.value}`; break;
      case 'latest': q = latest; note = `the last quarter completed before the article's date ${this.dct.value}`; break;
      case 'previous': q = (mentioned ?? latest) - 1; note = mentioned !== undefined ? 'the quarter before the one last mentioned' : `the quarter before the last one completed before ${this.dct.value}`; break;
      case 'yearAgo': q = (mentioned ?? latest) - 4; note = mentioned !== undefined ? 'the same quarter a year before the one last mentioned' : `a year before the last quarter completed before ${this.dct.value}`; break;
      default: q = mentioned ?? latest; note = mentioned !== undefined ? 'the quarter last mentioned' : `the last quarter completed before the article's date ${this.dct.value}`;
    }
    return { value: `${pad4(Math.floor(q / 4))}-Q${(q % 4) + 1}`, resolution: note };
  }

  /** `the weekend`: the one before the article's date in a past-tense sentence, the next one otherwise. */
  private weekend(c: Candidate): Resolved {
    const dct = this.dct;
    if (!dct) return { value: 'XXXX-WXX-WE', resolution: 'unknown: no article date' };
    const wd = weekday(dct.y, dct.m, dct.d); // 0 Sunday … 6 Saturday
    const onWeekend = wd === 0 || wd === 6;
    const tense = tenseAround(this.text, c.start, c.end);
    // The Saturday of the weekend meant.
    let saturday: number;
    const n = toDayNumber(dct.y, dct.m, dct.d);
    if (onWeekend) saturday = wd === 6 ? n : n - 1;
    else if (tense === 'past') saturday = n - wd - 1;
    else saturday = n + (6 - wd);
    const w = isoWeek(addDays({ y: 1970, m: 1, d: 1 }, saturday));
    const which = onWeekend ? "the weekend of the article's date" : tense === 'past' ? "the weekend before the article's date (past tense)" : "the weekend after the article's date";
    return { value: `${pad4(w.y)}-W${pad2(w.w)}-WE`, resolution: `${which} ${dct.value}` };
  }

  private range(a: Spec, b: Spec, c: Candidate): Resolved {
    if (a.t === 'day' && b.t === 'day' && a.y === undefined) {
      if (b.y !== undefined) {
        const ay = a.m > b.m || (a.m === b.m && a.d > b.d) ? b.y - 1 : b.y;
        return { value: `${formatDate(ay, a.m, a.d)}/${formatDate(b.y, b.m, b.d)}`, resolution: 'explicit date range' };
      }
      const yc = yearFor(this.text, c.start, c.end, this.dct, a.m, a.d);
      const by = yc.y === undefined ? undefined : b.m < a.m ? yc.y + 1 : yc.y;
      return { value: `${formatDate(yc.y, a.m, a.d)}/${formatDate(by, b.m, b.d)}`, resolution: yc.note };
    }
    const ra = this.spec(a, c);
    const rb = this.spec(b, c);
    const explicit = ra.resolution.startsWith('explicit') && rb.resolution.startsWith('explicit');
    return { value: `${ra.value}/${rb.value}`, resolution: explicit ? ra.resolution.replace(/^explicit \w+/, 'explicit range') : ra.resolution };
  }

  private base(anaphoric: boolean | undefined, unit: string): { day?: Ymd; y?: number; m?: number; note: string } {
    if (anaphoric) {
      const prev = unit === 'day' || unit === 'week' ? this.lastDay : unit === 'month' || unit === 'quarter' ? this.lastMonth : this.lastYear;
      if (prev && prev.y !== undefined) {
        const day = prev.m !== undefined && prev.d !== undefined ? { y: prev.y, m: prev.m, d: prev.d } : undefined;
        return { day, y: prev.y, m: prev.m, note: `relative to the previous date: ${prev.label}` };
      }
    }
    if (this.dct) return { day: this.dct, y: this.dct.y, m: this.dct.m, note: `relative to the article's date ${this.dct.value}` };
    return { note: 'unknown: no article date' };
  }

  private relative(s: Extract<Spec, { t: 'relative' }>): Resolved {
    const b = this.base(s.anaphoric, s.unit);
    const note = b.note;
    switch (s.unit) {
      case 'week': case 'weekend': {
        if (!b.day) return { value: 'XXXX-WXX', resolution: note };
        const w = isoWeek(addDays(b.day, 7 * s.offset));
        return { value: `${pad4(w.y)}-W${pad2(w.w)}${s.unit === 'weekend' ? '-WE' : ''}`, resolution: note };
      }
      case 'month': {
        if (b.y === undefined || b.m === undefined) return { value: 'XXXX-XX', resolution: note };
        const r = addMonths(b.y, b.m, s.offset);
        return { value: formatDate(r.y, r.m), resolution: note };
      }
      case 'quarter': {
        if (b.y === undefined || b.m === undefined) return { value: 'XXXX-QX', resolution: note };
        const q = b.y * 4 + Math.floor((b.m - 1) / 3) + s.offset;
        return { value: `${pad4(Math.floor(q / 4))}-Q${(q % 4) + 1}`, resolution: note };
      }
      case 'year': case 'decade': case 'century':
        return b.y === undefined ? { value: 'XXXX', resolution: note } : { value: pad4(b.y + s.offset), resolution: note };
      default: {
        const prev = this.lastDay;
        if (!b.day && s.anaphoric && prev && prev.m !== undefined && prev.d !== undefined) {
          // The previous date has no year (`May 14` with no article date): keep month and day, year unknown.
          const d = s.unit === 'day' ? addDays({ y: 2000, m: prev.m, d: prev.d }, s.offset) : { y: 2000, m: prev.m, d: prev.d };
          return { value: formatDate(undefined, d.m, d.d) + (s.part ? `T${s.part}` : ''), resolution: `relative to the previous date: ${prev.label} (year unknown)` };
        }
        if (!b.day) return { value: 'XXXX-XX-XX' + (s.part ? `T${s.part}` : ''), resolution: note };
        const d = s.unit === 'day' ? addDays(b.day, s.offset) : b.day;
        return { value: formatDate(d.y, d.m, d.d) + (s.part ? `T${s.part}` : ''), resolution: note };
      }
    }
  }

  private weekday(wd: number, mod: 'last' | 'next' | 'this' | undefined, c: Candidate): Resolved {
    const dct = this.dct;
    if (!dct) return { value: `XXXX-WXX-${wd === 0 ? 7 : wd}`, resolution: 'unknown: no article date' };
    const today = weekday(dct.y, dct.m, dct.d);
    let offset: number;
    if (mod === 'last') offset = -(((today - wd + 7) % 7) || 7);
    else if (mod === 'next') offset = ((wd - today + 7) % 7) || 7;
    else if (mod === 'this') offset = ((wd + 6) % 7) - ((today + 6) % 7);
    else if (tenseAround(this.text, c.start, c.end) === 'future') offset = (wd - today + 7) % 7;
    else offset = -((today - wd + 7) % 7);
    const d = addDays(dct, offset);
    return { value: formatDate(d.y, d.m, d.d), resolution: `relative to the article's date ${dct.value}` };
  }
}
