/**
 * Merge conflicts kept inside an analyst YAML file (never `<<<<<<<` markers). When two branches change the same
 * record differently, the merge driver (merge.ts) keeps one version in its list and writes both in a top-level
 * `conflicts:` section, which every parser reads and reports as a warning on the file until an analyst resolves it:
 *
 * ```yaml
 * conflicts:
 *   - list: tags              # the list the record belongs to: tags, entities, notEntities, everywhere, here
 *     key: t01hx3k2abc         # the record's identity in that list (its id, name, …)
 *     message: changed on both branches; the list keeps ours
 *     ours: { …the record as our branch has it; absent when our branch removed it… }
 *     theirs: { …the record as their branch has it; absent when their branch removed it… }
 * ```
 *
 * To resolve: make the record in its list what it should be, then delete the entry from `conflicts`.
 */
import { isMap, isSeq, type Document, type Node } from 'yaml';

export interface RecordConflict {
  /** The list the record belongs to (`tags`, `entities`, `notEntities`, `everywhere`, `here`). */
  readonly list: string;
  /** The record's identity in that list. */
  readonly key: string;
  /** What happened, for people. */
  readonly message: string;
  /** Our branch's version; absent when our branch removed the record. */
  readonly ours?: unknown;
  /** Their branch's version; absent when their branch removed it. */
  readonly theirs?: unknown;
}

/** A problem or warning with its 0-based position. */
export interface Positioned {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** On a conflict's warning: which conflict it is (to resolve it from the diagnostic). */
  readonly conflict?: ConflictRef;
}

/** Which conflict entry of a file: its list and key. */
export interface ConflictRef {
  readonly list: string;
  readonly key: string;
}

export const CONFLICTS_KEY = 'conflicts';

/**
 * Reads a `conflicts:` section. `toJS` converts a node as the file's parser reads values; `at` gives a node's position.
 * Returns the conflicts, the errors of a malformed section, and one warning per conflict (the diagnostic to show).
 */
export function readConflicts(
  node: unknown,
  toJS: (node: Node) => unknown,
  at: (node: unknown) => { line: number; column: number },
): { conflicts: RecordConflict[]; errors: Positioned[]; warnings: Positioned[] } {
  const conflicts: RecordConflict[] = [];
  const errors: Positioned[] = [];
  const warnings: Positioned[] = [];
  if (node === undefined || node === null) return { conflicts, errors, warnings };
  if (!isSeq(node)) {
    errors.push({ message: '`conflicts` must be a list of merge conflicts (list, key, message, ours, theirs).', ...at(node) });
    return { conflicts, errors, warnings };
  }
  for (const item of node.items) {
    if (!isMap(item)) {
      errors.push({ message: 'Each merge conflict must be a mapping with list, key, message, ours and theirs.', ...at(item) });
      continue;
    }
    const o = (toJS(item as Node) ?? {}) as Record<string, unknown>;
    const list = typeof o.list === 'string' ? o.list : '';
    const key = typeof o.key === 'string' || typeof o.key === 'number' ? String(o.key) : '';
    if (!list || !key) {
      errors.push({ message: 'A merge conflict needs its `list` and `key`.', ...at(item) });
      continue;
    }
    const message = typeof o.message === 'string' ? o.message : '';
    const conflict: RecordConflict = {
      list,
      key,
      message,
      ...(o.ours !== undefined ? { ours: o.ours } : {}),
      ...(o.theirs !== undefined ? { theirs: o.theirs } : {}),
    };
    conflicts.push(conflict);
    warnings.push({ message: conflictWarning(conflict), ...at(item), conflict: { list, key } });
  }
  return { conflicts, errors, warnings };
}

/** The diagnostic of one conflict. */
export function conflictWarning(c: RecordConflict): string {
  return (
    `Merge conflict on ${c.list} ${c.key}${c.message ? `: ${c.message}` : ''}. ` +
    `Make the record in \`${c.list}\` what it should be (ours and theirs are both here), then delete this entry from \`conflicts\`.`
  );
}

/** The section as written: `{ conflicts: [...] }`, or nothing when there are none. */
export function conflictsBody(conflicts: readonly RecordConflict[] | undefined): { conflicts?: Record<string, unknown>[] } {
  if (!conflicts?.length) return {};
  const sorted = [...conflicts].sort((a, b) => cmp(a.list, b.list) || cmp(a.key, b.key));
  return {
    conflicts: sorted.map((c) => ({
      list: c.list,
      key: c.key,
      message: c.message,
      ...(c.ours !== undefined ? { ours: c.ours } : {}),
      ...(c.theirs !== undefined ? { theirs: c.theirs } : {}),
    })),
  };
}

/** updateDocument's identity of a conflict entry, so entries keep their comments when the file is rewritten. */
export function conflictItemKey(item: unknown, key: string | undefined): string | undefined {
  if (key !== CONFLICTS_KEY) return undefined;
  const o = (item ?? {}) as Record<string, unknown>;
  return `conflict\n${String(o.list)}\n${String(o.key)}`;
}

/** `doc`'s value of a node, as a parser of that file reads it. */
export function nodeToJS(doc: Document): (node: Node) => unknown {
  return (node) => node.toJS(doc);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
