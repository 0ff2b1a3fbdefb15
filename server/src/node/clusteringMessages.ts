/**
 * The messages between the server and its clustering worker (backgroundClustering.ts, clusteringWorker.ts). Both ways
 * the strings (every article's names; the clustering's table of texts) go in parts of a few thousand:
 * a thread copies a message in one go, and at 10,000 articles one message of everything held the server's thread for
 * a second or more, each time the corpus was clustered again. Parts are sent one a turn of the event loop, and each
 * is read in its own turn, so hovers and diagnostics are answered in between. A port keeps messages in order.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ClusteringInput, ClusteringSnapshot, LookAlikeColumns } from '../core/index';
import type { NamesColumns } from './namesColumns';

/** Articles per part (about 25,000 names at 50 an article). */
export const DOCS_PER_PART = 500;
/** Strings per part of the answer's tables of strings (its numbers are typed arrays, copied at once). */
export const STRINGS_PER_PART = 5000;

/** The snapshot's tables of strings, sent in parts before the rest. */
export type SnapshotStrings = 'texts' | 'ids' | 'uris';

/** What the last message of an answer carries: the snapshot's columns of numbers (its strings came before). */
export interface SnapshotColumns {
  readonly entities: Omit<ClusteringSnapshot['entities'], 'ids'>;
  readonly documents: Omit<ClusteringSnapshot['documents'], 'uris'>;
}

/**
 * Server → clustering worker: some articles' names (as columns: namesColumns.ts), then (`last`) what to do with them all, with the port on which to
 * give the snapshot to the thread that finds its look-alikes; and `received` for each part of the answer once the
 * server has read it (the worker sends the next part then: parts sent at once would be read in one go).
 * Server → look-alikes worker (`findLookAlikes`): the port on which the snapshot of request `id` comes.
 */
export type ToWorker =
  | { readonly id: number; readonly names: NamesColumns }
  | { readonly id: number; readonly last: true; readonly registry: ClusteringInput['registry']; readonly lookAlikes: MessagePort; readonly serialized: boolean }
  | { readonly id: number; readonly received: true }
  | { readonly id: number; readonly findLookAlikes: MessagePort };

/**
 * Clustering worker → server: parts of the snapshot's strings, then (`last`) its columns of numbers (the snapshot says
 * `lookAlikesLater`); or an error. Look-alikes worker → server (`lookAlikes`): the snapshot's look-alikes, with the
 * whole snapshot in V8's serialisation when asked (for the analysis cache); or an error.
 */
export type FromWorker =
  | { readonly id: number; readonly strings: SnapshotStrings; readonly values: readonly string[] }
  | { readonly id: number; readonly last: true; readonly columns: SnapshotColumns }
  | { readonly id: number; readonly lookAlikes: LookAlikeColumns; readonly serialized?: Uint8Array }
  | { readonly id: number; readonly error: string };

/** `list` in parts of `size`. */
export function* partsOf<T>(list: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
