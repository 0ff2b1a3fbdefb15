/**
 * A corpus loaded names first (workspace/articleLoading.ts, `namesFirst`, as the language server loads one): the pool
 * gives each article's names, and the rest of its state (boilerplate summary, dates) while the host clusters. The
 * articles must end up analysed as when each came whole, their whole states kept in the cache, whatever the rest's
 * fate: made by the pool, failed there, or come for a text edited since. And an article edited while the pool
 * analysed it whole (no names first) is not kept under the text it had.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService, NEVER_CANCELLED, type CorpusService } from '../../../server/src/core/index';
import { analyseArticle, analyseArticleNames, analyseArticleRest } from '../../../server/src/core/analysisState';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import type { AnalysisCache } from '../../../server/src/workspace/analysisCache';
import { loadArticles } from '../../../server/src/workspace/articleLoading';
import type { AnalysisPool } from '../../../server/src/workspace/parallelAnalysis';
import { generateCorpus } from '../../support/corpusGenerator';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

const model = loadNerModel();
const recognizer = createEntityRecognizer(model);

/** A pool analysing on this thread, as the workers do; `rest` may be made to fail, or to run something first. */
function inProcessPool(events: string[], rest: { fail?: boolean; before?: () => void } = {}, beforeAnalysing?: () => void): AnalysisPool {
  return {
    size: 2,
    analyse: async (texts, part) => {
      beforeAnalysing?.();
      return texts.map((t) => (part === 'names' ? analyseArticleNames(t, recognizer) : analyseArticle(t, recognizer)) ?? null);
    },
    rest: async (texts) => {
      rest.before?.();
      if (rest.fail) throw new Error('the analysis worker stopped');
      return texts.map((t) => analyseArticleRest(t));
    },
    close: async () => {
      events.push('closed');
    },
  };
}

/** A cache in memory, holding states by text. */
function memoryCache(): AnalysisCache & { readonly states: Map<string, unknown> } {
  const states = new Map<string, unknown>();
  return {
    states,
    load: async () => undefined,
    keyOf: (text) => text,
    get: (key) => states.get(key),
    set: (key, state) => void states.set(key, state),
    fingerprint: (parts) => [...parts].join('\u0000'),
    clustering: () => undefined,
    keptClustering: () => undefined,
    keepClustering: () => undefined,
    save: async () => true,
    location: '(memory)',
  };
}

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v instanceof Int32Array ? Array.from(v) : v)));

/** Every article's analysis (names grouped across the corpus, dates, boilerplate with its copies). */
function analyses(service: CorpusService, files: readonly string[]): unknown {
  return plain(files.map((f) => service.analyze(f, undefined, NEVER_CANCELLED)));
}

async function corpus(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const n of await seedNames()) texts.set(`/ws/seeds/${n}`, await fs.readFile(path.join(SEEDS_DIR, n), 'utf8'));
  for (const d of generateCorpus({ articles: 24, seed: 5 })) texts.set(`/ws/gen/${path.basename(d.uri)}`, d.text);
  return texts;
}

/** The same corpus, each article set whole on this thread. */
function setWhole(texts: ReadonlyMap<string, string>): CorpusService {
  const service = createCorpusService({ nerModel: model });
  for (const [f, t] of texts) service.setDocument(f, t);
  return service;
}

