/**
 * The map step of the corpus analysis on BullMQ over Redis: a coordinator enqueues one job an article and collects the
 * map outputs (core/mapReduce), workers (`corpus-annotator worker`, one a core, on any number of machines) run them.
 * Jobs carry the article's text (so workers need no shared disk) or a path, and the workspace's date settings.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, Worker, type ConnectionOptions } from 'bullmq';
import type { ArticleMapOutput, DateOptions } from '../core/index';

export const MAP_QUEUE = 'corpus-annotator-map';

/** A job's result: the map output, without the text when the job carried it (the coordinator has it already). */
export type MapJobResult = Omit<ArticleMapOutput, 'text'> & { readonly text?: string };

export interface MapJob {
  /** The article's key in the corpus (the coordinator's absolute path). */
  readonly uri: string;
  /** The text, or else a path the worker reads. */
  readonly text?: string;
  readonly path?: string;
  readonly dates?: DateOptions;
}

/** ioredis options from `redis://[user:password@]HOST[:PORT][/DB]`, `rediss://…` (TLS) or `unix:///PATH`. */
export function redisConnection(url: string): ConnectionOptions {
  // BullMQ's workers block on Redis: they need ioredis never to give up on a request.
  const common = { maxRetriesPerRequest: null } as const;
  if (url.startsWith('unix://')) return { ...common, path: url.slice('unix://'.length) };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`'${url}' is not a Redis URL (redis://HOST:PORT or unix:///PATH).`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`'${url}' is not a Redis URL (redis://HOST:PORT or unix:///PATH).`);
  return {
    ...common,
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

export interface QueueMapOptions {
  /** Called once when no worker is connected to the queue yet (the jobs wait for one). */
  readonly onNoWorker?: () => void;
}

/** Enqueues one map job an article and resolves to their outputs (in no particular order); rejects if one fails. */
export async function mapOnQueue(connection: ConnectionOptions, jobs: readonly MapJob[], options: QueueMapOptions = {}): Promise<ArticleMapOutput[]> {
  const queue = new Queue<MapJob, MapJobResult>(MAP_QUEUE, { connection });
  const events = new QueueEvents(MAP_QUEUE, { connection });
  try {
    await events.waitUntilReady();
    if (options.onNoWorker && (await queue.getWorkers()).length === 0) options.onNoWorker();
    const run = randomUUID();
    const added = await queue.addBulk(
      jobs.map((data, i) => ({ name: 'map', data, opts: { jobId: `${run}-${i}`, attempts: 1, removeOnFail: false, removeOnComplete: false } })),
    );
    try {
      const results = await Promise.all(added.map((job) => job.waitUntilFinished(events) as Promise<MapJobResult>));
      return results.map((r, i) => ({ ...r, text: r.text ?? jobs[i].text ?? '' }));
    } finally {
      // The outputs are the size of the corpus: they are not left in Redis.
      await Promise.all(added.map((job) => job.remove().catch(() => undefined)));
    }
  } finally {
    await events.close();
    await queue.close();
  }
}

/** A worker running map jobs with `process` until closed. */
export function startMapWorker(connection: ConnectionOptions, concurrency: number, process: (job: MapJob) => Promise<ArticleMapOutput>): Worker<MapJob, MapJobResult> {
  return new Worker<MapJob, MapJobResult>(
    MAP_QUEUE,
    async (job) => {
      const output = await process(job.data);
      if (job.data.text === undefined) return output;
      const { text: _sent, ...rest } = output;
      return rest;
    },
    { connection, concurrency },
  );
}
