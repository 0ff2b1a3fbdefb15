import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { allLookAlikes, STORED_LOOK_ALIKES } from '../../../server/src/core/entities/lookAlikes';
import { clusterEntities, createCorpusService, lookAlikeColumns, lookAlikeEntity, snapshotOfClustering, possibleMerges, NEVER_CANCELLED } from '../../../server/src/core/index';
import { CorpusIndexer } from '../../../server/src/lsp/indexer';
import type { Workspace } from '../../../server/src/lsp/workspace';
import type { BackgroundClustering, ClusterInBackground, LateLookAlikes } from '../../../server/src/node/backgroundClustering';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { SEEDS_DIR, waitFor } from '../../support/workspace';

const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().map((n) => ({ uri: `/ws/${n}`, text: readFileSync(path.join(SEEDS_DIR, n), 'utf8') }));
const quiet = { info() {}, warn() {}, error() {}, log() {} };

describe('rebuilds of the corpus clustering after pauses in editing', () => {
  it('pauses that come while a rebuild runs are coalesced into one rebuild after it, from the corpus as it is then', async () => {
    // A service that does not keep its clustering up to date article by article: rebuilds go to the worker.
    const service = { ...createCorpusService({ nerModel: loadNerModel() }), clusteringIsIncremental: () => false, *incrementalClusteringInSlices() {} };
    for (const d of seeds) service.setDocument(d.uri, d.text);
    // A clustering worker that answers when told to.
    const calls: { input: Parameters<ClusterInBackground>[0]; answer: () => void }[] = [];
    const background: ClusterInBackground = (input) =>
      new Promise<BackgroundClustering>((resolve) => {
        calls.push({ input, answer: () => resolve({ snapshot: snapshotOfClustering(clusterEntities(input.docs, input.registry), input.docs.map((d) => d.uri)) }) });
      });
    const workspace = { ready: Promise.resolve(), all: () => [] } as unknown as Workspace;
    const indexer = new CorpusIndexer({ console: quiet } as unknown as Connection, workspace, service, () => true, background);
    const indexing = indexer.indexAll();
    (await waitFor('the indexing clustering', () => calls[0])).answer();
    await indexing;

    let rebuilt = 0;
    // Each edit changes a name (an edit that keeps the names only moves mentions, and needs no rebuild).
    const met = ['Sonexay Siphandone', 'Bounthong Chitmany', 'Thongloun Sisoulith', 'Souksavanh Keomany', 'Phan Van Giang'];
    const edit = (k: number) => {
      service.setDocument(seeds[0].uri, `Edit ${k}: General Chansamone Chanyalath met ${met[k - 1]}.\n\n${seeds[0].text}`);
      indexer.refreshSoon(() => rebuilt++, 0);
    };
    edit(1);
    await waitFor('a rebuild', () => calls[1]);
    for (let k = 2; k <= 5; k++) {
      edit(k);
      await new Promise((r) => setImmediate(r)); // the pause's timer fires while the rebuild runs
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.equal(calls.length, 2, 'no rebuild queued per pause');
    calls[1].answer();
    (await waitFor('one rebuild after it', () => calls[2])).answer();
    await waitFor('both rebuilt', () => rebuilt >= 5 && service.clusteringIsStale() === false);
    assert.equal(calls.length, 3);
    assert.ok(calls[2].input.docs.some((d) => d.entities.some((e) => e.text === 'Phan Van Giang')), 'the last rebuild saw the last edit');
    assert.ok(service.entityClustering(NEVER_CANCELLED, 'fast').mentionsOf(seeds[0].uri).some((m) => m.text === 'Chansamone Chanyalath'));
  });

  it('uses the worker’s clustering at once, and offers its look-alikes when they come after it', async () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    for (const d of seeds) service.setDocument(d.uri, d.text);
    // A worker whose look-alikes come when told to, after its clustering.
    let send = () => {};
    const background: ClusterInBackground = async (input) => {
      const clustering = clusterEntities(input.docs, input.registry);
      const snapshot = snapshotOfClustering(clustering, input.docs.map((d) => d.uri));
      const columns = lookAlikeColumns(clustering.clusters().map(lookAlikeEntity));
      const lookAlikes = new Promise<LateLookAlikes>((resolve) => (send = () => resolve({ columns })));
      return { snapshot: { ...snapshot, entities: { ...snapshot.entities, lookAlikesLater: true } }, lookAlikes };
    };
    const workspace = { ready: Promise.resolve(), all: () => [] } as unknown as Workspace;
    const indexer = new CorpusIndexer({ console: quiet } as unknown as Connection, workspace, service, () => true, background);
    let told = 0;
    indexer.onReclustered(() => told++);
    await indexer.indexAll();
    const merges = () => service.entityClustering(NEVER_CANCELLED, 'fast').clusters().filter((c) => possibleMerges(c, service.entityClustering(NEVER_CANCELLED, 'fast'), () => false).length > 0).length;
    assert.equal(merges(), 0, 'indexed before the look-alikes came: none offered yet');
    send();
    await waitFor('the views and diagnostics told', () => told === 1);
    assert.ok(merges() > 0, 'offered once they came');
  });

  it('after the first edit, the clustering is made here and kept up to date article by article: no worker after indexing', async () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    for (const d of seeds) service.setDocument(d.uri, d.text);
    let workerCalls = 0;
    const background: ClusterInBackground = async (input) => {
      workerCalls++;
      return { snapshot: snapshotOfClustering(clusterEntities(input.docs, input.registry), input.docs.map((d) => d.uri)) };
    };
    const workspace = { ready: Promise.resolve(), all: () => [] } as unknown as Workspace;
    const indexer = new CorpusIndexer({ console: quiet } as unknown as Connection, workspace, service, () => true, background);
    await indexer.indexAll();
    assert.equal(workerCalls, 1);
    assert.equal(service.clusteringIsIncremental(), false, 'not made for a corpus only read');
    let rebuilt = 0;
    for (const [k, name] of ['Phan Van Giang', 'Bounthong Chitmany'].entries()) {
      service.setDocument(seeds[0].uri, `General Chansamone Chanyalath met ${name}.\n\n${seeds[0].text}`);
      indexer.refreshSoon(() => rebuilt++, 0);
      await waitFor('the rebuild', () => rebuilt === k + 1);
      assert.equal(service.clusteringIsIncremental(), true);
      assert.equal(workerCalls, 1, 'no worker clustering');
      assert.equal(service.clusteringIsStale(), false);
      assert.ok(service.entityClustering(NEVER_CANCELLED, 'fast').mentionsOf(seeds[0].uri).some((m) => m.text === name));
    }
    // It carries look-alikes (no name search on every pass), the same as the clustering worker finds them.
    const clustering = service.entityClustering(NEVER_CANCELLED, 'fast');
    const list = clustering.clusters();
    const found = allLookAlikes(list.map(lookAlikeEntity), STORED_LOOK_ALIKES);
    const carried = list.map((c) => clustering.lookAlikesOf!(c.entityId).map((x) => x.entityId));
    assert.deepEqual(
      carried,
      list.map((_, i) => (found.get(i) ?? []).map((j) => list[j].entityId)),
    );
    assert.ok(carried.some((ids) => ids.length > 0), 'some entity has look-alikes');
  });
});
