/**
 * A worker thread that recognises the names of articles, summarises their boilerplate and resolves their dates (the per-article steps that
 * dominate indexing a corpus whose analyses are not cached), so that a first indexing uses every core and the
 * server's thread lays out no article. It gets texts and answers each with its analysis state (core/analysisState.ts),
 * which the server imports exactly as it imports a cached one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEntityRecognizer } from '../core/entities/recognizer';
import { analyseArticle, type ArticleState } from '../core/analysisState';
import { loadNerModel } from './nerModelFile';

const recognizer = createEntityRecognizer(loadNerModel((workerData as { modelPath?: string } | undefined)?.modelPath));

parentPort?.on('message', (m: { id: number; texts: string[] }) => {
  try {
    const states = m.texts.map((text) => compact(analyseArticle(text, recognizer)) ?? null);
    parentPort!.postMessage({ id: m.id, states });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});

/**
 * A state with its numbers in Int32Arrays: half the size of plain arrays, and the server keeps them as they come (the
 * corpus's names and boilerplate index use them, and so does the state it holds until its analysis cache is written).
 */
function compact(state: ArticleState | undefined): ArticleState | undefined {
  if (!state) return undefined;
  const b = state.boilerplate;
  const d = state.dates;
  return {
    ...state,
    entities: Int32Array.from(state.entities),
    ...(b ? { boilerplate: { ...b, short: Int32Array.from(b.short), passages: Int32Array.from(b.passages) } } : {}),
    ...(d ? { dates: { ...d, numbers: Int32Array.from(d.numbers) } } : {}),
  };
}
