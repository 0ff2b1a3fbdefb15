/**
 * Corpus-wide groups of repeated passages, for a tree view: copies joined by exact or near matches
 * (union-find over verified candidate pairs, the pairs of each document cached by the index until a
 * document sharing a bucket with it changes), and short furniture lines grouped by shape.
 */
import type { BoilerplateKind } from '../types';
import type { CorpusStats } from './corpusStats';
import { MIN_RECURRENCE } from './corpusChrome';
import { passageHas, passageText, type DocState, type Passage } from './docState';
import { PASSAGE_FACTS } from './summary';
import { normalizeSpace } from './text';

export interface ClusterPlace { uri: string; start: number; end: number }
export interface Cluster { id: string; kind: BoilerplateKind; text: string; places: ClusterPlace[] }

/** Documents (or cluster members) gone through between two yields of the generators below. */
const DOCS_PER_SLICE = 100;

export function* passageClusters(docs: readonly DocState[], matchesOf: (p: Passage) => readonly Passage[]): Generator<void, Cluster[], void> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const byId = new Map<number, Passage>();
  let n = 0;
  for (const doc of docs) {
    if (++n % DOCS_PER_SLICE === 0) yield;
    for (const p of doc.passages) {
      if (!p) continue;
      const ms = matchesOf(p);
      if (ms.length === 0) continue;
      byId.set(p.id, p);
      for (const q of ms) union(p.id, q.id);
    }
  }
  const members = new Map<number, Passage[]>();
  for (const id of parent.keys()) {
    const p = byId.get(id);
    if (!p) continue;
    const r = find(id);
    let list = members.get(r);
    if (!list) members.set(r, (list = []));
    list.push(p);
  }
  const out: Cluster[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.doc.uri === b.doc.uri ? a.idx - b.idx : a.doc.uri < b.doc.uri ? -1 : 1));
    // Members read from their summaries (no document laid out), a slice of them at a time: a line of page furniture
    // can be in every article of the corpus.
    const texts = new Set<string>();
    let chromeCount = 0;
    for (const p of list) {
      if (++n % DOCS_PER_SLICE === 0) yield;
      texts.add(normalizeSpace(passageText(p)));
      if (passageHas(p, PASSAGE_FACTS.chrome)) chromeCount++;
    }
    const chrome = chromeCount * 2 > list.length;
    const kind: BoilerplateKind = chrome ? 'chrome' : texts.size === 1 ? 'duplicate' : 'near-duplicate';
    out.push({ id: `passage:${root}`, kind, text: passageText(list[0]), places: list.map(placeOf) });
  }
  return out;
}

/** Short lines whose shape recurs in several articles, mostly outside their bodies. */
export function* furnitureClusters(docs: readonly DocState[], stats: CorpusStats): Generator<void, Cluster[], void> {
  const byShape = new Map<string, Cluster>();
  let n = 0;
  for (const doc of docs) {
    if (++n % DOCS_PER_SLICE === 0) yield;
    // Short lines from the summary: no document is laid out.
    for (const { idx: i, start, end } of doc.shortLines) {
      const shape = doc.shapeAt(i);
      if (!shape || doc.passageAt(i)) continue;
      const e = stats.shapes.get(shape);
      if (!e || e.docs < MIN_RECURRENCE || e.top + e.tail <= e.body) continue;
      let c = byShape.get(shape);
      if (!c) byShape.set(shape, (c = { id: `shape:${shape}`, kind: 'chrome', text: doc.text.slice(start, end), places: [] }));
      c.places.push({ uri: doc.uri, start, end });
    }
  }
  return [...byShape.values()];
}

function placeOf(p: Passage): ClusterPlace {
  return { uri: p.doc.uri, start: p.start, end: p.end };
}
