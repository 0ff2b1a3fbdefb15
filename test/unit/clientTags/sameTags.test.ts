/** Identical tags of two analysts (after a merge) make one row of the Tags tree, naming both; others stay apart. */
import * as assert from 'node:assert/strict';
import { authorsOf, groupSameTags } from '../../../client/src/sameTags';
import type { TagItem } from '../../../server/src/protocol';

const range = (s: number, e: number) => ({ start: { line: 2, character: s }, end: { line: 2, character: e } });
function item(id: string, over: Partial<TagItem> = {}): TagItem {
  return { uri: 'file:///w/seeds/a.txt', document: 'seeds/a.txt', id, tag: 'drugs', quote: 'drug control', status: 'anchored', created: '2025-01-01T00:00:00Z', range: range(4, 16), ...over } as TagItem;
}

describe('identical tags in the Tags tree', () => {
  it('groups the same tag, passage and note of two analysts into one row with both authors', () => {
    const rows = groupSameTags([item('t1', { author: 'ana' }), item('u1', { author: 'bo' }), item('t2', { author: 'ana', tag: 'crime' })]);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0].item.id, 't1');
    assert.deepEqual(rows[0].same.map((t) => t.id), ['u1'], 'both records are kept, one shown with the other');
    assert.deepEqual(authorsOf(rows[0]), ['ana', 'bo']);
    assert.deepEqual(rows[1].same, []);
  });

  it('keeps apart tags that differ in note, place, article or status', () => {
    const rows = groupSameTags([
      item('a', { author: 'ana' }),
      item('b', { author: 'bo', note: 'seizure' }),
      item('c', { author: 'bo', range: range(4, 17) }),
      item('d', { author: 'bo', uri: 'file:///w/seeds/b.txt', document: 'seeds/b.txt' }),
      item('e', { author: 'bo', status: 'fuzzy' }),
      item('f', { author: 'ana' }),
    ]);
    assert.deepEqual(rows.map((r) => [r.item.id, ...r.same.map((t) => t.id)]), [['a', 'f'], ['b'], ['c'], ['d'], ['e']]);
    assert.deepEqual(authorsOf(rows[0]), ['ana'], 'one author named once');
  });
});
