import * as assert from 'node:assert/strict';
import { limitInlining, MAX_INLINED_BYTECODE } from '../../../server/src/node/compilerInlining';

describe('limitInlining', () => {
  const flagsSet = (env: NodeJS.ProcessEnv) => {
    const set: string[] = [];
    const budget = limitInlining(env, (flags) => set.push(flags));
    return { budget, set };
  };
  const standard = `--max-inlined-bytecode-size-cumulative=${MAX_INLINED_BYTECODE}`;

  it("sets V8's cumulative inlining budget", () => {
    assert.deepEqual(flagsSet({}), { budget: MAX_INLINED_BYTECODE, set: [standard] });
  });

  it('takes the budget from CORPUS_ANNOTATOR_MAX_INLINED, and leaves V8 its own with 0', () => {
    assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_MAX_INLINED: ' 460 ' }), { budget: 460, set: ['--max-inlined-bytecode-size-cumulative=460'] });
    assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_MAX_INLINED: '0' }), { budget: 0, set: [] });
  });

  it('ignores a value that is not a whole number (no flag string is built from it)', () => {
    for (const v of ['-5', '1e3', '300 --expose-gc', 'abc', '']) assert.deepEqual(flagsSet({ CORPUS_ANNOTATOR_MAX_INLINED: v }).set, [standard], v);
  });
});
