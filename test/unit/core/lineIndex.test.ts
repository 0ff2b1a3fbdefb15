import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets and positions both ways with LF and CRLF', () => {
    for (const nl of ['\n', '\r\n']) {
      const text = ['Việt Nam', '', 'Laos’ army'].join(nl);
      const idx = new LineIndex(text);
      assert.equal(idx.lineCount, 3);
      const at = text.indexOf('army');
      const pos = idx.positionAt(at);
      assert.deepEqual(pos, { line: 2, character: 6 });
      assert.equal(idx.offsetAt(pos), at);
    }
  });
  it('clamps out-of-range input', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 5);
  });
});
