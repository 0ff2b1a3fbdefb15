import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createBoilerplateIndex, type BoilerplateCluster, type BoilerplateIndex } from '../../../server/src/core/boilerplate';
import { lines, para } from './helpers';
import { generateCorpus } from '../../support/corpusGenerator';

/**
 * The groups of repeated passages are kept from one listing to the next and only those an edit can change are made
 * again (passageClusters.ts, furnitureClusters.ts). Whatever the edits, a listing must be what an index built afresh
 * from the same texts lists.
 */

/** Paragraphs articles are made of: shared ones, near copies of them (one word changed), and each article's own. */
const SHARED = ['lead-a', 'lead-b', 'agency'].map((s) => para(s, 2));
const NEAR = SHARED.map((p) => p.replace(/^The \S+/, 'The lagoon'));
const CHROME = ['Share this article on Facebook and Twitter with your friends today', 'Read more: the latest news from the region and the world'];
const FURNITURE = ['Updated 12 May 2024', 'Updated 3 June 2023', 'Comments (4)', 'Comments (17)'];

/** One article: a headline, then paragraphs picked by `picks` (each a code into the pools above), blank-separated. */
function article(name: string, version: number, picks: readonly number[]): string {
  const parts = [`Headline of article ${name} number ${version} on the border`];
  picks.forEach((k, i) => {
    const kind = k % 5;
    const which = Math.floor(k / 5);
    if (kind === 0) parts.push(SHARED[which % SHARED.length]);
    else if (kind === 1) parts.push(NEAR[which % NEAR.length]);
    else if (kind === 2) parts.push(CHROME[which % CHROME.length]);
    else if (kind === 3) parts.push(FURNITURE[which % FURNITURE.length]);
    else parts.push(para(`${name}-${version}-${i}`, 1));
  });
  return lines(...parts.flatMap((p) => [p, '']));
}

const canonical = (clusters: readonly BoilerplateCluster[]) =>
  [...clusters].map((c) => ({ ...c, places: [...c.places] })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function fresh(texts: ReadonlyMap<string, string>): BoilerplateIndex {
  const index = createBoilerplateIndex();
  for (const [uri, text] of [...texts].sort()) index.update(uri, text);
  return index;
}

const step = fc.record({
  doc: fc.integer({ min: 0, max: 7 }),
  action: fc.constantFrom('set', 'set', 'set', 'remove', 'list', 'findings'),
  picks: fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 0, maxLength: 6 }),
});

describe('boilerplate clusters after edits', () => {
  it('are, after any sequence of edits, removals and listings, what an index built afresh lists', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 6 }), { minLength: 8, maxLength: 8 }), fc.array(step, { minLength: 1, maxLength: 25 }), (initial, steps) => {
        const texts = new Map<string, string>();
        const index = createBoilerplateIndex();
        initial.forEach((picks, d) => {
          texts.set(`a${d}.txt`, article(`a${d}`, 0, picks));
          index.update(`a${d}.txt`, texts.get(`a${d}.txt`)!);
        });
        index.clusters();
        steps.forEach(({ doc, action, picks }, version) => {
          const uri = `a${doc}.txt`;
          if (action === 'set') {
            texts.set(uri, article(`a${doc}`, version + 1, picks));
            index.update(uri, texts.get(uri)!);
          } else if (action === 'remove') {
            texts.delete(uri);
            index.remove(uri);
          } else if (action === 'findings') {
            if (texts.has(uri)) index.findings(uri);
          } else {
            assert.deepEqual(canonical(index.clusters()), canonical(fresh(texts).clusters()));
          }
        });
        assert.deepEqual(canonical(index.clusters()), canonical(fresh(texts).clusters()));
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('keeps the groups an edit cannot reach as the same objects', () => {
    const own = ['Quang Tri farmers planted coffee after the floods receded in the northern valleys',
      'Savannakhet traders opened a new market hall beside the old railway station yesterday',
      'Hue students painted murals of river boats along the citadel walls during the festival',
      'Pakse fishermen repaired their nets while monsoon clouds gathered over the Mekong delta'];
    const doc = (k: number, shared: string, extra = '') => lines(own[k], '', shared, '', extra);
    const index = createBoilerplateIndex();
    index.update('a.txt', doc(0, SHARED[0]));
    index.update('b.txt', doc(1, SHARED[0]));
    index.update('c.txt', doc(2, SHARED[1]));
    index.update('d.txt', doc(3, SHARED[1]));
    const before = index.clusters();
    const ofA = before.find((c) => c.places.some((p) => p.uri === 'a.txt'))!;
    const ofC = before.find((c) => c.places.some((p) => p.uri === 'c.txt'))!;
    index.update('a.txt', doc(0, SHARED[0], 'Attapeu villagers rebuilt a bamboo footbridge swept away by the rains'));
    const after = index.clusters();
    assert.ok(after.includes(ofC), 'the group of c and d, which the edit does not reach, is kept');
    assert.ok(!after.includes(ofA), 'the group holding the edited article is made again');
    assert.deepEqual(after.find((c) => c.places.some((p) => p.uri === 'a.txt'))?.places.map((p) => p.uri), ['a.txt', 'b.txt']);
  });
});

