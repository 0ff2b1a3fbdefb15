import * as assert from 'assert';
import { SentenceRuleMemo } from '../../../server/src/core/entities/sentenceRuleMemo';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { segment, type Token } from '../../../server/src/core/entities/tokenize';
import { WordTable } from '../../../server/src/core/entities/wordTable';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import type { TokenSpan } from '../../../server/src/core/entities/spans';

/** Sentence `k` of `text` as the recogniser gives it to the memo: its tokens, and the document's word ids from `at`. */
function sentenceAt(text: string, k = 0): [Token[], Int32Array, number] {
  const words = new WordTable(loadNerModel());
  words.beginDocument(Infinity);
  const sentences = segment(text, undefined, words);
  let at = 0;
  for (let i = 0; i < k; i++) at += sentences[i].tokens.length;
  return [sentences[k].tokens, words.tokenIds, at];
}

function keyOf(memo: SentenceRuleMemo, [tokens, ids, at]: [Token[], Int32Array, number], labels: Uint8Array, lineCase: number, heading: boolean) {
  return memo.keyOf(tokens, labels, lineCase, heading, ids, at);
}

describe('span rules remembered per sentence (SentenceRuleMemo)', () => {
  it('gives a key only for a sentence met before with the same labels, casing, heading and spacing', () => {
    const memo = new SentenceRuleMemo();
    const text = 'Vilay met Quang.\nVilay met Quang.\nVilay  met Quang.\nVilay met Quang.';
    const labels = new Uint8Array([1, 0, 1, 0]);
    assert.strictEqual(keyOf(memo, sentenceAt(text, 0), labels, 0, false), undefined, 'first time: nothing to remember yet');
    const key = keyOf(memo, sentenceAt(text, 1), labels, 0, false);
    assert.ok(key, 'second time: a key');
    assert.notStrictEqual(keyOf(memo, sentenceAt(text, 3), labels, 0, false), undefined);
    assert.strictEqual(keyOf(memo, sentenceAt(text, 2), labels, 0, false), undefined, 'other spacing: another sentence');
    assert.strictEqual(keyOf(memo, sentenceAt(text, 1), new Uint8Array([1, 0, 0, 0]), 0, false), undefined, 'other labels');
    assert.strictEqual(keyOf(memo, sentenceAt(text, 1), labels, 2, false), undefined, 'other line casing');
    assert.strictEqual(keyOf(memo, sentenceAt(text, 1), labels, 0, true), undefined, 'a heading');
  });

  it('hands back the spans it was given, as fresh objects, with character offsets moved to the copy', () => {
    const memo = new SentenceRuleMemo();
    const sentence = sentenceAt('Hanoi-Vientiane talks');
    keyOf(memo, sentence, new Uint8Array(2), 0, false);
    const key = keyOf(memo, sentence, new Uint8Array(2), 0, false)!;
    const spans: TokenSpan[] = [
      { from: 0, to: 1, type: 'LOCATION', start: 100, end: 105 },
      { from: 1, to: 2, type: 'ORG' },
    ];
    memo.set(key, 100, spans);
    const copy = memo.get(key, 5000)!;
    assert.deepStrictEqual(copy, [
      { from: 0, to: 1, type: 'LOCATION', start: 5000, end: 5005 },
      { from: 1, to: 2, type: 'ORG' },
    ]);
    assert.notStrictEqual(copy[1], spans[1]);
    assert.strictEqual(memo.get('another key', 0), undefined);
  });

  it('gives every copy of a repeated passage the names, at their offsets, that the passage alone gets', () => {
    const passage =
      'Lao Minister of Public Security General Vilay Lakhamphong met Vietnamese Minister Lương Tam Quang in Vientiane.\n' +
      'Share it\nRelated news\n';
    const once = createEntityRecognizer(loadNerModel()).recognize(passage);
    const thrice = createEntityRecognizer(loadNerModel()).recognize(passage.repeat(3));
    const names = (list: typeof once, from: number, to: number) =>
      list.filter((e) => e.start >= from && e.end <= to).map((e) => [e.start - from, e.end - from, e.text, e.type]);
    const first = names(thrice, 0, passage.length);
    assert.ok(first.length >= 3);
    assert.deepStrictEqual(names(thrice, passage.length, 2 * passage.length), first);
    assert.deepStrictEqual(names(thrice, 2 * passage.length, 3 * passage.length), first);
    assert.deepStrictEqual(first, names(once, 0, passage.length));
  });
});
