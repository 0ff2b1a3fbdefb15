import * as assert from 'node:assert/strict';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../../server/src/node/heapGrowth';

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
});
