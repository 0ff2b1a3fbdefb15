import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterEntities, mentionCountOf, type DocumentEntities, type EntityClustering } from '../../../server/src/core/entities/aliases';
import { IncrementalClustering, type ArticleNames, type NamesGiven } from '../../../server/src/core/entities/incrementalClustering';
import { EntityArticles } from '../../../server/src/core/entities/entityArticles';
import { LiveFormGraph } from '../../../server/src/core/entities/liveFormGraph';
import type { EntityRegistry } from '../../../server/src/core/entities/registry';
import { allLookAlikes, lookAlikeEntity, STORED_LOOK_ALIKES } from '../../../server/src/core/entities/lookAlikes';
import { runToEnd } from '../../../server/src/core/slices';
import type { EntityType, RecognizedEntity } from '../../../server/src/core/types';

/**
 * The clustering kept up to date article by article (incrementalClustering.ts) must be, after any sequence of edits,
 * what a full clustering of the same articles gives (aliases.ts): every entity's id, name, type, spellings, titles,
 * notes and mentions, and every article's mentions.
 */

/**
 * Names that exercise each rule: spelling variants, one compact spelling, acronyms and their long forms (one set of
 * initials shared by two long forms), partial person names (one token shared by two people), titles, a name read as
 * two types, slugs that collide (`Foo` as a person and an organisation, and `Foo Person`), a non-entity,
 * organisations one edit apart, two registry entities written alike.
 */
const NAMES: readonly [string, EntityType, string?][] = [
  ['Khamliang Outhakaysone', 'PERSON'],
  ['Khamlieng Outhakaysone', 'PERSON'],
  ['Khamlieng', 'PERSON'],
  ['Outhakaysone', 'PERSON'],
  ['Pham Minh Chinh', 'PERSON'],
  ['Minh Chinh', 'PERSON'],
  ['Chinh', 'PERSON'],
  ['Nguyen Chinh', 'PERSON'],
  ['Vilay Lakhamphong', 'PERSON', 'Lt Gen'],
  ['Lt Gen Vilay', 'PERSON'],
  ['Vilay', 'PERSON'],
  ['Việt Nam', 'LOCATION'],
  ['Vietnam', 'LOCATION'],
  ['Vietnam', 'ORG'],
  ['Viet Nam', 'LOCATION'],
  ['VIETNAM', 'LOCATION'],
  ['European Union', 'ORG'],
  ['EU', 'ORG'],
  ['Ministry of Public Security', 'ORG'],
  ['Ministry of Planning Services', 'ORG'],
  ['MPS', 'ORG'],
  ['Laos', 'LOCATION'],
  ['Lao People’s Revolutionary Party', 'ORG'],
  ['Foo', 'PERSON'],
  ['Foo', 'ORG'],
  ['Foo Person', 'ORG'],
  ['Ministry', 'ORG'],
  ['ASEAN', 'ORG'],
  ['Association of Southeast Asian Nations', 'ORG'],
  // Joined only as spelling variants of one slot (every word the same but one, within an edit; one a letter longer).
  ['Vientiane Times', 'ORG'],
  ['Vientaine Times', 'ORG'],
  ['Asian Development Bank', 'ORG'],
  ['Asian Developement Bank', 'ORG'],
  // Two registry entities written alike (CONTESTED), and a name between them that joins the one a full clustering meets first.
  ['Somsak Phanthavong', 'PERSON'],
  ['Somsack Phanthavang', 'PERSON'],
  ['Somsack Phanthavong', 'PERSON'],
];

const REGISTRY: EntityRegistry = {
  entities: [
    { id: 'vietnam', canonical: 'Vietnam', type: 'LOCATION', aliases: ['Viet Nam'] },
    { id: 'khamliang', canonical: 'Khamliang Outhakaysone', type: 'PERSON', aliases: ['Khamlieng Outhakaysone'], notes: 'Minister' },
    { canonical: 'Pham Minh Chinh', type: 'PERSON', aliases: [] },
  ],
  notEntities: ['Ministry'],
};
const EMPTY: EntityRegistry = { entities: [], notEntities: [] };
/** Two registry entities whose names are spelling variants of each other (analysts split them). */
const CONTESTED: EntityRegistry = {
  entities: [
    ...REGISTRY.entities,
    { id: 'somsak', canonical: 'Somsak Phanthavong', type: 'PERSON', aliases: [] },
    { id: 'somsack', canonical: 'Somsack Phanthavang', type: 'PERSON', aliases: [] },
  ],
  notEntities: REGISTRY.notEntities,
};

