/**
 * Facts about an entity that every message, hover and listing of its mentions repeats: in how many articles it is
 * mentioned, and its spellings, most frequent first. Each costs the size of the entity corpus-wide (`Vietnam` has
 * thousands of mentions at 10,000 articles), so each is computed once per cluster, not once per mention shown: a
 * keystroke's diagnostics then cost the article, not the corpus.
 *
 * Clusters of a corpus-wide clustering never change once made; the provisional clusters of names new since (see
 * provisional.ts) only grow, so a fact is computed again when the cluster's counts moved.
 */
import { mentionCountOf, type EntityCluster } from './aliases';

interface Facts {
  readonly mentions: number;
  readonly spellingCount: number;
  readonly articles: number;
  readonly spellings: readonly (readonly [string, number])[];
}

const known = new WeakMap<EntityCluster, Facts>();

function factsOf(cluster: EntityCluster): Facts {
  let facts = known.get(cluster);
  if (facts && facts.mentions === mentionCountOf(cluster) && facts.spellingCount === cluster.spellings.size) return facts;
  const articles = cluster.articleCount ?? new Set(cluster.mentions.map((m) => m.uri)).size;
  const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  facts = { mentions: mentionCountOf(cluster), spellingCount: cluster.spellings.size, articles, spellings };
  known.set(cluster, facts);
  return facts;
}

/** Number of articles that mention the entity. */
export function articleCount(cluster: EntityCluster): number {
  return factsOf(cluster).articles;
}

/** The entity's spellings with their counts, most frequent first (ties by spelling). */
export function spellingsByCount(cluster: EntityCluster): readonly (readonly [string, number])[] {
  return factsOf(cluster).spellings;
}
