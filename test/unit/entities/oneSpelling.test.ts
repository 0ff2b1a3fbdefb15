import * as assert from 'node:assert/strict';
import { OneSpelling } from '../../../server/src/core/entities/oneSpelling';

describe('the spellings of an entity written one way (read as a map)', () => {
  it('answers every read as a Map of that one entry does', () => {
    const one = new OneSpelling('Vientiane', 7);
    const map = new Map([['Vientiane', 7]]);
    assert.equal(one.size, map.size);
    for (const k of ['Vientiane', 'vientiane', '']) {
      assert.equal(one.get(k), map.get(k));
      assert.equal(one.has(k), map.has(k));
    }
    assert.deepEqual([...one], [...map]);
    assert.deepEqual([...one.entries()], [...map.entries()]);
    assert.deepEqual([...one.keys()], [...map.keys()]);
    assert.deepEqual([...one.values()], [...map.values()]);
    const seen: unknown[] = [];
    one.forEach((v, k, m) => seen.push([v, k, m === one]));
    assert.deepEqual(seen, [[7, 'Vientiane', true]]);
    assert.deepEqual(new Map(one), map);
  });
});
