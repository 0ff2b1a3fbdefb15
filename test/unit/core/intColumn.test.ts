import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IntColumn } from '../../../server/src/core/collections/intColumn';
import { UnionFind } from '../../../server/src/core/entities/clusterGraph';

describe('integer columns', () => {
  it('hold what is pushed and set, in order, past the capacity they start with', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: -5, max: 5 }))), (values, sets) => {
        const column = new IntColumn(1);
        const expected: number[] = [];
        for (const v of values) {
          column.push(v);
          expected.push(v);
        }
        for (const [at, v] of sets) {
          if (!expected.length) break;
          column.set(at % expected.length, v);
          expected[at % expected.length] = v;
        }
        assert.equal(column.length, expected.length);
        assert.deepEqual([...column.done()], expected);
        for (let i = 0; i < expected.length; i++) assert.equal(column.get(i), expected[i]);
      }),
    );
  });

  it('keep a union–find’s sets and their registry owners: two owners never join', () => {
    const uf = new UnionFind();
    const [a, b, c, d, e] = [uf.add(), uf.add(0), uf.add(), uf.add(1), uf.add()];
    assert.equal(uf.union(a, b), true);
    assert.equal(uf.union(c, d), true);
    assert.equal(uf.union(a, c), false);
    assert.equal(uf.find(a), uf.find(b));
    assert.notEqual(uf.find(a), uf.find(c));
    assert.equal(uf.ownerOf(a), 0);
    assert.equal(uf.ownerOf(c), 1);
    assert.equal(uf.ownerOf(e), undefined);
    assert.equal(uf.union(e, d), true);
    assert.equal(uf.find(e), Math.min(c, d, e));
    assert.equal(uf.ownerOf(e), 1);
  });
});
