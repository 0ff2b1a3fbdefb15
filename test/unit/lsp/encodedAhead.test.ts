import * as assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { EncodedAhead } from '../../../server/src/node/encodedAhead';

const decode = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf-8')) as unknown;
/** The message vscode-jsonrpc makes of a notification (connection.ts, sendNotification). */
const notification = (method: string, params: object): Message => ({ jsonrpc: '2.0', method, params }) as Message;

describe('EncodedAhead', () => {
  const params = () => ({
    uri: 'file:///w/seeds/a.txt',
    version: 7,
    diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'Việt Nam — a place', source: 'corpus' }],
  });

  it('writes the bytes encoded ahead for these very params, once, as vscode-jsonrpc would encode the message', async () => {
    const ahead = new EncodedAhead();
    const p = params();
    ahead.notification('textDocument/publishDiagnostics', p);
    assert.equal(ahead.holds(p), true);
    const message = notification('textDocument/publishDiagnostics', p);
    const bytes = await ahead.encoder.encode(message, { charset: 'utf-8' });
    assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(message), 'utf-8'));
    assert.equal(ahead.holds(p), false, 'used once');
    // Sent again (the same object), it is encoded afresh.
    p.version = 8;
    assert.equal((decode(await ahead.encoder.encode(message, { charset: 'utf-8' })) as { params: { version: number } }).params.version, 8);
  });

  it('encodes any other message as it is sent, equal params or not', async () => {
    const ahead = new EncodedAhead();
    const p = params();
    ahead.notification('textDocument/publishDiagnostics', p);
    const other = { ...params(), version: 9 };
    const message = notification('textDocument/publishDiagnostics', other);
    assert.deepEqual(decode(await ahead.encoder.encode(message, { charset: 'utf-8' })), JSON.parse(JSON.stringify(message)));
    const response = { jsonrpc: '2.0', id: 3, result: null } as Message;
    assert.deepEqual(decode(await ahead.encoder.encode(response, { charset: 'utf-8' })), { jsonrpc: '2.0', id: 3, result: null });
    assert.equal(ahead.holds(p), true, 'still held for its own message');
  });

  it('does not write its UTF-8 bytes where another charset is asked for', async () => {
    const ahead = new EncodedAhead();
    const p = { uri: 'file:///w/a.txt', diagnostics: [] };
    ahead.notification('textDocument/publishDiagnostics', p);
    const message = notification('textDocument/publishDiagnostics', p);
    assert.deepEqual(Buffer.from(await ahead.encoder.encode(message, { charset: 'ascii' })), Buffer.from(JSON.stringify(message), 'ascii'));
  });

  it('rejects a message it cannot encode, as vscode-jsonrpc does', async () => {
    const ahead = new EncodedAhead();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assert.rejects(ahead.encoder.encode(notification('x', cyclic), { charset: 'utf-8' }), TypeError);
  });
});
