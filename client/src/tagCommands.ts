/**
 * The tagging commands: Tag Selection, Remove Tag, Reveal Tagged Passage, Refresh Tags. Adding and removing are done
 * by the server, which then sends `corpusAnnotator/tagsChanged` for the article: the tag model, the tree and the
 * highlights update from that notification, not by listing the tags again here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type AddTagArgs, type LspRange, type RemoveTagArgs, type TagItem } from '../../server/src/protocol';
import { executeServerCommand } from './serverCommands';
import type { TagModel } from './tagModel';
import type { TagNode } from './tagsTree';

/** Optional arguments, so that keybindings and tests can tag without prompts. */
export interface TagSelectionArgs {
  tag?: string;
  note?: string;
}

export function registerTagCommands(client: LanguageClient, model: TagModel, memento: vscode.Memento): vscode.Disposable[] {
  const tagSelection = async (args?: TagSelectionArgs): Promise<TagItem | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Corpus Annotator: select the passage to tag first.');
      return undefined;
    }
    const label = args?.tag ?? (await pickTag(model, memento));
    if (!label) return undefined;
    await rememberTag(memento, label);
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
    const target = item.range ?? item.suggestion;
    if (!item.range) {
      void vscode.window.showWarningMessage(
        item.suggestion
          ? `The passage tagged “${item.tag}” changed in ${item.document}; its words are at the selected place, without their context. Use Accept Suggested Place, Attach Tag to Selection or Remove Tag.`
          : `The passage tagged “${item.tag}” is no longer in ${item.document}. Select its new passage and use Attach Tag to Selection, or Remove Tag.`,
      );
      if (!target) return;
    }
    const range = toRange(target!);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const reanchor = async (item: TagItem, range: LspRange, done: string): Promise<void> => {
    try {
      await executeServerCommand(client, ServerCommands.reanchorTag, { uri: item.uri, id: item.id, range });
      vscode.window.setStatusBarMessage(done, 3000);
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: could not move the tag: ${(e as Error).message}`);
    }
  };

  const acceptSuggestion = async (target?: TagNode | TagItem): Promise<void> => {
    const item = itemOf(target);
    const range = item?.status === 'fuzzy' ? item.range : item?.suggestion;
    if (!item || !range) return;
    await reanchor(item, range, `Tag “${item.tag}” attached at line ${range.start.line + 1}`);
  };

  const attachToSelection = async (target?: TagNode | TagItem): Promise<void> => {
    const item = itemOf(target) ?? (await pickTagNeedingAttention(model));
    if (!item) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty || editor.document.uri.toString() !== vscode.Uri.parse(item.uri).toString()) {
      void vscode.window.showInformationMessage(`Corpus Annotator: open ${item.document}, select the passage for “${item.tag}”, then run Attach Tag to Selection.`);
      await revealTag(item);
      return;
    }
    const sel = editor.selection;
    await reanchor(item, { start: { line: sel.start.line, character: sel.start.character }, end: { line: sel.end.line, character: sel.end.character } }, `Tag “${item.tag}” attached to the selection`);
  };

  const editNote = async (target?: TagNode | TagItem): Promise<void> => {
    const item = itemOf(target) ?? (await pickTagHere(model, 'Edit the note of which tag?'));
    if (!item) return;
    const note = await vscode.window.showInputBox({ title: `Note on “${item.tag}”`, value: item.note ?? '', prompt: 'Empty to remove the note' });
    if (note === undefined) return;
    try {
      await executeServerCommand(client, ServerCommands.editNote, { uri: item.uri, id: item.id, note });
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: could not edit the note: ${(e as Error).message}`);
    }
  };

  /** Moves the cursor to the next (or previous) tagged passage of the article, wrapping around. */
  const goToTag = (direction: 1 | -1) => async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    await model.whenLoaded();
    const here = editor.document.uri.toString();
    const ranges = model.tags
      .filter((t) => vscode.Uri.parse(t.uri).toString() === here && t.range)
      .map((t) => toRange(t.range!))
      .sort((a, b) => a.start.compareTo(b.start));
    if (!ranges.length) {
      vscode.window.setStatusBarMessage('No tagged passage in this article', 3000);
      return;
    }
    const at = editor.selection.active;
    const next = direction > 0 ? ranges.find((r) => r.start.isAfter(at)) ?? ranges[0] : [...ranges].reverse().find((r) => r.start.isBefore(at) && !r.contains(at)) ?? ranges[ranges.length - 1];
    editor.selection = new vscode.Selection(next.start, next.end);
    editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    vscode.commands.registerCommand('corpusAnnotator.tagSelection', tagSelection),
    vscode.commands.registerCommand('corpusAnnotator.removeTag', removeTag),
    vscode.commands.registerCommand('corpusAnnotator.revealTag', revealTag),
    vscode.commands.registerCommand('corpusAnnotator.refreshTags', () => model.refresh()),
    vscode.commands.registerCommand('corpusAnnotator.acceptTagSuggestion', acceptSuggestion),
    vscode.commands.registerCommand('corpusAnnotator.attachTagToSelection', attachToSelection),
    vscode.commands.registerCommand('corpusAnnotator.editTagNote', editNote),
    vscode.commands.registerCommand('corpusAnnotator.nextTag', goToTag(1)),
    vscode.commands.registerCommand('corpusAnnotator.previousTag', goToTag(-1)),
  ];
}

