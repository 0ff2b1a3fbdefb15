/** Disagreements between two analysts' tags on one article, and adjudicating them (core/annotations/disagreements.ts). */
import * as assert from 'node:assert/strict';
import { adjudicate, disagreementsOf, stateOf, type Tag } from '../../../server/src/core/index';

const t = (id: string, tag: string, start: number, end: number, author?: string): Tag => ({
  id, tag, start, end, quote: 'x'.repeat(end - start), prefix: '', suffix: '', created: '2026-01-01T00:00:00.000Z', ...(author ? { author } : {}),
});

describe('disagreements and adjudication', () => {
  const a = [t('a1', 'coop', 0, 10), t('a2', 'drugs', 20, 40), t('a3', 'crime', 50, 60), t('a4', 'coop', 100, 110)];
  const b = [t('b1', 'coop', 0, 10), t('b2', 'drugs', 20, 30), t('b3', 'crime', 35, 45), t('b4', 'army', 100, 110), t('b5', 'training', 70, 80)];

  it('groups the tags that are not on both sides by overlap, in text order', () => {
    const ds = disagreementsOf(a, b);
    assert.deepEqual(
      ds.map((d) => [d.start, d.end, d.a.map((x) => x.id), d.b.map((x) => x.id)]),
      [
        [20, 45, ['a2'], ['b2', 'b3']], // a chain of overlaps: 20–40 (A), 20–30 and 35–45 (B)
        [50, 60, ['a3'], []],
        [70, 80, [], ['b5']],
        [100, 110, ['a4'], ['b4']], // same passage, different labels
      ],
    );
    assert.deepEqual(disagreementsOf(a, a), [], 'no disagreement with oneself');
  });

  it('keeps one side, the other, both or neither, and leaves every other tag alone', () => {
    const merged = [...a, ...b.filter((x) => x.id !== 'b1')];
    const [d] = disagreementsOf(a, b);
    const ids = (xs: readonly Tag[]) => xs.map((x) => x.id).sort();
    assert.deepEqual(ids(adjudicate(merged, d, 'a', () => 'new').tags), ['a1', 'a2', 'a3', 'a4', 'b4', 'b5']);
    assert.deepEqual(ids(adjudicate(merged, d, 'b', () => 'new').tags), ['a1', 'a3', 'a4', 'b2', 'b3', 'b4', 'b5']);
    assert.deepEqual(ids(adjudicate(merged, d, 'neither', () => 'new').tags), ['a1', 'a3', 'a4', 'b4', 'b5']);
    const both = adjudicate(merged, d, 'both', () => 'new');
    assert.deepEqual([both.removed.length, both.added.length], [0, 0], 'the merge holds both already');
    assert.equal(stateOf(merged, d).state, 'both');
    assert.equal(stateOf(adjudicate(merged, d, 'b', () => 'new').tags, d).state, 'b');
    // From a working tree that holds only A's: choosing B adds B's tags with their authors.
    const fromA = adjudicate(a, d, 'b', () => 'new');
    assert.deepEqual([fromA.removed.map((x) => x.id), fromA.added.map((x) => x.id)], [['a2'], ['b2', 'b3']]);
  });

  it('gives a new id to a chosen tag whose id a kept tag has', () => {
    // Both branches changed one tag (same id) differently: A relabelled it, B moved it.
    const ta = [t('x', 'police', 0, 10)];
    const tb = [t('x', 'coop', 0, 12)];
    const [d] = disagreementsOf(ta, tb);
    const r = adjudicate([t('x', 'police', 0, 10)], d, 'both', () => 'fresh');
    assert.deepEqual(r.tags.map((x) => `${x.id}:${x.tag}`), ['x:police', 'fresh:coop']);
  });
});
