import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityArticles, type EntityWork } from '../../../server/src/core/entities/entityArticles';
import { nameFormOf } from '../../../server/src/core/entities/nameForm';

interface Article {
  readonly uri: string;
  /** Its names: mention `i` is `Name`, at `10 * i`. */
  readonly count: number;
}

const form = nameFormOf('Name', 'PERSON');
const read = (_article: Article, mentions: readonly number[]): EntityWork[] =>
  mentions.map((i) => ({ entity: { start: 10 * i, end: 10 * i + 4, text: 'Name', type: 'PERSON' }, form, core: true }));

describe("an entity's mentions by article", () => {
  const defaultTally = EntityArticles.tallyFrom;
  afterEach(() => (EntityArticles.tallyFrom = defaultTally));
  it('holds its articles in corpus order with their mentions, whatever articles come and go (one, several, 32 and more; counted or not)', () => {
    const article = fc.integer({ min: 0, max: 59 });
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), article, mentions: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), article }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), article }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150, size: 'max' }), fc.constantFrom(0, 8, 256), (ops, tallyFrom) => {
        EntityArticles.tallyFrom = tallyFrom;
        const entity = new EntityArticles<Article>(read);
        const model = new Map<string, { article: Article; mentions: number[] }>();
        const check = (): void => {
          const expected = [...model.values()].sort((a, b) => (a.article.uri < b.article.uri ? -1 : 1));
          assert.equal(entity.size, expected.length);
          assert.deepEqual(entity.articles(), expected.map((e) => e.article));
          const seen: [string, number][] = [];
          entity.forEachMention((a, w) => seen.push([a.uri, w.entity.start / 10]));
          assert.deepEqual(seen, expected.flatMap((e) => e.mentions.map((m) => [e.article.uri, m] as [string, number])));
          const summary = entity.summary();
          assert.equal(summary.mentionCount, seen.length);
          assert.deepEqual([...summary.spellings], seen.length ? [['Name', seen.length]] : []);
          assert.deepEqual(summary.first, expected.length ? { uri: expected[0].article.uri, start: 10 * expected[0].mentions[0] } : undefined);
        };
        for (const o of ops) {
          const uri = `file:///corpus/a${String(o.article).padStart(2, '0')}.txt`;
          const had = model.get(uri);
          if (o.kind === 'add') {
            if (had) continue;
            const a = { uri, count: 6 };
            const mentions = [...o.mentions].sort((x, y) => x - y);
            entity.add(a, mentions);
            model.set(uri, { article: a, mentions });
          } else if (o.kind === 'remove') {
            entity.remove(had?.article ?? { uri, count: 6 });
            model.delete(uri);
          } else entity.remove({ uri, count: 6 }); // another object of the same uri: nothing changes
          check();
        }
        // Then every article taken away, in the order added (not uri order): many, several, one, none.
        for (const [uri, { article: a }] of model) {
          entity.remove(a);
          model.delete(uri);
          check();
        }
      }),
      { numRuns: 300 },
    );
  });
});
