/**
 * The tag taxonomy of a corpus (`annotations/tags.yaml`), kept in the repository like brat's `annotation.conf`:
 * hierarchical tag names (`security/cybercrime`), each with an optional description and colour.
 *
 * ```yaml
 * version: 1
 * tags:
 *   - name: security/cybercrime
 *     description: Online fraud, hacking, cyber attacks
 *     color: "#d73a49"
 * ```
 *
 * Parsing never throws and reports problems with their position; writing updates the previous text in place
 * (comments and key order kept), tags sorted by name.
 */
import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import { updateDocument } from '../text/yamlUpdate';
import { editableDocument, extraKeys, yamlPosition } from '../text/yamlHelpers';
import { conflictItemKey, conflictsBody, nodeToJS, readConflicts, type RecordConflict } from './conflicts';
import { validateTagLabel } from './model';
import { normalizeTagName, renamedLabel } from './tagNames';

export { normalizeTagName, renamedLabel } from './tagNames';

export interface TaxonomyEntry {
  /** The tag's full name; `/` separates levels. */
  readonly name: string;
  readonly description?: string;
  /** A CSS colour: `#rgb`, `#rrggbb` or `#rrggbbaa`. */
  readonly color?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface Taxonomy {
  readonly version: 1;
  readonly tags: readonly TaxonomyEntry[];
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Merge conflicts kept in the file until an analyst resolves them (conflicts.ts). */
  readonly conflicts?: readonly RecordConflict[];
  /**
   * Names given by a rename in this value, to their old names (not written): the rewrite keeps the renamed entries'
   * comments with them.
   */
  readonly renamedFrom?: ReadonlyMap<string, string>;
}

export interface TaxonomyError {
  readonly message: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
}

/** `warnings`: merge conflicts kept in the file, to show on it. */
export type TaxonomyParseResult = { ok: true; taxonomy: Taxonomy; warnings?: TaxonomyError[] } | { ok: false; errors: TaxonomyError[] };

export const EMPTY_TAXONOMY: Taxonomy = Object.freeze({ version: 1, tags: Object.freeze([]) as unknown as TaxonomyEntry[] });

const ENTRY_KEYS = ['name', 'description', 'color'] as const;
const TOP_KEYS = ['version', 'tags', 'conflicts'] as const;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const HEADER = '# Corpus Annotator tag taxonomy (version 1): tag names (levels separated by /), descriptions and colours.\n# Safe to edit and merge; keep it valid YAML.\n';
const OUTPUT = { lineWidth: 0, minContentWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

export function parseTaxonomy(text: string): TaxonomyParseResult {
  if (!text.trim()) return { ok: true, taxonomy: EMPTY_TAXONOMY };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors: TaxonomyError[] = doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...yamlPosition(text, e.pos[0]) }));
  if (errors.length) return { ok: false, errors };
  return readStructure(doc, text);
}

function readStructure(doc: Document, text: string): TaxonomyParseResult {
  const at = (node: unknown) => yamlPosition(text, (node as { range?: number[] })?.range?.[0] ?? 0);
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, errors: [{ message: 'The taxonomy must be a mapping with version and tags.', ...at(root) }] };
  const errors: TaxonomyError[] = [];
  const version = root.get('version');
  if (version !== undefined && version !== 1) errors.push({ message: `Unsupported taxonomy version ${String(version)}; this extension reads version 1.`, ...at(root) });
  const tagsNode = root.get('tags', true);
  const tags: TaxonomyEntry[] = [];
  const names = new Set<string>();
  if (tagsNode !== undefined && tagsNode !== null && !isSeq(tagsNode)) errors.push({ message: '`tags` must be a list.', ...at(tagsNode) });
  else if (isSeq(tagsNode)) {
    for (const item of tagsNode.items) {
      if (!isMap(item)) {
        errors.push({ message: 'Each tag must be a mapping with a `name`.', ...at(item) });
        continue;
      }
      const o = item.toJSON() as Record<string, unknown>;
      const name = typeof o.name === 'string' ? normalizeTagName(o.name) : '';
      const problem = !name ? 'A tag needs a `name`.' : validateTagLabel(name);
      if (problem) errors.push({ message: problem, ...at(item) });
      else if (names.has(name)) errors.push({ message: `Tag ${name} is listed twice.`, ...at(item) });
      else if (o.color !== undefined && o.color !== null && (typeof o.color !== 'string' || !COLOR.test(o.color))) {
        errors.push({ message: `Tag ${name}: \`color\` must be #rgb or #rrggbb, not ${JSON.stringify(o.color)}.`, ...at(item) });
      } else if (o.description !== undefined && o.description !== null && typeof o.description !== 'string') {
        errors.push({ message: `Tag ${name}: \`description\` must be text.`, ...at(item) });
      } else {
        names.add(name);
        const extra = extraKeys(item, ENTRY_KEYS);
        tags.push({
          name,
          ...(typeof o.description === 'string' && o.description.trim() ? { description: o.description.trim() } : {}),
          ...(typeof o.color === 'string' ? { color: o.color } : {}),
          ...(extra ? { extra } : {}),
        });
      }
    }
  }
  const merge = readConflicts(root.get('conflicts', true), nodeToJS(doc), at);
  errors.push(...merge.errors);
  if (errors.length) return { ok: false, errors };
  const extra = extraKeys(root, TOP_KEYS);
  return {
    ok: true,
    taxonomy: { version: 1, tags, ...(extra ? { extra } : {}), ...(merge.conflicts.length ? { conflicts: merge.conflicts } : {}) },
    ...(merge.warnings.length ? { warnings: merge.warnings } : {}),
  };
}

