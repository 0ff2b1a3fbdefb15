import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenEnd, tokenEndByRegex, tokenize } from '../../../server/src/core/entities/tokenize';
import { isSpaceUnit } from '../../../server/src/core/text/spaces';

/**
 * Characters that decide where tokens end: ASCII letters and digits, the joiners and the separators between digits,
 * apostrophes (clitics), initials' periods, letters, marks and digits past ASCII, an astral letter and an emoji, spaces.
 */
const PIECES = [
  'a', 'b', 'n', 't', 's', 'S', 'U', 'K', 'x', 'Z', '0', '7', '9',
  '-', "'", '’', '&', '.', ',', ':', '/', '"', '(', ')', '!', '?', ';', '%', '$', '\u0000', '\u001f', '\u007f',
  ' ', '\n', '\t', '\v', '\f', '\r', '\u00a0', '\u2009', '\u0080', '\u0085', '\u009f', '_', '@',
  'é', 'ệ', 'Đ', 'ß', '\u0301', '٣', '²', '—', '“', '𝐀', '😀', '\ud800',
  "n't", "'s", 'U.S.', 'A.B.-C', '3.5', '1,000', '12:30', '24/7', 'rock&roll', 'Lao-Việt', 'Việt Nam',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('where a token ends (tokenEnd)', () => {
  it('is where the tokeniser’s regex says, at every non-space of any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (let at = 0; at < text.length; at++) {
          if (isSpaceUnit(text.charCodeAt(at))) continue;
          assert.equal(tokenEnd(text, at), tokenEndByRegex(text, at), `at ${at} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is where the regex says in every text of up to three characters of those that decide', () => {
    const units = ['a', 'n', 'U', 't', 's', '7', '-', "'", '’', '&', '.', ',', '/', ' ', '_', '\u0085', 'é', '\u0301', '٣', '\ud835', '\udc00'];
    for (const a of units) for (const b of ['', ...units]) for (const c of ['', ...units]) {
      const text = a + b + c;
      for (let at = 0; at < text.length; at++) {
        if (!isSpaceUnit(text.charCodeAt(at))) assert.equal(tokenEnd(text, at), tokenEndByRegex(text, at), `at ${at} of ${JSON.stringify(text)}`);
      }
    }
  });

  it('splits news text as before', () => {
    const text = "The U.S. and Lao PDR's talks on 12:30, 24/7 rock&roll — didn't end; 3.5% of 1,000 (Việt Nam) co-operate.";
    assert.deepEqual(
      tokenize(text).map((t) => t.text),
      ['The', 'U.S.', 'and', 'Lao', 'PDR', "'s", 'talks', 'on', '12:30', ',', '24/7', 'rock&roll', '—', 'did', "n't", 'end', ';', '3.5', '%', 'of', '1,000', '(', 'Việt', 'Nam', ')', 'co-operate', '.'],
    );
  });
});
