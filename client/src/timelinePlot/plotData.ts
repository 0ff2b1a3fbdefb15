/**
 * What the timeline plot shows, computed from the timeline (pure, no vscode, no DOM): one row per entity (the
 * entities named in the most dated sentences) or per tag, each with the dated mentions of its sentences, on a day
 * axis. Dates inside boilerplate are left out; tagged passages whose sentences hold no date are placed at their
 * article's own date, marked as such, so that the plot by tag shows every tag.
 */
import type { TimelineItem, TimelineTagWithoutDate } from '../../../server/src/protocolTimeline';

/** What a mark opens when clicked: a timeline item, or a tagged passage without a date (by index in their lists). */
export interface PlotTarget {
  readonly kind: 'item' | 'tag';
  readonly index: number;
}

export interface PlotPoint {
  readonly target: PlotTarget;
  /** Day numbers (days since 1970-01-01): first and last day covered. */
  readonly from: number;
  readonly to: number;
  /** Placed at its article's own date because its sentence has no date (tags only). */
  readonly atArticleDate?: boolean;
  /** Tooltip: the date, the sentence or passage, the article. */
  readonly tip: string;
}

export interface PlotRow {
  readonly label: string;
  readonly detail: string;
  readonly points: readonly PlotPoint[];
}

export interface PlotData {
  readonly byEntity: readonly PlotRow[];
  readonly byTag: readonly PlotRow[];
  /** First and last day over all plotted marks; undefined when there are none. */
  readonly min?: number;
  readonly max?: number;
  /** Dated mentions plotted. */
  readonly dated: number;
  /** Mentions without a year, or that cannot be placed at all. */
  readonly notPlotted: number;
  /** Dated mentions inside boilerplate, left out. */
  readonly inBoilerplate: number;
  /** Tagged passages without a date placed at their article's date, and those whose article has no date either. */
  readonly atArticleDate: number;
  readonly tagsUnplaced: number;
  /** Entity and tag rows left out beyond `maxRows`. */
  readonly moreEntities: number;
  readonly moreTags: number;
}

const DAY_MS = 86_400_000;

/** Day number of an ISO date (`2025-04-25`, `2025-04-25T10:00`), or undefined. */
export function dayNumber(iso: string | undefined): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : Math.round(t / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface RowBuilder {
  label: string;
  detail: string;
  points: PlotPoint[];
  sentences: Set<string>;
  atArticleDate: number;
}

function rowOf(rows: Map<string, RowBuilder>, key: string, label: string, detail: string): RowBuilder {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { label, detail, points: [], sentences: new Set(), atArticleDate: 0 }));
  return row;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ranked(rows: Map<string, RowBuilder>, max: number): { rows: PlotRow[]; more: number } {
  const all = [...rows.values()].sort(
    (a, b) => b.sentences.size + b.atArticleDate - (a.sentences.size + a.atArticleDate) || a.label.localeCompare(b.label),
  );
  return {
    more: Math.max(0, all.length - max),
    rows: all.slice(0, max).map((r) => {
      const parts = [plural(r.sentences.size, 'dated sentence')];
      if (r.atArticleDate) parts.push(`${plural(r.atArticleDate, 'passage')} at the article’s date`);
      return { label: r.label, detail: `${r.detail} — ${parts.join(', ')}`, points: r.points };
    }),
  };
}

/**
 * Rows for the plot: `All dated mentions` first, then the top `maxRows` entities by dated sentences, or the top
 * `maxTagRows` tags by dated sentences and passages placed at their article's date.
 */
export function plotData(
  items: readonly TimelineItem[],
  maxRows = 15,
  tagsWithoutDate: readonly TimelineTagWithoutDate[] = [],
  maxTagRows = 40,
): PlotData {
  const points = new Map<number, PlotPoint>();
  let min: number | undefined;
  let max: number | undefined;
  const extend = (from: number, to: number) => {
    min = min === undefined ? from : Math.min(min, from);
    max = max === undefined ? to : Math.max(max, to);
  };
  let inBoilerplate = 0;
  items.forEach((item, index) => {
    if (item.group !== 'dated') return;
    const from = dayNumber(item.start);
    const to = dayNumber(item.end) ?? from;
    if (from === undefined || to === undefined) return;
    if (item.inBoilerplate) {
      inBoilerplate++;
      return;
    }
    points.set(index, { target: { kind: 'item', index }, from, to, tip: `${item.value} — ${item.text}\n${item.sentence}\n${item.document}` });
    extend(from, to);
  });
  const sentenceKey = (item: TimelineItem) => `${item.uri}#${item.sentenceRange.start.line}:${item.sentenceRange.start.character}`;
  const entities = new Map<string, RowBuilder>();
  const tags = new Map<string, RowBuilder>();
  items.forEach((item, index) => {
    const p = points.get(index);
    if (!p) return;
    for (const e of item.entities) {
      const row = rowOf(entities, e.id, e.name, e.type);
      row.points.push(p);
      row.sentences.add(sentenceKey(item));
    }
    for (const t of item.tags) {
      const row = rowOf(tags, t, t, 'tag');
      row.points.push(p);
      row.sentences.add(sentenceKey(item));
    }
  });
  let atArticleDate = 0;
  let tagsUnplaced = 0;
  tagsWithoutDate.forEach((t, index) => {
    const day = dayNumber(t.documentDate);
    if (day === undefined) {
      tagsUnplaced++;
      return;
    }
    atArticleDate++;
    const row = rowOf(tags, t.tag, t.tag, 'tag');
    row.atArticleDate++;
    row.points.push({
      target: { kind: 'tag', index },
      from: day,
      to: day,
      atArticleDate: true,
      tip: `${t.tag} — no date in its sentence: placed at the article’s date, ${t.documentDate}\n${t.text}\n${t.document}`,
    });
    extend(day, day);
  });
  const all: PlotRow = { label: 'All dated mentions', detail: plural(points.size, 'mention'), points: [...points.values()] };
  const byEntity = ranked(entities, maxRows);
  const byTag = ranked(tags, maxTagRows);
  return {
    byEntity: [all, ...byEntity.rows],
    byTag: [all, ...byTag.rows],
    min,
    max,
    dated: points.size,
    notPlotted: items.length - points.size - inBoilerplate,
    inBoilerplate,
    atArticleDate,
    tagsUnplaced,
    moreEntities: byEntity.more,
    moreTags: byTag.more,
  };
}
