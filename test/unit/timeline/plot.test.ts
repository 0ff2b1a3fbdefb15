import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, plotHtml } from '../../../client/src/timelinePlot/html';
import { dayNumber, plotData } from '../../../client/src/timelinePlot/plotData';
import { ticks } from '../../../client/src/timelinePlot/svg';
import type { TimelineItem } from '../../../server/src/protocolTimeline';

const pos = (line: number, character = 0) => ({ line, character });

function item(over: Partial<TimelineItem>): TimelineItem {
  return {
    uri: 'file:///c/a.txt', document: 'a.txt', range: { start: pos(0), end: pos(0, 4) }, sentenceRange: { start: pos(0), end: pos(0, 30) },
    text: 'June 2', value: '2025-06-02', kind: 'DATE', resolution: 'explicit date', group: 'dated', start: '2025-06-02', end: '2025-06-02',
    sentence: 'Talks <b>were</b> held on June 2.', isDocumentDate: false, entities: [], tags: [], ...over,
  };
}

const ITEMS: TimelineItem[] = [
  item({ entities: [{ id: 'p1', name: 'Vilay Lakhamphong', type: 'PERSON' }, { id: 'l1', name: 'Laos', type: 'LOCATION' }], tags: ['visits'] }),
  item({ start: '2025-04-24', end: '2025-04-25', value: '2025-04-24/2025-04-25', sentenceRange: { start: pos(3), end: pos(3, 9) }, entities: [{ id: 'p1', name: 'Vilay Lakhamphong', type: 'PERSON' }] }),
  item({ group: 'unknown-year', start: 'XXXX-06-02', end: 'XXXX-06-02', entities: [{ id: 'x', name: 'Hanoi', type: 'LOCATION' }] }),
];

describe('timeline plot webview', () => {
  it('builds a strict Content-Security-Policy with the nonce', () => {
    assert.equal(
      contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123'),
      "default-src 'none'; style-src https://x.vscode-cdn.net 'nonce-abc123'; script-src 'nonce-abc123'; img-src https://x.vscode-cdn.net data:",
    );
  });

  it('puts the CSP meta tag first and gives the nonce to its only style and script', () => {
    const html = plotHtml({ nonce: 'N0nce+/=', cspSource: 'vscode-resource:', items: ITEMS });
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(meta, 'a CSP meta tag');
    assert.equal(meta[1], "default-src &#39;none&#39;; style-src vscode-resource: &#39;nonce-N0nce+/=&#39;; script-src &#39;nonce-N0nce+/=&#39;; img-src vscode-resource: data:");
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<style'), 'the policy comes before any style or script');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][1].trim(), 'nonce="N0nce+/="');
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)];
    assert.equal(styles.length, 1);
    assert.equal(styles[0][1].trim(), 'nonce="N0nce+/="');
    assert.doesNotMatch(html, /(?:src|href)="https?:/, 'nothing loaded from the network');
    assert.doesNotMatch(html, / style="/, 'no inline style attributes (the policy would block them)');
    assert.doesNotMatch(html, / on[a-z]+="/, 'no inline event handlers');
  });

  it('escapes article text and draws one dot per dated mention and row', () => {
    const html = plotHtml({ nonce: 'n', cspSource: 's', items: ITEMS });
    assert.doesNotMatch(html, /<b>were<\/b>/);
    assert.match(html, /&lt;b&gt;were&lt;\/b&gt;/);
    assert.match(html, /Vilay Lakhamphong/);
    assert.match(html, /data-by="tag"/);
    assert.match(html, /1 without a year or undated \(not plotted\)/);
    const dots = [...html.matchAll(/<circle class="dot" data-i="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(!dots.includes(2), 'unknown-year mentions are not plotted');
  });

  it('ranks entity rows by dated sentences after an All row, and builds tag rows', () => {
    const data = plotData(ITEMS);
    assert.deepEqual(data.byEntity.map((r) => r.label), ['All dated mentions', 'Vilay Lakhamphong', 'Laos']);
    assert.equal(data.byEntity[1].points.length, 2);
    assert.deepEqual(data.byTag.map((r) => r.label), ['All dated mentions', 'visits']);
    assert.equal(data.min, dayNumber('2025-04-24'));
    assert.equal(data.max, dayNumber('2025-06-02'));
    assert.equal(plotData(ITEMS, 1).byEntity.length, 2);
  });

  it('picks year, month or day ticks for the span', () => {
    assert.deepEqual(ticks(dayNumber('2019-03-01')!, dayNumber('2027-06-01')!).map((t) => t.label).slice(0, 2), ['2020', '2021']);
    assert.equal(ticks(dayNumber('2025-01-15')!, dayNumber('2025-06-01')!)[0].label, '2025-02');
    assert.equal(ticks(dayNumber('2025-04-20')!, dayNumber('2025-04-26')!)[0].label, '2025-04-20');
  });
});
