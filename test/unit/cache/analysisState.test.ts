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
});
