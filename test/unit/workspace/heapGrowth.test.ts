import * as assert from 'node:assert/strict';
import { HEAP_GROWING_PERCENT, heapGrowth, limitHeapGrowth } from '../../../server/src/node/heapGrowth';

describe('limitHeapGrowth', () => {
  const flagsSet = (env: NodeJS.ProcessEnv) => {
    const set: string[] = [];
    const percent = limitHeapGrowth(env, (flags) => set.push(flags));
    return { percent, set };
  };

  it('sets V8 heap growing factor to the default percentage', () => {
    assert.deepEqual(flagsSet({}), { percent: HEAP_GROWING_PERCENT, set: [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] });
  });

  it('takes the percentage from CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT', () => {
    assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT: ' 50 ' }), { percent: 50, set: ['--heap-growing-percent=50'] });
  });

  it('leaves V8 its own choice when the variable is 0', () => {
    assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT: '0' }), { percent: 0, set: [] });
  });

  it('ignores a value that is not a whole number (no flag string is built from it)', () => {
    for (const v of ['-5', '1e3', '30 --expose-gc', 'abc', '']) {
      assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT: v }).set, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`], v);
    }
  });

  describe('relaxed while work holds it', () => {
    const growth = (env: NodeJS.ProcessEnv = {}) => {
      const set: string[] = [];
      return { set, growth: heapGrowth(env, (flags) => set.push(flags)) };
    };
    const fixed = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
    const own = '--heap-growing-percent=0';

    it('gives V8 its own choice while any holds it, and fixes the factor again when the last lets go', () => {
      const { set, growth: g } = growth();
      g.limit();
      assert.deepEqual(set, [fixed]);
      const first = g.relax();
      const second = g.relax();
      assert.deepEqual(set, [fixed, own], 'relaxed once, for both');
      first();
      first(); // letting go twice counts once
      assert.deepEqual(set, [fixed, own], 'still held by the second');
      second();
      assert.deepEqual(set, [fixed, own, fixed]);
    });

    it('fixes the factor only when no work holds it, and sets nothing before it is fixed', () => {
      const { set, growth: g } = growth();
      const release = g.relax();
      assert.deepEqual(set, [], 'nothing to relax: never fixed');
      g.limit();
      assert.deepEqual(set, [], 'fixed once the work lets go');
      release();
      assert.deepEqual(set, [fixed]);
    });

    it('sets nothing at all when the variable is 0', () => {
      const { set, growth: g } = growth({ CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT: '0' });
      g.limit();
      g.relax()();
      assert.deepEqual(set, []);
    });
  });
});
