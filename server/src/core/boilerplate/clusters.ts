/**
 * Corpus-wide groups of repeated passages, for a tree view: copies joined by exact or near matches
 * (union-find over verified candidate pairs, the pairs of each document cached by the index until a
 * document sharing a bucket with it changes), and short furniture lines grouped by shape.
 */
import type { BoilerplateKind } from '../types';
import type { CorpusStats } from './corpusStats';
import { MIN_RECURRENCE } from './corpusChrome';
import type { DocState, Passage } from './docState';
import { normalizeSpace } from './text';

export interface ClusterPlace { uri: string; start: number; end: number }
export interface Cluster { id: string; kind: BoilerplateKind; text: string; places: ClusterPlace[] }

export function passageClusters(docs: Iterable<DocState>, matchesOf: (p: Passage) => readonly Passage[]): Cluster[] {
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
  for (const doc of docs) {
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
    const texts = new Set(list.map((p) => normalizeSpace(p.doc.lines[p.idx].span.text)));
    const chrome = list.filter((p) => p.doc.lines[p.idx].chrome).length * 2 > list.length;
    const kind: BoilerplateKind = chrome ? 'chrome' : texts.size === 1 ? 'duplicate' : 'near-duplicate';
    out.push({ id: `passage:${root}`, kind, text: list[0].doc.lines[list[0].idx].span.text, places: list.map(placeOf) });
  }
  return out;
}

/** Short lines whose shape recurs in several articles, mostly outside their bodies. */
export function furnitureClusters(docs: Iterable<DocState>, stats: CorpusStats): Cluster[] {
  const byShape = new Map<string, Cluster>();
  for (const doc of docs) {
    for (let i = 0; i < doc.lines.length; i++) {
      const shape = doc.shapes[i];
      if (!shape || doc.passages[i]) continue;
      const e = stats.shapes.get(shape);
      if (!e || e.docs < MIN_RECURRENCE || e.top + e.tail <= e.body) continue;
      let c = byShape.get(shape);
      if (!c) byShape.set(shape, (c = { id: `shape:${shape}`, kind: 'chrome', text: doc.lines[i].span.text, places: [] }));
      const s = doc.lines[i].span;
      c.places.push({ uri: doc.uri, start: s.start, end: s.end });
    }
  }
  return [...byShape.values()];
}

function placeOf(p: Passage): ClusterPlace {
  const s = p.doc.lines[p.idx].span;
  return { uri: p.doc.uri, start: s.start, end: s.end };
}
