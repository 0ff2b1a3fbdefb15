import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { possibleMerges } from '../../../server/src/core/worklist';
import { doc } from '../entities/aliases.fixtures';

describe('worklist: possible merges', () => {
  it('offers the same words under another type, and not once the registry settled both', () => {
    const a = doc('a.txt', 'The Party met in Hanoi. The Party spoke.', { Party: 'ORG', Hanoi: 'LOCATION' });
    const b = doc('b.txt', 'The Party agreed in Hanoi.', { Party: 'MISC', Hanoi: 'LOCATION' });
    const clustering = clusterEntities([a, b]);
    const parties = clustering.clusters().filter((c) => c.canonical === 'Party');
    assert.equal(parties.length, 2, 'an organisation and an other name');
    const [org, misc] = [parties.find((c) => c.type === 'ORG')!, parties.find((c) => c.type === 'MISC')!];
    assert.deepEqual(possibleMerges(misc, clustering, () => false).map((c) => c.entityId), [org.entityId]);
    assert.deepEqual(possibleMerges(misc, clustering, () => true), [], 'both in the registry: settled');
    const hanoi = clustering.clusters().find((c) => c.canonical === 'Hanoi')!;
    assert.deepEqual(possibleMerges(hanoi, clustering, () => false), [], 'a name with no look-alike');
  });
});
