import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor } from './helpers';
import type { TimelineModel } from '../../../client/src/timelineModel';
import type { TimelineOutlineModel } from '../../../client/src/timelineOutline';
import type { TimelineNode, TimelineTreeProvider } from '../../../client/src/timelineTree';
import type { TimelinePlot } from '../../../client/src/timelinePlot/panel';

const S003 = '003_0e5bd4099b662286.txt';

describe('Corpus Annotator in VS Code: timeline', function () {
  this.timeout(90000);

  async function timelineApi() {
    const api = await extensionApi();
    return {
      model: api.timeline as TimelineModel,
      outline: api.timelineOutline as TimelineOutlineModel,
      tree: api.timelineTree as TimelineTreeProvider,
      view: api.timelineView as vscode.TreeView<TimelineNode>,
      plot: api.timelinePlot as TimelinePlot,
    };
  }

  /** Refreshes until the server has indexed the corpus and the tree shows the 2025 year group. */
  async function loadedTree() {
    const t = await timelineApi();
    await vscode.commands.executeCommand('workbench.view.extension.corpusAnnotator');
    await waitFor('the timeline with the 2025 articles', async () => {
      await vscode.commands.executeCommand('corpusAnnotator.refreshTimeline');
      return (await t.tree.getChildren()).some((n) => n.kind === 'year' && n.year === '2025');
    });
    return t;
  }

  it('groups dated mentions by year and month, with unknown-year ones apart', async () => {
    const { tree } = await loadedTree();
    const roots = await tree.getChildren();
    const years = roots.filter((n): n is Extract<TimelineNode, { kind: 'year' }> => n.kind === 'year');
    assert.ok(years.length >= 2, 'several years');
    assert.deepEqual(years.map((y) => y.year), [...years.map((y) => y.year)].sort(), 'years in order');
    const y2025 = years.find((y) => y.year === '2025')!;
    assert.equal(tree.getTreeItem(y2025).label, '2025');
    const april = (await tree.getChildren(y2025)).find((n) => n.kind === 'month' && n.month === '04')!;
    assert.ok(april, 'an April 2025 group');
    assert.equal(tree.getTreeItem(april).label, 'April 2025');
    const entries = await tree.getChildren(april);
    assert.ok(entries.length > 0 && entries.every((e) => e.kind === 'entry'));
    const unknown = roots.find((n) => n.kind === 'group' && n.group === 'unknown-year');
    assert.ok(unknown, 'an Unknown year group');
    assert.equal(tree.getTreeItem(unknown).label, 'Unknown year');
    assert.ok((await tree.getChildren(unknown)).some((e) => e.kind === 'entry' && e.item.text === 'June 2'));
    assert.equal(tree.getTreeItem(april).description, String(entries.length), 'the month’s count, from the outline');
  });

  it('opens and selects the passage when an entry is clicked', async () => {
    const { tree, view } = await loadedTree();
    const leaf = (await tree.entries()).find((n) => n.kind === 'entry' && n.item.text === 'April 25' && n.item.document.endsWith(S003));
    assert.ok(leaf && leaf.kind === 'entry', 'April 25 of seed 003 is in the tree');
    const item = tree.getTreeItem(leaf);
    assert.match(String(item.label), /^2025-04-25 · April 25$/);
    assert.equal(item.description, S003);
    assert.match((item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /Vilay Lakhamphong on April 25/);
    // The tree may be rebuilt meanwhile (the server says the timeline changed when a background clustering ends):
    // each attempt reveals the entry as the tree holds it now.
    await waitFor('reveal in the tree view', async () => {
      const current = (await tree.entries()).find((n) => n.kind === 'entry' && n.item.text === 'April 25' && n.item.document.endsWith(S003));
      if (!current) return false;
      try {
        await view.reveal(current, { select: true, focus: false, expand: true });
        return view.selection.length === 1;
      } catch {
        return false;
      }
    });
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the article in an editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(S003) ? e : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'April 25');
  });

  it('refetches when the server says the timeline changed, not when another extension’s diagnostics change', async () => {
    const { outline: model, view } = await loadedTree();
    await waitFor('no fetch pending', () => !model.pending);
    const other = vscode.languages.createDiagnosticCollection('another-extension');
    try {
      const changed = new Promise<void>((resolve) => {
        const sub = vscode.languages.onDidChangeDiagnostics(() => {
          sub.dispose();
          resolve();
        });
      });
      other.set(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', S003), [
        new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'not ours'),
      ]);
      await changed;
      assert.equal(model.pending, false, 'foreign diagnostics do not make the timeline refetch');
    } finally {
      other.dispose();
    }
    // An edit of an article does: the server sends corpusAnnotator/timelineChanged.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', S003));
    const editor = await vscode.window.showTextDocument(doc);
    let fetched = false;
    const sub = model.onDidChange(() => (fetched = true));
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
      // Hidden, the view only marks itself stale and fetches when shown again.
      await waitFor('a refetch after the edit', () => fetched || (!view.visible && model.pending));
    } finally {
      sub.dispose();
      await editor.edit((e) => e.delete(new vscode.Range(0, 0, 0, 1)));
      await doc.save();
    }
  });

  it('shows a date typed into an article under its year and month, fetching again only the buckets that changed', async () => {
    const { outline, tree } = await loadedTree();
    await tree.entries(); // every bucket fetched once, as if the analyst had expanded them all
    await waitFor('no fetch pending', () => !outline.pending);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', S003));
    const editor = await vscode.window.showTextDocument(doc);
    const before = outline.requests.length;
    const march2019 = async () => {
      const y2019 = (await tree.getChildren()).find((n) => n.kind === 'year' && n.year === '2019');
      const march = y2019 && (await tree.getChildren(y2019)).find((n) => n.kind === 'month' && n.month === '03');
      return march && (await tree.getChildren(march)).find((n) => n.kind === 'entry' && n.item.text === '3 March 2019' && n.item.document.endsWith(S003));
    };
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'On 3 March 2019 the ministers first met.\n\n'));
      const entry = await waitFor('March 2019 in the tree, with the new mention', march2019, 60000);
      assert.ok(entry.kind === 'entry' && entry.item.start === '2019-03-03' && entry.item.range.start.line === 0);
      const since = outline.requests.slice(before);
      assert.ok(since.includes('outline'), since.join(', '));
      assert.ok(!since.includes('unknown-year'), `a bucket without seed 003’s dates is not fetched again: ${since.join(', ')}`);
    } finally {
      await editor.edit((e) => e.delete(new vscode.Range(0, 0, 2, 0)));
      await doc.save();
    }
    await waitFor('March 2019 gone again', async () => !(await march2019()), 60000);
  });

  it('opens the plot in a webview panel with a strict policy, and a clicked dot opens its passage', async () => {
    const { model, plot } = await loadedTree();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('corpusAnnotator.showTimelinePlot');
    assert.ok(panel, 'a panel');
    assert.equal(plot.current, panel);
    assert.equal(panel.title, 'Corpus Timeline');
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.match(html, /<script nonce="[^"]+" src="[^"]+\/dist\/timelinePlot\.js"><\/script>/, 'the bundled plot script');
    const index = model.items.findIndex((i) => i.text === 'April 25' && i.group === 'dated' && !i.inBoilerplate);
    assert.ok(index >= 0);
    assert.match(html, new RegExp(`<circle class="dot" data-kind="item" data-i="${index}"`));
    const caption = model.items.findIndex((i) => i.text === '4 November 2019');
    assert.ok(model.items[caption].inBoilerplate && !html.includes(`data-i="${caption}"`), 'the date in a repeated caption is not plotted');
    await plot.onMessage({ type: 'open', kind: 'item', index });
    const editor = await waitFor('the April 25 passage', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.getText(e.selection) === 'April 25' ? e : undefined;
    });
    assert.ok(editor);
    panel.dispose();
    assert.equal(plot.current, undefined);
  });
});
