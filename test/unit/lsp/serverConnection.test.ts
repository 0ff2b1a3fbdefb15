import * as assert from 'node:assert/strict';
import { transportOf } from '../../../server/src/node/serverConnection';

describe('transportOf', () => {
  it('reads the transport from the command line as vscode-languageserver does', () => {
    assert.deepEqual(transportOf(['--stdio']), { kind: 'stdio' });
    assert.deepEqual(transportOf(['--clientProcessId=12', '--stdio']), { kind: 'stdio' });
    assert.deepEqual(transportOf(['--socket=5007']), { kind: 'socket', port: 5007 });
    assert.deepEqual(transportOf(['--socket', '5007']), { kind: 'socket', port: 5007 });
    assert.deepEqual(transportOf(['--pipe=/tmp/lsp.sock']), { kind: 'pipe', name: '/tmp/lsp.sock' });
    assert.deepEqual(transportOf(['--pipe', '/tmp/lsp.sock']), { kind: 'pipe', name: '/tmp/lsp.sock' });
  });

  it('leaves IPC, and a command line naming none, to vscode-languageserver', () => {
    assert.deepEqual(transportOf(['--node-ipc', '--clientProcessId=12']), { kind: 'other' });
    assert.deepEqual(transportOf([]), { kind: 'other' });
    assert.deepEqual(transportOf(['--socket=none']), { kind: 'other' });
  });

  it('takes the first transport named', () => {
    assert.deepEqual(transportOf(['--node-ipc', '--stdio']), { kind: 'other' });
    assert.deepEqual(transportOf(['--stdio', '--socket=5007']), { kind: 'stdio' });
  });
});
