import * as assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { clusterEntities, clusteringFromSnapshot, createCorpusService, EMPTY_REGISTRY, NEVER_CANCELLED, snapshotOfClustering, type CorpusService } from '../../../server/src/core/index';
import { provisionalClustering } from '../../../server/src/core/entities/provisional';
import { clustersSpelled } from '../../../server/src/core/entities/clusterSpellings';
import { foldName } from '../../../server/src/core/entities/nameKey';
import type { EntityClustering } from '../../../server/src/core/entities/aliases';
import fc from 'fast-check';
import { IncrementalClustering, type NamesGiven } from '../../../server/src/core/entities/incrementalClustering';
import { runToEnd } from '../../../server/src/core/slices';
import type { EntityType, RecognizedEntity } from '../../../server/src/core/types';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { SEEDS_DIR } from '../../support/workspace';
import { generateCorpus } from '../../support/corpusGenerator';

const model = loadNerModel();
const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().map((n) => ({ uri: `/ws/${n}`, text: readFileSync(path.join(SEEDS_DIR, n), 'utf8') }));

function service(texts: { uri: string; text: string }[]): CorpusService {
  const s = createCorpusService({ nerModel: model });
  for (const d of texts) s.setDocument(d.uri, d.text);
  return s;
}

/** Every mention of the corpus with its entity, in a comparable form. */
function snapshot(s: CorpusService): string[] {
  const c = s.entityClustering(NEVER_CANCELLED);
  return s.documentUris().flatMap((uri) => c.mentionsOf(uri).map((m) => `${uri}:${m.start}-${m.end}:${m.entityId}:${m.canonical}:${m.type}`));
}

