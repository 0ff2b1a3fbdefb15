/** The entity under an offset of an article, with its counts, in a given clustering. */
import { mentionCountOf, type EntityClustering } from './entities/aliases';
import { articleCount } from './entities/clusterFacts';
import type { EntityMention } from './types';
import type { EntityAt } from './corpusService';

export function entityAtIn(clustering: EntityClustering, uri: string, offset: number): EntityAt | undefined {
  const mentions = clustering.mentionsOf(uri);
  // The innermost mention at the offset: on `Revolutionary` in an event's name, the party named inside it.
  let mention: EntityMention | undefined;
  for (const m of mentions) {
    if (m.start <= offset && offset <= m.end && (!mention || m.end - m.start < mention.end - mention.start)) mention = m;
  }
  if (!mention) return undefined;
  const cluster = clustering.cluster(mention.entityId);
  if (!cluster) return undefined;
  const articles = articleCount(cluster);
  let inDocument = 0;
  for (const m of mentions) if (m.entityId === mention.entityId) inDocument++;
  return { mention, cluster, inDocument, inCorpus: mentionCountOf(cluster), articles };
}
