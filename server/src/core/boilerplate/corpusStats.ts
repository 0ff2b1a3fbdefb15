/**
 * Corpus-level statistics of short lines, kept up to date one document at a time:
 * how many documents hold a line shape (digits masked) or a line label (`Distribution:` of
 * `Distribution: regional desks`, see `labelKey`), where (body or not), and how many
 * documents have a given line as their headline. Each entry carries the clock value of its last
 * change so that cached findings that depend on it can tell they are stale.
 */
import type { DocState } from './docState';
import { inListOfCode, regionOfCode, SHORT_FIELDS } from './summary';

export interface StatEntry {
  /** Its key: one string for every document holding it (documents' summaries are given it in place of their own). */
  readonly key: string;
  /** Documents holding the key. */
  docs: number;
  /** Of those, documents where it stands in the body, above the body (top, headline), after it (tail). */
  body: number;
  top: number;
  tail: number;
  /** Documents whose headline has this key (headline entries only; their `top` counts documents holding the key above the body). */
  headlines: number;
  stamp: number;
}

export class CorpusStats {
  readonly shapes = new Map<string, StatEntry>();
  readonly heads = new Map<string, StatEntry>();

  /**
   * Counts `doc` in and records in `doc.deps` the entries its findings depend on. Its summary's shapes, labels and
   * headline keys become the entries' strings: page furniture repeats in thousands of articles, each of which had its
   * own copy of the same few strings (from a worker or the cache).
   */
  add(doc: DocState, clock: number): void {
    doc.deps = [];
    this.apply(doc, clock, +1);
    // Kept with the article: copied at its length (pushed one by one, it had room for a third more).
    doc.deps = doc.deps.slice();
    const { shapes, hkeys, labels } = doc.summary;
    for (let k = 0; k < shapes.length; k++) {
      shapes[k] = this.shapes.get(shapes[k])?.key ?? shapes[k];
      hkeys[k] = this.heads.get(hkeys[k])?.key ?? hkeys[k];
      const label = labels[k];
      if (label !== null) labels[k] = this.shapes.get(label)?.key ?? label;
    }
  }

  remove(doc: DocState, clock: number): void {
    this.apply(doc, clock, -1);
  }

  private apply(doc: DocState, clock: number, delta: 1 | -1): void {
    // Bit set of regions per shape: 1 body, 2 top, 4 tail. Lines in lists of other articles are
    // other articles' headlines: they are not counted as recurring lines of this one.
    // The summary's short lines are read in place, in order (as `doc.shortLines`, without an object per line and a
    // search for each line's shape and key: this runs for each article of a corpus being loaded).
    const shapeRegions = new Map<string, number>();
    const heads = new Map<string, number>();
    const { short, shapes, hkeys, labels } = doc.summary;
    for (let k = 0; k < labels.length; k++) {
      const shape = shapes[k];
      if (shape === undefined || shape.length === 0) continue;
      const region = regionOfCode(short[SHORT_FIELDS * k + 1]);
      const key = hkeys[k];
      heads.set(key, (heads.get(key) ?? 0) | (region === 'top' || region === 'headline' ? 2 : 0));
      if (inListOfCode(short[SHORT_FIELDS * k + 1])) continue;
      const bit = region === 'body' ? 1 : region === 'tail' ? 4 : 2;
      shapeRegions.set(shape, (shapeRegions.get(shape) ?? 0) | bit);
      const label = labels[k];
      if (label) shapeRegions.set(label, (shapeRegions.get(label) ?? 0) | bit);
    }
    for (const [shape, bits] of shapeRegions) {
      const e = this.touch(this.shapes, shape, clock);
      e.docs += delta;
      if (delta > 0) doc.deps.push(e);
      if (bits & 1) e.body += delta;
      if (bits & 2) e.top += delta;
      if (bits & 4) e.tail += delta;
      this.settle(this.shapes, shape, e);
    }
    for (const [key, bits] of heads) {
      const e = this.touch(this.heads, key, clock);
      e.docs += delta;
      if (delta > 0) doc.deps.push(e);
      if (key === doc.headlineKey) e.headlines += delta;
      if (bits & 2) e.top += delta;
      this.settle(this.heads, key, e);
    }
  }

  private touch(map: Map<string, StatEntry>, key: string, clock: number): StatEntry {
    let e = map.get(key);
    if (!e) {
      e = { key, docs: 0, body: 0, top: 0, tail: 0, headlines: 0, stamp: clock };
      map.set(key, e);
    }
    e.stamp = clock;
    return e;
  }

  private settle(map: Map<string, StatEntry>, key: string, e: StatEntry): void {
    if (e.docs <= 0) map.delete(key);
  }
}
