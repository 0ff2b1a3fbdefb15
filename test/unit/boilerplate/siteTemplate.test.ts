import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { labelKey, lineShape } from '../../../server/src/core/boilerplate/text';
import { findingFor, kindsByLine, lines, para } from './helpers';

const HEADS = [
  'Mayor opens the new bridge over the river', 'Teachers strike over unpaid overtime this week',
  'Coffee harvest smaller than expected in the hills', 'Court delays ruling on the mine licence again',
];

function indexOf(pages: string[]): ReturnType<typeof createBoilerplateIndex> {
  const index = createBoilerplateIndex();
  pages.forEach((t, i) => index.update(`p${i}.txt`, t));
  return index;
}

function kindOf(index: ReturnType<typeof createBoilerplateIndex>, uri: string, text: string): string | undefined {
  return findingFor(index.findings(uri), text)?.kind;
}

describe('boilerplate: a lead repeated after a short site prefix', () => {
  const words = ('the regional council approved a new budget for road repairs after a long debate that lasted into the '
    + 'night with several members voting against it because of the costs of the work').split(' ');
  for (const n of [8, 15, 24, 28, 33, 40]) {
    for (const prefix of ['NWS - ', 'NWS: ', '(NWS) ', 'Northwind Star – ']) {
      it(`flags the lead itself after "${prefix}<lead>" (${n} words)`, () => {
        const lead = `${words.slice(0, n).join(' ').replace(/^t/, 'T')}.`;
        const text = lines('Council approves road budget', `${prefix}${lead}`, lead, para('body-one'), para('body-two'));
        const index = indexOf([text]);
        assert.deepEqual(kindsByLine(text, index.findings('p0.txt')), { 3: 'near-duplicate' });
      });
    }
  }
});

describe('boilerplate: counters whose figures or words vary from page to page', () => {
  it('gives counters one shape whatever their figures, agreement or am/pm', () => {
    assert.equal(lineShape('Comments (12)'), lineShape('Comments (3)'));
    assert.equal(lineShape('12 comments'), lineShape('1 comment'));
    assert.equal(lineShape('Views: 1,234'), lineShape('Views: 987'));
    assert.equal(lineShape('Updated 10:42'), lineShape('Updated 8:05 pm'));
    assert.equal(lineShape('7 replies'), lineShape('1 reply'));
    assert.notEqual(lineShape('Comments (12)'), lineShape('Views: 12'));
    assert.equal(labelKey('Distribution: regional desks'), labelKey('Distribution: business desk'));
    assert.equal(labelKey('Attendance 2,189'), undefined);
  });

  it('flags every copy of a counter that recurs above the body of a site\'s pages, lexicon or not', () => {
    const counts = [3, 17, 0, 254];
    const pages = HEADS.map((h, i) => lines(
      'Coastline Post', h, `Comments (${counts[i]})`, `${counts[i] * 7 + 1} comments`, `Views: ${(counts[i] * 1234).toLocaleString('en-US')}`,
      `Updated ${['9:12', '14:03', '07:45', '22:30'][i]}`, `Ý kiến (${counts[i]})`, `Seen by ${counts[i] * 100 + 12} readers`,
      `Release ${['9:12 am', '2:03 pm', '7:45 am', '10:30 pm'][i]}`, para(`lead${i}`), para(`body${i}`),
    ));
    const index = indexOf(pages);
    pages.forEach((t, i) => {
      assert.deepEqual(kindsByLine(t, index.findings(`p${i}.txt`)),
        { 1: 'chrome', 3: 'chrome', 4: 'chrome', 5: 'chrome', 6: 'chrome', 7: 'chrome', 8: 'chrome', 9: 'chrome' }, `page ${i}`);
    });
  });

  it('flags a counter after the body next to other chrome, not a figure that stands alone after it', () => {
    const pages = HEADS.map((h, i) => lines(
      h, para(`lead${i}`), para(`body${i}`), `Attendance: ${1000 + i * 137}`,
      'Share this article', `${i * 3 + 2} reactions from readers`, 'Coastline Post, all the news of the coast',
    ));
    const index = indexOf(pages);
    pages.forEach((t, i) => {
      const k = kindsByLine(t, index.findings(`p${i}.txt`));
      assert.equal(k[4], undefined, `attendance of page ${i}`);
      assert.equal(k[6], 'chrome', `counter of page ${i}`);
    });
  });

  it('does not flag a line with figures that recurs inside articles\' bodies', () => {
    const pages = HEADS.map((h, i) => lines(h, para(`lead${i}`), `Attendance: ${1000 + i * 137}`, para(`body${i}`)));
    const index = indexOf(pages);
    pages.forEach((t, i) => assert.deepEqual(kindsByLine(t, index.findings(`p${i}.txt`)), {}, `page ${i}`));
  });
});

describe('boilerplate: the site template at both edges of a page', () => {
  const site = (i: number): string => lines(
    'Valley Observer – the daily of the uplands', `Sửa lần cuối ${['9:12', '14:03', '07:45', '22:30'][i]} | 0${i + 1}/04/2025`,
    HEADS[i], para(`lead${i}`, 1), para(`body${i}`), para(`more${i}`),
    'Gửi bài', 'Xem thêm', HEADS[(i + 1) % 4], HEADS[(i + 2) % 4],
    'Valley Observer Co. Licence 88/GP. Editor: Le Van An.',
  );

  it('flags a long site name taken for the headline, the related headlines and a footer written as a sentence', () => {
    const pages = [0, 1, 2, 3].map(site);
    const index = indexOf(pages);
    pages.forEach((t, i) => {
      const k = kindsByLine(t, index.findings(`p${i}.txt`));
      for (const line of [1, 2, 7, 8, 9, 10, 11]) assert.equal(k[line], 'chrome', `line ${line} of page ${i}`);
      for (const line of [4, 5, 6]) assert.equal(k[line], undefined, `text line ${line} of page ${i}`);
    });
  });

  it('flags a labelled line whose label recurs and whose value varies, not a headline with a kicker', () => {
    const desks = ['sport', 'business', 'features', 'politics'];
    const pages = HEADS.map((h, i) => lines(
      'NEXUS NEWSWIRE — national desk', `Analysis: ${h}`, para(`lead${i}`), para(`body${i}`),
      `Distribution: national desks, ${desks[i]} desk`, `(ends) NX/${['ab', 'kt', 'mr', 'ab'][i]}`,
    ));
    const index = indexOf(pages);
    pages.forEach((t, i) => {
      const k = kindsByLine(t, index.findings(`p${i}.txt`));
      assert.equal(k[2], undefined, `headline with a kicker, page ${i}`);
      assert.equal(k[5], 'chrome', `labelled line, page ${i}`);
      assert.equal(k[6], 'chrome', `sign-off next to it, page ${i}`);
    });
  });

  it('leaves a scorecard printed after the body of several reports to the articles', () => {
    const rows = ['Aamir Sohail c Cork b Croft 46', 'Saeed Anwar c Croft b Cork 176', 'Ijaz Ahmed not out 58'];
    const pages = HEADS.map((h, i) => lines(h, para(`lead${i}`), para(`body${i}`), 'Scores:', ...rows));
    const index = indexOf(pages);
    pages.forEach((_t, i) => {
      for (const r of rows) assert.equal(kindOf(index, `p${i}.txt`, r), undefined, `${r} in page ${i}`);
    });
  });
});
