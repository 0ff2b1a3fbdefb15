/**
 * Entities that may be one another written differently, and that clustering kept apart: a spelling with the same words
 * (`Party` as an organisation and as an other name), or, of the same type, each word one spelling apart
 * (`Lakhamphong`/`Lakhamfong`) or one an acronym of the other (`EU`/`European Union`). The worklist offers them as
 * possible merges (core/worklist.ts). A clustering carries them where it can: one computed away from the requests'
 * thread (clusteringSnapshot.ts) all of them, found there; one kept up to date article by article
 * (incrementalClustering.ts) through an index it keeps as entities come and go (lookAlikeIndex.ts). Others are searched
 * for by the clustering's name search.
 */
import { mentionCountOf, type EntityCluster, type EntityClustering } from './aliases';
import { LookAlikeIndex, type LookAlikeEntity } from './lookAlikeIndex';
import { acronymOf, isAcronym, SpellingTable } from './spellingTable';

export type { LookAlikeEntity } from './lookAlikeIndex';

/** Search hits looked at per spelling: the best first, so a common word does not make every name a candidate. */
const MAX_HITS = 50;
/** Look-alikes a clustering carries per entity (the worklist shows 3, after leaving out pairs the registry settled). */
export const STORED_LOOK_ALIKES = 8;

/**
 * Up to `limit` entities `cluster` may be, among those `accept` lets through, best first. Uses what the clustering
 * carries when it has it (`lookAlikesOf`), else searches.
 */
export function lookAlikes(cluster: EntityCluster, clustering: EntityClustering, accept: (other: EntityCluster) => boolean, limit: number): EntityCluster[] {
  const known = clustering.lookAlikesOf?.(cluster.entityId);
  if (known) return known.filter(accept).slice(0, limit);
  return searchLookAlikes(cluster, clustering, accept, limit);
}

/** `lookAlikes` by the clustering's name search and an index of acronyms (built once per corpus-wide clustering). */
export function searchLookAlikes(cluster: EntityCluster, clustering: EntityClustering, accept: (other: EntityCluster) => boolean, limit: number): EntityCluster[] {
  const out: EntityCluster[] = [];
  const seen = new Set<string>([cluster.entityId]);
  const consider = (other: EntityCluster): void => {
    if (seen.has(other.entityId)) return;
    seen.add(other.entityId);
    if (!accept(other)) return;
    if (sameName(cluster, other, other.type === cluster.type)) out.push(other);
  };
  for (const spelling of cluster.spellings.keys()) {
    if (out.length >= limit) break;
    for (const other of clustering.find(spelling).slice(0, MAX_HITS)) consider(other);
  }
  if (out.length < limit && isAcronym(cluster.canonical)) {
    // `EU` finds nothing by its words; look for names whose initials it is.
    for (const other of acronymIndexOf(clustering).get(cluster.canonical) ?? []) consider(other);
  }
  return out.slice(0, limit);
}

/**
 * Every entity's look-alikes as two columns, for a clustering made elsewhere (clusteringSnapshot.ts): entity i's are
 * the entity indexes `lookAlikes[lookAlikesAt[i]]` to `lookAlikes[lookAlikesAt[i + 1] - 1]`, best first.
 */
export interface LookAlikeColumns {
  readonly lookAlikes: Int32Array;
  readonly lookAlikesAt: Int32Array;
}

/** A cluster as `allLookAlikes` needs it, without its mentions (a worker can then let the clustering go). */
export function lookAlikeEntity(c: EntityCluster): LookAlikeEntity {
  return { entityId: c.entityId, canonical: c.canonical, type: c.type, spellings: c.spellings, mentionCount: mentionCountOf(c) };
}

/**
 * `lookAlikes` of every entity at once, by blocking keys rather than a search per name (lookAlikeIndex.ts). Only
 * entities with mentions are offered. For a clustering made away from the requests' thread (clusteringSnapshot.ts).
 * The lists hold indexes into `entities`.
 *
 * At 10,000 articles it verifies 2.3 million candidates (3.8 million pairs of spellings) among 70,000 entities, so
 * the verification compares numbers (`SpellingTable`), and compares two word keys by spelling only when both are long
 * enough and begin alike.
 */
export function allLookAlikes(entities: readonly LookAlikeEntity[], limit: number): Map<number, number[]> {
  const index = new LookAlikeIndex<LookAlikeEntity>();
  // Slots are given in order from 0 to an index that lets none go: entity i is in slot i.
  for (const e of entities) index.add(e);
  const out = new Map<number, number[]>();
  for (let i = 0; i < entities.length; i++) {
    const found = index.of(i, limit);
    if (found.length) out.set(i, found);
  }
  return out;
}

/** `allLookAlikes` of `entities`, at most STORED_LOOK_ALIKES each, as columns (entity indexes into `entities`). */
export function lookAlikeColumns(entities: readonly LookAlikeEntity[]): LookAlikeColumns {
  const found = allLookAlikes(entities, STORED_LOOK_ALIKES);
  const n = entities.length;
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i] + (found.get(i)?.length ?? 0);
  const flat = new Int32Array(at[n]);
  for (const [i, list] of found) flat.set(list, at[i]);
  return { lookAlikes: flat, lookAlikesAt: at };
}

/** Entities by the acronym of their spellings, built once per clustering. */
const acronymIndexes = new WeakMap<EntityClustering, Map<string, EntityCluster[]>>();

function acronymIndexOf(view: EntityClustering): Map<string, EntityCluster[]> {
  // Built for the corpus-wide clustering, not for each keystroke's view of it (names new since are found at the next).
  const clustering = view.base ?? view;
  let index = acronymIndexes.get(clustering);
  if (index) return index;
  index = new Map();
  for (const c of clustering.clusters()) {
    for (const s of c.spellings.keys()) {
      const a = acronymOf(s);
      if (!a) continue;
      const list = index.get(a);
      if (!list) index.set(a, [c]);
      else if (!list.includes(c)) list.push(c);
    }
  }
  acronymIndexes.set(clustering, index);
  return index;
}

/** The same words (whatever the types), or, for two entities of one type, spellings one edit apart or an acronym. */
function sameName(a: Pick<LookAlikeEntity, 'spellings'>, b: Pick<LookAlikeEntity, 'spellings'>, sameType: boolean): boolean {
  const table = new SpellingTable();
  const read = (e: Pick<LookAlikeEntity, 'spellings'>) => {
    const list: number[] = [];
    for (const s of e.spellings.keys()) {
      const id = table.of(s);
      if (table.hasWords(id)) list.push(id);
    }
    return list;
  };
  return table.anyAlike(read(a), read(b), sameType);
}
