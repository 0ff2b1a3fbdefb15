/**
 * Corpus-wide groups of short furniture lines, by shape (digits masked), for a tree view: the short lines (outside
 * passages) of every article, by shape, kept from one listing to the next. After an edit only the changed articles'
 * lines are read again, and only the groups of their shapes made again; whether a shape is furniture (recurring in
 * several articles, mostly outside their bodies) is read from the corpus statistics at each listing.
 *
 * Each shape keeps only the articles it is met in; the places of its lines are read again from those articles'
 * summaries when its group is made. Most shapes are met in one article and are never listed: with their places kept,
 * at 10,000 articles the shapes held about 26 MB for the life of the Boilerplate view.
 */
import type { CorpusStats } from './corpusStats';
import { MIN_RECURRENCE } from './corpusChrome';
import type { DocState } from './docState';
import type { Cluster, ClusterPlace } from './passageClusters';

/** Articles gone through between two yields. */
const DOCS_PER_SLICE = 100;

interface Shape {
  /** The articles with a line of this shape: the one, or several. */
  uris: string | Set<string>;
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
        s.cluster = undefined;
        if (typeof s.uris === 'string') this.shapes.delete(shape);
        else {
          s.uris.delete(uri);
          if (s.uris.size === 1) s.uris = s.uris.values().next().value!;
        }
      }
      this.shapesOf.delete(uri);
      const doc = docs.get(uri);
      if (doc) this.read(doc);
    }
    // The shapes listed, in the order met; those whose group is made again get their places from their articles.
    const listed: [string, Shape][] = [];
    const placesOf = new Map<string, Map<string, ClusterPlace[]>>();
    const toPlace = new Set<string>();
    for (const [shape, s] of this.shapes) {
      if (typeof s.uris === 'string' || s.uris.size < MIN_RECURRENCE) continue;
      const e = stats.shapes.get(shape);
      if (!e || e.docs < MIN_RECURRENCE || e.top + e.tail <= e.body) continue;
      listed.push([shape, s]);
      if (s.cluster) continue;
      placesOf.set(shape, new Map());
      for (const uri of s.uris) toPlace.add(uri);
    }
    for (const uri of toPlace) {
      if (++n % DOCS_PER_SLICE === 0) yield;
      // An article set again or removed between slices may not hold the lines its shapes were recorded from: this
      // listing goes without its places, and the next build reads it again, making its shapes' groups again.
      const doc = docs.get(uri);
      if (!doc || this.changed.has(uri)) continue;
      forEachFurnitureLine(doc, (shape, start, end) => {
        const byUri = placesOf.get(shape);
        if (!byUri) return;
        let places = byUri.get(uri);
        if (!places) byUri.set(uri, (places = []));
        places.push({ uri, start, end });
      });
    }
    const out: Cluster[] = [];
    for (const [shape, s] of listed) {
      let cluster = s.cluster;
      if (!cluster) {
        const byUri = placesOf.get(shape)!;
        const places = [...byUri.keys()].sort().flatMap((u) => byUri.get(u)!);
        const first = places[0];
        if (!first) continue;
        cluster = { id: `shape:${shape}`, kind: 'chrome', text: docs.get(first.uri)!.text.slice(first.start, first.end), places };
        s.cluster = cluster;
      }
      out.push(cluster);
    }
    return out;
  }

  /** Records the shapes of `doc`'s short lines outside its passages (from its summary: no article is laid out). */
  private read(doc: DocState): void {
    const own: string[] = [];
    forEachFurnitureLine(doc, (shape) => {
      const s = this.shapes.get(shape);
      if (!s) this.shapes.set(shape, { uris: doc.uri });
      else if (s.uris === doc.uri || (typeof s.uris !== 'string' && s.uris.has(doc.uri))) return;
      else {
        if (typeof s.uris === 'string') s.uris = new Set([s.uris, doc.uri]);
        else s.uris.add(doc.uri);
        s.cluster = undefined;
      }
      own.push(shape);
    });
    if (own.length) this.shapesOf.set(doc.uri, own);
  }
}

/** Each short line of `doc` outside its passages, with its shape, in the order of the article. */
function forEachFurnitureLine(doc: DocState, each: (shape: string, start: number, end: number) => void): void {
  for (const { idx, start, end } of doc.shortLines) {
    const shape = doc.shapeAt(idx);
    if (shape && !doc.passageAt(idx)) each(shape, start, end);
  }
}
