/**
 * Index of all passages of the corpus: exact keys, word-sequence keys and LSH band keys, each a
 * multimap to passage ids. Adding or removing a document touches only its own passages' buckets,
 * and marks the documents sharing a bucket with them as needing their findings recomputed.
 */
import { Buckets } from './buckets';
import { DocState, Passage, passageText, passageTokens } from './docState';
import { normalizeSpace } from './text';
import { PASSAGE_FIELDS, type BoilerplateSummary } from './summary';
import { tokenSimilarity } from './minhash';

/**
 * The verified matches of one passage (`matchesOfText`), as parallel lists: the first `count` of `passages`,
 * `exact` (1 for an exact copy) and `similarity`. Those `matchesOfText` gives are the index's scratch lists, valid
 * until its next call: a page of thousands of near-identical lines made a list of objects for each of them.
 */
export interface MatchList {
  readonly count: number;
  readonly passages: readonly Passage[];
  readonly exact: Uint8Array;
  readonly similarity: Float64Array;
  readonly more: boolean;
}

/** A match list of its own (`list`'s entries copied), kept past the index's next call. */
export function keptMatchList(list: MatchList): MatchList {
  const n = list.count;
  return { count: n, passages: list.passages.slice(0, n), exact: list.exact.slice(0, n), similarity: list.similarity.slice(0, n), more: list.more };
}

/** Documents added after `expect` from which the tables' final sizes are estimated. */
const SAMPLED = 64;
/**
 * The most ids a table is given room for at once from that estimate (a table of 2^23 slots, 64 MB): a corpus whose
 * first files are long reports (a few hundred KB each, well under maxDocumentSize) was otherwise estimated at
 * gigabytes of tables for 10,000 articles. Past it a table grows by doubling, as without an estimate.
 */
const MOST_RESERVED = 1 << 22;

/** The most passages whose words the index keeps at once (`wordsOf`: a few megabytes). */
const MAX_KEPT_WORDS = 50_000;

/** The most passages one passage's text is compared with when its copies are listed (`matchesOfText`). */
export const MAX_COMPARED = 64;

