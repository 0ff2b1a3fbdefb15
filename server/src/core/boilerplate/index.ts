/**
 * Boilerplate and duplicate detection over a corpus of plain-text articles.
 *
 * - Page furniture ("chrome"): widgets, labels, menus, timestamps, bylines, captions, copyright,
 *   lists of other articles, decided from the line itself (a small lexicon of web-page words, the
 *   line's shape and punctuation), its place in the article (above the headline, after the body,
 *   next to other furniture) and the corpus (how many articles hold the same line shape, and where;
 *   whether it is another article's headline).
 * - Duplicates: exact copies (after whitespace normalisation) and near copies (word edit
 *   similarity ≥ threshold, candidates from MinHash/LSH over word shingles), within and across
 *   articles.
 *
 * The index is incremental: `update` and `remove` cost what the document and its matching buckets
 * cost; findings are computed lazily per document and cached until something they depend on changes.
 */
import type { BoilerplateFinding, BoilerplateKind, CancellationToken } from '../types';
import { FurnitureClusters } from './furnitureClusters';
import { PassageClusters } from './passageClusters';
import { CorpusStats } from './corpusStats';
import { buildDocState, DocState, type Passage } from './docState';
import { checkBoilerplateSummary, plainSummary, summarizeBoilerplate, type BoilerplateSummary, type PassageKeyMemo } from './summary';
import { countLines } from './text';
import { computeFindings } from './findings';
import { keysKeptIn, PassageIndex } from './passageIndex';
import { runToEnd } from '../slices';

export interface BoilerplateCluster {
  id: string;
  kind: BoilerplateKind;
  text: string;
  places: { uri: string; start: number; end: number }[];
}

export interface BoilerplateIndex {
  /**
   * Adds or replaces one document; cost proportional to that document (and its matches). With the document's
   * `summary` (summary.ts) kept from an earlier run, its lines are laid out only if its findings are asked for; a
   * summary that does not fit the text (or this index's options) is ignored and the text summarised again. With `memo`
   * (an article being edited), the text is summarised through it (summary.ts, PassageKeyMemo).
   */
  update(uri: string, text: string, summary?: unknown, memo?: PassageKeyMemo): void;
  /** The summary of a document in the index, for a host to keep with the text (see `update`). */
  summaryOf(uri: string): BoilerplateSummary | undefined;
  remove(uri: string): void;
  /**
   * Lets go of what was computed for one document's own findings (its laid-out lines, its findings, its passages'
   * normalised texts): made again when next asked for. For a host that asks once per document, as the CLI does.
   */
  release(uri: string): void;
  /** Says that about `documents` documents are about to be added (a corpus being loaded): the index makes room once. */
  expect(documents: number): void;
  has(uri: string): boolean;
  /** Findings sorted by start; `copies` are the other places (this and other documents). */
  findings(uri: string, token?: CancellationToken): BoilerplateFinding[];
  /** Repeated passages with their places, for a tree view (cached until a document is added, changed or removed). */
  clusters(): BoilerplateCluster[];
  /**
   * `clusters` in slices: the first, which verifies every candidate match of the corpus (seconds at 10,000 articles),
   * yields every few hundred candidate groups, so a host can answer requests in between.
   */
  clustersInSlices(): Generator<void, BoilerplateCluster[], void>;
  /** Number of documents. */
  readonly size: number;
  /**
   * Number of documents whose lines are held laid out: those summarised here, and those whose own findings were asked
   * for. Documents indexed from kept summaries are laid out for nothing else (not for their neighbours' findings).
   */
  readonly laidOut: number;
}

export interface BoilerplateOptions {
  /** Word edit similarity (0–1) from which two passages are near-duplicates. Default 0.8. */
  nearDuplicateThreshold?: number;
  /** Shortest line (in characters) compared for duplicates. Default 40. */
  minPassageChars?: number;
}

export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8;
export const DEFAULT_MIN_PASSAGE_CHARS = 40;

