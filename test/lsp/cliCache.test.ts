/** The bundled CLI keeps its analyses between runs, as the language server does (built by `npm test`). */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED_CLI, type ProcessRun } from '../support/processes';
import { CLUSTERING_FORMAT } from '../../server/src/node/clusteringFile';
import { makeTempWorkspace, removeTempWorkspace, seedNames } from '../support/workspace';

function cli(args: readonly string[], cwd: string, cache: string): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BUNDLED_CLI, ...args], { cwd, timeout: 60000, env: { ...process.env, CORPUS_ANNOTATOR_CACHE: cache } }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: String(out), err: String(err) });
    });
  });
}

describe('bundled CLI: analyses kept between runs', function () {
  this.timeout(120_000);
  let root = '';
  let cache = '';
  before(async () => {
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    root = await makeTempWorkspace();
    cache = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-cache-'));
  });
  after(async () => {
    await removeTempWorkspace(root);
    await fs.rm(cache, { recursive: true, force: true });
  });

  it('a second run answers from the cache exactly as a run without it, and an edited article is analysed again', async () => {
    const args = ['analyze', '--format', 'json', 'seeds'];
    const uncached = await cli(args, root, 'off');
    assert.equal(uncached.code, 0, uncached.err);
    const first = await cli(args, root, cache);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, uncached.out);
    const kept = await fs.readdir(path.join(cache, 'cli'));
    assert.ok(kept.includes('clustering.v8') && kept.some((f) => f.startsWith('articles-')), kept.join(' '));
    const second = await cli(args, root, cache);
    assert.equal(second.code, 0, second.err);
    assert.equal(second.out, uncached.out);

    const [name] = await seedNames();
    const file = path.join(root, 'seeds', name);
    await fs.writeFile(file, `Vientiane, 3 March 2025 - General Chansamone Chanyalath met Phan Van Giang.\n\n${await fs.readFile(file, 'utf8')}`);
    const edited = await cli(args, root, cache);
    const editedUncached = await cli(args, root, 'off');
    assert.equal(edited.code, 0, edited.err);
    assert.equal(edited.out, editedUncached.out);
    assert.notEqual(edited.out, uncached.out);
  });

  it('a cache that does not parse is ignored and rewritten, never an error', async () => {
    for (const f of await fs.readdir(path.join(cache, 'cli'))) await fs.writeFile(path.join(cache, 'cli', f), '{ not json');
    const args = ['analyze', '--format', 'jsonl', 'seeds'];
    const r = await cli(args, root, cache);
    const off = await cli(args, root, 'off');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, off.out);
    const rewritten = await fs.readFile(path.join(cache, 'cli', 'clustering.v8'));
    assert.equal(rewritten.subarray(0, 8).toString('latin1'), 'CA-clust', 'rewritten');
    assert.equal(rewritten.readUInt32LE(8), CLUSTERING_FORMAT);
  });
});
