import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { StoredNames } from '../../../server/src/core/entities/storedNames';
import { encodeArticleState } from '../../../server/src/core/analysisState';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

describe('an article’s names as the corpus service keeps them (compact, made again when asked for)', () => {
  const recognizer = createEntityRecognizer(loadNerModel());

  it('gives back exactly the recogniser’s names, fields in the same order, for the seeds and generated articles', async () => {
    const texts = await Promise.all((await seedNames()).map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    texts.push(...generateCorpus({ articles: 30, seed: 5 }).map((d) => d.text));
    let extras = 0;
    for (const text of texts) {
      const names = recognizer.recognize(text);
      extras += names.filter((e) => e.title !== undefined || e.country !== undefined || e.nested).length;
      const stored = StoredNames.of(text, names);
      // JSON as well: the same fields in the same order (the CLI prints them).
      assert.equal(JSON.stringify(stored.list()), JSON.stringify(names));
      assert.deepEqual(stored.list(), names);
      assert.notEqual(stored.list(), stored.list(), 'new objects at each call');
      assert.deepEqual(stored.state(), encodeArticleState(text, names));
      assert.deepEqual(StoredNames.fromState(text, JSON.parse(JSON.stringify(stored.state())))?.list(), names);
      // One by one: each name as the list gives it, fields in the same order.
      assert.equal(JSON.stringify(names.map((_, i) => stored.at(i))), JSON.stringify(names));
    }
    assert.ok(extras > 0, 'names with titles, owner countries or nested names were met');
  });

  it('reads a name alone as the list gives it, whatever the order of the other fields in a state from elsewhere', () => {
    const text = 'Gen Vilay met Laos’ Ministry of Defence and the Mekong River Commission.';
    const names = [
      { start: 4, end: 9, text: 'Vilay', type: 'PERSON', title: 'Gen' },
      { start: 20, end: 39, text: 'Ministry of Defence', type: 'ORG', country: 'Laos' },
      { start: 48, end: 54, text: 'Mekong', type: 'LOCATION', nested: true },
      { start: 44, end: 71, text: 'the Mekong River Commission', type: 'ORG' },
    ] as const;
    const state = StoredNames.of(text, names).state()!;
    assert.equal(state.extra?.length, 2);
    // The other fields listed backwards, and one listed twice (decoding takes the last).
    const backwards = { ...state, extra: [[2, { nested: false }], ...[...state.extra!].reverse()] };
    for (const s of [state, backwards]) {
      const stored = StoredNames.fromState(text, s)!;
      assert.deepEqual(names.map((_, i) => stored.at(i)), stored.list());
    }
    assert.deepEqual(StoredNames.fromState(text, state)!.list(), names);
  });

  it('keeps as they are names the numbers cannot say, and refuses a state that does not fit the text', () => {
    const text = 'Laos and Vietnam';
    const odd = [{ start: 0, end: 4, text: 'Laos', type: 'LOCATION', title: '' }] as const;
    assert.deepEqual(StoredNames.of(text, odd).list(), odd);
    const state = StoredNames.of(text, [{ start: 9, end: 16, text: 'Vietnam', type: 'LOCATION' }]).state();
    assert.equal(StoredNames.fromState('Laos', state), undefined);
    assert.equal(StoredNames.fromState(text, { entities: 'x' }), undefined);
  });
});
