import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { CancelledError } from '../../../server/src/core/types';
import { findingFor, lines, para } from './helpers';

describe('boilerplate: incremental index', () => {
  it('tracks size, has and remove', () => {
    const index = createBoilerplateIndex();
    index.update('a.txt', para('a'));
    index.update('b.txt', para('b'));
    index.update('a.txt', para('a2'));
    assert.equal(index.size, 2);
    assert.ok(index.has('a.txt'));
    index.remove('a.txt');
    assert.equal(index.size, 1);
    assert.ok(!index.has('a.txt'));
    assert.deepEqual(index.findings('a.txt'), []);
    index.remove('missing.txt');
  });

  it('caches findings per version and recomputes when a related article changes', () => {
    const shared = para('shared');
    const index = createBoilerplateIndex();
    index.update('a.txt', lines('Headline of the first article on rice', shared));
    index.update('c.txt', lines('Unrelated headline about the coffee trade', para('c')));
    const first = index.findings('a.txt');
    assert.equal(first.length, 0);
    assert.equal(index.findings('a.txt'), first, 'cached array is returned while nothing changed');
    const unrelated = index.findings('c.txt');

    index.update('b.txt', lines('Headline of the second article on rice', shared));
    const withCopy = index.findings('a.txt');
    assert.equal(withCopy.length, 1);
    assert.equal(withCopy[0].kind, 'duplicate');
    assert.equal(withCopy[0].copies[0].uri, 'b.txt');
    assert.equal(index.findings('c.txt'), unrelated, 'an article sharing nothing keeps its cache');

    index.update('b.txt', lines('Headline of the second article on rice', para('other')));
    assert.deepEqual(index.findings('a.txt'), []);

    index.update('b.txt', lines('Headline of the second article on rice', shared));
    assert.equal(index.findings('a.txt').length, 1);
    index.remove('b.txt');
    assert.deepEqual(index.findings('a.txt'), []);
  });

  it('updates line-shape statistics as articles come and go', () => {
    const index = createBoilerplateIndex();
    const doc = (i: number): string => lines(['Rice harvest beats forecasts', 'New bridge opens to traffic', 'Teachers call for higher pay', 'Court hears mining appeal'][i],
      para(`p${i}`), para(`q${i}`), 'Kaphone Evening Courier');
    for (let i = 0; i < 2; i++) index.update(`d${i}.txt`, doc(i));
    assert.equal(findingFor(index.findings('d0.txt'), 'Kaphone Evening Courier'), undefined);
    index.update('d2.txt', doc(2));
    const f = findingFor(index.findings('d0.txt'), 'Kaphone Evening Courier')!;
    assert.equal(f.kind, 'chrome');
    assert.match(f.reason, /recurs at the end of 3 articles/);
    index.update('d3.txt', doc(3));
    assert.match(findingFor(index.findings('d0.txt'), 'Kaphone Evening Courier')!.reason, /of 4 articles/);
    index.remove('d3.txt');
    index.remove('d2.txt');
    assert.equal(findingFor(index.findings('d0.txt'), 'Kaphone Evening Courier'), undefined);
  });

  it('updates "headline of another article" when that article is added or removed', () => {
    const index = createBoilerplateIndex();
    const b = lines('Ministers sign the new border agreement', para('sign'), para('treaty'), 'Floods close the northern highway again');
    index.update('b.txt', b);
    assert.equal(findingFor(index.findings('b.txt'), 'Floods close the northern highway again'), undefined);
    index.update('a.txt', lines('Floods close the northern highway again', para('flood')));
    assert.equal(findingFor(index.findings('b.txt'), 'Floods close the northern highway again')!.reason, 'headline of another article');
    index.remove('a.txt');
    assert.equal(findingFor(index.findings('b.txt'), 'Floods close the northern highway again'), undefined);
  });

  it('stops when cancelled', () => {
    const index = createBoilerplateIndex();
    index.update('a.txt', lines('Headline', para('a'), para('a')));
    assert.throws(() => index.findings('a.txt', { isCancellationRequested: true }), CancelledError);
    assert.equal(index.findings('a.txt').length, 1);
  });

  it('finds the same when told how many documents are coming (room made once) as when not, and when told again for the same ones', () => {
    // 300 articles sharing a footer, a repeated paragraph in some, and a few copies of one another: enough for the
    // index to size its tables from the first ones.
    const footer = 'Copyright 2024 The Daily Example. All rights reserved. Contact the newsroom for reprints.';
    const docs = Array.from({ length: 300 }, (_, i) =>
      lines(`Headline number ${i} about ${para(`h${i}`, 1)}`, para(`a${i % 250}`), i % 7 ? para(`b${i}`) : para('shared'), footer),
    );
    const told = createBoilerplateIndex();
    const untold = createBoilerplateIndex();
    told.expect(docs.length);
    docs.forEach((text, i) => told.update(`${i}.txt`, text));
    docs.forEach((text, i) => untold.update(`${i}.txt`, text));
    const all = (index: typeof told) => docs.map((_, i) => index.findings(`${i}.txt`));
    const found = all(untold);
    assert.ok(found.flat().length > 300, 'copies found');
    assert.deepEqual(all(told), found);
    assert.deepEqual(told.clusters(), untold.clusters());
    told.expect(docs.length);
    docs.forEach((text, i) => told.update(`${i}.txt`, `${text}\nAnd one more line for ${i}.`));
    docs.forEach((text, i) => untold.update(`${i}.txt`, `${text}\nAnd one more line for ${i}.`));
    assert.deepEqual(all(told), all(untold));
  });
});
