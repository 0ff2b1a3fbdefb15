import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { extensionApi, readText, seedUri, waitFor, workspaceRoot } from './helpers';
import type { TagNode } from '../../../client/src/tagsTree';

const S003 = '003_0e5bd4099b662286.txt';

describe('Corpus Annotator in VS Code: tagging', function () {
  this.timeout(90000);
  const sidecar = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'seeds', '003_0e5bd4099b662286.yaml');

  it('tags the selection by command, writes the sidecar, shows it in the tree, and removes it', async () => {
    const api = await extensionApi();
    const uri = seedUri(S003);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const passage = 'highly valued the cooperation results';
    const start = doc.positionAt(doc.getText().indexOf(passage));
    editor.selection = new vscode.Selection(start, start.translate(0, passage.length));
    await api.tags.whenLoaded();
    const before = { ...api.tags.requests };

    await vscode.commands.executeCommand('corpusAnnotator.tagSelection', { tag: 'cooperation', note: 'police ties' });

    const yaml = await waitFor('the sidecar on disk', async () => {
      const t = await readText(sidecar());
      return t && parse(t).tags?.length === 1 ? parse(t) : undefined;
    });
    assert.equal(yaml.document, `seeds/${S003}`);
    assert.equal(yaml.tags[0].tag, 'cooperation');
    assert.equal(yaml.tags[0].note, 'police ties');
    assert.equal(yaml.tags[0].quote, passage);

    const roots = await waitFor('the tag in the tree', () => {
      const r = api.tagsTree.getChildren();
      return r.length ? r : undefined;
    });
    assert.equal(roots[0].kind, 'tag');
    const tagItem = api.tagsTree.getTreeItem(roots[0]);
    assert.equal(tagItem.label, 'cooperation');
    const [article] = api.tagsTree.getChildren(roots[0]);
    assert.equal(api.tagsTree.getTreeItem(article).label, S003);
    const [leaf] = api.tagsTree.getChildren(article) as TagNode[];
    const leafItem = api.tagsTree.getTreeItem(leaf);
    assert.equal(leafItem.label, passage);
    assert.equal(leafItem.contextValue, 'tag.passage');
    assert.equal(leafItem.command?.command, 'corpusAnnotator.revealTag');
    // The model followed the server's tagsChanged for this one article: no listing of the whole corpus.
    assert.equal(api.tags.requests.all, before.all, 'no full listing after a tag command');
    assert.ok(api.tags.requests.article > before.article, 'the article’s tags were fetched');

    // The tree view itself shows it: reveal the passage row (retrying while the view renders).
    await vscode.commands.executeCommand('workbench.view.extension.corpusAnnotator');
    // Each attempt reveals the passage as the tree holds it now (it is rebuilt when the server says tags changed).
    await waitFor('reveal in the tree view', async () => {
      const current = leaf.kind === 'passage' ? api.tagsTree.findPassage(leaf.item.id) : undefined;
      if (!current) return false;
      try {
        await api.tagsView.reveal(current, { select: true, focus: false });
        return api.tagsView.selection.length === 1;
      } catch {
        return false;
      }
    });

    // The hover on the tagged passage shows the tag and note.
    const hover = await waitFor('hover with the tag', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, start.translate(0, 3));
      const t = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      return /cooperation/.test(t) && /police ties/.test(t) ? t : undefined;
    });
    assert.ok(hover);

    // Clicking the row reveals the passage in the editor.
    await vscode.commands.executeCommand(leafItem.command!.command, ...(leafItem.command!.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), passage);

    await vscode.commands.executeCommand('corpusAnnotator.removeTag', leaf);
    await waitFor('the sidecar emptied', async () => parse((await readText(sidecar())) ?? '').tags?.length === 0);
    await waitFor('the tree emptied', () => api.tagsTree.getChildren().length === 0);
  });

  it('refreshes the tree when a sidecar changes on disk', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument(seedUri(S003));
    const quote = 'Vilay Lakhamphong';
    const start = doc.getText().indexOf(quote);
    const yaml = [
      'version: 1',
      `document: seeds/${S003}`,
      'tags:',
      '  - id: t-from-a-colleague',
      '    tag: leaders',
      `    quote: ${quote}`,
      `    start: ${start}`,
      `    end: ${start + quote.length}`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(sidecar(), new TextEncoder().encode(yaml));
    const roots = await waitFor('the colleague’s tag in the tree', () => {
      const r = api.tagsTree.getChildren();
      return r.length && api.tagsTree.getTreeItem(r[0]).label === 'leaders' ? r : undefined;
    });
    assert.equal(roots.length, 1);
    await vscode.workspace.fs.delete(sidecar());
    await waitFor('the tree emptied', () => api.tagsTree.getChildren().length === 0);
  });
  it('lists an orphaned tag under Needs attention and attaches it to the suggested place', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument(seedUri(S003));
    await vscode.window.showTextDocument(doc);
    const quote = 'the public security ministries';
    // A colleague's tag whose context no longer matches: the words are there, but not in their context.
    const yaml = [
      'version: 1',
      `document: seeds/${S003}`,
      'tags:',
      '  - id: t-orphan',
      '    tag: ministries',
      `    quote: ${quote}`,
      '    prefix: "an entirely different paragraph "',
      '    suffix: " that was removed by the site"',
      '    start: 5',
      `    end: ${5 + quote.length}`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(sidecar(), new TextEncoder().encode(yaml));
    const attention = await waitFor('the orphan under Needs attention', () => {
      const r = api.tagsTree.getChildren();
      return r[0]?.kind === 'attention' ? r[0] : undefined;
    });
    assert.equal(api.tagsTree.getTreeItem(attention).label, 'Needs attention');
    const [orphan] = api.tagsTree.getChildren(attention);
    const row = api.tagsTree.getTreeItem(orphan);
    assert.equal(row.contextValue, 'tag.passage.orphaned.suggested');
    assert.match(String(row.description), /orphaned, suggestion at line \d+/);
    // One diagnostic says so in the article.
    await waitFor('the orphan diagnostic', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'tag.orphaned'));

    await vscode.commands.executeCommand('corpusAnnotator.acceptTagSuggestion', orphan);
    const stored = await waitFor('the tag re-attached on disk', async () => {
      const t = parse((await readText(sidecar())) ?? '')?.tags?.[0];
      return t && t.start === doc.getText().indexOf(quote) ? t : undefined;
    });
    assert.equal(stored.quote, quote);
    await waitFor('no more attention', () => api.tagsTree.getChildren()[0]?.kind === 'tag');
    await waitFor('no orphan diagnostic', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'tag.orphaned'));
    await vscode.workspace.fs.delete(sidecar());
    await waitFor('the tree emptied', () => api.tagsTree.getChildren().length === 0);
  });
});
