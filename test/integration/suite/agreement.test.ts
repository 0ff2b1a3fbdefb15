/**
 * Agreement and adjudication in a real VS Code (issue 10): Corpus: Show Agreement… with two annotation folders typed
 * in (the suite's workspace is no git repository; branches are covered by test/lsp/agreement.test.ts), the report
 * and its links to the passages, then Corpus: Adjudicate Disagreements… on the article, answering A, B and neither.
 * Prompts are answered as a keyboard user would: the extension exposes the open prompt (`agreementPrompts.current`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { AgreementPrompts } from '../../../client/src/agreementFeature';
import type { CorpusAnnotatorApi } from '../../../client/src/extension';
import { extensionApi, readText, seedUri, waitFor, workspaceRoot } from './helpers';

const S003 = '003_0e5bd4099b662286.txt';
type Api = CorpusAnnotatorApi & { agreementPrompts: AgreementPrompts };

const review = () => vscode.Uri.joinPath(workspaceRoot(), 'review');
const sidecar = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'seeds', S003.replace(/\.txt$/, '.yaml'));

/** One analyst's sidecar of S003, in an annotations folder of their own under review/. */
async function writeSide(name: string, author: string, tags: [string, string][]): Promise<void> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(S003)));
  const lines = ['version: 1', `document: seeds/${S003}`, 'tags:'];
  tags.forEach(([label, quote], i) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    lines.push(
      `  - id: ${name}${i}`,
      `    tag: ${label}`,
      `    quote: ${JSON.stringify(quote)}`,
      `    prefix: ${JSON.stringify(text.slice(Math.max(0, start - 32), start))}`,
      `    suffix: ${JSON.stringify(text.slice(start + quote.length, start + quote.length + 32))}`,
      `    start: ${start}`,
      `    end: ${start + quote.length}`,
      '    created: 2026-11-30T09:00:00.000Z',
      `    author: ${author}`,
    );
  });
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(review(), name, 'seeds', S003.replace(/\.txt$/, '.yaml')), new TextEncoder().encode(`${lines.join('\n')}\n`));
}

const isPick = (p: AgreementPrompts['current']): p is vscode.QuickPick<vscode.QuickPickItem> => !!p && 'items' in p;

/** Waits for the quick pick whose title contains `title`, types `label` into it and accepts the item it selects. */
async function choose(a: Api, title: string, label: string): Promise<void> {
  const qp = await waitFor(`the prompt “${title}”`, () => {
    const p = a.agreementPrompts.current;
    return isPick(p) && p.title?.includes(title) ? p : undefined;
  });
  const item = qp.items.find((i) => i.label.startsWith(label));
  assert.ok(item, `“${label}” in ${qp.items.map((i) => i.label).join(', ')}`);
  // Typed as a user would; the workbench filters and reports its active item back.
  qp.value = label.replace('$(folder) ', '');
  await waitFor(`“${label}” to be the active item`, () => qp.activeItems[0]?.label.startsWith(label));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(`“${title}” answered`, () => a.agreementPrompts.current !== qp);
}

async function type(a: Api, title: string, value: string): Promise<void> {
  const box = await waitFor(`the box “${title}”`, () => {
    const p = a.agreementPrompts.current;
    return p && !isPick(p) && p.title?.includes(title) ? p : undefined;
  });
  box.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(`“${title}” answered`, () => a.agreementPrompts.current !== box);
}

/** A tag of S003 as a sidecar holds it, in YAML flow style. */
function tagYaml(text: string, id: string, label: string, quote: string, author: string): string {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return `{ id: ${id}, tag: ${label}, quote: ${JSON.stringify(quote)}, prefix: "", suffix: "", start: ${start}, end: ${start + quote.length}, created: 2026-11-30T09:00:00.000Z, author: ${author} }`;
}

