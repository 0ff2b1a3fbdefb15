/**
 * The tagging commands: Tag Selection (with the sticky active tag), Tag All Occurrences, Remove Tag, Edit Tag Note,
 * Reveal, Accept Suggested Place, Attach Tag to Selection, next/previous tagged passage, Undo Last Tag Operation,
 * Rename/Move/Merge Tag, and the Corpus Tags view's grouping and filter. Changes are made by the server, which then
 * sends `corpusAnnotator/tagsChanged` for the articles: the tag model, the tree and the highlights update from that
 * notification, not by listing the tags again here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Requests,
  ServerCommands,
  type AddTagArgs,
  type LspRange,
  type RenameTagResult,
  type TagItem,
  type TagOccurrencesResult,
  type UndoResult,
} from '../../server/src/protocol';
import type { ActiveTag } from './activeTag';
import { executeServerCommand } from './serverCommands';
import { planRename } from './tagChoices';
import type { TagModel } from './tagModel';
import { ask, choose, pickTag, rememberTag, renameRecent, type TagPrompts } from './tagPrompts';
import { snippet, type TagNode, type TagsTreeProvider } from './tagsTree';
import type { TaxonomyModel } from './taxonomyModel';

/** Optional arguments, so that keybindings and tests can tag without prompts. */
export interface TagSelectionArgs {
  tag?: string;
  note?: string;
}

export interface TagAllOccurrencesArgs {
  tag?: string;
  note?: string;
  scope?: 'article' | 'corpus';
}

/** A tag named by its article and id, as in the hover's links. */
export interface TagRef {
  uri: string;
  id: string;
}

