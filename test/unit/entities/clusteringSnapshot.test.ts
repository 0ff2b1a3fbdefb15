import * as assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { clusterEntities, type DocumentEntities, type EntityCluster } from '../../../server/src/core/entities/aliases';
import { clusterEntitiesAsSnapshot, clusteringFromSnapshot, snapshotOfClustering } from '../../../server/src/core/entities/clusteringSnapshot';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { parseRegistry } from '../../../server/src/core/entities/registry';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';
import { SEEDS_DIR, seedNames } from '../../support/workspace';
import { articleCount, EMPTY_REGISTRY, mentionCountOf } from '../../../server/src/core/index';
import { doc, recognise } from './aliases.fixtures';

const NAMES = { Hanoi: 'LOCATION', Vientiane: 'LOCATION', 'Ministry of Defence': 'ORG', Thongloun: 'PERSON' } as const;
const docs = [
  doc('a.txt', 'Thongloun flew from Vientiane to Hanoi. In Hanoi, the Ministry of Defence met.', NAMES),
  doc('b.txt', 'The Ministry of Defence of Laos said Thongloun was in Hanoi.', NAMES),
  doc('c.txt', 'Nothing named here.', NAMES),
  doc('d.txt', 'Hanoi and Vientiane, Hanoi again.', NAMES),
];
const uris = docs.map((d) => d.uri);
const listed = (c: EntityCluster) => c.mentions.map((m) => `${m.uri}@${m.start}-${m.end}:${m.text}`);

describe('a clustering rebuilt from its snapshot', () => {
  it('gives every entity the same mentions, counts and articles as the clustering it was made from, each list made on first use', () => {
    const original = clusterEntities(docs);
    const rebuilt = clusteringFromSnapshot(deserialize(serialize(snapshotOfClustering(original, uris))), EMPTY_REGISTRY);
    for (const c of rebuilt.clusters()) {
      const o = original.cluster(c.entityId)!;
      // Counted before the list is made, then listed.
      assert.equal(mentionCountOf(c), o.mentions.length, c.canonical);
      assert.equal(articleCount(c), articleCount(o), c.canonical);
      assert.deepEqual(listed(c), listed(o), c.canonical);
      assert.equal(c.mentions, c.mentions, 'made once, then kept');
    }
    for (const uri of uris) assert.deepEqual(rebuilt.mentionsOf(uri), original.mentionsOf(uri), uri);
  });

  it('moves an edited article’s mentions, in entities whose lists were made already and in those made after', () => {
    const original = clusterEntities(docs);
    const rebuilt = clusteringFromSnapshot(snapshotOfClustering(original, uris), EMPTY_REGISTRY);
    const hanoi = rebuilt.clusters().find((c) => c.canonical === 'Hanoi')!;
    const vientiane = rebuilt.clusters().find((c) => c.canonical === 'Vientiane')!;
    assert.ok(hanoi.mentions.length > 0, 'Hanoi’s list made before the edit; Vientiane’s not');
    // The same names, 4 characters later: what an edit that keeps the article's names looks like.
    const before = docs[3].entities;
    const text = `Now Hanoi and Vientiane, Hanoi again.`;
    const after = recognise(text, NAMES);
    rebuilt.moveMentions!('d.txt', before, after);
    const expected = clusterEntities([docs[0], docs[1], docs[2], { uri: 'd.txt', entities: after }]);
    for (const c of [hanoi, vientiane]) assert.deepEqual(listed(c), listed(expected.cluster(c.entityId)!), c.canonical);
    assert.deepEqual(rebuilt.mentionsOf('d.txt'), expected.mentionsOf('d.txt'));
  });

  it('holds each text of a mention once, named by index, and refuses a snapshot whose mentions name no text', () => {
    const snapshot = snapshotOfClustering(clusterEntities(docs), uris);
    assert.equal(new Set(snapshot.texts).size, snapshot.texts.length, 'each text once');
    // Hanoi is mentioned five times, in three articles: one string.
    assert.equal(snapshot.texts.filter((t) => t === 'Hanoi').length, 1);
    const { places } = snapshot.documents;
    const mentions = Array.from({ length: places.length / 4 }, (_, i) => places[4 * i + 3]);
    assert.equal(mentions.filter((i) => snapshot.texts[i] === 'Hanoi').length, 5);
    const broken = { ...snapshot, documents: { ...snapshot.documents, places: places.map((x, k) => (k % 4 === 3 ? snapshot.texts.length : x)) } };
    assert.throws(() => clusteringFromSnapshot(broken, EMPTY_REGISTRY), /a mention names no text/);
  });

  it('refuses a snapshot whose columns do not fit together (a damaged or foreign cache file), before making anything of it', () => {
    const snapshot = snapshotOfClustering(clusterEntities(docs), uris, { lookAlikes: true });
    const { entities: e, documents: d } = snapshot;
    const damaged = [
      { ...snapshot, texts: [...snapshot.texts.slice(1), 7] },
      { ...snapshot, entities: { ...e, canonical: e.canonical.subarray(1) } },
      { ...snapshot, entities: { ...e, spellingsAt: e.spellingsAt.map((x, k) => (k === 1 ? 99 : x)) } },
      { ...snapshot, entities: { ...e, lookAlikesAt: e.lookAlikesAt!.map((x, k) => (k === e.ids.length ? x + 1 : x)) } },
      { ...snapshot, entities: { ...e, notes: [[e.ids.length, 'no such entity']] } },
      { ...snapshot, documents: { ...d, places: d.places.subarray(4) } },
      { ...snapshot, documents: { ...d, at: d.at.map((x, k) => (k === 1 ? d.at[2] + 1 : x)) } },
      { ...snapshot, documents: { ...d, places: Array.from(d.places) } },
      { ...snapshot, documents: { ...d, title: new Int32Array(3) } },
      { ...snapshot, documents: undefined },
    ] as unknown as (typeof snapshot)[];
    for (const [k, broken] of damaged.entries()) assert.throws(() => clusteringFromSnapshot(broken, EMPTY_REGISTRY), /not usable/, `damage ${k}`);
    assert.ok(clusteringFromSnapshot(snapshot, EMPTY_REGISTRY).clusters().length > 0, 'the undamaged one is adopted');
  });
});

