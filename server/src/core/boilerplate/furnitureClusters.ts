/**
 * Corpus-wide groups of short furniture lines, by shape (digits masked), for a tree view: the short lines (outside
 * passages) of every article, by shape, kept from one listing to the next. After an edit only the changed articles'
 * lines are read again, and only the groups of their shapes made again; whether a shape is furniture (recurring in
 * several articles, mostly outside their bodies) is read from the corpus statistics at each listing.
 */
import type { CorpusStats } from './corpusStats';
import { MIN_RECURRENCE } from './corpusChrome';
import type { DocState } from './docState';
import type { Cluster, ClusterPlace } from './passageClusters';

/** Articles gone through between two yields. */
const DOCS_PER_SLICE = 100;

interface Shape {
  /** The places of its lines, by article. */
  readonly byUri: Map<string, ClusterPlace[]>;
  /** Its group as last made; undefined once an article with this shape changed. */
  cluster?: Cluster;
}

export class FurnitureClusters {
  private readonly shapes = new Map<string, Shape>();
  /** The shapes of each article's short lines outside passages, as last read. */
  private readonly shapesOf = new Map<string, string[]>();
  /** Articles set or removed since the last build (all of them before the first). */
  private readonly changed = new Set<string>();
  private built = false;

  changedDoc(uri: string): void {
    if (this.built) this.changed.add(uri);
  }

  /** The groups of shapes that are furniture now, by their first place (article, then offset). */
  *build(docs: ReadonlyMap<string, DocState>, stats: CorpusStats): Generator<void, Cluster[], void> {
    const toRead = this.built ? [...this.changed] : [...docs.keys()];
    this.changed.clear();
    this.built = true;
    let n = 0;
    for (const uri of toRead) {
      if (++n % DOCS_PER_SLICE === 0) yield;
      for (const shape of this.shapesOf.get(uri) ?? []) {
        const s = this.shapes.get(shape);
        if (!s) continue;
        s.byUri.delete(uri);
        s.cluster = undefined;
        if (s.byUri.size === 0) this.shapes.delete(shape);
      }
      this.shapesOf.delete(uri);
      const doc = docs.get(uri);
      if (doc) this.read(doc);
    }
    const out: Cluster[] = [];
    for (const [shape, s] of this.shapes) {
      if (s.byUri.size < MIN_RECURRENCE) continue;
      const e = stats.shapes.get(shape);
      if (!e || e.docs < MIN_RECURRENCE || e.top + e.tail <= e.body) continue;
      if (!s.cluster) {
        const uris = [...s.byUri.keys()].sort();
        const places = uris.flatMap((u) => s.byUri.get(u)!);
        const first = places[0];
        s.cluster = { id: `shape:${shape}`, kind: 'chrome', text: docs.get(first.uri)!.text.slice(first.start, first.end), places };
      }
      out.push(s.cluster);
    }
    return out;
  }

  /** Records the short lines of `doc` outside its passages (from its summary: no article is laid out). */
  private read(doc: DocState): void {
    const own: string[] = [];
    for (const { idx, start, end } of doc.shortLines) {
      const shape = doc.shapeAt(idx);
      if (!shape || doc.passageAt(idx)) continue;
      let s = this.shapes.get(shape);
      if (!s) this.shapes.set(shape, (s = { byUri: new Map() }));
      let places = s.byUri.get(doc.uri);
      if (!places) {
        s.byUri.set(doc.uri, (places = []));
        s.cluster = undefined;
        own.push(shape);
      }
      places.push({ uri: doc.uri, start, end });
    }
    if (own.length) this.shapesOf.set(doc.uri, own);
  }
}
