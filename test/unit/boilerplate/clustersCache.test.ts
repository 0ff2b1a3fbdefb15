import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { lines, para } from './helpers';

const shared = para('agency-lead', 2);
const article = (name: string, withShared: boolean) =>
  lines(`Own headline of article ${name} on the border`, '', para(`body-${name}`), '', withShared ? shared : para(`other-${name}`), '');

const places = (index: ReturnType<typeof createBoilerplateIndex>) =>
  index.clusters().find((c) => c.text === shared)?.places.map((p) => p.uri).sort() ?? [];

describe('boilerplate clusters are cached and kept up to date', () => {
  it('follows additions, edits and removals of articles', () => {
    const index = createBoilerplateIndex();
    index.update('a.txt', article('a', true));
    index.update('b.txt', article('b', true));
    index.update('c.txt', article('c', false));
    assert.deepEqual(places(index), ['a.txt', 'b.txt']);
    assert.deepEqual(places(index), ['a.txt', 'b.txt'], 'the same answer from the cache');

    index.update('c.txt', article('c', true));
    assert.deepEqual(places(index), ['a.txt', 'b.txt', 'c.txt'], 'an edit that adds a copy');
    index.remove('a.txt');
    assert.deepEqual(places(index), ['b.txt', 'c.txt'], 'a removed article');
    index.update('b.txt', article('b', false));
    assert.deepEqual(places(index), [], 'an edit that removes a copy: no cluster of one');
    index.update('d.txt', article('d', true));
    assert.deepEqual(places(index), ['c.txt', 'd.txt'], 'a new article');
  });
});
