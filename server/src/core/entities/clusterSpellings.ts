/**
 * Clusters by folded spelling: what an edited article's new names are looked up in (provisional.ts), built once per
 * corpus-wide clustering (not once per keystroke), ahead of the first edit by the host (`spellingIndexInSlices`, in
 * slices), or by that edit, which finishes what was begun.
 *
 * A clustering kept up to date article by article (incrementalClustering.ts) gives a new clustering at every pause in
 * the typing, which shares all but a few entities with the last. Its index is then the last whole one's, less the
 * entities gone since and plus those added (`SpellingIndexSince`), found by comparing the two lists: at 10,000
 * articles a whole index took 100 ms and 3 MB a pause, and a keystroke right after the pause finished its building.
 */
import type { EntityCluster, EntityClustering } from './aliases';
import { foldName } from './nameKey';
import { hashString } from './hashing';
import { IntTable } from '../collections/intTable';
import { changesBetween } from './lineageChanges';

/** Clusters a slice of the spelling index takes in: a few milliseconds of work. */
const CLUSTERS_PER_SLICE = 4000;

/** The fewest changes since the last whole index past which a whole index is made again. */
const MIN_CHANGES_REMADE = 256;
/** The share of the clusters past which, if more, a whole index is made again (not looked up through the last one). */
const SHARE_REMADE = 0.05;

const NONE: readonly EntityCluster[] = [];

/**
 * Clusters by folded spelling, each key's answer kept once found (the base's clusters and their spellings do not change
 * while it is in use): every keystroke's view asks again for the names of the article being edited.
 */
abstract class SpellingLookup {
  private readonly found = new Map<string, readonly EntityCluster[]>();
  /** The rest of the building, while it is not finished. */
  abstract readonly steps: Generator<void, void, void> | undefined;

  /** The clusters with a spelling that folds to `key`, in the clustering's order. */
  get(key: string): readonly EntityCluster[] {
    let clusters = this.found.get(key);
    if (clusters === undefined) this.found.set(key, (clusters = this.lookUp(key)));
    return clusters;
  }

  protected abstract lookUp(key: string): readonly EntityCluster[];
}

/**
 * A whole index, held compactly for the clustering's life: a table from a 30-bit hash of each folded spelling to a
 * chain of (cluster, next) entries, the chains checked against the clusters' spellings when read (no string or list is
 * kept per spelling: at 10,000 articles a Map of folded spellings to lists held some 7 MB, this about 3).
 */
class SpellingIndex extends SpellingLookup {
  private readonly heads: IntTable;
  /** Per entry (a spelling of a cluster): the cluster's index in `clusters`, and the next entry of its chain (-1: none). */
  private readonly entryCluster: Int32Array;
  private readonly entryNext: Int32Array;
  steps: Generator<void, void, void> | undefined;

  constructor(readonly clusters: readonly EntityCluster[]) {
    super();
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

  protected lookUp(key: string): readonly EntityCluster[] {
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

/**
 * The index of a clustering given after one of the same lineage whose whole index is built: that index, less the
 * clusters gone since, plus a whole index of those added. Both lists are in entity-id order (a lineage's clusterings
 * are: incrementalClustering.ts), so the answers are merged in that order.
 */
class SpellingIndexSince extends SpellingLookup {
  readonly steps = undefined;
  private readonly added: SpellingIndex;

  constructor(private readonly whole: SpellingIndex, private readonly gone: ReadonlySet<EntityCluster>, added: readonly EntityCluster[]) {
    super();
    this.added = new SpellingIndex(added);
    while (this.added.steps && !this.added.steps.next().done);
  }

  protected lookUp(key: string): readonly EntityCluster[] {
    const before = this.whole.get(key);
    const kept = this.gone.size && before.some((c) => this.gone.has(c)) ? before.filter((c) => !this.gone.has(c)) : before;
    const added = this.added.get(key);
    if (!added.length) return kept.length ? kept : NONE;
    return kept.length ? [...kept, ...added].sort(byEntityId) : added;
  }
}

function byEntityId(a: EntityCluster, b: EntityCluster): number {
  return a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}

const keyHash = (key: string): number => hashString(key) & 0x3fffffff;

const spellingIndexes = new WeakMap<EntityClustering, SpellingLookup>();
/** The last whole index made for a clustering of each lineage (EntityClustering.lineage). */
const wholeOfLineage = new WeakMap<object, SpellingIndex>();

function spellingIndexBegun(base: EntityClustering): SpellingLookup {
  let index = spellingIndexes.get(base);
  if (index) return index;
  const { lineage } = base;
  // Not for a view (provisional.ts), which shares its base's lineage but lists clusters of its own.
  const whole = lineage && !base.base ? wholeOfLineage.get(lineage) : undefined;
  if (whole && !whole.steps) {
    const clusters = base.clusters();
    const changes = changesBetween(whole.clusters, clusters, Math.max(MIN_CHANGES_REMADE, SHARE_REMADE * clusters.length));
    if (changes) index = new SpellingIndexSince(whole, changes.gone, changes.added);
  }
  if (!index) {
    const made = new SpellingIndex(base.clusters());
    if (lineage && !base.base) wholeOfLineage.set(lineage, made);
    index = made;
  }
  spellingIndexes.set(base, index);
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

/** The index of `base`'s spellings, built (or its building finished) now when it is not yet. */
export function spellingIndexOf(base: EntityClustering): SpellingLookup {
  const index = spellingIndexBegun(base);
  while (index.steps && !index.steps.next().done);
  return index;
}

/** The clusters of `base` with a spelling that folds (foldName) to `key`, in `base`'s order: what an edit looks up. */
export function clustersSpelled(base: EntityClustering, key: string): readonly EntityCluster[] {
  return spellingIndexOf(base).get(key);
}
