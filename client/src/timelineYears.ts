/**
 * The shape of the Timeline tree, from the server's outline of buckets (`2025-04`, `2025`, `unknown-year`, `undated`
 * with their counts): years in order, each with its months January to December and then, last, its *Year only* group
 * (the year's own bucket: mentions of the year alone, or of spans longer than a month that start in it); then the
 * *Unknown year* and *Undated* groups. No VS Code here: the tree (timelineTree.ts) makes its items from this.
 */

export interface TimelineYear {
  readonly year: string;
  /** Every mention of the year: its months' and its own. */
  readonly count: number;
  /** Its months (`04`), in calendar order, with their counts. */
  readonly months: readonly { readonly month: string; readonly count: number }[];
  /** Mentions of the year as a whole (or of longer spans starting in it): listed after the months. */
  readonly yearOnly: number;
}

export interface TimelineShape {
  readonly years: readonly TimelineYear[];
  readonly groups: readonly { readonly group: 'unknown-year' | 'undated'; readonly count: number }[];
}

export function timelineShape(buckets: readonly { readonly key: string; readonly count: number }[]): TimelineShape {
  const years = new Map<string, { year: string; count: number; months: { month: string; count: number }[]; yearOnly: number }>();
  const groups: { group: 'unknown-year' | 'undated'; count: number }[] = [];
  for (const { key, count } of buckets) {
    if (key === 'unknown-year' || key === 'undated') {
      groups.push({ group: key, count });
      continue;
    }
    const y = key.slice(0, 4);
    let year = years.get(y);
    if (!year) years.set(y, (year = { year: y, count: 0, months: [], yearOnly: 0 }));
    year.count += count;
    if (key.length > 4) year.months.push({ month: key.slice(5, 7), count });
    else year.yearOnly += count;
  }
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const list = [...years.values()].sort(byKey((y) => y.year));
  for (const y of list) y.months.sort(byKey((m) => m.month));
  groups.sort(byKey((g) => (g.group === 'unknown-year' ? '0' : '1')));
  return { years: list, groups };
}
