/**
 * Entity commands of the VS Code client: the quick picks behind the "Add as a name of…" and "Change type…" code
 * actions, running a registry edit with clear errors, renaming an entity from the tree, revealing a mention.
 * Every change is made by the server (workspace/executeCommand), which writes `annotations/entities.yaml`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import {
  ClientEntityCommands,
  EntityNotifications,
  EntityRequests,
  RegistryCommands,
  type EntityActionTarget,
  type EntitySummary,
  type EntityTypeName,
  type RegistryEditResult,
} from '../../server/src/protocolEntities';
import { TYPE_LABELS, type EntitiesTreeProvider, type EntityNode, type MentionLocation } from './entitiesTree';
import { executeServerCommand } from './serverCommands';
import type { EntityUndoKey } from './entityUndoKey';

const TYPES = Object.keys(TYPE_LABELS) as EntityTypeName[];
const UNDO = 'Undo';

export function registerEntityCommands(client: LanguageClient, tree: EntitiesTreeProvider, undoKey: EntityUndoKey): vscode.Disposable[] {
  /**
   * Waits for a registry command run on the server; errors are shown with a way to the registry file. The Entities
   * tree is not refreshed here: the server sends entitiesChanged when the registry changed.
   */
  const reported = async (pending: Promise<RegistryEditResult>): Promise<RegistryEditResult | undefined> => {
    try {
      const result = await pending;
      announce(result);
      return result;
    } catch (e) {
      const message = (e as Error).message;
      const open = 'Open entities.yaml';
      void vscode.window.showErrorMessage(`Corpus Annotator: the entity registry was not changed. ${message}`, open).then(async (choice) => {
        if (choice !== open) return;
        const files = await vscode.workspace.findFiles('**/entities.yaml', '**/node_modules/**', 1);
        if (files[0]) await vscode.window.showTextDocument(files[0]);
      });
      return undefined;
    }
  };

  /** Says what a registry edit did; a change that can be undone gets an Undo button (not awaited: it stays up). */
  const announce = (result: RegistryEditResult): void => {
    if (!result.changed || !result.undoable) {
      vscode.window.setStatusBarMessage(`Corpus Annotator: ${result.message}`, 4000);
      return;
    }
    undoKey.corrected(); // Ctrl+Z undoes it now
    void vscode.window.showInformationMessage(`Corpus Annotator: ${result.message}.`, UNDO).then((choice) => {
      if (choice === UNDO) void undo();
    });
  };

  /** Corpus: Undo Last Entity Correction — the server restores the entries the last registry edit touched. */
  const undo = async (): Promise<RegistryEditResult | undefined> => {
    undoKey.clear(); // the next Ctrl+Z is the editor's again
    try {
      const result = await executeServerCommand(client, RegistryCommands.undo);
      if (result.changed) void vscode.window.showInformationMessage(`Corpus Annotator: ${result.message}.`);
      else vscode.window.setStatusBarMessage(`Corpus Annotator: ${result.message}`, 4000);
      return result;
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: ${(e as Error).message}`);
      return undefined;
    }
  };

  /** The client command behind code actions: runs whichever registry command (and arguments) the action names. */
  const registryEdit = (request: { command: string; arguments?: unknown[] }): Promise<RegistryEditResult | undefined> =>
    reported(client.sendRequest(ExecuteCommandRequest.type, { command: request.command, arguments: request.arguments ?? [] }));

  const addAliasOf = async (target: EntityActionTarget): Promise<RegistryEditResult | undefined> => {
    const picked = await pickEntity(client, target);
    if (!picked) return undefined;
    return reported(executeServerCommand(client, RegistryCommands.addAlias, { entityId: picked.id, alias: target.text }));
  };

  const changeEntityType = async (target: EntityActionTarget): Promise<RegistryEditResult | undefined> => {
    const items = TYPES.map((type) => ({
      label: TYPE_LABELS[type].singular,
      description: type === target.type ? 'current type' : undefined,
      type,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: `Type of ${target.canonical}`, placeHolder: 'Choose the entity type' });
    if (!picked || picked.type === target.type) return undefined;
    return reported(executeServerCommand(client, RegistryCommands.setType, { entityId: target.entityId, type: picked.type }));
  };

  const renameEntity = async (node?: EntityNode): Promise<RegistryEditResult | undefined> => {
    if (node?.kind !== 'entity') {
      await vscode.commands.executeCommand('editor.action.rename');
      return undefined;
    }
    const name = await vscode.window.showInputBox({
      title: `Rename ${node.entity.canonical}`,
      prompt: 'New canonical name (the old one stays as an alias; articles are not edited)',
      value: node.entity.canonical,
      validateInput: (v) => (v.trim() ? undefined : 'The name cannot be empty.'),
    });
    if (!name || name.trim() === node.entity.canonical) return undefined;
    return reported(executeServerCommand(client, RegistryCommands.rename, { entityId: node.entity.id, name: name.trim() }));
  };

  const revealMention = async (location: MentionLocation): Promise<void> => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    vscode.commands.registerCommand(ClientEntityCommands.registryEdit, registryEdit),
    vscode.commands.registerCommand('corpusAnnotator.undoEntityCorrection', undo),
    // A rename (F2) returns no result: the server says what it did.
    client.onNotification(EntityNotifications.registryEdited, (result: RegistryEditResult) => announce(result)),
    vscode.commands.registerCommand(ClientEntityCommands.addAliasOf, addAliasOf),
    vscode.commands.registerCommand(ClientEntityCommands.changeEntityType, changeEntityType),
    vscode.commands.registerCommand('corpusAnnotator.renameEntity', renameEntity),
    vscode.commands.registerCommand('corpusAnnotator.revealEntityMention', revealMention),
    vscode.commands.registerCommand('corpusAnnotator.refreshEntities', () => tree.refresh()),
    vscode.commands.registerCommand('corpusAnnotator.entitiesShowMore', (type: EntityTypeName) => tree.showMore(type)),
  ];
}

export type EntityItem = vscode.QuickPickItem & { entity?: EntitySummary };

/**
 * The entity picked in `qp` (undefined when it is dismissed). Enter with nothing highlighted (the list still loading)
 * keeps the pick open, and so does Enter while `qp` is busy when `waitWhileBusy` (a search running: its results would
 * replace what is highlighted).
 */
export function pickedEntity(qp: vscode.QuickPick<EntityItem>, waitWhileBusy = false): Promise<EntitySummary | undefined> {
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const entity = waitWhileBusy && qp.busy ? undefined : (qp.selectedItems[0]?.entity ?? qp.activeItems[0]?.entity);
      if (!entity) return;
      resolve(entity);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
  });
}

/** An entity as a quick pick item: its canonical name, type and mention count, and its other spellings. */
export function entityItem(e: EntitySummary, suggested: boolean): EntityItem {
  const others = e.spellings.filter((s) => s.text !== e.canonical).map((s) => s.text);
  return {
    label: e.canonical,
    description: `${TYPE_LABELS[e.type].singular} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'}${suggested ? ' · suggested' : ''}`,
    detail: others.length ? `also ${others.slice(0, 5).join(', ')}` : undefined,
    entity: e,
  };
}

