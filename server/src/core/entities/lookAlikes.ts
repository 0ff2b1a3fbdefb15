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
  const parsed = new Map<string, Parsed>();
  const parse = (spelling: string): Parsed => {
    let p = parsed.get(spelling);
    if (!p) parsed.set(spelling, (p = parseName(spelling)));
    return p;
  };
  const names = entities.map((c) => [...c.spellings.keys()].map(parse).filter((p) => p.keys.length > 0));
  names.forEach((list, i) => {
    for (const { keys, compact } of list) {
      add(byCompact, compact, i);
      if (keys.length === 1) for (const v of deletionVariants(keys[0])) add(byWord, `1:0:${v}`, i);
      else keys.forEach((k, p) => add(byWord, `${keys.length}:${p}:${k}`, i));
    }
    for (const s of entities[i].spellings.keys()) {
      const a = acronymOf(s);
      if (a) add(byAcronym, a, i);
    }
  });
  const out = new Map<number, number[]>();
  entities.forEach((entity, i) => {
    const candidates = new Set<number>();
    const take = (list: readonly number[] | undefined) => {
      if (list && list.length <= MAX_BLOCK) for (const j of list) if (j !== i) candidates.add(j);
    };
    for (const { keys, compact } of names[i]) {
      take(byCompact.get(compact));
      if (keys.length === 1) for (const v of deletionVariants(keys[0])) take(byWord.get(`1:0:${v}`));
      else {
        const blocks = keys.map((k, p) => byWord.get(`${keys.length}:${p}:${k}`) ?? []);
        take(blocks.reduce((a, b) => (b.length < a.length ? b : a)));
      }
    }
    if (isAcronym(entity.canonical)) for (const j of byAcronym.get(entity.canonical) ?? []) if (j !== i) candidates.add(j);
    const found: number[] = [];
    for (const j of candidates) {
      const other = entities[j];
      if (other.mentionCount > 0 && sameName(entity, other, other.type === entity.type, parse)) found.push(j);
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
function sameName(a: Pick<LookAlikeEntity, 'spellings'>, b: Pick<LookAlikeEntity, 'spellings'>, sameType: boolean, parse: (spelling: string) => Parsed = parseName): boolean {
  for (const x of a.spellings.keys()) {
    const px = parse(x);
    if (px.keys.length === 0) continue;
    for (const y of b.spellings.keys()) {
      const py = parse(y);
      if (py.keys.length === 0) continue;
      if (px.compact === py.compact) return true;
      if (!sameType) continue;
      if (px.keys.length === py.keys.length && px.keys.every((k, i) => tokenKeysMatch(k, py.keys[i]))) return true;
      if (isAcronym(x) && acronymOf(y) === x) return true;
      if (isAcronym(y) && acronymOf(x) === y) return true;
    }
  }
  return false;
}

/** A spelling's word keys and compact key. */
interface Parsed {
  readonly keys: readonly string[];
  readonly compact: string;
}

function parseName(spelling: string): Parsed {
  const tokens = nameTokens(spelling);
  return { keys: tokens.map(tokenKey), compact: tokens.length ? compactKey(tokens) : '' };
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
