/**
 * Entities in the editor: the Entities tree, the commands behind the entity code actions, and keeping the tree fresh.
 * The tree follows the server's `corpusAnnotator/entitiesChanged` only (sent after indexing, after registry edits,
 * whether made here or on disk, and when articles change on disk, saves included), and the Refresh Entities command.
 * Find Entity… (findEntity.ts) reveals an entity found by any of its names.
 */
import * as vscode from 'vscode';
import { EntityNotifications } from '../../server/src/protocolEntities';
import type { ClientFeature } from './clientContext';
import { EntitiesTreeProvider } from './entitiesTree';
import { registerEntityCommands } from './entityCommands';
import { registerFindEntity, revealEntity } from './findEntity';
import { EntityUndoKey } from './entityUndoKey';

const REFRESH_DELAY_MS = 250;

export const entitiesFeature: ClientFeature = {
  register(ctx) {
    const { client } = ctx;
    const entitiesTree = new EntitiesTreeProvider(client);
    const entitiesView = vscode.window.createTreeView('corpusAnnotator.entities', { treeDataProvider: entitiesTree, showCollapseAll: true });
    const entityUndoKey = new EntityUndoKey();
    Object.assign(ctx.exports, { entitiesTree, entitiesView, entityUndoKey });

    let timer: NodeJS.Timeout | undefined;
    // The selected entity stays selected (an entity found with Find Entity… included): a refresh redraws every row.
    const refreshKeepingSelection = async () => {
      const [selected] = entitiesView.selection;
      entitiesTree.refresh();
      if (selected?.kind === 'entity' && entitiesView.visible) await revealEntity(entitiesTree, entitiesView, selected.entity, { focus: false });
    };
    const refreshSoon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refreshKeepingSelection().catch(() => undefined), REFRESH_DELAY_MS);
    };

    return [
      entitiesTree,
      entitiesView,
      client.onNotification(EntityNotifications.entitiesChanged, refreshSoon),
      entityUndoKey,
      ...registerEntityCommands(client, entitiesTree, entityUndoKey),
      registerFindEntity(client, entitiesTree, entitiesView, ctx.exports),
      { dispose: () => timer && clearTimeout(timer) },
    ];
  },
};