export function createBoilerplateIndex(options: BoilerplateOptions = {}): BoilerplateIndex {
  const threshold = options.nearDuplicateThreshold ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD;
  const minChars = options.minPassageChars ?? DEFAULT_MIN_PASSAGE_CHARS;
  const docs = new Map<string, DocState>();
  const stats = new CorpusStats();
  const passages = new PassageIndex();
  let clock = 0;
  let clusterCache: { stamp: number; clusters: BoilerplateCluster[] } | undefined;
  const passageClusters = new PassageClusters();
  const furnitureClusters = new FurnitureClusters();
  passages.neighbourChanged = (q) => {
    if (q.doc.matches) q.doc.matches[q.idx] = undefined;
  };
  let primed = false;
  /**
   * Whether findings or matches were computed yet: until then no document has anything cached that a change of its
   * neighbours would make stale, so loading a corpus does not look for the neighbours of each article.
   */
  let derived = false;

  /** With `next`, the summary of the document's next version, which is added at once (`update`). */
  const remove = (uri: string, next?: BoilerplateSummary): void => {
    const doc = docs.get(uri);
    if (!doc) return;
    clock++;
    passageClusters.changedDoc(uri);
    furnitureClusters.changedDoc(uri);
    passages.remove(doc, clock, derived, derived && next ? keysKeptIn(next) : undefined);
    stats.remove(doc, clock);
    docs.delete(uri);
  };

  const index: BoilerplateIndex = {
    update(uri, text, kept, memo) {
      const old = docs.get(uri);
      if (old && old.text === text) return;
      const summary = kept === undefined ? undefined : checkBoilerplateSummary(kept, countLines(text), minChars, text.length);
      const made = summary ? undefined : summarizeBoilerplate(text, minChars, memo);
      const next = summary ?? made!.summary;
      // Its old passages out first: the new ones take their ids.
      remove(uri, next);
      clock++;
      const doc = buildDocState(uri, text, next, passages.nextId, made?.lines);
      docs.set(uri, doc);
      passageClusters.changedDoc(uri);
      furnitureClusters.changedDoc(uri);
      stats.add(doc, clock);
      passages.add(doc, clock, derived);
    },
    summaryOf(uri) {
      const doc = docs.get(uri);
      return doc && plainSummary(doc.summary);
    },
    remove: (uri) => remove(uri),
    release(uri) {
      const doc = docs.get(uri);
      if (!doc) return;
      doc.releaseLines();
      doc.cache = undefined;
      doc.matches = undefined;
      passages.release(doc);
    },
    expect: (documents) => passages.expect(documents),
    has: (uri) => docs.has(uri),
    findings(uri, token) {
      const doc = docs.get(uri);
      if (!doc) return [];
      if (doc.cache && isFresh(doc, doc.cache.stamp)) return doc.cache.findings;
      derived = true;
      const findings = computeFindings(doc, { stats, passages, threshold, token });
      doc.cache = { stamp: clock, findings };
      return findings;
    },
    clusters() {
      return runToEnd(index.clustersInSlices());
    },
    *clustersInSlices() {
      if (clusterCache?.stamp !== clock) {
        derived = true;
        const matchesOf = (p: Passage): readonly Passage[] => cachedMatches(p, () => passages.matchedPassages(p, threshold));
        if (!primed) {
          // First time: verify only passages that share a bucket with another; the rest have no match until a
          // passage sharing a bucket with them comes or goes (which drops what was cached for them).
          const startedAt = clock;
          let n = 0;
          // A passage is in one group per key it shares (its exact and word-sequence keys, each LSH band): each is
          // met once here, not read through its article at every group (half the time of a first listing of 10,000
          // articles went to those reads). One met then changed between slices is matched when asked, as below.
          const met = new Uint8Array(passages.idCount);
          for (const group of passages.candidateGroups()) {
            for (const id of group) {
              if (id < met.length) {
                if (met[id]) continue;
                met[id] = 1;
              }
              const p = passages.get(id);
              if (p && !hasMatches(p)) {
                passages.matchedPassagesOfCopies(p, threshold, (q, matches) => {
                  if (q.id < met.length) met[q.id] = 1;
                  cachedMatches(q, () => matches);
                });
                if (++n % PASSAGES_PER_SLICE === 0) yield;
              }
            }
          }
          // Only when nothing changed meanwhile: the buckets may have moved under the walk, so a passage not met may
          // have matches after all (then each is matched when asked).
          // A passage met above whose matches are gone (its article's analysis was released between slices) is matched
          // when asked too: it may have some.
          if (clock === startedAt) for (const doc of docs.values()) for (const p of doc.passages) if (!met[p.id]) cachedMatches(p, () => NO_MATCHES);
          primed = true;
        }
        // Stamped with the clock it started at: a change meanwhile (between slices) makes the next call compute again.
        const stamp = clock;
        const found = [...(yield* passageClusters.build(docs, matchesOf, () => passages.idCount)), ...(yield* furnitureClusters.build(docs, stats))];
        // Articles removed between slices leave their clusters (none are when it ran at once).
        const live = clock === stamp || found.every((c) => c.places.every((p) => docs.has(p.uri)))
          ? found
          : found.map((c) => ({ ...c, places: c.places.filter((p) => docs.has(p.uri)) })).filter((c) => c.places.length >= 2);
        clusterCache = { stamp, clusters: live };
      }
      return [...clusterCache.clusters];
    },
    get laidOut() {
      let n = 0;
      for (const d of docs.values()) if (d.laidOut) n++;
      return n;
    },
    get size() {
      return docs.size;
    },
  };
  return Object.freeze(index);
}

const NO_MATCHES: Passage[] = [];
/** Passages whose matches are verified per slice of a first `clustersInSlices` (a few milliseconds each). */
const PASSAGES_PER_SLICE = 40;

/** Whether the matches of `p` are known and still valid (see `cachedMatches`). */
function hasMatches(p: Passage): boolean {
  return p.doc.matches?.[p.idx] !== undefined;
}

/** The matches of `p`, cached in its document until a passage sharing a bucket with it is added or removed. */
function cachedMatches(p: Passage, compute: () => Passage[]): readonly Passage[] {
  const byIdx = (p.doc.matches ??= []);
  let list = byIdx[p.idx];
  if (!list) {
    list = compute();
    byIdx[p.idx] = list.length ? list : NO_MATCHES;
  }
  return list;
}

function isFresh(doc: DocState, stamp: number): boolean {
  if (doc.dirtyStamp > stamp) return false;
  for (const e of doc.deps) if (e.stamp > stamp) return false;
  return true;
}
