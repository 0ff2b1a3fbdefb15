/**
 * Clusters the corpus in a worker thread (clusteringWorker.ts, bundled beside the server as dist/clusteringWorker.js).
 * One clustering at a time (a newer request waits for the running one), each in a worker that is stopped when it has
 * answered, so its memory (a copy of every article's names) is given back between rebuilds; the clustering's
 * look-alikes come after it, from a second thread of the same script that the first gives the snapshot to.
 * Where the worker's bundle is missing (the server run from its TypeScript sources, as the tests do), the server
 * clusters on its own thread instead.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { namesToColumns } from './namesColumns';
import { quietWorker } from './workerOutput';
import type { ClusteringInput, ClusteringSnapshot, LookAlikeColumns } from '../core/index';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DOCS_PER_PART, partsOf, type FromWorker, type SnapshotStrings, type ToWorker } from './clusteringMessages';

interface Pending {
  resolve(result: BackgroundClustering): void;
  reject(error: Error): void;
  /** The strings of the answer received so far. */
  readonly strings: Record<SnapshotStrings, string[]>;
}

/**
 * A clustering made in the worker. Its look-alikes, when the snapshot says they come apart (`lookAlikesLater`), come
 * after it (`lookAlikes`); the snapshot with them is serialised when asked (alignedSerialization.ts's `packApart`):
 * with the look-alikes when they come apart, else with the answer.
 */
export interface BackgroundClustering {
  readonly snapshot: ClusteringSnapshot;
  readonly serialized?: Uint8Array;
  readonly lookAlikes?: Promise<LateLookAlikes>;
}

/** Look-alikes that came after their clustering, and the whole snapshot serialised when asked. */
export interface LateLookAlikes {
  readonly columns: LookAlikeColumns;
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

/**
 * `file`: the worker's script (the bundle's, beside the server's; a test may give the TypeScript source).
 * `whileRunning`: called when a clustering starts; what it returns, when it has answered or failed (heapGrowth.ts's
 * `relax`; the look-alikes that come after it are not waited for).
 */
export function workerClustering(file = path.join(__dirname, 'clusteringWorker.js'), whileRunning?: () => () => void): ClusterInBackground | undefined {
  if (!existsSync(file)) return undefined;
  let worker: { thread: Worker; pending: Map<number, Pending> } | undefined;
  let next = 0;
  /** The last clustering asked for, settled with nothing: it must not hold a result (the size of the corpus's names). */
  let queue: Promise<void> = Promise.resolve();
  // Each worker answers only its own requests: one stopped after answering must not fail the next worker's.
  const start = () => {
    const thread = quietWorker(file);
    const own = { thread, pending: new Map<number, Pending>() };
    const { pending } = own;
    thread.unref();
    thread.on('message', (m: FromWorker) => {
      const p = pending.get(m.id);
      if ('strings' in m) {
        const into = p?.strings[m.strings];
        for (const v of m.values) into?.push(v);
        // Read: the worker may send the next part, after whatever waits on this thread has had its turn.
        setImmediate(() => void thread.postMessage({ id: m.id, received: true } satisfies ToWorker));
        return;
      }
      pending.delete(m.id);
      if ('last' in m && p) {
        const { texts, ids, uris } = p.strings;
        const snapshot: ClusteringSnapshot = { texts, entities: { ...m.columns.entities, ids }, documents: { ...m.columns.documents, uris } };
        p.resolve({ snapshot });
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
    const run = queue.then(() => {
      const signal = options?.signal;
      if (signal?.aborted) return Promise.reject(new Error('the clustering was cancelled'));
      const done = whileRunning?.();
      const running = new Promise<BackgroundClustering>((resolve, reject) => {
        const own = (worker ??= start());
        const id = ++next;
        const channel = new MessageChannel();
        const finder = findLookAlikes(file, id, channel.port2);
        // Stopping the threads rejects what they were asked (their `exit`): nothing else waits on a stopped worker.
        const stop = () => {
          void own.thread.terminate();
          finder.stop();
        };
        signal?.addEventListener('abort', stop, { once: true });
        void finder.found.then(
          () => signal?.removeEventListener('abort', stop),
          () => signal?.removeEventListener('abort', stop),
        );
        own.pending.set(id, {
          resolve: (r) => resolve({ ...r, lookAlikes: finder.found }),
          reject: (e) => (finder.stop(), reject(e)),
          strings: { texts: [], ids: [], uris: [] },
        });
        void (async () => {
          for (const docs of partsOf(input.docs, DOCS_PER_PART)) {
            if (!own.pending.has(id)) return; // the worker stopped meanwhile
            own.thread.postMessage({ id, names: namesToColumns(docs) } satisfies ToWorker);
            await nextTurn();
          }
          if (!own.pending.has(id)) return;
          const last: ToWorker = { id, last: true, registry: input.registry, lookAlikes: channel.port1, serialized: !!options?.serialized };
          own.thread.postMessage(last, [channel.port1]);
        })();
      });
      if (done) void running.then(done, done);
      return running;
    });
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/**
 * A thread of the worker's script (`file`) that finds the look-alikes of request `id`'s snapshot, which the
 * clustering thread gives it through `port`: `found` settles with them (or fails), and the thread is stopped then.
 */
function findLookAlikes(file: string, id: number, port: MessagePort): { found: Promise<LateLookAlikes>; stop(): void } {
  const thread = quietWorker(file);
  thread.unref();
  const found = new Promise<LateLookAlikes>((resolve, reject) => {
    thread.on('message', (m: FromWorker) => {
      if ('lookAlikes' in m) resolve({ columns: m.lookAlikes, ...(m.serialized !== undefined ? { serialized: m.serialized } : {}) });
      else if ('error' in m) reject(new Error(m.error));
      void thread.terminate();
    });
    thread.on('error', reject);
    thread.on('exit', () => reject(new Error('the look-alikes worker stopped')));
  });
  found.catch(() => undefined); // a caller may not wait for them, and stopping the clustering rejects them
  thread.postMessage({ id, findLookAlikes: port } satisfies ToWorker, [port]);
  return { found, stop: () => void thread.terminate() };
}