/** An article's names: each pick a name of the list, placed one after another. */
function names(picks: readonly number[]): RecognizedEntity[] {
  let at = 0;
  return picks.map((k) => {
    const [text, type, title] = NAMES[k % NAMES.length];
    const start = at;
    at += text.length + 7;
    return title ? { start, end: start + text.length, text, type, title } : { start, end: start + text.length, text, type };
  });
}

function dump(c: EntityClustering, uris: readonly string[]): unknown {
  return {
    clusters: c.clusters().map((x) => ({
      id: x.entityId,
      canonical: x.canonical,
      type: x.type,
      spellings: [...x.spellings],
      titles: [...x.titles],
      count: mentionCountOf(x),
      notes: x.notes,
      mentions: x.mentions.map((m) => `${m.uri}:${m.start}-${m.end}`),
    })),
    mentions: uris.map((u) => [u, c.mentionsOf(u)]),
  };
}

/** Each entity's look-alikes (ids) as a clustering made whole finds them all at once (the clustering worker's way). */
function lookAlikesFound(c: EntityClustering): Record<string, string[]> {
  const list = c.clusters();
  const found = allLookAlikes(list.map(lookAlikeEntity), STORED_LOOK_ALIKES);
  return Object.fromEntries(list.map((x, i) => [x.entityId, (found.get(i) ?? []).map((j) => list[j].entityId)]));
}

/** Each entity's look-alikes (ids) as the clustering carries them. */
function lookAlikesCarried(c: EntityClustering): Record<string, string[]> {
  return Object.fromEntries(c.clusters().map((x) => [x.entityId, c.lookAlikesOf!(x.entityId).map((y) => y.entityId)]));
}

/** Searches that reach each kind of match (whole names, words, prefixes, spellings, registry aliases): the ids found. */
const QUERIES = ['khamlieng', 'Khamliang Outhakaysone', 'viet nam', 'vietnam', 'outhak', 'eu', 'minh chinh', 'foo', 'ministry', 'asean', 'lao', 'vilay', 'xyz'];
function found(c: EntityClustering): Record<string, string[]> {
  return Object.fromEntries(QUERIES.map((q) => [q, c.find(q).map((x) => x.entityId)]));
}

function full(docs: ReadonlyMap<string, readonly RecognizedEntity[]>, registry: EntityRegistry): EntityClustering {
  return clusterEntities([...docs].map(([uri, entities]): DocumentEntities => ({ uri, entities })), registry);
}

const picks = fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 8 });
const step = fc.record({
  doc: fc.integer({ min: 0, max: 9 }),
  remove: fc.boolean(),
  picks,
});

