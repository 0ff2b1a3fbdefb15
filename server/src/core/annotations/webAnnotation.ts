/**
 * Tags as W3C Web Annotations (JSON-LD, context http://www.w3.org/ns/anno.jsonld), both ways (pure).
 *
 * Export: one `AnnotationCollection` whose first (and only) `AnnotationPage` holds one `Annotation` a tag:
 * - `body`: a `TextualBody` of purpose `tagging` whose value is the tag, and one of purpose `commenting` for the note;
 * - `target`: a `SpecificResource` whose `source` is the article's path relative to the workspace folder (a relative
 *   IRI, percent-encoded), with a `TextQuoteSelector` (the tagged quote and its stored context) and, unless the tag is
 *   orphaned, a `TextPositionSelector` where the passage is in the current text. The model counts positions in
 *   Unicode code points, so they differ from the editor's UTF-16 offsets after a character outside the BMP;
 * - `created`, `modified` (the tag's `updated`) and `creator` (its author);
 * - `urn:corpus-annotator:sidecar`: what the Web Annotation model has no place for, so that `import` restores the
 *   sidecar exactly: the tag's id, its stored offsets (UTF-16), its status now, and keys other tools added.
 *
 * Import reads that back, and also plain Web Annotations from other tools (a tag, a quote selector, a source).
 */
import { anchorTag } from './anchor';
import type { Tag } from './model';
import type { ListedTag } from './tagsOutput';

export const WADM_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The extension property holding what the model has no place for. */
export const SIDECAR_PROPERTY = 'urn:corpus-annotator:sidecar';
export const COLLECTION_ID = 'urn:corpus-annotator:tags';
const TAG_ID_PREFIX = 'urn:corpus-annotator:tag:';

// ── Offsets: UTF-16 code units (the editor, the sidecars) and Unicode code points (the Web Annotation model) ────────

/** The number of code points in `text[0, offset)` (UTF-16). */
export function toCodePoints(text: string, offset: number): number {
  let points = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points++;
  }
  return points;
}

/** The UTF-16 offset of code point `points`; undefined past the end of the text. */
export function fromCodePoints(text: string, points: number): number | undefined {
  let offset = 0;
  for (let p = 0; p < points; p++) {
    if (offset >= text.length) return undefined;
    offset += isHighSurrogate(text.charCodeAt(offset)) && offset + 1 < text.length && isLowSurrogate(text.charCodeAt(offset + 1)) ? 2 : 1;
  }
  return offset;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// ── Export ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** An article path relative to the workspace (with `/`) as a relative IRI. */
export function sourceIri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function annotationId(path: string, tagId: string): string {
  return `${TAG_ID_PREFIX}${sourceIri(path)}:${encodeURIComponent(tagId)}`;
}

type Json = Record<string, unknown>;

export function toAnnotation(t: ListedTag): Json {
  const { tag, status, start, end, confidence } = t.anchored;
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: tag.tag }];
  if (tag.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: tag.note, format: 'text/plain' });
  const selector: Json[] = [
    { type: 'TextQuoteSelector', exact: tag.quote, ...(tag.prefix ? { prefix: tag.prefix } : {}), ...(tag.suffix ? { suffix: tag.suffix } : {}) },
  ];
  if (status !== 'orphaned' && t.text !== undefined) {
    selector.push({ type: 'TextPositionSelector', start: toCodePoints(t.text, start), end: toCodePoints(t.text, end) });
  }
  return {
    id: annotationId(t.path, tag.id),
    type: 'Annotation',
    motivation: 'tagging',
    ...(tag.created ? { created: tag.created } : {}),
    ...(tag.updated ? { modified: tag.updated } : {}),
    ...(tag.author ? { creator: { type: 'Person', name: tag.author } } : {}),
    body,
    target: { type: 'SpecificResource', source: sourceIri(t.path), selector },
    [SIDECAR_PROPERTY]: {
      id: tag.id,
      start: tag.start,
      end: tag.end,
      status,
      ...(confidence !== undefined ? { confidence } : {}),
      ...(tag.extra && Object.keys(tag.extra).length ? { extra: tag.extra } : {}),
    },
  };
}

