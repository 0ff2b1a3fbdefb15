/**
 * The entity listing clients show (the Entities tree): `corpusAnnotator/entities` (summaries, per type, searchable,
 * paged) and `corpusAnnotator/entityMentions` (one entity's mentions by article, on demand). Clients refetch on
 * `corpusAnnotator/entitiesChanged`, which the server sends after indexing and after the registry or articles changed.
 */
import { CancelledError, ENTITY_TYPES } from '../../core/index';
import {
  EntityRequests,
  type EntitiesParams,
  type EntitiesResult,
  type EntityMentionsParams,
  type EntityMentionsResult,
  type EntityTypeName,
} from '../../protocolEntities';
import type { Feature } from '../context';
import { entityMentions, listEntities, registryMembership } from '../entityListing';
import { handleRequest, oneOf, optionalInteger, optionalString, requiredString } from '../params';
import { untilIndexed } from '../untilIndexed';

type Fields = Record<string, unknown>;

function parseEntitiesParams(raw: Fields, what: string): EntitiesParams {
  const type = oneOf(raw, 'type', ENTITY_TYPES as readonly EntityTypeName[], what);
  const query = optionalString(raw, 'query', what);
  const offset = optionalInteger(raw, 'offset', what, 0);
  const limit = optionalInteger(raw, 'limit', what, 0); // 0: only the counts per type
  return { ...(type ? { type } : {}), ...(query !== undefined ? { query } : {}), ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) };
}

function parseMentionsParams(raw: Fields, what: string): EntityMentionsParams {
  const maxArticles = optionalInteger(raw, 'maxArticles', what, 1);
  return { entityId: requiredString(raw, 'entityId', what), ...(maxArticles !== undefined ? { maxArticles } : {}) };
}

export const entityList: Feature = {
  register(ctx) {
    const { connection } = ctx;
    const editor = ctx.registryEditor;

    // Params are checked in params.ts; results are typed by the request objects.
    handleRequest(connection, EntityRequests.entities, parseEntitiesParams, async (params, token): Promise<EntitiesResult> => {
      try {
        await untilIndexed(ctx.indexer.ready, token);
        const registry = await editor.current().catch(() => undefined);
        return listEntities(ctx.service.entityClustering(token, 'fast'), params, registryMembership(registry));
      } catch (e) {
        if (e instanceof CancelledError) return { total: 0, entities: [], types: [] };
        throw e;
      }
    });

    handleRequest(connection, EntityRequests.entityMentions, parseMentionsParams, async (params, token): Promise<EntityMentionsResult> => {
      await untilIndexed(ctx.indexer.ready, token);
      const entityId = params.entityId;
      const cluster = ctx.service.entityClustering(token, 'fast').cluster(entityId);
      return entityMentions(
        cluster,
        entityId,
        (key) => ctx.service.getText(key),
        (key) => ctx.workspace.uriOf(key),
        (key) => ctx.workspace.label(key),
        params.maxArticles,
      );
    });
  },
};