describe('an edit costs the article, not the corpus', () => {
  it('analyses an edited article against the last clustering, keeping known entities', () => {
    const s = service(seeds);
    const before = s.analyze(seeds[3].uri, undefined, NEVER_CANCELLED).entities;
    const added = 'General Somsavath Inthavong said a correction was added.\n\n';
    const edited = `${added}${seeds[3].text}`;
    s.setDocument(seeds[3].uri, edited);
    assert.ok(s.clusteringIsStale());
    const after = s.analyze(seeds[3].uri, undefined, NEVER_CANCELLED).entities;
    assert.ok(s.clusteringIsStale(), 'analyzing did not rebuild the corpus-wide clustering');
    const shift = added.length;
    const byPlace = new Map(before.map((m) => [`${m.start + shift}:${m.text}`, m.entityId]));
    const kept = after.filter((m) => byPlace.get(`${m.start}:${m.text}`) === m.entityId).length;
    assert.ok(kept >= before.length * 0.9, `${kept} of ${before.length} mentions keep their entity`);
    // Hover on a name of the edited article still has its cluster.
    const vilay = after.find((m) => m.text === 'Vilay Lakhamphong');
    assert.ok(vilay);
    assert.ok(s.entityAt(seeds[3].uri, vilay.start, NEVER_CANCELLED)?.cluster.mentions.length);
  });

  it('a new name gets a provisional entity until the corpus is clustered again', () => {
    const s = service(seeds);
    s.analyze(seeds[0].uri, undefined, NEVER_CANCELLED);
    s.setDocument(seeds[0].uri, `${seeds[0].text}\nGeneral Somsavath Inthavong met Colonel Bounkhong Phetsavanh in Vientiane.\n`);
    const fast = s.analyze(seeds[0].uri, undefined, NEVER_CANCELLED).entities;
    const newName = fast.find((m) => /Somsavath/.test(m.text));
    assert.ok(newName, 'the new name is recognised at once');
    assert.match(newName.entityId, /^provisional:/);
    s.entityClustering(NEVER_CANCELLED);
    const current = s.analyze(seeds[0].uri, undefined, NEVER_CANCELLED).entities.find((m) => /Somsavath/.test(m.text));
    assert.ok(current && !current.entityId.startsWith('provisional:'));
  });

  it('after edits, additions and removals, the rebuilt clustering equals a full one from scratch', () => {
    const s = service(seeds);
    s.entityClustering(NEVER_CANCELLED);
    const texts = seeds.map((d) => ({ ...d }));
    texts[1] = { ...texts[1], text: texts[1].text.replace(/\n/, '\nVilay Lakhamphong spoke to Khamliang Outhakaysone.\n') };
    s.setDocument(texts[1].uri, texts[1].text);
    s.analyze(texts[1].uri, undefined, NEVER_CANCELLED);
    s.removeDocument(texts[2].uri);
    const added = { uri: '/ws/new.txt', text: 'VIENTIANE — Lakhamfong visited Hanoi on Monday.\n' };
    s.setDocument(added.uri, added.text);
    s.analyze(added.uri, undefined, NEVER_CANCELLED);
    const rebuilt = snapshot(s);
    const fresh = snapshot(service([...texts.filter((_, i) => i !== 2), added]));
    assert.deepEqual(rebuilt, fresh);
  });
  it('a clustering computed elsewhere (a worker) answers as the original, and edits made meanwhile stay seen', () => {
    const s = service(seeds);
    const input = s.clusteringInput(NEVER_CANCELLED);
    const original = clusterEntities(input.docs, input.registry);
    const snapshot = deserialize(serialize(snapshotOfClustering(original, input.docs.map((d) => d.uri))));
    const copy = clusteringFromSnapshot(snapshot, input.registry);
    for (const d of input.docs) assert.deepEqual(copy.mentionsOf(d.uri), original.mentionsOf(d.uri));
    assert.deepEqual(copy.clusters().map((c) => [c.entityId, c.canonical, c.type, [...c.spellings], c.mentions.length]), original.clusters().map((c) => [c.entityId, c.canonical, c.type, [...c.spellings], c.mentions.length]));
    assert.deepEqual(copy.find('khamlieng').map((c) => c.entityId), original.find('khamlieng').map((c) => c.entityId));

    // An article edited while the worker ran is seen through the adopted clustering, not lost.
    const edited = `Breaking: General Somsavath Inthavong resigned.\n\n${seeds[1].text}`;
    s.setDocument(seeds[1].uri, edited);
    assert.equal(s.adoptClustering(snapshot, input.generation), true);
    assert.equal(s.clusteringIsStale(), true, 'the edit made meanwhile is still to be clustered');
    const fast = s.analyze(seeds[1].uri, undefined, NEVER_CANCELLED).entities;
    assert.ok(fast.every((m) => edited.slice(m.start, m.end) === m.text), 'mentions are placed in the edited text');
    // An older snapshot never replaces a newer clustering.
    s.entityClustering(NEVER_CANCELLED);
    assert.equal(s.adoptClustering(snapshot, input.generation), false);
  });

  it('a clustering adopted in slices answers as one adopted at once, and requests meanwhile see the one in use', function () {
    this.timeout(60000);
    const docs = [...seeds, ...generateCorpus({ articles: 200, seed: 4 }).map((d) => ({ uri: d.uri, text: d.text }))];
    const s = service(docs);
    const input = s.clusteringInput(NEVER_CANCELLED);
    const snap = snapshotOfClustering(clusterEntities(input.docs, input.registry), input.docs.map((d) => d.uri));
    // The same articles, their names imported rather than recognised again.
    const atOnce = createCorpusService({ nerModel: model });
    for (const d of docs) atOnce.importDocument(d.uri, d.text, s.exportDocument(d.uri));
    atOnce.adoptClustering(snap, atOnce.clusteringInput(NEVER_CANCELLED).generation);
    const steps = s.adoptClusteringInSlices(snap, input.generation);
    let slices = 0;
    let step = steps.next();
    while (!step.done) {
      slices++;
      assert.equal(s.clusteringIsStale(), true, 'not in use until the last slice');
      step = steps.next();
    }
    assert.equal(step.value, true);
    assert.ok(slices >= 2, `${slices} slices`);
    assert.equal(s.clusteringIsStale(), false);
    assert.deepEqual(snapshot(s), snapshot(atOnce));
  });

  it('a clustering whose registry changed while it was adopted in slices is not used', () => {
    const s = service(seeds);
    const input = s.clusteringInput(NEVER_CANCELLED);
    const snap = snapshotOfClustering(clusterEntities(input.docs, input.registry), input.docs.map((d) => d.uri));
    const steps = s.adoptClusteringInSlices(snap, input.generation);
    steps.next();
    s.setRegistry(EMPTY_REGISTRY);
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.equal(step.value, false);
    assert.equal(s.clusteringIsStale(), true);
  });
});

