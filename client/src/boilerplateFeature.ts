/**
 * Boilerplate in the editor: the `Boilerplate` tree (kept fresh on `corpusAnnotator/boilerplateChanged` only, lazily
 * while hidden; the server sends it after every ignore, so the ignore commands do not refetch themselves), revealing
 * a copy, ignoring a cluster everywhere or a copy here from the tree, and `corpusAnnotator.tagRange`, the client
 * command behind the "Tag this passage…" code action (selects the range, runs Tag Selection).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BoilerplateClientCommands,
  BoilerplateCommands,
  BoilerplateNotifications,
  type BoilerplatePlace,
  type IgnoreBoilerplateArgs,
  type TagRangeArgs,
} from '../../server/src/protocolBoilerplate';
import type { LspRange } from '../../server/src/protocol';
import type { ClientFeature } from './clientContext';
import { BoilerplateTreeProvider, type BoilerplateNode } from './boilerplateTree';
import { executeServerCommand } from './serverCommands';

type IgnoreCommand = (typeof BoilerplateCommands)[keyof typeof BoilerplateCommands];

const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export const boilerplateFeature: ClientFeature = {
  register(ctx) {
    const tree = new BoilerplateTreeProvider(ctx.client);
    const view = vscode.window.createTreeView('corpusAnnotator.boilerplate', { treeDataProvider: tree, showCollapseAll: true });
    Object.assign(ctx.exports, { boilerplateTree: tree, boilerplateView: view });

    let stale = true;
    const refreshIfShown = () => {
      if (view.visible) {
        stale = false;
        void tree.refresh();
      } else {
        stale = true;
      }
    };
    refreshIfShown();

    return [
      tree,
      view,
      view.onDidChangeVisibility(() => {
        if (view.visible && stale) refreshIfShown();
      }),
      ctx.client.onNotification(BoilerplateNotifications.changed, refreshIfShown),
      vscode.commands.registerCommand('corpusAnnotator.boilerplate.refresh', () => tree.refresh()),
      vscode.commands.registerCommand('corpusAnnotator.boilerplate.reveal', reveal),
      vscode.commands.registerCommand('corpusAnnotator.boilerplate.ignoreEverywhere', (node?: BoilerplateNode) =>
        ignoreFromTree(ctx.client, node, BoilerplateCommands.ignoreEverywhere),
      ),
      vscode.commands.registerCommand('corpusAnnotator.boilerplate.ignoreHere', (node?: BoilerplateNode) =>
        ignoreFromTree(ctx.client, node, BoilerplateCommands.ignoreHere),
      ),
      vscode.commands.registerCommand(BoilerplateClientCommands.tagRange, tagRange),
    ];
  },
};

async function reveal(place: BoilerplatePlace): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const range = toRange(place.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function ignoreFromTree(client: LanguageClient, node: BoilerplateNode | undefined, command: IgnoreCommand): Promise<boolean> {
  const everywhere = command === BoilerplateCommands.ignoreEverywhere;
  const target = node?.kind === 'cluster' ? { cluster: node.cluster, place: node.cluster.places[0] } : node?.kind === 'place' ? node : undefined;
  if (!target?.place) {
    void vscode.window.showInformationMessage(
      `Corpus Annotator: choose ${everywhere ? 'a repeated passage' : 'one copy'} in the Boilerplate view to ignore.`,
    );
    return false;
  }
  const args: IgnoreBoilerplateArgs = { uri: target.place.uri, range: target.place.range, kind: target.cluster.kind };
  try {
    const changed = await executeServerCommand(client, command, args);
    vscode.window.setStatusBarMessage(everywhere ? 'Passage ignored everywhere' : 'Passage ignored here', 3000);
    return changed;
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Annotator: could not ignore the passage: ${(e as Error).message}`);
    return false;
  }
}

async function tagRange(args?: TagRangeArgs): Promise<unknown> {
  if (!args?.uri || !args.range) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = await vscode.window.showTextDocument(doc);
  const range = toRange(args.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return vscode.commands.executeCommand('corpusAnnotator.tagSelection');
}
