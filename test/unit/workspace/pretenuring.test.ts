import * as assert from 'node:assert/strict';
import { stopPretenuring } from '../../../server/src/node/pretenuring';

describe('stopPretenuring', () => {
  const flagsSet = (env: NodeJS.ProcessEnv) => {
    const set: string[] = [];
    const stopped = stopPretenuring(env, (flags) => set.push(flags));
    return { stopped, set };
  };

  it("turns V8's allocation-site pretenuring off", () => {
    assert.deepEqual(flagsSet({}), { stopped: true, set: ['--no-allocation-site-pretenuring'] });
  });

  it('leaves it on with CORPUS_ANNOTATOR_PRETENURING=1, and only then', () => {
    assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_PRETENURING: ' 1 ' }), { stopped: false, set: [] });
    for (const v of ['0', 'yes', '', '1 --expose-gc']) assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_PRETENURING: v }).stopped, true, v);
  });
});
