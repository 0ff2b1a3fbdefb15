/**
 * Partial person names resolved to a full name: a single token (`Chinh`, `Quang`, `Vilay`, `Outhakaysone`) joins
 * the one full PERSON name of its document that has that token (any position: Vietnamese names are referred to by
 * the last token, Lao names by either), else the one such name in the corpus. A token shared by two people of the
 * document (or, failing the document, of the corpus) stays unresolved, merged with neither. A shorter multi-token
 * name (`Minh Chinh`, `Robert O’Brien`) joins the one longer name of the same document that contains its tokens
 * contiguously, initials aside (`Pham Minh Chinh`, `Robert C. O’Brien`).
 */
import type { CancellationToken } from '../types';
import { throwIfCancelled } from '../types';
import { deletionVariantHashes, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH, tokenKeysMatch } from './nameKey';
import { IntTable } from '../collections/intTable';
import type { FormNode, UnionFind } from './clusterGraph';

export interface PlacedMention {
  readonly node: number;
  /** Union–find root of the entity the mention belongs to. */
  root: number;
  /** True when the mention's own name form names its entity (not resolved as a partial name). */
  core: boolean;
}

export interface FullName {
  readonly root: number;
  readonly keys: readonly string[];
}

type TokenIndex = Map<string, Set<number>>;

/**
 * The corpus's full person names by key: the entities (union–find roots) whose full names have that key. A set, or a
 * map whose keys are the roots (incrementalClustering.ts counts the names behind each).
 */
export interface CorpusPersons {
  get(key: string): ReadonlySet<number> | ReadonlyMap<number, number> | undefined;
}

function addName(index: TokenIndex, name: FullName): void {
  for (const k of name.keys) {
    let set = index.get(k);
    if (!set) index.set(k, (set = new Set()));
    set.add(name.root);
  }
}

function isFullPerson(node: FormNode): boolean {
  return node.group === 'P' && !node.partial && node.form.keys.length >= 2;
}

/** Corpus-wide index of full person names' tokens, with the registry's person names (which may have no mention). */
export function corpusPersonIndex(nodes: readonly FormNode[], uf: UnionFind, extra: readonly FullName[]): TokenIndex {
  const index: TokenIndex = new Map();
  for (const node of nodes) if (isFullPerson(node)) addName(index, { root: uf.find(node.index), keys: node.form.keys });
  for (const name of extra) if (name.keys.length >= 2) addName(index, { root: uf.find(name.root), keys: name.keys });
  return index;
}

/** Sets `root`/`core` of every mention of one document (its mentions' roots start as their nodes' roots). */
export function resolveDocumentPartials(
  mentions: PlacedMention[],
  nodes: readonly FormNode[],
  uf: Pick<UnionFind, 'ownerOf'>,
  corpus: CorpusPersons,
  token?: CancellationToken,
): void {
  throwIfCancelled(token);
  // First the shorter multi-word names (`Minh Chinh` inside `Pham Minh Chinh`), so that they do not count as
  // another person when single tokens are resolved.
  const fullNames = new Map<number, FullName[]>();
  const listed = new Set<string>();
  // The mentions of one node share its keys, and start with the same root: what is found for the first of them holds
  // for the others (a page of one name written again and again repeats it; each made a string and a search).
  const nodeRoots = new NodeRoots();
  for (const m of mentions) {
    const node = nodes[m.node];
    if (!isFullPerson(node) || !nodeRoots.first(m.node, m.root)) continue;
    const name = { root: m.root, keys: node.form.keys };
    const seen = `${m.root}\u0000${name.keys.join('\u0000')}`;
    if (listed.has(seen)) continue;
    listed.add(seen);
    const list = fullNames.get(m.root);
    if (!list) fullNames.set(m.root, [name]);
    else list.push(name);
  }
  // Which entities' names hold two keys in a row (initials between them aside): only those can contain a shorter
  // name that starts with these two keys.
  const byPair: TokenIndex = new Map();
  for (const list of fullNames.values()) for (const name of list) addPairs(byPair, name);
  // The longer name containing each node's keys, by node (with the root it was asked for; -1: none).
  const containing = new Map<number, { readonly own: number; readonly root: number }>();
  for (const m of mentions) {
    const node = nodes[m.node];
    if (!isFullPerson(node) || uf.ownerOf(m.node) !== undefined) continue;
    let known = containing.get(m.node);
    if (known === undefined || known.own !== m.root) {
      known = { own: m.root, root: containingName(node.form.keys, m.root, fullNames, byPair) ?? -1 };
      containing.set(m.node, known);
    }
    if (known.root >= 0) {
      m.root = known.root;
      m.core = false;
    }
  }
  const docIndex: TokenIndex = new Map();
  const indexed = new NodeRoots();
  for (const m of mentions) if (isFullPerson(nodes[m.node]) && indexed.first(m.node, m.root)) addName(docIndex, { root: m.root, keys: nodes[m.node].form.keys });
  const lookup = new DocumentTokens(docIndex);
  const partials: string[] = [];
  for (const m of mentions) if (nodes[m.node].partial) partials.push(nodes[m.node].form.keys[0]);
  lookup.prepare(partials);
  for (const m of mentions) {
    if (!nodes[m.node].partial) continue;
    const root = resolveToken(nodes[m.node].form.keys[0], lookup, corpus);
    if (root !== undefined) {
      m.root = root;
      m.core = false;
    }
  }
}

