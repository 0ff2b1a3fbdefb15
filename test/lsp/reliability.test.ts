/**
 * Nothing acknowledged is lost: two bundled servers and CLI processes writing one article's tags together, a settings
 * change during writes; and bad requests refused with a clear error before anything is written.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { parse } from 'yaml';
import { ServerCommands, type TagItem } from '../../server/src/protocol';
import { BoilerplateCommands } from '../../server/src/protocolBoilerplate';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { runBundledCli } from '../support/processes';
import { makeTempWorkspace, removeTempWorkspace, REPO_ROOT, waitFor } from '../support/workspace';

const SERVER = path.join(REPO_ROOT, 'dist/server.js');
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';
const TAGS_PER_WRITER = 25;
const CLI_WRITERS = 4;

interface Server {
  child: ChildProcess;
  conn: MessageConnection;
}

async function startBundledServer(root: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let indexed = false;
  conn.onNotification('corpusAnnotator/indexed', () => void (indexed = true));
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  await waitFor('indexing', () => indexed, 30000);
  return { child, conn };
}

/** Tags 8 characters of the first line (a long headline), from `at`. */
const addTag = (conn: MessageConnection, uri: string, label: string, at: number) =>
  conn.sendRequest('workspace/executeCommand', {
    command: ServerCommands.addTag,
    arguments: [{ uri, range: { start: { line: 0, character: at }, end: { line: 0, character: at + 8 } }, tag: label }],
  }) as Promise<TagItem>;

describe('nothing acknowledged is lost', function () {
  this.timeout(120000);
  let root: string;
  const servers: Server[] = [];
  let lsp: LspHarness | undefined;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.conn.dispose();
      s.child.kill();
    }
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
  });

  it('keeps every tag two servers and the CLI acknowledged while tagging one article at the same time', async () => {
    servers.push(await startBundledServer(root), await startBundledServer(root));
    const uri = pathToFileURL(path.join(root, ARTICLE)).href;
    const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    const fromServers = Promise.allSettled(
      servers.flatMap((s, w) => Array.from({ length: TAGS_PER_WRITER }, (_, i) => addTag(s.conn, uri, `writer-${w}-${i}`, 2 + (i % 5)))),
    );
    // At the same time, CLI processes tag passages of the same article (each its own process, as scripts run it).
    const fromCli = Promise.all(
      Array.from({ length: CLI_WRITERS }, (_, i) =>
        runBundledCli(['tag', '--tag', `cli-${i}`, '--author', `cli${i}`, '--file', ARTICLE, '--start', String(60 + i * 40), '--end', String(80 + i * 40)], root),
      ),
    );
    const [results, cliRuns] = await Promise.all([fromServers, fromCli]);
    const acknowledged = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(acknowledged.length, 2 * TAGS_PER_WRITER, `all server writes acknowledged: ${rejected ? String(rejected.reason) : ''}`);
    cliRuns.forEach((r, i) => assert.equal(r.code, 0, `CLI writer ${i}: ${r.err}`));
    const sidecar = parse(await fs.readFile(path.join(root, SIDECAR), 'utf8')) as { tags: { id: string; tag: string; start: number; end: number; quote: string }[] };
    const stored = new Set(sidecar.tags.map((t) => t.id));
    assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'no tag a server acknowledged is lost');
    const cliTags = sidecar.tags.filter((t) => t.tag.startsWith('cli-'));
    assert.deepEqual(cliTags.map((t) => t.tag).sort(), Array.from({ length: CLI_WRITERS }, (_, i) => `cli-${i}`).sort(), 'every CLI tag is there, once');
    for (const t of cliTags) assert.equal(text.slice(t.start, t.end), t.quote);
    const leftovers = (await fs.readdir(path.join(root, 'annotations/seeds'))).filter((n) => n.startsWith('.'));
    assert.deepEqual(leftovers, [], 'no temporary or lock files left');
  });

  it('keeps every tag acknowledged across a settings change in the middle of the writes', async () => {
    const settings: Record<string, unknown> = {};
    lsp = await startLspHarness(root, settings);
    await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const uri = lsp.uri(ARTICLE);
    const first = Array.from({ length: 10 }, (_, i) => addTag(lsp!.client, uri, `before-${i}`, 2));
    // A real change (the server reopens the workspace only when a folder's settings differ).
    settings.dates = { severity: 'hint' };
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const second = Array.from({ length: 10 }, (_, i) => addTag(lsp!.client, uri, `after-${i}`, 3));
    const ids = (await Promise.all([...first, ...second])).map((t) => t.id);
    await waitFor('the workspace reopened', () => lsp!.notifications.filter((n) => n.method === 'corpusAnnotator/indexed').length >= 2);
    const stored = new Set((parse(await fs.readFile(path.join(root, SIDECAR), 'utf8')) as { tags: { id: string }[] }).tags.map((t) => t.id));
    assert.deepEqual(ids.filter((id) => !stored.has(id)), []);
  });

  it('refuses malformed requests with a clear error and writes nothing', async () => {
    lsp = await startLspHarness(root);
    await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const uri = lsp.uri(ARTICLE);
    const run = (command: string, args: unknown) => lsp!.client.sendRequest('workspace/executeCommand', { command, arguments: [args] });
    const range = (a: unknown, b: unknown) => ({ start: { line: a, character: 0 }, end: { line: b, character: 5 } });
    const bad: [string, unknown, RegExp][] = [
      [ServerCommands.addTag, { uri, range: range(0.5, 1), tag: 'x' }, /range\.start.*non-negative whole numbers/],
      [ServerCommands.addTag, { uri, range: range('0', 1), tag: 'x' }, /range\.start/],
      [ServerCommands.addTag, { uri, range: range(-1, 1), tag: 'x' }, /range\.start/],
      [ServerCommands.addTag, { uri, range: range(2, 1), tag: 'x' }, /ends before it starts/],
      [ServerCommands.addTag, { uri, range: range(0, 9999), tag: 'x' }, /outside the document/],
      [ServerCommands.addTag, { uri, range: range(0, 1), tag: { name: 'x' } }, /`tag` must be a string/],
      [ServerCommands.addTag, { range: range(0, 1), tag: 'x' }, /`uri` must be a non-empty string/],
      [ServerCommands.addTag, { uri: lsp.uri('annotations/entities.yaml'), range: range(0, 0), tag: 'x' }, /Only articles of the corpus can be tagged/],
      [ServerCommands.addTag, 'seeds', /expected an object/],
      [ServerCommands.removeTag, { uri }, /`id` must be a non-empty string/],
      [BoilerplateCommands.ignoreHere, { uri, range: range(0.5, 1) }, /range\.start/],
      [BoilerplateCommands.ignoreEverywhere, { uri, range: range(0, 1), kind: 'banner' }, /`kind` must be one of duplicate, near-duplicate, chrome/],
    ];
    for (const [command, args, message] of bad) {
      await assert.rejects(run(command, args), (e: Error & { code?: number }) => {
        assert.equal(e.code, -32602, `${command} ${JSON.stringify(args)}: InvalidParams`);
        assert.match(e.message, message);
        return true;
      });
    }
    const written = await fs.readdir(path.join(root, 'annotations')).catch(() => []);
    assert.deepEqual(written.filter((n) => n !== '.gitkeep'), [], 'nothing written');
  });
});
