/**
 * What the indexer asks of a pool that analyses articles away from its thread (node/parallelAnalysis.ts): each text's
 * analysis state (core/analysisState.ts), null where a text's state cannot be written (it is then analysed here).
 */
import type { ArticleState } from '../core/index';

export interface AnalysisPool {
  /** How many texts it analyses at once. */
  readonly size: number;
  analyse(texts: readonly string[]): Promise<(ArticleState | null)[]>;
  /** Stops its workers (what was asked and not answered fails); resolves when they have stopped. */
  close(): Promise<void>;
}

/** Starts a pool for one indexing. */
export type ParallelAnalysis = () => AnalysisPool;
