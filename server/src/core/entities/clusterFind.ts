/**
 * Search over clusters by any of their names, ignoring case and diacritics and tolerating transliteration:
 * `khamlieng` finds Khamliang Outhakaysone, `viet nam` finds Vietnam, `outhak` (a prefix) finds him too.
 * Ranking: the whole name matches; every query word is a word of the name; every query word matches a word of the
 * name fuzzily or as its prefix. Then by mention count.
 */
import { compactKey, deletionVariants, nameTokens, tokenKey, tokenKeysMatch } from './nameKey';
import { addOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';

const WHOLE = 3;
const WORDS = 2;
const LOOSE = 1;

export interface Findable {
  readonly mentionCount: number;
  readonly canonical: string;
}

export function createFinder<C extends Findable>(clusters: readonly C[], namesOf: (c: C) => Iterable<string>): (query: string) => C[] {
  // Most keys name one cluster (one word, for a variant): a set each was a fifth of the server's heap at 2,000 articles.
  const byCompact: OneOrMany<string, number> = new Map();
  const byKey: OneOrMany<string, number> = new Map();
  const byVariant: OneOrMany<string, string> = new Map();
  const vocabulary = new Set<string>();
  clusters.forEach((c, i) => {
    for (const name of namesOf(c)) {
      const tokens = nameTokens(name);
      if (tokens.length === 0) continue;
      addOne(byCompact, compactKey(tokens), i);
      for (const t of tokens) {
        const k = tokenKey(t);
        addOne(byKey, k, i);
        addOne(byKey, t, i);
        vocabulary.add(k);
        vocabulary.add(t);
        for (const v of deletionVariants(k)) addOne(byVariant, v, k);
      }
    }
  });
  const sorted = [...vocabulary].sort();

  return (query: string): C[] => {
    const tokens = nameTokens(query);
    if (tokens.length === 0) return [];
    let level: Map<number, number> | undefined;
    for (const t of tokens) {
      const hits = matchWord(t);
      if (!level) level = hits;
      else {
        const next = new Map<number, number>();
        for (const [i, l] of level) {
          const h = hits.get(i);
          if (h !== undefined) next.set(i, Math.min(l, h));
        }
        level = next;
      }
      if (level.size === 0) break;
    }
    const result = level ?? new Map<number, number>();
    for (const i of valuesOf(byCompact, compactKey(tokens))) result.set(i, WHOLE);
    return [...result.entries()]
      .sort(
        ([a, la], [b, lb]) =>
          lb - la || clusters[b].mentionCount - clusters[a].mentionCount || cmp(clusters[a].canonical, clusters[b].canonical),
      )
      .map(([i]) => clusters[i]);
  };

  function matchWord(token: string): Map<number, number> {
    const hits = new Map<number, number>();
    const put = (keys: Iterable<string>, l: number): void => {
      for (const k of keys) for (const i of valuesOf(byKey, k)) if ((hits.get(i) ?? 0) < l) hits.set(i, l);
    };
    const key = tokenKey(token);
    const fuzzy = new Set<string>();
    for (const v of deletionVariants(key)) for (const k of valuesOf(byVariant, v)) if (tokenKeysMatch(key, k)) fuzzy.add(k);
    put(fuzzy, LOOSE);
    if (token.length >= 2) {
      put(withPrefix(token), LOOSE);
      put(withPrefix(key), LOOSE);
    }
    put([key, token], WORDS);
    return hits;
  }

  function withPrefix(p: string): string[] {
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
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
