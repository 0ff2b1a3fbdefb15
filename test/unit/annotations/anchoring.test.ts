import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { anchorTag, anchorTags, contextNeeded, createTag, LineIndex, type Tag } from '../../../server/src/core/index';
import { tagDiagnostics } from '../../../server/src/lsp/tagDiagnostics';
import { SEEDS_DIR } from '../../support/workspace';

const ARTICLE = readFileSync(path.join(SEEDS_DIR, '003_0e5bd4099b662286.txt'), 'utf8');

function tagOf(text: string, quote: string, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return createTag(text, { tag: 'cooperation', start, end: start + quote.length }, 't1', new Date(0));
}

/** A sentence of the article to tag: long enough to be a real passage. */
const SENTENCE = (() => {
  const m = /[A-Z][^.\n]{80,220}\./.exec(ARTICLE.slice(400));
  assert.ok(m);
  return m[0];
})();

describe('re-anchoring tags after the text changed elsewhere', () => {
  const tag = tagOf(ARTICLE, SENTENCE);

  it('anchored: the stored offsets still hold the quote', () => {
    const a = anchorTag(ARTICLE, tag);
    assert.equal(a.status, 'anchored');
    assert.equal(a.start, tag.start);
  });

  it('moved: text inserted above the tag', () => {
    const edited = 'EDITOR’S NOTE: this article was updated with a new paragraph.\n\n' + ARTICLE;
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'moved');
    assert.equal(edited.slice(a.start, a.end), SENTENCE);
  });

  it('fuzzy: the passage lightly reworded in place', () => {
    const words = SENTENCE.split(' ');
    words[3] = words[3].toUpperCase() + 'X';
    words[words.length - 3] = 'significantly';
    const reworded = words.join(' ');
    const edited = ARTICLE.replace(SENTENCE, reworded);
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'fuzzy');
    assert.ok(a.confidence! > 0.75 && a.confidence! < 1);
    // It covers the reworded sentence, give or take a character at its ends.
    const placed = edited.slice(a.start, a.end);
    assert.ok(Math.abs(placed.length - reworded.length) <= 3, placed);
    assert.ok(edited.indexOf(reworded) - a.start <= 3 && a.start - edited.indexOf(reworded) <= 3);
  });

  it('orphaned with a suggestion: the paragraph deleted while its words remain in a photo caption', () => {
    const paragraphStart = ARTICLE.lastIndexOf('\n', tag.start) + 1;
    const paragraphEnd = ARTICLE.indexOf('\n', tag.end);
    const withoutParagraph = ARTICLE.slice(0, paragraphStart) + ARTICLE.slice(paragraphEnd + 1);
    const edited = `${withoutParagraph}\nPhoto: ${SENTENCE} (VNA)\n`;
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'orphaned', 'never moved to the caption');
    assert.equal(a.start, -1);
    assert.ok(a.suggestion, 'the caption is offered');
    assert.equal(edited.slice(a.suggestion.start, a.suggestion.end), SENTENCE);
  });

  it('orphaned with a suggestion: the same, with a comma changed in the caption', () => {
    const paragraphStart = ARTICLE.lastIndexOf('\n', tag.start) + 1;
    const paragraphEnd = ARTICLE.indexOf('\n', tag.end);
    const withoutParagraph = ARTICLE.slice(0, paragraphStart) + ARTICLE.slice(paragraphEnd + 1);
    const caption = SENTENCE.replace(' ', ', ');
    const edited = `${withoutParagraph}\nPhoto: ${caption} (VNA)\n`;
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'orphaned', 'never fuzzy on the caption');
    assert.ok(a.suggestion);
  });

  it('orphaned with a suggestion: the passage duplicated with its context, and moved', () => {
    // A re-scrape repeats a block that holds the tagged sentence with its context on both sides.
    const block = ARTICLE.slice(tag.start - 40, tag.end + 40);
    const edited = 'A new lead.\n\n' + ARTICLE + '\n' + block + '\n';
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'orphaned', 'two equally good places: no guess');
    assert.ok(a.suggestion);
    assert.equal(edited.slice(a.suggestion.start, a.suggestion.end), SENTENCE);
  });

  it('moved: the passage duplicated, when one copy keeps its context and the other does not', () => {
    const paragraphEnd = ARTICLE.indexOf('\n', tag.end);
    const edited = 'A new lead.\n\n' + ARTICLE.slice(0, paragraphEnd + 1) + SENTENCE + '\n' + ARTICLE.slice(paragraphEnd + 1);
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'moved');
    assert.equal(a.start, edited.indexOf(SENTENCE));
  });

  it('a duplicated passage does not disturb a tag whose offsets still hold', () => {
    const edited = ARTICLE + '\n' + SENTENCE + '\n';
    assert.equal(anchorTag(edited, tag).status, 'anchored');
  });

  it('a short quote needs most of its context: a common phrase elsewhere is only a suggestion', () => {
    const text = 'The two ministries agreed on defence and security cooperation this year.\n';
    const short = tagOf(text, 'and security');
    const edited = 'Border guards discussed trade and security issues.\n';
    const a = anchorTag(edited, short);
    assert.equal(a.status, 'orphaned');
    assert.ok(a.suggestion);
    assert.ok(contextNeeded(12) > contextNeeded(200));
  });

  it('never matches a short quote approximately', () => {
    const text = 'Police of Laos and Vietnam met.\n';
    const short = tagOf(text, 'Laos');
    assert.equal(anchorTag('Police of Lagos and Vietnam met.\n', short).status, 'orphaned');
  });

  it('orphaned with a suggestion: a deleted lead whose near copy now stands in its place (seed 000)', () => {
    // The site prints the lead twice (`KPL Over…`, then `(KPL) Over…`); the analyst tagged the first and deleted it.
    const seed = readFileSync(path.join(SEEDS_DIR, '000_87a1712161fb5682.txt'), 'utf8');
    const lead = seed.split('\n').find((l) => l.startsWith('KPL Over the past five years'))!;
    const tagged = tagOf(seed, lead);
    const edited = seed.replace(`${lead}\n\n`, '');
    const a = anchorTag(edited, tagged);
    assert.equal(a.status, 'orphaned', 'the text before matches, the text after does not: not the passage');
    assert.ok(a.suggestion, 'the copy is offered');
    assert.match(edited.slice(a.suggestion.start, a.suggestion.end), /^\(KPL\) Over the past five years/, 'from the edge of its first word');
  });

  it('orphaned with a suggestion: a deleted paragraph whose words a photo caption reuses in another order (seed 001)', () => {
    const seed = readFileSync(path.join(SEEDS_DIR, '001_1f87558668262b9a.txt'), 'utf8');
    const paragraph = seed.split('\n').find((l) => l.startsWith('At talks with Lieutenant General'))!;
    const tagged = tagOf(seed, paragraph);
    const edited = seed.replace(`${paragraph}\n`, '');
    const a = anchorTag(edited, tagged);
    assert.equal(a.status, 'orphaned');
    assert.ok(a.suggestion, 'the caption is offered');
    const offered = edited.slice(a.suggestion.start, a.suggestion.end);
    assert.match(offered, /^Vietnam's Prime Minister Pham Minh Chinh \(R\) and Lieutenant General Khamliang Outhakaysone/);
    assert.ok(!offered.includes('\n'), 'within one line');
    assert.ok(a.suggestion.score > 0 && a.suggestion.score < 1);
    assert.equal(a.suggestion.words, true, 'said to be its words in another order, not the quote');
    const diagnostic = tagDiagnostics([a], new LineIndex(edited))[0];
    assert.match(String(diagnostic.message), /most of its words are here, in another order/);
  });

  it('a fuzzy tag one letter off is never said to be 100 % alike', () => {
    const quote = SENTENCE;
    const tagged = tagOf(ARTICLE, quote);
    const words = quote.split(' ');
    words[2] = `${words[2]}s`;
    const edited = ARTICLE.replace(quote, words.join(' '));
    const a = anchorTag(edited, tagged);
    assert.equal(a.status, 'fuzzy');
    assert.equal(a.confidence, 0.99);
    assert.match(String(tagDiagnostics([a], new LineIndex(edited))[0].message), /\(99% alike\)/);
  });

  it('orphaned with a suggestion: words written with combining marks (Devanagari) are words', () => {
    const quote = 'प्रधानमंत्री नरेंद्र मोदी ने विदेश मंत्री के साथ बैठक की और व्यापार पर चर्चा की।';
    const text = `पहली पंक्ति यहाँ है।\n${quote}\nअंतिम पंक्ति।\n`;
    const tagged = tagOf(text, quote);
    const caption = 'चित्र: व्यापार पर बैठक में विदेश मंत्री और प्रधानमंत्री नरेंद्र मोदी।';
    const edited = `${text.replace(`${quote}\n`, '')}${caption}\n`;
    const a = anchorTag(edited, tagged);
    assert.equal(a.status, 'orphaned');
    assert.ok(a.suggestion, 'the caption is offered');
    assert.ok(caption.includes(edited.slice(a.suggestion.start, a.suggestion.end)));
  });

  it('orphaned with a suggestion no wider than twice the quote, on a line of a megabyte', () => {
    const quote = 'alpha bravo charlie delta echo foxtrot golf hotel';
    const tagged = tagOf(`Intro line.\n${quote} end.\n`, quote);
    const edited = `Intro line.\nalpha bravo charlie delta ${'lorem ipsum dolor sit amet '.repeat(40_000)}echo foxtrot golf hotel\n`;
    const a = anchorTag(edited, tagged);
    assert.equal(a.status, 'orphaned');
    assert.ok(a.suggestion);
    assert.ok(a.suggestion.end - a.suggestion.start <= 2 * quote.length, `${a.suggestion.end - a.suggestion.start} characters offered`);
  });

  it('two copies each tagged, one deleted: neither tag takes the copy left silently (seed 000)', () => {
    const seed = readFileSync(path.join(SEEDS_DIR, '000_87a1712161fb5682.txt'), 'utf8');
    const phrase = 'Over the past five years, the National Defense and Security Central Commission';
    const first = { ...tagOf(seed, phrase, 0), id: 'on-the-deleted-lead', note: 'on line 4' };
    const second = { ...tagOf(seed, phrase, 1), id: 'on-the-copy', note: 'on line 6' };
    const lead = seed.split('\n').find((l) => l.startsWith('KPL Over the past five years'))!;
    const edited = seed.replace(`${lead}\n\n`, '');
    const copy = edited.indexOf(phrase);
    // Alone, each would be placed on the copy (the deleted lead's tag with its text around it nearly the same).
    assert.equal(anchorTag(edited, first).start, copy);
    const [a, b] = anchorTags(edited, [first, second]);
    for (const x of [a, b]) {
      assert.equal(x.status, 'orphaned', x.tag.id);
      assert.deepEqual([x.suggestion?.start, x.suggestion?.end], [copy, copy + phrase.length], 'the copy is offered to both');
    }
  });

  it('tags of one passage move together, and one whose offsets still hold keeps its place', () => {
    const labels = ['cooperation', 'security'].map((label, i) => ({ ...tag, id: `t${i}`, tag: label }));
    const inserted = 'EDITOR’S NOTE: updated.\n\n' + ARTICLE;
    assert.deepEqual(anchorTags(inserted, labels).map((a) => a.status), ['moved', 'moved']);
    // The sentence's paragraph printed twice, each copy tagged; the second copy deleted: the first copy's tag still
    // holds its offsets and keeps them, the second's (which alone would move there) is an orphan offered that place.
    const paragraphStart = ARTICLE.lastIndexOf('\n', tag.start) + 1;
    const paragraphEnd = ARTICLE.indexOf('\n', tag.end);
    const paragraph = ARTICLE.slice(paragraphStart, paragraphEnd + 1);
    const twice = ARTICLE.slice(0, paragraphEnd + 1) + paragraph + ARTICLE.slice(paragraphEnd + 1);
    const onFirst = { ...tagOf(twice, SENTENCE, 0), id: 'first' };
    const onSecond = { ...tagOf(twice, SENTENCE, 1), id: 'second' };
    assert.equal(anchorTag(ARTICLE, onSecond).start, tag.start, 'alone, it would be moved onto the first copy');
    const [kept, other] = anchorTags(ARTICLE, [onFirst, onSecond]);
    assert.deepEqual([kept.status, kept.start], ['anchored', tag.start]);
    assert.equal(other.status, 'orphaned');
    assert.equal(other.suggestion?.start, tag.start);
  });

  it('orphaned with a suggestion: the passage reworded too much to match, where its context still stands', () => {
    // Every other word of three letters or more changed: past an approximate match, but the text between its
    // context keeps half of its words.
    let n = 0;
    const reworded = SENTENCE.replace(/[A-Za-z]{3,}/g, (w) => (n++ % 2 ? `${w.toUpperCase()}Q` : w));
    const edited = ARTICLE.replace(SENTENCE, reworded);
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'orphaned');
    assert.equal(edited.slice(a.suggestion!.start, a.suggestion!.end), reworded);
  });

  it('orphaned with a suggestion: a short quote with a word changed in its context, and a near copy elsewhere out of context', () => {
    const quote = 'Ministry of Public Security';
    const short = tagOf(ARTICLE, quote);
    const edited = ARTICLE.slice(0, short.start) + 'Ministry of Public Health' + ARTICLE.slice(short.end);
    const a = anchorTag(edited, short);
    assert.equal(a.status, 'orphaned', 'never moved onto different words');
    assert.equal(edited.slice(a.suggestion!.start, a.suggestion!.end), 'Ministry of Public Health');
  });

  it('orphans a tag whose words are gone, without a suggestion', () => {
    const edited = ARTICLE.replace(SENTENCE, 'This sentence was replaced by something else entirely, about fishing quotas in the Mekong.');
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'orphaned');
    assert.equal(a.suggestion, undefined);
  });
});
