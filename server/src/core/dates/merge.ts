/**
 * Cleans up the recognisers' raw candidates: overlapping ones give way to the longest, then
 * neighbours are joined into ranges (`June 28 to July 2`, `2025 to 2029`) and date-times
 * (`June 2 at 10 a.m.`, `10 a.m. on Friday`).
 */
import type { Candidate, Spec } from './spec';
import { granularity } from './spec';

function better(a: Candidate, b: Candidate): boolean {
  const la = a.end - a.start, lb = b.end - b.start;
  return la !== lb ? la > lb : a.priority > b.priority;
}

/** Non-overlapping candidates in text order, longest first among overlapping ones. */
export function dropOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    // Kept candidates are sorted and disjoint, so only a suffix of them can overlap `c`.
    let i = out.length;
    while (i > 0 && out[i - 1].end > c.start) i--;
    let wins = true;
    for (let k = i; k < out.length && wins; k++) wins = better(c, out[k]);
    if (wins) {
      out.length = i;
      out.push(c);
    }
  }
  return out;
}

const RANGE_GAP = /^\s*(?:[–—-]|to|until|till|through)\s*$/;
const DAY_THEN_TIME = /^(?:,?\s*(?:at\s+)?|\s*[-–|]\s*)$/;
const YEAR_WORD_GAP = /^,?\s*$/;
const AND_GAP = /^\s*(?:and|or|,|&)\s*$/;
const TIME_THEN_DAY = /^\s*(?:on\s+|,\s*)$/;

function isDay(s: Spec): boolean {
  return (s.t === 'day' && s.hh === undefined) || s.t === 'weekday' || (s.t === 'relative' && s.unit === 'day' && !s.part);
}

function joinable(a: Candidate, b: Candidate): boolean {
  if (a.kind !== 'DATE' || b.kind !== 'DATE' || a.spec.t === 'range' || b.spec.t === 'range') return false;
  const ga = granularity(a.spec), gb = granularity(b.spec);
  const explicit = (s: Spec) => s.t === 'day' || s.t === 'month' || s.t === 'year';
  return ga === gb && explicit(a.spec) && explicit(b.spec);
}

/** Joins ranges and date-times; `text` is the document. */
export function joinNeighbours(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b && b.start - a.end <= 12) {
      const gap = text.slice(a.end, b.start);
      const as = a.spec, bs = b.spec;
      // "5 September next year", "May last year": the year comes from the relative phrase.
      if ((as.t === 'day' || (as.t === 'month' && !as.mod)) && as.y === undefined &&
          bs.t === 'relative' && bs.unit === 'year' && !bs.anaphoric && YEAR_WORD_GAP.test(gap)) {
        out.push({ start: a.start, end: b.end, kind: 'DATE', spec: { ...as, yearShift: bs.offset }, priority: 3 });
        i++;
        continue;
      }
      // "January and February 2023": the first month shares the second's year.
      if ((as.t === 'day' || as.t === 'month') && as.y === undefined && (bs.t === 'day' || bs.t === 'month') && bs.y !== undefined && AND_GAP.test(gap)) {
        const y = as.m > bs.m ? bs.y - 1 : bs.y;
        out.push({ ...a, spec: as.t === 'day' ? { ...as, y, how: 'explicit' } : { t: 'month', m: as.m, y } });
        continue;
      }
      if (joinable(a, b) && RANGE_GAP.test(gap)) {
        out.push({ start: a.start, end: b.end, kind: 'DATE', spec: { t: 'range', a: a.spec, b: b.spec }, priority: 3 });
        i++;
        continue;
      }
      if (isDay(a.spec) && b.spec.t === 'time' && !b.spec.day && DAY_THEN_TIME.test(gap)) {
        out.push({ start: a.start, end: b.end, kind: 'TIME', spec: { t: 'time', hh: b.spec.hh, mi: b.spec.mi, day: a.spec }, priority: 3 });
        i++;
        continue;
      }
      if (a.spec.t === 'time' && !a.spec.day && isDay(b.spec) && TIME_THEN_DAY.test(gap)) {
        out.push({ start: a.start, end: b.end, kind: 'TIME', spec: { t: 'time', hh: a.spec.hh, mi: a.spec.mi, day: b.spec }, priority: 3 });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
