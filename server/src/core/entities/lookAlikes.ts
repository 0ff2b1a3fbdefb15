/**
 * Entities that may be one another written differently, and that clustering kept apart: a spelling with the same words
 * (`Party` as an organisation and as an other name), or, of the same type, each word one spelling apart
 * (`Lakhamphong`/`Lakhamfong`) or one an acronym of the other (`EU`/`European Union`). The worklist offers them as
 * possible merges (core/worklist.ts). Found through the clustering's name search; a clustering computed away from the
 * requests' thread (clusteringSnapshot.ts) carries them, found there, so that no index over every name is built where
 * requests are answered.
 */
import { mentionCountOf, type EntityCluster, type EntityClustering } from './aliases';
import { compactKey, deletionVariants, nameTokens, tokenKey, tokenKeysMatch } from './nameKey';

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

/** Candidate lists longer than this are a word too common to tell names apart by (`Ministry`): not looked through. */
const MAX_BLOCK = 500;

/** What finding look-alikes needs of an entity: a clustering's cluster, or a slim copy of one (`lookAlikeEntity`). */
export interface LookAlikeEntity {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityCluster['type'];
  readonly spellings: ReadonlyMap<string, number>;
  readonly mentionCount: number;
}

/** A cluster as `allLookAlikes` needs it, without its mentions (a worker can then let the clustering go). */
export function lookAlikeEntity(c: EntityCluster): LookAlikeEntity {
  return { entityId: c.entityId, canonical: c.canonical, type: c.type, spellings: c.spellings, mentionCount: mentionCountOf(c) };
}

/**
 * `lookAlikes` of every entity at once, by blocking keys rather than a search per name: the same words (compact key),
 * one word of the name in the same place of a name as long (the rarest of its words), one spelling apart for names of
 * one word, the acronym; each candidate verified as the search verifies it. Only entities with mentions are offered.
 * For a clustering made away from the requests' thread (clusteringSnapshot.ts). The lists hold indexes into `entities`.
 */
export function allLookAlikes(entities: readonly LookAlikeEntity[], limit: number): Map<number, number[]> {
  const byCompact = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const byAcronym = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  // Each spelling read once (many entities share spellings), and each entity's spellings as facts, not strings.
  const known = new Map<string, SpellingFacts>();
  const facts = (spelling: string): SpellingFacts => {
    let f = known.get(spelling);
    if (!f) known.set(spelling, (f = spellingFacts(spelling)));
    return f;
  };
  const names = entities.map((c) => {
    const list: SpellingFacts[] = [];
    for (const s of c.spellings.keys()) {
      const f = facts(s);
      if (f.keys.length > 0) list.push(f);
    }
    return list;
  });
  // The blocks of a spelling: one-deletion variants of a one-word name, else each word in its place.
  const wordBlocks = (keys: readonly string[]): string[] =>
    keys.length === 1 ? deletionVariants(keys[0]).map((v) => `1:0:${v}`) : keys.map((k, p) => `${keys.length}:${p}:${k}`);
  names.forEach((list, i) => {
    for (const f of list) {
      add(byCompact, f.compact, i);
      for (const key of (f.blocks ??= wordBlocks(f.keys))) add(byWord, key, i);
    }
    for (const s of entities[i].spellings.keys()) {
      const a = facts(s).acronym;
      if (a) add(byAcronym, a, i);
    }
  });
  const out = new Map<number, number[]>();
  // The candidates of entity i, in the order first met: `marked[j] === i + 1` once j is one.
  const marked = new Int32Array(entities.length);
  const candidates: number[] = [];
  entities.forEach((entity, i) => {
    candidates.length = 0;
    const stamp = i + 1;
    const consider = (j: number) => {
      if (j === i || marked[j] === stamp) return;
      marked[j] = stamp;
      candidates.push(j);
    };
    const take = (list: readonly number[] | undefined) => {
      if (list && list.length <= MAX_BLOCK) for (const j of list) consider(j);
    };
    for (const f of names[i]) {
      take(byCompact.get(f.compact));
      const blocks = f.blocks!;
      if (f.keys.length === 1) for (const key of blocks) take(byWord.get(key));
      else {
        let smallest: readonly number[] = byWord.get(blocks[0]) ?? [];
        for (let p = 1; p < blocks.length; p++) {
          const b = byWord.get(blocks[p]) ?? [];
          if (b.length < smallest.length) smallest = b;
        }
        take(smallest);
      }
    }
    if (isAcronym(entity.canonical)) for (const j of byAcronym.get(entity.canonical) ?? []) consider(j);
    const found: number[] = [];
    for (const j of candidates) {
      const other = entities[j];
      if (other.mentionCount > 0 && sameSpellings(names[i], names[j], other.type === entity.type)) found.push(j);
    }
    if (!found.length) return;
    found.sort((a, b) => entities[b].mentionCount - entities[a].mentionCount || (entities[a].canonical < entities[b].canonical ? -1 : entities[a].canonical > entities[b].canonical ? 1 : 0));
    out.set(i, found.slice(0, limit));
  });
  return out;
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
  const facts = (e: Pick<LookAlikeEntity, 'spellings'>) => [...e.spellings.keys()].map(spellingFacts).filter((f) => f.keys.length > 0);
  return sameSpellings(facts(a), facts(b), sameType);
}

/** `sameName` of two entities' spellings (those with words), read once. */
function sameSpellings(a: readonly SpellingFacts[], b: readonly SpellingFacts[], sameType: boolean): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.compact === y.compact) return true;
      if (!sameType) continue;
      if (x.keys.length === y.keys.length && x.keys.every((k, i) => tokenKeysMatch(k, y.keys[i]))) return true;
      if (x.isAcronym && y.acronym === x.text) return true;
      if (y.isAcronym && x.acronym === y.text) return true;
    }
  }
  return false;
}

/** What comparing a spelling needs: its word keys and compact key, and what it is as an acronym. */
interface SpellingFacts {
  readonly text: string;
  readonly keys: readonly string[];
  readonly compact: string;
  /** Whether it is an acronym itself (`EU`). */
  readonly isAcronym: boolean;
  /** Its initials, for a name of two capitalised words or more (`European Union` → `EU`). */
  readonly acronym: string | undefined;
  /** Its blocking keys (allLookAlikes), once made. */
  blocks?: string[];
}

function spellingFacts(text: string): SpellingFacts {
  const tokens = nameTokens(text);
  return { text, keys: tokens.map(tokenKey), compact: tokens.length ? compactKey(tokens) : '', isAcronym: isAcronym(text), acronym: acronymOf(text) };
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', 'des', '&']);

function isAcronym(text: string): boolean {
  return /^[A-Z]{2,6}$/.test(text);
}

/** The capital initials of a name of two words or more (`European Union` → `EU`), or undefined. */
function acronymOf(text: string): string | undefined {
  const words = text.split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return words.map((w) => w[0]).join('');
}
