/**
 * `corpus-annotator analyze --phase map|reduce|distributed`: the analysis split into a map step per article and a
 * reduce over the corpus (core/mapReduce), so that any engine can run the map (Spark's RDD.pipe, xargs, BullMQ
 * workers). The reduce prints exactly what `analyze --format json|jsonl` prints for one run over the same articles:
 * the corpus is the set of articles mapped.
 */
import {
  checkMapOutput, createMapStep, MapOutputError, NEVER_CANCELLED, reduceMapOutputs, type ArticleMapOutput,
} from '../core/index';
import { loadNerModel } from '../node/nerModelFile';
import { mapOnQueue, redisConnection, type MapJob } from '../node/mapQueue';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { ignoreRules } from '../workspace/analysisInputs';
import { analysisOptionsOf } from '../workspace/settings';
import { expand, listedPaths } from './analyzeCommand';
import { shownOnce, toJsonDocument } from './analyzeOutput';
import { readFileOrStdin } from './readInput';
import { CliError, displayPath, openWorkspace, type CliIo } from './openWorkspace';

export interface AnalyzePhaseCommand {
  readonly phase: 'map' | 'reduce' | 'distributed';
  readonly format: 'json' | 'jsonl';
  readonly paths: readonly string[];
  readonly filesFrom?: string;
  readonly redis?: string;
  readonly workspace?: string;
}

export async function runAnalyzePhase(command: AnalyzePhaseCommand, io: CliIo): Promise<number> {
  if (command.phase === 'reduce') return reduce(command, await readMapOutputs(command.paths), io);
  const paths = [...command.paths, ...(command.filesFrom !== undefined ? await listedPaths(command.filesFrom) : [])];
  const files = [...new Set((await Promise.all(paths.map(expand))).flat())];
  const { settings } = await openWorkspace(command.workspace, io);
  const dates = analysisOptionsOf(settings).dates;
  const articles: { uri: string; text: string }[] = [];
  for (const file of files) {
    let text: string | undefined;
    try {
      text = await nodeFileSystem.readText(file);
    } catch (e) {
      throw new CliError(`Cannot read '${displayPath(file)}': ${(e as Error).message}`);
    }
    if (text === undefined) continue;
    if (text.length > settings.maxDocumentSize) {
      io.err(`corpus-annotator: warning: ${displayPath(file)} not analysed: ${text.length} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).\n`);
      continue;
    }
    articles.push({ uri: file, text });
  }
  if (command.phase === 'map') {
    const step = createMapStep(loadNerModel());
    for (const a of articles) {
      io.out(JSON.stringify(step.map(a.uri, a.text, dates, NEVER_CANCELLED)) + '\n');
      await io.drained?.();
    }
    return 0;
  }
  let connection;
  try {
    connection = redisConnection(command.redis!);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const jobs: MapJob[] = articles.map((a) => ({ uri: a.uri, text: a.text, ...(dates ? { dates } : {}) }));
  let outputs: ArticleMapOutput[];
  try {
    outputs = await mapOnQueue(connection, jobs, {
      onNoWorker: () => io.err(`corpus-annotator: no worker is connected to ${command.redis} yet; the ${jobs.length} articles wait for one (corpus-annotator worker --redis ${command.redis}).\n`),
    });
  } catch (e) {
    throw new CliError(`The map step on ${command.redis} failed: ${(e as Error).message}`, 1);
  }
  return reduce(command, outputs.map(checkMapOutput), io);
}

/** Map outputs from FILEs (JSON lines), or `-` for standard input. */
async function readMapOutputs(files: readonly string[]): Promise<ArticleMapOutput[]> {
  const out: ArticleMapOutput[] = [];
  for (const file of files) {
    const text = await readFileOrStdin(file, 'the map output');
    const name = file === '-' ? 'standard input' : file;
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(checkMapOutput(JSON.parse(line)));
      } catch (e) {
        const why = e instanceof MapOutputError ? e.message : `not JSON (${(e as Error).message})`;
        throw new CliError(`${name}:${i + 1}: ${why}.`);
      }
    });
  }
  return out;
}

async function reduce(command: AnalyzePhaseCommand, outputs: ArticleMapOutput[], io: CliIo): Promise<number> {
  const { corpus } = await openWorkspace(command.workspace, io);
  let reduced;
  try {
    reduced = reduceMapOutputs(outputs, { registry: corpus.registry(), ignores: ignoreRules([corpus]) }, NEVER_CANCELLED);
  } catch (e) {
    if (e instanceof MapOutputError) throw new CliError(`Cannot join the map outputs: ${e.message}.`);
    throw e;
  }
  // The same lines as `analyze --format json|jsonl`, article by article as each is done.
  if (command.format === 'json') io.out('{"version":1,"documents":[');
  const shown = shownOnce(displayPath);
  reduced.uris.forEach((uri, i) => {
    const doc = toJsonDocument(reduced.analyze(uri, NEVER_CANCELLED), shown);
    if (command.format === 'json') io.out((i ? ',' : '') + JSON.stringify(doc));
    else io.out(JSON.stringify({ version: 1, ...doc }) + '\n');
  });
  if (command.format === 'json') io.out(']}\n');
  return 0;
}