export class PassageIndex {
  /**
   * Each passage's text with whitespace collapsed, computed once (a line repeated hundreds of times is compared with
   * each copy), for as long as the passage lives or until its document lets go of it (`release`).
   */
  private readonly normalized = new WeakMap<Passage, string>();
  /** The words of the passages compared lately (`wordsOf`), and how many are held. */
  private words = new WeakMap<Passage, Int32Array>();
  private wordsHeld = 0;
  private readonly byId: (Passage | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly exact = new Buckets();
  private readonly near = new Buckets();
  private readonly bands = new Buckets(64);
  /** The stamp of the last `candidates` call that met each id (`nextStamp`). */
  private seenStamps = new Int32Array(0);
  private stamp = 0;
  /** The ids a `candidates` call gathers, and their order class there. */
  private gathered = new Int32Array(0);
  private gatheredOrder = new Uint8Array(0);
  /** The ids `candidates` picks (the first `picked.count`), and the matches `collect` verifies among them. */
  private picked = { ids: new Int32Array(4 * MAX_COMPARED), count: 0, more: false };
  private found = { count: 0, passages: [] as Passage[], exact: new Uint8Array(4 * MAX_COMPARED), similarity: new Float64Array(4 * MAX_COMPARED), more: false };

  /**
   * Called, when a document is added or removed with `mark`, with each passage of another document that shares a
   * bucket with one of its passages (whose matches may have changed).
   */
  neighbourChanged: (q: Passage) => void = () => {};

  /** Documents a host said are coming (`expect`), and how many were added since. */
  private expected = 0;
  private addedSince = 0;
  private countsAtExpect: number[] = [];

  /**
   * Says that about `documents` documents are coming (a corpus being loaded): once the first few are in, the tables
   * are given room for that many like them at once, instead of growing by doubling (most of the time of adding the
   * passages of 10,000 articles from the analysis cache went to moving every key at each doubling).
   */
  expect(documents: number): void {
    this.expected = documents >= 2 * SAMPLED ? documents : 0;
    this.addedSince = 0;
    this.countsAtExpect = this.tables().map((b) => b.count);
  }

  private tables(): Buckets[] {
    return [this.exact, this.near, this.bands];
  }

  /** Lets go of what was computed for the passages of `doc` to compare them (made again when next compared). */
  release(doc: DocState): void {
    for (const p of doc.passages) this.normalized.delete(p);
  }

  private normalizedText(p: Passage): string {
    let n = this.normalized.get(p);
    if (n === undefined) this.normalized.set(p, (n = normalizeSpace(passageText(p))));
    return n;
  }

  /**
   * The word hashes of `q`, kept for the passages compared lately: a passage is a candidate of each of its copies (a
   * line of a site's chrome, in hundreds of articles), and its words were made again for each comparison, by each
   * article's findings and by a listing (a quarter of the time of either). At most `MAX_KEPT_WORDS` are held (then
   * all are dropped), weakly: a passage removed from the index does not keep its article alive.
   */
  wordsOf = (q: Passage): Int32Array => {
    let w = this.words.get(q);
    if (w === undefined) {
      if (++this.wordsHeld > MAX_KEPT_WORDS) {
        this.words = new WeakMap();
        this.wordsHeld = 1;
      }
      this.words.set(q, (w = passageTokens(q)));
    }
    return w;
  };

  /** An id for a new passage; ids of removed passages are reused. */
  nextId = (): number => {
    if (this.free.length > 0) return this.free.pop()!;
    this.byId.push(undefined);
    return this.byId.length - 1;
  };

  /**
   * Indexes the passages of `doc`, and marks the documents sharing a bucket with them as changed (`mark`: a host that
   * has computed nothing from the index yet, such as one loading a corpus, has nothing to mark).
   */
  add(doc: DocState, clock: number, mark = true): void {
    const keys = doc.summary.passages;
    for (const p of doc.passages) {
      if (!p) continue;
      this.byId[p.id] = p;
      this.exact.add(p.exactKey, p.id);
      this.near.add(p.nearKey, p.id);
      for (let j = p.bandsAt; j < p.bandsAt + p.bandCount; j++) this.bands.add(keys[j], p.id);
    }
    if (this.expected && ++this.addedSince === SAMPLED) {
      // What the documents added since took, times as many as are coming (documents added again, as in a second
      // loading of the same corpus, replace their own entries and take nothing more).
      const scale = this.expected / SAMPLED;
      this.tables().forEach((b, i) => b.reserve(Math.min(MOST_RESERVED, this.countsAtExpect[i] + Math.max(0, b.count - this.countsAtExpect[i]) * scale)));
      this.expected = 0;
    }
    if (mark) this.markNeighbours(doc, clock);
  }

  /**
   * Takes the passages of `doc` out, and marks the documents sharing a bucket with them as changed (`mark`), except
   * those sharing one only with a passage `marksLater` says the next version of `doc` has under the same keys: its
   * `add` marks the same documents (an edit of a long article keeps most of its lines, and each mark walks every
   * bucket of the passage).
   */
  remove(doc: DocState, clock: number, mark = true, marksLater?: (p: Passage) => boolean): void {
    if (mark) this.markNeighbours(doc, clock, marksLater);
    const keys = doc.summary.passages;
    for (const p of doc.passages) {
      if (!p) continue;
      this.exact.remove(p.exactKey, p.id);
      this.near.remove(p.nearKey, p.id);
      for (let j = p.bandsAt; j < p.bandsAt + p.bandCount; j++) this.bands.remove(keys[j], p.id);
      this.byId[p.id] = undefined;
      this.free.push(p.id);
    }
  }

  /**
   * Exact copies of `p` (itself excluded), the first `limit` by place (article, then line): the same whatever order
   * the articles were indexed in.
   */
  exactCopies(p: Passage, limit: number): Passage[] {
    const out: Passage[] = [];
    const raw = passageText(p);
    let norm: string | undefined;
    this.exact.forEach(p.exactKey, (id) => {
      const q = this.byId[id];
      if (!q || q === p) return;
      if (spells(q, raw) || this.normalizedText(q) === (norm ??= this.normalizedText(p))) out.push(q);
    });
    if (out.length > 1) out.sort((a, b) => (a.doc.uri === b.doc.uri ? a.idx - b.idx : a.doc.uri < b.doc.uri ? -1 : 1));
    return out.length > limit ? out.slice(0, limit) : out;
  }

  /** Verified copies of `p` (itself excluded): exact, same words, or similar above `threshold`, all compared. */
  matchedPassages(p: Passage, threshold: number): Passage[] {
    const { count, passages } = this.collect(p, threshold, true);
    return passages.slice(0, count);
  }

  /**
   * The verified matches of `p` (`matchedPassages`), given to `found` with `p`, then those of each exact copy of `p`
   * among them that has its keys. Such a copy has the same candidates, met in the same order, and each is verified
   * the same way against it (their words, and their texts with spaces collapsed, are the same): its matches are the
   * list with `p` in it, without the copy. A group of k copies is then compared k times, not k² times (most of the
   * time of a first listing of a corpus whose articles repeat blocks of text).
   */
  matchedPassagesOfCopies(p: Passage, threshold: number, found: (q: Passage, matches: Passage[]) => void): void {
    const list = this.collect(p, threshold, false);
    const all = list.passages.slice(0, list.count);
    let self = -1;
    const copies: number[] = [];
    for (let k = 0; k < all.length; k++) {
      if (all[k] === p) self = k;
      else if (list.exact[k] === 1 && sameKeys(p, all[k])) copies.push(k);
    }
    // Where the buckets do not hold `p` itself (a key too common to be held in full), no copy is vouched for.
    if (self < 0) return found(p, all);
    found(p, without(all, self));
    for (const k of copies) found(all[k], without(all, k));
  }

  /**
   * The verified matches of `p` with `p` itself among them (as an exact match, where the buckets hold it). They depend
   * only on the text of `p`: passages of the same text share one list (without themselves, and in the same order, it
   * is what `matchedPassages` gives each of them, up to `MAX_COMPARED`), which a line repeated hundreds of times computes once.
   *
   * At most `MAX_COMPARED` passages are compared (see `candidates`). As a key holds up to a few hundred passages
   * (`Buckets`), a passage of a page of hundreds of near-identical lines (`Later Mr. X said…` for every X) would
   * otherwise be compared with a thousand others, each of them too, and list them all as its copies. `more` says that
   * passages were left uncompared. The list is the index's scratch, valid until its next call (`keptMatchList` keeps
   * one).
   */
  matchesOfText(p: Passage, threshold: number): MatchList {
    return this.collect(p, threshold, false, MAX_COMPARED);
  }

  private collect(p: Passage, threshold: number, excludeSelf: boolean, limit = Infinity): MatchList {
    const tokensOf = this.wordsOf;
    const picked = this.candidates(p, excludeSelf, limit);
    const found = this.found;
    if (found.exact.length < picked.count) {
      found.exact = new Uint8Array(2 * picked.count);
      found.similarity = new Float64Array(2 * picked.count);
    }
    const { passages, exact, similarity } = found;
    let n = 0;
    const add = (q: Passage, isExact: boolean, sim: number): void => {
      passages[n] = q;
      exact[n] = isExact ? 1 : 0;
      similarity[n++] = sim;
    };
    let raw: string | undefined;
    let norm: string | undefined;
    const tokens = tokensOf(p);
    for (let k = 0; k < picked.count; k++) {
      const q = this.byId[picked.ids[k]];
      if (!q) continue;
      if (q.exactKey === p.exactKey) {
        raw ??= passageText(p);
        if (spells(q, raw) || this.normalizedText(q) === (norm ??= this.normalizedText(p))) {
          add(q, true, 1);
          continue;
        }
      }
      const qt = tokensOf(q);
      const sim = sameTokens(tokens, qt) ? 1 : tokenSimilarity(tokens, qt, threshold);
      if (sim >= threshold) add(q, false, sim);
    }
    // Passages of earlier calls are not held past the list (the scratch lives as long as the index).
    for (let k = n; k < passages.length && passages[k] !== undefined; k++) passages[k] = undefined!;
    found.count = n;
    found.more = picked.more;
    return found;
  }

  /**
   * The passages sharing a key with `p`, each once, in the buckets' order; with a `limit`, the first `limit` of
   * those met in the first twice as many, in the order a finding needs them: those that may be exact copies,
   * then earlier passages of its own article (a later copy is flagged, not the first), then other articles', then
   * later passages of its own. The ids are the index's scratch list, valid until the next call.
   */
  private candidates(p: Passage, excludeSelf: boolean, limit: number): { readonly ids: Int32Array; readonly count: number; readonly more: boolean } {
    // Ids met are stamped (one stamp per call) instead of kept in a Set, and gathered in a scratch array kept by the
    // index: a page of near-identical lines gathers hundreds of ids for each of its thousands of passages.
    const stamp = this.nextStamp();
    const seen = this.seenStamps;
    if (excludeSelf) seen[p.id] = stamp;
    const gather = 2 * limit;
    let count = 0;
    let more = false;
    const keys = p.doc.summary.passages;
    // The exact key, the word-sequence key, then the band keys the passage was indexed under (its summary's).
    for (let j = -2; j < p.bandCount && !more; j++) {
      const table = j === -2 ? this.exact : j === -1 ? this.near : this.bands;
      if (this.gathered.length < count + table.capacity) this.growGathered(count + table.capacity);
      const key = j === -2 ? p.exactKey : j === -1 ? p.nearKey : keys[p.bandsAt + j];
      const n = table.gather(key, seen, stamp, this.gathered, count, gather);
      if (n > gather) (more = true), (count = gather);
      else count = n;
    }
    const gathered = this.gathered;
    const picked = this.picked;
    if (picked.ids.length < Math.min(count, limit)) picked.ids = new Int32Array(2 * Math.min(count, limit));
    const ids = picked.ids;
    let n = 0;
    if (count <= limit) {
      for (let k = 0; k < count; k++) ids[n++] = gathered[k];
      picked.count = n;
      picked.more = more;
      return picked;
    }
    // Those that may be exact copies (0), earlier passages of its own article (1), other articles' (2), later
    // passages of its own (3), each in the order met; passages no longer indexed are left out.
    const order = this.gatheredOrder;
    for (let k = 0; k < count; k++) {
      const q = this.byId[gathered[k]];
      order[k] = !q ? 4 : q.exactKey === p.exactKey ? 0 : q.doc !== p.doc ? 2 : q.idx < p.idx ? 1 : 3;
    }
    for (let c = 0; c < 4 && n < limit; c++) {
      for (let k = 0; k < count && n < limit; k++) if (order[k] === c) ids[n++] = gathered[k];
    }
    picked.count = n;
    picked.more = true;
    return picked;
  }

  private growGathered(atLeast: number): void {
    const grown = new Int32Array(Math.max(256, atLeast, 2 * this.gathered.length));
    grown.set(this.gathered);
    this.gathered = grown;
    this.gatheredOrder = new Uint8Array(grown.length);
  }

  /** A stamp no id carries yet in `seenStamps`, which is grown to hold every id. */
  private nextStamp(): number {
    if (this.seenStamps.length < this.byId.length) {
      const grown = new Int32Array(Math.max(this.byId.length, 2 * this.seenStamps.length));
      grown.set(this.seenStamps);
      this.seenStamps = grown;
    }
    if (this.stamp === 0x7fffffff) {
      this.seenStamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Passage ids given so far (every id is below it). */
  get idCount(): number {
    return this.byId.length;
  }

  get(id: number): Passage | undefined {
    return this.byId[id];
  }

  /** Groups of passage ids sharing an exact or word-sequence key, or an LSH band. */
  *candidateGroups(): IterableIterator<readonly number[]> {
    yield* this.exact.groups();
    yield* this.near.groups();
    yield* this.bands.groups();
  }

  private markNeighbours(doc: DocState, clock: number, skip?: (p: Passage) => boolean): void {
    const mark = (id: number): void => {
      const q = this.byId[id];
      if (q && q.doc !== doc) {
        q.doc.dirtyStamp = clock;
        this.neighbourChanged(q);
      }
    };
    const keys = doc.summary.passages;
    for (const p of doc.passages) {
      if (!p || skip?.(p)) continue;
      this.exact.forEach(p.exactKey, mark);
      this.near.forEach(p.nearKey, mark);
      for (let j = p.bandsAt; j < p.bandsAt + p.bandCount; j++) this.bands.forEach(keys[j], mark);
    }
  }
}

/**
 * Whether the text of `q` is `text` (the same text is the same with its spaces collapsed: only texts that differ are
 * collapsed to be compared), without making the slice.
 */
function spells(q: Passage, text: string): boolean {
  return q.end - q.start === text.length && q.doc.text.startsWith(text, q.start);
}

/**
 * Whether a passage of a document's version is indexed under keys (exact, word-sequence, every band) that a passage of
 * `next`, a summary of its next version, has too.
 */
export function keysKeptIn(next: BoilerplateSummary): (p: Passage) => boolean {
  const fields = next.passages;
  // Where each exact key's passages are in `next`.
  const at = new Map<number, number[]>();
  for (let o = 0; o < fields.length; o += PASSAGE_FIELDS + fields[o + PASSAGE_FIELDS - 1]) {
    const list = at.get(fields[o + 1]);
    if (list) list.push(o);
    else at.set(fields[o + 1], [o]);
  }
  return (p) => at.get(p.exactKey)?.some((o) => keysAlike(p.doc.summary.passages, fieldsOf(p), fields, o)) ?? false;
}

/** Whether two passages were indexed under the same keys (exact, word-sequence, every band). */
function sameKeys(p: Passage, q: Passage): boolean {
  return keysAlike(p.doc.summary.passages, fieldsOf(p), q.doc.summary.passages, fieldsOf(q));
}

/** Where the fields of `p` begin in its document's summary (`summary.passages`). */
function fieldsOf(p: Passage): number {
  return p.bandsAt - PASSAGE_FIELDS;
}

/** Whether the passages whose fields begin at `i` in `a` and at `j` in `b` (summary.passages) have the same keys. */
function keysAlike(a: BoilerplateSummary['passages'], i: number, b: BoilerplateSummary['passages'], j: number): boolean {
  const bands = a[i + PASSAGE_FIELDS - 1];
  if (a[i + 1] !== b[j + 1] || a[i + 2] !== b[j + 2] || bands !== b[j + PASSAGE_FIELDS - 1]) return false;
  for (let k = 0; k < bands; k++) if (a[i + PASSAGE_FIELDS + k] !== b[j + PASSAGE_FIELDS + k]) return false;
  return true;
}

/** `list` without its entry at `at`. */
function without<T>(list: readonly T[], at: number): T[] {
  const out = list.slice(0, at);
  for (let k = at + 1; k < list.length; k++) out.push(list[k]);
  return out;
}

function sameTokens(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