/** The export: an AnnotationCollection with its one page embedded (none when there is no tag: a page has items). */
export function toWebAnnotationCollection(tags: readonly ListedTag[]): Json {
  const items = tags.map(toAnnotation);
  return {
    '@context': WADM_CONTEXT,
    id: COLLECTION_ID,
    type: 'AnnotationCollection',
    label: 'Corpus Annotator tags',
    total: items.length,
    ...(items.length ? { first: { id: `${COLLECTION_ID}:page:1`, type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
}

export function webAnnotationJson(tags: readonly ListedTag[]): string {
  return JSON.stringify(toWebAnnotationCollection(tags), null, 2) + '\n';
}

// ── Import ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** One annotation read back: everything needed to rebuild its tag once the article's text is known. */
export interface ImportedAnnotation {
  /** How to name it in messages: its id, or its place in the file. */
  readonly label: string;
  /** `target.source` as written (a relative IRI, or a `file:` URI). */
  readonly source: string;
  /** The tag's id, when the annotation says it (this tool's export does). */
  readonly tagId?: string;
  readonly tag: string;
  readonly note?: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** TextPositionSelector, in code points. */
  readonly position?: { readonly start: number; readonly end: number };
  /** The sidecar's offsets (UTF-16), from this tool's export. */
  readonly stored?: { readonly start: number; readonly end: number };
  readonly created?: string;
  readonly updated?: string;
  readonly author?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export type ReadResult = { ok: true; annotations: ImportedAnnotation[] } | { ok: false; problems: string[] };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: unknown, type: string): boolean => isObject(v) && asArray(v.type).includes(type);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * Reads a Web Annotation document: an AnnotationCollection (its embedded pages), an AnnotationPage, one Annotation,
 * or a JSON array of Annotations. Every problem is reported, with the annotation it is about.
 */
export function readWebAnnotations(json: unknown): ReadResult {
  const problems: string[] = [];
  const top = Array.isArray(json) ? json : [json];
  const context = isObject(json) ? json['@context'] : undefined;
  if (isObject(json) && !asArray(context).includes(WADM_CONTEXT)) {
    problems.push(`Not a Web Annotation document: its @context must be ${WADM_CONTEXT}.`);
    return { ok: false, problems };
  }
  const items: unknown[] = [];
  for (const node of top) {
    if (hasType(node, 'AnnotationCollection')) {
      const c = node as Json;
      let page: unknown = c.first;
      for (let n = 0; page !== undefined && n < 100_000; n++) {
        if (!isObject(page)) {
          problems.push('The collection\'s pages must be embedded in the file (not given by their IRI).');
          break;
        }
        items.push(...asArray(page.items));
        page = page.next;
      }
    } else if (hasType(node, 'AnnotationPage')) items.push(...asArray((node as Json).items));
    else items.push(node);
  }
  const annotations: ImportedAnnotation[] = [];
  items.forEach((item, i) => {
    const read = readAnnotation(item, i + 1);
    if (typeof read === 'string') problems.push(read);
    else annotations.push(read);
  });
  return problems.length ? { ok: false, problems } : { ok: true, annotations };
}

function readAnnotation(node: unknown, index: number): ImportedAnnotation | string {
  const id = isObject(node) && typeof node.id === 'string' ? node.id : undefined;
  const label = `annotation ${index}${id ? ` (${id})` : ''}`;
  if (!isObject(node) || !hasType(node, 'Annotation')) return `${label}: not an object of type Annotation.`;
  const bodies = asArray(node.body).filter(isObject);
  const textual = (b: Json) => hasType(b, 'TextualBody') && typeof b.value === 'string';
  const purposes = (b: Json) => asArray(b.purpose);
  let tagBodies = bodies.filter((b) => textual(b) && purposes(b).includes('tagging'));
  const unlabelled = bodies.filter((b) => textual(b) && !purposes(b).length);
  if (!tagBodies.length && asArray(node.motivation).includes('tagging') && unlabelled.length === 1) tagBodies = unlabelled;
  if (tagBodies.length !== 1) return `${label}: needs exactly one TextualBody of purpose "tagging" (the tag), not ${tagBodies.length}.`;
  const tag = tagBodies[0].value as string;
  if (!tag.trim()) return `${label}: its tag is empty.`;
  const notes = bodies.filter((b) => textual(b) && !tagBodies.includes(b) && (purposes(b).includes('commenting') || !purposes(b).length)).map((b) => b.value as string);
  if (typeof node.bodyValue === 'string') notes.push(node.bodyValue);

  const targets = asArray(node.target);
  if (targets.length !== 1 || !isObject(targets[0])) return `${label}: needs exactly one target with a source and a TextQuoteSelector.`;
  const target = targets[0];
  if (typeof target.source !== 'string' || !target.source) return `${label}: its target needs a source (the article).`;
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote || typeof quote.exact !== 'string' || !quote.exact) return `${label}: its target needs a TextQuoteSelector with the exact text.`;
  for (const k of ['prefix', 'suffix'] as const) {
    if (quote[k] !== undefined && typeof quote[k] !== 'string') return `${label}: the TextQuoteSelector's ${k} must be text.`;
  }
  const positionSelector = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (positionSelector && !(isCount(positionSelector.start) && isCount(positionSelector.end) && positionSelector.end >= positionSelector.start)) {
    return `${label}: the TextPositionSelector needs start ≤ end, non-negative whole numbers.`;
  }

  const own = node[SIDECAR_PROPERTY];
  if (own !== undefined && !isObject(own)) return `${label}: ${SIDECAR_PROPERTY} must be an object.`;
  let tagId = own && typeof own.id === 'string' && own.id ? own.id : undefined;
  if (!tagId && id?.startsWith(TAG_ID_PREFIX)) tagId = decodeTagId(id);
  const stored = own && isCount(own.start) && isCount(own.end) && own.end >= own.start ? { start: own.start, end: own.end } : undefined;
  const extra = own && isObject(own.extra) ? own.extra : undefined;

  const creator = asArray(node.creator)[0];
  const author = typeof creator === 'string' ? creator : isObject(creator) ? [creator.name, creator.nickname, creator.id].find((v) => typeof v === 'string') : undefined;
  const created = typeof node.created === 'string' ? node.created : undefined;
  const updated = typeof node.modified === 'string' ? node.modified : undefined;
  return {
    label,
    source: target.source,
    ...(tagId ? { tagId } : {}),
    tag,
    ...(notes.length ? { note: notes.join('\n\n') } : {}),
    quote: quote.exact,
    prefix: (quote.prefix as string | undefined) ?? '',
    suffix: (quote.suffix as string | undefined) ?? '',
    ...(positionSelector ? { position: { start: positionSelector.start as number, end: positionSelector.end as number } } : {}),
    ...(stored ? { stored } : {}),
    ...(created ? { created } : {}),
    ...(updated ? { updated } : {}),
    ...(typeof author === 'string' && author.trim() ? { author } : {}),
    ...(extra ? { extra } : {}),
  };
}

function decodeTagId(id: string): string | undefined {
  const encoded = id.slice(id.lastIndexOf(':') + 1);
  try {
    return decodeURIComponent(encoded) || undefined;
  } catch {
    return undefined;
  }
}

/** A relative IRI `source` as a workspace-relative path (with `/`); undefined when it is not a relative path. */
export function pathOfSource(source: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('/') || source.startsWith('#') || source.startsWith('?')) return undefined;
  try {
    return source.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

/**
 * The tag an annotation describes, on an article whose current text is `text` (undefined when it is gone). Its place
 * is the stored one when the annotation carries it (this tool's export), else its TextPositionSelector when that
 * holds the quote, else wherever the quote and its context are found; else it is stored as an orphan.
 */
export function tagOfAnnotation(a: ImportedAnnotation, text: string | undefined, newId: () => string, now: Date): Tag {
  let place = a.stored;
  if (!place && text !== undefined && a.position) {
    const start = fromCodePoints(text, a.position.start);
    const end = fromCodePoints(text, a.position.end);
    if (start !== undefined && end !== undefined && text.slice(start, end) === a.quote) place = { start, end };
  }
  if (!place && text !== undefined) {
    const found = anchorTag(text, { id: '', tag: a.tag, quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: 0, end: 0, created: '' });
    if (found.status !== 'orphaned') place = { start: found.start, end: found.end };
  }
  const tag: Tag = {
    id: a.tagId ?? newId(),
    tag: a.tag,
    ...(a.note ? { note: a.note } : {}),
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    start: place?.start ?? 0,
    end: place?.end ?? 0,
    // This tool's export leaves out a creation time the sidecar did not have.
    created: a.created ?? (a.stored ? '' : now.toISOString()),
    ...(a.updated ? { updated: a.updated } : {}),
    ...(a.author ? { author: a.author } : {}),
    ...(a.extra ? { extra: a.extra } : {}),
  };
  return tag;
}
