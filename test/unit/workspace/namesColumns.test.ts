import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import fc from 'fast-check';
import { ENTITY_TYPES, type DocumentEntities, type RecognizedEntity } from '../../../server/src/core/index';
import { namesFromColumns, namesToColumns } from '../../../server/src/node/namesColumns';

const name: fc.Arbitrary<RecognizedEntity> = fc
  .record(
    {
      start: fc.nat(100_000),
      length: fc.integer({ min: 1, max: 60 }),
      text: fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
      type: fc.constantFrom(...ENTITY_TYPES),
      title: fc.string({ maxLength: 12 }),
      country: fc.string({ maxLength: 8 }),
      nested: fc.boolean(),
    },
    { requiredKeys: ['start', 'length', 'text', 'type'] },
  )
  .map(({ length, ...n }) => ({ ...n, end: n.start + length }));

const docs: fc.Arbitrary<DocumentEntities[]> = fc.array(
  fc.record({ uri: fc.webUrl(), entities: fc.array(name, { maxLength: 20 }) }).map((d) => ({ ...d })),
  { maxLength: 12 },
);

describe('articles’ names as columns (what the clustering worker is sent)', () => {
  it('come back as the same names, after a thread’s copy, whatever fields each has', () => {
    fc.assert(
      fc.property(docs, (given) => {
        const copied = v8.deserialize(v8.serialize(namesToColumns(given)));
        assert.deepEqual(namesFromColumns(copied), given);
      }),
    );
  });

  it('read each article’s names once (a corpus service makes them when read)', () => {
    const reads: string[] = [];
    const given = ['a.txt', 'b.txt'].map((uri) => ({
      uri,
      get entities(): RecognizedEntity[] {
        reads.push(uri);
        return [{ start: 0, end: 4, text: 'Laos', type: 'LOCATION' }];
      },
    }));
    assert.deepEqual(namesFromColumns(namesToColumns(given)).map((d) => d.entities.length), [1, 1]);
    assert.deepEqual(reads, ['a.txt', 'b.txt']);
  });

  it('hold their numbers in one typed array and their texts in one list', () => {
    const given: DocumentEntities[] = [
      { uri: 'a.txt', entities: [{ start: 0, end: 4, text: 'Laos', type: 'LOCATION' }, { start: 9, end: 14, text: 'Thong', type: 'PERSON', title: 'Minister' }] },
      { uri: 'b.txt', entities: [] },
      { uri: 'c.txt', entities: [{ start: 3, end: 10, text: 'Vietnam', type: 'LOCATION', nested: true }] },
    ];
    const columns = namesToColumns(given);
    assert.deepEqual([...columns.counts], [2, 0, 1]);
    assert.deepEqual(columns.texts, ['Laos', 'Thong', 'Vietnam']);
    assert.deepEqual([...columns.numbers], [0, 4, 0, 0, 9, 14, 1, 1, 3, 10, 0, 2]);
    assert.deepEqual(columns.types, ['LOCATION', 'PERSON']);
    assert.deepEqual(columns.rare, [{ at: 1, title: 'Minister' }, { at: 2, nested: true }]);
  });

  it('hold each text once, and give one string for a text met in several parts', () => {
    const part = (uri: string, at: number): DocumentEntities[] => [
      { uri, entities: [{ start: at, end: at + 4, text: 'Laos', type: 'LOCATION' }, { start: at + 10, end: at + 14, text: 'Laos', type: 'LOCATION' }] },
    ];
    const first = namesToColumns(part('a.txt', 0));
    assert.deepEqual(first.texts, ['Laos']);
    const strings = new Map<string, string>();
    // Copied as a thread copies a message: each part's texts are strings of their own.
    const [a] = namesFromColumns(v8.deserialize(v8.serialize(first)), strings);
    const [b] = namesFromColumns(v8.deserialize(v8.serialize(namesToColumns(part('b.txt', 7)))), strings);
    assert.deepEqual(a, part('a.txt', 0)[0]);
    assert.deepEqual(b, part('b.txt', 7)[0]);
    // One string kept for the text of both parts (JavaScript cannot tell two equal strings apart: the map's size says it).
    assert.deepEqual([...strings], [['Laos', 'Laos']]);
  });
});
