import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { MAX_COMPARED } from '../../../server/src/core/boilerplate/passageIndex';
import { findingFor, kindsByLine, lines, para } from './helpers';

describe('boilerplate: duplicates within an article', () => {
  it('flags the later exact copy of a paragraph, pointing to the first', () => {
    const p = para('lead');
    const text = lines('Headline of the story about rivers', p, para('x'), `  ${p.replace(/ /g, '  ')}  `);
    const index = createBoilerplateIndex();
    index.update('a.txt', text);
    const f = index.findings('a.txt');
    assert.deepEqual(kindsByLine(text, f), { 4: 'duplicate' });
    assert.equal(f[0].reason, 'same paragraph as line 2 of this article');
    assert.deepEqual(f[0].copies, [{ uri: 'a.txt', start: text.indexOf(p), end: text.indexOf(p) + p.length }]);
    assert.equal(f[0].text, f[0].text.trim());
  });

  it('flags near copies: an agency prefix, punctuation, a few words changed', () => {
    const p = para('lead', 3);
    const words = p.split(' ');
    words[10] = 'changed';
    words[25] = 'altered';
    const variants = [`(VNA) ${p}`, p.replace(/\./g, ';').replace(/ the /g, ', the '), words.join(' ')];
    for (const v of variants) {
      const text = lines('Headline of the story about rivers', p, v);
      const index = createBoilerplateIndex();
      index.update('a.txt', text);
      const f = index.findings('a.txt');
      assert.deepEqual(kindsByLine(text, f), { 3: 'near-duplicate' }, v);
      assert.match(f[0].reason, /nearly the same as line 2 of this article \(\d+% similar\)/);
    }
  });

  it('on a page of hundreds of near-identical lines, flags each later one and lists at most MAX_COMPARED copies', () => {
    const names = Array.from({ length: 600 }, (_, i) => `Name${i.toString(36)}x`);
    const body = names.map((n) => `Later that day Mr. ${n} said the talks between the two ministries went well.`);
    const text = lines('Headline of the story about rivers', ...body);
    const index = createBoilerplateIndex();
    index.update('a.txt', text);
    const f = index.findings('a.txt');
    const near = f.filter((x) => x.kind === 'near-duplicate');
    assert.ok(near.length >= body.length - 1, `${near.length} near copies flagged`);
    for (const x of near) {
      assert.ok(x.copies.length > 0 && x.copies.length <= MAX_COMPARED, `${x.copies.length} copies`);
      assert.match(x.reason, /nearly the same as line \d+ of this article/);
    }
  });

  it('does not flag paraphrases or paragraphs on the same topic', () => {
    const a = 'The Defence Ministry plays a crucial role in overseeing the military and safeguarding national security across the country.';
    const b = 'Overseeing the armed forces and protecting the security of the nation is the central task of the ministry of defence.';
    const text = lines('Headline of the story about rivers', a, b);
    const index = createBoilerplateIndex();
    index.update('a.txt', text);
    assert.deepEqual(index.findings('a.txt'), []);
  });

  it('respects nearDuplicateThreshold and minPassageChars', () => {
    const p = para('lead', 1);
    const words = p.split(' ');
    words[3] = 'changed';
    words[8] = 'changed';
    const text = lines('Headline of the story about rivers', p, words.join(' '), 'A short line that is repeated.', 'A short line that is repeated.');
    const strict = createBoilerplateIndex({ nearDuplicateThreshold: 0.99 });
    strict.update('a.txt', text);
    assert.deepEqual(kindsByLine(text, strict.findings('a.txt')), {});
    const loose = createBoilerplateIndex({ minPassageChars: 10 });
    loose.update('a.txt', text);
    assert.deepEqual(kindsByLine(text, loose.findings('a.txt')), { 3: 'near-duplicate', 5: 'duplicate' });
  });
});

