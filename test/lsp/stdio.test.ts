/** The bundled server as any LSP editor starts it: `node dist/server.js --stdio` (built by `npm test` before this runs). */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { makeTempWorkspace, removeTempWorkspace, REPO_ROOT, waitFor } from '../support/workspace';

const SERVER = path.join(REPO_ROOT, 'dist/server.js');

describe('bundled server over stdio', function () {
  this.timeout(60000);
  let root: string;
  let child: ChildProcess;
  let conn: MessageConnection;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.listen();
  });
  afterEach(async () => {
    conn.dispose();
    child.kill();
    await removeTempWorkspace(root);
  });

  it('initializes, publishes diagnostics and answers a hover', async () => {
    const published = new Map<string, PublishDiagnosticsParams>();
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p);
    });
    const rootUri = pathToFileURL(root).href;
    const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} })) as {
      capabilities: { hoverProvider?: boolean; executeCommandProvider?: { commands: string[] } };
    };
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('corpusAnnotator.server.addTag'));
    await conn.sendNotification('initialized', {});
    const file = path.join(root, 'seeds/004_f85d18add8346542.txt');
    const text = await fs.readFile(file, 'utf8');
    const uri = pathToFileURL(file).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const diags = await waitFor('diagnostics', () => published.get(uri)?.diagnostics.length ? published.get(uri)!.diagnostics : undefined, 30000);
    assert.ok(diags.some((d) => d.source === 'corpus'));
    const line = text.split('\n').findIndex((l) => l.includes('Vientiane Times'));
    const hover = (await conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: text.split('\n')[line].indexOf('VIENTIANE') + 2 },
    })) as Hover | null;
    assert.ok(hover, 'a hover on the dateline');
    assert.match((hover.contents as { value: string }).value, /Vientiane/i);
  });

  it('shows possible merges, found in the clustering worker, on the worklist', async () => {
    const published = new Map<string, PublishDiagnosticsParams>();
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p);
    });
    const rootUri = pathToFileURL(root).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    for (const name of await fs.readdir(path.join(root, 'seeds'))) {
      const file = path.join(root, 'seeds', name);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'plaintext', version: 1, text: await fs.readFile(file, 'utf8') } });
    }
    const merges = await waitFor('a possible merge on the worklist', () => {
      const found = [...published.values()].flatMap((p) => p.diagnostics).filter((d) => (d.data as { worklist?: string } | undefined)?.worklist === 'possible-merge');
      return found.length ? found : undefined;
    }, 30000);
    assert.match(String(merges[0].message), /^May be another entity/);
  });
  it('sends the diagnostics of an article being typed in as a fresh pass words them', async () => {
    const published = new Map<string, PublishDiagnosticsParams>();
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p);
    });
    let indexed = false;
    conn.onNotification('corpusAnnotator/indexed', () => {
      indexed = true;
    });
    const rootUri = pathToFileURL(root).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    await waitFor('indexed', () => indexed || undefined, 30000);
    const file = path.join(root, 'seeds/004_f85d18add8346542.txt');
    const text = await fs.readFile(file, 'utf8');
    const uri = pathToFileURL(file).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await waitFor('diagnostics of the opened article', () => published.get(uri)?.diagnostics.length || undefined, 30000);
    // Typed in: analysed and encoded while the debounce runs, sent at its end.
    const typed = 'On 3 March 2019, Khamlieng visited Hanoi. ';
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: typed }],
    });
    const afterTyping = await waitFor('diagnostics of the typed version', () => (published.get(uri)?.version === 2 ? published.get(uri) : undefined), 30000);
    // The same text opened afresh: worded and encoded when sent.
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    published.delete(uri);
    const lines = text.split('\n');
    lines[2] = typed + lines[2];
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: lines.join('\n') } });
    const fresh = await waitFor('diagnostics of the reopened article', () => (published.get(uri)?.diagnostics.length ? published.get(uri) : undefined), 30000);
    assert.ok(afterTyping.diagnostics.some((d) => d.range.start.line === 2 && String(d.code).startsWith('date.')), 'the date typed is flagged');
    assert.deepEqual(afterTyping.diagnostics, fresh.diagnostics);
  });
});
