/**
 * A worker thread that recognises the names of articles and summarises their boilerplate (the per-article steps that
 * dominate indexing a corpus whose analyses are not cached), so that a first indexing uses every core and the
 * server's thread lays out no article. It gets texts and answers each with its analysis state (core/analysisState.ts),
 * which the server imports exactly as it imports a cached one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEntityRecognizer } from '../core/entities/recognizer';
import { analyseArticle } from '../core/analysisState';
import { loadNerModel } from './nerModelFile';

const recognizer = createEntityRecognizer(loadNerModel((workerData as { modelPath?: string } | undefined)?.modelPath));

parentPort?.on('message', (m: { id: number; texts: string[] }) => {
  try {
    const states = m.texts.map((text) => analyseArticle(text, recognizer) ?? null);
    parentPort!.postMessage({ id: m.id, states });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
