import * as assert from 'node:assert/strict';
import { clusterEntities, type DocumentEntities } from '../../../server/src/core/entities/aliases';
import { typeOfName } from '../../../server/src/core/entities/clusterType';
import type { EntityType, RecognizedEntity } from '../../../server/src/core/types';

/** An article naming `name` once per type given, in that order. */
function article(uri: string, name: string, types: readonly EntityType[]): DocumentEntities {
  let text = '';
  const entities: RecognizedEntity[] = [];
  for (const type of types) {
    text += 'Officials in ';
    entities.push({ start: text.length, end: text.length + name.length, text: name, type });
    text += `${name} said so. `;
  }
  return { uri, entities };
}

/** A corpus of one article per reading, so that readings can be added one article at a time. */
function corpus(name: string, readings: readonly EntityType[], prefix = 'a'): DocumentEntities[] {
  return readings.map((t, i) => article(`${prefix}-${String(i).padStart(3, '0')}.txt`, name, [t]));
}

function typeOf(docs: readonly DocumentEntities[], name: string): EntityType {
  const clusters = clusterEntities(docs).clusters().filter((c) => c.spellings.has(name));
  assert.equal(clusters.length, 1, `one entity named ${name}`);
  return clusters[0].type;
}

const times = (n: number, t: EntityType): EntityType[] => Array.from({ length: n }, () => t);

describe("an entity's type", () => {
  it('is what the name says for a known place read as an organisation as often as a place (a tie)', () => {
    assert.equal(typeOf(corpus('Hanoi', [...times(3, 'ORG'), ...times(3, 'LOCATION')]), 'Hanoi'), 'LOCATION');
    assert.equal(typeOf(corpus('Hanoi', [...times(3, 'LOCATION'), ...times(3, 'ORG')]), 'Hanoi'), 'LOCATION');
  });

  it('does not flip when one more mention near a tie is read otherwise, whichever article it is in', () => {
    const near = corpus('Hanoi', [...times(3, 'ORG'), ...times(3, 'LOCATION')]);
    for (const uri of ['0-first.txt', 'z-last.txt']) {
      assert.equal(typeOf([...near, article(uri, 'Hanoi', ['ORG'])], 'Hanoi'), 'LOCATION', `an ORG reading added in ${uri}`);
      assert.equal(typeOf([...near, article(uri, 'Hanoi', ['LOCATION'])], 'Hanoi'), 'LOCATION', `a LOCATION reading added in ${uri}`);
    }
    // Added one at a time, the type stays until the other readings outnumber the name's own more than two to one.
    const seen: EntityType[] = [];
    for (let orgs = 3; orgs <= 7; orgs++) seen.push(typeOf(corpus('Hanoi', [...times(orgs, 'ORG'), ...times(3, 'LOCATION')]), 'Hanoi'));
    assert.deepEqual(seen, ['LOCATION', 'LOCATION', 'LOCATION', 'LOCATION', 'ORG']);
  });

  it('is the same whatever the order of the articles', () => {
    const docs = [...corpus('Hanoi', times(4, 'ORG'), 'x'), ...corpus('Hanoi', times(3, 'LOCATION'), 'b')];
    assert.equal(typeOf(docs, 'Hanoi'), typeOf([...docs].reverse(), 'Hanoi'));
  });

  it("follows an organisation's head word, and a place's", () => {
    assert.equal(typeOf(corpus('Vientiane Times', [...times(3, 'LOCATION'), ...times(2, 'ORG')]), 'Vientiane Times'), 'ORG');
    assert.equal(typeOf(corpus('Xaysomboun Province', [...times(3, 'ORG'), ...times(3, 'LOCATION')]), 'Xaysomboun Province'), 'LOCATION');
    assert.equal(typeOf(corpus('Ministry of Public Security', [...times(2, 'LOCATION'), ...times(2, 'ORG')]), 'Ministry of Public Security'), 'ORG');
  });

  it('is the majority when the name says nothing, a tie going to the readings of the canonical name itself', () => {
    assert.equal(typeOf(corpus('Wattay', [...times(3, 'LOCATION'), ...times(1, 'ORG')]), 'Wattay'), 'LOCATION');
    // `Wattay` (3 mentions) is the canonical name; `WATTAY`-style variants count for the entity, not for the tie-break.
    const docs = [
      ...corpus('Wattay', [...times(2, 'LOCATION'), 'ORG'], 'a'),
      ...corpus('Wat Tay', times(1, 'ORG'), 'b'),
    ];
    const clustering = clusterEntities(docs);
    const c = clustering.clusters().find((x) => x.spellings.has('Wattay'))!;
    assert.ok(c.spellings.has('Wat Tay'), 'one entity');
    assert.equal(c.canonical, 'Wattay');
    assert.equal(c.type, 'LOCATION');
  });

  it('says nothing for names that are neither known nor headed', () => {
    assert.equal(typeOfName('Hanoi'), 'LOCATION');
    assert.equal(typeOfName('ASEAN'), 'ORG');
    assert.equal(typeOfName('Wattay'), undefined);
    assert.equal(typeOfName('Khamliang Outhakaysone'), undefined);
  });
});
