/**
 * The corpus of a CLI run, loaded as the language server loads it (workspace/articleLoading.ts): every article of the
 * workspace folder and the ones asked for, analysed in worker threads (one a core, when the CLI runs from its
 * bundle), with the analyses and the clustering kept between runs in the user's cache folder, next to the language
 * server's (`<cache>/cli`; CORPUS_ANNOTATOR_CACHE names another folder, or `off`). A second run over the same
 * articles analyses nothing again.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_VERSION, createCorpusService, snapshotOfClustering, NEVER_CANCELLED, type CorpusService } from '../core/index';
import { analysisCacheDir, analysisVersionKey, createAnalysisCacheStore } from '../node/analysisCacheStore';
import { loadNerModelFile } from '../node/nerModelFile';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { workerAnalysis } from '../node/parallelAnalysis';
import { ignoreRules } from '../workspace/analysisInputs';
import { loadArticles } from '../workspace/articleLoading';
import { CliError, displayPath, type CliIo, type OpenedWorkspace } from './openWorkspace';

export interface LoadedCorpus {
  readonly service: CorpusService;
  /** Keeps what this run analysed for the next (call once the output is written). */
  save(): Promise<void>;
}

export async function loadCorpus(workspace: OpenedWorkspace, requested: readonly string[], io: CliIo): Promise<LoadedCorpus> {
  const { settings, corpus, root } = workspace;
  const ner = loadNerModelFile();
  const service = createCorpusService({ nerModel: ner.model, registry: corpus.registry() });
  service.setBoilerplateIgnores(ignoreRules([corpus]));
  const dir = analysisCacheDir([root]);
  const cache = dir
    ? createAnalysisCacheStore(path.join(dir, 'cli'), analysisVersionKey(ANALYSIS_VERSION, ner.bytes, readFileSync(__filename)), (m) => io.err(`corpus-annotator: note: ${m}\n`))
    : undefined;
  await cache?.load();
  const wanted = new Set(requested);
  const unreadable = new Map<string, string>();
  const sizes = new Map<string, number>();
  const parallel = workerAnalysis(path.join(__dirname, 'analysisWorker.js'));
  const files = [...new Set([...corpus.articles(), ...requested])];
  const { keys, fingerprint, basis, stats, completed } = await loadArticles(service, {
    files,
    async read(file) {
      try {
        const text = await nodeFileSystem.readText(file);
        if (text !== undefined && wanted.has(file)) sizes.set(file, text.length);
        return text;
      } catch (e) {
        if (wanted.has(file)) unreadable.set(file, (e as Error).message);
        return undefined;
      }
    },
    maxSize: () => settings.maxDocumentSize,
    ...(cache ? { cache } : {}),
    ...(parallel ? { parallel } : {}),
  });
  const [failed] = unreadable;
  if (failed) throw new CliError(`Cannot read '${displayPath(failed[0])}': ${failed[1]}`);
  // The output is a whole run's: a clustering kept from before some articles changed is made again now, not seen
  // through as the editor does while typing. (The workers give whole states: clustering here while they made their
  // boilerplate summaries and dates, as the language server does in a worker, took 16.7 s against 17.1 s at 10,000
  // articles, one run each, for a peak of 539 MB against 432 MB.)
  if (stats.changedSinceClustering) service.entityClustering(NEVER_CANCELLED);
  await completed;
  for (const [file, size] of sizes) {
    if (size > settings.maxDocumentSize) {
      io.err(`corpus-annotator: warning: ${displayPath(file)} not analysed: ${size} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).\n`);
    }
  }
  return {
    service,
    async save() {
      if (!cache) return;
      // A clustering read from the cache for these very articles is the one it holds: not made into a snapshot again
      // (0.45 s at 10,000 articles, for the store to find it kept already).
      const asKept = stats.clusteringFromCache && stats.changedSinceClustering === undefined;
      if (fingerprint !== undefined && !asKept && service.clusteringIsStale() === false) {
        cache.keepClustering(fingerprint, snapshotOfClustering(service.entityClustering(NEVER_CANCELLED), service.documentUris()), basis);
      }
      await cache.save(new Set(keys.values()));
    },
  };
}
