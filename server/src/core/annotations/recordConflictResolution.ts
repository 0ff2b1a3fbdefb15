/**
 * Resolving the merge conflicts kept in the entity registry (`entities`), the ignore list (`everywhere`, `here`) and
 * the tag taxonomy (`tags`): an analyst keeps our branch's version of the record, theirs, or, for an entity changed
 * on both sides, both (ours with their names added). A side that removed the record (absent) means it goes. The
 * conflict entry is taken out; every other record and conflict stays as it is. Pure: values in, values out; the
 * result is checked by writing and reading it back, so a choice that would break the file is refused.
 *
 * A name one branch marked as not an entity while the other gave it to an entity (`notEntities`, with no versions to
 * keep) is resolved by saying which is right: it stays a name of the entity, or it is not an entity.
 *
 * Undoing a resolution (`undo…Resolution`) puts the conflict entry back as it was, and the record as it was before,
 * unless someone changed that record since.
 *
 * Tags in sidecars have their own resolution (conflictResolution.ts): keeping both gives theirs a new id.
 */
import { Document } from 'yaml';
import { entryKey, parseIgnoreList, serializeIgnoreList, type IgnoreList } from '../boilerplate/ignoreList';
import { finish, markNotEntity, registryOwnerOf, type RegistryEdit } from '../entities/registryEdits';
import { parseRegistry, registryKey, type EntityRegistry, type RegistryEntity } from '../entities/registry';
import { slugify } from '../entities/nameKey';
import type { ConflictChoice } from './conflictResolution';
import type { RecordConflict } from './conflicts';
import { stableJson } from './merge';
import { parseTaxonomy, serializeTaxonomy, type Taxonomy, type TaxonomyEntry } from './taxonomy';

/** The analyst files other than sidecars, whose conflicts are resolved here. */
export type RecordFileKind = 'registry' | 'ignores' | 'taxonomy';

/** What a resolution did to one record, as undo needs it. */
export interface RecordResolution {
  readonly list: string;
  readonly key: string;
  /** The conflict entry removed. */
  readonly conflict: RecordConflict;
  /** The list's records with that key before and after (none, or one). */
  readonly before: readonly unknown[];
  readonly after: readonly unknown[];
}

export type RecordResolutionResult<T> =
  | { readonly ok: true; readonly value: T; readonly message: string; readonly resolution: RecordResolution }
  | { readonly ok: false; readonly message: string };

/** A list of one of these files: how its records are read from a conflict entry, keyed and named for people. */
interface ListOf<T> {
  readonly keyOf: (record: T) => string;
  /** A record as a conflict entry holds it (plain YAML data), read as the file's parser reads it. */
  readonly read: (raw: unknown) => T | string;
  readonly name: (key: string, version: T | undefined) => string;
  /** A record as compared: equal records give equal forms (an entity's aliases in any order). */
  readonly plain?: (record: T) => unknown;
  /** Ours and theirs as one record, when that makes sense; a string says why not. */
  readonly combine?: (ours: T, theirs: T) => T | string;
}

/** A conflict entry may carry a record's unknown keys under `extra`: they are the record's own keys again. */
function flat(record: unknown): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  const { extra, ...rest } = record as Record<string, unknown>;
  return extra && typeof extra === 'object' && !Array.isArray(extra) ? { ...(extra as Record<string, unknown>), ...rest } : record;
}

const yamlOf = (value: unknown): string => new Document(value).toString();

// ---------------------------------------------------------------------------------------------------------------
// The lists.

const entityId = (e: RegistryEntity): string => e.id ?? slugify(e.canonical);