describe('boilerplate findings after edits that keep most lines', () => {
  /** `text` with one line typed in (a word put before its first), a line inserted before it, or it deleted. */
  const edit = (text: string, line: number, how: number): string => {
    const ls = text.split('\n');
    const at = line % ls.length;
    if (how === 0) ls[at] = `Typed ${ls[at]}`;
    else if (how === 1) ls.splice(at, 0, CHROME[line % CHROME.length]);
    else ls.splice(at, 1);
    return ls.join('\n');
  };

  it('are, for every article, what an index built afresh finds; and so are the clusters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 2, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.record({ doc: fc.integer({ min: 0, max: 5 }), line: fc.nat(40), how: fc.integer({ min: 0, max: 2 }), look: fc.boolean() }), { minLength: 1, maxLength: 20 }),
        (initial, steps) => {
          const texts = new Map<string, string>();
          const index = createBoilerplateIndex();
          initial.forEach((picks, d) => {
            texts.set(`a${d}.txt`, article(`a${d}`, 0, picks));
            index.update(`a${d}.txt`, texts.get(`a${d}.txt`)!);
          });
          for (const uri of texts.keys()) index.findings(uri);
          for (const { doc, line, how, look } of steps) {
            const uri = `a${doc}.txt`;
            texts.set(uri, edit(texts.get(uri)!, line, how));
            index.update(uri, texts.get(uri)!);
            if (look) for (const u of texts.keys()) index.findings(u);
          }
          const afresh = fresh(texts);
          for (const uri of texts.keys()) assert.deepEqual(index.findings(uri), afresh.findings(uri), uri);
          assert.deepEqual(canonical(index.clusters()), canonical(afresh.clusters()));
        },
      ),
      { numRuns: 150, seed: 20261203 },
    );
  });
});

describe('boilerplate clusters after edits, on a generated corpus', () => {
  it('are what an index built afresh lists, after edits with listings between (2,000 articles of many sites)', function () {
    this.timeout(120_000);
    const docs = generateCorpus({ articles: 2000, seed: 5 });
    const texts = new Map(docs.map((d) => [d.uri, d.text]));
    const index = createBoilerplateIndex();
    for (const [uri, text] of texts) index.update(uri, text);
    index.clusters();
    for (let r = 0; r < 20; r++) {
      const { uri } = docs[(r * 97) % docs.length];
      texts.set(uri, texts.get(uri)!.replace(/\.\s/, `. Edit ${r}. `));
      index.update(uri, texts.get(uri)!);
      if (r % 5 === 0) index.clusters();
    }
    // The code before these clusters were kept (one union-find over the whole corpus at each listing, with the
    // matches each article had cached) kept three passages in a group of page chrome they had left, here.
    assert.deepEqual(canonical(index.clusters()), canonical(fresh(texts).clusters()));
  });
});
