import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { clusteringFromSnapshot, snapshotOfClustering } from '../../../server/src/core/entities/clusteringSnapshot';
import { lookAlikeColumns, lookAlikeEntity } from '../../../server/src/core/entities/lookAlikes';
import { EMPTY_REGISTRY } from '../../../server/src/core/index';
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

  it('are the same when found where the clustering was made (the clustering worker) as when searched for', () => {
    const docs = [
      doc('a.txt', 'The Party met in Hanoi. The EU and the European Union spoke. Vilay Lakhamphong came.', { Party: 'ORG', Hanoi: 'LOCATION', EU: 'ORG', 'European Union': 'ORG', 'Vilay Lakhamphong': 'PERSON' }),
      doc('b.txt', 'The Party agreed in Hanoi. Lakhamfong spoke. The Economic Union agreed.', { Party: 'MISC', Hanoi: 'LOCATION', Lakhamfong: 'PERSON', 'Economic Union': 'ORG' }),
    ];
    const searched = clusterEntities(docs);
    const carried = clusteringFromSnapshot(snapshotOfClustering(searched, ['a.txt', 'b.txt'], { lookAlikes: true }), EMPTY_REGISTRY);
    assert.ok(carried.lookAlikesOf, 'the snapshot carries them');
    const names = (c: typeof searched) =>
      Object.fromEntries(c.clusters().map((x) => [`${x.canonical}/${x.type}`, possibleMerges(x, c, () => false).map((o) => `${o.canonical}/${o.type}`).sort()]).filter(([, v]) => v.length));
    assert.deepEqual(names(carried), names(searched));
    assert.ok(Object.keys(names(searched)).length >= 3, 'the fixture has look-alikes to find');

    // Made without them, and told they come apart (the worker sends them after the clustering): none until they come.
    const early = snapshotOfClustering(searched, ['a.txt', 'b.txt']);
    const waiting = clusteringFromSnapshot({ ...early, entities: { ...early.entities, lookAlikesLater: true } }, EMPTY_REGISTRY);
    assert.deepEqual(names(waiting), {}, 'none offered, and no search over every name, while they are found');
    assert.throws(() => waiting.attachLookAlikes!({ lookAlikes: new Int32Array([99]), lookAlikesAt: new Int32Array(searched.clusters().length + 1).fill(1).fill(0, 0, 1) }), /not usable/);
    waiting.attachLookAlikes!(lookAlikeColumns(searched.clusters().map(lookAlikeEntity)));
    assert.deepEqual(names(waiting), names(searched));
  });
});
