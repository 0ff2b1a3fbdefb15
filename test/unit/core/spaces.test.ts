import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseSpaces, isSpaceUnit } from '../../../server/src/core/text/spaces';

describe('white space', () => {
  it('reads each code unit as /\\s/ does', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceUnit(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('collapses runs of white space as replace(/\\s+/g, " ") does, in any stretch of a text', () => {
    const unit = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', 'a', 'B', '.', 'ệ', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }).map((u) => u.join('')), fc.nat(), fc.nat(), (text, x, y) => {
        const from = Math.min(x, y) % (text.length + 1);
        const to = from + (Math.max(x, y) % (text.length - from + 1));
        assert.equal(collapseSpaces(text, from, to), text.slice(from, to).replace(/\s+/g, ' '));
      }),
      { numRuns: 5000 },
    );
  });
});
