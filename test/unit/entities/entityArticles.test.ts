import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityArticles, type EntityWork } from '../../../server/src/core/entities/entityArticles';
import { nameFormOf } from '../../../server/src/core/entities/nameForm';

interface Article {
  readonly uri: string;
  /** Its names: mention `i` is `Name i`, at `10 * i`. */
  readonly count: number;
}

const form = nameFormOf('Name', 'PERSON');
const read = (_article: Article, mentions: readonly number[]): EntityWork[] =>
  mentions.map((i) => ({ entity: { start: 10 * i, end: 10 * i + 4, text: 'Name', type: 'PERSON' }, form, core: true }));

describe("an entity's mentions by article", () => {
  it('holds its articles in corpus order with their mentions, whatever articles come and go (one article, several, many)', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constant(true), article: fc.integer({ min: 0, max: 59 }), mentions: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ add: fc.constant(false), article: fc.integer({ min: 0, max: 59 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const entity = new EntityArticles<Article>(read);
        const model = new Map<string, { article: Article; mentions: number[] }>();
        for (const o of ops) {
          const uri = `file:///corpus/a${String(o.article).padStart(2, '0')}.txt`;
          const had = model.get(uri);
          if (o.add) {
            if (had) continue; // an article is added once, until it is taken away
            const article = { uri, count: 6 };
            const mentions = [...o.mentions].sort((a, b) => a - b);
            entity.add(article, mentions);
            model.set(uri, { article, mentions });
          } else {
            // Taking away an article it does not hold (or another object of the same uri) changes nothing.
            entity.remove(had?.article ?? { uri, count: 6 });
            model.delete(uri);
          }
          const expected = [...model.values()].sort((a, b) => (a.article.uri < b.article.uri ? -1 : 1));
          assert.equal(entity.size, expected.length);
          assert.deepEqual(entity.articles(), expected.map((e) => e.article));
          const seen: [string, number][] = [];
          entity.forEachMention((a, w) => seen.push([a.uri, w.entity.start / 10]));
          assert.deepEqual(seen, expected.flatMap((e) => e.mentions.map((m) => [e.article.uri, m] as [string, number])));
          const summary = entity.summary();
          assert.equal(summary.mentionCount, seen.length);
          assert.deepEqual(summary.first, expected.length ? { uri: expected[0].article.uri, start: 10 * expected[0].mentions[0] } : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
