/**
 * Reading and writing the sidecar YAML of one article. The file is the analysts' data:
 * - parsing never throws and reports every problem with its position, so a broken file is shown, never overwritten;
 * - writing is deterministic (fixed key order, tags sorted by position, no line folding), so files diff and merge well;
 * - keys we do not know are kept;
 * - rewriting a file keeps the analysts' comments and key order.
 */
import { Document, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { editableDocument, extraKeys, quoteAmbiguousStrings, quoteIfAmbiguous, yamlPosition } from '../text/yamlHelpers';
import { updateDocument } from '../text/yamlUpdate';
import { conflictItemKey, conflictsBody, nodeToJS, readConflicts, type ConflictRef } from './conflicts';
import type { Sidecar, Tag } from './model';

export interface SidecarError {
  readonly message: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  /** A merge conflict's warning names its conflict. */
  readonly conflict?: ConflictRef;
}

/** `warnings`: merge conflicts kept in the file, to show on it (the file is still read and written). */
export type SidecarParseResult = { ok: true; sidecar: Sidecar; warnings?: SidecarError[] } | { ok: false; errors: SidecarError[] };

const TAG_KEYS = ['id', 'tag', 'note', 'quote', 'prefix', 'suffix', 'start', 'end', 'created', 'updated', 'author'] as const;
const TOP_KEYS = ['version', 'document', 'tags', 'conflicts'] as const;

export function emptySidecar(document: string): Sidecar {
  return { version: 1, document, tags: [] };
}

export function parseSidecar(text: string, documentIfEmpty: string): SidecarParseResult {
  if (!text.trim()) return { ok: true, sidecar: emptySidecar(documentIfEmpty) };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors: SidecarError[] = doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...yamlPosition(text, e.pos[0]) }));
  if (errors.length) return { ok: false, errors };
  return readStructure(doc, text, documentIfEmpty);
}

function readStructure(doc: Document, text: string, documentIfEmpty: string): SidecarParseResult {
  const errors: SidecarError[] = [];
  const at = (node: unknown): { line: number; column: number } => yamlPosition(text, (node as { range?: number[] })?.range?.[0] ?? 0);
  const root = doc.contents;
  if (!isMap(root)) {
    return { ok: false, errors: [{ message: 'A sidecar must be a mapping with version, document and tags.', ...at(root) }] };
  }
  const version = root.get('version');
  if (version !== 1) errors.push({ message: `Unsupported sidecar version ${String(version)}; this extension reads version 1.`, ...at(root) });
  const document = root.get('document');
  if (document !== undefined && typeof document !== 'string') errors.push({ message: '`document` must be a string.', ...at(root) });
  const tagsNode = root.get('tags', true);
  const tags: Tag[] = [];
  if (tagsNode !== undefined && tagsNode !== null && !isSeq(tagsNode)) {
    errors.push({ message: '`tags` must be a list.', ...at(tagsNode) });
  } else if (isSeq(tagsNode)) {
    const ids = new Set<string>();
    for (const item of tagsNode.items) {
      const result = readTag(item, doc);
      if (typeof result === 'string') errors.push({ message: result, ...at(item) });
      else if (ids.has(result.id)) errors.push({ message: `Duplicate tag id ${result.id}.`, ...at(item) });
      else {
        ids.add(result.id);
        tags.push(result);
      }
    }
  }
  const merge = readConflicts(root.get('conflicts', true), nodeToJS(doc), at);
  errors.push(...merge.errors);
  if (errors.length) return { ok: false, errors };
  const extra = extraKeys(root, TOP_KEYS, doc);
  return {
    ok: true,
    sidecar: {
      version: 1,
      document: typeof document === 'string' ? document : documentIfEmpty,
      tags,
      ...(extra ? { extra } : {}),
      ...(merge.conflicts.length ? { conflicts: merge.conflicts } : {}),
    },
    ...(merge.warnings.length ? { warnings: merge.warnings } : {}),
  };
}

