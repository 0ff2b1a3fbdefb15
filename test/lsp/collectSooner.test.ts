import * as assert from 'node:assert/strict';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';

/**
 * The heap is collected sooner (ServerDeps.collectSooner, node/heapGrowth.ts's `tighten`) while the server's thread
 * builds the incremental clustering at the first pause in typing, and only then: later pauses update it.
 */
describe('collecting sooner while the incremental clustering is built', function () {
  let root: string;
  let lsp: LspHarness | undefined;
  afterEach(async () => {
    lsp?.dispose();
    await removeTempWorkspace(root);
  });

  it('holds it through the first pause in typing, lets it go, and does not take it at the next pause', async () => {
    root = await makeTempWorkspace();
    let taken = 0;
    let released = 0;
    const collectSooner = () => {
      taken++;
      let done = false;
      return () => {
        if (!done) released++;
        done = true;
      };
    };
    const l = (lsp = await startLspHarness(root, undefined, undefined, { collectSooner }));
    await l.indexed();
    const uri = await l.open(S003);
    await l.waitForDiagnostics(uri);
    assert.equal(taken, 0, 'not while indexing');
    const type = async (version: number, text: string) => {
      const seen = l.notifications.length;
      await l.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
      });
      // The server's log says so once the pause's clustering is in use.
      await waitFor('the corpus grouped again after the pause', () =>
        l.notifications.slice(seen).some((n) => n.method === 'window/logMessage' && /^Entities clustered again/.test((n.params as { message: string }).message)),
      );
    };
    await type(2, 'General Somsavath Inthavong spoke. ');
    assert.equal(taken, 1, 'taken for the build');
    assert.equal(released, 1, 'and let go once it is made');
    await type(3, 'Colonel Bounmy Sisavath replied. ');
    assert.equal(taken, 1, 'an update of the incremental clustering does not take it');
  });
});
