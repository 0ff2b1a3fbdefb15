/**
 * What an article says by itself, before the corpus around it is known (while a host is still reading the corpus): its
 * names grouped within the article alone (with the registry), its dates, and its boilerplate as the article alone
 * shows it (page chrome, passages repeated inside it). Nothing here depends on another article, so none of it is a
 * corpus-wide fact: an entity's spellings and counts are the article's, and no copy in another article is known.
 */
import { clusterEntities, type EntityClustering } from './entities/aliases';
import type { EntityRegistry } from './entities/registry';
import { createBoilerplateIndex } from './boilerplate/index';
import { filterFindings, type IgnoreMatcher } from './boilerplate/ignoreRules';
import { entityAtIn } from './entityAt';
import type { DocumentAnalysis, EntityAt } from './corpusService';
import type { CancellationToken, DateMention, DocumentDate, RecognizedEntity } from './types';
import { throwIfCancelled } from './types';

export interface ArticleAlone {
  readonly analysis: DocumentAnalysis;
  /** Its names grouped within the article alone (with the registry): what its diagnostics are worded from. */
  readonly clustering: EntityClustering;
  /** The entity under `offset`, its cluster made from this article's names only. */
  entityAt(offset: number): EntityAt | undefined;
}

export interface ArticleAloneInput {
  readonly uri: string;
  readonly text: string;
  readonly names: RecognizedEntity[];
  readonly registry: EntityRegistry;
  readonly dates: { readonly documentDate?: DocumentDate; readonly dates: DateMention[] };
  readonly ignores: IgnoreMatcher;
}

export function analyseArticleAlone(input: ArticleAloneInput, token: CancellationToken): ArticleAlone {
  const { uri, text } = input;
  const clustering = clusterEntities([{ uri, entities: input.names }], input.registry, token);
  throwIfCancelled(token);
  // An index of its own, holding this article only: the corpus's index is left as it is.
  const scratch = createBoilerplateIndex();
  scratch.update(uri, text);
  const boilerplate = filterFindings(scratch.findings(uri, token), uri, text, input.ignores);
  const { documentDate, dates } = input.dates;
  const analysis: DocumentAnalysis = { uri, entities: clustering.mentionsOf(uri), dates, ...(documentDate ? { documentDate } : {}), boilerplate };
  return { analysis, clustering, entityAt: (offset) => entityAtIn(clustering, uri, offset) };
}
