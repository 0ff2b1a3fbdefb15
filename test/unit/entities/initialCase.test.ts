import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCapitalised, startsLower, startsUpper } from '../../../server/src/core/entities/initialCase';

describe('initial capitals', () => {
  it('answers as the Unicode regular expressions do, for any first code unit or code point', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: 'binary-ascii', maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 2 }));
    fc.assert(
      fc.property(text, (t) => {
        assert.equal(startsUpper(t), /^\p{Lu}/u.test(t), JSON.stringify(t));
        assert.equal(isCapitalised(t), /^[\p{Lu}\p{N}]/u.test(t), JSON.stringify(t));
        assert.equal(startsLower(t), /^\p{Ll}/u.test(t), JSON.stringify(t));
      }),
      { numRuns: 20000 },
    );
    for (const t of ['Việt', 'Đà', '12th', '٣', 'Ⅻ', '𝐀bc', '𝐚bc', '\uD835', 'ǅ', 'ß', 'lao', 'ương', 'ⅻ', '', '½']) {
      assert.equal(startsUpper(t), /^\p{Lu}/u.test(t), t);
      assert.equal(isCapitalised(t), /^[\p{Lu}\p{N}]/u.test(t), t);
      assert.equal(startsLower(t), /^\p{Ll}/u.test(t), t);
    }
  });
});
