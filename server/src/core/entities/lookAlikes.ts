/**
 * Entities that may be one another written differently, and that clustering kept apart: a spelling with the same words
 * (`Party` as an organisation and as an other name), or, of the same type, each word one spelling apart
 * (`Lakhamphong`/`Lakhamfong`) or one an acronym of the other (`EU`/`European Union`). The worklist offers them as
 * possible merges (core/worklist.ts). Found through the clustering's name search; a clustering computed away from the
 * requests' thread (clusteringSnapshot.ts) carries them, found there, so that no index over every name is built where
 * requests are answered.
 */
import { mentionCountOf, type EntityCluster, type EntityClustering } from './aliases';
import { StringIds } from '../collections/stringIds';
import { compactKey, deletionVariants, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH, nameTokens, tokenKey, tokenKeysMatch } from './nameKey';

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
 * `lookAlikes` of every entity at once, by blocking keys rather than a search per name: the same words (compact key),
 * one word of the name in the same place of a name as long (the rarest of its words), one spelling apart for names of
 * one word, the acronym; each candidate verified as the search verifies it. Only entities with mentions are offered.
 * For a clustering made away from the requests' thread (clusteringSnapshot.ts). The lists hold indexes into `entities`.
 *
 * At 10,000 articles it verifies 2.3 million candidates (3.8 million pairs of spellings) among 70,000 entities, so
 * the verification compares numbers (`SpellingTable`), and compares two word keys by spelling only when both are long
 * enough and begin alike: 1.8 -> 1.15 s there, the same lists.
 */
