/**
 * Undoing one registry edit: the entries it touched (entities by id, `notEntities` by name) go back to what they were
 * before it, in the registry as it is now. Entries someone changed since the edit (another analyst, a `git pull`, a
 * hand edit) are left as they are now and named in the message; merge conflict entries the edit resolved come back;
 * every other entry of the file, and its comments (the registry is rewritten in place, registry.ts), stay as they
 * are. Pure: registries in, an edit out.
 */
import { finish, type Draft, type RegistryEdit } from './registryEdits';
import { registryKey, type EntityRegistry, type RegistryEntity } from './registry';
import { slugify } from './nameKey';
import type { RecordConflict } from '../annotations/conflicts';
import { stableJson } from '../annotations/merge';

/** One edit as it was applied: the registry just before it and just after it. */
export interface AppliedRegistryEdit {
  readonly before: EntityRegistry;
  readonly after: EntityRegistry;
  /** What the edit did, for people (`\`EU\` is now a name of European Union`). */
  readonly message: string;
}

const keyOf = (e: RegistryEntity): string => e.id ?? slugify(e.canonical);

/** Comparable form of an entity: aliases in any order, names as written. */
function sameEntity(a: RegistryEntity | undefined, b: RegistryEntity | undefined): boolean {
  if (!a || !b) return a === b;
  const form = (e: RegistryEntity) => JSON.stringify([e.id ?? '', e.canonical, e.type, [...e.aliases].sort(), e.notes ?? '']);
  return form(a) === form(b);
}

function byKey(reg: EntityRegistry): Map<string, RegistryEntity> {
  return new Map(reg.entities.map((e) => [keyOf(e), e]));
}

function names(list: readonly string[]): Map<string, string> {
  return new Map(list.map((s) => [registryKey(s), s]));
}

export function undoRegistryEdit(current: EntityRegistry, edit: AppliedRegistryEdit): RegistryEdit {
  const before = byKey(edit.before);
  const after = byKey(edit.after);
  const now = byKey(current);
  const kept: string[] = [];
  const entities = new Map(now);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const became = after.get(key);
    if (sameEntity(was, became)) continue;
    if (!sameEntity(now.get(key), became)) {
      kept.push((now.get(key) ?? became ?? was)!.canonical);
      continue;
    }
    if (was) entities.set(key, { ...was, aliases: [...was.aliases] });
    else entities.delete(key);
  }
  const wasNot = names(edit.before.notEntities);
  const becameNot = names(edit.after.notEntities);
  const notEntities = names(current.notEntities);
  for (const [k] of becameNot) if (!wasNot.has(k)) notEntities.delete(k);
  for (const [k, s] of wasNot) if (!becameNot.has(k) && !notEntities.has(k)) notEntities.set(k, s);

  // Merge conflict entries the edit resolved come back (unless they are there); those it added go.
  const form = (c: RecordConflict) => stableJson(c);
  const beforeConflicts = new Set((edit.before.conflicts ?? []).map(form));
  const afterConflicts = new Set((edit.after.conflicts ?? []).map(form));
  const conflicts = (current.conflicts ?? []).filter((c) => beforeConflicts.has(form(c)) || !afterConflicts.has(form(c)));
  for (const c of edit.before.conflicts ?? []) if (!afterConflicts.has(form(c)) && !conflicts.some((x) => form(x) === form(c))) conflicts.push(c);

  const draft: Draft = {
    entities: [...entities.values()],
    notEntities: [...notEntities.values()],
    ...(conflicts.length ? { conflicts } : {}),
  };
  const undone = `Undone: ${edit.message}`;
  const result = finish(current, draft, kept.length ? `${undone}; ${kept.join(', ')} changed since and ${kept.length === 1 ? 'was' : 'were'} left as ${kept.length === 1 ? 'it is' : 'they are'}` : undone);
  if (!result.ok) return { ok: false, message: `The correction cannot be undone: the registry changed since. ${result.message}` };
  return result;
}
