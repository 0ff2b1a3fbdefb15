import * as assert from 'node:assert/strict';
import { createCorpusService, mentionCountOf, NEVER_CANCELLED, type CorpusService, type EntityClustering } from '../../../server/src/core/index';
import { runToEnd } from '../../../server/src/core/slices';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';

/**
 * Once the corpus service keeps its clustering up to date article by article (made once articles are
 * edited: incrementalClusteringInSlices), a current clustering after edits, removals and additions is a fresh service's, and so are
 * the articles' analyses.
 */
function dump(c: EntityClustering, uris: readonly string[]): unknown {
  return {
    clusters: c.clusters().map((x) => [x.entityId, x.canonical, x.type, [...x.spellings], [...x.titles], mentionCountOf(x), x.mentions.map((m) => `${m.uri}:${m.start}`)]),
    mentions: uris.map((u) => c.mentionsOf(u)),
  };
}

/** A corpus service over `articles` generated articles (`seed`). */
function serviceOver(articles: number, seed: number): { docs: ReturnType<typeof generateCorpus>; s: CorpusService } {
  const docs = generateCorpus({ articles, seed });
  const s = createCorpusService({ nerModel: loadNerModel() });
  for (const d of docs) s.setDocument(d.uri, d.text);
  return { docs, s };
}

/** Each article's mentions in the clustering made whole, the articles said to have changed so far taken (and dropped). */
function wholeMentions(s: CorpusService, docs: readonly { uri: string }[]): Map<string, unknown> {
  const whole = s.entityClustering(NEVER_CANCELLED);
  const before = new Map<string, unknown>(docs.map((d) => [d.uri, whole.mentionsOf(d.uri)]));
  s.articlesWithEntitiesChanged();
  return before;
}

