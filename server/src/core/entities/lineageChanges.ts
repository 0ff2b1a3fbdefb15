/**
 * What changed between two clusterings of one lineage (EntityClustering.lineage: those a clusterer kept up to date
 * article by article gives one after another, incrementalClustering.ts). Both list their entities in entity-id order,
 * and an entity an update did not touch is the same object in both, so the changes are found in one pass over the two
 * lists, with no set of either made: what a host derived from the last (an index of its spellings, clusterSpellings.ts;
 * the Entities view's rankings, entityRanking.ts) is brought up to date from them.
 */
import type { EntityCluster } from './aliases';

/**
 * What changed from `before` to `after`, two lists of clusters in entity-id order sharing the objects of the clusters
 * that did not change: those only in `before`, and those only in `after`. Undefined past `most` changes, or when the
 * lists are found out of order.
 */
export function changesBetween(before: readonly EntityCluster[], after: readonly EntityCluster[], most: number): { gone: Set<EntityCluster>; added: EntityCluster[] } | undefined {
  const gone = new Set<EntityCluster>();
  const added: EntityCluster[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a === b) {
      i++;
      j++;
      continue;
    }
    if (b === undefined || (a !== undefined && a.entityId <= b.entityId)) {
      if (i > 0 && before[i - 1].entityId >= a!.entityId) return undefined;
      gone.add(a!);
      i++;
    } else {
      if (j > 0 && after[j - 1].entityId >= b.entityId) return undefined;
      added.push(b);
      j++;
    }
    if (gone.size + added.length > most) return undefined;
  }
  return { gone, added };
}
