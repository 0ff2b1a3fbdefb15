/**
 * What a worker thread prints goes to the process's standard error. By default a worker's standard output is the
 * process's own, which is the protocol when the server runs over stdio (serverConnection.ts) and the results when the
 * CLI prints them: a stray line there would break either. No worker prints today; this keeps it so.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread on `file`, its standard output sent to the process's standard error. */
export function quietWorker(file: string, options: WorkerOptions = {}): Worker {
  const worker = new Worker(file, { ...options, stdout: true });
  worker.stdout.pipe(process.stderr, { end: false });
  return worker;
}
