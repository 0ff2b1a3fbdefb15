import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordTable } from '../../../server/src/core/entities/wordTable';
import { computeWordInfo } from '../../../server/src/core/entities/features';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { segment, tokenize, type LineTokens, type LineTokenMemo } from '../../../server/src/core/entities/tokenize';
import type { NerModel } from '../../../server/src/core/entities/model';
import { loadNerModel } from '../../../server/src/node/nerModelFile';

/** Texts with what the word table's hashing and in-place comparisons could get wrong. */
const unit = fc.constantFrom(
  'a', 'B', 'z', 'Q', '1', ' ', ' ', '\n', '\r', '\t', '.', ',', "'", '’', '-', 's', 't', 'n', 'Mr', 'Lao', 'U.S.',
  'Việt', 'é', 'e\u0301', 'ß', 'İ', 'Σ', '𝐀', '😀', '\ud800', '\udc00', 'ລາວ', '\u00a0', '\u200b', 'Đ',
);
const text = fc.array(unit, { maxLength: 60 }).map((parts) => parts.join(''));

/** A sentence list as plain data: each token's offsets and text, and the line's casing. */
const plain = (sentences: ReturnType<typeof segment>) =>
  sentences.map((s) => ({ lineCase: s.lineCase, tokens: s.tokens.map((t) => [t.start, t.end, t.text]) }));

function memo(): LineTokenMemo {
  const m = new Map<string, LineTokens>();
  return { get: (l) => m.get(l), set: (l, t) => void m.set(l, t) };
}

describe('the recogniser word table', () => {
  let model: NerModel;
  before(() => {
    model = loadNerModel();
  });

  it('gives the tokens and line casings of the plain tokeniser, and an id per token whose word is the token', () => {
    const table = new WordTable(model);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.boolean(), (docs, withMemo) => {
        const lines = withMemo ? memo() : undefined;
        for (const doc of docs) {
          table.beginDocument(200);
          const got = segment(doc, lines, table);
          assert.deepEqual(plain(got), plain(segment(doc)));
          const tokens = got.flatMap((s) => s.tokens);
          assert.equal(table.tokenCount, tokens.length);
          for (let i = 0; i < tokens.length; i++) {
            const id = table.tokenIds[i];
            assert.equal(table.infos[id].lowerText, computeWordInfo(tokens[i].text, model.clusters).lowerText, tokens[i].text);
            assert.equal(table.idOf(tokens[i].text), id);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('looks words up by their own text, whatever is in the recent slots (the empty word, words that share a slot)', () => {
    const table = new WordTable(model);
    const words = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.constant('')), { maxLength: 30 }), (list) => {
        for (const w of list) {
          const id = table.idOf(w);
          const before = words.get(w);
          if (before !== undefined) assert.equal(id, before);
          else words.set(w, id);
          assert.equal(table.infoOf(w).lowerText, computeWordInfo(w, model.clusters).lowerText, JSON.stringify(w));
        }
      }),
      { numRuns: 500 },
    );
    // The empty word of a fresh and of an emptied table is its own, not the first word's.
    const fresh = new WordTable(model);
    fresh.idOf('Laos');
    assert.equal(fresh.infoOf('').lowerText, '');
    fresh.beginDocument(0);
    assert.equal(fresh.infoOf('').lowerText, '');
  });

  it('recognises the same entities with recognisers used one after the other or interleaved (scratch shared by the module)', () => {
    const docs = [
      'Lao Defence Minister Gen. Chansamone Chanyalath met Vietnamese counterpart Phan Van Giang in Hanoi on Tuesday.',
      'THE MINISTRY OF PUBLIC SECURITY\nPolice in Vientiane arrested two men, Mr. Somphone and Mr. Bounmy, on April 25.',
      'Việt Nam and Laos signed the agreement. “Khamlieng Outhakaysone” said the EU and the European Union would help.',
      '',
      'x'.repeat(5000) + ' Prime Minister Sonexay Siphandone',
    ];
    const alone = docs.map((d) => createEntityRecognizer(model).recognize(d));
    const a = createEntityRecognizer(model);
    const b = createEntityRecognizer(model);
    for (let round = 0; round < 2; round++) {
      docs.forEach((d, k) => {
        assert.deepEqual(a.recognize(d), alone[k], `A, round ${round}, doc ${k}`);
        assert.deepEqual(b.recognize(docs[docs.length - 1 - k]), alone[docs.length - 1 - k], `B, round ${round}, doc ${k}`);
      });
    }
  });

  it('tokenises without a table as it did (no state left by a table)', () => {
    const table = new WordTable(model);
    table.beginDocument(100);
    segment('One line.\nAnother LINE HERE', undefined, table);
    assert.deepEqual(tokenize("Don't O’Brien's U.S. Mr. x").map((t) => t.text), ['Do', "n't", 'O’Brien', "'s", 'U.S.', 'Mr.', 'x']);
  });
});
