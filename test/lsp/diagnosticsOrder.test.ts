import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const S000 = 'seeds/000_87a1712161fb5682.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';
/** An organisation of S000 (its first paragraph). */
const COMMISSION = 'The National Defense and Security Central Commission';

describe('diagnostics after an edit', function () {
  let root: string;
  let lsp: LspHarness;

  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  /**
   * Two articles open, each with its corpus-wide diagnostics (during the indexing, open articles get their own; the
   * corpus's come once it is indexed, names counted across articles: edits come after those); `edit` types at the start
   * of the second; `published` gives what was published since.
   */
  async function twoOpen() {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
    const first = await lsp.open(S000);
    const edited = await lsp.open(S003);
    const corpusWide = (d: Diagnostic[]) => d.some((x) => /mentions in [2-9] articles/.test(typeof x.message === 'string' ? x.message : x.message.value));
    await lsp.waitForDiagnostics(first, corpusWide);
    await lsp.waitForDiagnostics(edited, corpusWide);
    const seen = lsp.publishedInOrder.length;
    const published = () => lsp.publishedInOrder.slice(seen);
    const edit = (version: number, text: string) =>
      lsp.client.sendNotification('textDocument/didChange', {
        textDocument: { uri: edited, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
      });
    return { first, edited, published, edit };
  }

  it('come first for the article being typed in, then for the other open articles', async () => {
    const { first, edited, published, edit } = await twoOpen();
    // A name the other article has: its count of mentions changes there too.
    await edit(2, `${COMMISSION} met. `);
    await waitFor('both articles published again', () => published().some((p) => p.uri === edited && p.version === 2) && published().some((p) => p.uri === first));
    assert.deepEqual(
      published().map((p) => p.uri).filter((u, i, all) => all.indexOf(u) === i),
      [edited, first],
    );
  });

  it('are not sent again for another open article whose diagnostics an edit did not change', async () => {
    const { first, edited, published, edit } = await twoOpen();
    // No name: the other article's diagnostics stay as they were. Its pass would send them right after the edited
    // article's; the next edit, which adds a name the other article has, comes after that.
    await edit(2, 'Note. ');
    await waitFor('the edited article published', () => published().some((p) => p.uri === edited && p.version === 2));
    await edit(3, `${COMMISSION} met. `);
    await waitFor('the other article published for the name', () => {
      const v3 = published().findIndex((p) => p.uri === edited && p.version === 3);
      return v3 >= 0 && published().slice(v3).some((p) => p.uri === first);
    });
    // (The corpus grouped again once typing paused may send either again, changed: what follows is not asserted.)
    const order = published().map((p) => (p.uri === edited ? `edited v${p.version}` : 'other'));
    assert.deepEqual(order.slice(0, order.indexOf('other') + 1), ['edited v2', 'edited v3', 'other'], 'the other article is sent only the diagnostics that changed');
  });

  it('are sent in the order of their places in the article, whatever their kind', async () => {
    // VS Code shows the first 1,000 of a file, by severity then in the order sent: sent by kind, the dates of a long
    // article (after its 2,000 names) were never shown.
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
    const uri = await lsp.open(S000);
    const kinds = (d: Diagnostic[]) => new Set(d.map((x) => String(x.code).split('.')[0]));
    const diagnostics = await lsp.waitForDiagnostics(uri, (d) => kinds(d).has('entity') && kinds(d).has('date'));
    const places = diagnostics.map((d) => [d.range.start.line, d.range.start.character] as const);
    const sorted = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(places, sorted);
    // The kinds are interleaved: a date comes before the last name.
    const codes = diagnostics.map((d) => String(d.code));
    const lastName = codes.length - 1 - [...codes].reverse().findIndex((c) => c.startsWith('entity.'));
    assert.ok(codes.findIndex((c) => c.startsWith('date.')) < lastName);
  });
});