describe('boilerplate: copies across articles', () => {
  it('flags every copy of a syndicated paragraph, listing the other copies and their count', () => {
    const shared = para('syndicated');
    const index = createBoilerplateIndex();
    const texts = ['a', 'b', 'c'].map((s) => lines(`Own headline for article ${s} on trade`, para(`own-${s}`), shared));
    texts.forEach((t, i) => index.update(`${'abc'[i]}.txt`, t));
    for (let i = 0; i < 3; i++) {
      const f = findingFor(index.findings(`${'abc'[i]}.txt`), shared)!;
      assert.equal(f.kind, 'duplicate');
      assert.equal(f.reason, 'also in 2 other articles');
      assert.deepEqual(f.copies.map((c) => c.uri).sort(), ['abc'].flatMap(() => ['a.txt', 'b.txt', 'c.txt'].filter((u) => u !== `${'abc'[i]}.txt`)));
      for (const c of f.copies) assert.equal(texts['abc'.indexOf(c.uri[0])].slice(c.start, c.end), shared);
    }
  });

  it('says "at least", and that the copies are a sample, when a paragraph has more copies than are compared', () => {
    const shared = para('syndicated');
    const index = createBoilerplateIndex();
    const n = MAX_COMPARED + 10;
    for (let i = 0; i < n; i++) index.update(`a${i}.txt`, lines(`Own headline number ${i} for an article on trade`, para(`own-${i}`), shared));
    const f = findingFor(index.findings('a0.txt'), shared)!;
    assert.equal(f.kind, 'duplicate');
    assert.match(f.reason, /^also in at least \d+ other articles$/);
    assert.ok(f.copies.length < MAX_COMPARED, `${f.copies.length} copies listed`);
    assert.equal(f.moreCopies, true, 'the copies listed are a sample');
    const few = createBoilerplateIndex();
    for (let i = 0; i < 5; i++) few.update(`a${i}.txt`, lines(`Own headline number ${i} for an article on trade`, para(`own-${i}`), shared));
    const all = findingFor(few.findings('a0.txt'), shared)!;
    assert.equal(all.reason, 'also in 4 other articles');
    assert.equal(all.moreCopies, undefined);
  });

  it('flags a lightly edited copy in another article as a near-duplicate, both ways', () => {
    const p = para('wire', 3);
    const edited = p.replace(/\bsaid\b/, 'reported').replace(/^The /, '(KPL) The ');
    const index = createBoilerplateIndex();
    index.update('a.txt', lines('First outlet headline on the wire story', p));
    index.update('b.txt', lines('Second outlet headline on the same story', edited));
    for (const uri of ['a.txt', 'b.txt']) {
      const f = index.findings(uri);
      assert.equal(f.length, 1, uri);
      assert.equal(f[0].kind, 'near-duplicate');
      assert.match(f[0].reason, /nearly the same in 1 other article/);
      assert.equal(f[0].copies[0].uri, uri === 'a.txt' ? 'b.txt' : 'a.txt');
    }
  });

  it('does not count a teaser of an article, printed in another site\'s list, as a copy of its lead', () => {
    const lead = para('lead');
    const index = createBoilerplateIndex();
    const a = lines('Floods close the northern highway again', lead, para('more'));
    const b = lines('Ministers sign the new border agreement', para('sign'), para('treaty'), 'Related news',
      'Floods close the northern highway again', lead);
    index.update('a.txt', a);
    index.update('b.txt', b);
    assert.deepEqual(index.findings('a.txt'), []);
    assert.deepEqual(kindsByLine(b, index.findings('b.txt')), { 4: 'chrome', 5: 'chrome', 6: 'chrome' });
  });

  it('lists copies for repeated furniture and groups clusters for a tree view', () => {
    const index = createBoilerplateIndex();
    const shared = para('syndicated');
    for (const s of ['a', 'b', 'c']) {
      index.update(`${s}.txt`, lines('Mekong Weekly Observer', `Own headline for article ${s} on trade`, para(`own-${s}`), shared,
        'Share this', '© 2024 Mekong Weekly Observer. All rights reserved and reproduction prohibited.'));
    }
    const copyright = index.findings('a.txt').find((f) => f.text.startsWith('©'))!;
    assert.equal(copyright.kind, 'chrome');
    assert.deepEqual(copyright.copies.map((c) => c.uri).sort(), ['b.txt', 'c.txt']);
    const clusters = index.clusters();
    const dup = clusters.find((c) => c.text === shared)!;
    assert.equal(dup.kind, 'duplicate');
    assert.equal(dup.places.length, 3);
    assert.ok(clusters.some((c) => c.kind === 'chrome' && c.text.startsWith('©') && c.places.length === 3));
    assert.ok(clusters.some((c) => c.kind === 'chrome' && c.text === 'Mekong Weekly Observer' && c.places.length === 3));
  });
});
