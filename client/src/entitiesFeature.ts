/**
 * Entities in the editor: the Entities tree, the commands behind the entity code actions, and keeping the tree fresh
 * (when the server says entities changed, when an article is saved, when the registry file changes on disk).
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
    const registryWatcher = vscode.workspace.createFileSystemWatcher('**/entities.yaml');
    // The server may offer quick-pick code actions ("Add as a name of…", "Change type…") to this client.
    void client.sendNotification(EntityNotifications.clientPickers, { pickers: true });

    return [
      entitiesTree,
      entitiesView,
      registryWatcher,
      client.onNotification(EntityNotifications.entitiesChanged, refreshSoon),
      vscode.workspace.onDidSaveTextDocument((doc) => doc.uri.path.endsWith('.txt') && refreshSoon()),
      registryWatcher.onDidChange(refreshSoon),
      registryWatcher.onDidCreate(refreshSoon),
      registryWatcher.onDidDelete(refreshSoon),
      ...registerEntityCommands(client, entitiesTree),
      { dispose: () => timer && clearTimeout(timer) },
    ];
  },
};