describe('an edit that keeps the names moves their mentions, and nothing corpus-wide is done', () => {
  /** Every entity with its mentions, in a comparable form. */
  const entities = (s: CorpusService): string[] =>
    s
      .entityClustering(NEVER_CANCELLED)
      .clusters()
      .map((c) => `${c.entityId}|${c.canonical}|${c.type}|${[...c.spellings].join(',')}|${c.mentions.map((m) => `${m.uri}:${m.start}-${m.end}:${m.text}`).join(' ')}`);
  const retyped = (text: string): string => `A correction was added on request.\n\n${text.replace(/\n/, '\nThe report was updated and its wording made plainer.\n')}`;

  it('keeps the clustering current, with the mentions at their new places, as a rebuild from scratch would', () => {
    const s = service(seeds);
    const clustering = s.entityClustering(NEVER_CANCELLED);
    const uri = seeds[1].uri;
    const handedOut = clustering.mentionsOf(uri);
    const places = handedOut.map((m) => m.start);
    const edited = retyped(seeds[1].text);
    s.setDocument(uri, edited);
    const after = s.analyze(uri, undefined, NEVER_CANCELLED).entities;
    assert.equal(s.clusteringIsStale(), false, 'no corpus-wide rebuild is needed');
    assert.equal(s.entityClustering(NEVER_CANCELLED), clustering, 'the same clustering stays in use');
    assert.ok(after.length > 5 && after.every((m) => edited.slice(m.start, m.end) === m.text), 'mentions are placed in the edited text');
    const own = clustering.clusters().flatMap((c) => c.mentions.filter((m) => m.uri === uri));
    assert.equal(own.length, after.length);
    assert.ok(own.every((m) => edited.slice(m.start, m.end) === m.text), "the entities' mention lists are moved too");
    assert.deepEqual(handedOut.map((m) => m.start), places, 'lists handed out before keep what they said');
    const fresh = service(seeds.map((d) => (d.uri === uri ? { uri, text: edited } : d)));
    assert.deepEqual(snapshot(s), snapshot(fresh));
    assert.deepEqual(entities(s), entities(fresh));
  });

  it('moves the mentions of a clustering computed elsewhere (a worker) and adopted', () => {
    const s = service(seeds);
    const input = s.clusteringInput(NEVER_CANCELLED);
    const snap = deserialize(serialize(snapshotOfClustering(clusterEntities(input.docs, input.registry), input.docs.map((d) => d.uri))));
    const uri = seeds[3].uri;
    const edited = retyped(seeds[3].text);
    s.setDocument(uri, edited); // while the worker ran
    assert.equal(s.adoptClustering(snap, input.generation), true);
    assert.equal(s.clusteringIsStale(), false, 'the edit kept the names: the adopted clustering is current');
    const fresh = service(seeds.map((d) => (d.uri === uri ? { uri, text: edited } : d)));
    assert.deepEqual(snapshot(s), snapshot(fresh));
    assert.deepEqual(entities(s), entities(fresh));
  });

  it('an edit that changes a name still makes the clustering stale, and the rebuild equals one from scratch', () => {
    const s = service(seeds);
    s.entityClustering(NEVER_CANCELLED);
    const uri = seeds[3].uri;
    const edited = seeds[3].text.replace('Vilay Lakhamphong', 'Vilay Lakhamfong');
    assert.notEqual(edited, seeds[3].text);
    s.setDocument(uri, edited);
    s.analyze(uri, undefined, NEVER_CANCELLED);
    assert.equal(s.clusteringIsStale(), true);
    const fresh = service(seeds.map((d) => (d.uri === uri ? { uri, text: edited } : d)));
    assert.deepEqual(entities(s), entities(fresh));
  });

  it('random edits between words of many articles leave the entities those of a rebuild from scratch', function () {
    this.timeout(60000);
    const docs = generateCorpus({ articles: 60, seed: 9 }).map((d) => ({ uri: d.uri, text: d.text }));
    const s = service(docs);
    s.entityClustering(NEVER_CANCELLED);
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = ['reportedly', 'and', 'also', 'in part', 'as expected', 'today'];
    for (let k = 0; k < 25; k++) {
      const i = next(docs.length);
      const text = docs[i].text;
      const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
      const at = spaces[next(spaces.length)];
      docs[i] = { ...docs[i], text: `${text.slice(0, at)} ${words[next(words.length)]}${text.slice(at)}` };
      s.setDocument(docs[i].uri, docs[i].text);
      s.analyze(docs[i].uri, undefined, NEVER_CANCELLED);
    }
    assert.deepEqual(entities(s), entities(service(docs)));
  });
});

