/**
 * Edits that keep an article's names. Most keystrokes change no name: the article's names are then the ones the
 * corpus-wide clustering was made from (same spellings, types, titles, owner countries, in the same order), only at
 * other offsets. The clustering depends on names and their order, not on offsets, so a rebuild would give the very
 * same entities: the clustering's mentions of the article are moved to the new offsets instead, and nothing
 * corpus-wide is done.
 */
import type { EntityMention, RecognizedEntity } from '../types';
import type { EntityCluster } from './aliases';

const byPlace = (a: RecognizedEntity, b: RecognizedEntity): number => a.start - b.start || a.end - b.end;

function inOrder(list: readonly RecognizedEntity[]): readonly RecognizedEntity[] {
  for (let i = 1; i < list.length; i++) if (byPlace(list[i - 1], list[i]) > 0) return [...list].sort(byPlace);
  return list;
}

/** Whether `a` and `b` are the same names in the same order (offsets aside): what clustering reads of an article. */
export function sameNames(a: readonly RecognizedEntity[], b: readonly RecognizedEntity[]): boolean {
  if (a.length !== b.length) return false;
  const x = inOrder(a);
  const y = inOrder(b);
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p.text !== q.text || p.type !== q.type || p.title !== q.title || p.country !== q.country || !p.nested !== !q.nested) return false;
  }
  return true;
}

/**
 * Where the names of `from` went in `to` (two lists of the same names, `sameNames`): the name of `to` that was at
 * `start`-`end` in `from`, if one was there.
 */
export function movedPlaces(from: readonly RecognizedEntity[], to: readonly RecognizedEntity[]): (start: number, end: number) => RecognizedEntity | undefined {
  const x = inOrder(from);
  const y = inOrder(to);
  const moved = new Map<string, RecognizedEntity>();
  for (let i = 0; i < x.length; i++) moved.set(`${x[i].start}:${x[i].end}`, y[i]);
  return (start, end) => moved.get(`${start}:${end}`);
}

/**
 * Moves one article's mentions from the offsets of `from` to those of `to` (two lists of the same names, `sameNames`):
 * its list of mentions is replaced, and so are its entries in each of its entities' mention lists (new objects: lists
 * handed out earlier keep what they said).
 */
export function moveMentions(
  mentionsByUri: Map<string, EntityMention[]>,
  clusterOf: (entityId: string) => EntityCluster | undefined,
  uri: string,
  from: readonly RecognizedEntity[],
  to: readonly RecognizedEntity[],
): void {
  const list = mentionsByUri.get(uri);
  if (!list) return;
  const place = movedPlaces(from, to);
  const ids = new Set<string>();
  mentionsByUri.set(
    uri,
    list.map((m) => {
      ids.add(m.entityId);
      const p = place(m.start, m.end);
      return p ? { ...m, start: p.start, end: p.end } : m;
    }),
  );
  moveClusterMentions([...ids].map(clusterOf), uri, place);
}

/** Moves the entries of article `uri` in these entities' mention lists to where `place` says their names went. */
export function moveClusterMentions(
  clusters: Iterable<EntityCluster | undefined>,
  uri: string,
  place: (start: number, end: number) => RecognizedEntity | undefined,
): void {
  for (const c of clusters) {
    const mentions = c?.mentions;
    if (!mentions) continue;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.uri !== uri) continue;
      const p = place(m.start, m.end);
      if (p) mentions[i] = { uri, start: p.start, end: p.end, text: m.text };
    }
  }
}
