/**
 * The tagging commands: Tag Selection, Remove Tag, Reveal Tagged Passage, Refresh Tags. Adding and removing are done
 * by the server, which then sends `corpusAnnotator/tagsChanged` for the article: the tag model, the tree and the
 * highlights update from that notification, not by listing the tags again here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type AddTagArgs, type RemoveTagArgs, type TagItem } from '../../server/src/protocol';
import { executeServerCommand } from './serverCommands';
import type { TagModel } from './tagModel';
import type { TagNode } from './tagsTree';

/** Optional arguments, so that keybindings and tests can tag without prompts. */
export interface TagSelectionArgs {
  tag?: string;
  note?: string;
}

export function registerTagCommands(client: LanguageClient, model: TagModel): vscode.Disposable[] {
  const tagSelection = async (args?: TagSelectionArgs): Promise<TagItem | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Corpus Annotator: select the passage to tag first.');
      return undefined;
    }
    const label = args?.tag ?? (await pickTag(model));
    if (!label) return undefined;
    const note = args?.tag !== undefined ? args.note : await vscode.window.showInputBox({
      title: `Tag “${label}”`,
      prompt: 'Optional note for this passage (Enter to skip)',
      placeHolder: 'Note',
    });
    if (note === undefined && args?.tag === undefined) return undefined;
    await editor.document.save().then(undefined, () => undefined);
    const sel = editor.selection;
    const request: AddTagArgs = {
      uri: editor.document.uri.toString(),
      range: { start: { line: sel.start.line, character: sel.start.character }, end: { line: sel.end.line, character: sel.end.character } },
      tag: label,
      ...(note ? { note } : {}),
    };
    try {
      const item = await executeServerCommand(client, ServerCommands.addTag, request);
      vscode.window.setStatusBarMessage(`Tagged “${label}”`, 3000);
      return item;
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: could not tag: ${(e as Error).message}`);
      return undefined;
    }
  };

  const removeTag = async (target?: TagNode | TagItem): Promise<boolean> => {
    const item = !target ? await pickTagToRemove(model) : 'kind' in target ? (target.kind === 'passage' ? target.item : undefined) : target;
    if (!item) return false;
    const request: RemoveTagArgs = { uri: item.uri, id: item.id };
    try {
      return await executeServerCommand(client, ServerCommands.removeTag, request);
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: could not remove the tag: ${(e as Error).message}`);
      return false;
    }
  };

  const revealTag = async (item: TagItem): Promise<void> => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    if (!item.range) {
      void vscode.window.showWarningMessage(`The passage tagged “${item.tag}” is no longer in ${item.document}: its text changed.`);
      return;
    }
    const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    vscode.commands.registerCommand('corpusAnnotator.tagSelection', tagSelection),
    vscode.commands.registerCommand('corpusAnnotator.removeTag', removeTag),
    vscode.commands.registerCommand('corpusAnnotator.revealTag', revealTag),
    vscode.commands.registerCommand('corpusAnnotator.refreshTags', () => model.refresh()),
  ];
}

async function pickTag(model: TagModel): Promise<string | undefined> {
  await model.whenLoaded();
  const existing = model.labels().map(({ label, count }) => ({ label, description: `${count} passage${count === 1 ? '' : 's'}` }));
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = 'Tag the selected passage';
  qp.placeholder = existing.length ? 'Choose a tag or type a new one' : 'Type a new tag';
  qp.items = existing;
  qp.onDidChangeValue((value) => {
    const v = value.trim();
    const known = existing.some((e) => e.label === v);
    qp.items = v && !known ? [{ label: v, description: 'new tag', alwaysShow: true }, ...existing] : existing;
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0]?.label ?? qp.value.trim();
      resolve(picked || undefined);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function pickTagToRemove(model: TagModel): Promise<TagItem | undefined> {
  await model.whenLoaded();
  const editor = vscode.window.activeTextEditor;
  const here = editor?.document.uri.toString();
  const candidates = model.tags.filter((t) => {
    if (t.uri !== here || !t.range || !editor) return false;
    const r = new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character);
    return r.contains(editor.selection.active) || !!r.intersection(editor.selection);
  });
  const list = candidates.length ? candidates : model.tags.filter((t) => t.uri === here);
  if (!list.length) {
    void vscode.window.showInformationMessage('Corpus Annotator: no tag here to remove.');
    return undefined;
  }
  if (list.length === 1 && candidates.length === 1) return list[0];
  const picked = await vscode.window.showQuickPick(
    list.map((t) => ({ label: t.tag, description: t.range ? `line ${t.range.start.line + 1}` : 'orphaned', detail: t.quote.slice(0, 120), t })),
    { title: 'Remove which tag?' },
  );
  return picked?.t;
}
