/**
 * The analysts' entity registry (`annotations/entities.yaml`): entities with a canonical name, a type, aliases and
 * notes, and strings that are not entities. It overrides the clustering model.
 *
 * Format (block style, one entity per block, keys in the order id, canonical, type, aliases, notes):
 *
 *   entities:
 *     - id: khamliang-outhakaysone        # optional; the slug of the canonical name when absent
 *       canonical: Khamliang Outhakaysone
 *       type: PERSON                      # PERSON | ORG | LOCATION | MISC
 *       aliases:
 *         - Khamlieng Outhakaysone
 *       notes: Lao defence minister from 2021.
 *   notEntities:
 *     - Share it
 *
 * Parsing never throws: a malformed file gives errors with 0-based line/column, and the caller keeps the file as is.
 * All scalars are read as strings (YAML failsafe schema), so `id: 1976` or an alias `No` are kept as written.
 */
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { conflictItemKey, conflictsBody, readConflicts, type RecordConflict } from '../annotations/conflicts';
import { editableDocument } from '../text/yamlHelpers';
import { updateDocument } from '../text/yamlUpdate';
import { ENTITY_TYPES, type EntityType } from '../types';
import { foldName, slugify } from './nameKey';

export interface RegistryEntity {
  id?: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  notes?: string;
}
export interface EntityRegistry {
  entities: RegistryEntity[];
  notEntities: string[];
  /** Merge conflicts kept in the file until an analyst resolves them (annotations/conflicts.ts). */
  conflicts?: readonly RecordConflict[];
}
/** 0-based line and column. */
export interface RegistryError {
  message: string;
  line: number;
  column: number;
}
/** `warnings`: merge conflicts kept in the file, to show on it. */
export type RegistryParseResult = { ok: true; registry: EntityRegistry; warnings?: RegistryError[] } | { ok: false; errors: RegistryError[] };

export const EMPTY_REGISTRY: EntityRegistry = Object.freeze({
  entities: Object.freeze([]) as unknown as RegistryEntity[],
  notEntities: Object.freeze([]) as unknown as string[],
});

const TOP_KEYS = ['entities', 'notEntities', 'conflicts'] as const;
const ENTITY_KEYS = ['id', 'canonical', 'type', 'aliases', 'notes'] as const;
const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** Folded comparison key of a registry string (case, diacritics and spacing ignored). */
export function registryKey(name: string): string {
  return foldName(name).replace(/\s+/g, ' ').trim();
}

export function parseRegistry(yamlText: string): RegistryParseResult {
  const lineCounter = new LineCounter();
  const errors: RegistryError[] = [];
  const at = (offset: number | undefined, message: string): void => {
    const pos = lineCounter.linePos(offset ?? 0);
    errors.push({ message, line: pos.line - 1, column: pos.col - 1 });
  };
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) at(e.pos[0], e.message);
  if (errors.length > 0) return { ok: false, errors };
  // Aliases (`*name`) read as what they stand for. This document is only read: the file is rewritten from its own
  // text, where the aliases stay aliases.
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      return isNode(target) ? (target.clone() as Node) : undefined;
    },
  });

  const root = doc.contents;
  if (root === null || (isScalar(root) && String(root.value).trim() === '')) return { ok: true, registry: { entities: [], notEntities: [] } };
  if (!isMap(root)) {
    at(root.range?.[0], 'The registry must be a mapping with the keys `entities` and `notEntities`.');
    return { ok: false, errors };
  }
  const entities: RegistryEntity[] = [];
  const notEntities: string[] = [];
  let conflicts: RecordConflict[] = [];
  let warnings: RegistryError[] = [];
  const position = (node: unknown): { line: number; column: number } => {
    const pos = lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0);
    return { line: pos.line - 1, column: pos.col - 1 };
  };
  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key === 'entities') readEntities(pair.value as Node | null, entities, at, pair);
    else if (key === 'notEntities') readStrings(pair.value as Node | null, notEntities, at, 'notEntities', pair);
    else if (key === 'conflicts' && !isEmpty(pair.value as Node | null)) {
      const merge = readConflicts(pair.value, (n) => n.toJS(doc), position);
      errors.push(...merge.errors);
      conflicts = merge.conflicts;
      warnings = merge.warnings;
    }
    else at(keyOffset(pair), `Unknown key \`${key}\`; expected one of: ${TOP_KEYS.join(', ')}.`);
  }
  checkConsistency(entities, notEntities, root, at);
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length > 0) return { ok: false, errors };
  return conflicts.length ? { ok: true, registry: { entities, notEntities, conflicts }, warnings } : { ok: true, registry: { entities, notEntities } };
}

