/**
 * Runs inside the plot webview (bundled to dist/timelinePlot.js, no Node, no vscode module): draws the plot at the
 * panel's width and again on every resize; by entity or by tag; zoom by dragging across the plot (brush), Busy range,
 * Zoom out, All dates or a double-click; a click on a mark posts `{ type: 'open', kind, index }` to the extension.
 * The choice and the span are kept in the webview's state.
 */
import { viewSummary, type WebviewData } from './html';
import { plotSvg } from './svg';
import { brushed, zoomOut, type DayRange } from './viewRange';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type By = 'entity' | 'tag';
interface State {
  by: By;
  range?: DayRange;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('plot-data')?.textContent ?? '{}') as WebviewData;
const saved = (vscode.getState() ?? {}) as Partial<State>;
const state: State = { by: saved.by === 'tag' ? 'tag' : 'entity', range: saved.range ?? data.initial };

const rowsOf = (by: By) => (by === 'tag' ? data.byTag : data.byEntity);

function render(): void {
  for (const section of document.querySelectorAll<HTMLElement>('.plot-by')) {
    const visible = section.dataset.by === state.by;
    section.hidden = !visible;
    if (!visible || !state.range) continue;
    const old = section.querySelector('svg');
    const width = section.clientWidth;
    if (!width) continue;
    const holder = document.createElement('div');
    holder.innerHTML = plotSvg(rowsOf(state.by), { width, range: state.range }, `plot-${state.by}`);
    const svg = holder.firstElementChild!;
    if (old) old.replaceWith(svg);
    else section.append(svg);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-by]')) b.setAttribute('aria-pressed', String(b.dataset.by === state.by));
  const view = document.getElementById('view');
  if (view && state.range) view.textContent = viewSummary(state.range, data.full, rowsOf(state.by));
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) b.disabled = !data.full;
  vscode.setState(state);
}

function setRange(range: DayRange | undefined): void {
  if (!range) return;
  state.range = range;
  render();
}

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-by]')) {
  b.addEventListener('click', () => {
    state.by = b.dataset.by === 'tag' ? 'tag' : 'entity';
    render();
  });
}
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) {
  b.addEventListener('click', () => {
    if (!data.full || !state.range) return;
    const zoom = b.dataset.zoom;
    setRange(zoom === 'all' ? data.full : zoom === 'busy' ? data.initial : zoomOut(state.range, data.full));
  });
}

/** The plot's axis, from the attributes plotSvg puts on it, and the x of a pointer event in its coordinates. */
function axisOf(svg: SVGSVGElement) {
  const n = (a: string) => Number(svg.getAttribute(a));
  const [x0, x1, lo, hi] = [n('data-x0'), n('data-x1'), n('data-lo'), n('data-hi')];
  const box = svg.getBoundingClientRect();
  const scale = box.width ? svg.viewBox.baseVal.width / box.width : 1;
  const xOf = (e: PointerEvent | MouseEvent) => (e.clientX - box.left) * scale;
  const dayOf = (x: number) => lo + ((Math.min(Math.max(x, x0), x1) - x0) / (x1 - x0)) * (hi - lo);
  return { x0, x1, xOf, dayOf };
}

let brush: { svg: SVGSVGElement; rect: SVGRectElement; start: number; axis: ReturnType<typeof axisOf> } | undefined;

document.addEventListener('pointerdown', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const svg = target?.closest('svg.plot') as SVGSVGElement | null;
  if (!svg || !target || target.closest('[data-i]') || e.button !== 0 || !svg.hasAttribute('data-x0')) return;
  const axis = axisOf(svg);
  const start = axis.xOf(e);
  if (start < axis.x0 || start > axis.x1) return;
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('class', 'brush');
  rect.setAttribute('x', String(start));
  rect.setAttribute('y', '0');
  rect.setAttribute('width', '0');
  rect.setAttribute('height', String(svg.viewBox.baseVal.height));
  svg.append(rect);
  svg.setPointerCapture(e.pointerId);
  brush = { svg, rect, start, axis };
});

document.addEventListener('pointermove', (e) => {
  if (!brush) return;
  const x = Math.min(Math.max(brush.axis.xOf(e), brush.axis.x0), brush.axis.x1);
  brush.rect.setAttribute('x', String(Math.min(x, brush.start)));
  brush.rect.setAttribute('width', String(Math.abs(x - brush.start)));
});

document.addEventListener('pointerup', (e) => {
  if (!brush) return;
  const { rect, start, axis } = brush;
  brush = undefined;
  rect.remove();
  const end = axis.xOf(e);
  if (Math.abs(end - start) >= 6) setRange(brushed(axis.dayOf(start), axis.dayOf(end)));
});

document.addEventListener('dblclick', (e) => {
  if (e.target instanceof Element && e.target.closest('svg.plot')) setRange(data.full);
});

document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target.closest('[data-i]') : null;
  if (t) vscode.postMessage({ type: 'open', kind: t.getAttribute('data-kind') ?? 'item', index: Number(t.getAttribute('data-i')) });
});

let frame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(render);
}).observe(document.querySelector('main') ?? document.body);
render();
