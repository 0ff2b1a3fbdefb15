/**
 * The timeline plot as an SVG string (pure, no DOM), laid out for the width it is drawn at: a time axis whose tick
 * labels never overlap, one row per entity or tag, a dot (or bar) per mention, a ring for a tagged passage placed at
 * its article's date. Wide, labels stand left of their rows; narrow (a split editor), above them. Marks outside the
 * shown span are counted at the row's ends (‹ 3, 5 ›) instead of being drawn.
 */
import { scaleUtc } from 'd3-scale';
import type { PlotRow } from './plotData';
import type { DayRange } from './viewRange';

/** Below this width, labels go above their rows. */
export const NARROW = 520;
/** Approximate widths of a character of the 11 px tick labels, the 12 px row labels and the bold ones above rows. */
const CHAR = 6.6;
const LABEL_CHAR = 7.2;
const BOLD_CHAR = 7.8;
const TOP = 30;
const RIGHT = 10;
/** Room for the counts of marks before and after the shown span. */
const EDGE = 26;
const DAY_MS = 86_400_000;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Layout {
  readonly width: number;
  readonly narrow: boolean;
  /** Label column (0 when narrow) and the x span of the time axis. */
  readonly labelWidth: number;
  readonly x0: number;
  readonly x1: number;
  readonly rowHeight: number;
}

export function layoutFor(width: number): Layout {
  const w = Math.max(200, Math.round(width));
  const narrow = w < NARROW;
  const labelWidth = narrow ? 0 : Math.round(Math.min(220, Math.max(120, w * 0.25)));
  return { width: w, narrow, labelWidth, x0: labelWidth + EDGE, x1: w - RIGHT - EDGE, rowHeight: narrow ? 36 : 26 };
}

export interface Tick {
  readonly day: number;
  readonly x: number;
  readonly label: string;
}

/** Estimated width of a label in pixels. */
export function labelWidth(label: string): number {
  return label.length * CHAR + 8;
}

/**
 * Axis ticks for the shown span at this layout: d3's calendar ticks (years, months, weeks, days) with d3's labels
 * (`2025`, `April`, `Apr 06`), none touching the next or leaving the plot: of d3's tick sets that fit whole, the one
 * nearest to a tick per 90 px (else the fullest after dropping the labels that do not fit).
 */
export function ticks(range: DayRange, layout: Layout): Tick[] {
  const scale = scaleUtc()
    .domain([new Date(range.lo * DAY_MS), new Date(range.hi * DAY_MS)])
    .range([layout.x0, layout.x1]);
  const px = layout.x1 - layout.x0;
  const ideal = Math.max(2, px / 90);
  let best: Tick[] = [];
  let bestWhole: Tick[] = [];
  for (let count = 1; count <= Math.max(4, Math.floor(px / 40)); count++) {
    const format = scale.tickFormat(count);
    const out: Tick[] = [];
    let right = -Infinity;
    let dropped = false;
    for (const d of scale.ticks(count)) {
      const label = format(d);
      const x = scale(d);
      const half = labelWidth(label) / 2;
      if (x - half < right || x - half < 0 || x + half > layout.width) {
        dropped = true;
        continue;
      }
      out.push({ day: Math.round(d.getTime() / DAY_MS), x, label });
      right = x + half;
    }
    if (out.length > best.length) best = out;
    const nearer = (a: Tick[], b: Tick[]) => Math.abs(a.length - ideal) < Math.abs(b.length - ideal);
    if (!dropped && out.length >= 2 && (bestWhole.length < 2 || nearer(out, bestWhole))) bestWhole = out;
  }
  return bestWhole.length >= 2 ? bestWhole : best;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, Math.max(1, n - 1))}…` : s;
}

export interface PlotView {
  readonly width: number;
  readonly range: DayRange;
}

/** One plot as SVG. Its `data-*` attributes give the axis (x0, x1, lo, hi) to the webview's brush. */
export function plotSvg(rows: readonly PlotRow[], view: PlotView, id: string): string {
  const layout = layoutFor(view.width);
  const { lo, hi } = view.range;
  const height = TOP + rows.length * layout.rowHeight + 8;
  const parts = [
    `<svg id="${escapeXml(id)}" class="plot${layout.narrow ? ' narrow' : ''}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${height}" width="${layout.width}" height="${height}" role="img" data-x0="${layout.x0}" data-x1="${layout.x1}" data-lo="${lo}" data-hi="${hi}">`,
  ];
  const x = (day: number) => layout.x0 + ((day - lo) / (hi - lo)) * (layout.x1 - layout.x0);
  parts.push(`<rect class="brush-area" x="${layout.x0}" y="${TOP - 8}" width="${layout.x1 - layout.x0}" height="${height - TOP + 4}"/>`);
  for (const t of ticks(view.range, layout)) {
    const tx = t.x.toFixed(1);
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${TOP - 6}" y2="${height - 4}"/><text class="tick" x="${tx}" y="${TOP - 12}">${escapeXml(t.label)}</text>`);
  }
  const chars = layout.narrow ? Math.floor((layout.width - 12) / BOLD_CHAR) : Math.floor((layout.labelWidth - 12) / LABEL_CHAR);
  rows.forEach((row, r) => {
    const top = TOP + r * layout.rowHeight;
    const y = layout.narrow ? top + 25 : top + layout.rowHeight / 2;
    parts.push(`<g class="row"><title>${escapeXml(`${row.label}: ${row.detail}`)}</title>`);
    parts.push(`<line class="rule" x1="${layout.x0}" x2="${layout.x1}" y1="${y}" y2="${y}"/>`);
    const label = escapeXml(clip(row.label, chars));
    parts.push(
      layout.narrow
        ? `<text class="label above" x="4" y="${top + 11}">${label}</text></g>`
        : `<text class="label" x="${layout.labelWidth - 4}" y="${y + 4}">${label}</text></g>`,
    );
    let before = 0;
    let after = 0;
    for (const p of row.points) {
      if (p.to < lo) before++;
      else if (p.from > hi) after++;
    }
    if (before) parts.push(`<text class="outside" x="${layout.x0 - 4}" y="${y + 4}">‹${before}</text>`);
    if (after) parts.push(`<text class="outside after" x="${layout.x1 + 4}" y="${y + 4}">${after}›</text>`);
    for (const p of row.points) {
      if (p.to < lo || p.from > hi) continue;
      const target = `data-kind="${p.target.kind}" data-i="${p.target.index}"`;
      const tip = `<title>${escapeXml(p.tip)}</title>`;
      const from = x(Math.max(p.from, lo));
      if (p.to > p.from) {
        const to = Math.max(x(Math.min(p.to + 1, hi)), from + 3);
        parts.push(`<line class="span" ${target} x1="${from.toFixed(1)}" x2="${to.toFixed(1)}" y1="${y}" y2="${y}">${tip}</line>`);
      }
      // The dot marks where a mark starts: a span that starts before the shown range is its bar alone.
      if (p.from < lo) continue;
      const cls = p.atArticleDate ? 'dot article-date' : 'dot';
      parts.push(`<circle class="${cls}" ${target} cx="${x(p.from).toFixed(1)}" cy="${y}" r="${layout.narrow ? 4 : 5}">${tip}</circle>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Shown instead of a plot when nothing is dated. */
export function emptySvg(id: string): string {
  return `<svg id="${escapeXml(id)}" class="plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 30" width="300" height="30" role="img"><text x="4" y="20">No dated mentions to plot.</text></svg>`;
}
