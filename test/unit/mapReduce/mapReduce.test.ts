import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  checkMapOutput, createCorpusService, createMapStep, NEVER_CANCELLED, reduceMapOutputs,
  type ArticleMapOutput, type BoilerplateIgnores, type DocumentAnalysis,
} from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';
import { Rng } from '../../support/rng';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

interface Article { uri: string; text: string }

const model = loadNerModel();

/**
 * Every article's analysis from one in-process run, as `analyze` runs it: articles set in key order (the order of a
 * boilerplate finding's copies follows the order the service was given its articles).
 */
function singleRun(articles: readonly Article[], ignores: BoilerplateIgnores): DocumentAnalysis[] {
  const service = createCorpusService({ nerModel: model });
  service.setBoilerplateIgnores(ignores);
  for (const a of [...articles].sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0))) service.setDocument(a.uri, a.text);
  return service.documentUris().map((uri) => service.analyze(uri, undefined, NEVER_CANCELLED));
}

/** Map each article (through JSON, as an engine would carry it), then reduce the records in the order given. */
function mapThenReduce(records: readonly ArticleMapOutput[], ignores: BoilerplateIgnores): DocumentAnalysis[] {
  const carried = records.map((r) => checkMapOutput(JSON.parse(JSON.stringify(r))));
  const reduced = reduceMapOutputs(carried, { ignores }, NEVER_CANCELLED);
  return reduced.uris.map((uri) => reduced.analyze(uri, NEVER_CANCELLED));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rng = new Rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Map, then reduce in the given order and in shuffled orders: each must equal the single run. */
function assertSameAsSingleRun(articles: readonly Article[], ignores: BoilerplateIgnores): DocumentAnalysis[] {
  const expected = singleRun(articles, ignores);
  const step = createMapStep(model);
  const records = articles.map((a) => step.map(a.uri, a.text, undefined, NEVER_CANCELLED));
  assert.deepEqual(mapThenReduce(records, ignores), expected, 'in the order mapped');
  for (const seed of [1, 2]) assert.deepEqual(mapThenReduce(shuffled(records, seed), ignores), expected, `shuffled (seed ${seed})`);
  // Articles mapped in another order (the map step keeps nothing between articles).
  const other = createMapStep(model);
  const reversed = [...articles].reverse().map((a) => other.map(a.uri, a.text, undefined, NEVER_CANCELLED));
  assert.deepEqual(mapThenReduce(reversed, ignores), expected, 'mapped in reverse order');
  return expected;
}

describe('the analysis as a map step per article and a reduce over the corpus', () => {
  it('gives a single run’s analyses on the seeds, whatever the order of the map outputs', async () => {
    const articles: Article[] = [];
    for (const name of await seedNames()) articles.push({ uri: path.join(SEEDS_DIR, name), text: await fs.readFile(path.join(SEEDS_DIR, name), 'utf8') });
    const expected = assertSameAsSingleRun(articles, { everywhere: [], here: [] });
    assert.ok(expected.some((a) => a.entities.length && a.dates.length), 'the seeds have names and dates');
  });

  it('gives a single run’s clusters and cross-article boilerplate on a generated corpus, with ignored passages left out', () => {
    const docs = generateCorpus({ articles: 80, seed: 7, syndication: 0.3 });
    const articles = docs.map((d) => ({ uri: `gen/${d.uri}`, text: d.text }));
    const plain = singleRun(articles, { everywhere: [], here: [] });
    // Some finding is ignored everywhere, so the reduce must apply the analysts' ignore list as the service does.
    const ignored = plain.flatMap((a) => a.boilerplate).find((b) => b.kind === 'duplicate');
    assert.ok(ignored, 'the generated corpus has duplicates');
    const ignores: BoilerplateIgnores = { everywhere: [{ text: ignored.text, kind: ignored.kind }], here: [] };
    const expected = assertSameAsSingleRun(articles, ignores);
    const crossArticle = expected.flatMap((a) => a.boilerplate.filter((b) => b.copies.some((c) => c.uri !== a.uri)));
    assert.ok(crossArticle.length > 0, 'some boilerplate has copies in other articles');
    const entityIds = new Map<string, Set<string>>();
    for (const a of expected) for (const e of a.entities) (entityIds.get(e.entityId) ?? entityIds.set(e.entityId, new Set()).get(e.entityId)!).add(a.uri);
    assert.ok([...entityIds.values()].some((uris) => uris.size > 1), 'some entities span articles');
  });

  it('keeps each article’s keys in its record: name keys and LSH band keys', () => {
    const [doc] = generateCorpus({ articles: 1, seed: 3 });
    const r = createMapStep(model).map('a.txt', doc.text, undefined, NEVER_CANCELLED);
    assert.ok(r.keys.names.length > 0 && r.keys.bands.length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r, 'the record is plain JSON');
  });

  it('refuses records it cannot join, saying why', () => {
    const step = createMapStep(model);
    const r = step.map('a.txt', 'Minister Nguyen Van An met Lao officials in Vientiane.', undefined, NEVER_CANCELLED);
    assert.throws(() => checkMapOutput({ ...r, version: 99 }), /version 99/);
    assert.throws(() => checkMapOutput({ ...r, analysisVersion: -1 }), /run the map again/);
    assert.throws(() => reduceMapOutputs([r, { ...r, text: r.text + ' More.' }], {}, NEVER_CANCELLED), /two different texts/);
    assert.throws(() => reduceMapOutputs([{ ...r, text: 'short' }], {}, NEVER_CANCELLED), /do not fit its text/);
  });
});
