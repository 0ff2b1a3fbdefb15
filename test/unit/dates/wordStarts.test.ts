import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../../server/src/core/dates/recognize';
import { WordStarts, wordPatterns } from '../../../server/src/core/dates/wordStarts';

/** Every word the date patterns spell out (their sources' runs of letters), as written, lower-cased and capitalised. */
function patternWords(): string[] {
  const words = new Set<string>();
  for (const p of wordPatterns()) {
    for (const [w] of p.global.source.replace(/\\[a-zA-Z]/g, ' ').matchAll(/[A-Za-z]+/g)) {
      words.add(w);
      words.add(w.toLowerCase());
      words.add(w[0].toUpperCase() + w.slice(1).toLowerCase());
    }
  }
  return [...words];
}

const words = fc.constantFrom(...patternWords(), 'Việt', 'Nam', 'said', 'x', 'a', 'an', 'of', '_', 'Q3', 'H1');
/** Numbers of one to four digits, some with a suffix (`1990s`, `4th`, `2020s`). */
const numbers = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 0, max: 9999 })), fc.constantFrom('', '', '', 's', '0s', 'st', 'th', 'h'))
  .map(([n, suffix]) => `${n}${suffix}`);
const gaps = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', '–', '/', ':', '.', "'", '’', '(', ')', '$', '#', '');
const texts = fc.array(fc.tuple(fc.oneof(words, words, numbers), gaps), { maxLength: 60 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('date patterns tried only where their words begin', () => {
  it('are declared with every word that can begin them: the same matches as a scan of the whole text', () => {
    const patterns = wordPatterns();
    assert.ok(patterns.length >= 25, 'the date patterns are made with wordPattern');
    fc.assert(
      fc.property(texts, (text) => {
        const words = new WordStarts(text);
        for (const p of patterns) {
          const scanned = [...text.matchAll(p.global)].map((m) => [m.index, ...m]);
          const tried = [...words.matches(p)].map((m) => [m.index, ...m]);
          assert.deepEqual(tried, scanned, `${p.global} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds matches at the very start and end of a text, and none in an empty one', () => {
    for (const text of ['Monday', '2024', 'today', 'in May', '', ' ', 'the weekend']) {
      const words = new WordStarts(text);
      for (const p of wordPatterns()) assert.deepEqual([...words.matches(p)].map((m) => m[0]), [...text.matchAll(p.global)].map((m) => m[0]), `${p.global} in ${JSON.stringify(text)}`);
    }
  });
});
