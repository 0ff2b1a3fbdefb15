import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisCacheDir, analysisVersionKey, createAnalysisCacheStore } from '../../../server/src/node/analysisCacheStore';
import { deserializeApart, packApart } from '../../../server/src/node/alignedSerialization';
import { serialize } from 'node:v8';
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
  /** A shard file's header and its four parts (the states' stream and arrays, the summaries' stream and arrays). */
  const SHARD_HEADER = 64;
  const shardParts = (bytes: Buffer) => {
    const header = Buffer.from(bytes.subarray(0, SHARD_HEADER));
    const parts: Buffer[] = [];
    for (let k = 0, at = SHARD_HEADER; k < 4; k++) {
      const length = header.readUInt32LE(32 + 4 * k);
      parts.push(Buffer.from(bytes.subarray(at, at + length)));
      at += length;
    }
    assert.equal(SHARD_HEADER + parts.reduce((n, p) => n + p.length, 0), bytes.length, 'a header, the states, the summaries');
    return { header, parts };
  };
  /** A shard file of a header and parts (the header's lengths set to theirs). */
  const shardOf = (header: Buffer, parts: Buffer[]) => {
    const out = Buffer.from(header);
    parts.forEach((p, k) => out.writeUInt32LE(p.length, 32 + 4 * k));
    return Buffer.concat([out, ...parts]);
  };
  const ints = (...values: number[]) => Int32Array.from(values);
  const snapshot: ClusteringSnapshot = {
    texts: [],
    entities: { ids: [], canonical: ints(), type: ints(), spellings: ints(), spellingsAt: ints(0), titles: ints(), titlesAt: ints(0), notes: [] },
    documents: { uris: [], at: ints(0), places: ints() },
  };

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

  it('removes the files of its earlier JSON formats when it writes their successors', async () => {
    for (let i = 0; i < 16; i++) await fs.writeFile(path.join(dir, `articles-${i.toString(16)}.json`), '{"format":1}');
    await fs.writeFile(path.join(dir, 'clustering.json'), '{"format":2}');
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.set(a.keyOf('article one'), { entities: [0, 4, 2, -1, -1] });
    a.keepClustering('fp', snapshot);
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

  it('keeps a clustering given serialised (as the clustering worker gives it) the same as one given as objects', async () => {
    const full: ClusteringSnapshot = {
      texts: ['Laos', 'LOCATION'],
      entities: { ids: ['e1'], canonical: ints(0), type: ints(1), spellings: ints(0, 2), spellingsAt: ints(0, 1), titles: ints(), titlesAt: ints(0, 0), notes: [] },
      documents: { uris: ['/w/a.txt'], at: ints(0, 2), places: ints(0, 4, 0, 0, 9, 13, 0, 0) },
    };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.keepClustering('fp', packApart(full));
    assert.deepEqual(a.clustering('fp'), full);
    await a.save(new Set());
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual(b.clustering('fp'), full);
  });

  it('reads a kept clustering’s columns as views of one block of the file’s bytes, and ignores a clustering file of the earlier format', async () => {
    const full: ClusteringSnapshot = {
      texts: ['Laos', 'LOCATION'],
      entities: { ids: ['e1'], canonical: ints(0), type: ints(1), spellings: ints(0, 2), spellingsAt: ints(0, 1), titles: ints(), titlesAt: ints(0, 0), notes: [] },
      documents: { uris: ['/w/a.txt'], at: ints(0, 2), places: ints(0, 4, 0, 0, 9, 13, 0, 0) },
    };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.keepClustering('fp', packApart(full));
    await a.save(new Set());
    const file = path.join(dir, 'clustering.v8');
    assert.equal((await fs.readFile(file)).subarray(0, 8).toString('latin1'), 'CA-clust');
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    const read = b.clustering('fp')!;
    assert.deepEqual(read, full);
    const columns = [read.entities.canonical, read.entities.spellings, read.documents.places] as Int32Array[];
    assert.ok(columns.every((c) => c.buffer === columns[0].buffer && c.byteOffset % 8 === 0), 'views of one block, aligned');

    const version = createHash('sha256').update(V1).digest('hex');
    await fs.writeFile(file, serialize({ format: 3, version, fingerprint: 'fp', snapshot: serialize(full) }));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    assert.equal(c.clustering('fp'), undefined);
  });

  it('writes a clustering of many megabytes whole, names outside the BMP included', async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `Việt𝔄${'x'.repeat(i % 5)}${i}`);
    const n = names.length;
    const big: ClusteringSnapshot = {
      texts: [...names, 'LOCATION'],
      entities: {
        ids: names.map((_, i) => `e${i}`),
        canonical: Int32Array.from(names, (_, i) => i),
        type: new Int32Array(n).fill(n),
        spellings: Int32Array.from({ length: 2 * n }, (_, k) => (k % 2 ? 1 : k / 2)),
        spellingsAt: Int32Array.from({ length: n + 1 }, (_, i) => i),
        titles: ints(),
        titlesAt: new Int32Array(n + 1),
        notes: [[7, 'a note']],
      },
      documents: { uris: ['/w/a.txt'], at: ints(0, n), places: Int32Array.from({ length: 4 * n }, (_, k) => [20 * (k >> 2), 20 * (k >> 2) + 9, k >> 2, k >> 2][k % 4]) },
    };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    a.keepClustering('fp', big);
    await a.save(new Set());
    assert.ok((await fs.stat(path.join(dir, 'clustering.v8'))).size > 1 << 21, 'megabytes');
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual(b.clustering('fp'), big);
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
    await fs.writeFile(path.join(dir, 'clustering.v8'), '\u0000\u0001 not V8');
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

  it('reads no part of a file whose bytes are not those written (a byte flipped on disk): the articles and the clustering are made again', async () => {
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const key = a.keyOf('article one');
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    const full: ClusteringSnapshot = {
      texts: ['Laos', 'LOCATION'],
      entities: { ids: ['e1'], canonical: ints(0), type: ints(1), spellings: ints(0, 2), spellingsAt: ints(0, 1), titles: ints(), titlesAt: ints(0, 0), notes: [] },
      documents: { uris: ['/w/a.txt'], at: ints(0, 2), places: ints(0, 4, 0, 0, 9, 13, 0, 0) },
    };
    a.set(key, { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    a.keepClustering('fp', packApart(full));
    await a.save(new Set([key]));
    const shard = path.join(dir, `articles-${key[0]}.v8`);
    const clusteringFile = path.join(dir, 'clustering.v8');
    const shardBytes = await fs.readFile(shard);
    const clusteringBytes = await fs.readFile(clusteringFile);
    const { header, parts } = shardParts(shardBytes);
    const flipped = (bytes: Buffer, at: number) => {
      const out = Buffer.from(bytes);
      out[at] ^= 0x10;
      return out;
    };
    // A byte of the last word of each part (inside an array, in the array parts): still a well-formed file.
    for (let k = 0; k < 4; k++) {
      const damaged = parts.map((p, j) => (j === k ? flipped(p, p.length - 3) : p));
      await fs.writeFile(shard, Buffer.concat([header, ...damaged]));
      const b = createAnalysisCacheStore(dir, V1);
      await b.load();
      const state = b.get(key) as { entities: Int32Array; boilerplate: unknown } | undefined;
      if (k < 2) assert.equal(state, undefined, `part ${k} damaged: no state`);
      else {
        assert.deepEqual(state!.entities, ints(0, 4, 2, -1, -1), `part ${k} damaged: the states are intact`);
        assert.equal(state!.boilerplate, undefined, `part ${k} damaged: no summary`);
      }
    }
    await fs.writeFile(shard, shardBytes);
    const headerLength = 32;
    for (const at of [headerLength + 2, clusteringBytes.length - 3]) {
      await fs.writeFile(clusteringFile, flipped(clusteringBytes, at));
      const c = createAnalysisCacheStore(dir, V1);
      await c.load();
      assert.equal(c.clustering('fp'), undefined, `byte ${at} of the clustering file flipped`);
    }
    await fs.writeFile(clusteringFile, clusteringBytes);
    const d = createAnalysisCacheStore(dir, V1);
    await d.load();
    assert.deepEqual(d.get(key), { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    assert.deepEqual(d.clustering('fp'), full);
  });

  it('keeps a state’s boilerplate summary serialised until it is read, across saves; a summary that does not read back is none, never an error', async () => {
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const [one, two] = ['article one', 'article two'].map((t) => a.keyOf(t));
    a.set(one, { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    a.set(two, { entities: ints(0, 3, 1, -1, -1), boilerplate: summary });
    await a.save(new Set([one, two]));
    // Loaded, the one read, and saved again with a third state (its shard is written again): both summaries survive.
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    const state = b.get(one) as { boilerplate: unknown };
    const described = Object.getOwnPropertyDescriptor(state, 'boilerplate');
    assert.ok(described?.get && described.enumerable, 'not made into objects yet');
    assert.deepEqual(state.boilerplate, summary);
    assert.equal(state.boilerplate, state.boilerplate, 'made once');
    const three = b.keyOf('article three');
    b.set(three, { entities: [] });
    await b.save(new Set([one, two, three]));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    assert.deepEqual(c.get(one), { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    assert.deepEqual(c.get(two), { entities: ints(0, 3, 1, -1, -1), boilerplate: summary });
    assert.deepEqual(c.get(three), { entities: [] });
    await c.save(new Set([one, two, three]));
    // The summaries' bytes damaged in shards whose states read: those states have no summary (the core summarises
    // the article again).
    for (const name of (await fs.readdir(dir)).filter((n) => n.startsWith('articles-'))) {
      const file = path.join(dir, name);
      const { header, parts } = shardParts(await fs.readFile(file));
      parts[2] = Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x01]);
      parts[3] = Buffer.alloc(0);
      await fs.writeFile(file, shardOf(header, parts));
    }
    const d = createAnalysisCacheStore(dir, V1);
    await d.load();
    assert.deepEqual(d.get(one), { entities: ints(0, 4, 2, -1, -1), boilerplate: undefined });
    assert.deepEqual(d.get(three), { entities: [] });
  });

  it('reads ahead the summaries of the states it gave, one shard a step, and they are then held, not read from the files again', async () => {
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    // Texts whose keys fall in four shards (a key's first hex digit), two in one of them; one state without a summary.
    const byShard = new Map<string, string[]>();
    for (let i = 0; byShard.size < 4 || ![...byShard.values()].some((k) => k.length > 1); i++) {
      const key = a.keyOf(`article ${i}`);
      const list = byShard.get(key[0]) ?? [];
      if (byShard.size < 4 || byShard.has(key[0])) byShard.set(key[0], [...list, key]);
    }
    const keys = [...byShard.values()].flat();
    for (const key of keys) a.set(key, { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    const plain = a.keyOf('an article with no summary');
    a.set(plain, { entities: [] });
    await a.save(new Set([...keys, plain]));

    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    const states = keys.map((key) => b.get(key) as { boilerplate: unknown });
    b.get(plain);
    let steps = 0;
    const reading = b.readAheadInSlices!();
    while (!reading.next().done) steps++;
    assert.equal(steps, byShard.size, 'one step a shard whose summaries were given out');
    // Read ahead: the files no longer matter.
    await fs.rm(dir, { recursive: true, force: true });
    for (const state of states) assert.deepEqual(state.boilerplate, summary);
    const again = b.readAheadInSlices!();
    assert.equal(again.next().done, true, 'nothing left to read');
  });

  it('writes a shard’s summaries in one serialisation apart from its states, typed arrays apart and aligned, and keeps them when the shard is written again', async () => {
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    // Texts whose keys fall in one shard (the key's first hex digit).
    const texts: string[] = [];
    const first = a.keyOf('article 0')[0];
    for (let n = 0; texts.length < 3; n++) if (a.keyOf(`article ${n}`)[0] === first) texts.push(`article ${n}`);
    const keys = texts.map((t) => a.keyOf(t));
    const summaryOf = (n: number) => ({ minChars: 40, lineCount: n + 1, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, n]), shapes: [`s${n}`], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, n]) });
    keys.forEach((k, n) => a.set(k, { entities: ints(0, 4, 2, -1, -1), boilerplate: summaryOf(n) }));
    await a.save(new Set(keys));
    const file = path.join(dir, `articles-${first}.v8`);
    const { header, parts } = shardParts(await fs.readFile(file));
    assert.equal(header.subarray(0, 8).toString('latin1'), 'CA-shard');
    assert.equal(header.readUInt32LE(8), 6);
    const states = deserializeApart(parts[0], parts[1]) as { format: number; entries: Map<string, { state: { entities: Int32Array }; summary?: number }> };
    assert.equal(states.format, 6);
    for (const [key, entry] of states.entries) {
      assert.ok(!('boilerplate' in entry.state), 'no summary among the states');
      assert.equal(typeof entry.summary, 'number', key);
      assert.equal(entry.state.entities.byteOffset % 8, 0, 'a view of the arrays’ bytes, aligned');
    }
    const summaries = deserializeApart(parts[2], parts[3]) as unknown[];
    assert.deepEqual(summaries.slice().sort((x, y) => (x as { lineCount: number }).lineCount - (y as { lineCount: number }).lineCount), [0, 1, 2].map(summaryOf));

    // Reopened: one summary read; another state set in place of one kept; written again: every summary survives.
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.deepEqual((b.get(keys[0]) as { boilerplate: unknown }).boilerplate, summaryOf(0));
    b.set(keys[1], { entities: ints(0, 3, 1, -1, -1), boilerplate: summaryOf(7) });
    await b.save(new Set(keys));
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    assert.deepEqual(c.get(keys[0]), { entities: ints(0, 4, 2, -1, -1), boilerplate: summaryOf(0) });
    assert.deepEqual(c.get(keys[1]), { entities: ints(0, 3, 1, -1, -1), boilerplate: summaryOf(7) });
    assert.deepEqual(c.get(keys[2]), { entities: ints(0, 4, 2, -1, -1), boilerplate: summaryOf(2) });
  });

  it('ignores a shard of the earlier format (each summary serialised on its own), and replaces it at the next save', async () => {
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const key = a.keyOf('article one');
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    const version = createHash('sha256').update(V1).digest('hex');
    const file = path.join(dir, `articles-${key[0]}.v8`);
    await fs.writeFile(file, serialize({ format: 3, version, entries: new Map([[key, { state: { entities: ints(0, 4, 2, -1, -1) }, boilerplate: serialize(summary) }]]) }));
    assert.equal(a.get(key), undefined, 'not loaded: nothing read');
    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    assert.equal(b.get(key), undefined);
    b.set(key, { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    await b.save(new Set([key]));
    assert.equal((await fs.readFile(file)).subarray(0, 8).toString('latin1'), 'CA-shard');
    const c = createAnalysisCacheStore(dir, V1);
    await c.load();
    assert.deepEqual(c.get(key), { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
  });

  it('reads a shard’s summaries only when one is first read, and none from a file replaced since its states were read', async () => {
    const summary = { minChars: 40, lineCount: 2, headlineIdx: -1, headlineKey: null, short: new Int32Array([0, 1, 0, 5]), shapes: ['x'], hkeys: ['x'], labels: [null], passages: new Int32Array([1, 7, 8, 6, 60, 8, 1, 9]) };
    const a = createAnalysisCacheStore(dir, V1);
    await a.load();
    const key = a.keyOf('article one');
    a.set(key, { entities: ints(0, 4, 2, -1, -1), boilerplate: summary });
    await a.save(new Set([key]));
    const file = path.join(dir, `articles-${key[0]}.v8`);
    const written = await fs.readFile(file);

    const b = createAnalysisCacheStore(dir, V1);
    await b.load();
    const state = b.get(key) as { entities: Int32Array; boilerplate: unknown };
    // Its summaries' bytes damaged after the states were read: the summary is read (and fails) only now.
    const { header, parts } = shardParts(written);
    parts[2] = Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x01]);
    parts[3] = Buffer.alloc(0);
    await fs.writeFile(file, shardOf(header, parts));
    assert.equal(state.boilerplate, undefined);

    // The file written again by another server (another id) after the states were read: no summary from it.
    await fs.writeFile(file, written);
    const e = createAnalysisCacheStore(dir, V1);
    await e.load();
    const renewed = e.get(key) as { boilerplate: unknown };
    const f = createAnalysisCacheStore(dir, V1);
    await f.load();
    f.set(key, { entities: ints(0, 4, 2, -1, -1), boilerplate: { ...summary, lineCount: 3 } });
    await f.save(new Set([key]));
    assert.equal(renewed.boilerplate, undefined, 'the states were read from the file replaced since');
    const g = createAnalysisCacheStore(dir, V1);
    await g.load();
    assert.deepEqual((g.get(key) as { boilerplate: unknown }).boilerplate, { ...summary, lineCount: 3 });
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
