/**
 * SIGKILL during writes: rounds of a bundled server (`node dist/server.js --stdio`) on one temporary workspace, each
 * sent a burst of tag additions, removals and ignore-list edits and killed with SIGKILL as soon as a random number of
 * them were acknowledged (0: right after sending). After every kill every analyst file must parse, every acknowledged
 * tag must be in its sidecar and every acknowledged removal must have stuck. Waits listen for events (indexing done,
 * the k-th reply, the process's exit); there is no fixed sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { parseSidecar } from '../../server/src/core/annotations/sidecarFormat';
import { parseIgnoreList } from '../../server/src/core/boilerplate/ignoreList';
import { ignoreKey } from '../../server/src/core/boilerplate/ignoreRules';
import { parseRegistry } from '../../server/src/core/entities/registry';
import { ServerCommands, type TagItem } from '../../server/src/protocol';
import { BoilerplateCommands } from '../../server/src/protocolBoilerplate';
import { Rng } from '../support/rng';
import { REPO_ROOT } from '../support/workspace';

export const SERVER = path.join(REPO_ROOT, 'dist/server.js');
const ARTICLES = ['seeds/000_87a1712161fb5682.txt', 'seeds/001_1f87558668262b9a.txt', 'seeds/003_0e5bd4099b662286.txt', 'seeds/004_f85d18add8346542.txt'];
const KINDS = ['chrome', 'duplicate', 'near-duplicate'] as const;

export interface KillReport {
  rounds: number;
  kills: number;
  /** Acknowledged additions and removals (tags), and acknowledged ignore-list additions. */
  acknowledgedAdds: number;
  acknowledgedRemoves: number;
  acknowledgedIgnores: number;
  /** Acknowledged writes not found on disk after a kill (must be 0). */
  lost: string[];
  /** Analyst files that did not parse after a kill (must be none). */
  broken: string[];
  /** Servers that exited before they were killed, or never answered (must be none): reported, not waited for. */
  crashed: string[];
  /** Longest round, in ms (start, burst, kill, check). */
  slowestRoundMs: number;
}

interface Running {
  child: ChildProcess;
  conn: MessageConnection;
  exited: Promise<void>;
  /** The end of what the server wrote to stderr. */
  stderr(): string;
}

async function startServer(root: string): Promise<Running> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  // The end of what it wrote to stderr, for the report of a server that exits by itself.
  let errTail = '';
  child.stderr!.on('data', (d: Buffer) => (errTail = (errTail + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let indexedNow: () => void = () => undefined;
  const indexed = new Promise<void>((resolve) => (indexedNow = resolve));
  conn.onNotification('corpusAnnotator/indexed', () => indexedNow());
  conn.onError(() => undefined);
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  const exitedEarly = (what: string) => exited.then(() => Promise.reject(new Error(`the server exited before ${what} (code ${child.exitCode}, signal ${child.signalCode}): ${errTail}`)));
  await Promise.race([conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} }), exitedEarly('answering initialize')]);
  await conn.sendNotification('initialized', {});
  await Promise.race([indexed, exitedEarly('indexing')]);
  return { child, conn, exited, stderr: () => errTail };
}

/** Every analyst file under `annotations/` (dot files, the temporary and lock files, aside). */
async function analystFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.endsWith('.yaml')) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