const RECENT_KEY = 'corpusAnnotator.recentTags';
const RECENT_MAX = 10;

async function rememberTag(memento: vscode.Memento, label: string): Promise<void> {
  const recent = memento.get<string[]>(RECENT_KEY, []).filter((l) => l !== label);
  await memento.update(RECENT_KEY, [label, ...recent].slice(0, RECENT_MAX));
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function itemOf(target: TagNode | TagItem | undefined): TagItem | undefined {
  if (!target) return undefined;
  return 'kind' in target ? (target.kind === 'passage' ? target.item : undefined) : target;
}

async function pickTagNeedingAttention(model: TagModel): Promise<TagItem | undefined> {
  await model.whenLoaded();
  const list = model.tags.filter((t) => t.status === 'orphaned' || t.status === 'fuzzy');
  if (!list.length) {
    void vscode.window.showInformationMessage('Corpus Annotator: no orphaned or fuzzy tags.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.map((t) => ({ label: t.tag, description: `${t.document} · ${t.status}`, detail: t.quote.slice(0, 120), t })),
    { title: 'Attach which tag to the selection?' },
  );
  return picked?.t;
}

async function pickTagHere(model: TagModel, title: string): Promise<TagItem | undefined> {
  await model.whenLoaded();
  const editor = vscode.window.activeTextEditor;
  const here = editor?.document.uri.toString();
  const list = model.tags.filter((t) => vscode.Uri.parse(t.uri).toString() === here);
  const atCursor = list.filter((t) => t.range && editor && toRange(t.range).contains(editor.selection.active));
  if (atCursor.length === 1) return atCursor[0];
  if (!list.length) {
    void vscode.window.showInformationMessage('Corpus Annotator: no tag in this article.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    (atCursor.length ? atCursor : list).map((t) => ({ label: t.tag, description: t.range ? `line ${t.range.start.line + 1}` : t.status, detail: t.quote.slice(0, 120), t })),
    { title },
  );
  return picked?.t;
}

/**
 * The tag to apply: tags used recently first, then every other tag in use (most used first). Typing filters them; a
 * "new tag" entry is offered only when nothing in use is exactly the typed text, and it comes after the matches, so
 * Enter picks a matching tag (`defence` → `defence-cooperation`) rather than creating a near-duplicate. Enter on an
 * empty box repeats the last tag used.
 */
async function pickTag(model: TagModel, memento: vscode.Memento): Promise<string | undefined> {
  await model.whenLoaded();
  const counts = new Map(model.labels().map(({ label, count }) => [label, count]));
  const recent = memento.get<string[]>(RECENT_KEY, []).filter((l) => counts.has(l));
  const others = [...counts.keys()].filter((l) => !recent.includes(l));
  const describe = (label: string, isRecent: boolean) => {
    const n = counts.get(label) ?? 0;
    return `${isRecent ? 'recent · ' : ''}${n} passage${n === 1 ? '' : 's'}`;
  };
  const existing: vscode.QuickPickItem[] = [
    ...recent.map((label) => ({ label, description: describe(label, true) })),
    ...others.map((label) => ({ label, description: describe(label, false) })),
  ];
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = 'Tag the selected passage';
  qp.placeholder = recent.length ? `Choose a tag or type a new one (Enter: “${recent[0]}” again)` : existing.length ? 'Choose a tag or type a new one' : 'Type a new tag';
  qp.items = existing;
  qp.onDidChangeValue((value) => {
    const v = value.trim();
    qp.items = v && !counts.has(v) ? [...existing, { label: v, description: 'new tag', alwaysShow: true }] : existing;
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const typed = qp.value.trim();
      // An empty box repeats the last tag used, and does nothing when there is none (never the first in the list).
      if (!typed && !recent.length) return;
      const picked = typed ? (qp.selectedItems[0]?.label ?? qp.activeItems[0]?.label ?? typed) : recent[0];
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