describe('incremental entity clustering', () => {
  const defaultTally = EntityArticles.tallyFrom;
  const defaultKeyBits = LiveFormGraph.keyBits;
  afterEach(() => {
    EntityArticles.tallyFrom = defaultTally;
    LiveFormGraph.keyBits = defaultKeyBits;
  });
  for (const [label, registry, tallyFrom, oneByOne, keyBits = defaultKeyBits] of [
    ['without a registry', EMPTY, defaultTally, false],
    // The graph's keys are hashes: two sharing one by chance must only widen what an edit re-makes.
    ['the graph\'s keys hashed to 2 bits, so that most share a hash', REGISTRY, defaultTally, false, 2],
    ['the graph\'s keys hashed to 2 bits, without a registry', EMPTY, defaultTally, false, 2],
    // Which of the two a name between them joins depends on where a full clustering first meets their names.
    ['two registry entities written alike, and a name between them', CONTESTED, defaultTally, false],
    ['two registry entities written alike, names read one by one, keys hashed to 2 bits', CONTESTED, 3, true, 2],
    ['with a registry and non-entities', REGISTRY, defaultTally, false],
    ['every entity counted as its articles come and go', REGISTRY, 0, false],
    ['entities counted from a few mentions on', EMPTY, 3, false],
    ['names read one by one from their source, as the corpus service gives them', REGISTRY, 3, true],
    ['names read one by one, every entity counted', EMPTY, 0, true],
    ['names given out of place order by a source that could read them one by one (read whole)', REGISTRY, 3, 'reversed'],
  ] as const) {
    it(`equals a full clustering after any sequence of edits and removals (${label})`, () => {
      EntityArticles.tallyFrom = tallyFrom;
      LiveFormGraph.keyBits = keyBits;
      /** The names as the clustering is given them: a list, or (like StoredNames) a source of new objects, whole or one by one. */
      const given = (placed: readonly RecognizedEntity[]): NamesGiven => {
        const entities = oneByOne === 'reversed' ? [...placed].reverse() : placed;
        return oneByOne ? { list: () => entities.map((e) => ({ ...e })), at: (i: number) => ({ ...entities[i] }) } : entities;
      };
      fc.assert(
        fc.property(fc.array(picks, { minLength: 1, maxLength: 8 }), fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (initial, updates) => {
          const docs = new Map<string, readonly RecognizedEntity[]>();
          initial.forEach((p, d) => docs.set(`a${d}.txt`, names(p)));
          const inc = runToEnd(
            IncrementalClustering.build([...docs].map(([uri, entities]) => (oneByOne ? { uri, names: given(entities) as ArticleNames } : { uri, entities })), registry),
          );
          assert.deepEqual(dump(inc.clustering(), [...docs.keys()]), dump(full(docs, registry), [...docs.keys()]));
          if (initial.length % 2) assert.deepEqual(lookAlikesCarried(inc.clustering()), lookAlikesFound(inc.clustering()));
          for (const steps of updates) {
            const changes = new Map<string, NamesGiven | undefined>();
            for (const s of steps) {
              const uri = `a${s.doc}.txt`;
              const next = s.remove ? undefined : names(s.picks);
              changes.set(uri, next && given(next));
              if (next) docs.set(uri, next);
              else docs.delete(uri);
            }
            const uris = [...docs.keys()];
            const previous = inc.clustering();
            const before = new Map(uris.map((u) => [u, previous.mentionsOf(u)]));
            const wholly = full(docs, registry);
            const foundBefore = found(previous);
            assert.deepEqual(dump(inc.update(changes), uris), dump(wholly, uris));
            // Searched by its index kept up to date entity by entity, as a full clustering's made afresh finds them; the
            // clustering before the update, asked after it, still finds its own.
            assert.deepEqual(found(inc.clustering()), found(wholly));
            assert.deepEqual(found(previous), foundBefore);
            assert.deepEqual(found(inc.clustering()), found(wholly));
            // Look-alikes kept up to date as a whole clustering finds them, whether asked for before (remembered) or not.
            assert.deepEqual(lookAlikesCarried(inc.clustering()), lookAlikesFound(wholly));
            // The clustering before the update still answers with its own entities.
            for (const x of previous.clusters()) for (const y of previous.lookAlikesOf!(x.entityId)) assert.equal(previous.cluster(y.entityId), y);
            // Articles not said to have changed name their entities as before.
            for (const u of uris) if (!inc.changedArticles().has(u)) assert.deepEqual(inc.clustering().mentionsOf(u), before.get(u), u);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('keeps, as the same objects, the entities an edit did not touch', () => {
    const docs = new Map<string, readonly RecognizedEntity[]>([
      ['a.txt', names([0, 11, 16])],
      ['b.txt', names([21, 22])],
    ]);
    const inc = runToEnd(IncrementalClustering.build([...docs].map(([uri, entities]) => ({ uri, entities })), EMPTY));
    const before = inc.clustering();
    const laos = before.clusters().find((c) => c.canonical === 'Laos')!;
    const after = inc.update(new Map([['a.txt', names([0, 11])]]));
    assert.equal(after.clusters().find((c) => c.canonical === 'Laos'), laos);
    assert.equal(after.cluster(laos.entityId), laos);
    assert.equal(before.clusters().some((c) => c.canonical === 'European Union'), true, 'the clustering given before is left as it was');
    assert.equal(after.clusters().some((c) => c.canonical === 'European Union'), false);
  });
});