/** The (node, root) pairs met so far: a node's mentions mostly share one root, kept without a string for the pair. */
class NodeRoots {
  private readonly roots = new Map<number, number | Set<number>>();

  /** Whether `(node, root)` is met for the first time (it is then remembered). */
  first(node: number, root: number): boolean {
    const had = this.roots.get(node);
    if (had === undefined) {
      this.roots.set(node, root);
      return true;
    }
    if (had === root) return false;
    if (typeof had === 'number') {
      this.roots.set(node, new Set([had, root]));
      return true;
    }
    if (had.has(root)) return false;
    had.add(root);
    return true;
  }
}

/**
 * Strings' one-deletion variants (`deletionVariantHashes`) as chains of entries in typed arrays: by the hash of a
 * variant, its last entry; each entry the index of the string it came from (`at`) and the entry before it under the
 * same hash (`next`, -1 at the end). No object per variant: a page of thousands of similar names has hundreds of
 * thousands of variants, many shared, and a list for each shared one was most of the garbage collector's work here.
 */
class VariantChains {
  private readonly byVariant: IntTable;
  readonly at: Int32Array;
  readonly next: Int32Array;
  private entries = 0;

  /** The variants of `strings`, with room for all at once (a string has at most one more than its length). */
  constructor(strings: readonly string[], hashes: number[]) {
    let variants = 0;
    for (const k of strings) variants += k.length + 1;
    this.byVariant = new IntTable(variants);
    this.at = new Int32Array(variants);
    this.next = new Int32Array(variants);
    for (let at = 0; at < strings.length; at++) {
      const count = deletionVariantHashes(strings[at], hashes);
      for (let v = 0; v < count; v++) {
        const e = this.entries++;
        this.at[e] = at;
        this.next[e] = this.byVariant.get(hashes[v]);
        this.byVariant.set(hashes[v], e);
      }
    }
  }

  /** The last entry under a variant's hash, or -1. */
  first(hash: number): number {
    return this.byVariant.get(hash);
  }
}

/**
 * The entities of one document's full names that a token names: those with that very key, else those with a
 * transliteration variant of it (`Lakhamfong` beside `Vilay Lakhamphong`). Variants are found through one-deletion
 * variants, as full names are merged (clusterGraph.ts), not by comparing the token with every key of the document: a
 * page of distinct names and surnames would cost the product of the two. Answers are kept per token.
 */
class DocumentTokens {
  /** The keys of the document that may be spelt one edit off (`fuzzyLength`), and their variants. */
  private keys: string[] | undefined;
  private chains: VariantChains | undefined;
  /** The query that last compared each key (`rootsOf`: a key reached through several variants is compared once). */
  private comparedBy = new Int32Array(0);
  private queries = 0;
  private readonly answers = new Map<string, Set<number> | undefined>();
  private readonly hashes: number[] = [];

  constructor(private readonly index: TokenIndex) {}

  /**
   * Answers at once the tokens of `queries` that need a look-up by variant, when they have fewer variants than the
   * document's keys: their variants are indexed, and each key's variants find the tokens it may be (the relation is
   * symmetric). A page of thousands of names and thousands of surnames met once each indexed the longer side.
   */
  prepare(queries: readonly string[]): void {
    const fuzzy: string[] = [];
    const listed = new Set<string>();
    let queryVariants = 0;
    for (const q of queries) {
      if (listed.has(q) || this.answers.has(q) || this.index.has(q) || !fuzzyLength(q)) continue;
      listed.add(q);
      fuzzy.push(q);
      queryVariants += q.length + 1;
    }
    if (fuzzy.length === 0) return;
    const keys = this.fuzzyKeys();
    let keyVariants = 0;
    for (const k of keys) keyVariants += k.length + 1;
    if (queryVariants >= keyVariants) return; // asked one by one (`rootsOf`), through the keys' variants
    const chains = new VariantChains(fuzzy, this.hashes);
    const found = new Array<Set<number> | undefined>(fuzzy.length);
    const comparedBy = new Int32Array(fuzzy.length);
    for (let at = 0; at < keys.length; at++) {
      const count = deletionVariantHashes(keys[at], this.hashes);
      for (let v = 0; v < count; v++) {
        for (let e = chains.first(this.hashes[v]); e >= 0; e = chains.next[e]) {
          const q = chains.at[e];
          if (comparedBy[q] === at + 1) continue;
          comparedBy[q] = at + 1;
          if (tokenKeysMatch(fuzzy[q], keys[at])) for (const r of this.index.get(keys[at])!) (found[q] ??= new Set()).add(r);
        }
      }
    }
    for (let q = 0; q < fuzzy.length; q++) this.answers.set(fuzzy[q], found[q]);
  }

