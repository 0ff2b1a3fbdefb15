import * as assert from 'node:assert/strict';
import { boilerplateMarks, buildTimeline, tagsWithoutDate, timelineOfDocument, type TimelineSource } from '../../../server/src/core/timeline/index';
import { findDocumentDate, recognizeDates } from '../../../server/src/core/dates/index';
import type { EntityMention } from '../../../server/src/core/types';

function source(uri: string, text: string, entities: EntityMention[] = []): TimelineSource {
  const documentDate = findDocumentDate(text);
  const dates = recognizeDates(text, { includeDurations: true, documentDate: documentDate ?? null });
  return { uri, text, dates, documentDate, entities };
}

function mention(text: string, name: string, entityId: string): EntityMention {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, type: 'PERSON', entityId, canonical: name };
}

const A = 'VIENTIANE, Jun 30, 2021, Vientiane Times. The meeting was held on June 28. Minister Vilay spoke for 20 minutes at a four-day forum.';
const B = 'Hanoi, March 3, 2020 (VNA) The plan runs in 2021. Talks began on March 2 and an annual review follows.';
const C = 'Talks were held in Hanoi on June 2. The guest is on a four-day visit that started on June 1.';

describe('buildTimeline', () => {
  it('orders the corpus by interval start, coarser first, then article and offset', () => {
    const entries = buildTimeline([source('a.txt', A), source('b.txt', B), source('c.txt', C)]);
    const dated = entries.filter((e) => e.group === 'dated').map((e) => `${e.uri}:${e.text}=${e.sortKey}`);
    assert.deepEqual(dated, [
      'b.txt:March 2=2020-03-02',
      'b.txt:March 3, 2020=2020-03-03',
      'b.txt:2021=2021-01-01',
      'a.txt:June 28=2021-06-28',
      'a.txt:Jun 30, 2021=2021-06-30',
    ]);
  });

  it('groups year-less and unplaceable mentions apart, after the dated ones', () => {
    const entries = buildTimeline([source('c.txt', C), source('a.txt', A)]);
    const groups = entries.map((e) => e.group);
    assert.deepEqual(groups, ['dated', 'dated', 'unknown-year', 'unknown-year']);
    const unknown = entries.filter((e) => e.group === 'unknown-year');
    assert.deepEqual(unknown.map((e) => [e.text, e.sortKey]), [['June 1', 'XXXX-06-01'], ['June 2', 'XXXX-06-02']]);
    const undated = buildTimeline([{ uri: 'x', text: 'at some point', dates: [{ start: 0, end: 2, text: 'at', value: 'XXXX', kind: 'DATE', resolution: 'r' }] }]);
    assert.equal(undated[0].group, 'undated');
    assert.equal(undated[0].sortKey, undefined);
  });

  it('leaves out durations and recurring sets', () => {
    const entries = buildTimeline([source('a.txt', A), source('b.txt', B), source('c.txt', C)]);
    assert.ok(entries.length > 0);
    for (const e of entries) assert.ok(e.kind === 'DATE' || e.kind === 'TIME', `${e.text} is ${e.kind}`);
    assert.ok(!entries.some((e) => /four-day|20 minutes|annual/.test(e.text)));
  });

  it('gives each mention its sentence, the entities in it, its tags and the article date', () => {
    const vilay = mention(A, 'Vilay', 'p1');
    const hanoi = mention(B, 'Hanoi', 'l1');
    const entries = buildTimeline([source('a.txt', A, [vilay]), source('b.txt', B, [hanoi])], {
      tags: [{ uri: 'a.txt', start: A.indexOf('held'), end: A.indexOf('held') + 4, tag: 'meetings' }, { uri: 'b.txt', start: 0, end: 1, tag: 'elsewhere' }],
    });
    const june28 = entries.find((e) => e.text === 'June 28')!;
    assert.equal(june28.sentence, 'The meeting was held on June 28.');
    assert.equal(A.slice(june28.sentenceStart, june28.sentenceEnd), june28.sentence);
    assert.equal(june28.documentDate, '2021-06-30');
    assert.equal(june28.isDocumentDate, false);
    assert.deepEqual(june28.tags, ['meetings']);
    assert.deepEqual(june28.entities, []);
    const dateline = entries.find((e) => e.text === 'Jun 30, 2021')!;
    assert.equal(dateline.isDocumentDate, true);
    const plan = entries.find((e) => e.text === 'March 3, 2020')!;
    assert.deepEqual(plan.entities, [{ entityId: 'l1', canonical: 'Hanoi', type: 'PERSON' }]);
    assert.deepEqual(plan.tags, ['elsewhere']);
    const without = buildTimeline([source('a.txt', A)], { includeDocumentDates: false });
    assert.ok(!without.some((e) => e.isDocumentDate));
  });

  it('starts a sentence after the article\'s dateline', () => {
    const text = 'date 2025-04-25 VIENTIANE — The minister on April 25 praised the results. Hanoi (VNA) On April 26 talks ended.';
    const entries = buildTimeline([source('d.txt', text)]);
    assert.equal(entries.find((e) => e.text === 'April 25')!.sentence, 'The minister on April 25 praised the results.');
    assert.equal(entries.find((e) => e.text === '2025-04-25')!.sentence.slice(0, 15), 'date 2025-04-25');
  });

  it('marks the dates inside boilerplate, and only those', () => {
    const text = 'Hanoi, March 3, 2020 (VNA) Talks began on March 2. Copyright 2019 VNA. All rights reserved.';
    const chrome = { start: text.indexOf('Copyright'), end: text.length };
    const entries = buildTimeline([{ ...source('b.txt', text), boilerplate: [chrome] }]);
    assert.deepEqual(entries.filter((e) => e.inBoilerplate).map((e) => e.text), ['2019']);
    assert.ok(entries.some((e) => e.text === 'March 2' && !e.inBoilerplate));
    assert.ok(buildTimeline([source('b.txt', text)]).every((e) => !e.inBoilerplate), 'none without boilerplate spans');
    const dateline = { start: 0, end: text.indexOf('Talks') };
    const kept = buildTimeline([{ ...source('b.txt', text), boilerplate: [dateline] }]).find((e) => e.isDocumentDate)!;
    assert.equal(kept.inBoilerplate, false, 'the article’s own date stays, even on a line of page chrome');
  });

  it('marks the entries of an article read without its boilerplate as a build with it would (boilerplateMarks)', () => {
    const text = 'Hanoi, March 3, 2020 (VNA) Talks began on March 2. Copyright 2019 VNA. All rights reserved.';
    const spans = [{ start: 0, end: text.indexOf('Talks') }, { start: text.indexOf('Copyright'), end: text.length }];
    const without = timelineOfDocument(source('b.txt', text)).map((p) => p.entry);
    const withSpans = timelineOfDocument({ ...source('b.txt', text), boilerplate: spans }).map((p) => p.entry);
    assert.deepEqual(boilerplateMarks(without, spans), withSpans.map((e) => e.inBoilerplate));
    assert.deepEqual(boilerplateMarks(without, spans).filter(Boolean).length, 1, 'the footer’s 2019 only, not the article’s own date');
    assert.deepEqual(boilerplateMarks(without, []), without.map(() => false));
  });

  it('lists the tagged passages that no dated sentence carries, with their article’s date', () => {
    const text = 'Hanoi, March 3, 2020 (VNA) Talks began on March 2. The minister praised the police. Copyright 2019 VNA.';
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const sources = [{ ...source('b.txt', text), boilerplate: [at('Copyright 2019 VNA.')] }, source('c.txt', C), source('n.txt', 'No dates here at all.')];
    const tags = [
      { uri: 'b.txt', ...at('Talks began'), tag: 'talks' },
      { uri: 'b.txt', ...at('praised the police'), tag: 'praise' },
      { uri: 'b.txt', ...at('Copyright'), tag: 'footer' },
      { uri: 'b.txt', ...at('Talks began'), tag: 'other' },
      { uri: 'n.txt', start: 0, end: 8, tag: 'praise' },
      { uri: 'c.txt', start: -1, end: -1, tag: 'orphaned' },
    ];
    const entries = buildTimeline(sources, { tags });
    const found = tagsWithoutDate(sources, tags, entries);
    assert.deepEqual(
      found.map((t) => [t.uri, t.tag, t.documentDate]),
      [['b.txt', 'praise', '2020-03-03'], ['b.txt', 'footer', '2020-03-03'], ['n.txt', 'praise', undefined]],
      'talks and other are on the dated sentence of March 2; the footer’s date is boilerplate; an orphaned tag has no place',
    );
    assert.throws(() => tagsWithoutDate(sources, tags, entries, { isCancellationRequested: true }), /Cancelled/);
  });

  it('stops when cancelled', () => {
    assert.throws(() => buildTimeline([source('a.txt', A)], { token: { isCancellationRequested: true } }), /Cancelled/);
  });
});
