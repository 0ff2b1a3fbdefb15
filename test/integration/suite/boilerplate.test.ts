import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { extensionApi, readText, seedUri, waitFor, workspaceRoot } from './helpers';
import type { BoilerplateNode, BoilerplateTreeProvider } from '../../../client/src/boilerplateTree';
import { BoilerplateRequests, type BoilerplateClustersResult } from '../../../server/src/protocolBoilerplate';

const S001 = '001_1f87558668262b9a.txt';
const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const isBoilerplate = (d: vscode.Diagnostic) => code(d).startsWith('boilerplate.');

describe('Corpus Annotator in VS Code: boilerplate', function () {
  this.timeout(90000);
  const ignored = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'ignored.yaml');

  async function open001() {
    const uri = seedUri(S001);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const lineOf = (needle: string) => doc.lineAt(doc.positionAt(doc.getText().indexOf(needle)).line);
    return { uri, doc, lineOf };
  }

  const onLine = (uri: vscode.Uri, line: number) =>
    vscode.languages.getDiagnostics(uri).filter((d) => isBoilerplate(d) && d.range.start.line === line);

  it('fades the Related news block and the Share: line of seed 001, not its first paragraph', async () => {
    await extensionApi();
    const { uri, lineOf } = await open001();
    const share = lineOf('Share:').lineNumber;
    await waitFor('boilerplate diagnostics on 001', () => onLine(uri, share).length > 0);
    const related = lineOf('Related news').lineNumber;
    for (const line of [share, related, lineOf('Young generation steps up').lineNumber, lineOf('As climate risks intensify').lineNumber]) {
      const [d] = onLine(uri, line);
      assert.ok(d, `line ${line + 1} is flagged`);
      assert.ok(d.tags?.includes(vscode.DiagnosticTag.Unnecessary), `line ${line + 1} is faded`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Hint);
    }
    for (const needle of ['The countries will support each other', 'Vietnam and Laos foster all-around cooperation']) {
      assert.deepEqual(onLine(uri, lineOf(needle).lineNumber), [], `${needle}… is not boilerplate`);
    }
  });

  it('lists clusters of repeated passages with their counts and places in the Boilerplate tree', async () => {
    const api = await extensionApi();
    const tree = api.boilerplateTree as BoilerplateTreeProvider;
    await vscode.commands.executeCommand('workbench.view.extension.corpusAnnotator');
    const clusters = await waitFor('clusters in the tree', async () => {
      await tree.refresh();
      const found = (tree.getChildren() as BoilerplateNode[]).flatMap((k) => tree.getChildren(k) as BoilerplateNode[]);
      return found.length ? found : undefined;
    });
    const items = clusters.map((c) => tree.getTreeItem(c));
    assert.ok(items.every((i) => /^\d+ copies/.test(String(i.description))), 'each cluster shows its count');
    const related = clusters.find((c) => c.kind === 'cluster' && c.cluster.text === 'Young generation steps up to power climate action');
    assert.ok(related, 'a repeated headline of the Related news block is a cluster');
    const places = tree.getChildren(related) as BoilerplateNode[];
    assert.equal(places.length, 2);
    const place = tree.getTreeItem(places[0]);
    assert.equal(place.label, S001);
    assert.match(String(place.description), /^line \d+$/);
    assert.equal(place.command?.command, 'corpusAnnotator.boilerplate.reveal');
    await vscode.commands.executeCommand(place.command!.command, ...(place.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'Young generation steps up to power climate action');
    assert.equal(tree.getTreeItem(related).contextValue, 'boilerplate.cluster');
  });

  it('lists a cluster’s places past those it came with when “more places” is expanded, from the server', async () => {
    const api = await extensionApi();
    const tree = api.boilerplateTree as BoilerplateTreeProvider;
    await tree.whenLoaded();
    const listed = tree.clusters.find((c) => c.text === 'Young generation steps up to power climate action');
    assert.ok(listed && listed.count === 2 && listed.articles >= 1, 'the repeated headline is listed with its counts');
    // As a line of chrome in thousands of articles is listed: with its first places only.
    const cluster = { ...listed, places: listed.places.slice(0, 1) };
    const children = tree.getChildren({ kind: 'cluster', cluster }) as BoilerplateNode[];
    assert.deepEqual(children.map((c) => c.kind), ['place', 'more']);
    const more = children[1];
    assert.equal(tree.getTreeItem(more).label, '1 more place');
    assert.equal(tree.getTreeItem(more).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const rest = await tree.getChildren(more);
    assert.equal(rest.length, 1);
    assert.ok(rest[0].kind === 'place');
    assert.deepEqual(rest[0].place, listed.places[1], 'the place after those given, as the server lists it');
    assert.equal(tree.getParent(rest[0]), more);
    // Listed before the corpus changed: the first places the server gives are not those shown. Nothing is listed twice
    // or left out; the tree is listed again.
    const moved = { ...listed, places: [{ ...listed.places[0], range: { ...listed.places[0].range, start: { line: listed.places[0].range.start.line + 1, character: 0 } } }] };
    const stale = (tree.getChildren({ kind: 'cluster', cluster: moved }) as BoilerplateNode[])[1];
    assert.deepEqual(await tree.getChildren(stale), []);
    await tree.whenLoaded();
  });

  it('asks the server for the clusters once at a time: refreshes while one is asked share it, and one more follows', async () => {
    const api = await extensionApi();
    const tree = api.boilerplateTree as BoilerplateTreeProvider;
    const client = api.client as unknown as { sendRequest: (...args: unknown[]) => Promise<unknown> };
    // A fetch already running (the view's own, after the server said findings changed) is let finish first: the
    // refreshes below would share it, and only the one after it would be counted.
    await tree.refresh();
    const send = client.sendRequest;
    let running = 0;
    let most = 0;
    let asked = 0;
    client.sendRequest = async (...args: unknown[]) => {
      const type = args[0] as { method?: string } | string;
      if ((typeof type === 'string' ? type : type.method) !== 'corpusAnnotator/boilerplateClusters') return send.apply(client, args);
      asked++;
      most = Math.max(most, ++running);
      try {
        return await send.apply(client, args);
      } finally {
        running--;
      }
    };
    try {
      // As after a burst of 'findings changed' notifications while the view is shown.
      await Promise.all([tree.refresh(), tree.refresh(), tree.refresh(), tree.refresh(), tree.refresh()]);
    } finally {
      client.sendRequest = send;
    }
    assert.equal(most, 1, 'never two requests at once');
    assert.equal(asked, 2, 'the first, then one for all the refreshes asked meanwhile');
    assert.ok((tree.getChildren() as BoilerplateNode[]).length > 0, 'the clusters are shown');
    // The refreshes after the first asked for what changed since: the tree holds what a whole listing gives.
    const whole = (await send.apply(client, [BoilerplateRequests.clusters.method, {}])) as BoilerplateClustersResult;
    assert.deepEqual(tree.clusters, whole.clusters);
  });

  it('offers the ignore code actions, and ignoring here removes the diagnostic', async () => {
    await extensionApi();
    const { uri, lineOf } = await open001();
    const share = lineOf('Share:');
    const diagnostic = await waitFor('the Share: diagnostic', () => onLine(uri, share.lineNumber)[0]);
    const actions = await waitFor('code actions on Share:', async () => {
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', uri, diagnostic.range,
      );
      const mine = all.filter((a): a is vscode.CodeAction => 'title' in a && /this passage/.test(a.title));
      return mine.length ? mine : undefined;
    });
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this passage here', 'Ignore this passage everywhere', 'Tag this passage…']);
    const here = actions[0];
    assert.equal(here.kind?.value, 'quickfix');
    try {
      await vscode.commands.executeCommand(here.command!.command, ...(here.command!.arguments ?? []));
      await waitFor('the Share: diagnostic to go', () => onLine(uri, share.lineNumber).length === 0);
      const yaml = parse((await readText(ignored())) ?? '');
      assert.equal(yaml.here.length, 1);
      assert.equal(yaml.here[0].document, `seeds/${S001}`);
      assert.equal(yaml.here[0].quote, 'Share:');
      assert.ok(onLine(uri, lineOf('Related news').lineNumber).length > 0, 'other boilerplate stays');
    } finally {
      await vscode.workspace.fs.delete(ignored()).then(undefined, () => undefined);
    }
    await waitFor('the Share: diagnostic back once the ignore list is deleted', () => onLine(uri, share.lineNumber).length > 0);
  });
});