export async function killRounds(root: string, rounds: number, seed = 1, onRound?: (r: number, report: KillReport) => void): Promise<KillReport> {
  const rng = new Rng(seed);
  const report: KillReport = { rounds: 0, kills: 0, acknowledgedAdds: 0, acknowledgedRemoves: 0, acknowledgedIgnores: 0, lost: [], broken: [], crashed: [], slowestRoundMs: 0 };
  /** Acknowledged tags still expected on disk, by id → article. */
  const expected = new Map<string, string>();
  const removed = new Map<string, string>();
  const ignoredTexts = new Set<string>();
  const sidecarOf = (article: string) => path.join(root, 'annotations', article.replace(/\.txt$/, '.yaml'));
  const firstLines = new Map<string, string>();
  for (const a of ARTICLES) firstLines.set(a, (await fs.readFile(path.join(root, a), 'utf8')).split('\n')[0]);
  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    let server: Running;
    try {
      server = await startServer(root);
    } catch (e) {
      report.crashed.push(`round ${round}: ${(e as Error).message}`);
      continue;
    }
    const burst = rng.int(1, 10);
    const killAfter = rng.int(0, burst);
    let acks = 0;
    let killNow: () => void = () => undefined;
    const killSignal = new Promise<void>((resolve) => (killNow = resolve));
    const acked = () => {
      if (++acks >= killAfter) killNow();
    };
    if (killAfter === 0) killNow();
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < burst; i++) {
      const kind = rng.next();
      const article = rng.pick(ARTICLES);
      const uri = pathToFileURL(path.join(root, article)).href;
      const send = (command: string, args: unknown) => server.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] });
      if (kind < 0.65 || expected.size === 0) {
        const at = rng.int(0, 40);
        ops.push(
          (send(ServerCommands.addTag, { uri, range: { start: { line: 0, character: at }, end: { line: 0, character: at + rng.int(1, 12) } }, tag: `t${round}-${i}` }) as Promise<TagItem>).then((t) => {
            expected.set(t.id, article);
            report.acknowledgedAdds++;
            acked();
          }, () => undefined),
        );
      } else if (kind < 0.9) {
        const [id, on] = rng.pick([...expected]);
        // Until its removal is acknowledged the tag may or may not be there (the server may have removed it just
        // before the kill): it is no longer expected, and is checked as removed only once the removal is acknowledged.
        expected.delete(id);
        ops.push(
          send(ServerCommands.removeTag, { uri: pathToFileURL(path.join(root, on)).href, id }).then((ok) => {
            if (ok) {
              removed.set(id, on);
              report.acknowledgedRemoves++;
            }
            acked();
          }, () => undefined),
        );
      } else {
        // Ignore a stretch of the first line everywhere. Acknowledged (true or false: "ignored already", by an entry
        // with the same words and kind), an entry with its words (ignoreKey) and kind must be in the list.
        const from = rng.int(0, 30);
        const to = from + rng.int(3, 15);
        const kind = rng.pick(KINDS);
        const key = ignoreKey(firstLines.get(article)!.slice(from, to));
        ops.push(
          send(BoilerplateCommands.ignoreEverywhere, { uri, range: { start: { line: 0, character: from }, end: { line: 0, character: to } }, kind }).then(() => {
            if (key) ignoredTexts.add(`${kind}\n${key}`);
            report.acknowledgedIgnores++;
            acked();
          }, () => undefined),
        );
      }
    }
    // Kill when the k-th reply came (or every request was answered), then wait for the process to be gone. A server
    // that exits by itself meanwhile leaves its requests unanswered: reported, not waited for.
    let exitedFirst = false;
    await Promise.race([killSignal, Promise.allSettled(ops), server.exited.then(() => (exitedFirst = true))]);
    if (exitedFirst) report.crashed.push(`round ${round}: the server exited by itself (code ${server.child.exitCode}, signal ${server.child.signalCode}): ${server.stderr()}`);
    server.child.kill('SIGKILL');
    await server.exited;
    server.conn.dispose();
    report.kills++;
    if (!exitedFirst) await Promise.allSettled(ops);

    // Every analyst file parses; every acknowledged write is there.
    for (const file of await analystFiles(path.join(root, 'annotations'))) {
      const text = await fs.readFile(file, 'utf8');
      const name = path.basename(file);
      const ok =
        name === 'entities.yaml' && path.dirname(file) === path.join(root, 'annotations') ? parseRegistry(text).ok
        : name === 'ignored.yaml' && path.dirname(file) === path.join(root, 'annotations') ? parseIgnoreList(text).ok
        : name === 'tags.yaml' && path.dirname(file) === path.join(root, 'annotations') ? true
        : parseSidecar(text, 'x.txt').ok;
      if (!ok) report.broken.push(`round ${round}: ${path.relative(root, file)}`);
    }
    const onDisk = new Map<string, Set<string>>();
    const idsOf = async (article: string): Promise<Set<string>> => {
      let ids = onDisk.get(article);
      if (!ids) {
        const text = await fs.readFile(sidecarOf(article), 'utf8').catch(() => '');
        const p = parseSidecar(text, article);
        ids = new Set(p.ok ? p.sidecar.tags.map((t) => t.id) : []);
        onDisk.set(article, ids);
      }
      return ids;
    };
    for (const [id, article] of expected) {
      if ((await idsOf(article)).has(id)) continue;
      report.lost.push(`round ${round}: tag ${id} of ${article}`);
      expected.delete(id); // reported once
    }
    for (const [id, article] of removed) {
      if (!(await idsOf(article)).has(id)) continue;
      report.lost.push(`round ${round}: removal of ${id} in ${article}`);
      removed.delete(id);
    }
    if (ignoredTexts.size) {
      const p = parseIgnoreList(await fs.readFile(path.join(root, 'annotations/ignored.yaml'), 'utf8').catch(() => ''));
      const texts = new Set(p.ok ? p.list.everywhere.map((e) => `${e.kind}\n${ignoreKey(e.text)}`) : []);
      for (const t of ignoredTexts) {
        if (texts.has(t)) continue;
        report.lost.push(`round ${round}: ignore ${t.replace('\n', ' ')}`);
        ignoredTexts.delete(t);
      }
    }
    report.rounds++;
    report.slowestRoundMs = Math.max(report.slowestRoundMs, Date.now() - started);
    onRound?.(round, report);
  }
  return report;
}
