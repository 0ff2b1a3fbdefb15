/**
 * The map step of a corpus analysis split in two (map per article, reduce over the corpus), so that any engine can run
 * the costly per-article part (name recognition, dates, boilerplate signatures) on many machines: one article in, one
 * JSON-serialisable record out. The record holds the article's own analysis and the keys by which articles meet in
 * the corpus-wide steps: name keys (alias clusters) and LSH band keys (cross-article boilerplate). reduce.ts joins
 * the records into exactly the results of a single in-process run.
 */
import type { CancellationToken, DateMention, DocumentDate } from '../types';
import { throwIfCancelled } from '../types';
import { ANALYSIS_VERSION, encodeArticleState, type ArticleState } from '../analysisState';
import { createEntityRecognizer } from '../entities/recognizer';
import type { NerModel } from '../entities/model';
import { foldName } from '../entities/nameKey';
import { recognizeDocumentDates, type DateOptions } from '../dates/index';
import { PASSAGE_FIELDS, summarizeBoilerplate } from '../boilerplate/summary';
import { DEFAULT_MIN_PASSAGE_CHARS } from '../boilerplate/index';

/** Bumped when the record's shape changes; the reduce refuses records of another version. */
export const MAP_OUTPUT_VERSION = 1;

export interface ArticleMapOutput {
  readonly version: typeof MAP_OUTPUT_VERSION;
  /** The recogniser's version (analysisState.ts): records of several versions are not joined. */
  readonly analysisVersion: number;
  /** The article's key (an absolute path in the CLI); the reduce orders articles by it. */
  readonly uri: string;
  /** The text, needed by the reduce to verify near-duplicates across articles and to quote findings. */
  readonly text: string;
  /** The names recognised in the text (analysisState.ts: offsets into `text`). */
  readonly names: ArticleState;
  readonly dates: readonly DateMention[];
  readonly documentDate?: DocumentDate;
  /** The keys by which this article meets others in the corpus-wide steps. */
  readonly keys: {
    /** Folded spellings of its names (the alias clustering's blocking key). */
    readonly names: readonly string[];
    /** LSH band keys of its passages (candidate duplicates and near-duplicates). */
    readonly bands: readonly number[];
  };
}

export interface MapStep {
  /** The map output of one article; pure in its arguments (same text, options and model → same record). */
  map(uri: string, text: string, options: DateOptions | undefined, token: CancellationToken): ArticleMapOutput;
}

export function createMapStep(model: NerModel): MapStep {
  const recognizer = createEntityRecognizer(model);
  return Object.freeze({
    map(uri: string, text: string, options: DateOptions | undefined, token: CancellationToken): ArticleMapOutput {
      throwIfCancelled(token);
      const entities = recognizer.recognize(text, token);
      const names = encodeArticleState(text, entities);
      if (!names) throw new Error(`The names found in ${uri} cannot be recorded.`);
      throwIfCancelled(token);
      const { documentDate, dates } = recognizeDocumentDates(text, options, token);
      throwIfCancelled(token);
      const { passages } = summarizeBoilerplate(text, DEFAULT_MIN_PASSAGE_CHARS).summary;
      const bandSet = new Set<number>();
      for (let k = 0; k < passages.length; k += PASSAGE_FIELDS + passages[k + PASSAGE_FIELDS - 1]) {
        for (let j = k + PASSAGE_FIELDS; j < k + PASSAGE_FIELDS + passages[k + PASSAGE_FIELDS - 1]; j++) bandSet.add(passages[j]);
      }
      const nameSet = new Set<string>();
      for (const e of entities) nameSet.add(foldName(e.text));
      return {
        version: MAP_OUTPUT_VERSION,
        analysisVersion: ANALYSIS_VERSION,
        uri,
        text,
        names,
        dates,
        ...(documentDate ? { documentDate } : {}),
        keys: { names: [...nameSet].sort(), bands: [...bandSet].sort((a, b) => a - b) },
      };
    },
  });
}
