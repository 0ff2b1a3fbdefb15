import * as assert from 'node:assert/strict';
import { bucketOf, buildTimeline, timelineOfDocument, TimelineStore, type TimelineSource } from '../../../server/src/core/timeline/index';
import { findDocumentDate, recognizeDates } from '../../../server/src/core/dates/index';

function source(uri: string, text: string): TimelineSource {
  const documentDate = findDocumentDate(text);
  const dates = recognizeDates(text, { includeDurations: true, documentDate: documentDate ?? null });
  return { uri, text, dates, documentDate };
}

/** What the server keeps of an article: its entries, with a payload. */
function entriesOf(s: TimelineSource) {
  const placed = timelineOfDocument(s);
  if (!placed.length) return undefined;
  return { entries: placed.map((p) => ({ ...p, payload: `${p.entry.uri}@${p.entry.start}:${p.entry.value}` })) };
}

/** A store fingerprinting what a client sees of an entry: its payload and sentence. */
const newStore = () => new TimelineStore<string>((e) => JSON.stringify([e.payload, e.entry.sentence]));

const A = 'VIENTIANE, Jun 30, 2021, Vientiane Times. The meeting was held on June 28. The plan covers 2021–2023.';
const B = 'Hanoi, March 3, 2020 (VNA) The plan runs in 2021. Talks began on March 2 and ended on April 1.';
const C = 'Talks were held in Hanoi on June 2. The guest came on June 1.';
const D = 'A note on the ministry, with nothing said of when.';

describe('TimelineStore: the timeline kept one article at a time', () => {
  const fresh = (sources: TimelineSource[]) => buildTimeline(sources).map((e) => `${e.uri}@${e.start}:${e.value}`);

  it('after articles are changed, added and removed, equals a fresh build of the same texts, bucket by bucket', () => {
    const store = newStore();
    let texts = new Map([['a.txt', A], ['b.txt', B], ['c.txt', C], ['d.txt', D]]);
    store.apply(new Map([...texts].map(([uri, text]) => [uri, entriesOf(source(uri, text))])));
    assert.deepEqual(store.ordered().map((e) => e.payload), fresh([...texts].map(([u, t]) => source(u, t))));

    const steps: [string, string | undefined][] = [
      ['b.txt', B.replace('March 2', 'February 27')], // a date moves to another month
      ['c.txt', `${C} They meet again on 5 May 2021.`], // an undated article gains a dated mention
      ['a.txt', undefined], // removed
      ['e.txt', 'Bangkok, 12 January 2021. Officials met on January 10.'], // added
      ['d.txt', `${D} Maybe later.`], // still without dates
    ];
    for (const [uri, text] of steps) {
      if (text === undefined) texts.delete(uri);
      else texts.set(uri, text);
      store.apply(new Map([[uri, text === undefined ? undefined : entriesOf(source(uri, text))]]));
      texts = new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1)));
      const expected = fresh([...texts].map(([u, t]) => source(u, t)));
      assert.deepEqual(store.ordered().map((e) => e.payload), expected, `after ${uri}`);
      const entries = buildTimeline([...texts].map(([u, t]) => source(u, t)));
      for (const { key, count } of store.outline()) {
        const inBucket = entries.filter((e) => bucketOf(e) === key).map((e) => `${e.uri}@${e.start}:${e.value}`);
        assert.deepEqual(store.bucket(key).map((e) => e.payload), inBucket, `bucket ${key} after ${uri}`);
        assert.equal(count, inBucket.length);
      }
      assert.equal(store.outline().reduce((n, b) => n + b.count, 0), expected.length);
    }
  });

  it('says which buckets changed, and that nothing did for an article whose entries are the same', () => {
    const store = newStore();
    store.apply(new Map([['b.txt', entriesOf(source('b.txt', B))], ['d.txt', entriesOf(source('d.txt', D))]]));
    const version = store.version;
    assert.deepEqual(store.apply(new Map([['b.txt', entriesOf(source('b.txt', B))]])), [], 'the same entries');
    assert.deepEqual(store.apply(new Map([['d.txt', entriesOf(source('d.txt', `${D} Really.`))]])), [], 'still no dates');
    assert.equal(store.version, version, 'the version stays');
    const changed = store.apply(new Map([['b.txt', entriesOf(source('b.txt', B.replace('March 2', 'February 27')))]]));
    // March 2 left March for February; April 1's sentence changed with it; 2021 and March 3 (the dateline) did not.
    assert.deepEqual(changed, ['2020-02', '2020-03', '2020-04'], 'the buckets whose entries changed, not the others of the article');
    assert.equal(store.version, version + 1);
  });

  it('orders buckets as the tree: years before their months, then unknown-year, then undated', () => {
    const store = newStore();
    store.apply(new Map([['a.txt', entriesOf(source('a.txt', A))], ['c.txt', entriesOf(source('c.txt', C))]]));
    const keys = store.outline().map((b) => b.key);
    assert.deepEqual(keys, ['2021', '2021-06', 'unknown-year']);
  });

  it('fingerprints entries only when an article is set again (the first build has nothing to compare)', () => {
    let printed = 0;
    const store = new TimelineStore<string>((e) => (printed++, e.payload));
    store.apply(new Map([['a.txt', entriesOf(source('a.txt', A))], ['b.txt', entriesOf(source('b.txt', B))]]));
    assert.equal(printed, 0);
    assert.deepEqual(store.outline().map((b) => b.key), ['2020-03', '2020-04', '2021', '2021-06']);
    assert.deepEqual(store.apply(new Map([['a.txt', entriesOf(source('a.txt', A))]])), []);
    const aEntries = entriesOf(source('a.txt', A))!.entries.length;
    assert.equal(printed, 2 * aEntries, "a's entries, kept and new, once each");
  });
});
