import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LookAlikeIndex, type LookAlikeEntity } from '../../../server/src/core/entities/lookAlikeIndex';
import type { EntityType } from '../../../server/src/core/types';

/**
 * The look-alike index kept as entities come, go and are replaced (lookAlikeIndex.ts) must find, for every entity it
 * holds, what an index made at once of the same entities finds, including what it remembered from before the change.
 * (That what an index finds are look-alikes is checked against the clustering's name search in
 * test/unit/worklist/possibleMerges.test.ts, and by the examples below.)
 */

const SPELLINGS = ['Lakhamphong', 'Lakhamfong', 'Vilay Lakhamphong', 'Vilay Lakhamfong', 'European Union', 'EU', 'Party', 'Lao Party', 'Vietnam', 'Viet Nam', 'Việt Nam', 'Ministry of Defence', 'MOD', 'Ministry of Development'];
const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'MISC'];

const entity = fc.record({
  spellings: fc.uniqueArray(fc.constantFrom(...SPELLINGS), { minLength: 1, maxLength: 3 }),
  type: fc.constantFrom(...TYPES),
  mentionCount: fc.integer({ min: 0, max: 3 }),
});

const step = fc.oneof(
  fc.record({ op: fc.constant('add' as const), entity }),
  fc.record({ op: fc.constant('remove' as const), which: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), which: fc.nat(), entity, keepNames: fc.boolean() }),
);

describe('look-alike index', () => {
  for (const [label, options] of [
    ['as used', {}],
    ['with lists of more than two not looked through, and its table made again often', { maxBlock: 2, tableSlack: 0 }],
  ] as const) {
    it(`finds, after any adds, removals and replacements, what an index made at once finds, remembered or not (${label})`, () => {
      fc.assert(
        fc.property(
          fc.array(step, { minLength: 1, maxLength: 30 }),
          fc.array(fc.record({ ask: fc.boolean(), limit: fc.integer({ min: 1, max: 4 }) }), { minLength: 30, maxLength: 30 }),
          (steps, asks) => {
            const index = new LookAlikeIndex<LookAlikeEntity>(options);
            const held = new Map<number, LookAlikeEntity>();
            let made = 0;
            const make = (e: { spellings: string[]; type: EntityType; mentionCount: number }, id = `e${made++}`): LookAlikeEntity => ({
              entityId: id,
              canonical: e.spellings[0],
              type: e.type,
              spellings: new Map(e.spellings.map((s) => [s, 1])),
              mentionCount: e.mentionCount,
            });
            steps.forEach((s, k) => {
              const slots = [...held.keys()];
              if (s.op === 'add') {
                const e = make(s.entity);
                held.set(index.add(e), e);
              } else if (slots.length) {
                const slot = slots[s.which % slots.length];
                held.delete(slot);
                if (s.op === 'remove') index.remove(slot);
                else {
                  const before = index.entity(slot)!;
                  // The same entity again with its names in a new map, in another order (its mentions moved), its count
                  // changed or not; or another entity.
                  const e = s.keepNames
                    ? { ...before, spellings: new Map([...before.spellings].reverse()), mentionCount: before.mentionCount + (s.which % 2) }
                    : make(s.entity);
                  held.set(index.replace(slot, e), e);
                }
              }
              // What an index made at once of the entities held, in the order of their slots, finds.
              const inOrder = [...held].sort((a, b) => a[0] - b[0]);
              const whole = new LookAlikeIndex<LookAlikeEntity>(options);
              for (const [, e] of inOrder) whole.add(e);
              const { ask, limit } = asks[k];
              for (const [i, [slot, e]] of inOrder.entries()) {
                const expected = whole.of(i, limit).map((j) => inOrder[j][1].entityId);
                // Asked for now, or not (then remembered from an earlier step, or found afresh).
                if (ask || k === steps.length - 1) assert.deepEqual(index.remembered(slot, limit).map((j) => index.entity(j)!.entityId), expected, e.entityId);
                assert.equal(index.entity(slot), e);
              }
            });
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('does not look through a list longer than its limit', () => {
    for (const [maxBlock, expected] of [[500, ['party-misc', 'party-person']], [2, []]] as const) {
      const index = new LookAlikeIndex<LookAlikeEntity>({ maxBlock });
      const [first] = (['ORG', 'MISC', 'PERSON'] as const).map((type) =>
        index.add({ entityId: `party-${type.toLowerCase()}`, canonical: 'Party', type, spellings: new Map([['Party', 1]]), mentionCount: 1 }),
      );
      assert.deepEqual(
        index.of(first, 8).map((j) => index.entity(j)!.entityId),
        expected,
      );
    }
  });

  it('finds a new look-alike after its table was made again, not what it remembered before', () => {
    const index = new LookAlikeIndex<LookAlikeEntity>({ tableSlack: 0 });
    const add = (entityId: string, spelling: string) => index.add({ entityId, canonical: spelling, type: 'PERSON', spellings: new Map([[spelling, 1]]), mentionCount: 1 });
    const a = add('lakhamphong', 'Lakhamphong');
    const others = ['Somsavath', 'Inthavong', 'Vongsa', 'Khamphet'].map((s) => add(s.toLowerCase(), s));
    for (const slot of others) index.remove(slot);
    assert.deepEqual(index.remembered(a, 8), []);
    // Five spellings met, one held: adding a second makes the table again.
    add('lakhamfong', 'Lakhamfong');
    assert.deepEqual(
      index.remembered(a, 8).map((j) => index.entity(j)!.entityId),
      ['lakhamfong'],
    );
  });

  it('offers the same words under another type, one spelling apart under one type, and acronyms', () => {
    const index = new LookAlikeIndex<LookAlikeEntity>();
    const add = (entityId: string, type: EntityType, ...spellings: string[]) =>
      index.add({ entityId, canonical: spellings[0], type, spellings: new Map(spellings.map((s) => [s, 1])), mentionCount: 1 });
    const party = add('party-org', 'ORG', 'Party');
    add('party-misc', 'MISC', 'Party');
    const lakhamphong = add('lakhamphong', 'PERSON', 'Lakhamphong');
    add('lakhamfong', 'PERSON', 'Lakhamfong');
    add('lakhamfang', 'PERSON', 'Lakhamfang');
    add('lakhamfang-place', 'LOCATION', 'Lakhamfang');
    const eu = add('eu', 'ORG', 'EU');
    add('european-union', 'ORG', 'European Union');
    const ids = (slot: number) => index.of(slot, 8).map((j) => index.entity(j)!.entityId);
    assert.deepEqual(ids(party), ['party-misc']);
    // The same words by their keys (ph/f) whatever the type; one letter apart only under the same type.
    assert.deepEqual(ids(lakhamphong), ['lakhamfang', 'lakhamfong']);
    assert.deepEqual(ids(eu), ['european-union']);
  });
});