type At = (offset: number | undefined, message: string) => void;

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
function keyOffset(pair: Pair): number | undefined {
  return (pair.key as Node | null)?.range?.[0];
}
function valueOffset(pair: Pair): number | undefined {
  return (pair.value as Node | null)?.range?.[0] ?? keyOffset(pair);
}
function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && String(node.value) === '');
}

function readStrings(node: Node | null, out: string[], at: At, what: string, pair: Pair): void {
  if (isEmpty(node)) return;
  if (!isSeq(node)) {
    at(valueOffset(pair), `\`${what}\` must be a list of strings (one \`- item\` per line).`);
    return;
  }
  for (const item of node.items as (Node | null)[]) {
    if (!isScalar(item)) at(item?.range?.[0] ?? node.range?.[0], `Each item of \`${what}\` must be a string.`);
    else if (String(item.value).trim() === '') at(item.range?.[0], `Empty string in \`${what}\`.`);
    else out.push(String(item.value).trim());
  }
}

function readEntities(node: Node | null, out: RegistryEntity[], at: At, pair: Pair): void {
  if (isEmpty(node)) return;
  if (!isSeq(node)) {
    at(valueOffset(pair), '`entities` must be a list of entities (one `- canonical: …` block each).');
    return;
  }
  for (const item of node.items as (Node | null)[]) {
    if (!isMap(item)) {
      at(item?.range?.[0] ?? node.range?.[0], 'Each entity must be a mapping with at least `canonical` and `type`.');
      continue;
    }
    const e = readEntity(item, at);
    if (e) out.push(e);
  }
}

function readEntity(map: YAMLMap, at: At): RegistryEntity | undefined {
  const fields: Partial<Record<(typeof ENTITY_KEYS)[number], Pair>> = {};
  let ok = true;
  for (const pair of map.items) {
    const key = keyOf(pair);
    if ((ENTITY_KEYS as readonly string[]).includes(key)) fields[key as (typeof ENTITY_KEYS)[number]] = pair;
    else {
      at(keyOffset(pair), `Unknown entity key \`${key}\`; expected one of: ${ENTITY_KEYS.join(', ')}.`);
      ok = false;
    }
  }
  const str = (name: (typeof ENTITY_KEYS)[number]): string | undefined => {
    const pair = fields[name];
    if (!pair) return undefined;
    const v = pair.value as Node | null;
    if (v !== null && !isScalar(v)) {
      at(valueOffset(pair), `\`${name}\` must be a single string.`);
      ok = false;
      return undefined;
    }
    return v === null ? '' : String(v.value).trim();
  };
  const canonical = str('canonical');
  if (!canonical) {
    at(fields.canonical ? valueOffset(fields.canonical) : map.range?.[0], 'An entity needs a non-empty `canonical` name.');
    ok = false;
  }
  const type = str('type');
  if (!type || !(ENTITY_TYPES as readonly string[]).includes(type)) {
    const shown = type ? `\`${type}\`` : 'missing';
    at(fields.type ? valueOffset(fields.type) : map.range?.[0], `Entity type is ${shown}; expected one of: ${ENTITY_TYPES.join(', ')}.`);
    ok = false;
  }
  const id = str('id');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    at(valueOffset(fields.id!), `Entity id \`${id}\` must be lower-case letters and digits joined by '-', '_' or '.'.`);
    ok = false;
  }
  const notes = str('notes');
  const aliases: string[] = [];
  if (fields.aliases) {
    const report: At = (o, m) => {
      ok = false;
      at(o, m);
    };
    readStrings(fields.aliases.value as Node | null, aliases, report, 'aliases', fields.aliases);
  }
  if (!ok) return undefined;
  const entity: RegistryEntity = { canonical: canonical!, type: type as EntityType, aliases };
  if (id) entity.id = id;
  if (notes) entity.notes = notes;
  return entity;
}

