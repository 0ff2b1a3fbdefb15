/**
 * Three-way merge of the analysts' YAML files by record identity, for the git merge driver: tag sidecars (tags by
 * `id`), the entity registry (entities by id, `notEntities` as a set), the ignore list (entries by the passage they
 * ignore, ignoreList.ts `entryKey`) and the taxonomy (entries by `name`).
 *
 * - A record added on either side is kept; added on both sides alike, kept once.
 * - A record removed on one side is removed when the other side left it unchanged.
 * - A record changed on one side only takes the change.
 * - Two different changes of one record (or a change on one side and a removal on the other) lose nothing: the list
 *   keeps our version (or the changed one, when the other side removed it) and the file gets a `conflicts:` entry
 *   with both versions (conflicts.ts), which the server shows as a warning until an analyst resolves it.
 *
 * Pure: text in, text out. Files are read with the existing parsers and written with the existing serializers, which
 * update our side's text in place, so our comments and key order are kept.
 */
import { parseIgnoreList, serializeIgnoreList, entryKey, type IgnoreList } from '../boilerplate/ignoreList';
import { parseRegistry, registryKey, serializeRegistry, type EntityRegistry, type RegistryEntity } from '../entities/registry';
import { slugify } from '../entities/nameKey';
import type { RecordConflict } from './conflicts';
import type { Sidecar, Tag } from './model';
import { parseSidecar, serializeSidecar } from './sidecarFormat';
import { parseTaxonomy, serializeTaxonomy, type Taxonomy, type TaxonomyEntry } from './taxonomy';

export type AnalystFileKind = 'sidecar' | 'registry' | 'ignores' | 'taxonomy';

export interface MergeProblem {
  /** Which input: base, ours or theirs. */
  readonly side: 'base' | 'ours' | 'theirs';
  readonly message: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
}

export type FileMergeResult =
  | { readonly ok: true; readonly text: string; readonly conflicts: readonly RecordConflict[] }
  | { readonly ok: false; readonly problems: readonly MergeProblem[] };

/**
 * Which analyst file this is: by the top-level keys of its texts (a sidecar names its `document`, the registry has
 * `entities`/`notEntities`, the ignore list `everywhere`/`here`), else by its name (`filePath` relative to the
 * repository): `entities.yaml`, `ignored.yaml` and `tags.yaml` directly in a folder named `annotations`, or at the
 * top of the path's annotations folder; anything else is a sidecar.
 */
export function analystFileKind(filePath: string, texts: readonly string[] = []): AnalystFileKind {
  for (const text of texts) {
    const keys = new Set(topLevelKeys(text));
    if (keys.has('document')) return 'sidecar';
    if (keys.has('entities') || keys.has('notEntities')) return 'registry';
    if (keys.has('everywhere') || keys.has('here')) return 'ignores';
  }
  const parts = filePath.replace(/\\/g, '/').split('/').filter(Boolean);
  const name = parts[parts.length - 1] ?? '';
  if (parts.length <= 2 || parts[parts.length - 2] === 'annotations') {
    if (name === 'entities.yaml') return 'registry';
    if (name === 'ignored.yaml') return 'ignores';
    if (name === 'tags.yaml') return 'taxonomy';
  }
  return 'sidecar';
}

/** The keys at the start of a line (a block mapping's top level), without parsing. */
function topLevelKeys(text: string): string[] {
  return [...text.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)].map((m) => m[1]);
}

/** Merges the three texts of one analyst file. A text that does not parse gives its problems, and no merge. */
export function mergeAnalystFile(kind: AnalystFileKind, base: string, ours: string, theirs: string, documentIfEmpty = ''): FileMergeResult {
  switch (kind) {
    case 'sidecar':
      return mergeParsed(base, ours, theirs, (t) => {
        const r = parseSidecar(t, documentIfEmpty);
        return r.ok ? { ok: true, value: r.sidecar } : r;
      }, mergeSidecars, serializeSidecar);
    case 'registry':
      return mergeParsed(base, ours, theirs, (t) => {
        if (!t.trim()) return { ok: true, value: { entities: [], notEntities: [] } };
        const r = parseRegistry(t);
        return r.ok ? { ok: true, value: r.registry } : r;
      }, mergeRegistries, serializeRegistry);
    case 'ignores':
      return mergeParsed(base, ours, theirs, (t) => {
        const r = parseIgnoreList(t);
        return r.ok ? { ok: true, value: r.list } : r;
      }, mergeIgnoreLists, serializeIgnoreList);
    case 'taxonomy':
      return mergeParsed(base, ours, theirs, (t) => {
        const r = parseTaxonomy(t);
        return r.ok ? { ok: true, value: r.taxonomy } : r;
      }, mergeTaxonomies, serializeTaxonomy);
  }
}

