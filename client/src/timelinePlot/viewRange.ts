/**
 * The span of days the plot shows (pure): by default the busy range, the shortest span that holds most marks, so that a
 * 1976–2030 corpus whose events crowd into 2025 opens on 2025; zooming in (a brushed span), out, and back to all.
 */
export interface DayRange {
  readonly lo: number;
  readonly hi: number;
}

/** Narrowest span shown, in days. */
export const MIN_SPAN = 3;

/** The whole span of the marks, padded by 2% (at least a day) on each side. */
export function fullRange(min: number, max: number): DayRange {
  const pad = Math.max(1, Math.round((max - min) * 0.02));
  return { lo: min - pad, hi: max + pad };
}

/**
 * The busy range: the shortest span of days holding `share` of the marks (by first day), widened to the marks that
 * follow or precede it closely, padded by 5% (at least two days) on each side; the full range when that span is half
 * of it or more anyway, or when there are few marks.
 */
export function denseRange(days: readonly number[], share = 0.8): DayRange | undefined {
  if (!days.length) return undefined;
  const sorted = [...days].sort((a, b) => a - b);
  const full = fullRange(sorted[0], sorted[sorted.length - 1]);
  const k = Math.ceil(sorted.length * share);
  if (sorted.length < 5 || k >= sorted.length) return full;
  let best = { lo: sorted[0], hi: sorted[k - 1] };
  for (let i = 1; i + k - 1 < sorted.length; i++) {
    const span = sorted[i + k - 1] - sorted[i];
    if (span < best.hi - best.lo) best = { lo: sorted[i], hi: sorted[i + k - 1] };
  }
  // Marks close after or before it belong to it too: extend it while the next one is within half its span.
  const reach = Math.max(MIN_SPAN, (best.hi - best.lo) / 2);
  let i = sorted.indexOf(best.lo);
  let j = sorted.lastIndexOf(best.hi);
  while (i > 0 && best.lo - sorted[i - 1] <= reach) best = { lo: sorted[--i], hi: best.hi };
  while (j < sorted.length - 1 && sorted[j + 1] - best.hi <= reach) best = { lo: best.lo, hi: sorted[++j] };
  if ((best.hi - best.lo) * 2 >= full.hi - full.lo) return full;
  const pad = Math.max(2, Math.round((best.hi - best.lo) * 0.05));
  return withMinSpan({ lo: best.lo - pad, hi: best.hi + pad });
}

/** At least MIN_SPAN days, around the same middle. */
export function withMinSpan(r: DayRange): DayRange {
  if (r.hi - r.lo >= MIN_SPAN) return r;
  const mid = (r.lo + r.hi) / 2;
  return { lo: mid - MIN_SPAN / 2, hi: mid + MIN_SPAN / 2 };
}

/** The span between two days in either order (a brush dragged right to left), at least MIN_SPAN days. */
export function brushed(a: number, b: number): DayRange {
  return withMinSpan({ lo: Math.min(a, b), hi: Math.max(a, b) });
}

/** Three times wider around the same middle, never beyond `limit` (the full range). */
export function zoomOut(r: DayRange, limit: DayRange): DayRange {
  const span = (r.hi - r.lo) * 3;
  const mid = (r.lo + r.hi) / 2;
  const lo = Math.max(limit.lo, mid - span / 2);
  const hi = Math.min(limit.hi, mid + span / 2);
  return { lo, hi };
}
