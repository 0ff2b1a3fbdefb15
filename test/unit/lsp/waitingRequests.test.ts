import * as assert from 'node:assert/strict';
import { runInTurns } from '../../../server/src/lsp/eventLoopTurns';
import { WaitingRequests } from '../../../server/src/lsp/waitingRequests';

const turn = () => new Promise<void>((r) => setImmediate(r));

/** Background work of `n` slices, each logged. */
function* slices(log: string[], n: number): Generator<void, string, void> {
  for (let i = 0; i < n; i++) {
    log.push(`slice ${i}`);
    yield;
  }
  return 'done';
}

describe('background work stands aside for requests a client waits on', () => {
  it('runs no slice while a request runs, and goes on when it ends', async () => {
    const waiting = new WaitingRequests();
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const request = waiting.during(async () => {
      log.push('request started');
      await new Promise<void>((r) => (finish = r));
      log.push('request ended');
      return 42;
    });
    assert.equal(waiting.busy, true);
    const background = runInTurns(slices(log, 3), waiting);
    for (let i = 0; i < 10; i++) await turn();
    // The first slice runs when the work starts (before its first turn); none after it while the request runs.
    assert.deepEqual(log, ['request started', 'slice 0']);
    finish();
    assert.equal(await request, 42);
    assert.equal(waiting.busy, false);
    assert.equal(await background, 'done');
    assert.deepEqual(log, ['request started', 'slice 0', 'request ended', 'slice 1', 'slice 2']);
  });

  it('is not held up by a request that fails', async () => {
    const waiting = new WaitingRequests();
    await assert.rejects(waiting.during(() => Promise.reject(new Error('cancelled'))), /cancelled/);
    assert.equal(waiting.busy, false);
    const log: string[] = [];
    assert.equal(await runInTurns(slices(log, 2), waiting), 'done');
    assert.equal(log.length, 2);
  });

  it('counts requests that overlap: the work waits for the last', async () => {
    const waiting = new WaitingRequests();
    const ends: (() => void)[] = [];
    const one = waiting.during(() => new Promise<void>((r) => ends.push(r)));
    const two = waiting.during(() => new Promise<void>((r) => ends.push(r)));
    let idle = false;
    void waiting.idle().then(() => (idle = true));
    ends[0]();
    await one;
    await turn();
    assert.equal(idle, false);
    ends[1]();
    await two;
    await turn();
    assert.equal(idle, true);
  });

  it('stops standing aside when the work says so (what a waiting request itself waits on)', async () => {
    const waiting = new WaitingRequests();
    let end: () => void = () => undefined;
    const request = waiting.during(() => new Promise<void>((r) => (end = r)));
    let due = false;
    let idle = false;
    void waiting.idle(() => due).then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(idle, false);
    due = true;
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(idle, true, 'gave up standing aside while the request still runs');
    end();
    await request;
  });
});