export interface TagCommandDeps {
  client: LanguageClient;
  model: TagModel;
  taxonomy: TaxonomyModel;
  activeTag: ActiveTag;
  tree: TagsTreeProvider;
  memento: vscode.Memento;
  prompts: TagPrompts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function registerTagCommands(deps: TagCommandDeps): vscode.Disposable[] {
  const { client, model, taxonomy, activeTag, tree, memento, prompts } = deps;
  const fail = (what: string) => (e: unknown) => {
    void vscode.window.showErrorMessage(`Corpus Annotator: ${what}: ${(e as Error).message}`);
    return undefined;
  };

  const selectedPassage = (what: string): { editor: vscode.TextEditor; range: LspRange } | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage(`Corpus Annotator: select the passage ${what} first.`);
      return undefined;
    }
    return { editor, range: lspRange(editor.selection) };
  };

  const tagSelection = async (args?: TagSelectionArgs): Promise<TagItem | undefined> => {
    const target = selectedPassage('to tag');
    if (!target) return undefined;
    const sticky = args?.tag === undefined ? activeTag.tag : undefined;
    const prompted = args?.tag === undefined && sticky === undefined;
    // The picker stays up until the note box replaces it, so that no key typed in between reaches the article.
    const label = args?.tag ?? sticky ?? (await pickTag(prompts, model, taxonomy, memento, { keepOpen: true }));
    if (!label) return undefined;
    const note = prompted ? await ask(prompts, { title: `Tag “${label}”`, prompt: 'Optional note for this passage (Enter to skip)', placeholder: 'Note' }) : args?.note;
    if (prompted && note === undefined) return undefined;
    await rememberTag(memento, label);
    const { editor, range } = target;
    await editor.document.save().then(undefined, () => undefined);
    const request: AddTagArgs = { uri: editor.document.uri.toString(), range, tag: label, ...(note ? { note } : {}) };
    try {
      const item = await executeServerCommand(client, ServerCommands.addTag, request);
      vscode.window.setStatusBarMessage(`$(tag) Tagged “${label}”${sticky ? ' (active tag)' : ''}`, 3000);
      return item;
    } catch (e) {
      return fail('could not tag')(e);
    }
  };

  const tagAllOccurrences = async (args?: TagAllOccurrencesArgs): Promise<TagOccurrencesResult | undefined> => {
    const target = selectedPassage('whose words are to be tagged everywhere');
    if (!target) return undefined;
    const { editor, range } = target;
    const words = editor.document.getText(editor.selection);
    if (!words.trim()) {
      void vscode.window.showInformationMessage('Corpus Annotator: select the words to tag first.');
      return undefined;
    }
    const here = countOccurrences(editor.document.getText(), words);
    const sticky = args?.tag === undefined ? activeTag.tag : undefined;
    const pickNext = args?.tag === undefined && sticky === undefined;
    const scope =
      args?.scope ??
      (
        await choose(
          prompts,
          [
            { label: '$(file) This article', description: plural(here, 'occurrence'), scope: 'article' as const },
            { label: '$(files) The whole corpus', description: 'every article', scope: 'corpus' as const },
          ],
          `Tag every “${snippet(words, 40)}”`,
          'Where?',
          pickNext,
        )
      )?.scope;
    if (!scope) return undefined;
    const label = args?.tag ?? sticky ?? (await pickTag(prompts, model, taxonomy, memento, { title: `Tag every “${snippet(words, 40)}” as…` }));
    if (!label) return undefined;
    await rememberTag(memento, label);
    await editor.document.save().then(undefined, () => undefined);
    const run = () =>
      executeServerCommand(client, ServerCommands.tagOccurrences, { uri: editor.document.uri.toString(), range, tag: label, scope, ...(args?.note ? { note: args.note } : {}) });
    try {
      const result =
        scope === 'corpus'
          ? await vscode.window.withProgress(
              { location: vscode.ProgressLocation.Notification, title: `Corpus Annotator: tagging every “${snippet(words, 40)}” in the corpus as “${label}”…` },
              run,
            )
          : await run();
      const said = result.added
        ? `tagged ${plural(result.added, 'passage')}${scope === 'corpus' ? ` in ${plural(result.articles, 'article')}` : ''} as “${label}”.`
        : `every occurrence had the tag “${label}” already.`;
      void vscode.window.showInformationMessage(`Corpus Annotator: ${said}`);
      return result;
    } catch (e) {
      return fail('could not tag every occurrence')(e);
    }
  };

  /** The tag a command applies to: a tree row, a tag from the model, or a `{ uri, id }` from a hover link. */
  const resolve = async (target: TagNode | TagItem | TagRef | undefined): Promise<TagItem | TagRef | undefined> => {
    if (!target) return undefined;
    if ('kind' in target) return target.kind === 'passage' ? target.item : undefined;
    if ('quote' in target) return target;
    const same = (t: TagItem) => t.id === target.id && vscode.Uri.parse(t.uri).toString() === vscode.Uri.parse(target.uri).toString();
    const known = model.tags.find(same);
    if (known) return known;
    const listed = await client.sendRequest(Requests.listTags, { uri: target.uri }).then((r) => r.tags.find(same), () => undefined);
    return listed ?? target;
  };

  const removeTag = async (target?: TagNode | TagItem | TagRef): Promise<boolean> => {
    const item = target ? await resolve(target) : await pickTagToRemove(model);
    if (!item) return false;
    try {
      const removed = await executeServerCommand(client, ServerCommands.removeTag, { uri: item.uri, id: item.id });
      // A row of identical tags (several analysts'): the row goes, with every record it shows.
      const same = target && 'kind' in target && target.kind === 'passage' ? (target.same ?? []) : [];
      for (const t of same) await executeServerCommand(client, ServerCommands.removeTag, { uri: t.uri, id: t.id });
      vscode.window.setStatusBarMessage(removed ? `$(trash) Removed tag${'tag' in item ? ` “${item.tag}”` : ''}` : 'That tag was removed already', 3000);
      return removed;
    } catch (e) {
      return fail('could not remove the tag')(e) ?? false;
    }
  };

  const revealTag = async (item: TagItem): Promise<void> => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    const target = item.range ?? item.suggestion;
    if (!item.range) {
      void vscode.window.showWarningMessage(
        item.suggestion
          ? `The passage tagged “${item.tag}” changed in ${item.document}: the selected place is the best candidate found for it, not the passage itself (it read “${snippet(item.quote, 80)}”). Check it, then use Accept Suggested Place, Attach Tag to Selection or Remove Tag.`
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
      fail('could not move the tag')(e);
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
    await reanchor(item, lspRange(editor.selection), `Tag “${item.tag}” attached to the selection`);
  };

  const editNote = async (target?: TagNode | TagItem | TagRef): Promise<TagItem | undefined> => {
    const item = (target ? await resolve(target) : undefined) ?? (await pickTagHere(model, 'Edit the note of which tag?'));
    if (!item) return undefined;
    const full = 'quote' in item ? (item as TagItem) : undefined;
    const note = await ask(prompts, {
      title: full ? `Note on “${full.tag}”: ${snippet(full.quote, 40)}` : 'Note on the tag',
      value: full?.note ?? '',
      prompt: 'Empty to remove the note',
    });
    if (note === undefined) return undefined;
    try {
      const updated = await executeServerCommand(client, ServerCommands.editNote, { uri: item.uri, id: item.id, note });
      vscode.window.setStatusBarMessage(note.trim() ? `$(note) Note saved on “${updated.tag}”` : `Note removed from “${updated.tag}”`, 3000);
      return updated;
    } catch (e) {
      return fail('could not edit the note')(e);
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

  const undoTag = async (): Promise<UndoResult | undefined> => {
    try {
      const result = await executeServerCommand(client, ServerCommands.undoTag);
      const said = result.undone ? `undone: ${result.undone}.` : 'nothing to undo (only tag operations of this session can be undone).';
      vscode.window.setStatusBarMessage(`$(discard) ${said[0].toUpperCase()}${said.slice(1)}`, 5000);
      void vscode.window.showInformationMessage(`Corpus Annotator: ${said}`);
      return result;
    } catch (e) {
      return fail('could not undo')(e);
    }
  };

  const setActiveTag = async (tag?: string): Promise<string | undefined> => {
    const label =
      typeof tag === 'string' && tag.trim()
        ? tag.trim()
        : await pickTag(prompts, model, taxonomy, memento, { title: activeTag.tag ? `Active tag (now “${activeTag.tag}”): Tag Selection will apply it without asking` : 'Active tag: Tag Selection will apply it without asking' });
    if (!label) return undefined;
    await rememberTag(memento, label);
    await activeTag.set(label);
    vscode.window.setStatusBarMessage(`$(tag) Active tag: “${label}”`, 3000);
    return label;
  };

  const clearActiveTag = async (): Promise<void> => {
    const was = activeTag.tag;
    await activeTag.set(undefined);
    if (was) vscode.window.setStatusBarMessage(`Active tag “${was}” cleared: Tag Selection asks again`, 3000);
  };

  /**
   * Renames a tag (with everything below it), moves it (`a` → `region/a`) or merges it into an existing tag, in every
   * sidecar and the taxonomy. `to` skips the input box (for tests and other extensions).
   */
  const renameTag = async (target?: TagNode | string, to?: string): Promise<RenameTagResult | undefined> => {
    await Promise.all([model.whenLoaded(), taxonomy.whenLoaded()]);
    const inUse = new Map(model.labels().map(({ label, count }) => [label, count]));
    const names = taxonomy.names;
    let from = typeof target === 'string' ? target : target?.kind === 'tag' ? target.label : target?.kind === 'passage' ? target.item.tag : undefined;
    if (!from) {
      const all = [...new Set([...inUse.keys(), ...names])].sort((a, b) => a.localeCompare(b));
      if (!all.length) {
        void vscode.window.showInformationMessage('Corpus Annotator: there is no tag to rename yet.');
        return undefined;
      }
      const items = all.map((label) => ({ label, description: inUse.has(label) ? plural(inUse.get(label)!, 'passage') : 'taxonomy only' }));
      from = (await choose(prompts, items, 'Rename, move or merge which tag?', undefined, to === undefined))?.label;
      if (!from) return undefined;
    }
    const source = from;
    const lastLevel = source.lastIndexOf('/') + 1;
    const typed =
      to ??
      (await ask(prompts, {
        title: `Rename, move or merge “${source}”`,
        value: source,
        valueSelection: [lastLevel, source.length],
        prompt: 'New name; / separates levels (region/laos moves it below region). The name of an existing tag merges into it.',
        validate: (value) => {
          const plan = planRename(source, value, inUse, names);
          return plan.kind === 'invalid' ? { message: plan.message, error: true } : plan.kind === 'same' ? undefined : { message: plan.message };
        },
      }));
    if (typed === undefined) return undefined;
    const plan = planRename(source, typed, inUse, names);
    if (plan.kind === 'same') return undefined;
    if (plan.kind === 'invalid') {
      void vscode.window.showErrorMessage(`Corpus Annotator: ${plan.message}`);
      return undefined;
    }
    try {
      const result = await executeServerCommand(client, ServerCommands.renameTag, { from: source, to: plan.to });
      await renameRecent(memento, source, plan.to);
      const active = activeTag.tag;
      if (active === source || active?.startsWith(`${source}/`)) await activeTag.set(`${plan.to}${active.slice(source.length)}`);
      const verb = plan.kind === 'merge' ? 'merged' : plan.kind === 'move' ? 'moved' : 'renamed';
      const skipped = result.skipped.length ? ` ${plural(result.skipped.length, 'sidecar')} that do not parse were left as they are: ${result.skipped.join(', ')}.` : '';
      const said = `${verb} “${source}” ${plan.kind === 'merge' ? 'into' : 'to'} “${plan.to}”: ${plural(result.tags, 'passage')} in ${plural(result.articles, 'article')}.${skipped}`;
      if (skipped) void vscode.window.showWarningMessage(`Corpus Annotator: ${said}`);
      else void vscode.window.showInformationMessage(`Corpus Annotator: ${said}`);
      return result;
    } catch (e) {
      return fail(`could not rename “${source}”`)(e);
    }
  };

  const filterTags = async (text?: string): Promise<void> => {
    const value =
      typeof text === 'string'
        ? text
        : await ask(prompts, {
            title: 'Filter the Corpus Tags view',
            value: tree.filter?.text ?? '',
            prompt: 'Words to find in the tag, article, passage, note or author; tag:…, article:…, text:…, author:… look in one only; "quotes" keep words together. Empty shows all.',
            placeholder: 'e.g. tag:cooperation article:003 police',
          });
    if (value === undefined) return;
    tree.setFilter(value);
  };

  return [
    vscode.commands.registerCommand('corpusAnnotator.tagSelection', tagSelection),
    vscode.commands.registerCommand('corpusAnnotator.tagAllOccurrences', tagAllOccurrences),
    vscode.commands.registerCommand('corpusAnnotator.removeTag', removeTag),
    vscode.commands.registerCommand('corpusAnnotator.revealTag', revealTag),
    vscode.commands.registerCommand('corpusAnnotator.refreshTags', () => Promise.all([model.refresh(), taxonomy.refresh()])),
    vscode.commands.registerCommand('corpusAnnotator.acceptTagSuggestion', acceptSuggestion),
    vscode.commands.registerCommand('corpusAnnotator.attachTagToSelection', attachToSelection),
    vscode.commands.registerCommand('corpusAnnotator.editTagNote', editNote),
    vscode.commands.registerCommand('corpusAnnotator.nextTag', goToTag(1)),
    vscode.commands.registerCommand('corpusAnnotator.previousTag', goToTag(-1)),
    vscode.commands.registerCommand('corpusAnnotator.undoTag', undoTag),
    vscode.commands.registerCommand('corpusAnnotator.setActiveTag', setActiveTag),
    vscode.commands.registerCommand('corpusAnnotator.clearActiveTag', clearActiveTag),
    vscode.commands.registerCommand('corpusAnnotator.renameTag', renameTag),
    vscode.commands.registerCommand('corpusAnnotator.filterTags', filterTags),
    vscode.commands.registerCommand('corpusAnnotator.clearTagsFilter', () => tree.setFilter(undefined)),
    vscode.commands.registerCommand('corpusAnnotator.groupTagsByArticle', () => tree.setGroupBy('article')),
    vscode.commands.registerCommand('corpusAnnotator.groupTagsByTag', () => tree.setGroupBy('tag')),
  ];
}

function lspRange(sel: vscode.Range): LspRange {
  return { start: { line: sel.start.line, character: sel.start.character }, end: { line: sel.end.line, character: sel.end.character } };
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
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

async function pickTagToRemove(model: TagModel): Promise<TagItem | undefined> {
  await model.whenLoaded();
  const editor = vscode.window.activeTextEditor;
  const here = editor?.document.uri.toString();
  const candidates = model.tags.filter((t) => {
    if (vscode.Uri.parse(t.uri).toString() !== here || !t.range || !editor) return false;
    const r = toRange(t.range);
    return r.contains(editor.selection.active) || !!r.intersection(editor.selection);
  });
  const list = candidates.length ? candidates : model.tags.filter((t) => vscode.Uri.parse(t.uri).toString() === here);
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
