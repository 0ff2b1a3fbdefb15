/**
 * The plot webview's HTML (pure): a strict Content-Security-Policy (nothing from the network; one inline style and
 * one inline script, both allowed by a per-render nonce), the two pre-drawn SVG plots (by entity, by tag) and a
 * small script that switches between them and asks the extension to open a passage when a dot is clicked.
 */
import type { TimelineItem } from '../../../server/src/protocolTimeline';
import { plotData } from './plotData';
import { escapeXml, plotSvg } from './svg';

export interface PlotHtmlInput {
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly items: readonly TimelineItem[];
  readonly maxRows?: number;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** Runs in the webview: toggles entity/tag rows and posts `{ type: 'open', index }` when a mention is clicked. */
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { by: 'entity' };
  const show = (by) => {
    for (const el of document.querySelectorAll('.plot-by')) el.hidden = el.dataset.by !== by;
    for (const b of document.querySelectorAll('button[data-by]')) b.setAttribute('aria-pressed', String(b.dataset.by === by));
    vscode.setState({ by });
  };
  for (const b of document.querySelectorAll('button[data-by]')) b.addEventListener('click', () => show(b.dataset.by));
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('[data-i]') : null;
    if (t) vscode.postMessage({ type: 'open', index: Number(t.getAttribute('data-i')) });
  });
  show(state.by);
})();`;

const STYLE = `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
  header { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 4px 10px; cursor: pointer; }
  button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  .summary { opacity: 0.8; }
  svg { max-width: 100%; height: auto; }
  svg text { fill: var(--vscode-foreground); font-size: 12px; }
  svg .label { text-anchor: end; }
  svg .tick { text-anchor: middle; opacity: 0.7; font-size: 11px; }
  svg .grid { stroke: var(--vscode-editorRuler-foreground, #8884); stroke-width: 1; }
  svg .rule { stroke: var(--vscode-editorIndentGuide-background1, #8882); stroke-width: 1; }
  svg .dot { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: 0.8; cursor: pointer; }
  svg .dot:hover { fill: var(--vscode-charts-orange, #d18616); }
  svg .span { stroke: var(--vscode-charts-blue, #3794ff); stroke-opacity: 0.45; stroke-width: 6; stroke-linecap: round; cursor: pointer; }
`;

export function plotHtml(input: PlotHtmlInput): string {
  const data = plotData(input.items, input.maxRows);
  const nonce = escapeXml(input.nonce);
  const csp = escapeXml(contentSecurityPolicy(input.cspSource, input.nonce));
  const summary = `${data.dated} dated mention${data.dated === 1 ? '' : 's'}${data.notPlotted ? `; ${data.notPlotted} without a year or undated (not plotted)` : ''}. Click a dot to open its passage.`;
  const noTags = data.byTag.length <= 1 ? '<p class="summary">No tags over dated sentences yet.</p>' : '';
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
  <button type="button" data-by="entity" aria-pressed="true">By entity</button>
  <button type="button" data-by="tag" aria-pressed="false">By tag</button>
  <span class="summary">${escapeXml(summary)}</span>
</header>
<section class="plot-by" data-by="entity">${plotSvg(data, data.byEntity, input.items, 'plot-entity')}</section>
<section class="plot-by" data-by="tag" hidden>${noTags}${plotSvg(data, data.byTag, input.items, 'plot-tag')}</section>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
