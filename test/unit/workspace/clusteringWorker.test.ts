import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { unpackApart } from '../../../server/src/node/alignedSerialization';
import { clusterEntities, ENTITY_TYPES, snapshotOfClustering, withLookAlikes, type DocumentEntities, type RecognizedEntity } from '../../../server/src/core/index';
import { workerClustering } from '../../../server/src/node/backgroundClustering';
import { DOCS_PER_PART, STRINGS_PER_PART } from '../../../server/src/node/clusteringMessages';

/** Articles with names from a large made-up vocabulary: more articles and entities than one part of each holds. */
function corpus(articles: number, namesEach: number): DocumentEntities[] {
  const syllables = ['ka', 'lo', 'ven', 'tri', 'sam', 'pho', 'dra', 'mun', 'xe', 'bel', 'qui', 'tor'];
  const word = (n: number) => {
    let w = '';
    for (let x = n + 1; x > 0; x = Math.floor(x / syllables.length)) w += syllables[x % syllables.length];
    return w[0].toUpperCase() + w.slice(1);
  };
  const types = ENTITY_TYPES;
  return Array.from({ length: articles }, (_, a) => {
    const entities: RecognizedEntity[] = [];
    for (let i = 0; i < namesEach; i++) {
      const n = (a * 7 + i * 131) % 9000;
      const text = `${word(n)} ${word(n * 3 + 1)}`;
      entities.push({ start: i * 40, end: i * 40 + text.length, text, type: types[n % 4], ...(i % 9 === 0 ? { title: 'Minister' } : {}) });
    }
    return { uri: `/corpus/a${String(a).padStart(5, '0')}.txt`, entities };
  });
}

describe('the clustering worker', function () {
  this.timeout(120_000);

  it('answers in parts what clustering on this thread gives, for more articles and strings than a part holds, its look-alikes after', async () => {
    const docs = corpus(DOCS_PER_PART * 2 + 37, 12);
    const registry = { entities: [], notEntities: [] };
    const here = snapshotOfClustering(clusterEntities(docs, registry), docs.map((d) => d.uri), { lookAlikes: true });
    assert.ok(here.entities.ids.length > STRINGS_PER_PART, `more than one part of entities (${here.entities.ids.length})`);
    // The worker's TypeScript source in a real worker thread, as the server runs the bundle's.
    // Held while it clusters (the server relaxes the heap's growth meanwhile), let go once it has answered.
    const holds: string[] = [];
    const whileRunning = () => (holds.push('held'), () => holds.push('let go'));
    const background = workerClustering(path.join(__dirname, '../../support/clusteringWorkerSource.cjs'), whileRunning)!;
    const answered = background({ docs, registry }, { serialized: true });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(holds, ['held'], 'held from the start of the clustering');
    const { snapshot, lookAlikes } = await answered;
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(holds, ['held', 'let go'], 'let go once it has answered');
    const { lookAlikes: _list, lookAlikesAt: _at, ...entities } = here.entities;
    assert.deepEqual(snapshot, { ...here, entities: { ...entities, lookAlikesLater: true } }, 'the clustering first, without its look-alikes');
    const late = await lookAlikes!;
    assert.deepEqual(withLookAlikes(snapshot, late.columns), here);
    assert.deepEqual(unpackApart(late.serialized!), here, 'serialised with them, for the cache');
  });

  it('lets go of its hold when the clustering is stopped, and takes none for one stopped before it starts', async () => {
    const docs = corpus(DOCS_PER_PART * 2 + 37, 12);
    const registry = { entities: [], notEntities: [] };
    const holds: string[] = [];
    const whileRunning = () => (holds.push('held'), () => holds.push('let go'));
    const background = workerClustering(path.join(__dirname, '../../support/clusteringWorkerSource.cjs'), whileRunning)!;
    const stopping = new AbortController();
    const answered = background({ docs, registry }, { signal: stopping.signal });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(holds, ['held']);
    stopping.abort();
    await assert.rejects(answered);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(holds, ['held', 'let go'], 'let go once stopped');
    await assert.rejects(background({ docs, registry }, { signal: AbortSignal.abort() }));
    assert.deepEqual(holds, ['held', 'let go'], 'no hold for a clustering stopped before it started');
  });
});