export function serializeTaxonomy(taxonomy: Taxonomy, previous?: string): string {
  const body = {
    version: 1,
    ...(taxonomy.extra ?? {}),
    tags: [...taxonomy.tags]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((t) => ({
        name: t.name,
        ...(t.description ? { description: t.description } : {}),
        ...(t.color ? { color: t.color } : {}),
        ...(t.extra ?? {}),
      })),
    ...conflictsBody(taxonomy.conflicts),
  };
  const old = editableDocument(previous);
  const itemKey = (item: unknown, key: string | undefined): string | undefined => {
    if (key !== 'tags') return conflictItemKey(item, key);
    const name = String((item as { name?: unknown })?.name);
    return taxonomy.renamedFrom?.get(name) ?? name;
  };
  if (old && updateDocument(old, body, { itemKey })) {
    return old.toString(OUTPUT);
  }
  return HEADER + stringify(body, OUTPUT);
}

/**
 * The taxonomy after renaming `from` to `to` (with everything below it). A name that already exists merges: the
 * existing entry keeps its description and colour, and takes the renamed one's where it had none.
 */
export function renameInTaxonomy(taxonomy: Taxonomy, from: string, to: string): Taxonomy {
  const byName = new Map<string, TaxonomyEntry>();
  const moved: TaxonomyEntry[] = [];
  const renamedFrom = new Map<string, string>();
  for (const t of taxonomy.tags) {
    const next = renamedLabel(t.name, from, to);
    if (next === undefined) byName.set(t.name, t);
    else moved.push({ ...t, name: next });
  }
  for (const t of moved) {
    const old = taxonomy.tags.find((o) => renamedLabel(o.name, from, to) === t.name)!.name;
    if (!byName.has(t.name)) renamedFrom.set(t.name, old);
  }
  for (const t of moved) {
    const existing = byName.get(t.name);
    byName.set(t.name, existing ? { ...t, ...existing, description: existing.description ?? t.description, color: existing.color ?? t.color } : t);
  }
  const tags = [...byName.values()].map((t) => {
    const { description, color, ...rest } = t;
    return { ...rest, ...(description ? { description } : {}), ...(color ? { color } : {}) };
  });
  return { ...taxonomy, tags, renamedFrom };
}

/**
 * Takes back `renameInTaxonomy(before, from, to)` in `current` (the taxonomy as it is now, which may hold other
 * changes made since): the entries that were under `from` and under `to` come back as they were in `before`, and
 * entries under `to` that the rename created go. Everything else in `current` is kept.
 */
export function undoRenameInTaxonomy(current: Taxonomy, before: Taxonomy, from: string, to: string): Taxonomy {
  const under = (name: string, root: string) => renamedLabel(name, root, root) !== undefined;
  const restored = before.tags.filter((t) => under(t.name, from) || under(t.name, to));
  const restoredNames = new Set(restored.map((t) => t.name));
  const beforeNames = new Set(before.tags.map((t) => t.name));
  const renamedFrom = new Map<string, string>();
  // A renamed entry that did not merge goes back under its old name, with its comments.
  for (const t of restored) {
    const renamed = renamedLabel(t.name, from, to);
    if (renamed !== undefined && !beforeNames.has(renamed)) renamedFrom.set(t.name, renamed);
  }
  const kept = current.tags.filter((t) => !restoredNames.has(t.name) && !(under(t.name, to) && !beforeNames.has(t.name)));
  const tags = [...kept, ...restored].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...current, tags, renamedFrom };
}
