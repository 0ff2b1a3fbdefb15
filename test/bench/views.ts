/**
 * Server memory with every view shown, as the tester's 10,000-article session in VS Code met it (the server bench opens
 * no view and types no name): a fresh bundled server (`node dist/server.js --stdio`) on the corpus-scale workspace
 * (benchWorkspace.ts: default 10,000 generated articles and one of 100 KB), indexed; then the views' requests (the
 * Entities view's four types, the Timeline's outline, the Boilerplate view's clusters, the tags), twice; then a
 * sentence with a new name and a date typed key by key (120 ms a key) into a 4 KB article, the views asked for again
 * every 24 keys and after each pause (until the server says the corpus was grouped again), ROUNDS times; then 20 s of
 * quiet.
 *
 * Prints each step's server memory (VmRSS, and VmHWM since the views were first asked for), the views' answer times and
 * the size of the Boilerplate view's listing (JSON; after the first, what changed since, as the VS Code client asks),
 * and checks the peak against the target the server bench uses for editing (600 MB). Run `npm run build` first.
 *
 *   npx tsx test/bench/views.ts     # VIEWS_BENCH_ARTICLES=2000 for a quicker run; VIEWS_BENCH_ROUNDS (default 2);
 *                                   # VIEWS_BENCH_NO_BOILERPLATE=1 leaves the Boilerplate view's request out;
 *                                   # VIEWS_BENCH_NODE_ARGS="--max-old-space-size=512" runs the server with those;
 *                                   # VIEWS_BENCH_SERVER=path/to/server.js measures another build (an earlier commit)
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { writeBenchWorkspace } from './benchWorkspace';
import type { BenchResult } from './benchResult';
import { memoryKb, resetPeak } from './procMemory';
import { SERVER_ENVIRONMENT, SERVER_NODE_ARGS } from '../../server/src/serverEnvironment';

const ARTICLES = Number(process.env.VIEWS_BENCH_ARTICLES ?? 10_000);
const ROUNDS = Number(process.env.VIEWS_BENCH_ROUNDS ?? 2);
const NO_BOILERPLATE = !!process.env.VIEWS_BENCH_NO_BOILERPLATE;
const SERVER = path.resolve(process.env.VIEWS_BENCH_SERVER ?? path.join(__dirname, '../../dist/server.js'));
const TARGET_PEAK_MB = 600;
const KEY_MS = 120;
const SENTENCE = 'Talks with General Somsavath Inthavong ended on 14 March 2037 in Pakse. ';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long the bench waits for a server event before it says so and goes on. */
const EVENT_TIMEOUT_MS = 120_000;

