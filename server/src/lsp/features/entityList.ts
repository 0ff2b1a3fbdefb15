/**
 * The entity listing clients show (the Entities tree): `corpusAnnotator/entities` (summaries, per type, searchable,
 * paged) and `corpusAnnotator/entityMentions` (one entity's mentions by article, on demand). Clients refetch on
 * `corpusAnnotator/entitiesChanged`, which the server sends after indexing and after the registry or articles changed.
 */
import { CancelledError } from '../../core/index';
import { EntityRequests, type EntitiesResult, type EntityMentionsResult } from '../../protocolEntities';
import type { Feature } from '../context';
import { entityMentions, listEntities, registryMembership } from '../entityListing';

export const entityList: Feature = {
  register(ctx) {
    const { connection } = ctx;
    const editor = ctx.registryEditor;

    // Params and results are typed by the request objects; `params?.` guards clients that send null.
    connection.onRequest(EntityRequests.entities, async (params, token): Promise<EntitiesResult> => {
      await ctx.indexer.ready;
      const registry = await editor.current().catch(() => undefined);
      try {
        return listEntities(ctx.service.entityClustering(token), params, registryMembership(registry));
      } catch (e) {
        if (e instanceof CancelledError) return { total: 0, entities: [], types: [] };
        throw e;
      }
    });

    connection.onRequest(EntityRequests.entityMentions, async (params, token): Promise<EntityMentionsResult> => {
      await ctx.indexer.ready;
      const entityId = String(params?.entityId ?? '');
      const cluster = ctx.service.entityClustering(token).cluster(entityId);
      return entityMentions(
        cluster,
        entityId,
        (key) => ctx.service.getText(key),
        (key) => ctx.workspace.uriOf(key),
        (key) => ctx.workspace.label(key),
        typeof params?.maxArticles === 'number' ? params.maxArticles : undefined,
      );
    });
  },
};
