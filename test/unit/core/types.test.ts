import * as assert from 'node:assert/strict';
import { throwIfCancelled, CancelledError } from '../../../server/src/core/types';

describe('core types', () => {
  it('throwIfCancelled throws CancelledError only when cancelled', () => {
    throwIfCancelled({ isCancellationRequested: false });
    assert.throws(() => throwIfCancelled({ isCancellationRequested: true }), CancelledError);
  });
});
