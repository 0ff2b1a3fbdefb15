/**
 * Shutting down while the corpus is clustered again in the background (a reopened workspace with a changed article:
 * the kept clustering is used at once and made again in the worker). The worker here answers only when told, so the
 * shutdown is certain to come while it runs. Servers run in-process, each with its cache in a folder of the test's own.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClusterInBackground } from '../../server/src/node/backgroundClustering';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import type { ParallelAnalysis } from '../../server/src/workspace/parallelAnalysis';
import { cachedWorkspaceEachTest, startCachedServer } from '../support/cachedServer';
import { gatedArticles } from '../support/gatedArticles';
import { REPO_ROOT, waitFor } from '../support/workspace';
import { workerAnalysis } from '../../server/src/node/parallelAnalysis';

/** A clustering worker that never answers by itself: each request is recorded with the signal it was given. */
function stalledWorker() {
  const requests: { signal?: AbortSignal; settled: boolean }[] = [];
  const background: ClusterInBackground = (_input, options) =>
    new Promise((_resolve, reject) => {
      const request = { signal: options?.signal, settled: false };
      requests.push(request);
      options?.signal?.addEventListener('abort', () => {
        request.settled = true;
        reject(new Error('the clustering worker stopped'));
      });
    });
  return { requests, background };
}

const startCached = (root: string, cacheDir: string, background?: ClusterInBackground, options: { waitForIndexing?: boolean; fs?: WorkspaceFileSystem; analyseInParallel?: ParallelAnalysis } = {}) =>
  startCachedServer(root, cacheDir, { background, ...options });

describe('shutting down during a background clustering', function () {
  this.timeout(120_000);
  let root: string;
  let cacheDir: string;
  let articles: string[];
  cachedWorkspaceEachTest('shutdown-lsp-', (w) => ({ root, cacheDir, articles } = w));

  it('stops the worker and answers; the next start uses the last complete clustering and makes it again', async () => {
    await (await startCached(root, cacheDir)).stop();
    await fs.appendFile(path.join(root, 'seeds', articles[0]), '\nGeneral Chansamone Chanyalath met Nguyen Tan Dung in Vientiane.\n');

    const worker = stalledWorker();
    const reopened = await startCached(root, cacheDir, worker.background);
    assert.equal(reopened.stats?.analysed, 1);
    const request = await waitFor('the clustering made again in the worker', () => worker.requests[0]);
    assert.ok(request.signal, 'the worker is given a way to be stopped');
    // The worker never answers: the shutdown is answered only because the server stops it rather than waiting.
    await reopened.stop();
    assert.ok(request.signal.aborted && request.settled, 'the worker was stopped');
    assert.equal(worker.requests.length, 1, 'no clustering started after it');
    assert.ok(!reopened.log.some((m) => /clustering here instead/.test(m)), `not clustered on the server's thread instead: ${reopened.log.join('\n')}`);

    // What a server without any cache shows for the corpus as it is now.
    const uncachedDir = await fs.mkdtemp(path.join(os.tmpdir(), 'shutdown-lsp-none-'));
    const uncached = await startCached(root, uncachedDir);
    const expected = await uncached.entities();
    await uncached.stop();
    await fs.rm(uncachedDir, { recursive: true, force: true });

    const next = await startCached(root, cacheDir);
    assert.deepEqual(
      next.stats,
      { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: true, changedSinceClustering: 1 },
      'the changed article was kept; the clustering kept is the last complete one, seen with the change until made again',
    );
    await waitFor('the clustering made again', async () => JSON.stringify(await next.entities()) === JSON.stringify(expected));
    await next.stop();
  });

  it("answers a shutdown during a cold start's clustering, and keeps the articles' analyses", async () => {
    const worker = stalledWorker();
    // A cold start analyses every article, then clusters them (in the worker) before it says the corpus is indexed.
    const cold = await startCached(root, cacheDir, worker.background, { waitForIndexing: false });
    const request = await waitFor('the clustering in the worker', () => worker.requests[0], 60_000);
    await cold.stop();
    assert.ok(request.signal?.aborted && request.settled, 'the worker was stopped');

    const next = await startCached(root, cacheDir);
    assert.deepEqual(next.stats, { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: false });
    await next.stop();
  });

  it("with the analysis workers giving names first, answers a shutdown during a cold start's clustering; the next start analyses nothing again", async () => {
    const bundle = path.join(REPO_ROOT, 'dist/analysisWorker.js');
    if (!existsSync(bundle)) throw new Error('dist/analysisWorker.js is missing: run `npm run build` first (npm test does)');
    const worker = stalledWorker();
    // The workers give every article's names, then the rest of its state while the corpus is clustered: the shutdown
    // comes while the clustering waits, whatever the rest has come to by then.
    const cold = await startCached(root, cacheDir, worker.background, { waitForIndexing: false, analyseInParallel: workerAnalysis(bundle) });
    await waitFor('the clustering in the worker', () => worker.requests[0], 60_000);
    await cold.stop();

    // Every article kept, whole or with its names (whose rest is made here): none is recognised again.
    const next = await startCached(root, cacheDir);
    assert.deepEqual(next.stats, { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: false });
    const again = await startCached(root, cacheDir);
    assert.equal(again.stats?.fromCache, articles.length);
    await next.stop();
    await again.stop();
  });

  it("answers a shutdown while the corpus is still being read, and keeps what was analysed by then", async () => {
    const gate = gatedArticles(2);
    const cold = await startCached(root, cacheDir, undefined, { waitForIndexing: false, fs: gate.fs });
    await waitFor('an article waiting to be read', () => gate.waiting.length > 0);
    // The two articles let through are read, then analysed on the server's thread (a turn of the event loop or two,
    // however slow the machine) before the shutdown is asked for: "by then" is both of them.
    await waitFor('the articles let through read', () => gate.readFree() === 2);
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    const stopped = cold.stop();
    gate.open();
    await stopped;

    const next = await startCached(root, cacheDir);
    assert.deepEqual(next.stats, { articles: articles.length, analysed: articles.length - 2, fromCache: 2, clusteringFromCache: false });
    await next.stop();
  });
});
