/**
 * The bundled CLI at corpus scale (issue 13's last row): `analyze` over a generated workspace of 10,000 articles of
 * about 4 KB and one of 100 KB (`CLI_BENCH_ARTICLES=N` for another size), the same workspace as the server bench's.
 * Each run is timed from spawn to exit, with the time to its first line of output (is it streamed?) and its peak
 * memory (VmHWM, read from /proc while it runs):
 * - `--format json`, without the analysis cache (CORPUS_ANNOTATOR_CACHE=off): the target row, ≤ 10 s and ≤ 500 MB;
 * - `--format jsonl` twice with a cache folder of its own: the first run fills it, the second reads it.
 * Baselines in the same run: `node -e 0` and a plain read of every article. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchResult } from './benchResult';
import { measureBaselines, writeBenchWorkspace } from './benchWorkspace';
import { BUNDLED_CLI } from '../support/processes';

const ARTICLES = Number(process.env.CLI_BENCH_ARTICLES ?? 10_000);
const TARGET_MS = 10_000;
const TARGET_MB = 500;
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

interface Run {
  wall: number;
  firstLine: number;
  peakMb: number;
  bytes: number;
}

/** Runs the CLI in `cwd` with `env`, its output counted and dropped. */
function run(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BUNDLED_CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstLine = -1;
    let bytes = 0;
    let err = '';
    let peak = 0;
    const sample = () => {
      try {
        const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, hwm);
      } catch {
        // exited meanwhile: the last sample stands
      }
    };
    const poll = setInterval(sample, 50);
    child.stdout.on('data', (d: Buffer) => {
      if (firstLine < 0 && d.includes(10)) firstLine = performance.now() - started;
      bytes += d.length;
      sample();
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      resolve({ wall: performance.now() - started, firstLine, peakMb: peak / 1024, bytes });
    });
  });
}

export async function runCliBench(): Promise<BenchResult> {
  if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-bench-'));
  const lines: string[] = [];
  try {
    const { names, bytes } = await writeBenchWorkspace(root, ARTICLES);

    const { nodeStart, scan } = await measureBaselines(root, names);
    lines.push(`workspace: ${names.length} articles, ${(bytes / 1e6).toFixed(1)} MB; ${os.cpus().length} cores; load average ${load()}`);
    lines.push(`baselines: node -e 0 ${ms(nodeStart)}; plain read of every article ${ms(scan)}`);
    const said = (label: string, r: Run, target: boolean) =>
      `${label}: ${ms(r.wall)} (${(r.wall / nodeStart).toFixed(0)}× node -e 0, ${(r.wall / scan).toFixed(0)}× the plain read; ` +
      `${(bytes / 1e6 / (r.wall / 1000)).toFixed(2)} MB/s), first line after ${ms(r.firstLine)}, peak ${r.peakMb.toFixed(0)} MB, ` +
      `${(r.bytes / 1e6).toFixed(1)} MB of output${target ? `; target ${ms(TARGET_MS)} and ${TARGET_MB} MB` : ''}; load average ${load()}`;

    const cold = await run(['analyze', '--format', 'json', 'seeds'], root, { CORPUS_ANNOTATOR_CACHE: 'off' });
    lines.push(said('analyze --format json, no cache', cold, true));
    const cache = path.join(root, 'cache');
    const filling = await run(['analyze', '--format', 'jsonl', 'seeds'], root, { CORPUS_ANNOTATOR_CACHE: cache });
    lines.push(said('analyze --format jsonl, filling its cache', filling, false));
    const warm = await run(['analyze', '--format', 'jsonl', 'seeds'], root, { CORPUS_ANNOTATOR_CACHE: cache });
    lines.push(said('analyze --format jsonl, from its cache', warm, false));
    const ok = cold.wall <= TARGET_MS && cold.peakMb <= TARGET_MB;
    lines.push(`target ${ok ? 'met' : 'NOT met'} (the run without a cache)`);
    return { name: 'cli', lines, ok };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCliBench().then(
    (r) => {
      for (const l of r.lines) console.log(l);
      process.exitCode = r.ok ? 0 : 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
