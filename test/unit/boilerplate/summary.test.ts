import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { summarizeBoilerplate } from '../../../server/src/core/boilerplate/summary';
import { createCorpusService, NEVER_CANCELLED } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';

const SEEDS = path.join(__dirname, '../../../seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => ({ uri: `file:///seeds/${f}`, text: readFileSync(path.join(SEEDS, f), 'utf8') }));

/** Findings and clusters of an index, as plain data. */
function everything(index: ReturnType<typeof createBoilerplateIndex>, uris: string[]): unknown {
  return { findings: uris.map((u) => index.findings(u)), clusters: index.clusters() };
}

describe('boilerplate summaries kept between runs', () => {
  const docs = [...seeds, ...generateCorpus({ articles: 120, seed: 8 })];
  const uris = docs.map((d) => d.uri);

  it('an index fed kept summaries finds exactly what one fed the texts finds', function () {
    this.timeout(60000);
    const fresh = createBoilerplateIndex();
    for (const d of docs) fresh.update(d.uri, d.text);
    const kept = createBoilerplateIndex();
    // Through JSON, as the cache keeps them.
    for (const d of docs) kept.update(d.uri, d.text, JSON.parse(JSON.stringify(fresh.summaryOf(d.uri))));
    assert.deepEqual(everything(kept, uris), everything(fresh, uris));
    assert.deepEqual(kept.summaryOf(uris[3]), fresh.summaryOf(uris[3]));
  });

  it("an article's findings and the clusters lay out no other article indexed from its summary", function () {
    this.timeout(60000);
    const fresh = createBoilerplateIndex();
    for (const d of docs) fresh.update(d.uri, d.text);
    assert.equal(fresh.laidOut, docs.length, 'texts summarised here keep their lines');
    const kept = createBoilerplateIndex();
    for (const d of docs) kept.update(d.uri, d.text, JSON.parse(JSON.stringify(fresh.summaryOf(d.uri))));
    assert.equal(kept.laidOut, 0);
    const asked = [uris[0], uris[7], uris[40]];
    const found = asked.map((u) => kept.findings(u));
    assert.ok(found.some((f) => f.some((x) => x.copies.length > 0)), 'findings with copies in other articles');
    assert.equal(kept.laidOut, asked.length, 'only the articles whose findings were asked for');
    assert.deepEqual(found, asked.map((u) => fresh.findings(u)));
    const clusters = kept.clusters();
    assert.ok(clusters.some((c) => c.kind === 'chrome') && clusters.some((c) => c.kind !== 'chrome'));
    assert.equal(kept.laidOut, asked.length, 'listing the clusters lays out no article');
    assert.deepEqual(clusters, fresh.clusters());
  });

  it('a summary that does not fit the text or the options is ignored, never trusted', () => {
    const [a, b] = docs;
    const fresh = createBoilerplateIndex();
    fresh.update(a.uri, a.text);
    fresh.update(b.uri, b.text);
    const good = summarizeBoilerplate(a.text, 40).summary;
    const bad: unknown[] = [
      summarizeBoilerplate(b.text, 40).summary, // another text (here of another line count: a kept summary is only ever looked up by its own text's hash)
      summarizeBoilerplate(a.text, 10).summary, // other options
      { ...good, passages: [...good.passages.slice(0, -1), -5] },
      { ...good, shapes: good.shapes.slice(1) },
      { ...good, short: good.short.map((x, i) => (i === 0 ? 1e9 : x)) },
      { ...good, headlineIdx: 'x' },
      'nonsense', 42, null,
    ];
    for (const summary of bad) {
      const index = createBoilerplateIndex();
      index.update(a.uri, a.text, summary);
      index.update(b.uri, b.text);
      assert.deepEqual(everything(index, [a.uri, b.uri]), everything(fresh, [a.uri, b.uri]), JSON.stringify(summary).slice(0, 80));
      assert.deepEqual(index.summaryOf(a.uri), good);
    }
  });

  it('the corpus service exports each article with its summary, and a service importing them analyses the same', function () {
    this.timeout(60000);
    const nerModel = loadNerModel();
    const first = createCorpusService({ nerModel });
    for (const d of docs) first.setDocument(d.uri, d.text);
    for (const d of docs) first.prepareDocument(d.uri, NEVER_CANCELLED);
    const states = docs.map((d) => JSON.parse(JSON.stringify(first.exportDocument(d.uri))));
    assert.ok(states.every((s) => s.boilerplate && Array.isArray(s.boilerplate.passages)));
    const second = createCorpusService({ nerModel });
    docs.forEach((d, i) => assert.equal(second.importDocument(d.uri, d.text, states[i]), true));
    for (const d of docs.slice(0, 12)) {
      assert.deepEqual(second.analyze(d.uri, undefined, NEVER_CANCELLED).boilerplate, first.analyze(d.uri, undefined, NEVER_CANCELLED).boilerplate, d.uri);
    }
    assert.deepEqual(second.boilerplateClusters(NEVER_CANCELLED), first.boilerplateClusters(NEVER_CANCELLED));
  });

  it('an edited article is indexed again from its new text, and its old passages leave the clusters', () => {
    const nerModel = loadNerModel();
    const service = createCorpusService({ nerModel });
    const text = seeds[0].text;
    service.setDocument('file:///a.txt', text);
    service.setDocument('file:///b.txt', text);
    const before = service.boilerplateClusters(NEVER_CANCELLED).filter((c) => c.places.some((p) => p.uri === 'file:///b.txt'));
    assert.ok(before.length > 0);
    service.setDocument('file:///b.txt', 'Something else entirely, written by an analyst for a test of the index.');
    const after = service.boilerplateClusters(NEVER_CANCELLED).filter((c) => c.places.some((p) => p.uri === 'file:///b.txt'));
    assert.equal(after.length, 0);
  });

  it('lists the same copies whatever order the articles are indexed in, also when there are more than are listed', function () {
    this.timeout(60000);
    const footer = '© 2020 The Daily Example. All rights reserved. Reproduction without permission is prohibited.';
    const pages = docs.slice(0, 60).map((d) => ({ uri: d.uri, text: `${d.text}\n\n${footer}\n` }));
    const forward = createBoilerplateIndex();
    for (const d of pages) forward.update(d.uri, d.text);
    const shuffled = createBoilerplateIndex();
    for (let k = 0; k < pages.length; k++) {
      const d = pages[(k * 37) % pages.length];
      shuffled.update(d.uri, d.text);
    }
    const copiesOfFooter = forward.findings(pages[0].uri).find((f) => f.text === footer)?.copies ?? [];
    assert.ok(copiesOfFooter.length >= 20, `${copiesOfFooter.length} copies listed`);
    for (const d of pages) assert.deepEqual(shuffled.findings(d.uri), forward.findings(d.uri), d.uri);
  });
});
