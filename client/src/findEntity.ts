/**
 * Find Entity…: a quick pick over every entity by any of its names — canonical, spellings, the registry's aliases —
 * searched by the server as one types (case, diacritics and small spelling differences ignored: `khamlieng` finds
 * Khamliang Outhakaysone), so a name with one mention is found in a corpus of thousands of entities. The chosen entity
 * is revealed in the Entities view, even when it is far past the loaded page of its type.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityRequests, type EntitySummary } from '../../server/src/protocolEntities';
import type { EntitiesTreeProvider, EntityNode } from './entitiesTree';
import { entityItem, pickedEntity, type EntityItem } from './entityCommands';

export const FIND_ENTITY_COMMAND = 'corpusAnnotator.findEntity';

/** Entities offered before anything is typed (the most mentioned), and found per search. */
const FIRST_OFFERED = 100;
const FOUND = 50;

/**
 * `exports`: the extension's exports, given `findEntityPick`, the pick while it is shown (tests read its items: VS
 * Code's API has no other way to).
 */
export function registerFindEntity(client: LanguageClient, tree: EntitiesTreeProvider, view: vscode.TreeView<EntityNode>, exports: Record<string, unknown>): vscode.Disposable {
  let shown: vscode.QuickPick<EntityItem> | undefined;
  exports.findEntityPick = () => shown;
  // `query`: the search to start with (the pick stays open for the analyst to change it or choose).
  return vscode.commands.registerCommand(FIND_ENTITY_COMMAND, async (query?: unknown): Promise<EntitySummary | undefined> => {
    const entity = await pickEntityByName(client, typeof query === 'string' ? query : '', tree.onDidChangeTreeData, (qp) => (shown = qp));
    if (!entity) return undefined;
    if (await revealEntity(tree, view, entity)) return entity;
    void vscode.window.showWarningMessage(`Corpus Annotator: ${entity.canonical} could not be shown in the Entities view (the corpus changed meanwhile); try again.`);
    return undefined;
  });
}

/** Tries to reveal an entity this many times: the tree may be refreshed meanwhile (entities change as articles do). */
const REVEAL_TRIES = 5;
const RETRY_AFTER_MS = 300;

/**
 * Selects the entity's row in the view. VS Code finds the row among its parent's children as the view fetches them
 * again; a refresh in between (after a recluster, a registry edit) cancels that fetch and the row is not found, so the
 * row is looked up afresh and revealed again after the tree's next change (or a short wait).
 */
export async function revealEntity(
  tree: EntitiesTreeProvider,
  view: vscode.TreeView<EntityNode>,
  entity: EntitySummary,
  options: { focus: boolean } = { focus: true },
): Promise<boolean> {
  const selected = () => view.selection.some((n) => n.kind === 'entity' && n.entity.id === entity.id);
  for (let attempt = 1; attempt <= REVEAL_TRIES; attempt++) {
    const node = await tree.nodeOfEntity(entity);
    if (!node) return false;
    try {
      await view.reveal(node, { select: true, focus: options.focus, expand: false });
      // The view tells this side of its selection a moment later; a refresh meanwhile leaves nothing selected.
      if (selected() || (await nextEvent(view.onDidChangeSelection), selected())) return true;
    } catch {
      await nextEvent(tree.onDidChangeTreeData);
    }
  }
  return false;
}

/** Resolves when `event` fires, or after RETRY_AFTER_MS. */
function nextEvent<T>(event: vscode.Event<T>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, RETRY_AFTER_MS);
    const listener = event(done);
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/** `entitiesChanged`: fires when the entities were fetched again (the Entities view's tree, told by the server). */
function pickEntityByName(
  client: LanguageClient, query: string, entitiesChanged: vscode.Event<unknown>, onShown: (qp: vscode.QuickPick<EntityItem> | undefined) => void,
): Promise<EntitySummary | undefined> {
  const qp = vscode.window.createQuickPick<EntityItem>();
  qp.title = 'Find Entity';
  qp.placeholder = 'Type any name or spelling of an entity';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.value = query;
  let latest = 0;
  let first: EntityItem[] | undefined;
  const search = async (value: string): Promise<void> => {
    const mine = ++latest;
    qp.busy = true;
    try {
      if (!value.trim()) {
        first ??= (await client.sendRequest(EntityRequests.entities, { limit: FIRST_OFFERED })).entities.map((e) => entityItem(e, false));
        if (mine === latest) qp.items = first;
        return;
      }
      const found = (await client.sendRequest(EntityRequests.entities, { query: value, limit: FOUND })).entities;
      // Shown as the server ranks them: the pick's own filter would hide spellings that differ from the label. None
      // found is said (an empty list looked like a search still running); the search runs again when entities change.
      if (mine === latest) {
        qp.items = found.length
          ? found.map((e) => ({ ...entityItem(e, false), alwaysShow: true }))
          : [{ label: `No entity is named “${value.trim()}”`, detail: 'A name just typed is found once the corpus is grouped again (a few seconds after typing pauses).', alwaysShow: true }];
      }
    } catch (e) {
      if (mine === latest) qp.items = [{ label: `Cannot search entities: ${(e as Error).message}` }];
    } finally {
      if (mine === latest) qp.busy = false;
    }
  };
  qp.onDidChangeValue((value) => void search(value));
  // Entities regrouped while the pick is open (a name typed a moment ago is now an entity): the search runs again.
  // (Through the Entities view's event: the client keeps one handler per notification, the view's.)
  const regrouped = entitiesChanged(() => {
    first = undefined;
    void search(qp.value);
  });
  qp.onDidHide(() => {
    regrouped.dispose();
    onShown(undefined);
  });
  qp.show();
  onShown(qp);
  void search(query);
  return pickedEntity(qp, true);
}
