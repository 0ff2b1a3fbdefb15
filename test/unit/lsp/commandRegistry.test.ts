import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type CodeActionParams } from 'vscode-languageserver';
import { CancelledError } from '../../../server/src/core/index';
import { CommandRegistry } from '../../../server/src/lsp/commandRegistry';

const params: CodeActionParams = { textDocument: { uri: 'file:///w/a.txt' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } };
const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };

describe('code actions of every feature', () => {
  it('answers a request whose provider stopped for its cancellation with RequestCancelled (which clients drop silently), not an internal error', async () => {
    const registry = new CommandRegistry();
    registry.registerCodeActions(() => [{ title: 'first' }]);
    registry.registerCodeActions(() => {
      throw new CancelledError();
    });
    const answer = await registry.codeActions(params, cancelled);
    assert.ok(answer instanceof ResponseError);
    assert.equal(answer.code, LSPErrorCodes.RequestCancelled);
  });

  it('gives every provider’s actions, and lets any other error through', async () => {
    const registry = new CommandRegistry();
    registry.registerCodeActions(() => [{ title: 'first' }]);
    registry.registerCodeActions(async () => [{ title: 'second' }]);
    assert.deepEqual(await registry.codeActions(params, cancelled), [{ title: 'first' }, { title: 'second' }]);
    registry.registerCodeActions(() => {
      throw new TypeError('a bug');
    });
    await assert.rejects(registry.codeActions(params, cancelled), TypeError);
  });
});
