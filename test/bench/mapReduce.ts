/**
 * The analysis as one run, as map + reduce, and with the map on two BullMQ workers over a local Redis: wall-clock
 * times of the bundled CLI on the seeds and on generated articles (default 1,000; `MAPREDUCE_ARTICLES=N`), each output
 * checked equal to the single run's. Baseline in the same run: `node -e 0`. Needs dist/ (npm run build) and, for the
 * Redis figures, redis-server (else they are said to be not run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../support/corpusGenerator';
import { BUNDLED_CLI } from '../support/processes';
import { REPO_ROOT } from '../support/workspace';

const ARTICLES = Number(process.env.MAPREDUCE_ARTICLES ?? 1000);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the CLI in `cwd` with stdout to `out`; resolves to the wall-clock time in ms. */
async function timed(args: readonly string[], cwd: string, out: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLED_CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = createWriteStream(out);
  child.stdout.pipe(file);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const [code] = await Promise.all([
    new Promise<number | null>((resolve) => child.on('close', resolve)),
    new Promise<void>((resolve) => file.on('close', () => resolve())),
  ]);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${err}`);
  return performance.now() - started;
}

function startUntil(file: string, args: readonly string[], ready: RegExp, cwd: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${file} exited (${code}):\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));

async function measure(label: string, cwd: string, corpus: string, tmp: string, redisUrl: string | undefined): Promise<boolean> {
  const f = (n: string) => path.join(tmp, `${label}-${n}`);
  const single = await timed(['analyze', '--format', 'json', corpus], cwd, f('single.json'));
  const map = await timed(['analyze', '--phase', 'map', corpus], cwd, f('map.jsonl'));
  const reduce = await timed(['analyze', '--phase', 'reduce', f('map.jsonl')], cwd, f('reduce.json'));
  let ok = same(f('single.json'), f('reduce.json'));
  const size = (await fs.stat(f('map.jsonl'))).size;
  console.log(`${label}: single run ${secs(single)}; map ${secs(map)} + reduce ${secs(reduce)} = ${secs(map + reduce)} (map output ${(size / 1e6).toFixed(1)} MB); equal: ${ok}`);
  if (redisUrl) {
    const dist = await timed(['analyze', '--phase', 'distributed', '--redis', redisUrl, corpus], cwd, f('distributed.json'));
    const equal = same(f('single.json'), f('distributed.json'));
    ok &&= equal;
    console.log(`${label}: distributed, 2 workers over Redis ${secs(dist)} (workers started before); equal: ${equal}; load average ${load()}`);
  }
  return ok;
}

async function main(): Promise<number> {
  if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mapreduce-bench-'));
  const children: ChildProcess[] = [];
  try {
    let t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    console.log(`baseline: node -e 0 ${secs(performance.now() - t)}; ${os.cpus().length} cores; load average ${load()}`);
    const gen = path.join(tmp, 'workspace');
    await fs.mkdir(path.join(gen, 'seeds'), { recursive: true });
    let bytes = 0;
    for (const d of generateCorpus({ articles: ARTICLES, seed: 11 })) {
      bytes += d.text.length;
      await fs.writeFile(path.join(gen, 'seeds', d.uri.replace(/\//g, '-')), d.text);
    }
    const redis = ['redis-server', '/usr/bin/redis-server'].find((c) => spawnSync(c, ['--version']).status === 0);
    let url: string | undefined;
    if (redis) {
      const socket = path.join(tmp, 'redis.sock');
      children.push(await startUntil(redis, ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', tmp], /ready to accept connections/i, tmp));
      url = `unix://${socket}`;
      t = performance.now();
      children.push(...(await Promise.all([1, 2].map(() => startUntil(process.execPath, [BUNDLED_CLI, 'worker', '--redis', url!], /waiting for map jobs/, tmp)))));
      console.log(`2 workers ready in ${secs(performance.now() - t)}`);
    } else console.log('Redis figures: not run (redis-server is not installed)');
    let ok = await measure('seeds', REPO_ROOT, 'seeds', tmp, url);
    console.log(`generated: ${ARTICLES} articles, ${(bytes / 1e6).toFixed(1)} MB`);
    ok = (await measure(`generated-${ARTICLES}`, gen, 'seeds', tmp, url)) && ok;
    console.log(`load average at the end ${load()}`);
    return ok ? 0 : 1;
  } finally {
    for (const c of children.reverse()) await stop(c);
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().then((code) => (process.exitCode = code), (e) => { console.error(e); process.exitCode = 1; });
