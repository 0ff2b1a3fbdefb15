/**
 * An article's dates kept with its analysis state (core/dates/storedDates.ts): a reopened corpus takes them from the
 * cache instead of resolving them again, with the same result; anything that does not fit is resolved again; a cache
 * of the version before dates were kept is a miss.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ANALYSIS_VERSION, createCorpusService, NEVER_CANCELLED, type ArticleState } from '../../../server/src/core/index';
import { analyseArticle } from '../../../server/src/core/analysisState';
import { recognizeDocumentDates } from '../../../server/src/core/dates/index';
import { decodeDates, encodeDates, storedDateOptions } from '../../../server/src/core/dates/storedDates';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { analysisVersionKey, createAnalysisCacheStore } from '../../../server/src/node/analysisCacheStore';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

describe('dates kept with an article’s analysis state', () => {
  const model = loadNerModel();
  let names: string[];
  let texts: string[];
  before(async () => {
    names = await seedNames();
    texts = await Promise.all(names.map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
  });

  it('give back the dates resolving gives, with and without durations, for every seed article', () => {
    for (const [i, text] of texts.entries()) {
      const stored = encodeDates(text, undefined, recognizeDocumentDates(text, storedDateOptions(undefined)));
      assert.ok(stored, names[i]);
      const copy = deserialize(serialize(stored));
      for (const options of [undefined, { includeDurations: false }, { includeDurations: true }, { dayOrder: 'auto' as const, includeDurations: false }]) {
        assert.deepEqual(decodeDates(text, copy, options), recognizeDocumentDates(text, options), `${names[i]} ${JSON.stringify(options)}`);
      }
      // Stored for another day order: not used.
      assert.equal(decodeDates(text, copy, { dayOrder: 'day-first' }), undefined);
    }
  });

  it('are what an analysis worker puts in the state, and a reopened corpus gives the same analyses without resolving a date', () => {
    const recognizer = createEntityRecognizer(model);
    const fresh = createCorpusService({ nerModel: model });
    const reopened = createCorpusService({ nerModel: model });
    const marked = createCorpusService({ nerModel: model });
    let dated = 0;
    for (const [i, name] of names.entries()) {
      fresh.setDocument(name, texts[i]);
      const state = deserialize(serialize(analyseArticle(texts[i], recognizer))) as ArticleState;
      assert.ok(state.dates, `${name}: its dates are in the state`);
      assert.equal(reopened.importDocument(name, texts[i], state), true);
      // The same state with every value changed: what analyze gives shows the dates come from the state.
      const strings = state.dates.strings.split('\u0000').map((s, k) => (k >= 2 && k % 2 === 0 ? `kept-${s}` : s));
      marked.importDocument(name, texts[i], { ...state, dates: { ...state.dates, strings: strings.join('\u0000') } });
      const options = { dates: { dayOrder: 'auto' as const, includeDurations: false } };
      const a = reopened.analyze(name, options, NEVER_CANCELLED);
      assert.deepEqual(a, fresh.analyze(name, options, NEVER_CANCELLED), name);
      const m = marked.analyze(name, options, NEVER_CANCELLED);
      assert.ok(m.dates.every((d) => d.value.startsWith('kept-')), `${name}: dates taken from the state`);
      dated += m.dates.length;
      // Let go and asked again: from the kept dates still.
      marked.releaseAnalysis(name);
      assert.deepEqual(marked.analyze(name, options, NEVER_CANCELLED), m);
      // And written back with the state.
      assert.deepEqual(reopened.exportDocument(name)?.dates, state.dates);
    }
    assert.ok(dated > 10, 'the seeds have dates');
  });

  it('are resolved again when they do not fit the text, or were kept for another day order', () => {
    const recognizer = createEntityRecognizer(model);
    const text = texts.find((t) => recognizeDocumentDates(t).dates.length > 2)!;
    const state = analyseArticle(text, recognizer)!;
    const expected = recognizeDocumentDates(text, { dayOrder: 'month-first' });
    for (const dates of [
      { ...state.dates!, numbers: [...state.dates!.numbers].map((n, k) => (k === 3 ? text.length + 10 : n)) },
      { ...state.dates!, numbers: [...state.dates!.numbers].slice(1) },
      { ...state.dates!, strings: 'x' },
      { ...state.dates!, numbers: [...state.dates!.numbers].map((n, k) => (k === 4 ? 9 : n)) },
      'nonsense',
      { ...state.dates!, key: 'day-first' },
    ]) {
      const service = createCorpusService({ nerModel: model });
      assert.equal(service.importDocument('a.txt', text, { ...state, dates }), true);
      assert.deepEqual(service.analyze('a.txt', { dates: { dayOrder: 'month-first' } }, NEVER_CANCELLED).dates, expected.dates, JSON.stringify(dates).slice(0, 80));
      assert.deepEqual(service.analyze('a.txt', undefined, NEVER_CANCELLED).dates, recognizeDocumentDates(text).dates);
    }
  });

  it('come with a new analysis version: a cache written before is a miss', async () => {
    assert.ok(ANALYSIS_VERSION >= 7);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stored-dates-'));
    try {
      const bytes = new Uint8Array([7, 7, 7]);
      const old = createAnalysisCacheStore(dir, analysisVersionKey(6, bytes));
      await old.load();
      const key = old.keyOf(texts[0]);
      old.set(key, { entities: [] });
      await old.save(new Set([key]));
      const now = createAnalysisCacheStore(dir, analysisVersionKey(ANALYSIS_VERSION, bytes));
      await now.load();
      assert.equal(now.get(key), undefined);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
