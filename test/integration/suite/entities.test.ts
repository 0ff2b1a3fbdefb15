import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { EXTENSION_ID, extensionApi, readText, seedUri, waitFor, workspaceRoot } from './helpers';
import type { EntitiesTreeProvider, EntityNode } from '../../../client/src/entitiesTree';
import { ENTITY_UNDO_CONTEXT, type EntityUndoKey } from '../../../client/src/entityUndoKey';

const S000 = '000_87a1712161fb5682.txt';
const S001 = '001_1f87558668262b9a.txt';
const S003 = '003_0e5bd4099b662286.txt';

describe('Corpus Annotator in VS Code: entities', function () {
  this.timeout(90000);
  const registry = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'entities.yaml');

  after(async () => {
    // Leave the shared workspace as it was for the other suites.
    if ((await readText(registry())) !== undefined) await vscode.workspace.fs.delete(registry());
  });

  async function tree(): Promise<EntitiesTreeProvider> {
    return (await extensionApi()).entitiesTree as EntitiesTreeProvider;
  }

  it('shows entities by type in the Entities tree, and a click on a mention reveals it', async () => {
    const t = await tree();
    const people = await waitFor('the People node', async () => {
      t.refresh();
      const roots = await t.getChildren();
      return roots.find((n) => t.getTreeItem(n).label === 'People');
    });
    const labels = (await t.getChildren()).map((n) => t.getTreeItem(n).label);
    assert.ok(labels.includes('Places'), `types shown: ${labels.join(', ')}`);

    const entities = await t.getChildren(people);
    const khamliang = entities.find((n) => n.kind === 'entity' && n.entity.canonical === 'Khamliang Outhakaysone');
    assert.ok(khamliang && khamliang.kind === 'entity', 'Khamliang Outhakaysone is listed under People');
    const item = t.getTreeItem(khamliang);
    assert.match(String(item.description), new RegExp(`^${khamliang.entity.mentions} · \\d+ articles$`));
    assert.ok(khamliang.entity.mentions >= 3);

    const articles = await t.getChildren(khamliang);
    const article = articles.find((n) => n.kind === 'article' && n.document.endsWith(S000));
    assert.ok(article, 'seed 000 is one of his articles');
    const [mention] = (await t.getChildren(article)) as EntityNode[];
    assert.equal(mention.kind, 'mention');
    const mentionItem = t.getTreeItem(mention);
    assert.match(typeof mentionItem.label === 'string' ? mentionItem.label : mentionItem.label!.label, /Khamlieng Outhakaysone/);

    // The view shows it: reveal the row (retrying while the view renders).
    const api = await extensionApi();
    const view = api.entitiesView as vscode.TreeView<EntityNode>;
    await vscode.commands.executeCommand('workbench.view.extension.corpusAnnotator');
    // The view may refresh meanwhile (entities change when an edit pauses): each try walks to the row again.
    const mentionNow = async (): Promise<EntityNode | undefined> => {
      const p = (await t.getChildren()).find((n) => t.getTreeItem(n).label === 'People');
      const e = p && (await t.getChildren(p)).find((n) => n.kind === 'entity' && n.entity.canonical === 'Khamliang Outhakaysone');
      const a = e && (await t.getChildren(e)).find((n) => n.kind === 'article' && n.document.endsWith(S000));
      return a && (await t.getChildren(a))[0];
    };
    await waitFor('reveal in the Entities view', async () => {
      try {
        const row = await mentionNow();
        if (!row) return false;
        await view.reveal(row, { select: true, focus: false });
        return view.selection.length === 1;
      } catch {
        return false;
      }
    });

    await vscode.commands.executeCommand(mentionItem.command!.command, ...(mentionItem.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith(S000));
    assert.equal(editor.document.getText(editor.selection), 'Khamlieng Outhakaysone');
  });

  it('finds references across articles and entities by any spelling', async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri(S001));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('Khamliang Outhakaysone') + 2);
    const refs = await waitFor('references', async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
      return r?.length ? r : undefined;
    });
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(files.has(S000) && files.has(S001) && files.has(S003), `references in ${[...files].join(', ')}`);

    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'khamlieng');
    // Ctrl+T filters the results again by their label: the spelling typed must be part of it.
    assert.ok(
      symbols.some((s) => s.name.startsWith('Khamliang Outhakaysone') && s.name.toLowerCase().includes('khamlieng')),
      `symbols: ${symbols.map((s) => s.name).join(', ')}`,
    );

    const docSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', seedUri(S003));
    assert.equal(docSymbols[0].name, 'Article date: 2025-04-25');
  });

  it('renames an entity in the registry with no edit to the article', async () => {
    const uri = seedUri(S001);
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const at = doc.positionAt(before.indexOf('Khamliang Outhakaysone') + 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, 'Gen. Khamliang Outhakaysone');
    assert.equal(edit.size, 0, 'no text edits');
    const yaml = parse((await readText(registry())) ?? '');
    assert.equal(yaml.entities[0].canonical, 'Gen. Khamliang Outhakaysone');
    assert.deepEqual(yaml.entities[0].aliases, ['Khamliang Outhakaysone']);
    assert.equal(doc.getText(), before);
    assert.ok(!doc.isDirty);
    await waitFor('the new name in the diagnostics', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.message.startsWith('Person: Gen. Khamliang Outhakaysone')),
    );

    // Ctrl+Z (Cmd+Z) undoes it now: the client sets the context key of the Ctrl+Z keybinding right after a correction.
    const undoKey = (await extensionApi()).entityUndoKey as EntityUndoKey;
    await waitFor('Ctrl+Z armed for the correction', () => undoKey.undoable);
    const binding = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings as { command: string; key: string; mac: string; when: string }[]).find(
      (k) => k.command === 'corpusAnnotator.undoEntityCorrection',
    );
    assert.deepEqual([binding?.key, binding?.mac], ['ctrl+z', 'cmd+z']);
    assert.match(binding!.when, new RegExp(`^${ENTITY_UNDO_CONTEXT.replace(/\./g, '\\.')} && `));

    // Corpus: Undo Last Entity Correction (what Ctrl+Z runs) puts the old name back; Ctrl+Z is the editor's again.
    const undone = await vscode.commands.executeCommand<{ changed: boolean; message: string }>('corpusAnnotator.undoEntityCorrection');
    assert.equal(undone?.changed, true, undone?.message);
    assert.equal(undoKey.undoable, false);
    assert.deepEqual(parse((await readText(registry())) ?? '').entities ?? [], []);
    await waitFor('the old name in the diagnostics', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.message.startsWith('Person: Khamliang Outhakaysone')),
    );
  });

  it('Ctrl+Z stops undoing an entity correction once the analyst edits a document', async () => {
    const undoKey = (await extensionApi()).entityUndoKey as EntityUndoKey;
    undoKey.corrected();
    assert.equal(undoKey.undoable, true);
    const scratch = await vscode.workspace.openTextDocument({ content: 'notes\n' });
    const editor = await vscode.window.showTextDocument(scratch);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'more\n'));
    await waitFor('the edit disarms Ctrl+Z', () => !undoKey.undoable);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers entity code actions on a diagnostic; "not an entity" writes the registry and removes the diagnostic', async () => {
    const uri = seedUri(S003);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const name = 'Lương Tam Quang';
    const start = doc.positionAt(doc.getText().indexOf(name));
    const range = new vscode.Range(start, start.translate(0, name.length));
    const onName = () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'corpus' && d.range.isEqual(range));
    await waitFor('the diagnostic on the name', onName);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith(`Add “${name}” as a name of another entity`)), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Change the type of')), titles.join(' | '));
    const not = actions.find((a) => a.title === `“${name}” is not an entity`);
    assert.ok(not?.command, titles.join(' | '));

    await vscode.commands.executeCommand(not.command.command, ...(not.command.arguments ?? []));
    const yaml = await waitFor('the registry on disk', async () => {
      const text = await readText(registry());
      return text ? parse(text) : undefined;
    });
    assert.deepEqual(yaml.notEntities, [name]);
    await waitFor('the diagnostic removed', () => !onName());
  });
});
