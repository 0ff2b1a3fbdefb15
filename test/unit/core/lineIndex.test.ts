import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
  it('agrees with the LSP text document on every offset, whatever the line breaks (LF, CR, CRLF, mixed)', () => {
    const pieces = fc.constantFrom('a', 'Lào', ' ', '\n', '\r', '\r\n', '\n\r', '\u2028', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const idx = new LineIndex(text);
        const doc = TextDocument.create('file:///t.txt', 'plaintext', 1, text);
        assert.equal(idx.lineCount, doc.lineCount);
        for (let o = 0; o <= text.length; o++) {
          // Between the two units of a CRLF the document says the line's end; the index, the offset into the line.
          if (text[o - 1] === '\r' && text[o] === '\n') continue;
          assert.deepEqual(idx.positionAt(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