describe('a corpus loaded in a pool: names first, the rest of each state while it is clustered; articles edited meanwhile', function () {
  this.timeout(60_000);

  it('analyses every article as when each came whole, keeps each whole state in the cache, and closes the pool once all are made', async () => {
    const texts = await corpus();
    const files = [...texts.keys()];
    const events: string[] = [];
    const service = createCorpusService({ nerModel: model });
    const cache = memoryCache();
    const loaded = await loadArticles(service, { files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, parallel: () => inProcessPool(events), namesFirst: true });
    // Its names are all there: the host clusters now.
    const clustered = service.entityClustering(NEVER_CANCELLED).clusters().length;
    assert.ok(clustered > 0);
    await loaded.completed;
    assert.deepEqual(events, ['closed']);
    assert.equal(loaded.stats.analysed, files.length);
    assert.deepEqual(analyses(service, files), analyses(setWhole(texts), files));
    for (const t of texts.values()) assert.deepEqual(plain(cache.states.get(t)), plain(analyseArticle(t, recognizer)));
  });

  it('makes the rest here when the pool cannot', async () => {
    const texts = await corpus();
    const files = [...texts.keys()];
    const events: string[] = [];
    const logged: string[] = [];
    const service = createCorpusService({ nerModel: model });
    const cache = memoryCache();
    const loaded = await loadArticles(service, {
      files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, parallel: () => inProcessPool(events, { fail: true }), namesFirst: true, log: (m) => logged.push(m),
    });
    await loaded.completed;
    assert.deepEqual(events, ['closed']);
    assert.match(logged[0], /in the workers failed \(the analysis worker stopped\); doing it here instead/);
    assert.deepEqual(analyses(service, files), analyses(setWhole(texts), files));
    for (const t of texts.values()) assert.ok(cache.states.get(t), 'kept, made here');
  });

  it('leaves an article edited before the rest of its state came as its new text is, and keeps no state for the old one', async () => {
    const texts = await corpus();
    const files = [...texts.keys()];
    const edited = files[1];
    const before = texts.get(edited)!;
    const after = `Talks in Vientiane on 3 March 2031.\n\n${before}`;
    const service = createCorpusService({ nerModel: model });
    const cache = memoryCache();
    let once = false;
    const pool = inProcessPool([], {
      before: () => {
        if (once) return;
        once = true;
        service.setDocument(edited, after);
      },
    });
    const loaded = await loadArticles(service, { files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, parallel: () => pool, namesFirst: true });
    await loaded.completed;
    const now = new Map(texts).set(edited, after);
    assert.deepEqual(analyses(service, files), analyses(setWhole(now), files));
    assert.equal(cache.states.get(before), undefined);
  });

  it('analyses here an article edited while the pool analysed it whole, and keeps no state under the text it had', async () => {
    const texts = await corpus();
    const files = [...texts.keys()];
    const edited = files[2];
    const before = texts.get(edited)!;
    const after = `${before}\n\nMinister Somsavath Inthavong arrived on 9 June 2035.`;
    const service = createCorpusService({ nerModel: model });
    const cache = memoryCache();
    let once = false;
    const pool = inProcessPool([], {}, () => {
      if (once) return;
      once = true;
      service.setDocument(edited, after);
    });
    const loaded = await loadArticles(service, { files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, parallel: () => pool });
    await loaded.completed;
    const now = new Map(texts).set(edited, after);
    assert.deepEqual(analyses(service, files), analyses(setWhole(now), files));
    assert.equal(cache.states.get(before), undefined);
    assert.equal(cache.states.size, files.length - 1);
  });

  /** A pool that notes what it is asked (`names`, `rest`, `whole`, per text) and may stop the loading at a point. */
  function notingPool(asked: string[], stopAt?: { part: 'names' | 'rest'; call: number; stop: () => void }): AnalysisPool {
    const calls = { names: 0, rest: 0 };
    const base = inProcessPool([]);
    return {
      ...base,
      analyse: async (texts, part) => {
        asked.push(...texts.map(() => part ?? 'whole'));
        if (part === 'names' && stopAt?.part === 'names' && ++calls.names === stopAt.call) stopAt.stop();
        return base.analyse(texts, part);
      },
      rest: async (texts) => {
        asked.push(...texts.map(() => 'rest'));
        if (stopAt?.part === 'rest' && ++calls.rest === stopAt.call) stopAt.stop();
        return base.rest(texts);
      },
    };
  }

  for (const part of ['names', 'rest'] as const) {
    it(`keeps what a loading stopped while ${part === 'names' ? 'the names' : 'the rest'} were made had: the next loading makes only the rest of what it lacks`, async () => {
      const texts = await corpus();
      const files = [...texts.keys()];
      const cache = memoryCache();
      let stopped = false;
      const token = { get isCancellationRequested() { return stopped; } };
      const first = createCorpusService({ nerModel: model });
      const loading = loadArticles(first, {
        files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, namesFirst: true, token,
        parallel: () => notingPool([], { part, call: 2, stop: () => (stopped = true) }),
      });
      if (part === 'names') await assert.rejects(loading, /cancel/i);
      else await (await loading).completed;
      const states = [...cache.states.values()] as Record<string, unknown>[];
      const namesOnly = states.filter((x) => !('boilerplate' in x)).length;
      assert.ok(namesOnly > 0, 'names kept');
      if (part === 'rest') assert.ok(states.length - namesOnly > 0, 'whole states kept for the rests that came');
      const kept = states.length;

      const asked: string[] = [];
      const second = createCorpusService({ nerModel: model });
      const loaded = await loadArticles(second, { files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache, namesFirst: true, parallel: () => notingPool(asked) });
      await loaded.completed;
      assert.equal(loaded.stats.fromCache, kept);
      assert.equal(asked.filter((x) => x === 'names').length, files.length - kept, 'names made only for what was not kept');
      assert.equal(asked.filter((x) => x === 'rest').length, files.length - (states.length - namesOnly), 'the rest made for every article without it');
      assert.deepEqual(analyses(second, files), analyses(setWhole(texts), files));
      for (const t of texts.values()) assert.deepEqual(plain(cache.states.get(t)), plain(analyseArticle(t, recognizer)));
    });
  }

  it('makes here the rest of states kept with names only when there is no pool, and keeps them whole', async () => {
    const texts = await corpus();
    const files = [...texts.keys()];
    const cache = memoryCache();
    for (const t of texts.values()) cache.set(t, analyseArticleNames(t, recognizer));
    const service = createCorpusService({ nerModel: model });
    const loaded = await loadArticles(service, { files, read: async (f) => texts.get(f), maxSize: () => 1e9, cache });
    await loaded.completed;
    assert.equal(loaded.stats.fromCache, files.length);
    assert.deepEqual(analyses(service, files), analyses(setWhole(texts), files));
    for (const t of texts.values()) assert.ok('boilerplate' in (cache.states.get(t) as object), 'kept whole');
  });
});
