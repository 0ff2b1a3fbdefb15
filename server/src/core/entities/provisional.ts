/**
 * Between two corpus-wide clusterings: the last clustering, with the articles edited since then seen through it.
 * An edited article's freshly recognised names are given the cluster of the same spelling (and type) in the last
 * clustering, or a provisional cluster of their own; every other article keeps its mentions as they were, since its
 * text did not change. This makes a keystroke cost the article, not the corpus; the corpus-wide clustering is
 * rebuilt once typing pauses (the host decides when), and then replaces this view.
 */
import type { EntityMention, RecognizedEntity } from '../types';
import type { EntityCluster, EntityClustering } from './aliases';
import { foldName } from './nameKey';
import { spellingIndexOf } from './clusterSpellings';

/** The id prefix of clusters that exist only until the next corpus-wide clustering. */
export const PROVISIONAL_ID = 'provisional:';

/** Whether an entity id is a provisional cluster's (a name typed since the last corpus-wide clustering). */
export function isProvisionalId(entityId: string): boolean {
  return entityId.startsWith(PROVISIONAL_ID);
}

/**
 * The entity of each folded spelling of an article in `base` (undefined for a spelling of two entities there), kept
 * with `base` for the articles edited since it was made: it does not change while `base` is in use (an edit that kept
 * an article's names moves their offsets, not their texts or entities), and each keystroke's view asks for it again.
 */
const spellingsBeforeOf = new WeakMap<EntityClustering, Map<string, Map<string, EntityCluster | undefined>>>();

function spellingsBefore(base: EntityClustering, uri: string): Map<string, EntityCluster | undefined> {
  let byUri = spellingsBeforeOf.get(base);
  if (!byUri) spellingsBeforeOf.set(base, (byUri = new Map()));
  let byKey = byUri.get(uri);
  if (!byKey) {
    byKey = new Map();
    for (const m of base.mentionsOf(uri)) {
      const k = foldName(m.text);
      const c = base.cluster(m.entityId);
      // A spelling of two entities in one article says nothing about which one a new mention is.
      byKey.set(k, byKey.has(k) && byKey.get(k) !== c ? undefined : c);
    }
    byUri.set(uri, byKey);
  }
  return byKey;
}

export function provisionalClustering(
  base: EntityClustering,
  /** Articles edited (or added) since `base`, with their names as recognised now. */
  edited: ReadonlyMap<string, readonly RecognizedEntity[]>,
  /** Articles removed since `base`. */
  removed: ReadonlySet<string>,
): EntityClustering {
  const spellingIndex = () => spellingIndexOf(base);
  const provisional = new Map<string, EntityCluster & { spellings: Map<string, number> }>();
  const mentions = new Map<string, EntityMention[]>();

  /**
   * The entity each spelling had in the article before the edit (when it had one): an edit re-reads the whole
   * article, and a name the edit did not touch may come back typed otherwise (the recogniser weighs the document's
   * other sentences); it keeps its entity until the next clustering says otherwise.
   */
  const entityBefore = (uri: string, key: string): EntityCluster | undefined => spellingsBefore(base, uri).get(key);

  const clusterFor = (uri: string, e: RecognizedEntity, text: string): { entityId: string; canonical: string; type: RecognizedEntity['type'] } => {
    const key = foldName(text);
    let pick = entityBefore(uri, key);
    if (!pick) {
      const known = spellingIndex().get(key);
      const sameType = known.filter((c) => c.type === e.type);
      pick = sameType.length === 1 ? sameType[0] : known.length === 1 ? known[0] : undefined;
    }
    // A mention has its entity's type, as after a clustering.
    if (pick) return { entityId: pick.entityId, canonical: pick.canonical, type: pick.type };
    const entityId = `${PROVISIONAL_ID}${e.type}:${key}`;
    if (!provisional.has(entityId)) {
      provisional.set(entityId, { entityId, canonical: text, type: e.type, spellings: new Map(), titles: new Map(), mentions: [] });
    }
    return { entityId, canonical: text, type: e.type };
  };

  // An edited article's names, until its mentions are made from them: the view lives until the next keystroke, and the
  // names of a 100 KB article held beside its mentions were 2,000 more objects each keystroke moved to the old generation.
  const unread = new Map(edited);
  const mentionsOf = (uri: string): EntityMention[] => {
    if (removed.has(uri)) return [];
    let list = mentions.get(uri);
    if (!list) {
      const entities = unread.get(uri);
      if (!entities) return base.mentionsOf(uri);
      unread.delete(uri);
      // The entity's fields written out, not spread from a second object (a generic copy, per mention per keystroke).
      list = entities.map((e): EntityMention => {
        const c = clusterFor(uri, e, e.text);
        return { ...e, type: c.type, entityId: c.entityId, canonical: c.canonical };
      });
      list.sort((a, b) => a.start - b.start);
      mentions.set(uri, list);
      for (const m of list) {
        const c = provisional.get(m.entityId);
        if (!c) continue;
        c.spellings.set(m.text, (c.spellings.get(m.text) ?? 0) + 1);
        c.mentions.push({ uri, start: m.start, end: m.end, text: m.text });
      }
    }
    return list;
  };

  return {
    mentionsOf,
    clusters: () => [...base.clusters(), ...provisional.values()],
    // Only over a clustering that is not a view: a view's own would be past its base's base too.
    ...(base.base ? {} : { ownClusters: () => [...provisional.values()] }),
    cluster: (entityId) => provisional.get(entityId) ?? base.cluster(entityId),
    find: (query) => base.find(query),
    base: base.base ?? base,
    // Its entities are the base's (the same objects) and a few of its own: what a host derived from the base's lineage serves it too.
    ...(base.lineage ? { lineage: base.lineage } : {}),
    // Names new since the last clustering have none until the next one.
    ...(base.lookAlikesOf ? { lookAlikesOf: (entityId: string) => base.lookAlikesOf!(entityId) } : {}),
  };
}
