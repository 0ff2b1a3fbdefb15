/** The timeline plot as an SVG string (pure): a time axis, one row per entity or tag, a dot (or bar) per mention. */
import type { TimelineItem } from '../../../server/src/protocolTimeline';
import { isoOfDay, type PlotData, type PlotRow } from './plotData';

const WIDTH = 960;
const LEFT = 220;
const RIGHT = 24;
const TOP = 28;
const ROW = 26;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Axis ticks for a span of days: years, months or days, at most about ten. */
export function ticks(min: number, max: number): { day: number; label: string }[] {
  const span = Math.max(1, max - min);
  const out: { day: number; label: string }[] = [];
  const [y0, y1] = [Number(isoOfDay(min).slice(0, 4)), Number(isoOfDay(max).slice(0, 4))];
  const dayOf = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  if (span > 600) {
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
    for (let y = y0; y <= y1 + 1; y += step) if (dayOf(y, 1, 1) >= min && dayOf(y, 1, 1) <= max) out.push({ day: dayOf(y, 1, 1), label: String(y) });
  } else if (span > 45) {
    const step = Math.max(1, Math.ceil(span / 30 / 10));
    for (let k = 0, y = y0, m = 1; y <= y1; k++, m++) {
      if (m > 12) (m = 1), y++;
      const d = dayOf(y, m, 1);
      if (d >= min && d <= max && k % step === 0) out.push({ day: d, label: isoOfDay(d).slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 10));
    for (let d = min; d <= max; d += step) out.push({ day: d, label: isoOfDay(d) });
  }
  if (!out.length) out.push({ day: min, label: isoOfDay(min) });
  return out;
}

/** One plot as SVG; `items` are those the data was built from, for the dots' tooltips. */
export function plotSvg(data: PlotData, rows: readonly PlotRow[], items: readonly TimelineItem[], id: string): string {
  const height = TOP + rows.length * ROW + 8;
  const parts = [`<svg id="${escapeXml(id)}" class="plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img">`];
  if (data.min === undefined || data.max === undefined) {
    parts.push(`<text x="8" y="20" class="label">No dated mentions to plot.</text></svg>`);
    return parts.join('');
  }
  const pad = Math.max(1, Math.round((data.max - data.min) * 0.02));
  const lo = data.min - pad, hi = data.max + pad;
  const x = (day: number) => LEFT + ((day - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  for (const t of ticks(data.min, data.max)) {
    const tx = x(t.day).toFixed(1);
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${TOP - 6}" y2="${height - 4}"/><text class="tick" x="${tx}" y="${TOP - 10}">${escapeXml(t.label)}</text>`);
  }
  rows.forEach((row, r) => {
    const y = TOP + r * ROW + ROW / 2;
    parts.push(`<g class="row"><title>${escapeXml(`${row.label}: ${row.detail}`)}</title>`);
    parts.push(`<line class="rule" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="label" x="${LEFT - 8}" y="${y + 4}">${escapeXml(clip(row.label, 30))}</text></g>`);
    for (const p of row.points) {
      const item = items[p.index];
      const tip = escapeXml(`${item.value} — ${item.text}\n${item.sentence}\n${item.document}`);
      if (p.to > p.from) {
        parts.push(`<line class="span" data-i="${p.index}" x1="${x(p.from).toFixed(1)}" x2="${Math.max(x(p.to), x(p.from) + 3).toFixed(1)}" y1="${y}" y2="${y}"><title>${tip}</title></line>`);
      }
      parts.push(`<circle class="dot" data-i="${p.index}" cx="${x(p.from).toFixed(1)}" cy="${y}" r="5"><title>${tip}</title></circle>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
