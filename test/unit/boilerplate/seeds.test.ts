import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { kindsByLine } from './helpers';

const SEEDS = path.resolve(__dirname, '../../../seeds');

function load(): { index: ReturnType<typeof createBoilerplateIndex>; texts: Map<string, string> } {
  const index = createBoilerplateIndex();
  const texts = new Map<string, string>();
  for (const f of fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    texts.set(f.slice(0, 3), text);
    index.update(f, text);
  }
  return { index, texts };
}

function uriOf(prefix: string): string {
  return fs.readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'))!;
}

describe('boilerplate on the seed articles', () => {
  const { index, texts } = load();
  const kinds = (p: string): Record<number, string> => kindsByLine(texts.get(p)!, index.findings(uriOf(p)));

  it('000: timestamp, repeated lead with (KPL), agency code and trailing labels', () => {
    assert.deepEqual(kinds('000'), { 3: 'chrome', 6: 'near-duplicate', 20: 'chrome', 22: 'chrome', 25: 'chrome' });
    const lead = index.findings(uriOf('000')).find((f) => f.kind === 'near-duplicate')!;
    assert.match(lead.text, /^\(KPL\) Over the past five years/);
    assert.match(lead.reason, /line 4 of this article/);
    assert.equal(lead.copies.length, 1);
    assert.equal(lead.copies[0].uri, uriOf('000'));
  });

  it('001: header, widgets, photo captions and the Related news block; the article stays', () => {
    const k = kinds('001');
    const expected = [1, 2, 3, 11, 25, 39, 40, 41, 42, 43];
    for (let l = 44; l <= 90; l++) if (texts.get('001')!.split('\n')[l - 1].trim()) expected.push(l);
    assert.deepEqual(Object.keys(k).map(Number).sort((a, b) => a - b), expected.sort((a, b) => a - b));
    assert.ok(Object.values(k).every((v) => v === 'chrome'));
    const f = index.findings(uriOf('001'));
    const related = f.find((x) => x.text.startsWith('Young generation steps up'))!;
    assert.match(related.reason, /after 'Related news'/);
    assert.equal(f.find((x) => x.text === 'Log in')!.reason, 'navigation, share or reaction widget');
  });

  it('001: headline, standfirst and every body paragraph are not flagged', () => {
    const k = kinds('001');
    for (const l of [5, 7, 9, 13, 15, 17, 19, 21, 23, 27, 29, 31, 33, 35, 37]) assert.equal(k[l], undefined, `line ${l}`);
  });

  it('002: a long SEO article with its own section headings has no finding', () => {
    assert.deepEqual(kinds('002'), {});
  });

  it('003: the "Defence ties" heading and the dateline lead are content', () => {
    assert.deepEqual(kinds('003'), {});
  });

  it('004: photo caption, share widget and the teaser after it', () => {
    assert.deepEqual(kinds('004'), { 3: 'chrome', 25: 'chrome', 28: 'chrome' });
  });

  it('each seed gives the same findings alone as in the corpus', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const alone = createBoilerplateIndex();
      alone.update(uriOf(p), texts.get(p)!);
      assert.deepEqual(kindsByLine(texts.get(p)!, alone.findings(uriOf(p))), kinds(p), p);
    }
  });

  it('spans are trimmed whole lines and sorted by start', () => {
    for (const p of ['000', '001', '004']) {
      const text = texts.get(p)!;
      const f = index.findings(uriOf(p));
      for (let i = 0; i < f.length; i++) {
        assert.equal(text.slice(f[i].start, f[i].end), f[i].text);
        assert.equal(f[i].text, f[i].text.trim());
        if (i > 0) assert.ok(f[i].start > f[i - 1].start);
      }
    }
  });
});
