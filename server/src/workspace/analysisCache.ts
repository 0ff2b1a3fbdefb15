/**
 * What the indexer asks of a persistent analysis cache (node/analysisCacheStore.ts keeps one on disk): each article's
 * analysis state by a key of its text, and the corpus-wide clustering by a fingerprint of everything it was made
 * from. A cache is only ever a shortcut: whatever it cannot give is computed, and nothing it does is an error.
 */
import type { ClusteringSnapshot } from '../core/index';

/** A clustering to keep: its snapshot, or the snapshot serialised as the clustering worker gives it (node/alignedSerialization.ts's `packApart`). */
export type KeptClustering = ClusteringSnapshot | Uint8Array;

/** What a kept clustering was made from: the registry's fingerprint, and each article's text key. */
export interface ClusteringBasis {
  readonly registry: string;
  readonly articles: Readonly<Record<string, string>>;
}

export interface AnalysisCache {
  /** Reads what was kept by an earlier run (once until the next save). Never throws: an unreadable or outdated cache is empty. */
  load(): Promise<void>;
  /** The key of a text (a hash of it). */
  keyOf(text: string): string;
  /** The state kept for a text key, if any. */
  get(key: string): unknown;
  /** Keeps an article's state under its text key (written by the next `save`). */
  set(key: string, state: unknown): void;
  /** A fingerprint of the parts a corpus-wide result depends on (articles and their text keys, the registry). */
  fingerprint(parts: Iterable<string>): string;
  /** The clustering kept for a fingerprint, if it is the one kept. */
  clustering(fingerprint: string): ClusteringSnapshot | undefined;
  /**
   * The clustering kept, whatever it was made from, with what it was made from (when that was kept with it): for a
   * corpus of which some articles changed since, to be used at once while it is made again.
   */
  keptClustering(): { snapshot: ClusteringSnapshot; basis: ClusteringBasis } | undefined;
  /** Keeps a clustering (a snapshot, or the snapshot serialised as the clustering worker gives it) for the next `save`, with what it was made from. */
  keepClustering(fingerprint: string, snapshot: KeptClustering, basis?: ClusteringBasis): void;
  /**
   * Writes what changed since it was loaded, keeping only the states of `liveKeys` (the texts of the corpus now), so
   * the cache never grows past the corpus; every state it holds when `liveKeys` is not given (an indexing stopped
   * before it read the whole corpus). Then lets go of what it holds in memory until the next `load`. Never throws:
   * resolves to whether everything was written.
   */
  save(liveKeys?: ReadonlySet<string>): Promise<boolean>;
  /**
   * Reads, one part a step, what the states it gave make only when first asked (a cache may keep a part of every
   * state serialised until one of them is read: node/analysisCacheStore.ts's boilerplate summaries, a shard at a
   * time), so that whoever reads them next does not wait for all of them at once. Optional: a cache that makes
   * nothing late has nothing to read ahead.
   */
  readAheadInSlices?(): Iterator<void, void, void>;
  /** Where it is kept, for messages. */
  readonly location: string;
}
