/**
 * Clusters the corpus in a worker thread (clusteringWorker.ts, bundled beside the server as dist/clusteringWorker.js).
 * One clustering at a time (a newer request waits for the running one), each in a worker that is stopped when it has
 * answered, so its memory (a copy of every article's names) is given back between rebuilds.
 * Where the worker's bundle is missing (the server run from its TypeScript sources, as the tests do), the server
 * clusters on its own thread instead.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClusteringInput, ClusteringSnapshot } from '../core/index';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DOCS_PER_PART, partsOf, type FromWorker, type SnapshotStrings, type ToWorker } from './clusteringMessages';

interface Pending {
  resolve(result: BackgroundClustering): void;
  reject(error: Error): void;
  /** The strings of the answer received so far. */
  readonly strings: Record<SnapshotStrings, string[]>;
}

/** A clustering made in the worker, and its snapshot serialised when asked (`serialized`: alignedSerialization.ts's `packApart`). */
export interface BackgroundClustering {
  readonly snapshot: ClusteringSnapshot;
  readonly serialized?: Uint8Array;
}

/**
 * `signal`: aborting it (the server shutting down) stops the worker if it is clustering for this request, and rejects
 * the request (a queued one is never started).
 */
export type ClusterInBackground = (
  input: Omit<ClusteringInput, 'generation'>,
  options?: { serialized?: boolean; signal?: AbortSignal },
) => Promise<BackgroundClustering>;

/** `file`: the worker's script (the bundle's, beside the server's; a test may give the TypeScript source). */
export function workerClustering(file = path.join(__dirname, 'clusteringWorker.js')): ClusterInBackground | undefined {
  if (!existsSync(file)) return undefined;
  let worker: { thread: Worker; pending: Map<number, Pending> } | undefined;
  let next = 0;
  /** The last clustering asked for, settled with nothing: it must not hold a result (the size of the corpus's names). */
  let queue: Promise<void> = Promise.resolve();
  // Each worker answers only its own requests: one stopped after answering must not fail the next worker's.
  const start = () => {
    const thread = new Worker(file);
    const own = { thread, pending: new Map<number, Pending>() };
    const { pending } = own;
    thread.unref();
    thread.on('message', (m: FromWorker) => {
      const p = pending.get(m.id);
      if ('strings' in m) {
        const into = p?.strings[m.strings];
        for (const v of m.values) into?.push(v);
      }
      if (!('last' in m) && !('error' in m)) {
        // Read: the worker may send the next part, after whatever waits on this thread has had its turn.
        setImmediate(() => void thread.postMessage({ id: m.id, received: true } satisfies ToWorker));
        return;
      }
      pending.delete(m.id);
      if ('last' in m && p) {
        const { texts, ids, uris } = p.strings;
        const snapshot: ClusteringSnapshot = { texts, entities: { ...m.columns.entities, ids }, documents: { ...m.columns.documents, uris } };
        p.resolve({ snapshot, ...(m.serialized !== undefined ? { serialized: m.serialized } : {}) });
      } else if ('error' in m) p?.reject(new Error(m.error));
      if (!pending.size) {
        if (worker === own) worker = undefined;
        void thread.terminate();
      }
    });
    thread.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      if (worker === own) worker = undefined;
    });
    thread.on('exit', () => {
      for (const p of pending.values()) p.reject(new Error('the clustering worker stopped'));
      pending.clear();
      if (worker === own) worker = undefined;
    });
    return own;
  };
  return (input, options) => {
    const run = queue.then(
      () =>
        new Promise<BackgroundClustering>((resolve, reject) => {
          const signal = options?.signal;
          if (signal?.aborted) return reject(new Error('the clustering was cancelled'));
          const own = (worker ??= start());
          const id = ++next;
          // Stopping the thread rejects what it was asked (its `exit`): nothing else waits on a stopped worker.
          const stop = () => void own.thread.terminate();
          signal?.addEventListener('abort', stop, { once: true });
          const settled = () => signal?.removeEventListener('abort', stop);
          own.pending.set(id, { resolve: (r) => (settled(), resolve(r)), reject: (e) => (settled(), reject(e)), strings: { texts: [], ids: [], uris: [] } });
          void (async () => {
            for (const docs of partsOf(input.docs, DOCS_PER_PART)) {
              if (!own.pending.has(id)) return; // the worker stopped meanwhile
              own.thread.postMessage({ id, docs } satisfies ToWorker);
              await nextTurn();
            }
            if (own.pending.has(id)) own.thread.postMessage({ id, last: true, registry: input.registry, serialized: !!options?.serialized } satisfies ToWorker);
          })();
        }),
    );
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
