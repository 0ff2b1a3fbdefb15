/**
 * Entities in the editor: the Entities tree, the commands behind the entity code actions, and keeping the tree fresh.
 * The tree follows the server's `corpusAnnotator/entitiesChanged` only (sent after indexing, after registry edits,
 * whether made here or on disk, and when articles change on disk, saves included), and the Refresh Entities command.
 */
import * as vscode from 'vscode';
import { EntityNotifications } from '../../server/src/protocolEntities';
import type { ClientFeature } from './clientContext';
import { EntitiesTreeProvider } from './entitiesTree';
import { registerEntityCommands } from './entityCommands';

const REFRESH_DELAY_MS = 250;

export const entitiesFeature: ClientFeature = {
  register(ctx) {
    const { client } = ctx;
    const entitiesTree = new EntitiesTreeProvider(client);
    const entitiesView = vscode.window.createTreeView('corpusAnnotator.entities', { treeDataProvider: entitiesTree, showCollapseAll: true });
    Object.assign(ctx.exports, { entitiesTree, entitiesView });

    let timer: NodeJS.Timeout | undefined;
    const refreshSoon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => entitiesTree.refresh(), REFRESH_DELAY_MS);
    };

    return [
      entitiesTree,
      entitiesView,
      client.onNotification(EntityNotifications.entitiesChanged, refreshSoon),
      ...registerEntityCommands(client, entitiesTree),
      { dispose: () => timer && clearTimeout(timer) },
    ];
  },
};
