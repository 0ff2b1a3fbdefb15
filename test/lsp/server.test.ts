import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticTag, type Diagnostic, type Hover } from 'vscode-languageserver';
import { parse } from 'yaml';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';
import { Notifications, Requests, ServerCommands, type ListTagsResult, type TagItem, type TagsChangedParams } from '../../server/src/protocol';
import { LineIndex } from '../../server/src/core/index';

const text = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);

const S003 = 'seeds/003_0e5bd4099b662286.txt';
const S000 = 'seeds/000_87a1712161fb5682.txt';

describe('language server over LSP', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
  });
  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  async function positionOf(relative: string, needle: string, nth = 0) {
    const text = await fs.readFile(path.join(root, relative), 'utf8');
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} in ${relative}`);
    return new LineIndex(text).positionAt(at + 1);
  }

  it('publishes entity, date and boilerplate diagnostics with source corpus', async () => {
    const uri003 = await lsp.open(S003);
    const d003 = await lsp.waitForDiagnostics(uri003);
    assert.ok(d003.every((d) => d.source === 'corpus'));
    const names = d003.filter((d) => String(d.code).startsWith('entity.'));
    assert.ok(names.some((d) => /Vilay Lakhamphong/.test(text(d.message))), 'Vilay Lakhamphong is flagged');
    const dates = d003.filter((d) => String(d.code).startsWith('date.'));
    assert.ok(dates.some((d) => text(d.message).includes('2025-04-25')), 'a date resolves to 2025-04-25');

    const indexed = await waitFor('the indexed notification', () => lsp.notifications.find((n) => n.method === Notifications.indexed.method));
    // No persistent cache here: every article analysed, by the indexing or, for the open one, for its diagnostics during it.
    const { analysed, ...rest } = indexed.params as { analysed: number };
    assert.deepEqual(rest, { articles: 5, fromCache: 0, clusteringFromCache: false });
    assert.ok(analysed === 4 || analysed === 5, `analysed ${analysed}`);

    const uri000 = await lsp.open(S000);
    const d000 = await lsp.waitForDiagnostics(uri000);
    const boiler = d000.filter((d: Diagnostic) => String(d.code).startsWith('boilerplate.'));
    assert.ok(boiler.length > 0, 'the repeated lead is flagged');
    assert.ok(boiler.every((d) => d.tags?.includes(DiagnosticTag.Unnecessary)), 'boilerplate is shown faded');
  });

  it('hovers a name with its type, canonical name and counts', async () => {
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const hover = (await lsp.client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: await positionOf(S003, 'Lakhamphong'),
    })) as Hover;
    assert.ok(hover, 'a hover');
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /Vilay Lakhamphong/);
    assert.match(md, /Person/);
    assert.match(md, /Mentions: \d+ in this article/);
  });

  it('hovers a date with its ISO value and how it was resolved', async () => {
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const hover = (await lsp.client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: await positionOf(S003, 'April 25'),
    })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /2025-04-25/);
    assert.match(md, /Friday/);
  });

  it('tags a passage through workspace/executeCommand and writes the sidecar YAML', async () => {
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const start = await positionOf(S003, 'highly valued the cooperation results');
    const range = { start: { line: start.line, character: start.character - 1 }, end: { line: start.line, character: start.character - 1 + 'highly valued the cooperation results'.length } };
    const item = (await lsp.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.addTag,
      arguments: [{ uri, range, tag: 'cooperation', note: 'praise for the police partnership' }],
    })) as TagItem;
    assert.equal(item.tag, 'cooperation');
    assert.equal(item.quote, 'highly valued the cooperation results');

    const file = path.join(root, 'annotations', 'seeds', '003_0e5bd4099b662286.yaml');
    const yaml = parse(await fs.readFile(file, 'utf8'));
    assert.equal(yaml.version, 1);
    assert.equal(yaml.document, S003);
    assert.equal(yaml.tags.length, 1);
    assert.equal(yaml.tags[0].tag, 'cooperation');
    assert.equal(yaml.tags[0].note, 'praise for the police partnership');
    assert.equal(yaml.tags[0].quote, 'highly valued the cooperation results');
    assert.ok(yaml.tags[0].prefix.endsWith('on April 25 '));
    // tagsChanged names the article, so clients refetch only its tags.
    const tagsChangedFor = (since: number) =>
      lsp.notifications.slice(since).some((n) => n.method === Notifications.tagsChanged.method && (n.params as TagsChangedParams).uris.includes(uri));
    await waitFor('tagsChanged for the article', () => tagsChangedFor(0));
    assert.equal(Notifications.tagsChanged.method, 'corpusAnnotator/tagsChanged', 'the wire name other clients use');

    const list = (await lsp.client.sendRequest(Requests.listTags, {})) as ListTagsResult;
    assert.equal(list.tags.length, 1);
    assert.deepEqual(list.tags[0].range, range);
    const one = await lsp.client.sendRequest(Requests.listTags, { uri });
    assert.deepEqual(one.tags.map((t) => t.id), [item.id], 'listTags { uri } lists that article');
    assert.deepEqual((await lsp.client.sendRequest(Requests.listTags, { uri: lsp.uri(S000) })).tags, []);

    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: range.start.line, character: range.start.character + 3 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Tag.*cooperation.*praise for the police partnership/s);

    const seen = lsp.notifications.length;
    const removed = await lsp.client.sendRequest('workspace/executeCommand', { command: ServerCommands.removeTag, arguments: [{ uri, id: item.id }] });
    assert.equal(removed, true);
    assert.equal(parse(await fs.readFile(file, 'utf8')).tags.length, 0);
    await waitFor('tagsChanged for the article after the removal', () => tagsChangedFor(seen));
  });

  it('refuses to tag into a sidecar it cannot parse, and leaves the file untouched', async () => {
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const file = path.join(root, 'annotations', 'seeds', '003_0e5bd4099b662286.yaml');
    const broken = 'version: 1\ntags:\n  - id: a\n    tag: [unclosed\n';
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, broken);
    await assert.rejects(
      lsp.client.sendRequest('workspace/executeCommand', {
        command: ServerCommands.addTag,
        arguments: [{ uri, range: { start: { line: 0, character: 1 }, end: { line: 0, character: 5 } }, tag: 'x' }],
      }),
      /left untouched/,
    );
    assert.equal(await fs.readFile(file, 'utf8'), broken);
    const list = (await lsp.client.sendRequest(Requests.listTags, {})) as ListTagsResult;
    assert.equal(list.problems.length, 1);
  });

  it('rejects an empty tag name with a clear message', async () => {
    const uri = await lsp.open(S003);
    await assert.rejects(
      lsp.client.sendRequest('workspace/executeCommand', {
        command: ServerCommands.addTag,
        arguments: [{ uri, range: { start: { line: 0, character: 1 }, end: { line: 0, character: 5 } }, tag: '  ' }],
      }),
      /needs a name/,
    );
  });

  it('switches a kind of diagnostic off by setting', async () => {
    lsp.dispose();
    lsp = await startLspHarness(root, { dates: { severity: 'off' }, entities: { severity: 'hint' } });
    const uri = await lsp.open(S003);
    const d = await lsp.waitForDiagnostics(uri);
    assert.ok(!d.some((x) => String(x.code).startsWith('date.')), 'no date diagnostics');
    assert.ok(d.filter((x) => String(x.code).startsWith('entity.')).every((x) => x.severity === 4), 'entities as hints');
  });
});
