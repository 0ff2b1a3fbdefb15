/**
 * Identical tags shown once: after a merge, two analysts who put the same tag with the same note on the same passage
 * have two records in the sidecar (each with its author and id; both are kept in the file). The Tags tree lists them
 * as one row naming every author. Pure, so it is tested without VS Code.
 */
import { groupInOrder } from '../../server/src/core/groupInOrder';
import type { TagItem } from '../../server/src/protocol';

/** One row: the first record, and the others identical to it (same article, tag, place, quote and note). */
export interface SameTags {
  readonly item: TagItem;
  readonly same: readonly TagItem[];
}

const identity = (t: TagItem): string =>
  [t.uri, t.tag, t.range ? `${t.range.start.line}:${t.range.start.character}-${t.range.end.line}:${t.range.end.character}` : 'nowhere', t.status, t.quote, t.note ?? ''].join('\n');

/** Groups identical tags, in the order of their first record. */
export function groupSameTags(items: readonly TagItem[]): SameTags[] {
  return groupInOrder(items, identity).map((g) => ({ item: g.first, same: g.same }));
}

/** The authors of a row, each once, in order: `ana, bo`; empty when nobody is named. */
export function authorsOf(row: SameTags): string[] {
  return [...new Set([row.item, ...row.same].map((t) => t.author).filter((a): a is string => !!a))];
}
