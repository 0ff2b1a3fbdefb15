import * as assert from 'node:assert/strict';
import type { EntityCluster } from '../../../server/src/core/entities/aliases';
import { articleCount, spellingsByCount } from '../../../server/src/core/entities/clusterFacts';
import { entityMessage } from '../../../server/src/core/describe';

/** A cluster with its spellings as a Map of its own, as a provisional cluster's (which grows). */
function cluster(mentions: [string, string][]): EntityCluster & { spellings: Map<string, number> } {
  const spellings = new Map<string, number>();
  for (const [, text] of mentions) spellings.set(text, (spellings.get(text) ?? 0) + 1);
  return {
    entityId: 'LOCATION:vietnam', canonical: 'Vietnam', type: 'LOCATION', spellings, titles: new Map(),
    mentions: mentions.map(([uri, text], i) => ({ uri, start: i, end: i + text.length, text })),
  };
}

describe('facts of an entity repeated in every message', () => {
  it('counts articles and orders spellings by frequency, then spelling', () => {
    const c = cluster([['a', 'Vietnam'], ['a', 'Việt Nam'], ['b', 'Vietnam'], ['c', 'Viet Nam'], ['c', 'Vietnam']]);
    assert.equal(articleCount(c), 3);
    assert.deepEqual(spellingsByCount(c), [['Vietnam', 3], ['Viet Nam', 1], ['Việt Nam', 1]]);
    assert.equal(entityMessage({ ...c.mentions[0], type: 'LOCATION', canonical: 'Vietnam', entityId: c.entityId }, c), 'Place: Vietnam; also written Viet Nam (5 mentions in 3 articles)');
    // At another spelling, the name the message gives is not repeated as one it is also written.
    assert.equal(entityMessage({ ...c.mentions[3], type: 'LOCATION', canonical: 'Vietnam', entityId: c.entityId }, c), 'Place: Vietnam (5 mentions in 3 articles)');
  });

  it('follows a provisional cluster that grows', () => {
    const c = cluster([['a', 'Laos']]);
    assert.equal(articleCount(c), 1);
    c.mentions.push({ uri: 'b', start: 0, end: 4, text: 'Lào' });
    c.spellings.set('Lào', 1);
    assert.equal(articleCount(c), 2);
    assert.deepEqual(spellingsByCount(c).map(([s]) => s), ['Laos', 'Lào']);
  });
});
