import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDocState, type DocState, type Passage } from '../../../server/src/core/boilerplate/docState';
import { PassageIndex } from '../../../server/src/core/boilerplate/passageIndex';
import { summarizeBoilerplate } from '../../../server/src/core/boilerplate/summary';
import { DEFAULT_MIN_PASSAGE_CHARS, DEFAULT_NEAR_DUPLICATE_THRESHOLD } from '../../../server/src/core/boilerplate';
import { generateCorpus } from '../../support/corpusGenerator';
import { lines, para } from './helpers';

/**
 * A first listing verifies a group of copies once (PassageIndex.matchedPassagesOfCopies): each copy is given the
 * matches of the first, with the first in place of itself. They must be, list and order, what each copy's own
 * `matchedPassages` gives.
 */

function indexOf(texts: readonly [string, string][]): { index: PassageIndex; docs: DocState[] } {
  const index = new PassageIndex();
  const docs = texts.map(([uri, text]) => {
    const doc = buildDocState(uri, text, summarizeBoilerplate(text, DEFAULT_MIN_PASSAGE_CHARS).summary, index.nextId);
    index.add(doc, 0, false);
    return doc;
  });
  return { index, docs };
}

/** For every passage: the lists matchedPassagesOfCopies gives, each against matchedPassages of the same passage. */
function checkEvery(index: PassageIndex, docs: readonly DocState[]): { shared: number } {
  let shared = 0;
  for (const doc of docs) {
    for (const p of doc.passages) {
      if (!p) continue;
      const given: [Passage, Passage[]][] = [];
      index.matchedPassagesOfCopies(p, DEFAULT_NEAR_DUPLICATE_THRESHOLD, (q, matches) => given.push([q, matches]));
      assert.equal(given[0][0], p, 'the passage asked for comes first');
      for (const [q, matches] of given) {
        assert.deepEqual(matches, index.matchedPassages(q, DEFAULT_NEAR_DUPLICATE_THRESHOLD), `matches of ${q.doc.uri}#${q.idx}`);
      }
      shared += given.length - 1;
    }
  }
  return { shared };
}

describe('boilerplate: the matches of a group of copies, verified once', () => {
  it('are each copy’s own matches, whatever copies, near copies and spacing the articles hold', () => {
    const pool = [para('lead', 2), para('agency', 1), para('lead', 2).replace(/^The \S+/, 'The lagoon'), para('own', 2)];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.record({ k: fc.integer({ min: 0, max: pool.length - 1 }), spaced: fc.boolean() }), { maxLength: 5 }), { minLength: 2, maxLength: 6 }),
        (articles) => {
          const texts = articles.map((parts, d): [string, string] => [
            `a${d}.txt`,
            lines(`Headline number ${d} about the river border`, '', ...parts.flatMap(({ k, spaced }) => [spaced ? pool[k].replace(/ /g, '  ') : pool[k], ''])),
          ]);
          const { index, docs } = indexOf(texts);
          checkEvery(index, docs);
        },
      ),
      { numRuns: 100, seed: 20261203 },
    );
  });

  it('are each copy’s own matches on a generated corpus, where articles repeat blocks of text', function () {
    this.timeout(60_000);
    const { index, docs } = indexOf(generateCorpus({ articles: 300, seed: 7 }).map((d) => [d.uri, d.text]));
    const { shared } = checkEvery(index, docs);
    assert.ok(shared > 100, `copies were given the first copy's matches (${shared})`);
  });
});
