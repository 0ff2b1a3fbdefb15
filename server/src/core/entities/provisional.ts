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

/** The id prefix of clusters that exist only until the next corpus-wide clustering. */
export const PROVISIONAL_ID = 'provisional:';

/** Clusters a slice of the spelling index takes in: a few milliseconds of work. */
const CLUSTERS_PER_SLICE = 4000;

/**
 * Clusters by folded spelling (one cluster, or several in the order they come), built once per corpus-wide
 * clustering (not once per keystroke): ahead of the first edit by the host (`spellingIndexInSlices`, in slices), or
 * by that edit, which finishes what was begun.
 */
interface SpellingIndex {
  readonly map: Map<string, EntityCluster | EntityCluster[]>;
  /** The rest of the building, while it is not finished. */
  steps: Generator<void, void, void> | undefined;
}

const spellingIndexes = new WeakMap<EntityClustering, SpellingIndex>();

function* fillSpellingIndex(clusters: readonly EntityCluster[], index: SpellingIndex): Generator<void, void, void> {
  const map = index.map;
  for (let i = 0; i < clusters.length; i++) {
    if (i % CLUSTERS_PER_SLICE === CLUSTERS_PER_SLICE - 1) yield;
    const c = clusters[i];
    for (const s of c.spellings.keys()) {
      const key = foldName(s);
      const known = map.get(key);
      if (known === undefined) map.set(key, c);
      else if (!Array.isArray(known)) {
        if (known !== c) map.set(key, [known, c]);
      } else if (!known.includes(c)) known.push(c);
    }
  }
  index.steps = undefined;
}

function spellingIndexBegun(base: EntityClustering): SpellingIndex {
  let index = spellingIndexes.get(base);
  if (!index) {
    index = { map: new Map(), steps: undefined };
    index.steps = fillSpellingIndex(base.clusters(), index);
    spellingIndexes.set(base, index);
  }
  return index;
}

/**
 * Builds the index of `base`'s spellings that a view of it needs at the first edit (`provisionalClustering`), one slice
 * a `next()`: a host runs it when a clustering is put in use, so that the first keystroke after it does not build it.
 */
export function* spellingIndexInSlices(base: EntityClustering): Generator<void, void, void> {
  const index = spellingIndexBegun(base);
  while (index.steps && !index.steps.next().done) yield;
}

function spellingIndexOf(base: EntityClustering): Map<string, EntityCluster | EntityCluster[]> {
  const index = spellingIndexBegun(base);
  while (index.steps && !index.steps.next().done);
  return index.map;
}

const NONE: readonly EntityCluster[] = [];

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
      const found = spellingIndex().get(key);
      const known = found === undefined ? NONE : Array.isArray(found) ? found : [found];
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

  const mentionsOf = (uri: string): EntityMention[] => {
    if (removed.has(uri)) return [];
    const entities = edited.get(uri);
    if (!entities) return base.mentionsOf(uri);
    let list = mentions.get(uri);
    if (!list) {
      list = entities.map((e) => ({ ...e, ...clusterFor(uri, e, e.text) }));
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
    cluster: (entityId) => provisional.get(entityId) ?? base.cluster(entityId),
    find: (query) => base.find(query),
    base: base.base ?? base,
    // Names new since the last clustering have none until the next one.
    ...(base.lookAlikesOf ? { lookAlikesOf: (entityId: string) => base.lookAlikesOf!(entityId) } : {}),
  };
}