/** Duplicate ids, a name claimed by two entities, or a name both an entity and "not an entity". */
function checkConsistency(entities: RegistryEntity[], notEntities: string[], root: YAMLMap, at: At): void {
  const entitiesNode = root.get('entities', true) as Node | undefined;
  const items = isSeq(entitiesNode) ? (entitiesNode.items as Node[]).filter((n) => isMap(n)) : [];
  const offsetOf = (i: number): number | undefined => items[i]?.range?.[0];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  entities.forEach((e, i) => {
    const id = e.id ?? slugify(e.canonical);
    const prevId = ids.get(id);
    if (prevId !== undefined) at(offsetOf(i), `Entity id \`${id}\` is also used by \`${entities[prevId].canonical}\`.`);
    else ids.set(id, i);
    for (const name of [e.canonical, ...e.aliases]) {
      const k = registryKey(name);
      const prev = names.get(k);
      if (prev !== undefined && prev !== i) at(offsetOf(i), `\`${name}\` is also a name of \`${entities[prev].canonical}\`.`);
      else names.set(k, i);
    }
  });
  const notNode = root.get('notEntities', true) as Node | undefined;
  const notItems = isSeq(notNode) ? (notNode.items as Node[]) : [];
  notEntities.forEach((s, j) => {
    const owner = names.get(registryKey(s));
    if (owner !== undefined) at(notItems[j]?.range?.[0], `\`${s}\` is listed as not an entity but is a name of \`${entities[owner].canonical}\`.`);
  });
}

const OUTPUT = { lineWidth: 0, blockQuote: 'literal', indentSeq: true, flowCollectionPadding: false } as const;

/**
 * Stable, diff-friendly text: entities sorted by id, keys in a fixed order, aliases sorted, blank line between blocks.
 * With `previous` (the file's current text), the file is updated in place: the analysts' comments and key order are
 * kept (see `yamlUpdate`); without it, or when it does not parse, it is written anew.
 */
export function serializeRegistry(registry: EntityRegistry, previous?: string): string {
  const sortKey = (s: string): string => registryKey(s);
  const byText = (a: string, b: string): number => cmp(sortKey(a), sortKey(b)) || cmp(a, b);
  const entities = [...registry.entities]
    .map((e) => ({ e, id: e.id ?? slugify(e.canonical) }))
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.e.canonical, b.e.canonical))
    .map(({ e }) => {
      const o: Record<string, unknown> = {};
      if (e.id) o.id = e.id;
      o.canonical = e.canonical;
      o.type = e.type;
      const aliases = unique(e.aliases.filter((a) => a.trim() !== '')).sort(byText);
      if (aliases.length > 0) o.aliases = aliases;
      if (e.notes && e.notes.trim() !== '') o.notes = e.notes;
      return o;
    });
  const body = {
    entities,
    notEntities: unique(registry.notEntities.filter((s) => s.trim() !== '')).sort(byText),
    ...conflictsBody(registry.conflicts),
  };
  const old = editableDocument(previous, { schema: 'failsafe' });
  if (old && updateDocument(old, body, { style: quoteLikeCore, itemKey: (item, key) => entityKey(item, key) ?? conflictItemKey(item, key) })) {
    layOut(old);
    return old.toString(OUTPUT);
  }
  const doc = new Document(body, { version: '1.2' });
  layOut(doc);
  doc.commentBefore = ' Entity registry: analysts\' corrections to entity clustering. Keys per entity: id, canonical, type, aliases, notes.';
  return doc.toString(OUTPUT);
}

/** An entity without an id stands for the id of its canonical name, as everywhere else. */
function entityKey(item: unknown, key: string | undefined): string | undefined {
  const canonical = key === 'entities' ? (item as { canonical?: unknown } | null)?.canonical : undefined;
  return typeof canonical === 'string' ? slugify(canonical) : undefined;
}

/** A blank line between entity blocks and before `notEntities`. */
function layOut(doc: Document): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const seq = root.get('entities', true);
  if (isSeq(seq) && !seq.flow) seq.items.forEach((n, i) => ((n as Node).spaceBefore = i > 0 || undefined));
  const i = root.items.findIndex((pair) => keyOf(pair) === 'notEntities');
  const key = root.items[i]?.key;
  if (i > 0 && isScalar(key)) key.spaceBefore = true;
}

/**
 * The registry is read with the failsafe schema (every scalar a string) but written as YAML 1.2 core would write it:
 * a new string that the core schema would read as something else (`1976`, `true`, `null`) is quoted, as in a file
 * written from scratch. Strings the analysts wrote are kept as they are.
 */
const CORE_TAGS = new Document(null, { version: '1.2' }).schema.tags;
function quoteLikeCore(node: Node): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const text = node.value;
  if (CORE_TAGS.some((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test?.test(text))) node.type = 'QUOTE_DOUBLE';
}

function unique(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const t = x.trim();
    if (!seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
