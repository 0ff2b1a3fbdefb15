import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sortedReplace, sortedUpdate } from '../../../server/src/core/collections/sortedUpdate';

describe('a sorted list brought up to date (sortedUpdate)', () => {
  const byValue = (a: { v: number }, b: { v: number }) => a.v - b.v;

  it('equals a sort of the new items, whatever was kept, dropped and added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }), fc.array(fc.boolean(), { maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }), (before, keep, added) => {
        const items = before.map((v) => ({ v }));
        const previous = [...items].sort(byValue);
        const current = [...items.filter((_, i) => keep[i] ?? true), ...added.map((v) => ({ v }))];
        const updated = sortedUpdate(previous, current, byValue);
        assert.deepEqual(updated.map((x) => x.v), current.map((x) => x.v).sort((a, b) => a - b));
        assert.equal(new Set(updated).size, current.length, 'each item once, and only those given');
        for (const x of updated) assert.ok(current.includes(x));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('keeps the order the previous list gave items that compare equal', () => {
    const a = { v: 1, name: 'a' };
    const b = { v: 1, name: 'b' };
    const c = { v: 0, name: 'c' };
    assert.deepEqual(sortedUpdate([b, a], [a, b, c], byValue).map((x) => x.name), ['c', 'b', 'a']);
  });

  it('sortedReplace: the list less the items gone, plus those added, equals a sort of the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.array(fc.boolean(), { maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), (before, keep, added) => {
        const list = before.map((v) => ({ v })).sort(byValue);
        const gone = list.filter((_, i) => !(keep[i] ?? true));
        const fresh = added.map((v) => ({ v }));
        const rest = [...list.filter((x) => !gone.includes(x)), ...fresh];
        const out = sortedReplace(list, gone, fresh, byValue);
        assert.deepEqual(out.map((x) => x.v), rest.map((x) => x.v).sort((a, b) => a - b));
        assert.equal(new Set(out).size, rest.length);
        for (const x of out) assert.ok(rest.includes(x), 'only the items kept and added');
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