type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false; errors: { message: string; line: number; column: number }[] };

function mergeParsed<T extends { conflicts?: readonly RecordConflict[] }>(
  base: string, ours: string, theirs: string, parse: Parse<T>, merge: (b: T, o: T, t: T) => T, serialize: (v: T, previous?: string) => string,
): FileMergeResult {
  const problems: MergeProblem[] = [];
  const read = (side: MergeProblem['side'], text: string): T | undefined => {
    const r = parse(text);
    if (r.ok) return r.value;
    for (const e of r.errors) problems.push({ side, ...e });
    return undefined;
  };
  const b = read('base', base);
  const o = read('ours', ours);
  const t = read('theirs', theirs);
  if (!b || !o || !t) return { ok: false, problems };
  const merged = merge(b, o, t);
  const before = new Set((o.conflicts ?? []).map(conflictId));
  return { ok: true, text: serialize(merged, ours.trim() ? ours : undefined), conflicts: (merged.conflicts ?? []).filter((c) => !before.has(conflictId(c))) };
}

// ---------------------------------------------------------------------------------------------------------------
// The generic three-way merge of keyed records.

export interface RecordsMerge<T> {
  readonly records: T[];
  readonly conflicts: RecordConflict[];
}

/**
 * Three-way merge of keyed records. `plain` gives a record as written (for equality and for the conflict entry).
 * Order: ours, then their additions.
 */
export function mergeRecords<T>(
  list: string, base: readonly T[], ours: readonly T[], theirs: readonly T[], keyOf: (r: T) => string, plain: (r: T) => unknown = (r) => r,
): RecordsMerge<T> {
  const index = (rs: readonly T[]): Map<string, T> => new Map(rs.map((r) => [keyOf(r), r]));
  const b = index(base);
  const o = index(ours);
  const t = index(theirs);
  const same = (x: T, y: T): boolean => stableJson(plain(x)) === stableJson(plain(y));
  const records: T[] = [];
  const conflicts: RecordConflict[] = [];
  const conflict = (key: string, message: string, ours?: T, theirs?: T): void => {
    conflicts.push({ list, key, message, ...(ours ? { ours: plain(ours) } : {}), ...(theirs ? { theirs: plain(theirs) } : {}) });
  };
  const keys = [...o.keys(), ...[...t.keys()].filter((k) => !o.has(k))];
  for (const key of keys) {
    const [bv, ov, tv] = [b.get(key), o.get(key), t.get(key)];
    if (ov && tv) {
      if (same(ov, tv) || (bv && same(bv, tv))) records.push(ov);
      else if (bv && same(bv, ov)) records.push(tv);
      else {
        records.push(ov);
        conflict(key, bv ? 'changed differently on both branches; the list keeps ours' : 'added differently on both branches; the list keeps ours', ov, tv);
      }
    } else if (ov) {
      if (!bv) records.push(ov); // added on our side
      else if (!same(bv, ov)) {
        records.push(ov);
        conflict(key, 'changed on our branch, removed on theirs; the list keeps ours', ov, undefined);
      } // else: removed on their side, unchanged on ours
    } else if (tv) {
      if (!bv) records.push(tv);
      else if (!same(bv, tv)) {
        records.push(tv);
        conflict(key, 'removed on our branch, changed on theirs; the list keeps theirs', undefined, tv);
      }
    }
  }
  return { records, conflicts };
}

/** Three-way merge of a set: an item is kept unless one side removed it from the base. */
export function mergeSet<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], keyOf: (x: T) => string): T[] {
  const b = new Set(base.map(keyOf));
  const o = new Set(ours.map(keyOf));
  const t = new Set(theirs.map(keyOf));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const x of [...ours, ...theirs]) {
    const k = keyOf(x);
    if (seen.has(k)) continue;
    seen.add(k);
    if (b.has(k) && (!o.has(k) || !t.has(k))) continue; // removed on one side
    out.push(x);
  }
  return out;
}