  rootsOf(key: string): Set<number> | undefined {
    const exact = this.index.get(key);
    if (exact) return exact;
    // A key too short or too long for an edit matches only itself (tokenKeysMatch).
    if (!fuzzyLength(key)) return undefined;
    if (this.answers.has(key)) return this.answers.get(key);
    const keys = this.fuzzyKeys();
    const chains = (this.chains ??= new VariantChains(keys, this.hashes));
    if (this.comparedBy.length < keys.length) this.comparedBy = new Int32Array(keys.length);
    // Which entities the key names; the order they are met in does not matter (resolveToken takes a lone one only).
    let fuzzy: Set<number> | undefined;
    const query = ++this.queries;
    const count = deletionVariantHashes(key, this.hashes);
    for (let v = 0; v < count; v++) {
      for (let e = chains.first(this.hashes[v]); e >= 0; e = chains.next[e]) {
        const at = chains.at[e];
        if (this.comparedBy[at] === query) continue;
        this.comparedBy[at] = query;
        if (tokenKeysMatch(key, keys[at])) for (const r of this.index.get(keys[at])!) (fuzzy ??= new Set()).add(r);
      }
    }
    this.answers.set(key, fuzzy);
    return fuzzy;
  }

  private fuzzyKeys(): string[] {
    return (this.keys ??= [...this.index.keys()].filter(fuzzyLength));
  }
}

function fuzzyLength(key: string): boolean {
  return key.length >= FUZZY_MIN_LENGTH && key.length <= FUZZY_MAX_LENGTH;
}

function resolveToken(key: string, doc: DocumentTokens, corpus: CorpusPersons): number | undefined {
  const inDoc = doc.rootsOf(key);
  if (inDoc) return inDoc.size === 1 ? first(inDoc) : undefined;
  const inCorpus = corpus.get(key);
  return inCorpus && inCorpus.size === 1 ? first(inCorpus) : undefined;
}

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

/** Indexes the name under each pair of keys that `containsRun` can match in a row: neighbours, or across initials. */
function addPairs(index: TokenIndex, name: FullName): void {
  const keys = name.keys;
  const add = (k: string): void => {
    let set = index.get(k);
    if (!set) index.set(k, (set = new Set()));
    set.add(name.root);
  };
  for (let i = 0; i + 1 < keys.length; i++) {
    let k = i + 1;
    add(pairKey(keys[i], keys[k]));
    while (keys[k].length === 1 && k + 1 < keys.length) add(pairKey(keys[i], keys[++k]));
  }
}

/**
 * The one other entity of the document whose longer name contains these keys contiguously. Only the entities whose
 * names hold every pair of neighbouring keys are looked at (not every person of the document for every name).
 */
function containingName(keys: readonly string[], ownRoot: number, names: Map<number, FullName[]>, byPair: TokenIndex): number | undefined {
  const sets: Set<number>[] = [];
  for (let j = 0; j + 1 < keys.length; j++) {
    const set = byPair.get(pairKey(keys[j], keys[j + 1]));
    if (!set) return undefined;
    sets.push(set);
  }
  sets.sort((a, b) => a.size - b.size);
  let found: number | undefined;
  for (const root of sets[0] ?? []) {
    const list = names.get(root);
    if (root === ownRoot || !list || !sets.every((set) => set.has(root))) continue;
    if (!list.some((n) => n.keys.length > keys.length && containsRun(n.keys, keys))) continue;
    if (found !== undefined) return undefined;
    found = root;
  }
  return found;
}

/** The needle's words appear in order in the hay, contiguously except for skipped initials (`Robert C. O’Brien`). */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    let h = i;
    for (let j = 0; j < needle.length; j++, h++) {
      while (j > 0 && h < hay.length && hay[h] !== needle[j] && hay[h].length === 1) h++;
      if (h >= hay.length || hay[h] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

function first(set: ReadonlySet<number> | ReadonlyMap<number, number>): number {
  return set.keys().next().value as number;
}
