/**
 * The timeline of a reopened workspace, made from the analyses the persistent cache kept (names and dates, not
 * resolved again): the same as a fresh build's, the tree's outline and buckets at once and the whole timeline (with
 * every date's inBoilerplate) once the boilerplate pass is done.
 */
import * as assert from 'node:assert/strict';
import { TimelineRequests, type TimelineItemsResult, type TimelineOutline, type TimelineResult } from '../../server/src/protocolTimeline';
import { cachedWorkspaceEachTest, startCachedServer } from '../support/cachedServer';

describe('the timeline of a reopened workspace', function () {
  this.timeout(120_000);
  let root: string;
  let cacheDir: string;
  let articles: string[];
  cachedWorkspaceEachTest('timeline-cache-lsp-', (w) => ({ root, cacheDir, articles } = w));

  /** Every bucket's mentions, in outline order. */
  const buckets = async (server: Awaited<ReturnType<typeof startCachedServer>>, outline: TimelineOutline) => {
    const out: TimelineItemsResult['items'][] = [];
    for (const b of outline.buckets) out.push((await server.request<TimelineItemsResult>(TimelineRequests.items.method, { bucket: b.key })).items);
    return out;
  };

  it('equals the fresh build’s: its outline and buckets, and the whole timeline with the dates in boilerplate marked', async () => {
    const first = await startCachedServer(root, cacheDir);
    assert.equal(first.stats?.fromCache, 0);
    const fresh = await first.request<TimelineResult>(TimelineRequests.timeline.method);
    const freshOutline = await first.request<TimelineOutline>(TimelineRequests.outline.method);
    const freshBuckets = await buckets(first, freshOutline);
    assert.ok(fresh.items.length > 10 && fresh.items.some((i) => i.inBoilerplate), 'the seeds have dates, some in boilerplate');
    await first.stop();

    const reopened = await startCachedServer(root, cacheDir);
    assert.deepEqual(reopened.stats, { articles: articles.length, analysed: 0, fromCache: articles.length, clusteringFromCache: true });
    // The tree first: its outline (counts do not depend on boilerplate), then every bucket.
    const outline = await reopened.request<TimelineOutline>(TimelineRequests.outline.method);
    assert.deepEqual(outline.buckets, freshOutline.buckets);
    assert.deepEqual(outline.articles, freshOutline.articles);
    const whole = await reopened.request<TimelineResult>(TimelineRequests.timeline.method);
    assert.deepEqual({ ...whole, version: 0 }, { ...fresh, version: 0 });
    assert.deepEqual(await buckets(reopened, await reopened.request<TimelineOutline>(TimelineRequests.outline.method)), freshBuckets);
    await reopened.stop();
  });
});
