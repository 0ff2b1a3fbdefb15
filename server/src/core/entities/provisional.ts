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
import { hashString } from './hashing';
import { IntTable } from '../collections/intTable';

/** The id prefix of clusters that exist only until the next corpus-wide clustering. */
export const PROVISIONAL_ID = 'provisional:';

/** Whether an entity id is a provisional cluster's (a name typed since the last corpus-wide clustering). */
export function isProvisionalId(entityId: string): boolean {
  return entityId.startsWith(PROVISIONAL_ID);
}

/** Clusters a slice of the spelling index takes in: a few milliseconds of work. */
const CLUSTERS_PER_SLICE = 4000;

/**
 * Clusters by folded spelling, built once per corpus-wide clustering (not once per keystroke): ahead of the first
 * edit by the host (`spellingIndexInSlices`, in slices), or by that edit, which finishes what was begun. Held compactly
 * for the clustering's life: a table from a 30-bit hash of each folded spelling to a chain of (cluster, next) entries,
 * the chains checked against the clusters' spellings when read (no string or list is kept per spelling: at 10,000
 * articles a Map of folded spellings to lists held some 7 MB, this about 3).
 */
class SpellingIndex {
  private readonly heads: IntTable;
  /** Per entry (a spelling of a cluster): the cluster's index in `clusters`, and the next entry of its chain (-1: none). */
  private readonly entryCluster: Int32Array;
  private readonly entryNext: Int32Array;
  /**
   * What `get` found for each key asked (the base's clusters and their spellings do not change while it is in use):
   * every keystroke's view asks again for the names of the article being edited.
   */
  private readonly found = new Map<string, readonly EntityCluster[]>();
  /** The rest of the building, while it is not finished. */
  steps: Generator<void, void, void> | undefined;

  constructor(private readonly clusters: readonly EntityCluster[]) {
    let entries = 0;
    for (const c of clusters) entries += c.spellings.size;
    this.heads = new IntTable(entries);
    this.entryCluster = new Int32Array(entries);
    this.entryNext = new Int32Array(entries);
    this.steps = this.fill();
  }

  private *fill(): Generator<void, void, void> {
    const clusters = this.clusters;
    let e = 0;
    for (let i = 0; i < clusters.length; i++) {
      if (i % CLUSTERS_PER_SLICE === CLUSTERS_PER_SLICE - 1) yield;
      for (const s of clusters[i].spellings.keys()) {
        const h = keyHash(foldName(s));
        this.entryCluster[e] = i;
        this.entryNext[e] = this.heads.get(h);
        this.heads.set(h, e++);
      }
    }
    this.steps = undefined;
  }

  /** The clusters with a spelling that folds to `key`, in the clustering's order. */
  get(key: string): readonly EntityCluster[] {
    let clusters = this.found.get(key);
    if (clusters === undefined) this.found.set(key, (clusters = this.lookUp(key)));
    return clusters;
  }

  private lookUp(key: string): readonly EntityCluster[] {
    let found: number[] | undefined;
    for (let e = this.heads.get(keyHash(key)); e >= 0; e = this.entryNext[e]) {
      const i = this.entryCluster[e];
      if (found?.includes(i)) continue;
      for (const s of this.clusters[i].spellings.keys()) {
        if (foldName(s) === key) {
          (found ??= []).push(i);
          break;
        }
      }
    }
    if (!found) return NONE;
    return found.sort((a, b) => a - b).map((i) => this.clusters[i]);
  }
}

const keyHash = (key: string): number => hashString(key) & 0x3fffffff;

const spellingIndexes = new WeakMap<EntityClustering, SpellingIndex>();

function spellingIndexBegun(base: EntityClustering): SpellingIndex {
  let index = spellingIndexes.get(base);
  if (!index) spellingIndexes.set(base, (index = new SpellingIndex(base.clusters())));
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

function spellingIndexOf(base: EntityClustering): SpellingIndex {
  const index = spellingIndexBegun(base);
  while (index.steps && !index.steps.next().done);
  return index;
}

/** The clusters of `base` with a spelling that folds (foldName) to `key`, in `base`'s order: what an edit looks up. */
export function clustersSpelled(base: EntityClustering, key: string): readonly EntityCluster[] {
  return spellingIndexOf(base).get(key);
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
    cluster: (entityId) => provisional.get(entityId) ?? base.cluster(entityId),
    find: (query) => base.find(query),
    base: base.base ?? base,
    // Its entities are the base's (the same objects) and a few of its own: what a host derived from the base's lineage serves it too.
    ...(base.lineage ? { lineage: base.lineage } : {}),
    // Names new since the last clustering have none until the next one.
    ...(base.lookAlikesOf ? { lookAlikesOf: (entityId: string) => base.lookAlikesOf!(entityId) } : {}),
  };
}
