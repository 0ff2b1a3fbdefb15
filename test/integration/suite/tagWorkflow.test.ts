/**
 * The tagging workflow in a real VS Code: the tag picker (recent, taxonomy, in use; `defence` → defence-cooperation;
 * Enter on an empty box), the sticky active tag, Tag All Occurrences, undo, rename/move/merge from the tree, grouping
 * and filtering the Corpus Tags view, taxonomy colours and the hover's links. Prompts are driven as a keyboard user
 * would: the extension exposes the open prompt (`tagPrompts.current`), the test types into it and accepts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ActiveTag } from '../../../client/src/activeTag';
import type { CorpusAnnotatorApi } from '../../../client/src/extension';
import type { TagDecorations } from '../../../client/src/tagDecorations';
import type { TagPrompts } from '../../../client/src/tagPrompts';
import type { TaxonomyModel } from '../../../client/src/taxonomyModel';
import type { RenameTagResult, TagItem, TagOccurrencesResult, UndoResult } from '../../../server/src/protocol';
import { extensionApi, hoverText, readText, seedUri, waitFor, workspaceRoot } from './helpers';

const S003 = '003_0e5bd4099b662286.txt';
const S004 = '004_f85d18add8346542.txt';

type Api = CorpusAnnotatorApi & { taxonomy: TaxonomyModel; activeTag: ActiveTag; tagDecorations: TagDecorations; tagPrompts: TagPrompts };
const api = async () => (await extensionApi()) as Api;

const sidecar = (name: string) => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'seeds', name.replace(/\.txt$/, '.yaml'));
const taxonomyFile = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'tags.yaml');

interface StoredTag {
  id: string;
  tag: string;
  quote: string;
  note?: string;
  start: number;
}
async function storedTags(name: string): Promise<StoredTag[]> {
  const text = await readText(sidecar(name));
  return text ? ((parse(text)?.tags as StoredTag[] | undefined) ?? []) : [];
}

async function write(uri: vscode.Uri, lines: string[]): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${lines.join('\n')}\n`));
}

/** Opens a seed and selects the `nth` occurrence of `passage`. */
async function select(name: string, passage: string, nth = 0): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  const editor = await vscode.window.showTextDocument(doc);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(passage, at + 1);
  assert.ok(at >= 0, `“${passage}” is in ${name}`);
  editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + passage.length));
  return editor;
}

function isPick(p: TagPrompts['current']): p is vscode.QuickPick<vscode.QuickPickItem> {
  return !!p && 'items' in p;
}

/** Waits for the prompt a command opened. */
function prompt(a: Api, kind: 'pick', what: string): Promise<vscode.QuickPick<vscode.QuickPickItem>>;
function prompt(a: Api, kind: 'box', what: string): Promise<vscode.InputBox>;
function prompt(a: Api, kind: 'pick' | 'box', what: string): Promise<TagPrompts['current']> {
  return waitFor(what, () => {
    const p = a.tagPrompts.current;
    return p && (kind === 'pick') === isPick(p) ? p : undefined;
  });
}

/** Presses Enter (the workbench's accept) until the command has finished: the picker, then the note box, and so on. */
async function acceptUntilDone<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  let value: T | undefined;
  const done = Promise.resolve(pending).then((v) => {
    settled = true;
    value = v;
  });
  await waitFor('the command to finish after Enter', async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  });
  await done;
  return value as T;
}

const labelsOf = (qp: vscode.QuickPick<vscode.QuickPickItem>) => qp.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label);

