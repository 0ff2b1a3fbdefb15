import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { generateCorpus } from '../../support/corpusGenerator';

describe('boilerplate clusters in slices', () => {
  const docs = generateCorpus({ articles: 300, seed: 12, syndication: 0.3 });
  const sorted = (c: { id: string }[]) => [...c].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  it('gives the clusters the index gives at once, in several slices', function () {
    this.timeout(60000);
    const whole = createBoilerplateIndex();
    const sliced = createBoilerplateIndex();
    for (const d of docs) {
      whole.update(d.uri, d.text);
      sliced.update(d.uri, d.text);
    }
    const steps = sliced.clustersInSlices();
    let slices = 0;
    let r = steps.next();
    while (!r.done) {
      slices++;
      r = steps.next();
    }
    assert.ok(slices >= 2, `${slices} slices`);
    assert.deepEqual(sorted(r.value), sorted(whole.clusters()));
  });

  it('articles changed between slices are seen as they are when it ends', function () {
    this.timeout(60000);
    const index = createBoilerplateIndex();
    for (const d of docs) index.update(d.uri, d.text);
    const steps = index.clustersInSlices();
    steps.next();
    // Meanwhile: one article copies another's body, one is emptied, one is removed.
    index.update(docs[1].uri, docs[0].text);
    index.update(docs[2].uri, 'Nothing repeated here at all, only one line written for a test.');
    index.remove(docs[3].uri);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const fresh = createBoilerplateIndex();
    for (const d of docs) fresh.update(d.uri, d.text);
    fresh.update(docs[1].uri, docs[0].text);
    fresh.update(docs[2].uri, 'Nothing repeated here at all, only one line written for a test.');
    fresh.remove(docs[3].uri);
    const places = (c: { places: { uri: string; start: number }[] }[]) => c.map((x) => x.places.map((p) => `${p.uri}:${p.start}`).sort().join(' ')).sort();
    assert.deepEqual(places(r.value), places(fresh.clusters()));
    assert.deepEqual(places(index.clusters()), places(fresh.clusters()));
  });

  it('page furniture: an article removed or set again at any of the last slices neither fails the listing nor leaves it wrong', function () {
    this.timeout(120000);
    const make = () => {
      const index = createBoilerplateIndex();
      for (const d of docs) index.update(d.uri, d.text);
      return index;
    };
    const chrome = (c: { kind: string; id: string; places: { uri: string; start: number; end: number }[] }[]) =>
      c.filter((x) => x.kind === 'chrome').map((x) => `${x.id} ${x.places.map((p) => `${p.uri}:${p.start}-${p.end}`).join(' ')}`).sort();
    // An article in a furniture group, not its first place (the group's places are read from it when it is made).
    const groups = make().clusters().filter((c) => c.kind === 'chrome' && c.id.startsWith('shape:'));
    const victim = groups.flatMap((c) => c.places.slice(1).map((p) => p.uri)).find((u) => !groups.some((c) => c.places[0].uri === u))!;
    assert.ok(victim, 'an article in a furniture group');
    let slices = 0;
    for (const steps = make().clustersInSlices(); !steps.next().done; ) slices++;
    const other = docs.find((d) => d.uri.split('/')[0] !== victim.split('/')[0])!.text;
    const ALONE = 'Nothing repeated here at all, only one line written for a test.';
    // The furniture groups are made at the end of the listing: each of its last slices.
    for (let back = 0; back < Math.min(6, slices); back++) {
      for (const change of ['remove', 'set twice'] as const) {
        const index = make();
        const steps = index.clustersInSlices();
        for (let k = 0; k < slices - back; k++) steps.next();
        if (change === 'remove') index.remove(victim);
        else index.update(victim, other);
        while (!steps.next().done);
        // Set again before the next listing: nothing of the text met mid-listing may stay in it.
        if (change === 'set twice') index.update(victim, ALONE);
        const fresh = make();
        if (change === 'remove') fresh.remove(victim);
        else fresh.update(victim, ALONE);
        assert.deepEqual(chrome(index.clusters()), chrome(fresh.clusters()), `${change} ${back} slices before the end`);
      }
    }
  });

  it('articles whose analysis is released between slices keep their places (a view reads them meanwhile)', function () {
    this.timeout(60000);
    const index = createBoilerplateIndex();
    for (const d of docs) index.update(d.uri, d.text);
    const fresh = createBoilerplateIndex();
    for (const d of docs) fresh.update(d.uri, d.text);
    const steps = index.clustersInSlices();
    let r = steps.next();
    let slices = 0;
    // As the timeline does while it reads every article: each read lets go of what the article's findings made.
    while (!r.done) {
      if (++slices % 2 === 0) for (const d of docs) index.release(d.uri);
      r = steps.next();
    }
    assert.ok(slices >= 4, `${slices} slices`);
    const places = (c: { places: { uri: string; start: number }[] }[]) => c.map((x) => x.places.map((p) => `${p.uri}:${p.start}`).sort().join(' ')).sort();
    assert.deepEqual(places(r.value), places(fresh.clusters()));
  });
});