const ENTITIES: ListOf<RegistryEntity> = {
  keyOf: entityId,
  plain: (e) => ({ ...e, aliases: [...e.aliases].sort() }),
  read(raw) {
    const r = parseRegistry(yamlOf({ entities: [flat(raw)] }));
    if (!r.ok) return r.errors[0].message;
    return r.registry.entities[0] ?? 'not an entity';
  },
  name: (key, e) => `entity ${e?.canonical ?? key}`,
  combine(ours, theirs) {
    if (ours.type !== theirs.type) return `our version is of type ${ours.type}, theirs of type ${theirs.type}: keep one`;
    const names = new Map<string, string>([[registryKey(ours.canonical), ours.canonical]]);
    for (const n of [...ours.aliases, theirs.canonical, ...theirs.aliases]) if (!names.has(registryKey(n))) names.set(registryKey(n), n);
    const notes = [...new Set([ours.notes, theirs.notes].filter((n): n is string => !!n?.trim()))].join('\n');
    return { ...ours, aliases: [...names.values()].slice(1), ...(notes ? { notes } : {}) };
  },
};

/** One of the ignore list's two lists: its records read as the list's parser reads them. */
function ignoreListOf<K extends 'everywhere' | 'here'>(list: K, name: ListOf<IgnoreList[K][number]>['name']): ListOf<IgnoreList[K][number]> {
  return {
    keyOf: (e) => entryKey(e, list)!,
    read(raw) {
      const r = parseIgnoreList(yamlOf({ version: 1, [list]: [flat(raw)] }));
      if (!r.ok) return r.errors[0].message;
      return (r.list[list][0] as IgnoreList[K][number] | undefined) ?? 'not an ignored passage';
    },
    name,
  };
}

const everywhereList = ignoreListOf('everywhere', (key, e) => `passage ignored everywhere “${shorten(e?.text ?? key.split('\n').pop() ?? key)}”`);

const hereList = ignoreListOf('here', (key, e) => `passage ignored in ${e?.document ?? key.split('\n')[1]} “${shorten(e?.quote ?? key.split('\n').pop() ?? key)}”`);

const TAXONOMY_TAGS: ListOf<TaxonomyEntry> = {
  keyOf: (t) => t.name,
  read(raw) {
    const r = parseTaxonomy(yamlOf({ version: 1, tags: [flat(raw)] }));
    if (!r.ok) return r.errors[0].message;
    return r.taxonomy.tags[0] ?? 'not a taxonomy entry';
  },
  name: (key) => `tag ${key} of the taxonomy`,
};

