/**
 * The map step on BullMQ workers over Redis (bundled CLI, built by `npm test`): a local redis-server on a Unix socket,
 * two `corpus-annotator worker` processes, and `analyze --phase distributed`, whose output must equal one run's.
 * Needs Debian's redis-server (.ci/run installs it); without it the test is skipped, and says so: not run, not passed.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../support/corpusGenerator';
import { BUNDLED_CLI, runBundledCli } from '../support/processes';
import { SEEDS_DIR, seedNames } from '../support/workspace';

function findRedisServer(): string | undefined {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server']) {
    if (spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0) return candidate;
  }
  return undefined;
}

/** Starts a process and resolves once `ready` appears in its output (stdout or stderr). */
function startUntil(file: string, args: readonly string[], ready: RegExp, cwd: string): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let started = false;
    const onData = (d: Buffer): void => {
      output += d.toString();
      if (!started && ready.test(output)) {
        started = true;
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => { if (!started) reject(new Error(`${path.basename(file)} exited (${code}) before it was ready:\n${output}`)); });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('distributed map on BullMQ workers over Redis', function () {
  this.timeout(180_000);
  let dir: string;
  const children: ChildProcess[] = [];

  before(async function () {
    const redis = findRedisServer();
    if (!redis) {
      if (process.env.CI) throw new Error('redis-server is not installed, and CI must run this test: install Debian’s `redis-server` (.ci/run does).');
      console.log('distributed map: not run (redis-server is not installed: `apt-get install -y redis-server`, then npm test again)');
      this.skip();
    }
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'distributed-map-'));
    await fs.mkdir(path.join(dir, 'seeds', 'gen'), { recursive: true });
    for (const name of await seedNames()) await fs.copyFile(path.join(SEEDS_DIR, name), path.join(dir, 'seeds', name));
    for (const doc of generateCorpus({ articles: 40, seed: 5, syndication: 0.3 })) {
      await fs.writeFile(path.join(dir, 'seeds', 'gen', doc.uri.replace(/\//g, '-')), doc.text);
    }
    const socket = path.join(dir, 'redis.sock');
    const server = await startUntil(redis!, ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir], /ready to accept connections/i, dir);
    children.push(server.child);
  });

  after(async () => {
    for (const c of children.reverse()) await stop(c);
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('two workers map the articles, the coordinator reduces: the same output as one run', async () => {
    const url = `unix://${path.join(dir, 'redis.sock')}`;
    const workers = await Promise.all([1, 2].map(() => startUntil(process.execPath, [BUNDLED_CLI, 'worker', '--redis', url], /waiting for map jobs/, dir)));
    children.push(...workers.map((w) => w.child));
    const single = await runBundledCli(['analyze', '--format', 'json', 'seeds'], dir);
    assert.equal(single.code, 0, single.err);
    const distributed = await runBundledCli(['analyze', '--phase', 'distributed', '--redis', url, '--format', 'json', 'seeds'], dir);
    assert.equal(distributed.code, 0, distributed.err);
    assert.equal(distributed.out, single.out);
    assert.equal(JSON.parse(distributed.out).documents.length, (await seedNames()).length + 40);

    const jsonl = await runBundledCli(['analyze', '--phase', 'distributed', '--redis', url, '--format', 'jsonl', 'seeds'], dir);
    assert.equal(jsonl.out, (await runBundledCli(['analyze', '--format', 'jsonl', 'seeds'], dir)).out);

    // Both workers took part, and stop cleanly, saying how many jobs each ran.
    await Promise.all(workers.map((w) => stop(w.child)));
    const counts = workers.map((w) => Number(/stopped after (\d+) map job/.exec(w.output())?.[1] ?? NaN));
    assert.equal(counts[0] + counts[1], 2 * ((await seedNames()).length + 40), `jobs run: ${counts.join(' + ')}`);
    assert.ok(counts.every((n) => n > 0), `each worker ran jobs: ${counts.join(' + ')}`);
  });
});