describe('a snapshot written from the grouped entities (the clustering worker’s)', () => {
  it('equals the snapshot of the clustering, for the seeds and generated articles with a registry, and a uri given twice', async () => {
    const recognizer = createEntityRecognizer(loadNerModel());
    const texts = await Promise.all((await seedNames()).map((n) => fs.readFile(path.join(SEEDS_DIR, n), 'utf8')));
    const articles = [...texts.map((text, i) => ({ uri: `seeds/${i}.txt`, text })), ...generateCorpus({ articles: 40, seed: 11 }).map((d, i) => ({ uri: `gen/${i}.txt`, text: d.text }))];
    // Not in uri order, and one article given twice under one uri (its mentions are listed together).
    const docs: DocumentEntities[] = articles.reverse().map((a) => ({ uri: a.uri, entities: recognizer.recognize(a.text) }));
    docs.push({ uri: docs[3].uri, entities: recognizer.recognize('General Chansamone Chanyalath met Vietnam’s Ministry of National Defence.') });
    const parsed = parseRegistry(
      'entities:\n  - id: lpa\n    canonical: Lao People’s Army\n    type: ORG\n    aliases:\n      - LPA\n    notes: The armed forces of Laos.\n' +
        '  - id: pm-laos\n    canonical: Sonexay Siphandone\n    type: PERSON\n    notes: PM since 2022\n',
    );
    assert.ok(parsed.ok);
    const { registry } = parsed;
    for (const reg of [undefined, registry]) {
      const expected = snapshotOfClustering(clusterEntities(docs, reg), docs.map((d) => d.uri));
      const written = clusterEntitiesAsSnapshot(docs, reg);
      assert.deepEqual(written, expected);
      assert.ok(expected.entities.ids.length > 500 && expected.documents.title && expected.documents.country, 'titles and owner countries were met');
      if (reg) assert.equal(expected.entities.notes.length, 2, 'the registry’s notes were met');
    }
  });
});

describe('a clustering rebuilt from its snapshot, searched', () => {
  it('finds an entity by the registry’s aliases as the original does, for an entry with an id and one without', () => {
    const parsed = parseRegistry(
      'entities:\n  - canonical: Lao People’s Army\n    type: ORG\n    aliases:\n      - Kongthap Pasason Lao\n' +
        '  - id: pm-laos\n    canonical: Sonexay Siphandone\n    type: PERSON\n    aliases:\n      - Sonexay\n',
    );
    assert.ok(parsed.ok);
    const { registry } = parsed;
    const named = doc('e.txt', 'The Lao People’s Army and Sonexay Siphandone met in Vientiane.', { 'Lao People’s Army': 'ORG', 'Sonexay Siphandone': 'PERSON', Vientiane: 'LOCATION' });
    for (const input of [[...docs, named], docs]) {
      const original = clusterEntities(input, registry);
      const rebuilt = clusteringFromSnapshot(clusterEntitiesAsSnapshot(input, registry), registry);
      for (const query of ['kongthap pasason', 'Kongthap Pasason Lao', 'sonexay']) {
        const ids = (c: typeof original) => c.find(query).map((x) => x.entityId);
        assert.ok(ids(original).length > 0, `the original finds ${query}`);
        assert.deepEqual(ids(rebuilt), ids(original), query);
      }
    }
  });
});