export function allLookAlikes(entities: readonly LookAlikeEntity[], limit: number): Map<number, number[]> {
  const table = new SpellingTable();
  const n = entities.length;
  // Each entity's spellings with words, as numbers of the table (`spellings` from `spellingsAt[i]`).
  const spellingsAt = new Int32Array(n + 1);
  const spellings: number[] = [];
  const acronyms = new Int32Array(n);
  const mentioned = new Uint8Array(n);
  const types = new Int32Array(n);
  const typeIds = new StringIds();
  const byCompact = new Map<number, number[]>();
  const byWord = new Map<number, number[]>();
  const byAcronym = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = 0; i < n; i++) {
    const entity = entities[i];
    for (const s of entity.spellings.keys()) {
      const id = table.of(s);
      if (table.hasWords(id)) spellings.push(id);
      if (table.acronym[id] >= 0) add(byAcronym, table.acronym[id], i);
    }
    spellingsAt[i + 1] = spellings.length;
    acronyms[i] = isAcronym(entity.canonical) ? table.ids.of(entity.canonical) : -1;
    mentioned[i] = entity.mentionCount > 0 ? 1 : 0;
    types[i] = typeIds.of(entity.type);
  }
  for (let i = 0; i < n; i++) {
    for (let k = spellingsAt[i]; k < spellingsAt[i + 1]; k++) {
      const id = spellings[k];
      add(byCompact, table.compact[id], i);
      for (const key of table.blocksOf(id)) add(byWord, key, i);
    }
  }
  const out = new Map<number, number[]>();
  // The candidates of entity i, in the order first met: `marked[j] === i + 1` once j is one.
  const marked = new Int32Array(n);
  const candidates: number[] = [];
  const take = (i: number, list: readonly number[] | undefined, max: number) => {
    if (list === undefined || list.length > max) return;
    const stamp = i + 1;
    for (const j of list) {
      if (j === i || marked[j] === stamp) continue;
      marked[j] = stamp;
      candidates.push(j);
    }
  };
  for (let i = 0; i < n; i++) {
    candidates.length = 0;
    for (let k = spellingsAt[i]; k < spellingsAt[i + 1]; k++) {
      const id = spellings[k];
      take(i, byCompact.get(table.compact[id]), MAX_BLOCK);
      const blocks = table.blocksOf(id);
      if (table.wordCount(id) === 1) for (const key of blocks) take(i, byWord.get(key), MAX_BLOCK);
      else {
        let smallest: readonly number[] = byWord.get(blocks[0]) ?? [];
        for (let p = 1; p < blocks.length; p++) {
          const b = byWord.get(blocks[p]) ?? [];
          if (b.length < smallest.length) smallest = b;
        }
        take(i, smallest, MAX_BLOCK);
      }
    }
    if (acronyms[i] >= 0) take(i, byAcronym.get(acronyms[i]), Infinity);
    const found: number[] = [];
    for (const j of candidates) {
      if (mentioned[j] === 0) continue;
      const sameType = types[j] === types[i];
      if (table.anyAlike(spellings, spellingsAt[i], spellingsAt[i + 1], spellingsAt[j], spellingsAt[j + 1], sameType)) found.push(j);
    }
    if (!found.length) continue;
    found.sort((a, b) => entities[b].mentionCount - entities[a].mentionCount || (entities[a].canonical < entities[b].canonical ? -1 : entities[a].canonical > entities[b].canonical ? 1 : 0));
    out.set(i, found.slice(0, limit));
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

/**
 * Distinct spellings, each read once (`spellingFacts`) and numbered, with what telling look-alikes compares of them,
 * as numbers (`ids`: equal strings, equal numbers): its compact key, its word keys, itself as an acronym, its initials.
 * `allLookAlikes` reads every spelling of the corpus into one; `sameName` the two entities' into one of its own.
 */
class SpellingTable {
  readonly ids = new StringIds();
  private readonly numbers = new Map<string, number>();
  readonly compact: number[] = [];
  /** Its word keys are `keys` from `keysAt[id]` to `keysAt[id + 1]`. */
  private readonly keysAt: number[] = [0];
  private readonly keys: number[] = [];
  /**
   * By number of a word key: its first code unit when `tokenKeysMatch` may match it with another key (as long as
   * FUZZY_MIN_LENGTH to FUZZY_MAX_LENGTH), else -1. Two keys that differ can only match when both have the same here.
   */
  private readonly fuzzy: number[] = [];
  /** Its own number when it is an acronym, else -1. */
  private readonly asAcronym: number[] = [];
  /** The number of its initials, or -1. */
  readonly acronym: number[] = [];
  /** Its blocking keys (`blocksOf`), once made. */
  private readonly blocks: (number[] | undefined)[] = [];
  private readonly blockIds = new StringIds();

  /** The number of `spelling`, added when new. */
  of(spelling: string): number {
    let id = this.numbers.get(spelling);
    if (id !== undefined) return id;
    id = this.compact.length;
    this.numbers.set(spelling, id);
    const f = spellingFacts(spelling);
    this.compact.push(this.ids.of(f.compact));
    for (const k of f.keys) {
      const key = this.ids.of(k);
      this.keys.push(key);
      while (this.fuzzy.length <= key) this.fuzzy.push(-1);
      if (k.length >= FUZZY_MIN_LENGTH && k.length <= FUZZY_MAX_LENGTH) this.fuzzy[key] = k.charCodeAt(0);
    }
    this.keysAt.push(this.keys.length);
    this.asAcronym.push(f.isAcronym ? this.ids.of(f.text) : -1);
    this.acronym.push(f.acronym !== undefined ? this.ids.of(f.acronym) : -1);
    return id;
  }

  /** Its blocking keys (`allLookAlikes`): the one-deletion variants of a one-word name, else each word in its place. */
  blocksOf(id: number): readonly number[] {
    let blocks = this.blocks[id];
    if (blocks) return blocks;
    const keys = this.keys.slice(this.keysAt[id], this.keysAt[id + 1]).map((k) => this.ids.texts[k]);
    // Keys are letters and digits: a variant never reads as the place and word of a longer name.
    const ids = this.blockIds;
    blocks = keys.length === 1 ? deletionVariants(keys[0]).map((v) => ids.of(v)) : keys.map((k, p) => ids.of(`${keys.length}:${p}:${k}`));
    this.blocks[id] = blocks;
    return blocks;
  }

  wordCount(id: number): number {
    return this.keysAt[id + 1] - this.keysAt[id];
  }

  hasWords(id: number): boolean {
    return this.wordCount(id) > 0;
  }

  /**
   * Whether a spelling of `list[aFrom..aTo)` and one of `list[bFrom..bTo)` name alike: the same words (compact key), or,
   * when `sameType`, word keys that match one for one (`tokenKeysMatch`) or one the other's acronym.
   */
  anyAlike(list: readonly number[], aFrom: number, aTo: number, bFrom: number, bTo: number, sameType: boolean): boolean {
    for (let a = aFrom; a < aTo; a++) {
      const x = list[a];
      for (let b = bFrom; b < bTo; b++) {
        const y = list[b];
        if (this.compact[x] === this.compact[y]) return true;
        if (!sameType) continue;
        if (this.wordCount(x) === this.wordCount(y) && this.keysMatch(x, y)) return true;
        if (this.asAcronym[x] >= 0 && this.acronym[y] === this.asAcronym[x]) return true;
        if (this.asAcronym[y] >= 0 && this.acronym[x] === this.asAcronym[y]) return true;
      }
    }
    return false;
  }

  /** Whether every word key of `x` matches the one in its place in `y` (`tokenKeysMatch`), both as many. */
  private keysMatch(x: number, y: number): boolean {
    const xAt = this.keysAt[x];
    const yAt = this.keysAt[y];
    const count = this.keysAt[x + 1] - xAt;
    for (let p = 0; p < count; p++) {
      const a = this.keys[xAt + p];
      const b = this.keys[yAt + p];
      if (a === b) continue;
      const first = this.fuzzy[a];
      if (first < 0 || first !== this.fuzzy[b] || !tokenKeysMatch(this.ids.texts[a], this.ids.texts[b])) return false;
    }
    return true;
  }
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
  const list: number[] = [];
  const read = (e: Pick<LookAlikeEntity, 'spellings'>) => {
    for (const s of e.spellings.keys()) {
      const id = table.of(s);
      if (table.hasWords(id)) list.push(id);
    }
  };
  read(a);
  const split = list.length;
  read(b);
  return table.anyAlike(list, 0, split, split, list.length, sameType);
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
