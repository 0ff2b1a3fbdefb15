/**
 * The tags of a workspace, re-anchored against the articles' current texts, and their listings: JSON and text for
 * `corpus-annotator tags`, RFC 4180 CSV for `export --format csv` and the editor's Export Tags (pure: the caller reads the files).
 */
import { anchorTags, type AnchoredTag } from './anchor';
import type { Tag } from './model';
import { LineIndex } from '../text/lineIndex';
import { authorsOf, groupIdenticalTags, recordsOf, type TagRecords } from './identicalTags';
import { csvField } from '../text/csv';

/** One article's tags and its current text (undefined when the article is gone: every tag is then an orphan). */
export interface TaggedArticle {
  /** Relative to the workspace folder, with `/`. */
  readonly path: string;
  readonly text: string | undefined;
  readonly tags: readonly Tag[];
}

export interface ListedTag {
  readonly path: string;
  readonly anchored: AnchoredTag;
  /** The text the tag was anchored against; undefined when the article is gone. */
  readonly text: string | undefined;
  /** 0-based line and character of the current start; undefined for orphans. */
  readonly position?: { readonly line: number; readonly character: number };
  /** Of the suggested place, for orphans that have one. */
  readonly suggestionPosition?: { readonly line: number; readonly character: number };
}

/** Every tag re-anchored, sorted by article, then by current place (orphans by their stored place), then id. */
export function listTags(articles: readonly TaggedArticle[]): ListedTag[] {
  const listed: ListedTag[] = [];
  for (const a of articles) {
    const lines = a.text === undefined ? undefined : new LineIndex(a.text);
    const all = a.text === undefined ? undefined : anchorTags(a.text, a.tags);
    a.tags.forEach((tag, i) => {
      const anchored: AnchoredTag = all?.[i] ?? { tag, start: -1, end: -1, status: 'orphaned' };
      listed.push({
        path: a.path,
        anchored,
        text: a.text,
        ...(lines && anchored.start >= 0 ? { position: lines.positionAt(anchored.start) } : {}),
        ...(lines && anchored.suggestion ? { suggestionPosition: lines.positionAt(anchored.suggestion.start) } : {}),
      });
    });
  }
  const place = (t: ListedTag) => (t.anchored.start >= 0 ? t.anchored.start : t.anchored.tag.start);
  return listed.sort((x, y) => cmp(x.path, y.path) || place(x) - place(y) || cmp(x.anchored.tag.id, y.anchored.tag.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface JsonTag {
  id: string;
  tag: string;
  path: string;
  /** Current UTF-16 offsets; null for an orphan. */
  start: number | null;
  end: number | null;
  quote: string;
  status: AnchoredTag['status'];
  note: string | null;
  author: string | null;
  created: string;
  updated: string | null;
  /** 0–1, for fuzzy tags. */
  confidence: number | null;
  /** For orphans: the best candidate place (UTF-16 offsets) and how well it matches. */
  suggestion: { start: number; end: number; score: number } | null;
}

export function toJsonTag(t: ListedTag): JsonTag {
  const { tag, status, start, end, confidence, suggestion } = t.anchored;
  const orphan = status === 'orphaned';
  return {
    id: tag.id,
    tag: tag.tag,
    path: t.path,
    start: orphan ? null : start,
    end: orphan ? null : end,
    quote: tag.quote,
    status,
    note: tag.note ?? null,
    author: tag.author ?? null,
    created: tag.created,
    updated: tag.updated ?? null,
    confidence: confidence ?? null,
    suggestion: suggestion ? { start: suggestion.start, end: suggestion.end, score: suggestion.score } : null,
  };
}

/** A record of `tags --format json`: the tag, and every identical record it stands for (their ids and authors). */
export interface JsonListedTag extends JsonTag {
  /** The ids of the identical records (same passage, tag and note), this one first. */
  ids: string[];
  /** Their authors, each once, in order. */
  authors: string[];
}

function toJsonListed(g: TagRecords): JsonListedTag {
  return { ...toJsonTag(g.first), ids: recordsOf(g).map((t) => t.anchored.tag.id), authors: authorsOf(g) };
}

/** `tags --format json`: identical tags of several analysts are one record with their ids and authors. */
export function tagsJson(tags: readonly ListedTag[]): string {
  return JSON.stringify({ version: 1, tags: groupIdenticalTags(tags).map(toJsonListed) });
}

/** A quote on one line, shortened: whitespace runs become one space, and long quotes end in `…`. */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One tag a line: `path:line:col: tag [status] "quote" — note`; an orphan has no position, and says where its best
 * candidate place is. Identical tags of several analysts are one line that names them: `(ana, bo)`, or `(2 records)`
 * when none is named. `display` turns the workspace-relative path into the one to print.
 */
export function tagsTextLines(tags: readonly ListedTag[], display: (path: string) => string = (p) => p): string[] {
  return groupIdenticalTags(tags).map((g) => {
    const t = g.first;
    const { tag, status, confidence } = t.anchored;
    const where = t.position ? `${display(t.path)}:${t.position.line + 1}:${t.position.character + 1}` : display(t.path);
    const state = status === 'fuzzy' && confidence !== undefined ? `fuzzy ${confidence.toFixed(2)}` : status;
    const note = tag.note ? ` — ${shortQuote(tag.note, 80)}` : '';
    const hint = t.suggestionPosition ? ` (best candidate: line ${t.suggestionPosition.line + 1}, column ${t.suggestionPosition.character + 1})` : '';
    const authors = authorsOf(g);
    const who = g.same.length ? ` (${authors.length ? authors.join(', ') : `${g.same.length + 1} records`})` : '';
    return `${where}: ${tag.tag} [${state}] "${shortQuote(tag.quote)}"${note}${hint}${who}`;
  });
}

export const TAGS_CSV_HEADER = ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note', 'author', 'created', 'updated', 'confidence'] as const;

/** RFC 4180: a header row, then one row a tag, CRLF line ends; empty fields for what a tag does not have. */
export function tagsCsv(tags: readonly ListedTag[]): string {
  const rows = [TAGS_CSV_HEADER.join(',')];
  for (const t of tags) {
    const json = toJsonTag(t);
    rows.push(TAGS_CSV_HEADER.map((k) => csvField(json[k])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
