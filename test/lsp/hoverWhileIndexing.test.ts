/**
 * Requests about the open article while the corpus is still being indexed: the articles after the first wait to be
 * read until the test lets them (a barrier in the file system the server reads through), so the requests are certain
 * to come during the indexing. The hover answers at once from the article alone, and says the corpus is still being
 * indexed; so does the outline (document symbols); quick fixes on a name wait for the corpus-wide entity, but one the
 * client cancels is answered at once. Once it is indexed, the corpus-wide hover, without that line, and the fixes.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/core/index';
import { Notifications } from '../../server/src/protocol';
import { gatedArticles } from '../support/gatedArticles';
import { lspWorkspaceEachTest } from '../support/lspHarness';
import { waitFor } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';

const markdown = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');

describe('requests while the corpus is being indexed', function () {
  const w = lspWorkspaceEachTest();

  async function positionOf(needle: string) {
    const text = await fs.readFile(path.join(w.root, S003), 'utf8');
    const at = text.indexOf(needle);
    assert.ok(at >= 0, needle);
    return new LineIndex(text).positionAt(at + 1);
  }

  it('hovers from the open article with a note while indexing, and the corpus-wide answer once indexed', async () => {
    const gate = gatedArticles(1);
    const l = await w.start(undefined, gate.fs);
    const uri = await l.open(S003);
    await waitFor('an article waiting to be read', () => gate.waiting.length > 0);
    const indexed = () => l.notifications.some((n) => n.method === Notifications.indexed.method);

    const name = { textDocument: { uri }, position: await positionOf('Lakhamphong') };
    // The server sets the opened article in the corpus once its folder is open: until then, no hover.
    const during = await waitFor('a hover during the indexing', async () => (await l.client.sendRequest('textDocument/hover', name)) as Hover | null);
    assert.ok(!indexed(), 'answered while the indexing was held');
    const md = markdown(during);
    assert.match(md, /^_Corpus still indexing \(\d+ of 5 articles\): other spellings and articles not yet counted\._/);
    assert.match(md, /\*\*Vilay Lakhamphong\*\* — Person/);
    assert.match(md, /Spellings in this article: /);
    assert.match(md, /Mentions: \d+ in this article/);
    assert.doesNotMatch(md, /of the corpus/, 'no corpus-wide count while the corpus is being read');

    const date = (await l.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: await positionOf('April 25') })) as Hover;
    assert.match(markdown(date), /^_Corpus still indexing \(\d+ of 5 articles\)\._/);
    assert.match(markdown(date), /2025-04-25/);
    assert.match(markdown(date), /Friday/);

    const symbols = (await l.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(!indexed(), 'the outline too is answered while the indexing is held');
    assert.ok(symbols.some((s) => s.name === 'Vilay Lakhamphong'), `the article's names: ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(symbols.some((s) => s.name.startsWith('Article date: 2025-04-25')), 'and its date');

    // Quick fixes on a name wait for the corpus-wide entity, unless the client cancels them (as VS Code does at each
    // move of the cursor): then they are answered at once, not when the indexing ends.
    const onName = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('entity.') && d.range.start.line === name.position.line);
    const early = onName(await l.waitForDiagnostics(uri, (d) => onName(d).length > 0));
    const cancel = new CancellationTokenSource();
    const asked = l.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: early[0].range, context: { diagnostics: early } }, cancel.token);
    cancel.cancel();
    const fixes = (await asked.catch(() => [])) as CodeAction[];
    assert.ok(!indexed(), 'a cancelled request for quick fixes is answered while the indexing is held');
    assert.deepEqual(fixes, [], 'with no entity correction');
    // So are the other requests that need the whole corpus (issue 8: cancellation honoured in every handler).
    const cancelledAnswers: Record<string, unknown> = {};
    for (const [method, params] of [
      ['textDocument/references', { ...name, context: { includeDeclaration: true } }],
      ['workspace/symbol', { query: 'vilay' }],
      ['textDocument/prepareRename', name],
      ['textDocument/rename', { ...name, newName: 'Vilay L.' }],
      ['corpusAnnotator/entities', {}],
      ['corpusAnnotator/boilerplateClusters', {}],
    ] as const) {
      const source = new CancellationTokenSource();
      const pending = l.client.sendRequest(method, params, source.token);
      source.cancel();
      cancelledAnswers[method] = await pending.then((r) => r, (e: Error & { code?: number }) => `error ${e.code}`);
    }
    assert.ok(!indexed(), `cancelled requests answered while the indexing is held: ${JSON.stringify(cancelledAnswers)}`);
    assert.deepEqual(cancelledAnswers['textDocument/references'], []);
    assert.deepEqual(cancelledAnswers['workspace/symbol'], []);
    assert.equal(cancelledAnswers['textDocument/prepareRename'], 'error -32800', 'RequestCancelled');
    assert.equal(cancelledAnswers['textDocument/rename'], 'error -32800');
    await assert.rejects(fs.access(path.join(w.root, 'annotations/entities.yaml')), 'the cancelled rename wrote nothing');

    gate.open();
    await waitFor('the indexed notification', indexed);
    const after = markdown((await l.client.sendRequest('textDocument/hover', name)) as Hover);
    assert.doesNotMatch(after, /Corpus still indexing/);
    assert.match(after, /\*\*Vilay Lakhamphong\*\* — Person `/);
    assert.match(after, /Spellings: /);
    assert.match(after, /Mentions: \d+ in this article, \d+ mentions? in \d+ articles? of the corpus/);
    const late = onName(await l.waitForDiagnostics(uri, (d) => onName(d).length > 0));
    const fixesAfter = (await l.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: late[0].range, context: { diagnostics: late } })) as CodeAction[];
    assert.ok(fixesAfter.length > 0, 'entity corrections once the corpus is indexed');
  });
});
