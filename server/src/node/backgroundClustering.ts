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

interface Pending {
  resolve(result: BackgroundClustering): void;
  reject(error: Error): void;
  /** With `lookAlikesLater`: settles the look-alikes sent after the clustering. */
  later?: { resolve(result: LaterLookAlikes): void; reject(error: Error): void };
}

/** The look-alikes of a clustering sent without them, and the snapshot with them as JSON when asked (`serialized`). */
export interface LaterLookAlikes {
  readonly lists: readonly (readonly number[])[];
  readonly json?: string;
}

/**
 * A clustering made in the worker, and its snapshot as JSON when asked (`serialized`). With `lookAlikesLater`, the
 * snapshot comes without look-alikes (the slow part of a clustering at 10,000 articles), which follow in `lookAlikes`,
 * and the JSON with them.
 */
export interface BackgroundClustering {
  readonly snapshot: ClusteringSnapshot;
  readonly json?: string;
  readonly lookAlikes?: Promise<LaterLookAlikes>;
}

export type ClusterInBackground = (
  input: Omit<ClusteringInput, 'generation'>,
  options?: { serialized?: boolean; lookAlikesLater?: boolean },
) => Promise<BackgroundClustering>;

type WorkerMessage = { id: number; snapshot?: ClusteringSnapshot; lookAlikes?: number[][]; json?: string; error?: string };

export function workerClustering(): ClusterInBackground | undefined {
  const file = path.join(__dirname, 'clusteringWorker.js');
  if (!existsSync(file)) return undefined;
  let worker: { thread: Worker; pending: Map<number, Pending> } | undefined;
  let next = 0;
  let queue: Promise<unknown> = Promise.resolve();
  // Each worker answers only its own requests: one stopped after answering must not fail the next worker's.
  const start = () => {
    const thread = new Worker(file);
    const own = { thread, pending: new Map<number, Pending>() };
    const { pending } = own;
    thread.unref();
    const failAll = (e: Error) => {
      for (const p of pending.values()) {
        p.reject(e);
        p.later?.reject(e);
      }
      pending.clear();
      if (worker === own) worker = undefined;
    };
    thread.on('message', (m: WorkerMessage) => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.error !== undefined) {
        pending.delete(m.id);
        const e = new Error(m.error);
        p.reject(e); // no-op once resolved
        p.later?.reject(e);
      } else if (m.snapshot) {
        let lookAlikes: Promise<LaterLookAlikes> | undefined;
        if (p.later === undefined) pending.delete(m.id);
        else {
          lookAlikes = new Promise<LaterLookAlikes>((resolve, reject) => (p.later = { resolve, reject }));
          lookAlikes.catch(() => undefined); // the caller may not wait for them
        }
        p.resolve({ snapshot: m.snapshot, ...(m.json !== undefined ? { json: m.json } : {}), ...(lookAlikes ? { lookAlikes } : {}) });
      } else if (m.lookAlikes) {
        pending.delete(m.id);
        p.later?.resolve({ lists: m.lookAlikes, ...(m.json !== undefined ? { json: m.json } : {}) });
      }
      if (!pending.size) {
        if (worker === own) worker = undefined;
        void thread.terminate();
      }
    });
    thread.on('error', failAll);
    thread.on('exit', () => failAll(new Error('the clustering worker stopped')));
    return own;
  };
  return (input, options) => {
    const run = queue.catch(() => undefined).then(
      () =>
        new Promise<BackgroundClustering>((resolve, reject) => {
          worker ??= start();
          const id = ++next;
          // Until the look-alikes come, a placeholder: the message with the clustering replaces it.
          const later = options?.lookAlikesLater ? { resolve: () => undefined, reject: () => undefined } : undefined;
          worker.pending.set(id, { resolve, reject, ...(later ? { later } : {}) });
          worker.thread.postMessage({ id, docs: input.docs, registry: input.registry, serialized: !!options?.serialized, lookAlikesLater: !!later });
        }),
    );
    // One clustering at a time, look-alikes included: the next waits for both.
    queue = run.then((r): Promise<unknown> | undefined => r.lookAlikes);
    return run;
  };
}
