import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Buckets } from '../../../server/src/core/boilerplate/buckets';
import { tokenSimilarity } from '../../../server/src/core/boilerplate/minhash';
import { lineShape, normalizeSpace, passageHashes, splitLines, tokenHashes, words } from '../../../server/src/core/boilerplate/text';

/** FNV-1a of `normalizeSpace(text)`: what `passageHashes` gives as `spaceHash`, made the plain way. */
function spaceNormalizedHash(text: string): number {
  const normal = normalizeSpace(text);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < normal.length; i++) h = Math.imul(h ^ normal.charCodeAt(i), 0x01000193);
  return h | 0;
}

describe('boilerplate parts', () => {
  it('splits non-blank lines with trimmed offsets', () => {
    const text = '  Title \r\n\n\tBody line.  \nLast';
    const ls = splitLines(text);
    assert.deepEqual(ls.map((l) => [l.line, l.text]), [[0, 'Title'], [2, 'Body line.'], [3, 'Last']]);
    for (const l of ls) assert.equal(text.slice(l.start, l.end), l.text);
  });

  it('hashes words like words() and whitespace-normalised text like normalizeSpace()', () => {
    const a = 'Việt Nam’s  (KPL) Over—the past, 5 years';
    assert.deepEqual(words(a), ['việt', 'nam', 's', 'kpl', 'over', 'the', 'past', '5', 'years']);
    assert.equal(tokenHashes(a).length, words(a).length);
    assert.deepEqual(tokenHashes('(KPL) Over the past'), tokenHashes('KPL over, the PAST'));
    assert.equal(spaceNormalizedHash('a  b\u00a0 c '), spaceNormalizedHash(normalizeSpace('a  b\u00a0 c ')));
    assert.notEqual(spaceNormalizedHash('a b c'), spaceNormalizedHash('a bc'));
    assert.equal(lineShape('Comments (12)'), lineShape('Comments (3)'.replace('3', '45')));
  });

  it('hashes a passage in one pass exactly as tokenHashes and spaceNormalizedHash do apart', () => {
    const units = fc.constantFrom('a', 'Z', '9', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', 'ệ', 'Đ', '’', '-', '.', '😀', 'ß', 'İ');
    fc.assert(
      fc.property(fc.array(units, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const { tokens, spaceHash } = passageHashes(text);
        assert.deepEqual(tokens, tokenHashes(text));
        assert.equal(spaceHash, spaceNormalizedHash(text));
      }),
      { numRuns: 500 },
    );
    // More words than the scratch buffer first holds (256): it grows, and the hashes stay the same.
    const long = Array.from({ length: 700 }, (_, i) => `Word${i}${i % 3 === 0 ? '\u00a0' : ' '}`).join('');
    assert.deepEqual(passageHashes(long).tokens, tokenHashes(long));
    assert.equal(passageHashes(long).tokens.length, 700);
    assert.equal(passageHashes(long).spaceHash, spaceNormalizedHash(long));
  });

  it('measures word edit similarity with a cut-off', () => {
    const t = (s: string): Int32Array => tokenHashes(s);
    assert.equal(tokenSimilarity(t('a b c d e'), t('a b c d e'), 0.8), 1);
    assert.equal(tokenSimilarity(t('a b c d e'), t('a b x d e'), 0.8), 0.8);
    assert.equal(tokenSimilarity(t('a b c d e'), t('x y c d e'), 0.8), 0);
    assert.equal(tokenSimilarity(t('k a b c d e f g h i'), t('a b c d e f g h i'), 0.8), 0.9);
  });

  it('measures word edit similarity as the full edit distance does, whatever the lengths and order of calls', () => {
    const levenshtein = (a: Int32Array, b: Int32Array): number => {
      let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
      return prev[b.length];
    };
    const words = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }).map((xs) => Int32Array.from(xs));
    fc.assert(
      fc.property(words, words, fc.constantFrom(0.5, 0.7, 0.8, 0.9, 1), (a, b, threshold) => {
        const longer = Math.max(a.length, b.length);
        const exact = longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
        const expected = longer === 0 || levenshtein(a, b) <= Math.floor((1 - threshold) * longer + 1e-9) ? exact : 0;
        assert.equal(tokenSimilarity(a, b, threshold), expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a multimap of ids per key, with removal, a cap and growth', () => {
    const b = new Buckets(3, 8);
    for (let i = 0; i < 100; i++) b.add(i * 7, i);
    b.add(7, 1000);
    b.add(7, 1001);
    b.add(7, 1002);
    const got = (k: number): number[] => { const o: number[] = []; b.forEach(k, (id) => o.push(id)); return o.sort((x, y) => x - y); };
    assert.deepEqual(got(7), [1, 1000, 1001]);
    b.reserve(5000); // room made at once: the same ids
    assert.equal(b.count, 102);
    assert.deepEqual(got(7), [1, 1000, 1001]);
    assert.deepEqual(got(14), [2]);
    b.remove(7, 1000);
    assert.deepEqual(got(7), [1, 1001]);
    assert.deepEqual(got(14), [2]);
    assert.deepEqual(got(5), []);
    assert.deepEqual([...b.groups()].map((g) => [...g].sort((x, y) => x - y)), [[1, 1001]]);
    // A key full again after a removal takes one more, and no more.
    b.add(7, 1003);
    b.add(7, 1004);
    assert.deepEqual(got(7), [1, 1001, 1003]);
  });
});
