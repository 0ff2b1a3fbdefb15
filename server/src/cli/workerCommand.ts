/**
 * `corpus-annotator worker --redis URL [--concurrency N]`: runs the map step of distributed analyses (node/mapQueue.ts)
 * until SIGINT or SIGTERM, finishing the jobs in progress. One a core: the analysis of an article uses one core.
 */
import { createMapStep, NEVER_CANCELLED } from '../core/index';
import { loadNerModel } from '../node/nerModelFile';
import { redisConnection, startMapWorker } from '../node/mapQueue';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { CliError, type CliIo } from './openWorkspace';

export interface WorkerCommand {
  readonly redis: string;
  readonly concurrency: number;
}

export async function runWorker(command: WorkerCommand, io: CliIo): Promise<number> {
  let connection;
  try {
    connection = redisConnection(command.redis);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const step = createMapStep(loadNerModel());
  let done = 0;
  const worker = startMapWorker(connection, command.concurrency, async (job) => {
    const text = job.text ?? (job.path !== undefined ? await nodeFileSystem.readText(job.path) : undefined);
    if (text === undefined) throw new Error(`no text for ${job.uri}`);
    const output = step.map(job.uri, text, job.dates, NEVER_CANCELLED);
    done++;
    return output;
  });
  worker.on('error', (e) => io.err(`corpus-annotator worker: ${e.message}\n`));
  await worker.waitUntilReady();
  io.err(`corpus-annotator worker: waiting for map jobs on ${command.redis} (concurrency ${command.concurrency})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.close();
  io.err(`corpus-annotator worker: stopped after ${done} map job${done === 1 ? '' : 's'}\n`);
  return 0;
}
