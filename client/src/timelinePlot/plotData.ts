/**
 * What the timeline plot shows, computed from timeline items (pure, no vscode): one row per entity (the entities
 * named in the most dated sentences) or per tag, each with the dated mentions of its sentences, on a day axis.
 */
import type { TimelineItem } from '../../../server/src/protocolTimeline';

export interface PlotPoint {
  /** Index into the items the plot was built from. */
  readonly index: number;
  /** Day numbers (days since 1970-01-01): first and last day covered. */
  readonly from: number;
  readonly to: number;
}

export interface PlotRow {
  readonly label: string;
  readonly detail: string;
  readonly points: readonly PlotPoint[];
}

export interface PlotData {
  readonly byEntity: readonly PlotRow[];
  readonly byTag: readonly PlotRow[];
  /** First and last day over all dated mentions; undefined when there are none. */
  readonly min?: number;
  readonly max?: number;
  readonly dated: number;
  readonly notPlotted: number;
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

function rowsBy(keysOf: (item: TimelineItem) => { key: string; label: string; detail: string }[], items: readonly TimelineItem[], points: Map<number, PlotPoint>, max: number): PlotRow[] {
  const rows = new Map<string, { label: string; detail: string; points: PlotPoint[]; sentences: Set<string> }>();
  items.forEach((item, index) => {
    const p = points.get(index);
    if (!p) return;
    for (const k of keysOf(item)) {
      let row = rows.get(k.key);
      if (!row) rows.set(k.key, (row = { label: k.label, detail: k.detail, points: [], sentences: new Set() }));
      row.points.push(p);
      row.sentences.add(`${item.uri}#${item.sentenceRange.start.line}:${item.sentenceRange.start.character}`);
    }
  });
  return [...rows.values()]
    .sort((a, b) => b.sentences.size - a.sentences.size || a.label.localeCompare(b.label))
    .slice(0, max)
    .map((r) => ({ label: r.label, detail: `${r.detail} — ${r.sentences.size} dated sentence${r.sentences.size === 1 ? '' : 's'}`, points: r.points }));
}

/** Rows for the plot: `All dated mentions` first, then the top `maxRows` entities (or tags) by dated sentences. */
export function plotData(items: readonly TimelineItem[], maxRows = 15): PlotData {
  const points = new Map<number, PlotPoint>();
  let min: number | undefined;
  let max: number | undefined;
  items.forEach((item, index) => {
    if (item.group !== 'dated') return;
    const from = dayNumber(item.start);
    const to = dayNumber(item.end) ?? from;
    if (from === undefined || to === undefined) return;
    points.set(index, { index, from, to });
    min = min === undefined ? from : Math.min(min, from);
    max = max === undefined ? to : Math.max(max, to);
  });
  const all: PlotRow = { label: 'All dated mentions', detail: `${points.size} mentions`, points: [...points.values()] };
  const byEntity = rowsBy((i) => i.entities.map((e) => ({ key: e.id, label: e.name, detail: e.type })), items, points, maxRows);
  const byTag = rowsBy((i) => i.tags.map((t) => ({ key: t, label: t, detail: 'tag' })), items, points, maxRows);
  return { byEntity: [all, ...byEntity], byTag: [all, ...byTag], min, max, dated: points.size, notPlotted: items.length - points.size };
}
