/**
 * What the indexer asks of a pool that analyses articles away from its thread (node/parallelAnalysis.ts): each text's
 * analysis state (core/analysisState.ts), null where a text's state cannot be written (it is then analysed here); or a
 * part of it (`AnalysisPart`).
 */
import type { ArticleRest, ArticleState } from '../core/index';

/** `names`: a state's names only (core/analysisState.ts, analyseArticleNames); `rest`: the rest of it. */
export type AnalysisPart = 'names' | 'rest';

export interface AnalysisPool {
  /** How many texts it analyses at once. */
  readonly size: number;
  /** Each text's whole state, or (`names`) its names only. */
  analyse(texts: readonly string[], part?: 'names'): Promise<(ArticleState | null)[]>;
  /** The rest of each text's state (analyseArticleRest): its boilerplate summary and dates. */
  rest(texts: readonly string[]): Promise<(ArticleRest | null)[]>;
  /** Stops its workers (what was asked and not answered fails); resolves when they have stopped. */
  close(): Promise<void>;
}

/** Starts a pool for one indexing. */
export type ParallelAnalysis = () => AnalysisPool;