describe('between clusterings, a name an edit did not touch keeps its entity', () => {
  it('keeps the entity the spelling had in the article, with that entity’s type, even when it comes back typed otherwise', () => {
    const name = (start: number, text: string, type: 'LOCATION' | 'ORG' | 'PERSON') => ({ start, end: start + text.length, text, type });
    const docs = [
      { uri: '/ws/a.txt', entities: [name(0, 'Rinba', 'LOCATION'), name(40, 'Somsavath Inthavong', 'PERSON')] },
      { uri: '/ws/b.txt', entities: [name(0, 'Rinba', 'PERSON')] },
      { uri: '/ws/c.txt', entities: [name(10, 'Rinba', 'LOCATION')] },
    ];
    const base = clusterEntities(docs, EMPTY_REGISTRY);
    const placeId = base.mentionsOf('/ws/a.txt')[0].entityId;
    assert.notEqual(placeId, base.mentionsOf('/ws/b.txt')[0].entityId, 'two entities of that spelling');
    // An edit at the top of article a: its untouched `Rinba` is now read as an organisation.
    const view = provisionalClustering(base, new Map([['/ws/a.txt', [name(12, 'Rinba', 'ORG'), name(52, 'Somsavath Inthavong', 'PERSON')]]]), new Set());
    const [rinba, person] = view.mentionsOf('/ws/a.txt');
    assert.equal(rinba.entityId, placeId);
    assert.equal(rinba.type, base.cluster(placeId)!.type);
    assert.equal(person.entityId, base.mentionsOf('/ws/a.txt')[1].entityId);
  });
});

describe('what the first edit after a clustering needs is made ahead, in slices, and changes nothing', () => {
  /** Every mention of the corpus, by article, with its entity: what an analysis of each article shows. */
  const entities = (s: CorpusService) =>
    s.documentUris().map((uri) => s.analyze(uri, undefined, NEVER_CANCELLED).entities.map((m) => `${m.start}-${m.end}:${m.entityId}:${m.canonical}:${m.type}`));

  it('edited articles read through a clustering prepared in slices (or half prepared) as through an unprepared one', function () {
    this.timeout(60_000);
    const docs = generateCorpus({ articles: 40, seed: 5 });
    const edits = [3, 17, 28].map((i) => ({ uri: docs[i].uri, text: `Colonel Bounkhong Phetsavanh met ${docs[i].text}\nGeneral Somsavath Inthavong spoke in Vientiane.\n` }));
    const run = (prepare: 'none' | 'all' | 'half') => {
      const s = service(docs);
      s.entityClustering(NEVER_CANCELLED);
      const steps = s.prepareForEditsInSlices(NEVER_CANCELLED);
      let slices = 0;
      if (prepare === 'all') while (!steps.next().done) slices++;
      if (prepare === 'half') for (let i = 0; i < 3; i++) steps.next();
      for (const e of edits) s.setDocument(e.uri, e.text);
      const seen = entities(s);
      // Analyses the edit-time view again after a second preparation: the same.
      for (const e of edits) s.setDocument(e.uri, `${e.text} `);
      const again = entities(s);
      return { seen, again, slices };
    };
    const plain = run('none');
    const prepared = run('all');
    assert.ok(prepared.slices > 1, 'the preparation is done in more than one slice');
    assert.deepEqual(prepared.seen, plain.seen);
    assert.deepEqual(prepared.again, plain.again);
    assert.deepEqual(run('half').seen, plain.seen);
  });

  it('a cancelled preparation stops, and a later edit is still read as without one', () => {
    const s = service(seeds);
    s.entityClustering(NEVER_CANCELLED);
    let cancelled = false;
    const steps = s.prepareForEditsInSlices({ get isCancellationRequested() { return cancelled; } });
    steps.next();
    cancelled = true;
    assert.throws(() => { while (!steps.next().done); });
    const t = service(seeds);
    t.entityClustering(NEVER_CANCELLED);
    const edited = `${seeds[2].text}\nGeneral Somsavath Inthavong met Colonel Bounkhong Phetsavanh.\n`;
    s.setDocument(seeds[2].uri, edited);
    t.setDocument(seeds[2].uri, edited);
    assert.deepEqual(s.analyze(seeds[2].uri, undefined, NEVER_CANCELLED), t.analyze(seeds[2].uri, undefined, NEVER_CANCELLED));
  });
});

