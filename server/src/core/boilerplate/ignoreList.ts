/**
 * The analysts' list of boilerplate findings to stop showing (`annotations/ignored.yaml`), shared through git:
 * - `everywhere`: a passage ignored in every article, by its whitespace-normalised text;
 * - `here`: one passage of one article, anchored like a tag (offsets, exact quote, context on each side), so that it
 *   is found again after the article is edited.
 * Parsing never throws and reports every problem with its position (a broken file is shown, never overwritten);
 * writing is deterministic (fixed key order, sorted entries, no line folding) so that the file diffs and merges well.
 * Keys we do not know are kept, and rewriting the file keeps the analysts' comments and key order.
 */
import { Document, parseDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import { editableDocument, extraKeys, quoteAmbiguousStrings, quoteIfAmbiguous, yamlPosition } from '../text/yamlHelpers';
import { updateDocument } from '../text/yamlUpdate';
import type { BoilerplateKind } from '../types';
import { CONTEXT_CHARS } from '../annotations/model';
import { conflictItemKey, conflictsBody, nodeToJS, readConflicts, type RecordConflict } from '../annotations/conflicts';
import { normalizeSpace } from './text';

export interface IgnoreEverywhere {
  /** The passage's text with runs of whitespace collapsed. Matching ignores case and punctuation. */
  readonly text: string;
  /** The kind it was flagged as when ignored; for `chrome`, digits are ignored too (`Comments (3)` ~ `Comments (12)`). */
  readonly kind: BoilerplateKind;
  readonly note?: string;
  /** ISO timestamp. */
  readonly added: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface IgnoreHere {
  /** The article's path relative to the workspace folder, with `/`. */
  readonly document: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** UTF-16 offsets of the quote when it was ignored. */
  readonly start: number;
  readonly end: number;
  readonly added: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface IgnoreList {
  readonly version: 1;
  readonly everywhere: readonly IgnoreEverywhere[];
  readonly here: readonly IgnoreHere[];
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Merge conflicts kept in the file until an analyst resolves them (annotations/conflicts.ts). */
  readonly conflicts?: readonly RecordConflict[];
}

export interface IgnoreListError {
  readonly message: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
}

/** `warnings`: merge conflicts kept in the file, to show on it. */
export type IgnoreListParseResult = { ok: true; list: IgnoreList; warnings?: IgnoreListError[] } | { ok: false; errors: IgnoreListError[] };

export const EMPTY_IGNORE_LIST: IgnoreList = Object.freeze({ version: 1, everywhere: [], here: [] });

const KINDS: readonly BoilerplateKind[] = ['duplicate', 'near-duplicate', 'chrome'];
const TOP_KEYS = ['version', 'everywhere', 'here', 'conflicts'] as const;
const EVERYWHERE_KEYS = ['text', 'kind', 'note', 'added'] as const;
const HERE_KEYS = ['document', 'quote', 'prefix', 'suffix', 'start', 'end', 'added'] as const;

/** An `everywhere` entry for a passage's text. */
export function ignoreEverywhereEntry(text: string, kind: BoilerplateKind, now: Date, note?: string): IgnoreEverywhere {
  const n = note?.trim();
  return { text: normalizeSpace(text), kind, ...(n ? { note: n } : {}), added: now.toISOString() };
}

/** A `here` entry for `text[start, end)` of the article `document`, with its quote and context. */
export function ignoreHereEntry(document: string, text: string, start: number, end: number, now: Date): IgnoreHere {
  const s = Math.max(0, Math.min(start, end));
  const e = Math.min(text.length, Math.max(start, end));
  return {
    document,
    quote: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, e + CONTEXT_CHARS),
    start: s,
    end: e,
    added: now.toISOString(),
  };
}

export function parseIgnoreList(text: string): IgnoreListParseResult {
  if (!text.trim()) return { ok: true, list: EMPTY_IGNORE_LIST };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...yamlPosition(text, e.pos[0]) }));
  if (errors.length) return { ok: false, errors };
  return readStructure(doc, text);
}

function readStructure(doc: Document, text: string): IgnoreListParseResult {
  const errors: IgnoreListError[] = [];
  const at = (node: unknown) => yamlPosition(text, (node as { range?: number[] })?.range?.[0] ?? 0);
  const root = doc.contents;
  if (!isMap(root)) {
    return { ok: false, errors: [{ message: 'ignored.yaml must be a mapping with version, everywhere and here.', ...at(root) }] };
  }
  const version = root.get('version');
  if (version !== 1) errors.push({ message: `Unsupported ignore-list version ${String(version)}; this extension reads version 1.`, ...at(root) });
  const everywhere = readList(root, 'everywhere', (n) => readEverywhere(n, doc), errors, at);
  const here = readList(root, 'here', (n) => readHere(n, doc), errors, at);
  const merge = readConflicts(root.get('conflicts', true), nodeToJS(doc), at);
  errors.push(...merge.errors);
  if (errors.length) return { ok: false, errors };
  const extra = extraKeys(root, TOP_KEYS, doc);
  return {
    ok: true,
    list: { version: 1, everywhere, here, ...(extra ? { extra } : {}), ...(merge.conflicts.length ? { conflicts: merge.conflicts } : {}) },
    ...(merge.warnings.length ? { warnings: merge.warnings } : {}),
  };
}

