/**
 * Text files read in a worker thread (readerWorker.ts, bundled beside the server as dist/readerWorker.js): indexing a
 * corpus reads every article, and with a file handle's promises that cost the server's thread about a second per
 * 10,000 articles (profiled on a reopened workspace, where nothing else is left to do but import cached analyses).
 * Requests made in one turn of the event loop go to the worker together. The worker keeps the process alive only
 * while it has requests. Where its bundle is missing (the server run from its TypeScript sources) there is no reader;
 * if the worker stops, the reads waiting on it and all later ones are made here (`fallback`).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { quietWorker } from './workerOutput';
import { FileRefusedError, type ReadOptions } from '../workspace/fileSystem';
import type { ReadAnswer, ReadRequest } from './readerMessages';

export type ReadText = (file: string, options?: ReadOptions) => Promise<string | undefined>;

interface Waiting {
  readonly request: ReadRequest;
  resolve(text: string | undefined): void;
  reject(error: Error): void;
}

/**
 * `started`: the thread is started now rather than at the first read (it takes a tenth of a second or more to start,
 * which the server's start, loading its code and model meanwhile, hides); it keeps nothing alive until asked to read.
 */
export function workerReads(fallback: ReadText, file = path.join(__dirname, 'readerWorker.js'), options: { started?: boolean } = {}): ReadText | undefined {
  if (!existsSync(file)) return undefined;
  let thread: Worker | undefined;
  let stopped = false;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();
  let batch: ReadRequest[] = [];

  const stop = () => {
    stopped = true;
    thread = undefined;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) fallback(w.request.file, w.request.options).then(w.resolve, w.reject);
  };
  const start = (): Worker => {
    const t = quietWorker(file);
    t.on('message', (answers: ReadAnswer[]) => {
      for (const a of answers) {
        const w = waiting.get(a.id);
        if (!w) continue;
        waiting.delete(a.id);
        if (!a.error) w.resolve(a.text);
        else w.reject(Object.assign(a.error.refused ? new FileRefusedError(a.error.message) : new Error(a.error.message), a.error.code ? { code: a.error.code } : {}));
      }
      if (waiting.size === 0) t.unref();
    });
    t.on('error', stop);
    t.on('exit', stop);
    return t;
  };
  if (options.started) (thread = start()).unref();
  const send = () => {
    const requests = batch;
    batch = [];
    if (stopped) return;
    thread ??= start();
    thread.ref();
    thread.postMessage(requests);
  };

  return (f, options) => {
    if (stopped) return fallback(f, options);
    return new Promise<string | undefined>((resolve, reject) => {
      const request: ReadRequest = { id: ++nextId, file: f, ...(options ? { options } : {}) };
      waiting.set(request.id, { request, resolve, reject });
      if (batch.push(request) === 1) queueMicrotask(send);
    });
  };
}
