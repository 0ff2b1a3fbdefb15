import * as assert from 'node:assert/strict';
import {
  EMPTY_IGNORE_LIST,
  ignoreEverywhereEntry,
  ignoreHereEntry,
  parseIgnoreList,
  serializeIgnoreList,
  type IgnoreList,
} from '../../../server/src/core/boilerplate/ignoreList';

const NOW = new Date('2026-02-01T10:00:00.000Z');

function parsed(text: string): IgnoreList {
  const r = parseIgnoreList(text);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  return r.list;
}

describe('ignore list format (annotations/ignored.yaml)', () => {
  const article = 'Headline\n\nShare: Facebook Twitter\n\nA paragraph of the article that repeats: it is here twice.\n';

  it('round-trips, with everywhere sorted by text and here by document and position', () => {
    const start = article.indexOf('A paragraph');
    const list: IgnoreList = {
      version: 1,
      everywhere: [
        ignoreEverywhereEntry('Share:   Facebook\tTwitter', 'chrome', NOW, ' social widget '),
        ignoreEverywhereEntry('All rights reserved. Reproduction prohibited.', 'chrome', NOW),
      ],
      here: [
        ignoreHereEntry('seeds/b.txt', article, start, start + 20, NOW),
        ignoreHereEntry('seeds/a.txt', article, start, article.length - 1, NOW),
      ],
    };
    const text = serializeIgnoreList(list);
    const back = parsed(text);
    assert.deepEqual(back.everywhere.map((e) => e.text), ['All rights reserved. Reproduction prohibited.', 'Share: Facebook Twitter']);
    assert.equal(back.everywhere[1].note, 'social widget');
    assert.equal(back.everywhere[1].added, NOW.toISOString());
    assert.deepEqual(back.here.map((h) => h.document), ['seeds/a.txt', 'seeds/b.txt']);
    assert.equal(back.here[0].quote, 'A paragraph of the article that repeats: it is here twice.');
    assert.equal(back.here[0].prefix, article.slice(start - 32, start));
    assert.equal(back.here[0].suffix, '\n');
    assert.equal(serializeIgnoreList(back), text, 'stable: serialising what was read gives the same bytes');
    assert.match(text, /^# Corpus Annotator/);
    assert.ok(text.indexOf('everywhere:') < text.indexOf('here:'));
  });

  it('keeps keys it does not know, and reads an empty file as an empty list', () => {
    assert.deepEqual(parsed(''), EMPTY_IGNORE_LIST);
    const text = [
      'version: 1',
      'owner: desk-b',
      'everywhere:',
      '  - text: Share it',
      '    kind: chrome',
      '    reviewedBy: anna',
      'here: []',
      '',
    ].join('\n');
    const list = parsed(text);
    assert.deepEqual(list.extra, { owner: 'desk-b' });
    assert.deepEqual(list.everywhere[0].extra, { reviewedBy: 'anna' });
    const again = serializeIgnoreList(list);
    assert.match(again, /owner: desk-b/);
    assert.match(again, /reviewedBy: anna/);
  });

  it('reports malformed files with their position instead of throwing', () => {
    const cases: [string, RegExp, number][] = [
      ['version: 1\neverywhere:\n  - text: [unclosed\n', /./, -1],
      ['- just\n- a list\n', /must be a mapping/, 0],
      ['version: 2\n', /Unsupported ignore-list version 2/, 0],
      ['version: 1\neverywhere: nope\n', /`everywhere` must be a list/, 1],
      ['version: 1\neverywhere:\n  - text: Share it\n    kind: widget\n', /`kind` must be one of/, 2],
      ['version: 1\nhere:\n  - document: seeds/a.txt\n    quote: x\n    start: 5\n    end: 2\n', /start` ≤ `end/, 2],
      ['version: 1\nhere:\n  - quote: x\n    start: 1\n    end: 2\n', /needs its `document`/, 2],
      ['version: 1\nversion: 1\n', /./, 1],
    ];
    for (const [text, message, line] of cases) {
      const r = parseIgnoreList(text);
      assert.ok(!r.ok, `${JSON.stringify(text)} is rejected`);
      assert.match(r.errors[0].message, message);
      if (line >= 0) assert.equal(r.errors[0].line, line, `line of the error in ${JSON.stringify(text)}`);
    }
  });
});
