import * as assert from 'node:assert/strict';
import { SharedPassages } from '../../../server/src/core/timeline/index';
import type { BoilerplateFinding } from '../../../server/src/core/types';

/** A finding of `file` at [start, end) whose passage is also at each of `copies` ([article, start]; 20 characters). */
function finding(file: string, start: number, copies: [string, number][]): BoilerplateFinding {
  return {
    start,
    end: start + 20,
    text: 'x'.repeat(20),
    kind: 'duplicate',
    reason: 'same paragraph',
    copies: [{ uri: file, start, end: start + 20 }, ...copies.map(([uri, at]) => ({ uri, start: at, end: at + 20 }))],
  };
}

describe('SharedPassages: which articles to read again when one changes', () => {
  it('an edit that only moves the changed article’s own passages affects nobody; a passage that becomes shared, or stops being, affects its copies', () => {
    const shared = new SharedPassages();
    shared.record('a', [finding('a', 0, [['b', 10]])]);
    // The same passage of b, now further down in a.
    assert.deepEqual(shared.changed('a', [finding('a', 7, [['b', 10]])]), []);
    // a now also shares a passage with c: b and c may have changed.
    assert.deepEqual(shared.changed('a', [finding('a', 7, [['b', 10]]), finding('a', 50, [['c', 0]])]).sort(), ['b', 'c']);
    // a shares nothing any more.
    assert.deepEqual(shared.changed('a', []).sort(), ['b', 'c']);
    // a left the corpus, sharing nothing before: nobody.
    assert.deepEqual(shared.changed('a', undefined), []);
  });

  it('an article read again for sharing a passage with the changed one is recorded, and marks nobody in turn', () => {
    // a ~ b, b ~ c: a chain through the corpus (what read every article over and over at 10,000 articles).
    const shared = new SharedPassages();
    shared.record('a', [finding('a', 0, [['b', 0]])]);
    shared.record('b', [finding('b', 0, [['a', 0]]), finding('b', 40, [['c', 0]])]);
    shared.record('c', [finding('c', 0, [['b', 40]])]);
    // a's passage is gone (edited away): b is affected.
    assert.deepEqual(shared.changed('a', []), ['b']);
    // b is read again: its findings no longer name a; recording it says nothing of c, whose passage is still shared.
    shared.record('b', [finding('b', 40, [['c', 0]])]);
    // When b itself changes later, its copies are those just recorded.
    assert.deepEqual(shared.changed('b', []), ['c']);
  });

  it('for an article never read with its findings, the articles before are those whose findings name it', () => {
    const shared = new SharedPassages();
    shared.record('b', [finding('b', 0, [['a', 5]])]);
    shared.record('c', [finding('c', 0, [['d', 5]])]);
    // a was only read without its findings (the first build): b named it; now a shares nothing.
    assert.deepEqual(shared.changed('a', []), ['b']);
    // Recorded now: a later change of a compares with this.
    assert.deepEqual(shared.changed('a', []), []);
    // The index of who names whom, made for a, follows later records: b no longer names a, and now names d.
    shared.record('b', [finding('b', 0, [['d', 9]])]);
    assert.deepEqual(shared.changed('d', []).sort(), ['b', 'c']);
    shared.release();
    shared.record('b', []);
    assert.deepEqual(shared.changed('e', []), [], 'made again after release, from the records');
  });
});
