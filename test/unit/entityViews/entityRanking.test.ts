import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterEntities, mentionCountOf, type EntityCluster, type EntityClustering } from '../../../server/src/core/entities/aliases';
import { IncrementalClustering } from '../../../server/src/core/entities/incrementalClustering';
import { provisionalClustering } from '../../../server/src/core/entities/provisional';
import { runToEnd } from '../../../server/src/core/slices';
import { ENTITY_TYPES, type EntityType } from '../../../server/src/core/types';
import { byMentions, rankingIn, rankingsOf } from '../../../server/src/lsp/entityRanking';
import { parseRegistry } from '../../../server/src/core/entities/registry';
import { doc, type NameSpec } from '../entities/aliases.fixtures';

/** Names of every type, some sharing words (so that clusters join and part as articles change). */
const NAMES: NameSpec = {
  'Khamliang Outhakaysone': 'PERSON',
  'Khamlieng Outhakaysone': 'PERSON',
  Khamliang: 'PERSON',
  'Pham Minh Chinh': 'PERSON',
  'Somsavath Inthavong': 'PERSON',
  'Phan Van Giang': 'PERSON',
  Vietnam: 'LOCATION',
  'Việt Nam': 'LOCATION',
  Laos: 'LOCATION',
  Vientiane: 'LOCATION',
  Pakse: 'LOCATION',
  'Lao People’s Army': 'ORG',
  'Vietnam People’s Army': 'ORG',
  ASEAN: 'ORG',
  'Ministry of National Defence': 'ORG',
  'Defence Cooperation Plan': 'MISC',
  Lao: 'MISC',
};
const WORDS = Object.keys(NAMES);

/** An article's text: some of the names, joined by a word that is none. */
const article = fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }).map((names) => names.join(' and '));

/** Every type's entities with mentions, sorted whole: what the rankings must equal. */
function sortedWhole(clustering: EntityClustering, type?: EntityType): EntityCluster[] {
  return clustering
    .clusters()
    .filter((c) => mentionCountOf(c) > 0 && (!type || c.type === type))
    .sort(byMentions);
}

function assertRanked(clustering: EntityClustering, window: [number, number]): void {
  const rankings = rankingsOf(clustering);
  for (const type of [...ENTITY_TYPES, undefined]) {
    const whole = sortedWhole(clustering, type);
    const ranked = rankingIn(rankings, type);
    assert.equal(ranked.length, whole.length);
    assert.equal(ranked.mentions, whole.reduce((n, c) => n + mentionCountOf(c), 0));
    assert.deepEqual(ranked.slice(0, ranked.length).map((c) => c.entityId), whole.map((c) => c.entityId));
    const [from, to] = window;
    assert.deepEqual(ranked.slice(from, to).map((c) => c.entityId), whole.slice(from, to).map((c) => c.entityId));
    const inOrder: string[] = [];
    for (let it = ranked.inOrder(), r = it.next(); !r.done; r = it.next()) inOrder.push(r.value.entityId);
    assert.deepEqual(inOrder, whole.map((c) => c.entityId));
  }
}

