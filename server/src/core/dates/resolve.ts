/**
 * Turns recognised expressions into TIMEX3-style values, in document order, so that anaphoric
 * expressions (`the same day`, `the following day`) can use the previous date in the text.
 */
import type { Candidate, Spec } from './spec';
import { yearFor, type DctAnchor } from './anchor';
import { tenseAround } from './tense';
import { addDays, addMonths, formatDate, formatTime, isoWeek, pad2, pad4, weekday, type Ymd } from './calendar';

export interface Resolved {
  readonly value: string;
  readonly resolution: string;
}

interface Remembered { readonly y?: number; readonly m?: number; readonly d?: number; readonly label: string }

/** Per-document resolution state: the article's date and the latest dates seen so far. */
export class Resolver {
  private lastDay?: Remembered;
  private lastMonth?: Remembered;
  private lastYear?: Remembered;

  constructor(private readonly text: string, private readonly dct: DctAnchor | undefined) {}

  resolve(c: Candidate): Resolved {
    const r = this.spec(c.spec, c);
    this.remember(c, r.value);
    return r;
  }

  private remember(c: Candidate, value: string): void {
    const m = /^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?(?:T|$)/.exec(value);
    if (!m || c.kind === 'DURATION' || c.kind === 'SET') return;
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
        const yc = s.yearShift !== undefined ? this.shifted(s.yearShift) : yearFor(this.text, c.start, c.end, this.dct, s.m, s.d);
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
      case 'part': {
        const yc = this.shifted(s.yearShift ?? 0);
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
