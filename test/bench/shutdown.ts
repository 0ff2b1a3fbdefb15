/**
 * Shutdown benchmark: how long the bundled server takes to answer `shutdown` (what VS Code's Reload Window waits for;
 * the client allows 4 s, vscode-languageclient's default is 2 s) on a workspace of generated articles:
 *   - right after a cold start has indexed (the whole analysis cache is then written);
 *   - right after a reopened workspace with one changed article has indexed (its clustering is being made again in
 *     the worker);
 *   - while the clustering is made again after a name was typed in an open article (shutdown sent just after typing
 *     paused: the rebuild has started in the worker).
 * Then a last start checks that the workspace opens from what was kept.
 *
 *   npx tsx test/bench/shutdown.ts   # SHUTDOWN_BENCH_ARTICLES=10000 (default 3000); SHUTDOWN_BENCH_SERVER=other/dist/server.js
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { SERVER_ENVIRONMENT } from '../../server/src/serverEnvironment';
import { generateCorpus } from '../support/corpusGenerator';

export type { BenchResult } from './benchResult';
import type { BenchResult } from './benchResult';

const ARTICLES = Number(process.env.SHUTDOWN_BENCH_ARTICLES ?? 3000);
const SERVER = path.resolve(process.env.SHUTDOWN_BENCH_SERVER ?? path.join(__dirname, '../../dist/server.js'));
const TARGET_MS = 2000;
/** The server's pause before a rebuild (lsp/indexer.ts refreshSoon), and a little more for the rebuild to start. */
const PAUSE_MS = 1500 + 300;

const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function runShutdownBench(): Promise<BenchResult> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'shutdown-bench-'));
  const lines: string[] = [];
  let met = true;
  try {
    const docs = generateCorpus({ articles: ARTICLES, seed: 11 });
    await fs.mkdir(path.join(root, 'seeds'), { recursive: true });
    const names = docs.map((d) => path.basename(d.uri).replace(/\.\w+$/, '') + '.txt');
    for (let i = 0; i < docs.length; i++) await fs.writeFile(path.join(root, 'seeds', names[i]), docs[i].text);
    lines.push(`workspace: ${docs.length} generated articles; server ${SERVER}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const cacheDir = path.join(root, 'analysis-cache');
    const rootUri = pathToFileURL(root).href;

    const start = async () => {
      const started = performance.now();
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...SERVER_ENVIRONMENT, CORPUS_ANNOTATOR_CACHE: cacheDir } });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const log: string[] = [];
      let indexed: (p: Record<string, unknown>) => void = () => undefined;
      const indexedSeen = new Promise<Record<string, unknown>>((resolve) => (indexed = resolve));
      conn.onNotification('corpusAnnotator/indexed', (p: Record<string, unknown>) => indexed(p));
      conn.onNotification('window/logMessage', (p: { message: string }) => {
        log.push(p.message);
      });
      conn.listen();
      await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
      await conn.sendNotification('initialized', {});
      const stats = await indexedSeen;
      const indexing = performance.now() - started;
      /** Sends shutdown; resolves with the time it took to answer (then exits the server). */
      const shutdown = async () => {
        const t = performance.now();
        await conn.sendRequest('shutdown');
        const took = performance.now() - t;
        const clusteredBefore = log.some((m) => /Entities clustered across \d+ articles in a worker/.test(m));
        await conn.sendNotification('exit');
        await exited;
        conn.dispose();
        return { took, clusteredBefore };
      };
      return { conn, stats, indexing, log, shutdown };
    };
    const report = (what: string, took: number) => {
      met &&= took <= TARGET_MS;
      lines.push(`${what}: shutdown answered in ${ms(took)} (target ${ms(TARGET_MS)})`);
    };

    const cold = await start();
    lines.push(`cold start indexed in ${ms(cold.indexing)}`);
    report('right after a cold start indexed (whole cache written)', (await cold.shutdown()).took);

    await fs.appendFile(path.join(root, 'seeds', names[0]), '\nGeneral Somsavath Inthavong met Colonel Bounkhong Phetsavanh in Vientiane.\n');
    const reopened = await start();
    lines.push(`reopened with one changed article, indexed in ${ms(reopened.indexing)} (${JSON.stringify(reopened.stats)})`);
    const r = await reopened.shutdown();
    report(`right after, the clustering being made again in the worker${r.clusteredBefore ? ' (it had finished first)' : ''}`, r.took);

    const editing = await start();
    const uri = pathToFileURL(path.join(root, 'seeds', names[1])).href;
    const text = docs[1].text;
    await editing.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await editing.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `General Chansamone Chanyalath met Nguyen Tan Dung in Hanoi.\n\n${text}` }],
    });
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const e = await editing.shutdown();
    report(`after typing a name in an open article, the rebuild started${e.clusteredBefore ? ' (it had finished first)' : ''}`, e.took);

    const last = await start();
    lines.push(`the next start indexed in ${ms(last.indexing)} (${JSON.stringify(last.stats)})`);
    await last.shutdown();
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  return { name: 'shutdown', lines, ok: met };
}

if (require.main === module) {
  void runShutdownBench().then((r) => {
    for (const l of r.lines) console.log(l);
    console.log(r.ok ? 'targets met' : 'targets NOT met');
    process.exitCode = r.ok ? 0 : 1;
  });
}
