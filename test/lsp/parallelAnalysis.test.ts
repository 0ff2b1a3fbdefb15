/** The bundled analysis workers (dist/analysisWorker.js, built by `npm test`) recognise exactly what the server's thread does. */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseArticle, decodeArticleState, withRest } from '../../server/src/core/analysisState';
import { createEntityRecognizer } from '../../server/src/core/entities/recognizer';
import { loadNerModel } from '../../server/src/node/nerModelFile';
import { workerAnalysis } from '../../server/src/node/parallelAnalysis';
import { BACKGROUND_NICENESS } from '../../server/src/node/threadPriority';
import { REPO_ROOT, SEEDS_DIR, seedNames } from '../support/workspace';

describe('analysis in worker threads', function () {
  this.timeout(60_000);
  it('gives, for every seed article, the names the recogniser finds on the server’s thread', async () => {
    const bundle = path.join(REPO_ROOT, 'dist/analysisWorker.js');
    if (!existsSync(bundle)) throw new Error('dist/analysisWorker.js is missing: run `npm run build` first (npm test does)');
    const texts = await Promise.all((await seedNames()).map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    // Held while the pool runs (the server relaxes the heap's growth meanwhile), let go when it is closed.
    const holds: string[] = [];
    const pool = workerAnalysis(bundle, undefined, () => (holds.push('held'), () => holds.push('let go')))!();
    assert.deepEqual(holds, ['held']);
    try {
      assert.ok(pool.size >= 1);
      // Split between the workers, as the indexer sends them.
      const states = (await Promise.all([pool.analyse(texts.slice(0, 2)), pool.analyse(texts.slice(2))])).flat();
      const recognizer = createEntityRecognizer(loadNerModel());
      texts.forEach((text, i) => assert.deepEqual(decodeArticleState(text, states[i]), recognizer.recognize(text)));
    } finally {
      await pool.close();
    }
    assert.deepEqual(holds, ['held', 'let go']);
    await assert.rejects(pool.analyse(['after close']));
  });

  it('gives a state in two parts, names then the rest, that make the whole state the server’s thread makes', async () => {
    const bundle = path.join(REPO_ROOT, 'dist/analysisWorker.js');
    const texts = await Promise.all((await seedNames()).map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    const pool = workerAnalysis(bundle)!();
    try {
      const names = await pool.analyse(texts, 'names');
      const rests = await pool.rest(texts);
      const recognizer = createEntityRecognizer(loadNerModel());
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v instanceof Int32Array ? Array.from(v) : v)));
      texts.forEach((text, i) => {
        assert.equal(names[i]!.boilerplate, undefined, 'names only');
        assert.equal(names[i]!.dates, undefined, 'names only');
        assert.deepEqual(plain(withRest(names[i]!, rests[i]!)), plain(analyseArticle(text, recognizer)));
      });
    } finally {
      await pool.close();
    }
  });

  it('refuses at once, rather than never answering, what it is asked once its workers have stopped', async () => {
    // A worker that stops as it starts (as one killed for its memory would).
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stopping-worker-'));
    const file = path.join(dir, 'stops.js');
    await fs.writeFile(file, 'process.exit(3);\n');
    const pool = workerAnalysis(file)!();
    try {
      await assert.rejects(pool.analyse(['Talks in Vientiane.'], 'names'), /stopped/);
      // Asked after every worker stopped: refused, not sent to a worker that is gone.
      await assert.rejects(pool.rest(['Talks in Vientiane.']), /stopped/);
      await assert.rejects(pool.analyse(['Talks in Vientiane.']), /stopped/);
    } finally {
      await pool.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('lets go of its hold when the pool cannot start', () => {
    const bundle = path.join(REPO_ROOT, 'dist/analysisWorker.js');
    const holds: string[] = [];
    // Data a worker thread cannot be given: starting the pool throws.
    const uncloneable = (() => undefined) as unknown as string;
    const start = workerAnalysis(bundle, uncloneable, () => (holds.push('held'), () => holds.push('let go')))!;
    assert.throws(() => start());
    assert.deepEqual(holds, ['held', 'let go']);
  });

  it('runs the language server’s workers below its own thread’s priority, and the CLI’s at the same (Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    const bundle = path.join(REPO_ROOT, 'dist/analysisWorker.js');
    const own = niceOf('thread-self');
    let workers = 0;
    const nicesOfNewThreads = async (background: boolean): Promise<number[]> => {
      const before = new Set(await threadIds());
      const pool = workerAnalysis(bundle, undefined, undefined, background)!();
      workers = pool.size;
      try {
        // One request a worker (the pool sends each to the next): every worker has started, and set its priority first.
        await Promise.all(Array.from({ length: pool.size }, () => pool.analyse(['Talks in Vientiane.'])));
        const started = (await threadIds()).filter((t) => !before.has(t));
        return started.map((t) => niceOf(`self/task/${t}`));
      } finally {
        await pool.close();
      }
    };
    const server = await nicesOfNewThreads(true);
    assert.ok(server.length >= workers, `the workers' threads: ${server.length}`);
    // A process started below that priority already (`nice -n 15`) keeps its own.
    const lowered = Math.max(own, BACKGROUND_NICENESS);
    assert.ok(server.filter((n) => n === lowered).length >= workers, `nice values of the new threads: ${server}`);
    assert.equal(niceOf('thread-self'), own, 'the calling thread keeps its priority');
    const cli = await nicesOfNewThreads(false);
    assert.deepEqual(cli.filter((n) => n !== own), [], `nice values of the new threads: ${cli}`);
  });
});

async function threadIds(): Promise<string[]> {
  return fs.readdir('/proc/self/task');
}

/** The nice value of a thread, from /proc/<path>/stat (its 19th field; the command, 2nd, is in parentheses). */
function niceOf(procPath: string): number {
  const stat = readFileSync(`/proc/${procPath}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

