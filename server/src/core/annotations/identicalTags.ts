/**
 * Identical tags listed once by `corpus-annotator tags`: after a merge, two analysts who put the same tag with the
 * same note on the same passage have two records in the sidecar (each with its id and author; the file keeps both).
 * The listing shows them as one record naming every author, as the Corpus Tags view does (client/src/sameTags.ts).
 * Pure.
 */
import { groupInOrder } from '../groupInOrder';
import type { ListedTag } from './tagsOutput';

/** One listed tag and the records identical to it (same article, tag, current place, status, quote and note). */
export interface TagRecords {
  readonly first: ListedTag;
  readonly same: readonly ListedTag[];
}

function identity(t: ListedTag): string {
  const { tag, status, start, end } = t.anchored;
  const place = status === 'orphaned' ? `stored ${tag.start}-${tag.end}` : `${start}-${end}`;
  return [t.path, tag.tag, place, status, tag.quote, tag.note ?? ''].join('\n');
}

/** Groups identical tags, in the order of their first record. */
export function groupIdenticalTags(tags: readonly ListedTag[]): TagRecords[] {
  return groupInOrder(tags, identity);
}

/** Every record of a group: the first, then the others. */
export function recordsOf(g: TagRecords): ListedTag[] {
  return [g.first, ...g.same];
}

/** The authors of a group, each once, in order; empty when nobody is named. */
export function authorsOf(g: TagRecords): string[] {
  return [...new Set(recordsOf(g).map((t) => t.anchored.tag.author).filter((a): a is string => !!a))];
}
