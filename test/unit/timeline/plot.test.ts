import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, plotHtml, webviewData } from '../../../client/src/timelinePlot/html';
import { dayNumber, plotData } from '../../../client/src/timelinePlot/plotData';
import { labelWidth, layoutFor, NARROW, plotSvg, ticks } from '../../../client/src/timelinePlot/svg';
import { brushed, denseRange, fullRange, MIN_SPAN, zoomOut } from '../../../client/src/timelinePlot/viewRange';
import type { TimelineItem, TimelineTagWithoutDate } from '../../../server/src/protocolTimeline';

const pos = (line: number, character = 0) => ({ line, character });

function item(over: Partial<TimelineItem>): TimelineItem {
  return {
    uri: 'file:///c/a.txt', document: 'a.txt', range: { start: pos(0), end: pos(0, 4) }, sentenceRange: { start: pos(0), end: pos(0, 30) },
    text: 'June 2', value: '2025-06-02', kind: 'DATE', resolution: 'explicit date', group: 'dated', start: '2025-06-02', end: '2025-06-02',
    sentence: 'Talks <b>were</b> held on June 2.', isDocumentDate: false, entities: [], tags: [], ...over,
  };
}

function untimed(over: Partial<TimelineTagWithoutDate>): TimelineTagWithoutDate {
  return { uri: 'file:///c/b.txt', document: 'b.txt', range: { start: pos(2), end: pos(2, 9) }, tag: 'praise', text: 'praised', documentDate: '2025-04-25', ...over };
}

const ITEMS: TimelineItem[] = [
  item({ entities: [{ id: 'p1', name: 'Vilay Lakhamphong', type: 'PERSON' }, { id: 'l1', name: 'Laos', type: 'LOCATION' }], tags: ['visits'] }),
  item({ start: '2025-04-24', end: '2025-04-25', value: '2025-04-24/2025-04-25', sentenceRange: { start: pos(3), end: pos(3, 9) }, entities: [{ id: 'p1', name: 'Vilay Lakhamphong', type: 'PERSON' }] }),
  item({ group: 'unknown-year', start: 'XXXX-06-02', end: 'XXXX-06-02', entities: [{ id: 'x', name: 'Hanoi', type: 'LOCATION' }] }),
  item({ text: '© 2024', value: '2024', start: '2024-01-01', end: '2024-12-31', inBoilerplate: true, entities: [{ id: 'v', name: 'Vientiane Times', type: 'ORGANIZATION' }], tags: ['footer'] }),
];

/** An event in each of 1976 and 2030, and thirty in spring 2025: the shape of the seeds' timeline. */
const SPREAD: TimelineItem[] = [
  item({ value: '1976', start: '1976-01-01', end: '1976-12-31', text: '1976' }),
  item({ value: '2030', start: '2030-01-01', end: '2030-12-31', text: '2030' }),
  ...Array.from({ length: 30 }, (_, i) => {
    const day = `2025-04-${String(1 + i).padStart(2, '0')}`;
    return item({ value: day, start: day, end: day, text: day, entities: [{ id: 'p1', name: 'Vilay Lakhamphong', type: 'PERSON' }] });
  }),
];

/** The tick labels of an SVG, with their x. */
function tickLabels(svg: string): { x: number; label: string }[] {
  return [...svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), label: m[2] }));
}

