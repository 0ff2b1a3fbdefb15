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

/** A mark's first and last day. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * The busy range: the shortest span of days that holds `share` of the marks whole (a year-long mark counts only where
 * its whole year is shown), widened to the marks that lie close before or after it (within half its length), padded
 * by 5% (at least two days) on each side; the full range when that is half of it or more anyway, or when there are
 * few marks. Linear-logarithmic in the number of marks.
 */
export function denseRange(marks: readonly Span[], share = 0.6): DayRange | undefined {
  if (!marks.length) return undefined;
  const sorted = [...marks].sort((a, b) => a.from - b.from || a.to - b.to);
  const full = fullRange(sorted[0].from, Math.max(...sorted.map((m) => m.to)));
  const k = Math.ceil(sorted.length * share);
  if (sorted.length < 5 || k >= sorted.length) return full;
  // From the last mark back: for each first day, the k earliest-ending marks that start on it or later.
  const ends = new MaxHeap();
  let best: DayRange | undefined;
  for (let i = sorted.length - 1; i >= 0; i--) {
    ends.push(sorted[i].to);
    if (ends.size > k) ends.pop();
    if (ends.size === k && (!best || ends.top - sorted[i].from <= best.hi - best.lo)) best = { lo: sorted[i].from, hi: ends.top };
  }
  if (!best) return full;
  const reach = Math.max(MIN_SPAN, (best.hi - best.lo) / 2);
  const before = sorted.filter((m) => m.to <= best!.lo).sort((a, b) => b.to - a.to);
  for (const m of before) {
    if (best.lo - m.from > reach) break;
    best = { lo: Math.min(best.lo, m.from), hi: best.hi };
  }
  for (const m of sorted) {
    if (m.from < best.lo || m.to <= best.hi) continue;
    if (m.to - best.hi > reach) break;
    best = { lo: best.lo, hi: m.to };
  }
  if ((best.hi - best.lo) * 2 >= full.hi - full.lo) return full;
  const pad = Math.max(2, Math.round((best.hi - best.lo) * 0.05));
  return withMinSpan({ lo: best.lo - pad, hi: best.hi + pad });
}

/** A binary max-heap of numbers (the k smallest ends seen so far, the largest on top). */
class MaxHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  get top(): number {
    return this.items[0];
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] >= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (!a.length) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < a.length && a[l] > a[m]) m = l;
      if (r < a.length && a[r] > a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
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
