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

export type ClusterInBackground = (input: Omit<ClusteringInput, 'generation'>) => Promise<ClusteringSnapshot>;

export function workerClustering(): ClusterInBackground | undefined {
  const file = path.join(__dirname, 'clusteringWorker.js');
  if (!existsSync(file)) return undefined;
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (s: ClusteringSnapshot) => void; reject: (e: Error) => void }>();
  let queue: Promise<unknown> = Promise.resolve();
  const start = (): Worker => {
    const w = new Worker(file);
    w.unref();
    w.on('message', (m: { id: number; snapshot?: ClusteringSnapshot; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.snapshot) p?.resolve(m.snapshot);
      else p?.reject(new Error(m.error ?? 'clustering failed'));
      if (!pending.size) {
        worker = undefined;
        void w.terminate();
      }
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      worker = undefined;
    });
    w.on('exit', () => {
      for (const p of pending.values()) p.reject(new Error('the clustering worker stopped'));
      pending.clear();
      if (worker === w) worker = undefined;
    });
    return w;
  };
  return (input) => {
    const run = queue.catch(() => undefined).then(
      () =>
        new Promise<ClusteringSnapshot>((resolve, reject) => {
          worker ??= start();
          const id = ++next;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, docs: input.docs, registry: input.registry });
        }),
    );
    queue = run;
    return run;
  };
}
