/**
 * The persistent analysis cache, as an editor sees it: a second server on the same workspace analyses only the
 * articles that changed, and answers as the first did. Servers run in-process, each with a cache in a folder of the
 * test's own (as the VS Code client gives one in its workspace storage).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANALYSIS_VERSION } from '../../server/src/core/index';
import { analysisVersionKey } from '../../server/src/node/analysisCacheStore';
import { cachedWorkspaceEachTest, ner, startCachedServer } from '../support/cachedServer';
import { generateCorpus } from '../support/corpusGenerator';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

/** A server on `root` with its cache in `cacheDir`, up to its first `corpusAnnotator/indexed`. */
async function startCached(root: string, cacheDir: string, version?: string) {
  const server = await startCachedServer(root, cacheDir, { version });
  return { ...server, stats: server.stats! };
}

describe('persistent analysis cache', function () {
  this.timeout(120_000);
  let root: string;
  let cacheDir: string;
  let articles: string[];
  cachedWorkspaceEachTest('analysis-cache-lsp-', (w) => ({ root, cacheDir, articles } = w));

  it('is used on reopening: nothing analysed again, and the same diagnostics and entities', async () => {
    const first = await startCached(root, cacheDir);
    assert.deepEqual(first.stats, { articles: articles.length, analysed: articles.length, fromCache: 0, clusteringFromCache: false });
    const before = await first.views(`seeds/${articles[1]}`);
    await first.stop();
    assert.ok((await fs.readdir(cacheDir)).some((n) => n.startsWith('articles-')), 'written by the time shutdown answered');

    const second = await startCached(root, cacheDir);
    assert.deepEqual(second.stats, { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: true });
    const after = await second.views(`seeds/${articles[1]}`);
    assert.ok(before.diagnostics.length > 0);
    assert.deepEqual(after, before);
    await second.stop();
  });

  it('after reopening, indexes the passages in slices: an article opened at once gets the boilerplate diagnostics of the first run, all at once', async () => {
    // Enough articles that the passages take several turns to index (32 a turn), two of them sharing a paragraph.
    const docs = generateCorpus({ articles: 300, seed: 7 });
    for (const d of docs) await fs.writeFile(path.join(root, 'seeds', path.basename(d.uri)), d.text);
    const shared = 'The delegation reviewed the joint border patrols along the Mekong and agreed to meet again next spring.';
    for (const name of ['zz-copy-a.txt', 'zz-copy-b.txt']) {
      await fs.writeFile(path.join(root, 'seeds', name), `Copy ${name}\n\nVIENTIANE, 3 May 2024 — A first paragraph of its own about ${name}.\n\n${shared}\n`);
    }
    const isBoilerplate = (d: { code?: number | string }) => String(d.code).startsWith('boilerplate.');
    const first = await startCached(root, cacheDir);
    const before = (await first.views('seeds/zz-copy-a.txt')).diagnostics.filter(isBoilerplate);
    await first.stop();
    assert.ok(before.some((d) => d.code === 'boilerplate.duplicate'), 'the shared paragraph is flagged');

    const second = await startCached(root, cacheDir);
    assert.equal(second.stats.analysed, 0);
    const uri = await second.open('seeds/zz-copy-a.txt');
    assert.deepEqual((await second.settled(uri)).filter(isBoilerplate), before, 'the same boilerplate in the end');
    // A publish made before the passages were indexed has none of it; none has a part of it.
    for (const p of second.published(uri)) {
      const found = p.diagnostics.filter(isBoilerplate);
      if (found.length) assert.deepEqual(found, before);
    }
    const hover = await second.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.match(hover?.contents.value ?? '', /\*\*Boilerplate\*\* \(duplicate\): also in 1 other article/, 'a hover once indexed shows the boilerplate');
    await second.stop();
  });

  it('holds V8’s own heap growth while it indexes, from the articles and from the cache, and gives it back once indexed', async () => {
    for (const run of ['first', 'reopened']) {
      const holds: string[] = [];
      const server = await startCachedServer(root, cacheDir, { relaxHeapGrowth: () => (holds.push('held'), () => holds.push('let go')) });
      assert.equal(server.stats!.fromCache, run === 'first' ? 0 : articles.length);
      assert.deepEqual(holds, ['held', 'let go'], `${run}: held for the indexing, let go by the time it is announced`);
      await server.stop();
    }
  });

  it('analyses again only an article whose text changed; its kept clustering is used at once, then made again', async () => {
    await (await startCached(root, cacheDir)).stop();
    const changed = path.join(root, 'seeds', articles[0]);
    await fs.appendFile(changed, '\nGeneral Chansamone Chanyalath met Nguyen Tan Dung in Vientiane.\n');
    // What a server without any cache shows for the corpus as it is now.
    const uncachedDir = await fs.mkdtemp(path.join(os.tmpdir(), 'analysis-cache-lsp-none-'));
    const uncached = await startCached(root, uncachedDir);
    const expected = await uncached.entities();
    await uncached.stop();
    await fs.rm(uncachedDir, { recursive: true, force: true });

    const second = await startCached(root, cacheDir);
    assert.deepEqual(second.stats, { articles: articles.length, analysed: 1, fromCache: articles.length - 1, clusteringFromCache: true, changedSinceClustering: 1 });
    await waitFor('the clustering made again, as a run without the cache makes it', async () => JSON.stringify(await second.entities()) === JSON.stringify(expected));
    await second.stop();
    const third = await startCached(root, cacheDir);
    assert.deepEqual(third.stats, { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: true }, 'the clustering made again was kept');
    assert.deepEqual(await third.entities(), expected);
    await third.stop();
  });

  it('does not use a clustering kept for another corpus (a cache folder shared by several workspaces)', async () => {
    await (await startCached(root, cacheDir)).stop();
    const other = await makeTempWorkspace();
    try {
      const uncachedDir = await fs.mkdtemp(path.join(os.tmpdir(), 'analysis-cache-lsp-none-'));
      const uncached = await startCached(other, uncachedDir);
      const expected = await uncached.entities();
      await uncached.stop();
      await fs.rm(uncachedDir, { recursive: true, force: true });
      const shared = await startCached(other, cacheDir);
      assert.equal(shared.stats.clusteringFromCache, false);
      assert.deepEqual(await shared.entities(), expected);
      await shared.stop();
    } finally {
      await removeTempWorkspace(other);
    }
  });

  it('is not used after a model or analysis version change', async () => {
    await (await startCached(root, cacheDir)).stop();
    const otherModel = analysisVersionKey(ANALYSIS_VERSION, new Uint8Array([...ner.bytes.subarray(0, 64), 0]));
    const second = await startCached(root, cacheDir, otherModel);
    assert.deepEqual(second.stats, { articles: articles.length, analysed: articles.length, fromCache: 0, clusteringFromCache: false });
    await second.stop();
    const third = await startCached(root, cacheDir, analysisVersionKey(ANALYSIS_VERSION + 1, ner.bytes));
    assert.equal(third.stats.analysed, articles.length);
    await third.stop();
  });

  it('ignores corrupt cache files: the articles they held are analysed again, and nothing fails', async () => {
    const first = await startCached(root, cacheDir);
    const before = await first.views(`seeds/${articles[2]}`);
    await first.stop();
    for (const name of await fs.readdir(cacheDir)) await fs.writeFile(path.join(cacheDir, name), '{"format":1,"version":');
    const second = await startCached(root, cacheDir);
    assert.deepEqual(second.stats, { articles: articles.length, analysed: articles.length, fromCache: 0, clusteringFromCache: false });
    assert.deepEqual(await second.views(`seeds/${articles[2]}`), before);
    await second.stop();
    const third = await startCached(root, cacheDir);
    assert.equal(third.stats.fromCache, articles.length, 'rewritten whole');
    await third.stop();
  });
});
