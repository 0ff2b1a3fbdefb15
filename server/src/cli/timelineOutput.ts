/** `corpus-annotator timeline` output: JSON, CSV (RFC 4180) or text lines, from core timeline entries (pure). */
import { LineIndex, type TimelineEntry } from '../core/index';
import { csvField } from '../core/text/csv';

export interface JsonTimelineEntry {
  value: string;
  kind: string;
  /** First and last day (or minute) covered; null when undated. */
  start: string | null;
  end: string | null;
  path: string;
  /** 1-based position of the expression. */
  line: number;
  column: number;
  text: string;
  sentence: string;
  group: string;
  resolution: string;
  documentDate: string | null;
  isDocumentDate: boolean;
  /** The mention lies in boilerplate (a repeated lead, page chrome): listed, but not an event of the article. */
  inBoilerplate: boolean;
  entities: { entityId: string; canonical: string; type: string }[];
}

export const CSV_HEADER = ['value', 'kind', 'start', 'end', 'path', 'line', 'column', 'text', 'sentence', 'group', 'inBoilerplate'] as const;

/** Converts entries, computing line and column from each article's text. */
export function toJsonEntries(entries: readonly TimelineEntry[], textOf: (path: string) => string, display: (key: string) => string = (k) => k): JsonTimelineEntry[] {
  const indexes = new Map<string, LineIndex>();
  return entries.map((e) => {
    let lines = indexes.get(e.uri);
    if (!lines) indexes.set(e.uri, (lines = new LineIndex(textOf(e.uri))));
    const p = lines.positionAt(e.start);
    return {
      value: e.value,
      kind: e.kind,
      start: e.sortKey ?? null,
      end: e.endKey ?? null,
      path: display(e.uri),
      line: p.line + 1,
      column: p.character + 1,
      text: e.text,
      sentence: e.sentence,
      group: e.group,
      resolution: e.resolution,
      documentDate: e.documentDate ?? null,
      isDocumentDate: e.isDocumentDate,
      inBoilerplate: e.inBoilerplate,
      entities: e.entities.map((x) => ({ entityId: x.entityId, canonical: x.canonical, type: x.type })),
    };
  });
}

export function timelineJson(entries: readonly JsonTimelineEntry[]): string {
  return JSON.stringify({ version: 1, entries });
}

/** The CSV file: a header row, then one row a mention; CRLF line ends, as RFC 4180 says. */
export function timelineCsv(entries: readonly JsonTimelineEntry[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const e of entries) rows.push(CSV_HEADER.map((k) => csvField(e[k])).join(','));
  return rows.join('\r\n') + '\r\n';
}

/** One mention a line: `when  path:line:col: text — sentence`, with `[boilerplate]` after the text of one inside it. */
export function timelineTextLines(entries: readonly JsonTimelineEntry[]): string[] {
  const when = (e: JsonTimelineEntry) => (e.start === null ? 'undated' : e.end && e.end !== e.start ? `${e.start}..${e.end}` : e.start);
  const width = Math.max(0, ...entries.map((e) => when(e).length));
  return entries.map((e) => `${when(e).padEnd(width)}  ${e.path}:${e.line}:${e.column}: ${e.text}${e.inBoilerplate ? ' [boilerplate]' : ''} — ${e.sentence}`);
}
