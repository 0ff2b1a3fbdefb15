/**
 * A worker thread that recognises the names of articles (the per-article step that dominates indexing a corpus
 * whose analyses are not cached), so that a first indexing uses every core. It gets texts and answers each with its
 * analysis state (core/analysisState.ts), which the server imports exactly as it imports a cached one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEntityRecognizer } from '../core/entities/recognizer';
import { encodeArticleState } from '../core/analysisState';
import { loadNerModel } from './nerModelFile';

const recognizer = createEntityRecognizer(loadNerModel((workerData as { modelPath?: string } | undefined)?.modelPath));

parentPort?.on('message', (m: { id: number; texts: string[] }) => {
  try {
    const states = m.texts.map((text) => encodeArticleState(text, recognizer.recognize(text)) ?? null);
    parentPort!.postMessage({ id: m.id, states });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
