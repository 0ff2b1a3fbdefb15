import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LookAlikeIndex, type LookAlikeEntity } from '../../../server/src/core/entities/lookAlikeIndex';
import { allLookAlikes } from '../../../server/src/core/entities/lookAlikes';
import type { EntityType } from '../../../server/src/core/types';

/**
 * The look-alike index kept as entities come, go and are replaced (lookAlikeIndex.ts) must find, for every entity it
 * holds, what an index made at once of the same entities finds (`allLookAlikes`), including what it remembered from
 * before the change.
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
  it('finds, after any adds, removals and replacements, what an index made at once finds, remembered or not', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (steps, ask) => {
        const index = new LookAlikeIndex<LookAlikeEntity>();
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
              // The same entity again (its mentions changed, not its names), or another one.
              const e = s.keepNames ? { ...before } : make(s.entity);
              held.set(index.replace(slot, e), e);
            }
          }
          const inOrder = [...held];
          const whole = allLookAlikes(
            inOrder.map(([, e]) => e),
            3,
          );
          for (const [i, [slot, e]] of inOrder.entries()) {
            const expected = (whole.get(i) ?? []).map((j) => inOrder[j][1].entityId);
            // Asked for now, or not (then remembered from an earlier step, or found afresh).
            if (ask[k] || k === steps.length - 1) assert.deepEqual(index.remembered(slot, 3).map((j) => index.entity(j)!.entityId), expected, e.entityId);
            assert.equal(index.entity(slot), e);
          }
        });
      }),
      { numRuns: 300 },
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
