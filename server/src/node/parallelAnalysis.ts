/**
 * A pool of worker threads (analysisWorker.ts, bundled beside the server as dist/analysisWorker.js) that recognise
 * articles' names in parallel while the server's thread reads the articles and indexes their passages. Used for the
 * articles an indexing must analyse; stopped when the indexing is done, so its memory (a model and a word cache a
 * worker) is given back. Where the worker's bundle is missing (the server run from its TypeScript sources), there is
 * no pool and the server analyses on its own thread.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { quietWorker } from './workerOutput';
import type { ArticleRest, ArticleState } from '../core/index';
import type { AnalysisPart, AnalysisPool, ParallelAnalysis } from '../workspace/parallelAnalysis';

interface Pending {
  resolve(states: unknown[]): void;
  reject(error: Error): void;
}

/**
 * Workers (the bundle `file`, by default beside this one): one a core, at most 4. The server's thread keeps little of
 * an indexing for itself (reading the articles, indexing their passages: 4 of 40 s of processor time at 10,000 new
 * articles on 2 cores), so a worker on every core finishes sooner than one on every core but one, which left a core
 * mostly idle: spawn to indexed 31.4 -> 26.2 s and 44.9 -> 35.2 s (alternated, load 1.4-4.4). Each worker holds its
 * own copy of the model and its own word cache until the indexing is done.
 */
export function workerAnalysis(
  file = path.join(__dirname, 'analysisWorker.js'),
  modelPath?: string,
  /** Called when a pool starts; what it returns, when the pool is closed (heapGrowth.ts's `relax`). */
  whileRunning?: () => () => void,
  /** The workers run below the calling thread's priority (threadPriority.ts): the language server's, not the CLI's. */
  background = false,
): ParallelAnalysis | undefined {
  if (!existsSync(file)) return undefined;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const size = Math.max(1, Math.min(4, cores));
  return () => {
    const done = whileRunning?.();
    try {
      return createPool(file, size, { modelPath, background }, done);
    } catch (e) {
      // No pool to close: the hold is let go here.
      done?.();
      throw e;
    }
  };
}

function createPool(file: string, size: number, workerData: { modelPath: string | undefined; background: boolean }, done: (() => void) | undefined): AnalysisPool {
  let next = 0;
  let closed = false;
  const threads: Worker[] = [];
  const startThread = (): Worker => {
    try {
      const thread = quietWorker(file, { workerData });
      threads.push(thread);
      return thread;
    } catch (e) {
      // The threads started before it are stopped: nothing would close them.
      for (const t of threads) void t.terminate().catch(() => undefined);
      throw e;
    }
  };
  const workers = Array.from({ length: size }, () => {
    const thread = startThread();
    const pending = new Map<number, Pending>();
    const worker = { thread, pending, stopped: false };
    // A worker that failed or stopped is asked nothing more: it would answer nothing, and what waits on it would wait
    // for ever (an indexing that never ends, a shutdown that never writes the cache).
    const fail = (e: Error) => {
      worker.stopped = true;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    thread.on('message', (m: { id: number; states?: unknown[]; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.states) p?.resolve(m.states);
      else p?.reject(new Error(m.error ?? 'analysis failed'));
    });
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('the analysis worker stopped')));
    return worker;
  });
  const ask = <T>(texts: readonly string[], part: AnalysisPart | undefined): Promise<T[]> => {
    if (closed) return Promise.reject(new Error('the analysis pool is closed'));
    // The running worker with the least work queued.
    const running = workers.filter((w) => !w.stopped);
    if (running.length === 0) return Promise.reject(new Error('the analysis workers stopped'));
    const w = running.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = ++next;
    return new Promise<T[]>((resolve, reject) => {
      w.pending.set(id, { resolve: resolve as (states: unknown[]) => void, reject });
      w.thread.postMessage({ id, texts, ...(part ? { part } : {}) });
    });
  };
  return {
    size,
    analyse: (texts, part) => ask<ArticleState | null>(texts, part),
    rest: (texts) => ask<ArticleRest | null>(texts, 'rest'),
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.thread.terminate().catch(() => undefined)));
      done?.();
    },
  };
}
