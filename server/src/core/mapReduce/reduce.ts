/**
 * The reduce step: joins the map outputs of a corpus (mapOutput.ts), in any order, into the analyses a single
 * in-process run gives (corpusService.ts `analyze` for every article): entities with their corpus-wide clusters,
 * dates, and boilerplate findings with their copies in other articles. The names are not recognised again; the
 * corpus-wide steps (alias clustering over name keys, LSH bands and corpus statistics for boilerplate) run here, over
 * the articles in key order, so the order the records come in does not matter.
 */
import type { CancellationToken } from '../types';
import { throwIfCancelled } from '../types';
import { ANALYSIS_VERSION, decodeArticleState, fitsArticleState } from '../analysisState';
import { type DocumentEntities, type EntityClustering } from '../entities/aliases';
import { clusterEntitiesAsSnapshot, clusteringFromSnapshot } from '../entities/clusteringSnapshot';
import { EMPTY_REGISTRY, type EntityRegistry } from '../entities/registry';
import { createBoilerplateIndex } from '../boilerplate/index';
import { compileIgnores, filterFindings, NO_IGNORES, type BoilerplateIgnores } from '../boilerplate/ignoreRules';
import type { DocumentAnalysis } from '../corpusService';
import { MAP_OUTPUT_VERSION, type ArticleMapOutput } from './mapOutput';

export interface ReduceInput {
  readonly registry?: EntityRegistry;
  readonly ignores?: BoilerplateIgnores;
}

export interface ReducedCorpus {
  /** The articles' keys, sorted. */
  readonly uris: readonly string[];
  readonly clustering: EntityClustering;
  /** One article's analysis, as `CorpusService.analyze` gives it in a single run over the same articles. */
  analyze(uri: string, token: CancellationToken): DocumentAnalysis;
}

export class MapOutputError extends Error {}

/** Checks one record read from JSON; throws MapOutputError saying what is wrong. */
export function checkMapOutput(value: unknown): ArticleMapOutput {
  const r = value as Partial<ArticleMapOutput> | null;
  if (!r || typeof r !== 'object') throw new MapOutputError('a map output must be a JSON object');
  if (r.version !== MAP_OUTPUT_VERSION) throw new MapOutputError(`map output version ${String(r.version)}, expected ${MAP_OUTPUT_VERSION}`);
  if (r.analysisVersion !== ANALYSIS_VERSION) {
    throw new MapOutputError(`map output of analysis version ${String(r.analysisVersion)}, this reduce is version ${ANALYSIS_VERSION}: run the map again`);
  }
  if (typeof r.uri !== 'string' || typeof r.text !== 'string' || !Array.isArray(r.dates) || !r.names) {
    throw new MapOutputError('a map output needs uri, text, names and dates');
  }
  return r as ArticleMapOutput;
}

export function reduceMapOutputs(records: Iterable<ArticleMapOutput>, input: ReduceInput, token: CancellationToken): ReducedCorpus {
  const byUri = new Map<string, ArticleMapOutput>();
  for (const r of records) {
    const seen = byUri.get(r.uri);
    if (seen && seen.text !== r.text) throw new MapOutputError(`two different texts for ${r.uri}`);
    byUri.set(r.uri, r);
  }
  const uris = [...byUri.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const docs: DocumentEntities[] = [];
  const boilerplate = createBoilerplateIndex();
  for (const uri of uris) {
    throwIfCancelled(token);
    const r = byUri.get(uri)!;
    if (!fitsArticleState(r.text, r.names)) throw new MapOutputError(`the names recorded for ${uri} do not fit its text`);
    // Made each time the clustering reads them, not all held at once (aliases.ts's `placedNames`).
    docs.push({ uri, get entities() { return decodeArticleState(r.text, r.names)!; } });
    boilerplate.update(uri, r.text);
  }
  // As the corpus service makes its own (its snapshot, then the clustering read from it): no object per mention held.
  const registry = input.registry ?? EMPTY_REGISTRY;
  const clustering = clusteringFromSnapshot(clusterEntitiesAsSnapshot(docs, registry, token), registry);
  const ignores = compileIgnores(input.ignores ?? NO_IGNORES);
  return Object.freeze({
    uris,
    clustering,
    analyze(uri: string, t: CancellationToken): DocumentAnalysis {
      const r = byUri.get(uri);
      if (!r) return { uri, entities: [], dates: [], boilerplate: [] };
      throwIfCancelled(t);
      const findings = filterFindings(boilerplate.findings(uri, t), uri, r.text, ignores);
      return {
        uri,
        entities: clustering.mentionsOf(uri),
        dates: r.dates,
        ...(r.documentDate ? { documentDate: r.documentDate } : {}),
        boilerplate: findings,
      };
    },
  });
}
