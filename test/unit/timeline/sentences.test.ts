import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { excerpt, sentenceAt, splitSentences } from '../../../server/src/core/timeline/index';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('timeline sentence splitter', () => {
  it('splits at full stops, question and exclamation marks followed by a capital', () => {
    assert.deepEqual(split('The talks ended. Both sides agreed! Was it enough? "Yes," he said.'), [
      'The talks ended.',
      'Both sides agreed!',
      'Was it enough?',
      '"Yes," he said.',
    ]);
  });

  it('does not split after titles, initials and dotted acronyms', () => {
    const text = 'Sen. Lieut. Gen. Khamliang met Lt. Col. Vilay and Mr. Robert C. O’Brien of the U.S. State Department on Jan. 5. They talked.';
    assert.deepEqual(split(text), [
      'Sen. Lieut. Gen. Khamliang met Lt. Col. Vilay and Mr. Robert C. O’Brien of the U.S. State Department on Jan. 5.',
      'They talked.',
    ]);
  });

  it('ends a sentence at a dotted acronym when a typical opener follows', () => {
    assert.deepEqual(split('Sanctions were lifted by the U.S. The next day talks began.'), [
      'Sanctions were lifted by the U.S.',
      'The next day talks began.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence and ignores lowercase continuations', () => {
    assert.deepEqual(split('He said: “We will win.” Then he left… and came back (later.) Fine.'), [
      'He said: “We will win.”',
      'Then he left… and came back (later.)',
      'Fine.',
    ]);
  });

  it('ends sentences at line breaks (headlines, captions) but joins hard-wrapped lines', () => {
    assert.deepEqual(split('Defence ties\n\nOn the same day the ministers met.\nHeadline without stop\nNext line.'), [
      'Defence ties',
      'On the same day the ministers met.',
      'Headline without stop',
      'Next line.',
    ]);
    const wrapped = [
      'The two defence ministries will work to comprehensively implement',
      'their cooperation plan in 2022, the year that marks sixty years of',
      'diplomatic ties and a friendship treaty between the two countries,',
      'officials said on Tuesday after a meeting in the capital city. The',
      'delegation then left for the border province by road.',
    ].join('\n');
    const parts = split(wrapped);
    assert.equal(parts.length, 2);
    assert.match(parts[0], /^The two defence .* capital city\.$/s);
    assert.match(parts[1], /^The\ndelegation then left/);
  });

  it('finds the sentence at an offset', () => {
    const text = 'One. Two words here. Three.';
    const sentences = splitSentences(text);
    assert.equal(text.slice(sentenceAt(sentences, text.indexOf('words'))!.start, sentenceAt(sentences, text.indexOf('words'))!.end), 'Two words here.');
    assert.equal(sentenceAt(sentences, text.indexOf(' Two')), undefined);
  });

  it('cuts a long sentence around the mention at word boundaries', () => {
    const text = `${'word '.repeat(100)}on June 2 ${'more '.repeat(100)}end.`;
    const [s] = splitSentences(text);
    const at = text.indexOf('June 2');
    const cut = excerpt(text, s, at, at + 6, 80);
    assert.ok(cut.length <= 82, cut);
    assert.match(cut, /^…(word )+on June 2( more)+…$/);
    assert.equal(excerpt('A short\n  sentence.', { start: 0, end: 19 }, 2, 7), 'A short sentence.');
  });
  it('splits only up to an offset when asked: the sentences starting at or before it, as the full split gives them', () => {
    const wrappedLine = 'officials said on Tuesday after a meeting in the capital city of the';
    const pieces = fc.constantFrom('The talks ended', '. ', '! ', '? ', '… ', 'Gen. ', 'U.S. ', 'The ', 'he said', ' ', '\n', '\r\n', '\r', '\n\n', '“Yes.” ', wrappedLine, `${wrappedLine}.`, '  ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.nat(), (parts, at) => {
        const text = parts.join('');
        const full = splitSentences(text);
        const until = text.length ? at % (text.length + 1) : 0;
        assert.deepEqual(splitSentences(text, until), full.filter((s) => s.start <= until));
      }),
      { numRuns: 500 },
    );
  });
});
