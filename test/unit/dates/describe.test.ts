import * as assert from 'node:assert/strict';
import { describeDate, findDocumentDate, recognizeDates } from '../../../server/src/core/dates';

describe('dates: hover description', () => {
  const text = 'VIENTIANE, Jun 30, 2021, Vientiane Times. A videoconference was held on June 28. Leaders met on 4 November 2019. The plan runs until 2027.';
  const doc = findDocumentDate(text)!;
  const get = (t: string) => recognizeDates(text).find((m) => m.text === t)!;

  it('gives the value, weekday, resolution and distance of a year-less date', () => {
    assert.deepEqual(describeDate(get('June 28'), doc), {
      value: '2021-06-28', weekday: 'Monday', resolution: 'year from the dateline: Jun 30, 2021', distance: "2 days before the article's date",
    });
  });

  it('describes the article date itself', () => {
    const d = describeDate(get('Jun 30, 2021'), doc);
    assert.equal(d.weekday, 'Wednesday');
    assert.equal(d.distance, 'same day as the article');
    assert.equal(d.resolution, "the article's own date (dateline)");
  });

  it('gives long distances in months or years', () => {
    assert.equal(describeDate(get('4 November 2019'), doc).distance, "about 20 months before the article's date");
    assert.equal(describeDate(get('2027'), doc).distance, "6 years after the article's date");
    assert.equal(describeDate(get('2027'), doc).weekday, undefined);
  });

  it('gives both weekdays of a range and no distance without an article date', () => {
    const m = recognizeDates('The state visit took place on April 24–25, 2025.')[0];
    const d = describeDate(m);
    assert.equal(d.weekday, 'Thursday–Friday');
    assert.equal(d.distance, undefined);
  });
});
