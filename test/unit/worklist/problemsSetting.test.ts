import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/workspace/settings';

describe('worklist: the problems.list setting', () => {
  it('defaults to the worklist, and reads everything', () => {
    assert.equal(DEFAULT_SETTINGS.problems.list, 'worklist');
    assert.equal(readSettings({}).problems.list, 'worklist');
    assert.equal(readSettings({ problems: { list: 'everything' } }).problems.list, 'everything');
    assert.equal(readSettings({ problems: { list: 'loud' } }).problems.list, 'worklist');
  });
});
