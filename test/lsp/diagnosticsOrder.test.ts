import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const S000 = 'seeds/000_87a1712161fb5682.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';

describe('diagnostics after an edit', function () {
  let root: string;
  let lsp: LspHarness;

  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  it('come first for the article being typed in, then for the other open articles', async () => {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
    const first = await lsp.open(S000);
    const edited = await lsp.open(S003);
    // During the indexing, open articles get their own diagnostics; the corpus's come once it is indexed (names
    // counted across articles): the edit comes after those.
    const corpusWide = (d: Diagnostic[]) => d.some((x) => /mentions in [2-9] articles/.test(typeof x.message === 'string' ? x.message : x.message.value));
    await lsp.waitForDiagnostics(first, corpusWide);
    await lsp.waitForDiagnostics(edited, corpusWide);
    const published = () => lsp.publishedInOrder.slice(seen);
    const seen = lsp.publishedInOrder.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: edited, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Note. ' }],
    });
    await waitFor('both articles published again', () => published().some((p) => p.uri === edited && p.version === 2) && published().some((p) => p.uri === first));
    assert.deepEqual(
      published().map((p) => p.uri).filter((u, i, all) => all.indexOf(u) === i),
      [edited, first],
    );
  });
});