function readList<T>(
  root: YAMLMap, key: string, read: (node: unknown) => T | string, errors: IgnoreListError[],
  at: (node: unknown) => { line: number; column: number },
): T[] {
  const node = root.get(key, true);
  const out: T[] = [];
  if (node === undefined || node === null) return out;
  if (!isSeq(node)) {
    errors.push({ message: `\`${key}\` must be a list.`, ...at(node) });
    return out;
  }
  for (const item of node.items) {
    const r = read(item);
    if (typeof r === 'string') errors.push({ message: r, ...at(item) });
    else out.push(r);
  }
  return out;
}

function readEverywhere(node: unknown, doc: Document): IgnoreEverywhere | string {
  if (!isMap(node)) return 'Each `everywhere` entry must be a mapping with text and kind.';
  const o = node.toJS(doc) as Record<string, unknown>;
  if (typeof o.text !== 'string' || !o.text.trim()) return 'An `everywhere` entry needs its `text`.';
  if (!KINDS.includes(o.kind as BoilerplateKind)) return `\`kind\` must be one of ${KINDS.join(', ')}.`;
  if (o.note !== undefined && o.note !== null && typeof o.note !== 'string') return '`note` must be text.';
  const extra = extraKeys(node, EVERYWHERE_KEYS, doc);
  return {
    text: normalizeSpace(o.text),
    kind: o.kind as BoilerplateKind,
    ...(typeof o.note === 'string' && o.note.trim() ? { note: o.note.trim() } : {}),
    added: timestamp(o.added),
    ...(extra ? { extra } : {}),
  };
}

function readHere(node: unknown, doc: Document): IgnoreHere | string {
  if (!isMap(node)) return 'Each `here` entry must be a mapping with document, quote, start and end.';
  const o = node.toJS(doc) as Record<string, unknown>;
  const int = (k: string): boolean => Number.isInteger(o[k]) && (o[k] as number) >= 0;
  if (typeof o.document !== 'string' || !o.document) return 'A `here` entry needs its `document`.';
  if (typeof o.quote !== 'string' || !o.quote) return `A \`here\` entry of ${o.document} needs its \`quote\`.`;
  if (!int('start') || !int('end') || (o.end as number) < (o.start as number)) {
    return `A \`here\` entry of ${o.document} needs \`start\` ≤ \`end\` offsets.`;
  }
  for (const k of ['prefix', 'suffix'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return `\`${k}\` must be text.`;
  }
  const extra = extraKeys(node, HERE_KEYS, doc);
  return {
    document: o.document,
    quote: o.quote,
    prefix: typeof o.prefix === 'string' ? o.prefix : '',
    suffix: typeof o.suffix === 'string' ? o.suffix : '',
    start: o.start as number,
    end: o.end as number,
    added: timestamp(o.added),
    ...(extra ? { extra } : {}),
  };
}

function timestamp(v: unknown): string {
  return v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : '';
}



const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const HEADER =
  '# Corpus Annotator: boilerplate findings the analysts chose not to show (format version 1).\n' +
  '# everywhere: passages ignored in every article; here: one passage of one article, anchored like a tag.\n' +
  '# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.\n';
const OUTPUT = { lineWidth: 0, minContentWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

/**
 * The file's text: fixed key order, `everywhere` sorted by text, `here` by document and position. With `previous`
 * (the file's current text), the file is updated in place: the analysts' comments and key order are kept (see
 * `yamlUpdate`); without it, or when it does not parse, it is written anew.
 */
export function serializeIgnoreList(list: IgnoreList, previous?: string): string {
  const everywhere = [...list.everywhere].sort((a, b) => cmp(a.text, b.text) || cmp(a.kind, b.kind) || cmp(a.added, b.added));
  const here = [...list.here].sort((a, b) => cmp(a.document, b.document) || a.start - b.start || a.end - b.end || cmp(a.added, b.added));
  const pick = (o: object, keys: readonly string[], keepEmpty: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = (o as Record<string, unknown>)[k];
      if ((v !== undefined && v !== '') || keepEmpty.includes(k)) out[k] = v ?? '';
    }
    return out;
  };
  const body = {
    version: 1,
    ...(list.extra ?? {}),
    everywhere: everywhere.map((e) => ({ ...pick(e, EVERYWHERE_KEYS, []), ...(e.extra ?? {}) })),
    here: here.map((h) => ({ ...pick(h, HERE_KEYS, ['prefix', 'suffix']), ...(h.extra ?? {}) })),
    ...conflictsBody(list.conflicts),
  };
  const old = editableDocument(previous);
  if (old && updateDocument(old, body, { itemKey: entryKey, style: quoteIfAmbiguous })) return old.toString(OUTPUT);
  const doc = new Document(body);
  quoteAmbiguousStrings(doc);
  return HEADER + doc.toString(OUTPUT);
}

/** Entries are the same entry when they ignore the same passage, as they are read (spacing normalised). */
export function entryKey(item: unknown, key: string | undefined): string | undefined {
  if (key === 'conflicts') return conflictItemKey(item, key);
  const o = (item ?? {}) as Record<string, unknown>;
  if (key === 'everywhere') return ['everywhere', o.kind, normalizeSpace(String(o.text))].join('\n');
  if (key === 'here') return ['here', o.document, o.start, o.end, o.quote].join('\n');
  return undefined;
}
