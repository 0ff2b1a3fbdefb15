/**
 * The messages between the server and its clustering worker (backgroundClustering.ts, clusteringWorker.ts). Both ways
 * the data (every article's names; the clustering's entities and mentions) goes in parts of a few hundred articles:
 * a thread copies a message in one go, and at 10,000 articles one message of everything held the server's thread for
 * a second or more, each time the corpus was clustered again. Parts are sent one a turn of the event loop, and each
 * is read in its own turn, so hovers and diagnostics are answered in between. A port keeps messages in order.
 */
import type { ClusteringInput, ClusteringSnapshot, DocumentEntities } from '../core/index';

/** Articles per part (about 25,000 names at 50 an article), and entities per part. */
export const DOCS_PER_PART = 500;
export const CLUSTERS_PER_PART = 5000;
/** Texts of mentions per part. */
export const TEXTS_PER_PART = 20000;

/**
 * Server → worker: some articles' names, then (`last`) what to do with them all; and `received` for each part of the
 * answer once the server has read it (the worker sends the next part then: parts sent at once would be read in one go).
 */
export type ToWorker =
  | { readonly id: number; readonly docs: readonly DocumentEntities[] }
  | { readonly id: number; readonly last: true; readonly registry: ClusteringInput['registry']; readonly serialized: boolean }
  | { readonly id: number; readonly received: true };

/**
 * Worker → server: some texts of mentions, some entities, some articles' mentions, then (`last`) the JSON of it all when asked, gzipped (a
 * tenth of the size: the server holds it until its analysis cache is written); or an error.
 */
export type FromWorker =
  | { readonly id: number; readonly texts: ClusteringSnapshot['texts'] }
  | { readonly id: number; readonly clusters: ClusteringSnapshot['clusters'] }
  | { readonly id: number; readonly documents: ClusteringSnapshot['documents'] }
  | { readonly id: number; readonly last: true; readonly json?: Uint8Array }
  | { readonly id: number; readonly error: string };

/** `list` in parts of `size`. */
export function* partsOf<T>(list: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
