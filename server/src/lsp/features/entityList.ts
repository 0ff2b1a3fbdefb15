/**
 * The entity listing clients show (the Entities tree): `corpusAnnotator/entities` (summaries, per type, searchable,
 * paged) and `corpusAnnotator/entityMentions` (one entity's mentions by article, on demand); and the
 * `corpusAnnotator/entitiesChanged` notification after every indexing of the corpus.
 */
import { CancelledError } from '../../core/index';
import { EntityNotifications, EntityRequests, type EntitiesParams, type EntitiesResult, type EntityMentionsResult } from '../../protocolEntities';
import type { Feature } from '../context';
import { entityMentions, listEntities, registryMembership } from '../entityListing';
import { registryEditorOf, whenIndexed } from '../registryEditor';

export const entityList: Feature = {
  register(ctx) {
    const { connection } = ctx;
    const editor = registryEditorOf(ctx);
    ctx.indexer.onIndexed(() => void connection.sendNotification(EntityNotifications.entitiesChanged, {}));

    connection.onRequest(EntityRequests.entities, async (params: EntitiesParams | undefined, token): Promise<EntitiesResult> => {
      await whenIndexed(ctx);
      const registry = await editor.current().catch(() => undefined);
      try {
        return listEntities(ctx.service.entityClustering(token), params, registryMembership(registry));
      } catch (e) {
        if (e instanceof CancelledError) return { total: 0, entities: [], types: [] };
        throw e;
      }
    });

    connection.onRequest(EntityRequests.entityMentions, async (params: { entityId?: string; maxArticles?: number } | undefined): Promise<EntityMentionsResult> => {
      await whenIndexed(ctx);
      const entityId = String(params?.entityId ?? '');
      const cluster = ctx.service.entityClustering().cluster(entityId);
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
