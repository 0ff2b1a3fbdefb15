import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NameVotes } from '../../../server/src/core/entities/nameVotes';
import { chooseCanonical } from '../../../server/src/core/entities/clusterNames';
import { entityType, typeOfName } from '../../../server/src/core/entities/clusterType';
import { ENTITY_TYPES, type EntityType } from '../../../server/src/core/types';

interface Vote {
  form: string;
  core: boolean;
  type: EntityType;
}

/** The choice made from every mention's tallies at once (one type: that type), as the canonical name and type are defined. */
function fromAllTallies(votes: readonly Vote[]): { canonical: string; typeOf: (name: string) => EntityType } {
  const core = new Map<string, number>();
  const other = new Map<string, number>();
  const types = new Map<EntityType, number>();
  const typesOfForm = new Map<string, Map<EntityType, number>>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const v of votes) {
    bump(v.core ? core : other, v.form);
    bump(types, v.type);
    if (!typesOfForm.has(v.form)) typesOfForm.set(v.form, new Map());
    bump(typesOfForm.get(v.form)!, v.type);
  }
  const oneForm = votes.every((v) => v.form === votes[0]?.form && v.core === votes[0]?.core);
  const canonical = oneForm && votes.length ? votes[0].form : chooseCanonical(core.size > 0 ? core : other);
  if (types.size === 1) return { canonical, typeOf: () => votes[0].type };
  return { canonical, typeOf: (name) => entityType(types, typesOfForm.get(name) ?? new Map(), () => typeOfName(name)) };
}

describe('name votes', () => {
  it('choose the canonical name and type as tallies of every mention would, however late the first difference comes', () => {
    const vote = fc.record({
      form: fc.constantFrom('Vietnam', 'Việt Nam', 'VIETNAM', 'Viet Nam', 'Hanoi'),
      core: fc.boolean(),
      type: fc.constantFrom(...ENTITY_TYPES),
    });
    // Runs of one mention repeated, so the first mention unlike the first comes after many alike.
    const votes = fc.array(fc.tuple(vote, fc.integer({ min: 1, max: 6 })), { maxLength: 8 }).map((runs) => runs.flatMap(([v, n]) => Array.from({ length: n }, () => v)));
    fc.assert(
      fc.property(votes, (list) => {
        const counted = new NameVotes();
        for (const v of list) counted.add(v.form, v.core, v.type);
        const got = counted.result();
        const want = fromAllTallies(list);
        assert.equal(counted.mentionCount, list.length);
        assert.equal(got.canonical, want.canonical);
        for (const name of [got.canonical, 'Vietnam', 'Hanoi', 'Somewhere Else']) assert.equal(got.type(name), want.typeOf(name), name);
      }),
      { numRuns: 300 },
    );
  });
});
