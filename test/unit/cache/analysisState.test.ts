import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService, NEVER_CANCELLED } from '../../../server/src/core/index';
import { decodeArticleState, encodeArticleState } from '../../../server/src/core/analysisState';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

describe('an article’s analysis state (kept by hosts between runs)', () => {
  const model = loadNerModel();

  it('gives back exactly the names and titles the recogniser found, for every seed article', async () => {
    const recognizer = createEntityRecognizer(model);
    let titles = 0;
    for (const name of await seedNames()) {
      const text = await fs.readFile(path.join(SEEDS_DIR, name), 'utf8');
      const entities = recognizer.recognize(text);
      titles += entities.filter((e) => e.title !== undefined).length;
      const state = encodeArticleState(text, entities);
      assert.ok(state, name);
      assert.deepEqual(decodeArticleState(text, JSON.parse(JSON.stringify(state))), entities, name);
    }
    assert.ok(titles > 0, 'the seeds have names with titles');
  });

  it('does not fit another text, or anything malformed: undefined, never an error', () => {
    const text = 'Minister Nguyen Van A met Laos.';
    const state = { entities: [9, 21, 0, 0, 8, 26, 30, 2, -1, -1], extra: [[1, { nested: true }]] };
    assert.deepEqual(decodeArticleState(text, state), [
      { start: 9, end: 21, text: 'Nguyen Van A', type: 'PERSON', title: 'Minister' },
      { start: 26, end: 30, text: 'Laos', type: 'LOCATION', nested: true },
    ]);
    assert.equal(decodeArticleState('short', state), undefined);
    for (const bad of [undefined, null, 42, 'x', {}, { entities: 'x' }, { entities: [1, 2, 3] }, { entities: [5, 2, 0, -1, -1] }, { entities: [0, 2, 9, -1, -1] }, { entities: [0, 2, 0.5, -1, -1] }, { entities: [9, 21, 0, 0, 12] }, { entities: [9, 21, 0, -1, -1], extra: 'x' }, { entities: [9, 21, 0, -1, -1], extra: [[0, { start: 3 }]] }, { entities: [9, 21, 0, -1, -1], extra: [[0, { deep: {} }]] }]) {
      assert.equal(decodeArticleState(text, bad), undefined, JSON.stringify(bad));
    }
  });

  it('keeps any other plain field of a name, and encodes nothing it could not give back', () => {
    const text = 'Laos';
    const laos = { start: 0, end: 4, text: 'Laos', type: 'LOCATION' } as const;
    assert.deepEqual(encodeArticleState(text, [laos]), { entities: [0, 4, 2, -1, -1] });
    const more = { ...laos, nested: true, country: 'Laos', score: 2 };
    assert.deepEqual(decodeArticleState(text, JSON.parse(JSON.stringify(encodeArticleState(text, [more])))), [more]);
    assert.equal(encodeArticleState(text, [{ ...laos, parts: ['a'] } as never]), undefined);
    assert.equal(encodeArticleState(text, [{ ...laos, text: 'Lao' }]), undefined);
  });

  it('lets the corpus service skip the analysis of an imported article, with the same result', async () => {
    const names = await seedNames();
    const texts = await Promise.all(names.map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    const fresh = createCorpusService({ nerModel: model });
    names.forEach((n, i) => fresh.setDocument(n, texts[i]));
    for (const n of names) fresh.prepareDocument(n, NEVER_CANCELLED);
    const states = names.map((n) => fresh.exportDocument(n));
    const imported = createCorpusService({ nerModel: model });
    names.forEach((n, i) => assert.equal(imported.importDocument(n, texts[i], JSON.parse(JSON.stringify(states[i]))), true));
    names.forEach((n, i) => assert.deepEqual(imported.exportDocument(n), states[i], 'imported, not analysed again'));
    for (const n of names) assert.deepEqual(imported.analyze(n, undefined, NEVER_CANCELLED), fresh.analyze(n, undefined, NEVER_CANCELLED));
    // A state that does not fit: the article is set all the same, and analysed when asked.
    const other = createCorpusService({ nerModel: model });
    assert.equal(other.importDocument(names[0], texts[0], { entities: [0, texts[0].length + 5, 0, -1, -1] }), false);
    assert.equal(other.exportDocument(names[0]), undefined);
    other.prepareDocument(names[0], NEVER_CANCELLED);
    assert.deepEqual(other.exportDocument(names[0]), states[0]);
  });

  it('reads an imported article’s boilerplate summary once the corpus is ready (idle turns, or a request), with the same findings as a fresh build', async () => {
    const names = await seedNames();
    const texts = await Promise.all(names.map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    const fresh = createCorpusService({ nerModel: model });
    names.forEach((n, i) => fresh.setDocument(n, texts[i]));
    for (const n of names) fresh.prepareDocument(n, NEVER_CANCELLED);
    const states = names.map((n) => JSON.parse(JSON.stringify(fresh.exportDocument(n))) as Record<string, unknown>);
    assert.ok(states.every((s) => s.boilerplate), 'every state has its summary');
    // Each summary counted when read, as the cache on disk makes it when read (node/analysisCacheStore.ts).
    let read = 0;
    const counted = states.map(({ boilerplate, ...rest }) => Object.defineProperty({ ...rest }, 'boilerplate', { enumerable: true, get: () => (read++, boilerplate) }));
    const reopen = () => {
      const service = createCorpusService({ nerModel: model });
      names.forEach((n, i) => assert.equal(service.importDocument(n, texts[i], counted[i]), true));
      return service;
    };

    const idle = reopen();
    assert.equal(read, 0, 'no summary read while the corpus is imported');
    const steps = idle.prepareForEditsInSlices(NEVER_CANCELLED);
    while (!steps.next().done) if (read === names.length) break;
    assert.equal(read, names.length, 'every summary read in the idle turns after');
    const asked = reopen();
    const fromRequest = names.map((n) => asked.analyze(n, undefined, NEVER_CANCELLED));
    assert.equal(read, 2 * names.length, 'read when boilerplate is asked for, before the idle turns');
    assert.ok(fromRequest.some((a) => a.boilerplate.length > 0), 'the seeds repeat passages');
    names.forEach((n, i) => {
      const expected = fresh.analyze(n, undefined, NEVER_CANCELLED);
      assert.deepEqual(fromRequest[i], expected, n);
      assert.deepEqual(idle.analyze(n, undefined, NEVER_CANCELLED), expected, n);
    });
    assert.deepEqual(idle.boilerplateClusters(NEVER_CANCELLED), fresh.boilerplateClusters(NEVER_CANCELLED));
    // An article set again before its summary was read: indexed from its new text, never from the old summary.
    const edited = reopen();
    const before = read;
    edited.setDocument(names[0], texts[1]);
    assert.deepEqual(edited.analyze(names[0], undefined, NEVER_CANCELLED).boilerplate, (() => {
      const same = createCorpusService({ nerModel: model });
      names.forEach((n, i) => same.setDocument(n, i === 0 ? texts[1] : texts[i]));
      return same.analyze(names[0], undefined, NEVER_CANCELLED).boilerplate;
    })());
    assert.equal(read - before, names.length - 1, 'the replaced article’s summary never read');
  });
});