export async function runViewsBench(): Promise<BenchResult> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'views-bench-'));
  const lines: string[] = [];
  try {
    const { names } = await writeBenchWorkspace(root, ARTICLES);
    lines.push(`workspace: ${names.length} articles; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}${process.env.VIEWS_BENCH_NODE_ARGS ? `; server run with ${process.env.VIEWS_BENCH_NODE_ARGS}` : ''}`);
    const nodeArgs = (process.env.VIEWS_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...nodeArgs, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...SERVER_ENVIRONMENT, CORPUS_ANNOTATOR_CACHE: path.join(root, 'analysis-cache') },
    });
    const started = performance.now();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let indexed: () => void = () => undefined;
    const indexedSeen = new Promise<void>((resolve) => (indexed = resolve));
    conn.onNotification('corpusAnnotator/indexed', () => indexed());
    /** Resolves on the next notification `method` (or `window/logMessage` starting with `log`), or after EVENT_TIMEOUT_MS. */
    const waiting: { method: string; log?: string; done: (seen: boolean) => void }[] = [];
    const next = (method: string, log?: string) =>
      new Promise<boolean>((resolve) => {
        const w = { method, log, done: resolve };
        waiting.push(w);
        setTimeout(() => {
          const i = waiting.indexOf(w);
          if (i >= 0) waiting.splice(i, 1);
          resolve(false);
        }, EVENT_TIMEOUT_MS).unref();
      });
    conn.onNotification((method: string, params: unknown) => {
      const message = (params as { message?: string } | undefined)?.message ?? '';
      // The server's idle collections, in place: what they took back, and where its resident memory is.
      if (method === 'window/logMessage' && message.startsWith('Memory:')) lines.push(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  server: ${message}`);
      for (const w of [...waiting]) {
        if (w.method === method && (w.log === undefined || message.startsWith(w.log))) {
          waiting.splice(waiting.indexOf(w), 1);
          w.done(true);
        }
      }
    });
    conn.onRequest(() => null); // progress tokens, configuration
    conn.listen();
    const rootUri = pathToFileURL(root).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    const cacheWritten = next('window/logMessage', 'Analysis cache written');
    await indexedSeen;
    let peak = 0;
    const mem = (label: string) => {
      const m = memoryKb(child.pid!);
      peak = Math.max(peak, m.hwm / 1024);
      lines.push(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${label.padEnd(76)} VmRSS ${(m.rss / 1024).toFixed(0)} MB, VmHWM ${(m.hwm / 1024).toFixed(0)} MB`);
    };
    mem('indexed (VmHWM: the indexing)');
    mem((await cacheWritten) ? 'its analysis cache written' : `no "cache written" in ${EVENT_TIMEOUT_MS / 1000} s`);
    // The peak checked is the one since the views were first asked for (the indexing's is the server bench's); where
    // the kernel cannot reset it, the whole run's.
    if (resetPeak(child.pid!)) peak = 0;
    else lines.push('(VmHWM could not be reset: the peak below includes the indexing)');
    /** The size of the last Boilerplate listing, as JSON, and its version. */
    let listingKb = 0;
    let listingVersion: number | undefined;
    const views = async (label: string) => {
      const took: string[] = [];
      let t = performance.now();
      for (const type of ['PERSON', 'ORG', 'LOCATION', 'MISC']) await conn.sendRequest('corpusAnnotator/entities', { type, limit: 500 });
      took.push(`entities ${(performance.now() - t).toFixed(0)}`);
      t = performance.now();
      await conn.sendRequest('corpusAnnotator/timelineOutline', {});
      took.push(`timeline ${(performance.now() - t).toFixed(0)}`);
      if (!NO_BOILERPLATE) {
        t = performance.now();
        // As the VS Code client asks: what changed since the listing it holds.
        const listed = (await conn.sendRequest('corpusAnnotator/boilerplateClusters', listingVersion === undefined ? {} : { since: listingVersion })) as { version: number };
        took.push(`boilerplate ${(performance.now() - t).toFixed(0)}`);
        listingKb = JSON.stringify(listed).length / 1024;
        listingVersion = listed.version;
      }
      await conn.sendRequest('corpusAnnotator/listTags', {});
      mem(`${label}: views (${took.join(', ')} ms${NO_BOILERPLATE ? '' : `; listing ${listingKb.toFixed(0)} KB`})`);
    };
    await views('first');
    await views('again');
    const file = path.join(root, 'seeds', names[Math.floor(names.length / 3)]);
    const uri = pathToFileURL(file).href;
    const text = await fs.readFile(file, 'utf8');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    let version = 1;
    for (let round = 0; round < ROUNDS; round++) {
      let regrouped = Promise.resolve(false);
      for (let k = 0; k < SENTENCE.length; k++) {
        // The corpus is grouped again once the typing pauses: the server then says entities changed.
        if (k === SENTENCE.length - 1) regrouped = next('corpusAnnotator/entitiesChanged');
        const at = { line: 0, character: k };
        await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: SENTENCE[k] }] });
        await sleep(KEY_MS);
        if (k % 24 === 23) await views(`round ${round + 1}, key ${k + 1}`);
      }
      const seen = await regrouped;
      await views(`round ${round + 1}, paused${seen ? ' until the corpus was grouped again' : ` (not grouped again in ${EVENT_TIMEOUT_MS / 1000} s)`}`);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    }
    await sleep(20_000);
    mem('20 s after the typing');
    const met = peak <= TARGET_PEAK_MB;
    lines.push(`peak server memory with the views shown while typing: ${peak.toFixed(0)} MB (target ${TARGET_PEAK_MB} MB, as for editing in the server bench): ${met ? 'met' : 'NOT met'}`);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await exited;
    conn.dispose();
    return { name: 'views', lines, ok: met };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runViewsBench().then((r) => {
    for (const l of r.lines) console.log(l);
    console.log(r.ok ? 'targets met' : 'targets NOT met');
    process.exitCode = r.ok ? 0 : 1;
  });
}
