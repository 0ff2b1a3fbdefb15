import * as assert from 'node:assert/strict';
import type { BoilerplateCluster } from '../../../server/src/core/index';
import { clusterList, MAX_CLUSTERS_PER_KIND } from '../../../server/src/lsp/boilerplateClusterList';
import { PLACES_LISTED } from '../../../server/src/protocolBoilerplate';
import { changesApplied } from '../../../client/src/boilerplateChanges';
import fc from 'fast-check';
import type { ServerContext } from '../../../server/src/lsp/context';
import { WaitingRequests } from '../../../server/src/lsp/waitingRequests';

/** A server context with just what the listing reads: the core's clusters, article texts and labels, the requests waited on. */
function contextWith(clusters: () => BoilerplateCluster[], text: string): ServerContext {
  const never = { isCancellationRequested: false };
  return {
    shutdown: never,
    service: {
      *boilerplateClustersInSlices() {
        return clusters();
      },
      getText: () => text,
    },
    workspace: { uriOf: (key: string) => `file:///w/${key}`, label: (key: string) => key },
    indexer: { waitingRequests: new WaitingRequests(), independentRequests: new WaitingRequests() },
  } as unknown as ServerContext;
}

const cluster = (kind: BoilerplateCluster['kind'], id: number, copies: number): BoilerplateCluster => ({
  id: `${kind}:${id}`,
  kind,
  text: `passage ${id}`,
  places: Array.from({ length: copies }, (_, k) => ({ uri: `a${k}.txt`, start: 0, end: 5 })),
});

describe('the Boilerplate view’s listing', () => {
  it('lists up to the same number of clusters of each kind, those with the most copies, and counts the rest by kind', async () => {
    const duplicates = Array.from({ length: MAX_CLUSTERS_PER_KIND + 5 }, (_, i) => cluster('duplicate', i, 2 + (i % 7)));
    const near = [cluster('near-duplicate', 1, 3), cluster('near-duplicate', 2, 9)];
    const chrome = [cluster('chrome', 1, 40)];
    const { list } = clusterList(contextWith(() => [...duplicates, ...near, ...chrome], 'hello\nworld'));
    const result = await list([], { isCancellationRequested: false });
    const kinds = result.clusters.map((c) => c.kind);
    assert.equal(kinds.filter((k) => k === 'duplicate').length, MAX_CLUSTERS_PER_KIND);
    assert.deepEqual(result.clusters.filter((c) => c.kind !== 'duplicate').map((c) => [c.kind, c.count]), [['near-duplicate', 9], ['near-duplicate', 3], ['chrome', 40]]);
    assert.deepEqual(result.omittedByKind, { duplicate: 5 });
    assert.equal(result.omitted, 5);
    const listedCopies = result.clusters.filter((c) => c.kind === 'duplicate').map((c) => c.count);
    assert.ok(Math.min(...listedCopies) >= 2 && listedCopies[0] === 8, 'the duplicates with the most copies first');
    assert.deepEqual(result.clusters[0].places[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
  });

  it('gives the same listing when the core keeps most clusters and replaces a few', async () => {
    let clusters = [cluster('duplicate', 1, 2), cluster('duplicate', 2, 5), cluster('chrome', 3, 4)];
    const { list } = clusterList(contextWith(() => clusters, 'hello'));
    await list([], { isCancellationRequested: false });
    clusters = [clusters[0], cluster('duplicate', 4, 3), clusters[2], cluster('near-duplicate', 5, 2)];
    const again = await list([], { isCancellationRequested: false });
    assert.deepEqual(again.clusters.map((c) => c.id), ['duplicate:4', 'duplicate:1', 'near-duplicate:5', 'chrome:3']);
  });

  it('sends the first places of a cluster with its counts, and all of them when asked for by id', async () => {
    // A line of page chrome in 30 articles, twice in each of the first five: 35 places in 30 articles.
    const places = Array.from({ length: 30 }, (_, k) => (k < 5 ? [0, 6] : [0]).map((start) => ({ uri: `a${String(k).padStart(2, '0')}.txt`, start, end: start + 5 }))).flat();
    const chrome: BoilerplateCluster = { id: 'shape:chrome', kind: 'chrome', text: 'hello', places };
    const { list, placesOf } = clusterList(contextWith(() => [chrome], 'hello\nhello'));
    const [item] = (await list([], { isCancellationRequested: false })).clusters;
    assert.equal(item.count, 35);
    assert.equal(item.articles, 30);
    assert.equal(item.places.length, PLACES_LISTED);
    assert.deepEqual(item.places.slice(0, 3).map((p) => [p.document, p.range.start.line]), [['a00.txt', 0], ['a00.txt', 1], ['a01.txt', 0]]);
    const all = await placesOf('shape:chrome', { isCancellationRequested: false });
    assert.equal(all?.length, 35);
    assert.deepEqual(all!.slice(0, PLACES_LISTED), item.places, 'the listing’s places are the first of all');
    assert.deepEqual(all!.at(-1), { uri: 'file:///w/a29.txt', document: 'a29.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } });
    assert.equal(await placesOf('shape:gone', { isCancellationRequested: false }), null);
  });

  it('answers a client that holds the last listing with what changed since, which brings its listing up to date', async () => {
    // A pool of clusters; each step lists some of them, some made again (a new object: its article changed).
    const pool = Array.from({ length: 12 }, (_, i) => cluster(i % 3 === 0 ? 'chrome' : 'duplicate', i, 2 + (i % 5)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.record({ at: fc.integer({ min: 0, max: 11 }), again: fc.boolean(), copies: fc.integer({ min: 2, max: 6 }) }), { maxLength: 8 }), { minLength: 1, maxLength: 6 }), async (steps) => {
        let now: BoilerplateCluster[] = [];
        const { list } = clusterList(contextWith(() => now, 'hello'));
        const never = { isCancellationRequested: false };
        let held = await list([], never);
        for (const step of steps) {
          const chosen = new Map<number, BoilerplateCluster>();
          for (const { at, again, copies } of step) chosen.set(at, again ? cluster(pool[at].kind, at, copies) : pool[at]);
          now = [...chosen.values()];
          const reply = await list([], never, held.version);
          assert.equal(reply.since, held.version, 'changes since the listing held');
          assert.ok(reply.clusters.length <= now.length);
          const applied = changesApplied(held, reply);
          assert.ok(applied, 'the changes fit the listing held');
          const whole = await clusterList(contextWith(() => now, 'hello')).list([], never);
          assert.deepEqual(applied.clusters, whole.clusters);
          held = applied;
        }
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });

  it('sends the whole listing to a client that holds another, and only the changed clusters to one that holds the last', async () => {
    let now = [cluster('duplicate', 1, 2), cluster('duplicate', 2, 3), cluster('chrome', 3, 4)];
    const { list } = clusterList(contextWith(() => now, 'hello'));
    const never = { isCancellationRequested: false };
    const first = await list([], never);
    now = [now[0], cluster('duplicate', 2, 5), now[2]];
    const changes = await list([], never, first.version);
    assert.deepEqual(changes.clusters.map((c) => c.id), ['duplicate:2'], 'only the cluster made again');
    assert.deepEqual(changes.removed, []);
    assert.deepEqual(changes.order, ['duplicate:2', 'duplicate:1', 'chrome:3']);
    const stale = await list([], never, first.version);
    assert.equal(stale.since, undefined, 'a listing that is not the last one: the whole listing');
    assert.equal(stale.clusters.length, 3);
    assert.equal(changesApplied(first, { ...changes, since: first.version + 7 }), undefined, 'changes since another listing do not fit');
  });
});