describe('Corpus Annotator in VS Code: tagging workflow', function () {
  this.timeout(90000);

  afterEach(async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await a.activeTag.set(undefined);
    a.tagsTree.setFilter(undefined);
    await a.tagsTree.setGroupBy('tag');
    for (const name of [S003, S004, '002_69392594dcc70311.txt', '001_1f87558668262b9a.txt', '000_87a1712161fb5682.txt']) {
      if ((await readText(sidecar(name))) !== undefined) await vscode.workspace.fs.delete(sidecar(name));
    }
    if ((await readText(taxonomyFile())) !== undefined) await vscode.workspace.fs.delete(taxonomyFile());
    await waitFor('no tags left', () => a.tags.tags.length === 0);
    await waitFor('no taxonomy left', () => a.taxonomy.tags.length === 0);
  });

  it('picks recent tags, then the taxonomy, then tags in use; `defence` + Enter takes defence-cooperation; Enter on an empty box repeats the last tag', async () => {
    const a = await api();
    await write(taxonomyFile(), [
      'version: 1',
      'tags:',
      '  - name: defence-cooperation',
      '    description: Military and police ties',
      '    color: "#d73a49"',
      '  - name: security/cybercrime',
      '    description: Online fraud, hacking',
    ]);
    await waitFor('the taxonomy', () => a.taxonomy.tags.length === 2);
    await select(S003, 'Vilay Lakhamphong');
    await vscode.commands.executeCommand('corpusAnnotator.tagSelection', { tag: 'leaders' });
    await waitFor('leaders in use', () => a.tags.tags.some((t) => t.tag === 'leaders'));

    // The picker: the recent tag first, then the taxonomy with descriptions and full hierarchical names.
    await select(S003, 'drug trafficking');
    let pending = vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.tagSelection');
    let qp = await prompt(a, 'pick', 'the tag picker');
    assert.deepEqual(labelsOf(qp).slice(0, 3), ['leaders', 'defence-cooperation', 'security/cybercrime']);
    const separators = qp.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label);
    assert.deepEqual(separators, ['recent', 'taxonomy']);
    assert.match(String(qp.items.find((i) => i.label === 'security/cybercrime')?.description), /Online fraud, hacking · not used yet/);
    assert.match(qp.placeholder ?? '', /Enter: “leaders” again/);

    // Typing `defence`: the taxonomy tag is the active item; "new tag" is offered, after it.
    a.tagPrompts.type!('defence');
    await waitFor('the new tag entry, last', () => qp.items[qp.items.length - 1].description === 'New tag “defence”');
    await waitFor('defence-cooperation to be the active item', () => qp.activeItems[0]?.label === 'defence-cooperation');
    const picked = await acceptUntilDone(pending);
    assert.equal(picked?.tag, 'defence-cooperation');
    assert.equal(picked?.quote, 'drug trafficking');

    // Enter on an empty box repeats the last tag used.
    await select(S003, 'human trafficking');
    pending = vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.tagSelection');
    qp = await prompt(a, 'pick', 'the tag picker again');
    assert.equal(labelsOf(qp)[0], 'defence-cooperation', 'the last tag used comes first');
    const again = await acceptUntilDone(pending);
    assert.equal(again?.tag, 'defence-cooperation');
    assert.equal(again?.quote, 'human trafficking');

    // A name nothing matches creates a new tag.
    await select(S003, 'online frauds');
    pending = vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.tagSelection');
    qp = await prompt(a, 'pick', 'the tag picker for a new tag');
    a.tagPrompts.type!('zz fraud');
    await waitFor('the new tag entry', () => qp.activeItems[0]?.description === 'New tag “zz fraud”');
    const created = await acceptUntilDone(pending);
    assert.equal(created?.tag, 'zz fraud');

    const stored = await waitFor('four tags on disk', async () => {
      const t = await storedTags(S003);
      return t.length === 4 ? t : undefined;
    });
    assert.deepEqual(stored.map((t) => t.tag).sort(), ['defence-cooperation', 'defence-cooperation', 'leaders', 'zz fraud']);
  });

  it('applies the sticky active tag without prompts, shows it in the status bar, and asks again once cleared', async () => {
    const a = await api();
    assert.equal(await vscode.commands.executeCommand('corpusAnnotator.setActiveTag', 'sticky'), 'sticky');
    assert.equal(a.activeTag.tag, 'sticky');
    assert.match(a.activeTag.statusBarItem.text, /sticky/);
    assert.equal(a.activeTag.statusBarItem.command, 'corpusAnnotator.setActiveTag', 'a click changes it');
    for (const passage of ['drug trafficking', 'human trafficking', 'online frauds']) {
      await select(S003, passage);
      const item = await vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.tagSelection');
      assert.equal(item?.tag, 'sticky', `${passage} tagged with no prompt`);
    }
    assert.equal(a.tagPrompts.current, undefined, 'no prompt was opened');
    await waitFor('three sticky tags on disk', async () => (await storedTags(S003)).filter((t) => t.tag === 'sticky').length === 3);

    // Set Active Tag… without an argument opens the picker and says what is active now.
    const pending = vscode.commands.executeCommand('corpusAnnotator.setActiveTag');
    const qp = await prompt(a, 'pick', 'the active tag picker');
    assert.match(qp.title ?? '', /now “sticky”/);
    a.tagPrompts.type!('second');
    await waitFor('the new tag entry', () => qp.activeItems[0]?.description === 'New tag “second”');
    assert.equal(await acceptUntilDone(pending), 'second');
    assert.equal(a.activeTag.tag, 'second');

    await vscode.commands.executeCommand('corpusAnnotator.clearActiveTag');
    assert.equal(a.activeTag.tag, undefined);
    await select(S003, 'Vilay Lakhamphong');
    const asking = vscode.commands.executeCommand('corpusAnnotator.tagSelection');
    await prompt(a, 'pick', 'the tag picker once the active tag is cleared');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await asking, undefined);
  });

  it('tags every occurrence in the article or the corpus, and undoes each operation', async () => {
    const a = await api();
    const editor = await select(S003, 'high-tech crime');
    const inArticle = editor.document.getText().split('high-tech crime').length - 1;
    assert.ok(inArticle >= 2);
    const pending = vscode.commands.executeCommand<TagOccurrencesResult | undefined>('corpusAnnotator.tagAllOccurrences', { tag: 'crime' });
    const where = await prompt(a, 'pick', 'the scope pick');
    assert.deepEqual(
      where.items.map((i) => `${i.label} (${i.description})`),
      [`$(file) This article (${inArticle} occurrences)`, '$(files) The whole corpus (every article)'],
    );
    const here = await acceptUntilDone(pending);
    assert.deepEqual(here, { added: inArticle, articles: 1 });
    await waitFor('the article’s occurrences on disk', async () => (await storedTags(S003)).filter((t) => t.tag === 'crime').length === inArticle);

    await select(S003, 'Ministry of Public Security');
    const corpus = await vscode.commands.executeCommand<TagOccurrencesResult>('corpusAnnotator.tagAllOccurrences', { tag: 'ministry', scope: 'corpus' });
    assert.deepEqual(corpus, { added: 2, articles: 2 });
    await waitFor('the occurrence in seed 004', async () => (await storedTags(S004)).some((t) => t.tag === 'ministry' && t.quote === 'Ministry of Public Security'));
    await waitFor('both in the tree', () => a.tagsTree.findTag('ministry') && a.tags.tags.filter((t) => t.tag === 'ministry').length === 2);

    const undone = await vscode.commands.executeCommand<UndoResult>('corpusAnnotator.undoTag');
    assert.match(undone.undone, /tagged 2 occurrences as “ministry”/);
    await waitFor('seed 004 untagged', async () => (await storedTags(S004)).length === 0);
    await waitFor('the ministry tag gone from the tree', () => !a.tagsTree.findTag('ministry'));
    const again = await vscode.commands.executeCommand<UndoResult>('corpusAnnotator.undoTag');
    assert.match(again.undone, /“crime”/);
    await waitFor('seed 003 untagged', async () => (await storedTags(S003)).length === 0);
  });

  it('renames with a move, then merges, a tag from its row in the tree, saying what Enter will do', async () => {
    const a = await api();
    await write(taxonomyFile(), ['version: 1', 'tags:', '  - name: trafficking', '    description: People and drugs']);
    await waitFor('the taxonomy', () => a.taxonomy.tags.length === 1);
    for (const [passage, tag] of [
      ['drug trafficking', 'trafficking'],
      ['human trafficking', 'trafficking'],
      ['online frauds', 'crime'],
    ]) {
      await select(S003, passage);
      await vscode.commands.executeCommand('corpusAnnotator.tagSelection', { tag });
    }
    const row = await waitFor('the trafficking row', () => a.tagsTree.findTag('trafficking'));
    assert.equal(a.tagsTree.getTreeItem(row).contextValue, 'tag.label', 'the row has the rename menu');

    let pending = vscode.commands.executeCommand<RenameTagResult | undefined>('corpusAnnotator.renameTag', row);
    let box = await prompt(a, 'box', 'the rename box');
    assert.equal(box.value, 'trafficking', 'prefilled with the name');
    a.tagPrompts.type!('crime/trafficking');
    await waitFor('the move explained', () => /moves “trafficking” to “crime\/trafficking” \(2 passages\)/.test(String((box.validationMessage as vscode.InputBoxValidationMessage)?.message)));
    const moved = await acceptUntilDone(pending);
    assert.deepEqual(moved, { tags: 2, articles: 1, skipped: [] });
    await waitFor('the moved tag in the tree', () => a.tagsTree.findTag('crime/trafficking'));
    await waitFor('the taxonomy renamed on disk', async () => /name: crime\/trafficking/.test((await readText(taxonomyFile())) ?? ''));

    pending = vscode.commands.executeCommand<RenameTagResult | undefined>('corpusAnnotator.renameTag', a.tagsTree.findTag('crime/trafficking'));
    box = await prompt(a, 'box', 'the merge box');
    a.tagPrompts.type!('crime');
    await waitFor('the merge explained', () => /“crime” exists already \(1 passage\): Enter merges “crime\/trafficking” \(2 passages\)/.test(String((box.validationMessage as vscode.InputBoxValidationMessage)?.message)));
    const merged = await acceptUntilDone(pending);
    assert.equal(merged?.tags, 2);
    await waitFor('one crime row with three passages', () => {
      const r = a.tagsTree.getChildren().filter((n) => n.kind === 'tag');
      return r.length === 1 && a.tagsTree.getTreeItem(r[0]).label === 'crime' && String(a.tagsTree.getTreeItem(r[0]).description) === '3';
    });
    assert.deepEqual((await storedTags(S003)).map((t) => t.tag), ['crime', 'crime', 'crime']);

    // A name below itself is refused in the box (Enter does nothing).
    pending = vscode.commands.executeCommand<RenameTagResult | undefined>('corpusAnnotator.renameTag', a.tagsTree.findTag('crime'));
    box = await prompt(a, 'box', 'the rename box again');
    a.tagPrompts.type!('crime/sub');
    await waitFor('the refusal', () => (box.validationMessage as vscode.InputBoxValidationMessage)?.severity === vscode.InputBoxValidationSeverity.Error);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(a.tagPrompts.current, box, 'the box stays open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
  });

  it('groups the Corpus Tags view by article, filters it by tag, article or text, and clears the filter', async () => {
    const a = await api();
    await select(S003, 'drug trafficking');
    await vscode.commands.executeCommand('corpusAnnotator.tagSelection', { tag: 'alpha', note: 'first note' });
    // A colleague's tag in seed 004, with its author.
    const doc4 = await vscode.workspace.openTextDocument(seedUri(S004));
    const quote = 'Ministry of Public Security';
    const start = doc4.getText().indexOf(quote);
    await write(sidecar(S004), [
      'version: 1',
      `document: seeds/${S004}`,
      'tags:',
      '  - id: t-colleague',
      '    tag: beta',
      `    quote: ${quote}`,
      `    start: ${start}`,
      `    end: ${start + quote.length}`,
      '    author: Ana Colleague',
      '    created: 2026-01-02T03:04:05.000Z',
    ]);
    await waitFor('both tags', () => a.tags.tags.length === 2);

    await vscode.commands.executeCommand('corpusAnnotator.groupTagsByArticle');
    const roots = await waitFor('article roots', () => {
      const r = a.tagsTree.getChildren();
      return r.length === 2 && r.every((n) => n.kind === 'article') ? r : undefined;
    });
    assert.deepEqual(roots.map((n) => a.tagsTree.getTreeItem(n).label), [S003, S004]);
    assert.match(String(a.tagsView.description), /by article/);
    const [passage4] = a.tagsTree.getChildren(roots[1]);
    const row = a.tagsTree.getTreeItem(passage4);
    assert.equal(row.label, `beta: ${quote}`);
    assert.match(String(row.description), new RegExp(`line ${doc4.positionAt(start).line + 1}`));
    assert.match((row.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /Tagged by Ana Colleague on /);

    await vscode.commands.executeCommand('corpusAnnotator.filterTags', 'tag:beta');
    await waitFor('only seed 004', () => a.tagsTree.getChildren().length === 1);
    assert.match(String(a.tagsView.description), /filter “tag:beta”: 1 of 2/);
    assert.equal(a.tagsView.message, 'Filter “tag:beta”: 1 of 2 tags.');
    await vscode.commands.executeCommand('corpusAnnotator.filterTags', 'text:"first note"');
    await waitFor('only seed 003', () => a.tagsTree.getChildren().length === 1 && a.tagsTree.getTreeItem(a.tagsTree.getChildren()[0]).label === S003);
    await vscode.commands.executeCommand('corpusAnnotator.filterTags', 'article:004 nothing-like-this');
    await waitFor('nothing shown', () => a.tagsTree.getChildren().length === 0);
    assert.match(String(a.tagsView.message), /No tag matches “article:004 nothing-like-this” \(2 in all\)/);

    // The filter box is prefilled with the filter; Clear Tags Filter shows everything again.
    const pending = vscode.commands.executeCommand('corpusAnnotator.filterTags');
    const box = await prompt(a, 'box', 'the filter box');
    assert.equal(box.value, 'article:004 nothing-like-this');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    await vscode.commands.executeCommand('corpusAnnotator.clearTagsFilter');
    await waitFor('both articles again', () => a.tagsTree.getChildren().length === 2);
    assert.equal(a.tagsView.message, undefined);

    await vscode.commands.executeCommand('corpusAnnotator.groupTagsByTag');
    await waitFor('tag roots', () => a.tagsTree.getChildren().map((n) => (n.kind === 'tag' ? n.label : '?')).join() === 'alpha,beta');
    assert.equal(a.tagsView.description, undefined);
  });

  it('draws a tag in its taxonomy colour, and the hover’s links edit its note and remove it', async () => {
    const a = await api();
    await write(taxonomyFile(), ['version: 1', 'tags:', '  - name: coloured', '    color: "#2da44e"']);
    await waitFor('the taxonomy', () => a.taxonomy.colorOf('coloured') === '#2da44e');
    const editor = await select(S003, 'drug trafficking');
    await vscode.commands.executeCommand('corpusAnnotator.tagSelection', { tag: 'coloured', note: 'first note' });
    await waitFor('a decoration in the tag’s colour', () => a.tagDecorations.styles.includes('#2da44e|solid'));

    const at = editor.selection.start.translate(0, 2);
    const hover = await waitFor('the hover with links', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
      return /first note/.test(t) && /command:corpusAnnotator\.removeTag/.test(t) ? t : undefined;
    });
    const link = (command: string) => {
      const m = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^ )]+)`).exec(hover);
      assert.ok(m, `a link to ${command} in ${hover}`);
      return JSON.parse(decodeURIComponent(m[1])) as unknown[];
    };
    const editArgs = link('corpusAnnotator.editTagNote');
    const pending = vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.editTagNote', ...editArgs);
    const box = await prompt(a, 'box', 'the note box');
    assert.equal(box.value, 'first note');
    a.tagPrompts.type!('second note');
    const edited = await acceptUntilDone(pending);
    assert.equal(edited?.note, 'second note');
    await waitFor('the note on disk', async () => (await storedTags(S003))[0]?.note === 'second note');

    assert.equal(await vscode.commands.executeCommand('corpusAnnotator.removeTag', ...link('corpusAnnotator.removeTag')), true);
    await waitFor('the sidecar emptied', async () => (await storedTags(S003)).length === 0);
    await waitFor('the colour’s decoration disposed', () => !a.tagDecorations.styles.includes('#2da44e|solid'));
  });

  it('goes to the next and previous tagged passage, selecting it and wrapping around the article', async () => {
    const a = await api();
    await a.activeTag.set('nav');
    const passages = ['drug trafficking', 'human trafficking', 'online frauds'];
    for (const passage of passages) {
      await select(S003, passage);
      assert.equal((await vscode.commands.executeCommand<TagItem | undefined>('corpusAnnotator.tagSelection'))?.tag, 'nav');
    }
    await waitFor('three placed tags in the model', () => a.tags.tags.filter((t) => t.tag === 'nav' && t.range).length === 3);
    const editor = vscode.window.activeTextEditor!;
    const doc = editor.document;
    const starts = passages.map((p) => doc.getText().indexOf(p)).sort((x, y) => x - y);
    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(0));
    const selected = () => {
      const sel = vscode.window.activeTextEditor!.selection;
      return { start: doc.offsetAt(sel.start), text: doc.getText(sel) };
    };
    for (const start of starts) {
      await vscode.commands.executeCommand('corpusAnnotator.nextTag');
      assert.equal(selected().start, start);
      assert.ok(passages.includes(selected().text), 'the whole passage is selected');
    }
    await vscode.commands.executeCommand('corpusAnnotator.nextTag');
    assert.equal(selected().start, starts[0], 'after the last, the first');
    await vscode.commands.executeCommand('corpusAnnotator.previousTag');
    assert.equal(selected().start, starts[2], 'before the first, the last');
    await vscode.commands.executeCommand('corpusAnnotator.previousTag');
    assert.equal(selected().start, starts[1]);
  });

  it('attaches an orphaned tag, with its note, to the passage the analyst selects', async () => {
    const a = await api();
    const gone = 'a sentence the site removed from the page';
    await write(sidecar(S003), [
      'version: 1',
      `document: seeds/${S003}`,
      'tags:',
      '  - id: t-gone',
      '    tag: removed',
      '    note: keep this note',
      `    quote: ${gone}`,
      '    start: 5',
      `    end: ${5 + gone.length}`,
      '    created: 2026-11-30T10:00:00.000Z',
    ]);
    const orphan = await waitFor('the orphan in the model', () => a.tags.tags.find((t) => t.id === 't-gone' && t.status === 'orphaned'));
    const editor = await select(S003, 'online frauds');
    await vscode.commands.executeCommand('corpusAnnotator.attachTagToSelection', orphan);
    const at = editor.document.getText().indexOf('online frauds');
    const stored = await waitFor('the tag stored at the selection', async () => (await storedTags(S003)).find((t) => t.id === 't-gone' && t.start === at));
    assert.equal(stored.quote, 'online frauds');
    assert.equal(stored.note, 'keep this note');
    await waitFor('placed in the model', () => a.tags.tags.find((t) => t.id === 't-gone')?.status === 'anchored');
  });

  it('exports the tags as CSV and as Web Annotation JSON-LD, the files the CLI exports', async () => {
    const a = await api();
    await a.activeTag.set('exported');
    for (const [name, passage] of [[S003, 'drug trafficking'], [S003, 'online frauds'], [S004, 'Ministry of Public Security']]) {
      await select(name, passage);
      await vscode.commands.executeCommand('corpusAnnotator.tagSelection');
    }
    await waitFor('three tags in the model', () => a.tags.tags.filter((t) => t.tag === 'exported').length === 3);
    const csvUri = vscode.Uri.joinPath(workspaceRoot(), 'exported-tags.csv');
    const jsonUri = vscode.Uri.joinPath(workspaceRoot(), 'exported-tags.jsonld');
    try {
      const csvDone = await vscode.commands.executeCommand<{ count: number; orphaned: number }>('corpusAnnotator.exportTags', { format: 'csv', target: csvUri });
      assert.deepEqual({ count: csvDone.count, orphaned: csvDone.orphaned }, { count: 3, orphaned: 0 });
      const rows = ((await readText(csvUri)) ?? '').split('\r\n').filter(Boolean);
      assert.match(rows[0], /^id,tag,path,start,end,quote,status,note,author,created/);
      assert.equal(rows.length, 4);
      assert.ok(rows.slice(1).every((r) => r.includes(',exported,seeds/')), 'each row holds the tag and the article path');
      assert.ok(rows.some((r) => r.includes('Ministry of Public Security')));

      await vscode.commands.executeCommand('corpusAnnotator.exportTags', { format: 'wadm', target: jsonUri });
      const json = JSON.parse((await readText(jsonUri)) ?? '{}');
      assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(json.total, 3);
      assert.equal(json.first.items.length, 3);
    } finally {
      for (const uri of [csvUri, jsonUri]) if ((await readText(uri)) !== undefined) await vscode.workspace.fs.delete(uri);
    }
  });
});