/** A quick pick of entities: suggestions for the spelling first, then a search over all entities as one types. */
async function pickEntity(client: LanguageClient, target: EntityActionTarget): Promise<EntitySummary | undefined> {
  const search = async (query: string, limit: number): Promise<EntitySummary[]> =>
    (await client.sendRequest(EntityRequests.entities, { query, limit })).entities.filter((e) => e.id !== target.entityId);
  const qp = vscode.window.createQuickPick<EntityItem>();
  qp.title = `“${target.text}” is a name of…`;
  qp.placeholder = 'Type to search entities by any spelling';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.busy = true;
  qp.show();
  const words = target.text.split(/\s+/).filter((w) => w.length >= 4);
  const [suggested, ...byWord] = await Promise.all([search(target.text, 10), ...words.map((w) => search(w, 5))]);
  const top = (await client.sendRequest(EntityRequests.entities, { type: target.type, limit: 100 })).entities;
  const seen = new Set<string>([target.entityId]);
  const initial: EntityItem[] = [];
  for (const [list, flag] of [[suggested, true], [byWord.flat(), true], [top, false]] as const) {
    for (const e of list) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      initial.push(entityItem(e, flag));
    }
  }
  qp.items = initial;
  qp.busy = false;
  let latest = 0;
  qp.onDidChangeValue(async (value) => {
    const mine = ++latest;
    if (!value.trim()) {
      qp.items = initial;
      return;
    }
    qp.busy = true;
    const found = await search(value, 50).catch(() => []);
    if (mine !== latest) return;
    const ids = new Set(found.map((e) => e.id));
    qp.items = [...found.map((e) => ({ ...entityItem(e, false), alwaysShow: true })), ...initial.filter((i) => !ids.has(i.entity!.id))];
    qp.busy = false;
  });
  return pickedEntity(qp);
}
