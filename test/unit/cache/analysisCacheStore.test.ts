import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisCacheDir, analysisVersionKey, createAnalysisCacheStore } from '../../../server/src/node/analysisCacheStore';
import { gzipSync } from 'node:zlib';
import type { ClusteringSnapshot } from '../../../server/src/core/index';

describe('the analysis cache on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'analysis-cache-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const V1 = analysisVersionKey(1, new Uint8Array([1, 2, 3]));
  const snapshot: ClusteringSnapshot = { texts: [], clusters: [], documents: [] };

  async function saved(version = V1) {
    const a = createAnalysisCacheStore(dir, version);
    await a.load();
    const keys = ['article one', 'article two', 'article three'].map((t) => a.keyOf(t));
    keys.forEach((k, i) => a.set(k, { entities: [i, i + 1, 0, -1, -1] }));
    a.keepClustering('fp', snapshot);
    await a.save(new Set(keys));
    return keys;
  }

  it('gives back what an earlier run kept, by text key, and the clustering by its fingerprint', async () => {
    const keys = await saved();
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    keys.forEach((k, i) => assert.deepEqual(b.get(k), { entities: [i, i + 1, 0, -1, -1] }));
    assert.deepEqual(b.clustering('fp'), snapshot);
    assert.equal(b.clustering('another corpus'), undefined);
    assert.equal(b.keyOf('article one'), keys[0]);
    assert.notEqual(b.keyOf('article one.'), keys[0]);
    assert.ok((await fs.readdir(dir)).every((n) => !n.endsWith('.tmp')), 'no temporary file left');
  });

  it('gives back the Int32Arrays of a state as Int32Arrays (as the analysis workers give them), and plain arrays as plain arrays', async () => {
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const key = a.keyOf('article one');
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    a.set(key, { entities: new Int32Array([0, 4, 2, -1, -1]), extra: [[0, { nested: true }]], boilerplate: summary });
    await a.save(new Set([key]));
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual(b.get(key), { entities: new Int32Array([0, 4, 2, -1, -1]), extra: [[0, { nested: true }]], boilerplate: summary });
  });

  it('removes the shards of its earlier JSON format when it writes their successors', async () => {
    for (let i = 0; i < 16; i++) await fs.writeFile(path.join(dir, `articles-${i.toString(16)}.json`), '{"format":1}');
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.set(a.keyOf('article one'), { entities: [0, 4, 2, -1, -1] });
    assert.equal(await a.save(), true);
    assert.deepEqual((await fs.readdir(dir)).filter((n) => n.endsWith('.json')), []);
  });

  it('holds nothing in memory after a save, until loaded again', async () => {
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const key = a.keyOf('article');
    a.set(key, { entities: [] });
    a.keepClustering('fp', snapshot);
    await a.save(new Set([key]));
    assert.equal(a.get(key), undefined);
    assert.equal(a.clustering('fp'), undefined);
    await a.load();
    assert.deepEqual(a.get(key), { entities: [] });
    assert.deepEqual(a.clustering('fp'), snapshot);
  });

  it('keeps a clustering given as JSON (as the clustering worker writes it) the same as one given as objects', async () => {
    const full: ClusteringSnapshot = {
      texts: ['Laos'],
      clusters: [{ entityId: 'e1', canonical: 'Laos', type: 'LOCATION', spellings: [['Laos', 2]], titles: [] }],
      documents: [{ uri: '/w/a.txt', start: [0, 9], end: [4, 13], cluster: [0, 0], text: [0, 0], title: [null, null] }],
    };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.keepClustering('fp', JSON.stringify(full));
    assert.deepEqual(a.clustering('fp'), full);
    await a.save(new Set());
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual(b.clustering('fp'), full);
  });

  it('writes a clustering of many megabytes whole, non-ASCII names across its megabyte chunks included', async () => {
    // Names of 3 to 7 characters with a letter outside the BMP (two UTF-16 units) and Vietnamese letters: the file
    // is written a megabyte of the string at a time, and some chunk ends fall inside a surrogate pair.
    const names = Array.from({ length: 25_000 }, (_, i) => `Việt𝔄${'x'.repeat(i % 5)}${i}`);
    const big = {
      texts: names,
      clusters: names.map((n, i) => ({ entityId: `e${i}`, canonical: n, type: 'LOCATION', spellings: [[n, 1]], titles: [] })),
      documents: [{ uri: '/w/a.txt', start: names.map((_, i) => i * 20), end: names.map((_, i) => i * 20 + 9), cluster: names.map((_, i) => i), text: names.map((_, i) => i), title: names.map(() => null) }],
    } satisfies ClusteringSnapshot;
    // The first entity's canonical name is padded so that a pair's first half ends the first megabyte chunk.
    const edge = (1 << 20) - 1;
    const unpadded = JSON.stringify(big);
    let before = edge;
    while ((unpadded.charCodeAt(before) & 0xfc00) !== 0xd800) before--;
    big.clusters[0] = { ...big.clusters[0], canonical: `${'x'.repeat(edge - before)}${big.clusters[0].canonical}` };
    const json = JSON.stringify(big);
    assert.equal(json.charCodeAt(edge) & 0xfc00, 0xd800, 'a surrogate pair across the first chunk boundary');
    assert.ok(json.length > 1 << 21, 'more than two chunks');
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.keepClustering('fp', json);
    await a.save(new Set());
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual(b.clustering('fp'), big);
    // Gzipped (as the clustering worker gives it): the same file, written as it is decompressed.
    const file = await fs.readFile(path.join(dir, 'clustering.json'));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    c.keepClustering('fp2', gzipSync(json));
    assert.deepEqual(c.clustering('fp2'), big);
    await c.save(new Set());
    assert.deepEqual(await fs.readFile(path.join(dir, 'clustering.json')), Buffer.from(file.toString('utf8').replace('"fp"', '"fp2"')));
    const d = createAnalysisCacheStore(dir, V1);
    await d.load();
    assert.deepEqual(d.clustering('fp2'), big);
  });

  it('is empty for another analysis version or another model', async () => {
    const keys = await saved();
    for (const other of [analysisVersionKey(2, new Uint8Array([1, 2, 3])), analysisVersionKey(1, new Uint8Array([1, 2, 4]))]) {
      const b = createAnalysisCacheStore(dir, other);
      await b.load();
      for (const k of keys) assert.equal(b.get(k), undefined);
      assert.equal(b.clustering('fp'), undefined);
    }
  });

  it('ignores a corrupt or truncated file (never an error) and replaces it at the next save', async () => {
    const keys = await saved();
    const files = (await fs.readdir(dir)).filter((n) => n.startsWith('articles-'));
    const contents = await Promise.all(files.map((n) => fs.readFile(path.join(dir, n))));
    const holder = contents.findIndex((t) => t.includes(keys[0]));
    assert.ok(holder >= 0);
    const broken = path.join(dir, files[holder]);
    const good = contents[holder];
    await fs.writeFile(broken, good.subarray(0, good.length >> 1));
    await fs.writeFile(path.join(dir, 'clustering.json'), '\u0000\u0001 not json');
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    const lost = keys.filter((k) => b.get(k) === undefined);
    assert.ok(lost.length > 0 && lost.length < keys.length, 'only the corrupt shard is lost');
    assert.equal(b.clustering('fp'), undefined);
    for (const k of lost) b.set(k, { entities: [] });
    await b.save(new Set(keys));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    for (const k of keys) assert.notEqual(c.get(k), undefined);
  });

  it('keeps only the texts of the corpus at each save', async () => {
    const keys = await saved();
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    await b.save(new Set([keys[0]]));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    assert.notEqual(c.get(keys[0]), undefined);
    assert.equal(c.get(keys[1]), undefined);
    assert.equal(c.get(keys[2]), undefined);
  });

  it('says so, without throwing, when it cannot write', async () => {
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, 'x');
    const messages: string[] = [];
    const a = createAnalysisCacheStore(path.join(file, 'cache'), V1, (m) => messages.push(m));
    await a.load();
    a.set(a.keyOf('t'), { entities: [] });
    await a.save(new Set([a.keyOf('t')]));
    assert.equal(messages.length, 1);
  });

  it('lives in the client’s folder, else CORPUS_ANNOTATOR_CACHE, else the user’s cache folder; off by CORPUS_ANNOTATOR_CACHE=off', () => {
    const saved = process.env.CORPUS_ANNOTATOR_CACHE;
    try {
      delete process.env.CORPUS_ANNOTATOR_CACHE;
      assert.equal(analysisCacheDir(['/w'], '/client/storage'), '/client/storage');
      const own = analysisCacheDir(['/w/a', '/w/b']);
      assert.ok(own && own.includes('corpus-annotator'), own);
      assert.equal(analysisCacheDir(['/w/b', '/w/a']), own, 'the same folders, the same cache');
      assert.notEqual(analysisCacheDir(['/w/a']), own);
      process.env.CORPUS_ANNOTATOR_CACHE = '/env/cache';
      assert.equal(analysisCacheDir(['/w']), '/env/cache');
      process.env.CORPUS_ANNOTATOR_CACHE = 'off';
      assert.equal(analysisCacheDir(['/w'], '/client/storage'), undefined);
    } finally {
      if (saved === undefined) delete process.env.CORPUS_ANNOTATOR_CACHE;
      else process.env.CORPUS_ANNOTATOR_CACHE = saved;
    }
  });
});