/** Conflicts already in the files: kept unless one side resolved (deleted) one that was in the base. */
function mergeConflictLists(b: readonly RecordConflict[] | undefined, o: readonly RecordConflict[] | undefined, t: readonly RecordConflict[] | undefined, added: RecordConflict[]): RecordConflict[] {
  const kept = mergeSet(b ?? [], o ?? [], t ?? [], conflictId);
  const ids = new Set(kept.map(conflictId));
  return [...kept, ...added.filter((c) => !ids.has(conflictId(c)))];
}

function conflictId(c: RecordConflict): string {
  return stableJson(c);
}

// ---------------------------------------------------------------------------------------------------------------
// Each file.

export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar): Sidecar {
  const tags = mergeRecords<Tag>('tags', base.tags, ours.tags, theirs.tags, (t) => t.id);
  const conflicts = mergeConflictLists(base.conflicts, ours.conflicts, theirs.conflicts, tags.conflicts);
  const { conflicts: _, ...rest } = ours;
  return { ...rest, document: ours.document || theirs.document, tags: tags.records, ...(conflicts.length ? { conflicts } : {}) };
}

export function mergeTaxonomies(base: Taxonomy, ours: Taxonomy, theirs: Taxonomy): Taxonomy {
  const tags = mergeRecords<TaxonomyEntry>('tags', base.tags, ours.tags, theirs.tags, (t) => t.name);
  const conflicts = mergeConflictLists(base.conflicts, ours.conflicts, theirs.conflicts, tags.conflicts);
  const { conflicts: _, renamedFrom: __, ...rest } = ours;
  return { ...rest, tags: tags.records, ...(conflicts.length ? { conflicts } : {}) };
}

export function mergeIgnoreLists(base: IgnoreList, ours: IgnoreList, theirs: IgnoreList): IgnoreList {
  const everywhere = mergeRecords('everywhere', base.everywhere, ours.everywhere, theirs.everywhere, (e) => entryKey(e, 'everywhere')!);
  const here = mergeRecords('here', base.here, ours.here, theirs.here, (e) => entryKey(e, 'here')!);
  const conflicts = mergeConflictLists(base.conflicts, ours.conflicts, theirs.conflicts, [...everywhere.conflicts, ...here.conflicts]);
  const { conflicts: _, ...rest } = ours;
  return { ...rest, everywhere: everywhere.records, here: here.records, ...(conflicts.length ? { conflicts } : {}) };
}

const entityId = (e: RegistryEntity): string => e.id ?? slugify(e.canonical);
/** An entity as written: aliases as a set. */
const plainEntity = (e: RegistryEntity): unknown => ({ ...e, aliases: [...e.aliases].sort() });

export function mergeRegistries(base: EntityRegistry, ours: EntityRegistry, theirs: EntityRegistry): EntityRegistry {
  const merged = mergeRecords('entities', base.entities, ours.entities, theirs.entities, entityId, plainEntity);
  const added = [...merged.conflicts];
  // Two entities may now claim one name (each side gave it to a different entity): the later one gives way, into a
  // conflict entry, so the registry still reads.
  const owner = new Map<string, string>();
  const entities: RegistryEntity[] = [];
  for (const e of merged.records) {
    const id = entityId(e);
    const clash = [e.canonical, ...e.aliases].map((n) => owner.get(registryKey(n))).find((o) => o !== undefined && o !== id);
    if (clash !== undefined) {
      const fromOurs = ours.entities.find((x) => entityId(x) === id);
      added.push({
        list: 'entities',
        key: id,
        message: `a name of it is also a name of ${clash} after the merge; it is left out of the list until resolved`,
        ...(fromOurs ? { ours: plainEntity(fromOurs) } : {}),
        ...(theirs.entities.find((x) => entityId(x) === id) ? { theirs: plainEntity(theirs.entities.find((x) => entityId(x) === id)!) } : {}),
      });
      continue;
    }
    for (const n of [e.canonical, ...e.aliases]) owner.set(registryKey(n), id);
    entities.push(e);
  }
  const notEntities = mergeSet(base.notEntities, ours.notEntities, theirs.notEntities, registryKey).filter((s) => {
    const clash = owner.get(registryKey(s));
    if (clash === undefined) return true;
    added.push({ list: 'notEntities', key: s, message: `marked as not an entity on one branch, a name of ${clash} on the other; the list keeps the entity` });
    return false;
  });
  const conflicts = mergeConflictLists(base.conflicts, ours.conflicts, theirs.conflicts, added);
  return { entities, notEntities, ...(conflicts.length ? { conflicts } : {}) };
}

/** JSON with object keys sorted and undefined dropped: equal records give equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