describe('the index of a clustering’s spellings', () => {
  it('finds, for any folded spelling, the clusters with a spelling that folds to it, in the clustering’s order', () => {
    const words = ['Việt', 'Viet', 'VIET', 'Nam', 'nam', 'Lao', 'Phetsavanh', 'O’Brien', "O'Brien", 'Ørsted', 'Orsted', 'Bank'];
    const spelling = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const cluster = fc.record({ type: fc.constantFrom('PERSON', 'ORG', 'LOCATION', 'MISC'), spellings: fc.uniqueArray(spelling, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(cluster, { minLength: 1, maxLength: 40 }), (specs) => {
        const clusters = specs.map((c, i) => ({ entityId: `e${i}`, canonical: c.spellings[0], type: c.type, spellings: new Map(c.spellings.map((s) => [s, 1])), titles: new Map(), mentions: [] }));
        const base = { clusters: () => clusters, mentionsOf: () => [], cluster: (id: string) => clusters.find((c) => c.entityId === id), find: () => [] } as unknown as EntityClustering;
        const keys = new Set(clusters.flatMap((c) => [...c.spellings.keys()].map(foldName)));
        keys.add('nobody');
        for (const key of keys) {
          const expected = clusters.filter((c) => [...c.spellings.keys()].some((s) => foldName(s) === key));
          assert.deepEqual(clustersSpelled(base, key), expected, key);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('of a clustering kept up to date, from the last whole index of its lineage and what changed since, finds what a whole index finds', () => {
    const NAMES: readonly [string, EntityType][] = [
      ['Việt Nam', 'LOCATION'], ['Vietnam', 'LOCATION'], ['Viet Nam', 'LOCATION'], ['VIETNAM', 'ORG'], ['Vilay', 'PERSON'],
      ['Vilay Lakhamphong', 'PERSON'], ['Foo', 'PERSON'], ['Foo', 'ORG'], ['Laos', 'LOCATION'], ['Lao', 'ORG'], ['EU', 'ORG'],
      ['European Union', 'ORG'], ['Ørsted', 'ORG'], ['Orsted', 'PERSON'],
    ];
    const names = (picks: readonly number[]): RecognizedEntity[] =>
      picks.map((k, i) => ({ start: 40 * i, end: 40 * i + NAMES[k][0].length, text: NAMES[k][0], type: NAMES[k][1] }));
    const keys = [...new Set(NAMES.map(([text]) => foldName(text)))].concat('nobody');
    const picks = fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 6 });
    const step = fc.record({ doc: fc.integer({ min: 0, max: 7 }), remove: fc.boolean(), picks });
    const same = (c: EntityClustering) => {
      for (const key of keys) {
        const expected = c.clusters().filter((x) => [...x.spellings.keys()].some((sp) => foldName(sp) === key));
        const got = clustersSpelled(c, key);
        assert.deepEqual(got.map((x) => x.entityId), expected.map((x) => x.entityId), key);
        assert.ok(got.every((x, i) => x === expected[i]), key);
      }
    };
    fc.assert(
      fc.property(fc.array(picks, { minLength: 1, maxLength: 6 }), fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (initial, updates, askFirst) => {
        const inc = runToEnd(IncrementalClustering.build(initial.map((p, d) => ({ uri: `a${d}.txt`, entities: names(p) }))));
        // The whole index of the first clustering (built at once, or only once a later one asks).
        if (askFirst) same(inc.clustering());
        for (const steps of updates) {
          const changes = new Map<string, NamesGiven | undefined>();
          for (const st of steps) changes.set(`a${st.doc}.txt`, st.remove ? undefined : names(st.picks));
          same(inc.update(changes));
        }
      }),
      { numRuns: 150 },
    );
  });
});
