/**
 * The plot webview's HTML (pure): a strict Content-Security-Policy (nothing from the network; one inline style and
 * the bundled plot script `dist/timelinePlot.js`, both allowed by a per-render nonce), the plot's data as JSON, and
 * the plot drawn once at a default width so that it shows at once; the script redraws it at the panel's width, on
 * every resize, and when the analyst zooms (see webview.ts).
 */
import type { TimelineItem, TimelineTagWithoutDate } from '../../../server/src/protocolTimeline';
import { isoOfDay, plotData, type PlotData, type PlotRow } from './plotData';
import { emptySvg, escapeXml, plotSvg } from './svg';
import { denseRange, fullRange, type DayRange } from './viewRange';

export interface PlotHtmlInput {
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** The webview URI of `dist/timelinePlot.js`; without it the plot is drawn once and does not zoom. */
  readonly scriptUri?: string;
  readonly items: readonly TimelineItem[];
  readonly tagsWithoutDate?: readonly TimelineTagWithoutDate[];
  readonly maxRows?: number;
  /** Width of the first drawing, before the script measures the panel. */
  readonly width?: number;
}

/** What the webview script gets, as JSON. */
export interface WebviewData {
  readonly byEntity: readonly PlotRow[];
  readonly byTag: readonly PlotRow[];
  readonly dated: number;
  /** All marks (padded), and the busy range the plot opens on; absent when nothing is plotted. */
  readonly full?: DayRange;
  readonly initial?: DayRange;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

const STYLE = `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
  header { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-bottom: 6px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 4px; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 4px 10px; cursor: pointer; }
  button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:disabled { opacity: 0.5; cursor: default; }
  .summary, .view { opacity: 0.85; margin: 2px 0; }
  .legend { opacity: 0.85; margin: 2px 0; }
  main { width: 100%; }
  svg { display: block; max-width: 100%; height: auto; user-select: none; touch-action: none; }
  svg text { fill: var(--vscode-foreground); font-size: 12px; }
  svg .label { text-anchor: end; }
  svg .label.above { text-anchor: start; font-weight: 600; }
  svg .tick { text-anchor: middle; opacity: 0.75; font-size: 11px; }
  svg .outside { text-anchor: end; opacity: 0.7; font-size: 11px; }
  svg .outside.after { text-anchor: start; }
  svg .grid { stroke: var(--vscode-editorRuler-foreground, #8884); stroke-width: 1; }
  svg .rule { stroke: var(--vscode-editorIndentGuide-background1, #8882); stroke-width: 1; }
  svg .brush-area { fill: transparent; cursor: crosshair; }
  svg .brush { fill: var(--vscode-editor-selectionBackground, #3794ff55); fill-opacity: 0.5; pointer-events: none; }
  svg .dot { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: 0.75; cursor: pointer; }
  svg .dot.article-date { fill: var(--vscode-editor-background, #fff); fill-opacity: 1; stroke: var(--vscode-charts-purple, #b180d7); stroke-width: 2; }
  svg .dot:hover { fill: var(--vscode-charts-orange, #d18616); }
  svg .span { stroke: var(--vscode-charts-blue, #3794ff); stroke-opacity: 0.45; stroke-width: 6; stroke-linecap: round; cursor: pointer; }
  .ring { display: inline-block; width: 8px; height: 8px; border-radius: 50%; border: 2px solid var(--vscode-charts-purple, #b180d7); vertical-align: middle; }
  @media (max-width: 520px) { body { padding: 4px 6px; } button { padding: 3px 7px; } }
`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What is plotted and what is left out, said once above the plot. */
export function summaryOf(data: PlotData): string {
  const out = [`${plural(data.dated, 'dated mention')}.`];
  const left: string[] = [];
  if (data.inBoilerplate) left.push(`${data.inBoilerplate} in boilerplate`);
  if (data.notPlotted) left.push(`${data.notPlotted} without a year or undated`);
  if (left.length) out.push(`Not plotted: ${left.join(', ')}.`);
  return out.join(' ');
}

/** The span shown and how to change it, under the buttons; the script updates it. */
export function viewSummary(range: DayRange, full: DayRange | undefined, rows: readonly PlotRow[]): string {
  const all = rows[0]?.points ?? [];
  const shown = all.filter((p) => p.to >= range.lo && p.from <= range.hi).length;
  const whole = !full || (range.lo <= full.lo && range.hi >= full.hi);
  const span = `${isoOfDay(Math.ceil(range.lo))} – ${isoOfDay(Math.floor(range.hi))}`;
  return `${whole ? 'All dates' : 'Showing'} ${span}: ${shown} of ${all.length} marks. Drag across the plot to zoom in; double-click it to see all dates.`;
}

export function webviewData(data: PlotData): WebviewData {
  const full = data.min !== undefined && data.max !== undefined ? fullRange(data.min, data.max) : undefined;
  const initial = denseRange([...data.byEntity[0].points, ...data.byTag.slice(1).flatMap((r) => r.points)]) ?? full;
  return { byEntity: data.byEntity, byTag: data.byTag, dated: data.dated, ...(full ? { full } : {}), ...(initial ? { initial } : {}) };
}

/** JSON that can sit inside a `<script type="application/json">` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function plotHtml(input: PlotHtmlInput): string {
  const data = plotData(input.items, input.maxRows, input.tagsWithoutDate);
  const view = webviewData(data);
  const width = input.width ?? 720;
  const nonce = escapeXml(input.nonce);
  const csp = escapeXml(contentSecurityPolicy(input.cspSource, input.nonce));
  const draw = (rows: readonly PlotRow[], id: string) => (view.initial ? plotSvg(rows, { width, range: view.initial }, id) : emptySvg(id));
  const moreTags = data.moreTags ? ` ${data.moreTags} more tags are not shown.` : '';
  const moreEntities = data.moreEntities ? ` The ${data.byEntity.length - 1} entities named in the most dated sentences; ${data.moreEntities} more are not shown.` : '';
  const tagLegend =
    data.byTag.length <= 1
      ? 'No tags yet.'
      : `<span class="ring"></span> a tagged passage whose sentence has no date, at its article’s date (${data.atArticleDate}).${
          data.tagsUnplaced ? ` ${plural(data.tagsUnplaced, 'tagged passage')} in articles without a date not plotted.` : ''
        }${moreTags}`;
  const script = input.scriptUri ? `<script nonce="${nonce}" src="${escapeXml(input.scriptUri)}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Corpus Timeline</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <strong>Events over time</strong>
  <span class="buttons">
    <button type="button" data-by="entity" aria-pressed="true">By entity</button>
    <button type="button" data-by="tag" aria-pressed="false">By tag</button>
  </span>
  <span class="buttons">
    <button type="button" data-zoom="busy" title="The shortest span that holds most dated mentions">Busy range</button>
    <button type="button" data-zoom="out" title="Three times wider">Zoom out</button>
    <button type="button" data-zoom="all" title="Every date (or double-click the plot)">All dates</button>
  </span>
</header>
<p class="summary">${escapeXml(summaryOf(data))} Click a dot to open its passage.</p>
<p class="view" id="view">${view.initial ? escapeXml(viewSummary(view.initial, view.full, data.byEntity)) : ''}</p>
<main>
<section class="plot-by" data-by="entity"><p class="legend">${escapeXml(moreEntities.trim())}</p>${draw(data.byEntity, 'plot-entity')}</section>
<section class="plot-by" data-by="tag" hidden><p class="legend">${tagLegend}</p>${draw(data.byTag, 'plot-tag')}</section>
</main>
<script type="application/json" id="plot-data">${scriptJson(view)}</script>
${script}
</body>
</html>`;
}
