/**
 * Search over entities by any of their names, ignoring case and diacritics and tolerating transliteration:
 * `khamlieng` finds Khamliang Outhakaysone, `viet nam` finds Vietnam, `outhak` (a prefix) finds him too.
 * Ranking: the whole name matches; every query word is a word of the name; every query word matches a word of the
 * name fuzzily or as its prefix. Then by mention count, name and id.
 *
 * The index is kept up to date entity by entity (`add`, `remove`): a clustering kept up to date article by article
 * (incrementalClustering.ts) brings its index up to date with the entities an update replaced, instead of indexing the
 * corpus's entities again for its first search after each pause in typing (0.4 s and more at 10,000 articles, which
 * the analyst waited for in Find Entity…).
 */
import { compactKey, deletionVariants, nameTokens, tokenKey, tokenKeysMatch } from './nameKey';
import { addOne, removeOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';
import type { EntityCluster } from './aliases';

const WHOLE = 3;
const WORDS = 2;
const LOOSE = 1;

export class EntitySearch {
  // Most keys name one entity (one word, for a variant): a set each was a fifth of the server's heap at 2,000 articles.
  private readonly byCompact: OneOrMany<string, EntityCluster> = new Map();
  private readonly byKey: OneOrMany<string, EntityCluster> = new Map();
  private readonly byVariant: OneOrMany<string, string> = new Map();
  /**
   * Every word and word key met, and the keys whose deletion variants are indexed. A word no entity has any more stays
   * (it finds no entity): what an analyst types adds a few.
   */
  private readonly vocabulary = new Set<string>();
  private readonly keys = new Set<string>();
  /** The vocabulary in order (for prefixes), and the words met since it was put in order. */
  private sorted: string[] = [];
  private fresh: string[] = [];

  /** `namesOf` must give an entity the same names each time it is asked (when it is added, and when removed). */
  constructor(private readonly namesOf: (c: EntityCluster) => Iterable<string>) {}

  add(c: EntityCluster): void {
    this.postingsOf(
      c,
      (map, key) => addOne(map, key, c),
      (t, k) => {
        this.word(k);
        this.word(t);
        if (!this.keys.has(k)) {
          this.keys.add(k);
          for (const v of deletionVariants(k)) addOne(this.byVariant, v, k);
        }
      },
    );
  }

  /** Takes out an entity added before (every name of it: it is in no posting afterwards). */
  remove(c: EntityCluster): void {
    this.postingsOf(c, (map, key) => removeOne(map, key, c));
  }

  /**
   * Each posting of `c`'s names, as the map and key it is held under (its whole name's compact key; each word and the
   * word's key), and each word with its key (`word`).
   */
  private postingsOf(c: EntityCluster, posting: (map: OneOrMany<string, EntityCluster>, key: string) => void, word?: (t: string, k: string) => void): void {
    for (const name of this.namesOf(c)) {
      const tokens = nameTokens(name);
      if (tokens.length === 0) continue;
      posting(this.byCompact, compactKey(tokens));
      for (const t of tokens) {
        const k = tokenKey(t);
        posting(this.byKey, k);
        posting(this.byKey, t);
        word?.(t, k);
      }
    }
  }

  find(query: string): EntityCluster[] {
    const tokens = nameTokens(query);
    if (tokens.length === 0) return [];
    let level: Map<EntityCluster, number> | undefined;
    for (const t of tokens) {
      const hits = this.matchWord(t);
      if (!level) level = hits;
      else {
        const next = new Map<EntityCluster, number>();
        for (const [c, l] of level) {
          const h = hits.get(c);
          if (h !== undefined) next.set(c, Math.min(l, h));
        }
        level = next;
      }
      if (level.size === 0) break;
    }
    const result = level ?? new Map<EntityCluster, number>();
    for (const c of valuesOf(this.byCompact, compactKey(tokens))) result.set(c, WHOLE);
    return [...result.entries()]
      .sort(([a, la], [b, lb]) => lb - la || countOf(b) - countOf(a) || cmp(a.canonical, b.canonical) || cmp(a.entityId, b.entityId))
      .map(([c]) => c);
  }

  private word(w: string): void {
    if (this.vocabulary.has(w)) return;
    this.vocabulary.add(w);
    this.fresh.push(w);
  }

  private matchWord(token: string): Map<EntityCluster, number> {
    const hits = new Map<EntityCluster, number>();
    const put = (keys: Iterable<string>, l: number): void => {
      for (const k of keys) for (const c of valuesOf(this.byKey, k)) if ((hits.get(c) ?? 0) < l) hits.set(c, l);
    };
    const key = tokenKey(token);
    const fuzzy = new Set<string>();
    for (const v of deletionVariants(key)) for (const k of valuesOf(this.byVariant, v)) if (tokenKeysMatch(key, k)) fuzzy.add(k);
    put(fuzzy, LOOSE);
    if (token.length >= 2) {
      put(this.withPrefix(token), LOOSE);
      put(this.withPrefix(key), LOOSE);
    }
    put([key, token], WORDS);
    return hits;
  }

  private withPrefix(p: string): string[] {
    const sorted = this.inOrder();
    const out: string[] = [];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].startsWith(p); i++) out.push(sorted[i]);
    return out;
  }

  /** The vocabulary in order: the words met since last time sorted, then merged in. */
  private inOrder(): string[] {
    if (this.fresh.length === 0) return this.sorted;
    const fresh = this.fresh.sort(cmp);
    this.fresh = [];
    const old = this.sorted;
    if (old.length === 0) return (this.sorted = fresh);
    const merged = new Array<string>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) merged[k] = j >= fresh.length || (i < old.length && old[i] < fresh[j]) ? old[i++] : fresh[j++];
    return (this.sorted = merged);
  }
}

/** A search over `clusters`, its index made on the first search. */
export function searchOf(clusters: readonly EntityCluster[], namesOf: (c: EntityCluster) => Iterable<string>): (query: string) => EntityCluster[] {
  let search: EntitySearch | undefined;
  return (query) => {
    if (!search) {
      search = new EntitySearch(namesOf);
      for (const c of clusters) search.add(c);
    }
    return search.find(query);
  };
}

/** `mentionCountOf` (aliases.ts, which imports this module). */
function countOf(c: EntityCluster): number {
  return c.mentionCount ?? c.mentions.length;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
