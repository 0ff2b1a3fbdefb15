import * as assert from 'node:assert/strict';
import { collectWhenIdle, type IdleCollectionHost } from '../../../server/src/node/idleCollection';

const MB = 1024 * 1024;

/** A heap whose size the test sets, a clock the test advances, and the collections and messages seen. */
function fakeHost(startMb: number) {
  let used = startMb * MB;
  let tick: (() => void) | undefined;
  const state = {
    collections: 0,
    logs: [] as string[],
    /** What a full collection leaves. */
    liveMb: startMb,
    stopped: false,
    set usedMb(mb: number) {
      used = mb * MB;
    },
    /** `n` samples pass. */
    samples(n: number) {
      for (let i = 0; i < n; i++) tick?.();
    },
  };
  const host: IdleCollectionHost = {
    gc: () => {
      state.collections++;
      used = state.liveMb * MB;
    },
    heapUsed: () => used,
    log: (m) => state.logs.push(m),
    every: (_ms, fn) => {
      tick = fn;
      return () => {
        state.stopped = true;
        tick = undefined;
      };
    },
    now: () => 0,
  };
  return { host, state };
}

describe('collecting the garbage once the server is idle', () => {
  it('collects once the heap has stayed put for the quiet samples, when it grew by the threshold since the last collection', () => {
    const { host, state } = fakeHost(100);
    collectWhenIdle(host, { quietSamples: 3, minGarbageBytes: 96 * MB });
    // Work: the heap grows from sample to sample (no collection while it moves).
    for (const mb of [200, 350, 500, 600]) {
      state.usedMb = mb;
      state.samples(1);
    }
    assert.equal(state.collections, 0);
    // Idle at 600 MB, of which 250 MB live.
    state.liveMb = 250;
    state.samples(2);
    assert.equal(state.collections, 0, 'not before the quiet samples');
    state.samples(1);
    assert.equal(state.collections, 1);
    assert.match(state.logs[0], /collected 350 MB while idle .* 250 MB of heap in use/);
    // Still idle: nothing more to collect, and it is not collected again.
    state.samples(10);
    assert.equal(state.collections, 1);
  });

  it('leaves a heap that grew less than the threshold, and a heap that keeps moving, alone', () => {
    const { host, state } = fakeHost(100);
    collectWhenIdle(host, { quietSamples: 3, minGarbageBytes: 96 * MB });
    state.usedMb = 150;
    state.samples(10);
    assert.equal(state.collections, 0, 'grew by 50 MB only');
    for (let i = 0; i < 20; i++) {
      state.usedMb = 400 + (i % 2) * 50;
      state.samples(1);
    }
    assert.equal(state.collections, 0, 'never idle');
  });

  it('measures the next growth from what the last collection left', () => {
    const { host, state } = fakeHost(100);
    collectWhenIdle(host, { quietSamples: 2, minGarbageBytes: 96 * MB });
    state.usedMb = 400;
    state.liveMb = 300;
    state.samples(3);
    assert.equal(state.collections, 1);
    state.usedMb = 350; // 50 MB over the 300 MB left: not enough
    state.samples(5);
    assert.equal(state.collections, 1);
    state.usedMb = 420;
    state.liveMb = 320;
    state.samples(3);
    assert.equal(state.collections, 2);
  });

  it('stops sampling when stopped', () => {
    const { host, state } = fakeHost(100);
    const stop = collectWhenIdle(host);
    stop();
    assert.ok(state.stopped);
  });
});