describe('timeline plot webview', () => {
  it('builds a strict Content-Security-Policy with the nonce', () => {
    assert.equal(
      contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123'),
      "default-src 'none'; style-src https://x.vscode-cdn.net 'nonce-abc123'; script-src 'nonce-abc123'; img-src https://x.vscode-cdn.net data:",
    );
  });

  it('puts the CSP meta tag first, gives the nonce to its style and its one script, and carries the data as inert JSON', () => {
    const html = plotHtml({ nonce: 'N0nce+/=', cspSource: 'vscode-resource:', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/timelinePlot.js', items: ITEMS });
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(meta, 'a CSP meta tag');
    assert.equal(meta[1], "default-src &#39;none&#39;; style-src vscode-resource: &#39;nonce-N0nce+/=&#39;; script-src &#39;nonce-N0nce+/=&#39;; img-src vscode-resource: data:");
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<style'), 'the policy comes before any style or script');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1].trim());
    assert.deepEqual(scripts, ['type="application/json" id="plot-data"', 'nonce="N0nce+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/timelinePlot.js"']);
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)];
    assert.equal(styles.length, 1);
    assert.equal(styles[0][1].trim(), 'nonce="N0nce+/="');
    assert.doesNotMatch(html, / style="/, 'no inline style attributes (the policy would block them)');
    assert.doesNotMatch(html, / on[a-z]+="/, 'no inline event handlers');
    const json = /<script type="application\/json" id="plot-data">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'the data cannot close its script element');
    const data = JSON.parse(json[1]);
    assert.equal(data.byEntity[0].label, 'All dated mentions');
  });

  it('escapes article text, draws one dot per dated mention and row, and leaves out dates without a year or in boilerplate', () => {
    const html = plotHtml({ nonce: 'n', cspSource: 's', items: ITEMS });
    assert.doesNotMatch(html, /<b>were<\/b>/);
    assert.match(html, /&lt;b&gt;were&lt;\/b&gt;/);
    assert.match(html, /Vilay Lakhamphong/);
    assert.match(html, /data-by="tag"/);
    assert.match(html, /Not plotted: 1 in boilerplate, 1 without a year or undated\./);
    const dots = [...html.matchAll(/<circle class="dot" data-kind="item" data-i="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(dots.includes(0) && dots.includes(1));
    assert.ok(!dots.includes(2), 'unknown-year mentions are not plotted');
    assert.ok(!dots.includes(3), 'dates in boilerplate are not plotted');
    assert.doesNotMatch(html, /Vientiane Times|footer/, 'nor are the names and tags of their sentences');
  });

  it('ranks entity rows by dated sentences after an All row, and builds tag rows', () => {
    const data = plotData(ITEMS);
    assert.deepEqual(data.byEntity.map((r) => r.label), ['All dated mentions', 'Vilay Lakhamphong', 'Laos']);
    assert.equal(data.byEntity[1].points.length, 2);
    assert.deepEqual(data.byTag.map((r) => r.label), ['All dated mentions', 'visits']);
    assert.equal(data.min, dayNumber('2025-04-24'));
    assert.equal(data.max, dayNumber('2025-06-02'));
    assert.equal(data.inBoilerplate, 1);
    assert.equal(plotData(ITEMS, 1).byEntity.length, 2);
    assert.equal(plotData(ITEMS, 1).moreEntities, 1);
  });

  it('plots every tag: a passage whose sentence has no date at its article’s date, marked as such', () => {
    const data = plotData(ITEMS, 15, [untimed({}), untimed({ tag: 'visits', documentDate: '2025-04-20T09:00' }), untimed({ tag: 'orphan', documentDate: undefined })]);
    assert.deepEqual(data.byTag.map((r) => r.label), ['All dated mentions', 'visits', 'praise']);
    const praise = data.byTag[2];
    assert.deepEqual(praise.points.map((p) => [p.target, p.from, p.atArticleDate]), [[{ kind: 'tag', index: 0 }, dayNumber('2025-04-25'), true]]);
    assert.match(praise.points[0].tip, /no date in its sentence: placed at the article’s date, 2025-04-25/);
    assert.match(praise.detail, /0 dated sentences, 1 passage at the article’s date/);
    assert.equal(data.byTag[1].points.length, 2, 'a dated sentence and a passage at its article’s date');
    assert.equal(data.atArticleDate, 2);
    assert.equal(data.tagsUnplaced, 1);
    assert.equal(data.min, dayNumber('2025-04-20'), 'the axis covers them');
    const html = plotHtml({ nonce: 'n', cspSource: 's', items: ITEMS, tagsWithoutDate: [untimed({})] });
    assert.match(html, /<circle class="dot article-date" data-kind="tag" data-i="0"/);
    assert.match(html, /a tagged passage whose sentence has no date, at its article’s date \(1\)/);
  });

  it('opens on the busy range, not on 1976–2030, and zooms by brushing, out, and back to all', () => {
    const data = plotData(SPREAD);
    const view = webviewData(data);
    assert.deepEqual(view.full, fullRange(dayNumber('1976-01-01')!, dayNumber('2030-12-31')!));
    assert.ok(view.initial!.lo >= dayNumber('2025-03-01')! && view.initial!.hi <= dayNumber('2025-05-31')!, 'the spring of 2025');
    assert.ok(view.initial!.lo <= dayNumber('2025-04-01')! && view.initial!.hi >= dayNumber('2025-04-30')!, 'all of its events');
    const svg = plotSvg(data.byEntity, { width: 800, range: view.initial! }, 'p');
    assert.match(svg, /<text class="outside" [^>]*>‹1<\/text>/, 'the 1976 event is counted at the left end');
    assert.match(svg, /<text class="outside after" [^>]*>1›<\/text>/, 'the 2030 one at the right end');
    assert.equal([...svg.matchAll(/<circle /g)].length, 60, 'thirty dots in each of two rows, none for the years outside');
    const wholeYear = plotData([item({ value: '2025', start: '2025-01-01', end: '2025-12-31' })]).byEntity;
    const april = plotSvg(wholeYear, { width: 800, range: { lo: dayNumber('2025-04-01')!, hi: dayNumber('2025-04-30')! } }, 'p');
    assert.doesNotMatch(april, /<circle /, 'a year that started before April has no dot at April’s edge');
    assert.match(april, /<line class="span" data-kind="item" data-i="0"/, 'only its bar, across the view');

    const at = (...days: number[]) => days.map((d) => ({ from: d, to: d }));
    assert.deepEqual(denseRange(at(10, 12)), fullRange(10, 12), 'few marks: all of them');
    assert.deepEqual(denseRange(at(0, 100, 200, 300, 400, 500)), fullRange(0, 500), 'spread evenly: all of them');
    const year = { from: 1000, to: 1364 };
    const busy = denseRange([...at(0, 5000), year, year, year, ...at(1100, 1110, 1120, 1130)])!;
    assert.ok(busy.lo <= 1000 && busy.hi >= 1364 && busy.hi < 1500, `year-long marks are shown whole: ${busy.lo}–${busy.hi}`);
    assert.equal(denseRange([]), undefined);
    assert.deepEqual(brushed(50, 20), { lo: 20, hi: 50 });
    const narrow = brushed(20, 20.5);
    assert.equal(narrow.hi - narrow.lo, MIN_SPAN);
    assert.deepEqual(zoomOut({ lo: 100, hi: 110 }, { lo: 0, hi: 1000 }), { lo: 90, hi: 120 });
    assert.deepEqual(zoomOut({ lo: 0, hi: 600 }, { lo: 0, hi: 1000 }), { lo: 0, hi: 1000 });
  });

  it('lays out tick labels that never overlap nor leave the plot, from a split editor to a wide one', () => {
    const ranges = [
      fullRange(dayNumber('1976-01-01')!, dayNumber('2030-12-31')!),
      { lo: dayNumber('2025-01-01')!, hi: dayNumber('2025-12-31')! },
      { lo: dayNumber('2025-04-01')!, hi: dayNumber('2025-05-15')! },
      { lo: dayNumber('2025-04-20')!, hi: dayNumber('2025-04-27')! },
    ];
    for (const width of [220, 300, 360, 480, 640, 960, 1600]) {
      for (const range of ranges) {
        const layout = layoutFor(width);
        const t = ticks(range, layout);
        assert.ok(t.length >= 2, `at least two ticks at ${width}px over ${range.hi - range.lo} days`);
        for (let i = 0; i < t.length; i++) {
          const half = labelWidth(t[i].label) / 2;
          assert.ok(t[i].x - half >= 0 && t[i].x + half <= width, `${t[i].label} inside ${width}px`);
          if (i) assert.ok(t[i - 1].x + labelWidth(t[i - 1].label) / 2 <= t[i].x - half, `${t[i - 1].label} and ${t[i].label} apart at ${width}px`);
        }
        assert.deepEqual(tickLabels(plotSvg(plotData(SPREAD).byEntity, { width, range }, 'p')).map((x) => x.label), t.map((x) => x.label));
      }
    }
    assert.ok(ticks(ranges[0], layoutFor(960)).every((x) => /^\d{4}$/.test(x.label)), 'years over decades');
    assert.ok(ticks(ranges[3], layoutFor(960)).every((x) => /^[A-Z][a-z]{2} \d{2}$/.test(x.label)), 'days over a week');
  });

  it('puts row labels above their rows in a narrow panel and clips them to the room they have', () => {
    const long = [item({ entities: [{ id: 'o', name: 'Ministry of National Defence of the Lao People’s Democratic Republic', type: 'ORGANIZATION' }] })];
    const rows = plotData(long).byEntity;
    const range = { lo: dayNumber('2025-05-01')!, hi: dayNumber('2025-07-01')! };
    const narrow = plotSvg(rows, { width: 320, range }, 'p');
    assert.ok(320 < NARROW);
    assert.match(narrow, /class="plot narrow"/);
    const above = [...narrow.matchAll(/<text class="label above" x="4" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.equal(above.length, 2);
    for (const l of above) assert.ok(l.length * 7.8 <= 320 - 4, `${l} fits`);
    const wide = plotSvg(rows, { width: 960, range }, 'p');
    const left = [...wide.matchAll(/<text class="label" x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    assert.equal(left.length, 2);
    const layout = layoutFor(960);
    for (const m of left) assert.ok(m[2].length * 7.2 <= layout.labelWidth - 4, `${m[2]} fits its column`);
    assert.match(left[1][2], /…$/, 'the long name is clipped');
    assert.match(wide, /<title>Ministry of National Defence of the Lao People’s Democratic Republic: /, 'and given whole in its tooltip');
  });
});