function shorten(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------------------
// The generic resolution of one list.

function conflictIn(conflicts: readonly RecordConflict[] | undefined, list: string, key: string): RecordConflict | undefined {
  return conflicts?.find((c) => c.list === list && c.key === key);
}

type Sides<T> = { ours: T | undefined; theirs: T | undefined } | string;

function sidesOf<T>(l: ListOf<T>, c: RecordConflict): Sides<T> {
  const side = (raw: unknown, which: string): T | undefined | string => {
    if (raw === undefined) return undefined;
    const r = l.read(raw);
    return typeof r === 'string' ? `${which} version of ${l.name(c.key, undefined)} cannot be read (${r}); edit the file by hand.` : r;
  };
  const ours = side(c.ours, 'Our');
  if (typeof ours === 'string') return ours;
  const theirs = side(c.theirs, 'Their');
  if (typeof theirs === 'string') return theirs;
  return { ours, theirs };
}

function resolveList<T>(
  l: ListOf<T>, records: readonly T[], conflicts: readonly RecordConflict[] | undefined, list: string, key: string, choice: ConflictChoice,
): { ok: true; records: T[]; conflicts: RecordConflict[]; message: string; resolution: RecordResolution } | { ok: false; message: string } {
  const conflict = conflictIn(conflicts, list, key);
  if (!conflict) return { ok: false, message: `There is no merge conflict on ${l.name(key, undefined)} in this file any more.` };
  const sides = sidesOf(l, conflict);
  if (typeof sides === 'string') return { ok: false, message: sides };
  let kept: T | undefined;
  if (choice === 'ours') kept = sides.ours;
  else if (choice === 'theirs') kept = sides.theirs;
  else if (sides.ours && sides.theirs && l.combine) {
    const both = l.combine(sides.ours, sides.theirs);
    if (typeof both === 'string') return { ok: false, message: `Both versions of ${l.name(key, sides.ours)} cannot be kept: ${both}.` };
    kept = both;
  } else return { ok: false, message: `Both versions of ${l.name(key, sides.ours ?? sides.theirs)} cannot be kept: keep ours or theirs.` };
  const at = records.findIndex((r) => l.keyOf(r) === key);
  const before = records.filter((r) => l.keyOf(r) === key);
  const next = records.filter((r) => l.keyOf(r) !== key);
  if (kept) next.splice(at >= 0 ? at : next.length, 0, kept);
  const words = choice === 'ours' ? 'our version' : choice === 'theirs' ? 'their version' : 'both versions';
  const name = l.name(key, kept ?? sides.ours ?? sides.theirs);
  return {
    ok: true,
    records: next,
    conflicts: (conflicts ?? []).filter((c) => c !== conflict),
    message: `Kept ${words} of ${name}${kept ? '' : ' (removed)'}; the merge conflict is resolved`,
    resolution: { list, key, conflict, before, after: kept ? [kept] : [] },
  };
}

/** Which choices a conflict entry of a file offers: ours and theirs, and both where both versions can be one record. */
export function recordConflictChoices(kind: RecordFileKind, c: RecordConflict): ConflictChoice[] {
  const l = listOf(kind, c.list);
  if (!l) return [];
  const sides = sidesOf(l, c);
  if (typeof sides === 'string') return [];
  const both = l.combine && sides.ours && sides.theirs && typeof l.combine(sides.ours, sides.theirs) !== 'string';
  return both ? ['ours', 'theirs', 'both'] : ['ours', 'theirs'];
}

function listOf(kind: RecordFileKind, list: string): ListOf<unknown> | undefined {
  const as = <T>(l: ListOf<T>): ListOf<unknown> => l as unknown as ListOf<unknown>;
  if (kind === 'registry') return list === 'entities' ? as(ENTITIES) : undefined;
  if (kind === 'ignores') return list === 'everywhere' ? as(everywhereList) : list === 'here' ? as(hereList) : undefined;
  return list === 'tags' ? as(TAXONOMY_TAGS) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Each file.

/** Resolves a conflict of the registry; the edit says what it did, and is refused when the registry would not read. */
export function resolveRegistryConflict(reg: EntityRegistry, list: string, key: string, choice: ConflictChoice): RecordResolutionResult<EntityRegistry> {
  if (list !== 'entities') return { ok: false, message: unsupported(list, 'entities.yaml') };
  const r = resolveList(ENTITIES, reg.entities, reg.conflicts, list, key, choice);
  if (!r.ok) return r;
  const edit: RegistryEdit = finish(reg, { entities: r.records, notEntities: [...reg.notEntities], ...(r.conflicts.length ? { conflicts: r.conflicts } : {}) }, r.message);
  if (!edit.ok) return { ok: false, message: `${edit.message} Edit entities.yaml by hand, or keep the other version.` };
  return { ok: true, value: edit.registry, message: r.message, resolution: r.resolution };
}

export function resolveIgnoreConflict(ignores: IgnoreList, list: string, key: string, choice: ConflictChoice): RecordResolutionResult<IgnoreList> {
  if (list !== 'everywhere' && list !== 'here') return { ok: false, message: unsupported(list, 'ignored.yaml') };
  const r = list === 'everywhere'
    ? resolveList(everywhereList, ignores.everywhere, ignores.conflicts, list, key, choice)
    : resolveList(hereList, ignores.here, ignores.conflicts, list, key, choice);
  if (!r.ok) return r;
  const { conflicts: _, ...rest } = ignores;
  const value: IgnoreList = { ...rest, [list]: r.records, ...(r.conflicts.length ? { conflicts: r.conflicts } : {}) };
  const back = parseIgnoreList(serializeIgnoreList(value));
  if (!back.ok) return { ok: false, message: `The change would make ignored.yaml invalid: ${back.errors[0].message}` };
  return { ok: true, value, message: r.message, resolution: r.resolution };
}

export function resolveTaxonomyConflict(taxonomy: Taxonomy, list: string, key: string, choice: ConflictChoice): RecordResolutionResult<Taxonomy> {
  if (list !== 'tags') return { ok: false, message: unsupported(list, 'tags.yaml') };
  const r = resolveList(TAXONOMY_TAGS, taxonomy.tags, taxonomy.conflicts, list, key, choice);
  if (!r.ok) return r;
  const { conflicts: _, renamedFrom: __, ...rest } = taxonomy;
  const value: Taxonomy = { ...rest, tags: r.records, ...(r.conflicts.length ? { conflicts: r.conflicts } : {}) };
  const back = parseTaxonomy(serializeTaxonomy(value));
  if (!back.ok) return { ok: false, message: `The change would make the taxonomy invalid: ${back.errors[0].message}` };
  return { ok: true, value, message: r.message, resolution: r.resolution };
}

/** The choices on a `notEntities` conflict of the registry: the name stays a name of its entity, or is not an entity. */
export type NameConflictChoice = 'name' | 'notEntity';
export const NAME_CONFLICT_CHOICES: readonly NameConflictChoice[] = ['name', 'notEntity'];

/** The entity that has the name of a `notEntities` conflict, if any (for people). */
export function nameConflictOwner(reg: EntityRegistry, key: string): string | undefined {
  const i = registryOwnerOf(reg, key);
  return i >= 0 ? reg.entities[i].canonical : undefined;
}

/**
 * Resolves a `notEntities` conflict of the registry: `name` keeps the name with its entity (the list as the merge left
 * it), `notEntity` takes it from the entity (as **… is not an entity** does) and lists it under `notEntities`. Either
 * way the conflict entry goes.
 */
export function resolveNotEntityConflict(reg: EntityRegistry, key: string, choice: NameConflictChoice): RegistryEdit {
  const conflict = conflictIn(reg.conflicts, 'notEntities', key);
  if (!conflict) return { ok: false, message: `There is no merge conflict on \`${key}\` in the registry any more.` };
  const rest = (reg.conflicts ?? []).filter((c) => c !== conflict);
  const without: EntityRegistry = { entities: reg.entities, notEntities: reg.notEntities, ...(rest.length ? { conflicts: rest } : {}) };
  if (choice === 'name') {
    const owner = nameConflictOwner(reg, key);
    return finish(reg, { entities: reg.entities.map((e) => ({ ...e, aliases: [...e.aliases] })), notEntities: [...reg.notEntities], ...(rest.length ? { conflicts: rest } : {}) },
      `\`${key}\` stays ${owner ? `a name of ${owner}` : 'a name'}; the merge conflict is resolved`);
  }
  const edit = markNotEntity(without, key);
  return edit.ok ? { ...edit, changed: true, message: `${edit.message}; the merge conflict is resolved` } : edit;
}

function unsupported(list: string, file: string): string {
  return `Merge conflicts on \`${list}\` in ${file} cannot be resolved this way; make the list what it should be and delete the entry from \`conflicts\` by hand.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Undo.

/**
 * Takes a resolution back in a list as it is now: the conflict entry is put back as it was (unless it is there
 * already), and the record as it was before, unless someone changed it since the resolution (then it is left as it
 * is, and `changedSince` says so).
 */
function undoInList<T>(
  l: ListOf<T>, records: readonly T[], conflicts: readonly RecordConflict[] | undefined, r: RecordResolution,
): { records: T[]; conflicts: RecordConflict[]; changedSince: boolean; changed: boolean } {
  const form = (xs: readonly unknown[]): string => stableJson(xs.map((x) => (l.plain ? l.plain(x as T) : x)));
  const now = records.filter((x) => l.keyOf(x) === r.key);
  const same = form(now) === form(r.after);
  let next = [...records];
  if (same && form(r.before) !== form(r.after)) {
    const at = records.findIndex((x) => l.keyOf(x) === r.key);
    next = records.filter((x) => l.keyOf(x) !== r.key);
    next.splice(at >= 0 ? at : next.length, 0, ...(r.before as T[]));
  }
  const has = (conflicts ?? []).some((c) => stableJson(c) === stableJson(r.conflict));
  const nextConflicts = has ? [...(conflicts ?? [])] : [...(conflicts ?? []), r.conflict];
  return { records: next, conflicts: nextConflicts, changedSince: !same, changed: !has || stableJson(next) !== stableJson(records) };
}

export type UndoResolutionResult<T> =
  | { readonly ok: true; readonly changed: boolean; readonly value: T; readonly message: string }
  | { readonly ok: false; readonly message: string };

const cannotUndo = (why: string): { ok: false; message: string } => ({ ok: false, message: `The resolution cannot be undone: the file changed since. ${why}` });

function undoMessage(l: ListOf<unknown>, r: RecordResolution, changedSince: boolean): string {
  const name = l.name(r.key, (r.before[0] ?? r.after[0]) as never);
  return changedSince
    ? `Undone: the merge conflict on ${name} is back; the record changed since and was left as it is`
    : `Undone: the merge conflict on ${name} is back, and the record as it was`;
}

export function undoRegistryResolution(reg: EntityRegistry, r: RecordResolution): UndoResolutionResult<EntityRegistry> {
  const u = undoInList(ENTITIES, reg.entities, reg.conflicts, r);
  const message = undoMessage(ENTITIES as unknown as ListOf<unknown>, r, u.changedSince);
  const edit = finish(reg, { entities: u.records, notEntities: [...reg.notEntities], ...(u.conflicts.length ? { conflicts: u.conflicts } : {}) }, message);
  if (!edit.ok) return cannotUndo(edit.message);
  return { ok: true, changed: edit.changed, value: edit.registry, message };
}

export function undoIgnoreResolution(ignores: IgnoreList, r: RecordResolution): UndoResolutionResult<IgnoreList> {
  const everywhere = r.list === 'everywhere';
  const u = everywhere ? undoInList(everywhereList, ignores.everywhere, ignores.conflicts, r) : undoInList(hereList, ignores.here, ignores.conflicts, r);
  const { conflicts: _, ...rest } = ignores;
  const value: IgnoreList = { ...rest, [r.list]: u.records, ...(u.conflicts.length ? { conflicts: u.conflicts } : {}) };
  const back = parseIgnoreList(serializeIgnoreList(value));
  if (!back.ok) return cannotUndo(back.errors[0].message);
  return { ok: true, changed: u.changed, value, message: undoMessage((everywhere ? everywhereList : hereList) as unknown as ListOf<unknown>, r, u.changedSince) };
}

export function undoTaxonomyResolution(taxonomy: Taxonomy, r: RecordResolution): UndoResolutionResult<Taxonomy> {
  const u = undoInList(TAXONOMY_TAGS, taxonomy.tags, taxonomy.conflicts, r);
  const { conflicts: _, renamedFrom: __, ...rest } = taxonomy;
  const value: Taxonomy = { ...rest, tags: u.records, ...(u.conflicts.length ? { conflicts: u.conflicts } : {}) };
  const back = parseTaxonomy(serializeTaxonomy(value));
  if (!back.ok) return cannotUndo(back.errors[0].message);
  return { ok: true, changed: u.changed, value, message: undoMessage(TAXONOMY_TAGS as unknown as ListOf<unknown>, r, u.changedSince) };
}
