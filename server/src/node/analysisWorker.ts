/**
 * A worker thread that recognises the names of articles, summarises their boilerplate and resolves their dates (the per-article steps that
 * dominate indexing a corpus whose analyses are not cached), so that a first indexing uses every core and the
 * server's thread lays out no article. It gets texts and answers each with its analysis state (core/analysisState.ts),
 * which the server imports exactly as it imports a cached one; or, asked for a part (`part`), with the state's names
 * only, or with the rest of it (boilerplate summary and dates): an indexing has the names first, clusters them, and
 * has the rest made meanwhile (workspace/articleLoading.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEntityRecognizer } from '../core/entities/recognizer';
import { analyseArticle, analyseArticleNames, analyseArticleRest, type ArticleRest, type ArticleState } from '../core/analysisState';
import { loadNerModel } from './nerModelFile';
import type { AnalysisPart } from '../workspace/parallelAnalysis';
import { lowerThreadPriority } from './threadPriority';

const data = workerData as { modelPath?: string; background?: boolean } | undefined;
// The language server's workers give way to its own thread (threadPriority.ts); the CLI's have nothing to give way to.
if (data?.background) lowerThreadPriority();
const recognizer = createEntityRecognizer(loadNerModel(data?.modelPath));

parentPort?.on('message', (m: { id: number; texts: string[]; part?: AnalysisPart }) => {
  try {
    const states =
      m.part === 'rest'
        ? m.texts.map((text) => compactRest(analyseArticleRest(text)))
        : m.texts.map((text) => compact(m.part === 'names' ? analyseArticleNames(text, recognizer) : analyseArticle(text, recognizer)) ?? null);
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
  return { ...state, entities: Int32Array.from(state.entities), ...compactRest(state) };
}

function compactRest(rest: ArticleRest): ArticleRest {
  const b = rest.boilerplate;
  const d = rest.dates;
  return {
    ...(b ? { boilerplate: { ...b, short: Int32Array.from(b.short), passages: Int32Array.from(b.passages) } } : {}),
    ...(d ? { dates: { ...d, numbers: Int32Array.from(d.numbers) } } : {}),
  };
}
