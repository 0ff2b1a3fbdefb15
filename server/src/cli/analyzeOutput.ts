/** The CLI's output formats, built from core analyses (pure). */
import { NEVER_CANCELLED, boilerplateMessage, dateMessage, entityMessage, LineIndex, type CorpusService, type DocumentAnalysis } from '../core/index';

export interface JsonDocument {
  path: string;
  entities: { start: number; end: number; text: string; type: string; entityId: string; canonical: string }[];
  dates: { start: number; end: number; text: string; value: string; kind: string }[];
  boilerplate: { start: number; end: number; text: string; kind: string; copies: { path: string; start: number; end: number }[]; moreCopies?: true }[];
}

export function toJsonDocument(a: DocumentAnalysis, displayKey: (key: string) => string = (k) => k): JsonDocument {
  // A page of near-identical lines lists the same few articles as copies of each of its thousands of lines.
  const display = shownOnce(displayKey);
  return {
    path: display(a.uri),
    entities: a.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, entityId: e.entityId, canonical: e.canonical })),
    dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind })),
    boilerplate: a.boilerplate.map((b) => ({
      start: b.start,
      end: b.end,
      text: b.text,
      kind: b.kind,
      copies: b.copies.map((c) => ({ path: display(c.uri), start: c.start, end: c.end })),
      ...(b.moreCopies ? { moreCopies: true as const } : {}),
    })),
  };
}

export function toTextLines(a: DocumentAnalysis, text: string, service: CorpusService, displayKey: (key: string) => string = (k) => k): string[] {
  const display = shownOnce(displayKey);
  const lines = new LineIndex(text);
  const clustering = service.entityClustering(NEVER_CANCELLED);
  const rows: { start: number; line: string }[] = [];
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${display(a.uri)}:${p.line + 1}:${p.character + 1}`;
  };
  for (const e of a.entities) rows.push({ start: e.start, line: `${at(e.start)}: entity: ${entityMessage(e, clustering.cluster(e.entityId))}` });
  for (const d of a.dates) rows.push({ start: d.start, line: `${at(d.start)}: date: ${dateMessage(d)} — "${d.text}"` });
  for (const b of a.boilerplate) rows.push({ start: b.start, line: `${at(b.start)}: boilerplate: ${boilerplateMessage(b)}` });
  return rows.sort((x, y) => x.start - y.start).map((r) => r.line);
}

/** `display` made once for each key (a path relative to the current folder costs a resolve of each). */
export function shownOnce(display: (key: string) => string): (key: string) => string {
  const shown = new Map<string, string>();
  return (key) => {
    let s = shown.get(key);
    if (s === undefined) shown.set(key, (s = display(key)));
    return s;
  };
}