describe('entity rankings', () => {
  it('rank each type as a whole sort does, edit after edit of a kept-up-to-date clustering, and in each keystroke’s view', () => {
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ at: fc.nat(), text: article, remove: fc.boolean(), typed: article }), { maxLength: 8 }),
        fc.tuple(fc.nat(12), fc.nat(12)),
        (texts, edits, [a, b]) => {
          const window: [number, number] = [Math.min(a, b), Math.max(a, b)];
          const docs = texts.map((text, i) => doc(`a${i}`, text, NAMES));
          const clusterer = runToEnd(IncrementalClustering.build(docs));
          let kept = clusterer.clustering();
          assertRanked(kept, window);
          for (const edit of edits) {
            const uri = `a${edit.at % (texts.length + 1)}`;
            const i = docs.findIndex((d) => d.uri === uri);
            const removed = edit.remove && i >= 0 && docs.length > 1;
            if (removed) docs.splice(i, 1);
            else if (i >= 0) docs[i] = doc(uri, edit.text, NAMES);
            else docs.push(doc(uri, edit.text, NAMES));
            kept = clusterer.update(new Map([[uri, removed ? undefined : docs.find((d) => d.uri === uri)!.entities]]));
            assertRanked(kept, window);
            // The same listing as a fresh clustering of the same articles.
            const fresh = clusterEntities(docs);
            assert.deepEqual(
              rankingIn(rankingsOf(kept), undefined).slice(0, 1000).map((c) => [c.canonical, mentionCountOf(c)]),
              sortedWhole(fresh).map((c) => [c.canonical, mentionCountOf(c)]),
            );
            // A keystroke's view of it: names typed into one article (some new, provisional until the next clustering).
            const typed = doc(docs[0].uri, `${edit.typed} and Bounthanh Keomany and Pakse Treaty`, { ...NAMES, 'Bounthanh Keomany': 'PERSON', 'Pakse Treaty': 'MISC' });
            const view = provisionalClustering(kept, new Map([[typed.uri, typed.entities]]), new Set());
            view.mentionsOf(typed.uri);
            assertRanked(view, window);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rank the clusterings of a lineage listed in any order, with a registry, and views listed before and after their mentions are read', () => {
    const parsed = parseRegistry(
      'entities:\n  - id: vietnam\n    canonical: Vietnam\n    type: LOCATION\n    aliases: [Viet Nam]\n  - canonical: Pham Minh Chinh\n    type: PERSON\n  - id: nobody\n    canonical: Nobody Here\n    type: ORG\n',
    );
    assert.ok(parsed.ok);
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), article), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (texts, edits, order) => {
          const docs = texts.map((text, i) => doc(`a${i}`, text, NAMES));
          const clusterer = runToEnd(IncrementalClustering.build(docs, parsed.registry));
          const made = [clusterer.clustering()];
          for (const [at, text] of edits) {
            const uri = `a${at % texts.length}`;
            made.push(clusterer.update(new Map([[uri, doc(uri, text, NAMES).entities]])));
          }
          // An older clustering listed after a newer one: the lineage's rankings are taken back to it.
          for (const k of order) {
            const clustering = made[k % made.length];
            assertRanked(clustering, [0, 3]);
            const typed = doc('a0', 'Bounthanh Keomany and Laos', { ...NAMES, 'Bounthanh Keomany': 'PERSON' });
            const view = provisionalClustering(clustering, new Map([['a0', typed.entities]]), new Set());
            assertRanked(view, [1, 4]);
            view.mentionsOf('a0');
            assertRanked(view, [1, 4]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rank a clustering of no lineage, and a view of a view, as a whole sort does', () => {
    const docs = [doc('a', 'Vietnam and Laos and Vietnam and Khamliang Outhakaysone', NAMES), doc('b', 'ASEAN and Khamlieng Outhakaysone and Laos', NAMES)];
    const whole = clusterEntities(docs);
    assert.equal(whole.lineage, undefined);
    assertRanked(whole, [1, 3]);
    const view = provisionalClustering(whole, new Map([['a', doc('a', 'Pakse Treaty and Pakse Treaty', { 'Pakse Treaty': 'MISC' }).entities]]), new Set());
    view.mentionsOf('a');
    assertRanked(view, [0, 2]);
    const viewOfView = provisionalClustering(view, new Map([['b', doc('b', 'Bounthanh Keomany', { 'Bounthanh Keomany': 'PERSON' }).entities]]), new Set());
    assert.equal(viewOfView.ownClusters, undefined);
    assertRanked(viewOfView, [0, 4]);
    // Its own clusters come as its mentions are read: listed then too.
    viewOfView.mentionsOf('b');
    assertRanked(viewOfView, [0, 4]);
  });

  it('puts many changed entities in place at once, as a whole sort does', () => {
    const many: NameSpec = {};
    for (let i = 0; i < 60; i++) many[`Person${String.fromCharCode(65 + (i % 26))}${i} Keomany`] = i % 3 ? 'PERSON' : 'ORG';
    const names = Object.keys(many);
    const docs = [doc('a', 'Vietnam and Laos and ASEAN', NAMES), doc('b', names.slice(0, 30).join(' and '), many)];
    const clusterer = runToEnd(IncrementalClustering.build(docs));
    assertRanked(clusterer.clustering(), [5, 20]);
    // 45 entities come and 15 go: past what is spliced one at a time.
    const next = doc('b', [...names.slice(15), ...names.slice(20, 40)].join(' and '), many);
    assertRanked(clusterer.update(new Map([['b', next.entities]])), [5, 20]);
    assertRanked(clusterer.update(new Map([['a', undefined]])), [0, 50]);
  });
});