describe('Corpus Annotator in VS Code: agreement and adjudication', function () {
  this.timeout(120000);

  // After each test, failed or not: the next starts with no sidecar of S003 and no review folders.
  afterEach(async () => {
    const a = (await extensionApi()) as Api;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(review(), { recursive: true }).then(undefined, () => undefined);
    if ((await readText(sidecar())) !== undefined) await vscode.workspace.fs.delete(sidecar());
    await waitFor('no tags left', () => a.tags.tags.length === 0);
  });

  it('after a merge: identical tags of two analysts are one row naming both; a conflict entry is resolved by its quick fix', async () => {
    const a = (await extensionApi()) as Api;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(S003)));
    const coop = 'highly valued the cooperation results';
    const yaml = [
      '# merged by git with the corpus-annotator driver',
      'version: 1',
      `document: seeds/${S003}`,
      'tags:',
      `  - ${tagYaml(text, 'x1', 'drugs', 'drug prevention', 'Ana')}`,
      `  - ${tagYaml(text, 'y1', 'drugs', 'drug prevention', 'Bo')}`,
      `  - ${tagYaml(text, 'c1', 'cooperation', coop, 'Ana')}`,
      'conflicts:',
      '  - list: tags',
      '    key: c1',
      '    message: changed differently on both branches; the list keeps ours',
      `    ours: ${tagYaml(text, 'c1', 'cooperation', coop, 'Ana')}`,
      `    theirs: ${tagYaml(text, 'c1', 'diplomacy', coop, 'Bo')}`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(sidecar(), new TextEncoder().encode(yaml));
    await waitFor('the three tags', () => a.tags.tags.length === 3);

    // One row for the two identical drugs tags, naming both analysts; both records stay in the file.
    const drugs = await waitFor('the drugs row', () => a.tagsTree.getChildren().find((n) => n.kind === 'tag' && n.label === 'drugs'));
    assert.equal(a.tagsTree.getTreeItem(drugs).description, '1');
    const [article] = a.tagsTree.getChildren(drugs);
    const rows = a.tagsTree.getChildren(article);
    assert.equal(rows.length, 1, 'one row');
    assert.match(String(a.tagsTree.getTreeItem(rows[0]).description), /Ana, Bo/);

    // The conflict is a warning on the sidecar, with Keep ours / theirs / both as quick fixes.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sidecar()));
    const warning = await waitFor('the merge-conflict warning', () => vscode.languages.getDiagnostics(sidecar()).find((d) => d.code === 'merge-conflict'));
    const actions = await waitFor('the quick fixes', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar(), warning.range);
      return found?.some((x) => x.title.startsWith('Keep theirs')) ? found : undefined;
    });
    assert.deepEqual(actions.filter((x) => x.title.startsWith('Keep')).map((x) => x.title.split(' (')[0]), ['Keep ours', 'Keep theirs', 'Keep both']);
    const theirs = actions.find((x) => x.title.startsWith('Keep theirs'))!;
    await vscode.commands.executeCommand(theirs.command!.command, ...(theirs.command!.arguments ?? []));
    const stored = parse((await readText(sidecar())) ?? '') as { tags: { id: string; tag: string }[]; conflicts?: unknown };
    assert.deepEqual(stored.tags.map((t) => `${t.id}:${t.tag}`).sort(), ['c1:diplomacy', 'x1:drugs', 'y1:drugs']);
    assert.equal(stored.conflicts, undefined);
    assert.ok(((await readText(sidecar())) ?? '').startsWith('# merged by git'), 'comment kept');
    await waitFor('the warning gone', () => !vscode.languages.getDiagnostics(sidecar()).some((d) => d.code === 'merge-conflict'));
  });

  it('shows the figures of two annotation folders, links the disagreements to their passages, and adjudicates them', async () => {
    const a = (await extensionApi()) as Api;
    await writeSide('ana', 'Ana', [['drugs', 'drug prevention and control'], ['crime', 'high-tech crime']]);
    await writeSide('bo', 'Bo', [['drugs', 'drug prevention'], ['training', 'training collaboration']]);

    const shown = vscode.commands.executeCommand<vscode.TextDocument | undefined>('corpusAnnotator.showAgreement');
    await choose(a, 'analyst A', '$(folder) Annotations folder');
    await type(a, 'analyst A', 'review/ana');
    await choose(a, 'analyst B', '$(folder) Annotations folder');
    await type(a, 'analyst B', 'review/bo');
    const report = await shown;
    assert.ok(report, 'the report opened');
    const text = report.getText();
    assert.equal(report.languageId, 'markdown');
    assert.match(text, /^# Agreement: review\/ana \(A\) and review\/bo \(B\)/);
    assert.match(text, /\| drugs +\| +1 \| +1 \| +0\.000 \| +0\.000 \| +0\.000 \| +1\.000 \| +1\.000 \| +1\.000 \|/);
    assert.match(text, /Cohen’s kappa: \*\*0\.\d+\*\*/);
    assert.match(text, /Gwet’s AC1: \*\*0\.\d+\*\*/);
    assert.match(text, /## Disagreements: 3/);
    // Opened rendered (a webview of the report), whose places are links to the passages.
    const tab = await waitFor('the rendered report', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputWebview && input.viewType.endsWith('corpusAnnotator.agreementReport') ? input : undefined;
    });
    assert.ok(tab);
    const mdLinks = [...text.matchAll(/\[(seeds\/[^\]]+)\]\((file:[^)]+)\)/g)];
    assert.equal(mdLinks.length, 3, 'one Markdown link per disagreement');
    assert.match(vscode.Uri.parse(mdLinks[0][2]).fragment, /^L3,\d+$/, 'to the line and column of the passage, as the workbench opens links');
    assert.ok(vscode.Uri.parse(mdLinks[0][2]).path.endsWith(S003));
    // What a click in the report does: the article opens with the cursor at the passage.
    const opened = await (a as unknown as { openReportLink(href: string): Promise<vscode.TextEditor> }).openReportLink(mdLinks[0][2]);
    assert.ok(opened.document.uri.path.endsWith(S003));
    assert.equal(opened.selection.active.line, 2);
    // In the source too (Open Source), each place is a link.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', report.uri);
    const lines = new Set(links.filter((l) => l.target?.path.endsWith(S003)).map((l) => l.range.start.line));
    assert.equal(lines.size, 3, 'one link per disagreement');

    // Adjudicate in the article: crime (only Ana) → A, drugs → B (Bo's shorter passage), training (only Bo) → neither.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seedUri(S003)));
    const walked = vscode.commands.executeCommand<number>('corpusAnnotator.adjudicate');
    await choose(a, 'which two analysts', 'review/ana and review/bo');
    await choose(a, 'Disagreement 1 of 3', 'A: review/ana');
    await choose(a, 'Disagreement 2 of 3', 'B: review/bo');
    await choose(a, 'Disagreement 3 of 3', 'Neither');
    assert.equal(await walked, 3);
    const stored = (parse((await readText(sidecar())) ?? '') as { tags: { tag: string; quote: string; author: string }[] }).tags;
    assert.deepEqual(stored.map((t) => `${t.tag}:${t.quote}:${t.author}`), ['crime:high-tech crime:Ana', 'drugs:drug prevention:Bo']);
    await waitFor('the Corpus Tags model sees them', () => a.tags.tags.length === 2);
  });
});
