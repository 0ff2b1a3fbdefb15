/**
 * The Problems panel as a worklist (issue 12): what is listed, quick fixes for the name under the cursor only, and
 * Undo of an entity correction, over LSP as an editor sees them.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { parse } from 'yaml';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';
import { RegistryCommands, type RegistryEditResult } from '../../server/src/protocolEntities';
import { LineIndex } from '../../server/src/core/index';

const S001 = 'seeds/001_1f87558668262b9a.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';
const REGISTRY = 'annotations/entities.yaml';

const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : String(d.message));
const listed = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== DiagnosticSeverity.Hint);
const isEntity = (d: Diagnostic) => String(d.code).startsWith('entity.');

describe('Problems panel as a worklist', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    lsp?.dispose();
    await removeTempWorkspace(root);
  });

  async function rangeOf(relative: string, needle: string, nth = 0) {
    const text = await fs.readFile(path.join(root, relative), 'utf8');
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} in ${relative}`);
    const lines = new LineIndex(text);
    return { start: lines.positionAt(at), end: lines.positionAt(at + needle.length) };
  }
  const at = (ds: Diagnostic[], r: { start: { line: number; character: number } }) =>
    ds.find((d) => isEntity(d) && d.range.start.line === r.start.line && d.range.start.character === r.start.character);
  /** Diagnostics after indexing: the entity messages count mentions across the corpus. */
  const indexed = async (uri: string) => {
    await waitFor('indexing', () => lsp.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    return lsp.waitForDiagnostics(uri, (ds) => ds.some((d) => /mentions in [2-9] articles/.test(message(d))));
  };
  const codeActions = async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, diagnostics: Diagnostic[]) =>
    (await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } })) as CodeAction[];
  const execute = (command: string, args?: unknown) =>
    lsp.client.sendRequest('workspace/executeCommand', { command, arguments: args === undefined ? [] : [args] }) as Promise<RegistryEditResult>;
  const registryText = () => fs.readFile(path.join(root, REGISTRY), 'utf8');

  it('lists each new name once per article, unresolved dates, and nothing in boilerplate; the rest are hints', async () => {
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S001);
    const ds = await indexed(uri);
    const items = listed(ds);
    const names = items.filter(isEntity);
    assert.equal(new Set(names.map((d) => (d.data as { entityId: string }).entityId)).size, names.length, 'one item per entity');
    assert.ok(names.every((d) => (d.data as { worklist?: string }).worklist), 'each says why it is listed');
    assert.ok(items.length < ds.length / 4, `${items.length} of ${ds.length} findings listed`);

    const khamliang = ds.filter((d) => isEntity(d) && message(d).includes('Person: Khamliang Outhakaysone'));
    assert.ok(khamliang.length > 2);
    assert.equal(listed(khamliang).length, 1, 'Khamliang Outhakaysone is listed once');
    assert.match(message(listed(khamliang)[0]), /^Not in the registry yet — Person: Khamliang Outhakaysone/);
    assert.ok(!items.some((d) => /^Other name: (Vietnamese|Lao) /.test(message(d))), 'no nationality adjective');
    const chrome = await rangeOf(S001, 'Vietnam'); // line 1 of the page: its header
    assert.equal(at(ds, chrome)?.severity ?? DiagnosticSeverity.Hint, DiagnosticSeverity.Hint, 'a name in page chrome is a hint');
    const dates = items.filter((d) => String(d.code).startsWith('date.'));
    assert.ok(dates.length > 0 && dates.every((d) => /XXXX/.test(message(d))), 'only unresolved dates are listed');
    assert.ok(ds.some((d) => String(d.code).startsWith('date.') && d.severity === DiagnosticSeverity.Hint && /2022/.test(message(d))), 'a resolved date is a hint');

    // Confirming the name takes it off the worklist.
    const first = listed(khamliang)[0];
    const confirm = (await codeActions(uri, first.range, [first])).find((a) => a.command?.command === RegistryCommands.confirm);
    assert.ok(confirm, 'a Confirm fix');
    assert.match(confirm.title, /^Confirm Khamliang Outhakaysone as a person/);
    await execute(confirm.command!.command, confirm.command!.arguments![0]);
    await lsp.waitForDiagnostics(uri, (next) => !listed(next).some((d) => message(d).includes('Person: Khamliang Outhakaysone')));
  });

  it('lists every finding with problems.list: everything', async () => {
    lsp = await startLspHarness(root, { problems: { list: 'everything' } });
    const uri = await lsp.open(S001);
    const ds = await indexed(uri);
    assert.ok(ds.filter(isEntity).every((d) => d.severity === DiagnosticSeverity.Information));
  });

  it('offers fixes for the name under the cursor only, none self-contradictory', async () => {
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S001);
    const ds = await indexed(uri);
    const name = await rangeOf(S001, 'Khamliang Outhakaysone', 1);
    const line = ds.filter((d) => d.range.start.line === name.start.line);
    assert.ok(line.filter(isEntity).length >= 4, 'a line with several names');
    const cursor = { line: name.start.line, character: name.start.character + 3 };
    const actions = await codeActions(uri, { start: cursor, end: cursor }, line);
    assert.ok(actions.length > 0);
    const titles = actions.map((a) => a.title);
    for (const other of ['Hanoi', 'Pham Minh Chinh', 'Lao People’s Army', 'Vietnam']) {
      assert.ok(!titles.some((t) => t.includes(other)), `nothing about ${other}: ${titles.join(' | ')}`);
    }
    assert.ok(titles.every((t) => /Khamliang|Khamlieng|Outhakaysone/.test(t)), titles.join(' | '));
    const split = titles.find((t) => t.includes('is a different entity from'));
    assert.ok(split, 'the split fix');
    assert.ok(!/“Khamliang Outhakaysone” is a different entity from Khamliang Outhakaysone$/.test(split), split);

    const plain = await rangeOf(S001, 'reiterated');
    const none = await codeActions(uri, { start: plain.start, end: plain.start }, ds.filter((d) => d.range.start.line === plain.start.line));
    assert.deepEqual(none.map((a) => a.title), [], 'no entity fix on a plain word');

    // VS Code then asks again at the end of each diagnostic of the line, for quick fixes only: not about the cursor.
    const hanoi = line.find((d) => isEntity(d) && message(d).includes('Place: Hanoi'))!;
    const atEnd = { start: hanoi.range.end, end: hanoi.range.end };
    const fallback = (await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: atEnd, context: { diagnostics: [hanoi], only: ['quickfix'], triggerKind: 1 } })) as CodeAction[];
    assert.deepEqual(fallback.map((a) => a.title), [], 'the second round of Ctrl+. on a plain word gets nothing');
    const justAfter = await codeActions(uri, atEnd, [hanoi]);
    assert.ok(justAfter.some((a) => a.title.includes('Hanoi')), 'Ctrl+. with the cursor just after a name gets its fixes');
    const fromPanel = (await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: hanoi.range, context: { diagnostics: [hanoi], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(fromPanel.some((a) => a.title.includes('Hanoi')), 'the Problems panel and the hover ask with the whole range');
  });

  it('undoes the last entity correction, restoring only what it touched and keeping comments', async () => {
    await fs.mkdir(path.join(root, 'annotations'), { recursive: true });
    const start = '# The Laos desk registry.\nentities:\n  # Checked against the cabinet list.\n  - canonical: Hanoi\n    type: LOCATION\n';
    await fs.writeFile(path.join(root, REGISTRY), start);
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);

    assert.deepEqual(await execute(RegistryCommands.undo), { registry: '', message: 'There is no entity correction to undo', changed: false });
    const done = await execute(RegistryCommands.notEntity, { text: 'Lương Tam Quang' });
    assert.equal(done.undoable, true, 'the result says it can be undone');
    assert.deepEqual(parse(await registryText()).notEntities, ['Lương Tam Quang']);

    // Meanwhile another analyst's change reaches the file (a git pull): it is kept.
    const pulled = (await registryText()).replace('    type: LOCATION\n', '    type: LOCATION\n    aliases:\n      - Hà Nội\n');
    await fs.writeFile(path.join(root, REGISTRY), pulled);
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri(REGISTRY), type: 2 }] });

    const undone = await execute(RegistryCommands.undo, {});
    assert.equal(undone.changed, true);
    assert.match(undone.message, /^Undone: `Lương Tam Quang` is not an entity/);
    const text = await registryText();
    const reg = parse(text);
    assert.deepEqual(reg.notEntities ?? [], []);
    assert.deepEqual(reg.entities, [{ canonical: 'Hanoi', type: 'LOCATION', aliases: ['Hà Nội'] }], 'the other analyst’s alias is kept');
    assert.match(text, /# The Laos desk registry\./);
    assert.match(text, /# Checked against the cabinet list\./);
    const r = await rangeOf(S003, 'Lương Tam Quang');
    await lsp.waitForDiagnostics(uri, (ds) => !!at(ds, r));
  });

  it('keeps a possible merge apart in one step, undone in one step', async () => {
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S001);
    const ds = await indexed(uri);
    const idOf = (needle: string) => (ds.find((d) => isEntity(d) && message(d).includes(needle))!.data as { entityId: string }).entityId;
    const [vietnam, hanoi] = [idOf('Place: Vietnam'), idOf('Place: Hanoi')];
    const kept = await execute(RegistryCommands.confirm, { entityId: vietnam, apartFrom: [hanoi] });
    assert.match(kept.message, /^Vietnam is in the registry as a place, kept apart from Hanoi$/);
    assert.deepEqual(parse(await registryText()).entities.map((e: { canonical: string }) => e.canonical).sort(), ['Hanoi', 'Vietnam']);
    await assert.rejects(execute(RegistryCommands.confirm, { entityId: vietnam, apartFrom: 'Hanoi' }), /apartFrom/);
    await execute(RegistryCommands.undo);
    assert.deepEqual(parse(await registryText()).entities ?? [], [], 'one undo takes both back');
  });

  it('undoes a rename (F2)', async () => {
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S001);
    await lsp.waitForDiagnostics(uri);
    const r = await rangeOf(S001, 'Khamliang Outhakaysone');
    const position = { line: r.start.line, character: r.start.character + 2 };
    await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: 'Gen. Khamliang Outhakaysone' });
    const said = await waitFor('registryEdited', () => lsp.notifications.find((n) => n.method === 'corpusAnnotator/registryEdited'));
    assert.equal((said.params as RegistryEditResult).undoable, true);
    assert.equal(parse(await registryText()).entities[0].canonical, 'Gen. Khamliang Outhakaysone');
    await execute(RegistryCommands.undo);
    assert.deepEqual(parse(await registryText()).entities ?? [], []);
    await lsp.waitForDiagnostics(uri, (ds) => ds.some((d) => message(d).startsWith('Person: Khamliang Outhakaysone')));
  });
});