describe('the corpus service with its clustering kept up to date article by article', () => {
  it('gives, after edits, removals and additions, what a fresh service gives', function () {
    this.timeout(120_000);
    const model = loadNerModel();
    const docs = generateCorpus({ articles: 40, seed: 5 });
    const s: CorpusService = createCorpusService({ nerModel: model });
    for (const d of docs.slice(0, 36)) s.setDocument(d.uri, d.text);
    s.entityClustering(NEVER_CANCELLED);
    assert.equal(s.clusteringIsIncremental(), false);
    runToEnd(s.incrementalClusteringInSlices(NEVER_CANCELLED));
    assert.equal(s.clusteringIsIncremental(), true);
    const edits: ((s: CorpusService) => void)[] = [
      (x) => x.setDocument(docs[3].uri, `${x.getText(docs[3].uri)}\nGeneral Somsavath Inthavong met Nguyen Van Thanh in Hanoi.\n`),
      (x) => x.removeDocument(docs[7].uri),
      (x) => x.setDocument(docs[36].uri, docs[36].text),
      (x) => x.setDocument(docs[10].uri, docs[11].text.replace(/\b[A-Z]\w+/, 'Vientiane')),
      (x) => x.setDocument(docs[12].uri, 'Nothing named here.\n'),
    ];
    const applied: typeof edits = [];
    for (const edit of edits) {
      const before = new Map(s.documentUris().map((u) => [u, s.entityClustering(NEVER_CANCELLED).mentionsOf(u)]));
      s.articlesWithEntitiesChanged();
      edit(s);
      applied.push(edit);
      const fresh = createCorpusService({ nerModel: model });
      for (const d of docs.slice(0, 36)) fresh.setDocument(d.uri, d.text);
      for (const e of applied) e(fresh);
      const uris = fresh.documentUris();
      assert.deepEqual(s.documentUris(), uris);
      assert.deepEqual(dump(s.entityClustering(NEVER_CANCELLED), uris), dump(fresh.entityClustering(NEVER_CANCELLED), uris));
      assert.equal(s.clusteringIsStale(), false);
      // The articles not said to name their entities otherwise name them as before.
      const renamed = new Set(s.articlesWithEntitiesChanged());
      for (const uri of uris) if (!renamed.has(uri) && before.has(uri)) assert.deepEqual(s.entityClustering(NEVER_CANCELLED).mentionsOf(uri), before.get(uri), uri);
      for (const uri of uris) assert.deepEqual(s.analyze(uri, undefined, NEVER_CANCELLED).entities, fresh.analyze(uri, undefined, NEVER_CANCELLED).entities, uri);
    }
  });

  it('says, when put in use in place of the clustering made whole, only the articles whose entities are named otherwise', function () {
    this.timeout(60_000);
    const { docs, s } = serviceOver(30, 7);
    const before = wholeMentions(s, docs);
    runToEnd(s.incrementalClusteringInSlices(NEVER_CANCELLED));
    s.setDocument(docs[4].uri, `${docs[4].text}\nGeneral Somsavath Inthavong met the delegation in Vientiane.\n`);
    const now = s.entityClustering(NEVER_CANCELLED);
    const renamed = new Set(s.articlesWithEntitiesChanged());
    assert.ok(renamed.has(docs[4].uri), 'the edited article');
    assert.ok(renamed.size < docs.length / 2, `not the corpus: ${renamed.size} of ${docs.length}`);
    for (const d of docs) if (!renamed.has(d.uri)) assert.deepEqual(now.mentionsOf(d.uri), before.get(d.uri), d.uri);
  });

  it('made after an edit, puts itself in use in slices, saying the articles named otherwise; an edit made meanwhile is taken in', function () {
    this.timeout(120_000);
    // More articles than one slice compares, so that the comparison yields before it ends.
    const { docs, s } = serviceOver(300, 9);
    const before = wholeMentions(s, docs);
    const edits: ((x: CorpusService) => void)[] = [
      (x) => x.setDocument(docs[4].uri, `${docs[4].text}\nGeneral Somsavath Inthavong met the delegation in Vientiane.\n`),
      (x) => x.setDocument(docs[9].uri, `${docs[9].text}\nSomsavath Inthavong spoke in Pakse.\n`),
    ];
    edits[0](s);
    assert.equal(s.clusteringIsStale(), true);
    const steps = s.incrementalClusteringInSlices(NEVER_CANCELLED);
    while (!s.clusteringIsIncremental()) steps.next();
    // Made, and comparing: the clustering in use is still the one made whole.
    assert.equal(s.clusteringIsStale(), true);
    edits[1](s);
    let comparing = 0;
    while (!steps.next().done) comparing++;
    assert.ok(comparing >= 1, 'the comparison yields');
    assert.equal(s.clusteringIsStale(), false, 'put in use by the slices');
    const renamed = new Set(s.articlesWithEntitiesChanged());
    assert.ok(renamed.has(docs[4].uri) && renamed.has(docs[9].uri), 'both edited articles');
    assert.ok(renamed.size < docs.length / 10, `not the corpus: ${renamed.size} of ${docs.length}`);
    const now = s.entityClustering(NEVER_CANCELLED);
    for (const d of docs) if (!renamed.has(d.uri)) assert.deepEqual(now.mentionsOf(d.uri), before.get(d.uri), d.uri);
    const fresh = serviceOver(300, 9).s;
    for (const e of edits) e(fresh);
    const uris = fresh.documentUris();
    assert.deepEqual(dump(now, uris), dump(fresh.entityClustering(NEVER_CANCELLED), uris));
  });

  it('is made again for a new registry, and not used until it is', function () {
    this.timeout(60_000);
    const { docs, s } = serviceOver(12, 3);
    s.entityClustering(NEVER_CANCELLED);
    runToEnd(s.incrementalClusteringInSlices(NEVER_CANCELLED));
    const someone = s.entityClustering(NEVER_CANCELLED).clusters().find((c) => c.type === 'PERSON')!;
    s.setRegistry({ entities: [{ id: 'the-one', canonical: someone.canonical, type: 'PERSON', aliases: [] }], notEntities: [] });
    assert.equal(s.clusteringIsIncremental(), false);
    assert.equal(s.entityClustering(NEVER_CANCELLED).cluster('the-one')?.canonical, someone.canonical);
    runToEnd(s.incrementalClusteringInSlices(NEVER_CANCELLED));
    assert.equal(s.clusteringIsIncremental(), true);
    s.setDocument(docs[0].uri, `${docs[0].text}\n${someone.canonical} spoke.\n`);
    const c = s.entityClustering(NEVER_CANCELLED).cluster('the-one')!;
    assert.ok(c.mentions.some((m) => m.uri === docs[0].uri && m.text === someone.canonical));
  });
});