/**
 * A tag from a plain record as a sidecar writes it (a merge conflict's `ours` or `theirs`), checked as the file's tags
 * are; a message when it is not a tag.
 */
export function tagOfRecord(record: unknown): Tag | string {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'Not a tag.';
  // A conflict entry may carry a record's unknown keys under `extra`: they are the tag's own keys again.
  const { extra, ...rest } = record as Record<string, unknown>;
  const flat = extra && typeof extra === 'object' && !Array.isArray(extra) ? { ...(extra as Record<string, unknown>), ...rest } : record;
  const doc = new Document(flat);
  return readTag(doc.contents, doc);
}

function readTag(node: unknown, doc: Document): Tag | string {
  if (!isMap(node)) return 'Each tag must be a mapping.';
  const o = node.toJS(doc) as Record<string, unknown>;
  const str = (k: string): boolean => typeof o[k] === 'string';
  const int = (k: string): boolean => Number.isInteger(o[k]) && (o[k] as number) >= 0;
  if (!str('id') || !(o.id as string)) return 'A tag needs an `id`.';
  if (!str('tag') || !(o.tag as string).trim()) return `Tag ${String(o.id)} needs a \`tag\` name.`;
  if (!str('quote')) return `Tag ${String(o.id)} needs its \`quote\`.`;
  if (!int('start') || !int('end') || (o.end as number) < (o.start as number)) return `Tag ${String(o.id)} needs \`start\` ≤ \`end\` offsets.`;
  for (const k of ['note', 'prefix', 'suffix', 'author'] as const) {
    if (o[k] !== undefined && o[k] !== null && !str(k)) return `Tag ${String(o.id)}: \`${k}\` must be text.`;
  }
  const time = (v: unknown): string => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : '');
  const created = time(o.created);
  const updated = time(o.updated);
  const extra = extraKeys(node, TAG_KEYS, doc);
  return {
    id: o.id as string,
    tag: o.tag as string,
    ...(typeof o.note === 'string' && o.note ? { note: o.note } : {}),
    quote: o.quote as string,
    prefix: typeof o.prefix === 'string' ? o.prefix : '',
    suffix: typeof o.suffix === 'string' ? o.suffix : '',
    start: o.start as number,
    end: o.end as number,
    created,
    ...(updated ? { updated } : {}),
    ...(typeof o.author === 'string' && o.author ? { author: o.author } : {}),
    ...(extra ? { extra } : {}),
  };
}



const HEADER = '# Corpus Annotator tags for one article (sidecar format version 1).\n# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.\n';
const OUTPUT = { lineWidth: 0, minContentWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

/**
 * The sidecar's text. With `previous` (the file's current text), the file is updated in place: the analysts'
 * comments and key order are kept (see `yamlUpdate`); without it, or when it does not parse, it is written anew.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: string): string {
  const tags = [...sidecar.tags].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = {
    version: 1,
    document: sidecar.document,
    ...(sidecar.extra ?? {}),
    tags: tags.map((t) => {
      const o: Record<string, unknown> = {};
      for (const k of TAG_KEYS) {
        const v = t[k];
        // The context is always written, empty at the start or end of the article, in its place in the key order; so is
        // the quote, which a tag cannot be read without.
        if (k === 'prefix' || k === 'suffix' || k === 'quote') o[k] = v ?? '';
        else if (v !== undefined && v !== '') o[k] = v;
      }
      return { ...o, ...(t.extra ?? {}) };
    }),
    ...conflictsBody(sidecar.conflicts),
  };
  const old = editableDocument(previous);
  if (old && updateDocument(old, body, { style: quoteContext, itemKey: conflictItemKey })) return old.toString(OUTPUT);
  const doc = new Document(body);
  quoteAmbiguousStrings(doc);
  return HEADER + doc.toString(OUTPUT);
}

/**
 * Context strings are short and often start or end with a line break: one double-quoted line reads and diffs better
 * than a block scalar with indentation indicators.
 */
function quoteContext(node: Node): void {
  quoteIfAmbiguous(node);
}
