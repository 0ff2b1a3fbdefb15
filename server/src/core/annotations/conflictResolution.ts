/**
 * Resolving the merge conflicts kept in a sidecar (conflicts.ts) on its `tags` list. Pure.
 *
 * An analyst keeps our branch's version of the tag, theirs, or both (theirs then becomes a tag of its own, with a new
 * id). Either way the conflict entry is taken out of the file; every other tag and conflict stays as it is. An
 * adjudication that decides a passage whose tags are in conflict resolves those entries too (`withoutTagConflicts`).
 */
import type { RecordConflict } from './conflicts';
import type { Sidecar, Tag } from './model';
import { tagOfRecord } from './sidecarFormat';

export type ConflictChoice = 'ours' | 'theirs' | 'both';
export const CONFLICT_CHOICES: readonly ConflictChoice[] = ['ours', 'theirs', 'both'];

/** The list of a sidecar whose conflicts can be resolved here. */
export const TAGS_LIST = 'tags';

export type ConflictResolution =
  | { readonly ok: true; readonly sidecar: Sidecar; readonly removed: readonly Tag[]; readonly added: readonly Tag[]; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** The conflict entries of `sidecar` on `list` with this key. */
export function conflictOf(sidecar: Sidecar, list: string, key: string): RecordConflict | undefined {
  return sidecar.conflicts?.find((c) => c.list === list && c.key === key);
}

/**
 * Keeps ours, theirs or both at the conflict on tag `key`, and removes the conflict entry. A side that removed the tag
 * (absent) means the tag goes. `newId` names theirs when both are kept.
 */
export function resolveTagConflict(sidecar: Sidecar, key: string, choice: ConflictChoice, newId: () => string): ConflictResolution {
  const conflict = conflictOf(sidecar, TAGS_LIST, key);
  if (!conflict) return { ok: false, message: `There is no merge conflict on tag ${key} in this file any more.` };
  const side = (record: unknown, which: string): Tag | undefined | string => {
    if (record === undefined) return undefined;
    const t = tagOfRecord(record);
    return typeof t === 'string' ? `${which} version of tag ${key} is not a tag (${t}); edit the file by hand.` : { ...t, id: key };
  };
  const ours = side(conflict.ours, 'Our');
  const theirs = side(conflict.theirs, 'Their');
  if (typeof ours === 'string') return { ok: false, message: ours };
  if (typeof theirs === 'string') return { ok: false, message: theirs };
  const others = sidecar.tags.filter((t) => t.id !== key);
  const ids = new Set(others.map((t) => t.id));
  const kept: Tag[] = [];
  const keep = (t: Tag | undefined) => {
    if (!t) return;
    // Both sides may have the same passage and label: one tag is enough.
    if (kept.some((k) => k.tag === t.tag && k.start === t.start && k.end === t.end && (k.note ?? '') === (t.note ?? ''))) return;
    const tag = ids.has(t.id) ? { ...t, id: freshId(ids, newId) } : t;
    ids.add(tag.id);
    kept.push(tag);
  };
  if (choice === 'ours' || choice === 'both') keep(ours);
  if (choice === 'theirs' || choice === 'both') keep(theirs);
  const before = sidecar.tags.filter((t) => t.id === key);
  const same = (x: Tag, y: Tag) => JSON.stringify(x) === JSON.stringify(y);
  const removed = before.filter((b) => !kept.some((k) => same(k, b)));
  const added = kept.filter((k) => !before.some((b) => same(k, b)));
  const next: Sidecar = withoutTagConflicts({ ...sidecar, tags: [...others, ...kept] }, [key]);
  const words = choice === 'ours' ? 'our version' : choice === 'theirs' ? 'their version' : 'both versions';
  return { ok: true, sidecar: next, removed, added, message: `Kept ${words} of tag ${key}${kept.length ? '' : ' (removed)'}; the merge conflict is resolved.` };
}

/** The sidecar without its conflict entries on these tags (by id). */
export function withoutTagConflicts(sidecar: Sidecar, keys: Iterable<string>): Sidecar {
  const drop = new Set(keys);
  if (!sidecar.conflicts?.some((c) => c.list === TAGS_LIST && drop.has(c.key))) return sidecar;
  const conflicts = sidecar.conflicts.filter((c) => !(c.list === TAGS_LIST && drop.has(c.key)));
  const { conflicts: _, ...rest } = sidecar;
  return conflicts.length ? { ...rest, conflicts } : rest;
}

function freshId(used: ReadonlySet<string>, newId: () => string): string {
  for (;;) {
    const id = newId();
    if (!used.has(id)) return id;
  }
}
