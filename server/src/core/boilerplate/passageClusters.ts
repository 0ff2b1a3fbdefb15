/**
 * Corpus-wide groups of repeated passages (copies joined by exact or near matches: the connected components of the
 * match graph), kept from one listing to the next. After an edit only the groups it can change are made again: those
 * holding a passage of an article changed since, and those that its new passages join. The rest, and their `Cluster`
 * objects, are kept as they were, so a listing after a keystroke costs the article and its copies, not the corpus (a
 * second at 10,000 articles).
 *
 * A group is a component of the graph whose edges go from each passage to its verified matches (`matchesOf`; matching
 * is symmetric, but for keys too common to be indexed in full: Buckets). An edit removes the edges of the article's
 * old passages, which only the groups holding them had, and adds those of its new ones, which reach every group they
 * join. The matches of other passages change only by those
 * edges (the index drops a passage's cached matches when a passage sharing a bucket with it comes or goes). So a
 * group without the article's old passages, and that its new ones do not reach, is what a full rebuild would make.
 */
import type { BoilerplateKind } from '../types';
import { passageHas, passageText, type DocState, type Passage } from './docState';
import { PASSAGE_FACTS } from './summary';
import { normalizeSpace } from './text';
import { addOne, removeOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';
import { sortedUpdate } from '../collections/sortedUpdate';

export interface ClusterPlace { uri: string; start: number; end: number }
export interface Cluster { id: string; kind: BoilerplateKind; text: string; places: ClusterPlace[] }

/** Passages gone through between two yields of `build`. */
const PASSAGES_PER_SLICE = 2000;

interface Group {
  readonly cluster: Cluster;
  /**
   * Every passage the component holds (those only met as another's match too), and the articles they are in, each
   * once (a list, not a set: most groups are in two articles, and 21,000 sets were 5 MB at 10,000 articles).
   */
  readonly nodes: readonly Passage[];
  readonly uris: readonly string[];
}

export class PassageClusters {
  private readonly groups = new Set<Group>();
  private readonly groupOf = new Map<Passage, Group>();
  private readonly groupsByUri: OneOrMany<string, Group> = new Map();
  /** Articles set or removed since the last build. */
  private readonly changed = new Set<string>();
  private built = false;
  /** The clusters of `groups`, by first place (brought up to date at each build, not sorted again). */
  private ordered: Cluster[] = [];

  /** Says that article `uri` was set, replaced or removed. */
  changedDoc(uri: string): void {
    if (this.built) this.changed.add(uri);
  }

  /**
   * The groups of two or more passages, by their first place (article, then offset). `docs` are the index's articles;
   * `matchesOf` the verified matches of a passage (cached by the index); `idCount` the number of passage ids it gave.
   */
  *build(docs: ReadonlyMap<string, DocState>, matchesOf: (p: Passage) => readonly Passage[], idCount: () => number): Generator<void, Cluster[], void> {
    // Passages of articles set between two slices (ids past `size`) are left to the next build (their articles are
    // among the changed ones then).
    const size = idCount();
    const live = (q: Passage): boolean => q.id < size && docs.get(q.doc.uri) === q.doc;
    const start: Passage[] = [];
    if (!this.built) {
      for (const doc of docs.values()) for (const p of doc.passages) if (p) start.push(p);
    } else {
      for (const uri of this.changed) {
        const doc = docs.get(uri);
        if (doc) for (const p of doc.passages) if (p) start.push(p);
        for (const g of [...valuesOf(this.groupsByUri, uri)]) this.drop(g, live, (p) => start.push(p));
      }
    }
    this.changed.clear();
    this.built = true;

    // Union-find over the passages reached from `start`, by id (ids are unique among the live passages); a group met
    // on the way is dropped and its passages reached.
    const parent = new Int32Array(size).fill(-1);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    /** Passages reached (1), and those with matches of their own (2: the places of a group; one only met as another's match is not listed). */
    const state = new Uint8Array(size);
    const byId: Passage[] = [];
    const reachedIds: number[] = [];
    const queue = start;
    const reach = (q: Passage): void => {
      if (state[q.id]) return;
      state[q.id] = 1;
      byId[q.id] = q;
      reachedIds.push(q.id);
      queue.push(q);
    };
    const seeds = start.splice(0);
    for (const p of seeds) reach(p);
    let n = 0;
    while (queue.length > 0) {
      const p = queue.pop()!;
      if (++n % PASSAGES_PER_SLICE === 0) yield;
      const met = this.groupOf.get(p);
      if (met) this.drop(met, live, reach);
      for (const q of matchesOf(p)) {
        if (!live(q)) continue;
        if (state[p.id] !== 2) {
          state[p.id] = 2;
          if (parent[p.id] < 0) parent[p.id] = p.id;
        }
        reach(q);
        if (parent[q.id] < 0) parent[q.id] = q.id;
        const a = find(p.id);
        const b = find(q.id);
        if (a !== b) parent[b] = a;
      }
    }

    const components = new Map<number, Passage[]>();
    for (const id of reachedIds) {
      if (parent[id] < 0) continue;
      const r = find(id);
      let list = components.get(r);
      if (!list) components.set(r, (list = []));
      list.push(byId[id]);
    }
    for (const nodes of components.values()) {
      const places = nodes.filter((p) => state[p.id] === 2);
      if (places.length < 2) continue;
      places.sort(byPlace);
      const first = places[0];
      const text = passageText(first);
      let normalized: string | undefined;
      let same = true;
      let chromeCount = 0;
      for (const p of places) {
        if (++n % PASSAGES_PER_SLICE === 0) yield;
        // Copies are mostly the same characters: their spaces are collapsed only when they differ.
        if (same && p !== first) {
          const t = passageText(p);
          if (t !== text) same = normalizeSpace(t) === (normalized ??= normalizeSpace(text));
        }
        if (passageHas(p, PASSAGE_FACTS.chrome)) chromeCount++;
      }
      const kind: BoilerplateKind = chromeCount * 2 > places.length ? 'chrome' : same ? 'duplicate' : 'near-duplicate';
      const cluster: Cluster = { id: `passage:${first.doc.uri}#${first.idx}`, kind, text, places: places.map(placeOf) };
      // The passages copied at their length (pushed one by one, the list had room for a third more, and is kept).
      this.keep({ cluster, nodes: nodes.slice(), uris: [...new Set(nodes.map((p) => p.doc.uri))] });
    }
    this.ordered = sortedUpdate(this.ordered, [...this.groups].map((g) => g.cluster), byFirstPlace);
    return [...this.ordered];
  }

  private keep(g: Group): void {
    this.groups.add(g);
    for (const p of g.nodes) this.groupOf.set(p, g);
    for (const uri of g.uris) addOne(this.groupsByUri, uri, g);
  }

  /** Forgets a group, its live passages given to `reach`. */
  private drop(g: Group, live: (p: Passage) => boolean, reach: (p: Passage) => void): void {
    if (!this.groups.delete(g)) return;
    for (const p of g.nodes) {
      this.groupOf.delete(p);
      if (live(p)) reach(p);
    }
    for (const uri of g.uris) removeOne(this.groupsByUri, uri, g);
  }
}

function byPlace(a: Passage, b: Passage): number {
  return a.doc.uri === b.doc.uri ? a.idx - b.idx : a.doc.uri < b.doc.uri ? -1 : 1;
}

function byFirstPlace(a: Cluster, b: Cluster): number {
  const p = a.places[0];
  const q = b.places[0];
  return p.uri === q.uri ? p.start - q.start : p.uri < q.uri ? -1 : 1;
}

function placeOf(p: Passage): ClusterPlace {
  return { uri: p.doc.uri, start: p.start, end: p.end };
}
