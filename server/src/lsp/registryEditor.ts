/**
 * Applies analysts' corrections to the entity registry of the workspace and makes them visible at once: the registry
 * is written (never when it does not parse), reloaded into the core, open articles are re-analysed and clients are
 * told that entities changed.
 */
import * as path from 'node:path';
import type { EntityCluster, EntityClustering, EntityRef, EntityRegistry, RegistryEdit } from '../core/index';
import { EntityNotifications, type RegistryEditResult } from '../protocolEntities';
import { RegistryStore, RegistryStoreError } from '../store/registryStore';
import type { ServerContext } from './context';
import { REGISTRY_FILE } from './registryWatcher';
import { UserError } from './tagService';

/** The clustered entity as the registry edits see it: id, canonical name, type, spellings most frequent first. */
export function entityRefOf(cluster: EntityCluster): EntityRef {
  const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  return { entityId: cluster.entityId, canonical: cluster.canonical, type: cluster.type, spellings };
}

export class RegistryEditor {
  constructor(private readonly ctx: ServerContext) {}

  /** The registry file the server reads (the first workspace folder's), or undefined without a folder. */
  async store(): Promise<RegistryStore | undefined> {
    const store = (await this.ctx.workspace.allStores())[0];
    return store ? new RegistryStore(path.join(store.annotationsDir, REGISTRY_FILE)) : undefined;
  }

  /** The registry as it is on disk now (empty when missing or broken). */
  async current(): Promise<EntityRegistry | undefined> {
    const read = await (await this.store())?.read();
    return read?.ok ? read.registry : undefined;
  }

  /** The current clustering, after indexing. */
  async clustering(): Promise<EntityClustering> {
    await whenIndexed(this.ctx);
    return this.ctx.service.entityClustering();
  }

  /** The entity with this id, or a UserError that says what to do. */
  async entity(entityId: unknown): Promise<EntityCluster> {
    if (typeof entityId !== 'string' || !entityId) throw new UserError('No entity given (entityId).');
    const cluster = (await this.clustering()).cluster(entityId);
    if (!cluster) throw new UserError(`There is no entity \`${entityId}\` any more (the corpus or the registry changed); refresh and try again.`);
    return cluster;
  }

  /** Writes `edit` into the registry, then reloads it, re-analyses open articles and notifies clients. */
  async apply(edit: (registry: EntityRegistry) => RegistryEdit): Promise<RegistryEditResult> {
    const store = await this.store();
    if (!store) throw new UserError('Open a workspace folder first: the entity registry lives in its annotations folder.');
    let change;
    try {
      change = await store.change(edit);
    } catch (e) {
      if (e instanceof RegistryStoreError) throw new UserError(e.message);
      throw e;
    }
    if (change.changed) {
      await this.ctx.registry.load();
      this.ctx.validateSoon(0);
      void this.ctx.connection.sendNotification(EntityNotifications.entitiesChanged, {});
    }
    return { registry: this.ctx.workspace.label(store.file), message: change.message, changed: change.changed };
  }
}

/** Resolves when the corpus has been indexed (the indexer's readiness is pending until its first run ends). */
export function whenIndexed(ctx: ServerContext): Promise<void> {
  return ctx.indexer.ready;
}

const editors = new WeakMap<ServerContext, RegistryEditor>();

/** One editor per server context. */
export function registryEditorOf(ctx: ServerContext): RegistryEditor {
  let e = editors.get(ctx);
  if (!e) {
    e = new RegistryEditor(ctx);
    editors.set(ctx, e);
  }
  return e;
}
