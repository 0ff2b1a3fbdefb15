import * as assert from 'node:assert/strict';
import { findDocumentDate, recognizeDates } from '../../../server/src/core/dates';
import { CancelledError } from '../../../server/src/core/types';
import { dct, find } from './helpers';

describe('dates: year-less dates and the tense rule', () => {
  const june = { documentDate: dct('2021-06-30', 'Jun 30, 2021') };
  const january = { documentDate: dct('2025-01-08', 'Jan 8, 2025') };

  it('gives a past-tense month after the article month the previous year', () => {
    const m = find('The assembly approved the budget in December, officials said.', 'December', january);
    assert.equal(m.value, '2024-12');
    assert.match(m.resolution, /year before, as the sentence is in the past tense/);
    assert.equal(find('The session opened on November 20 and closed later.', 'November 20', january).value, '2024-11-20');
  });

  it('gives a future-tense date before the article date the next year', () => {
    assert.equal(find('The ministry will submit its report on January 2.', 'January 2', { documentDate: dct('2025-03-10') }).value, '2026-01-02');
    assert.equal(find('The next session is scheduled to open on March 3.', 'March 3', january).value, '2025-03-03');
  });

  it('keeps the article year for same-year dates, and reads intent verbs as future', () => {
    assert.equal(find('The talks were held on June 28.', 'June 28', june).value, '2021-06-28');
    assert.equal(find('They agreed to set up a hotline by the end of April.', 'the end of April', { documentDate: dct('2024-03-15') }).value, '2024-04');
  });

  it('does not let a reporting verb override the tense of the event', () => {
    assert.equal(find('The two navies will hold their first drill in June, the ministry said.', 'June', { documentDate: dct('2024-03-12') }).value, '2024-06');
  });

  it('takes the year from a following "next year" or a following month-year', () => {
    const sep = { documentDate: dct('2024-09-12') };
    assert.equal(find('The school will open on 5 September next year.', '5 September next year', sep).value, '2025-09-05');
    assert.equal(find('Police seized 3.2 tonnes in January and February 2023.', 'January', sep).value, '2023-01');
  });

  it('leaves the year unknown without an anchor, never the current year', () => {
    const text = 'The two ministers met on June 2 and again this year, and on Monday.';
    const m = recognizeDates(text, { documentDate: null });
    assert.deepEqual(m.map((x) => x.value), ['XXXX-06-02', 'XXXX', 'XXXX-WXX-1']);
  });
});

describe('dates: day/month order', () => {
  it('decides from an unambiguous date in the same article', () => {
    const text = 'Dated 04/18/2024. The first meeting was held on 03/05/2024.';
    assert.equal(find(text, '03/05/2024').value, '2024-03-05');
    const dayFirst = 'Dated 18/04/2024. The first meeting was held on 03/05/2024.';
    assert.equal(find(dayFirst, '03/05/2024').value, '2024-05-03');
    assert.match(find(dayFirst, '03/05/2024').resolution, /day-first, as 18\/04\/2024/);
  });

  it('uses the setting when the article does not decide, day-first by default', () => {
    const text = 'The agreement was signed on 05/06/2019.';
    assert.equal(find(text, '05/06/2019').value, '2019-06-05');
    assert.equal(find(text, '05/06/2019', { dayOrder: 'month-first' }).value, '2019-05-06');
    assert.equal(find(text, '05/06/2019', { dayOrder: 'day-first' }).value, '2019-06-05');
  });

  it('lets unambiguous evidence win over the setting', () => {
    const text = 'Signed on 25/12/2019 and renewed on 05/06/2021.';
    assert.equal(find(text, '05/06/2021', { dayOrder: 'month-first' }).value, '2021-06-05');
  });

  it('uses a weekday next to an ambiguous date', () => {
    const text = 'Thursday, 12/09/2024 - 10:15\nNDO – The exchange took place.';
    assert.equal(findDocumentDate(text, { dayOrder: 'month-first' })?.value, '2024-09-12T10:15');
    const m = find(text, 'Thursday, 12/09/2024 - 10:15', { dayOrder: 'month-first', documentDate: null });
    assert.equal(m.value, '2024-09-12T10:15');
    assert.match(m.resolution, /day-first: the weekday matches/);
  });

  it('reads the order of written dates when set to auto', () => {
    const text = 'Talks were held on Jan. 30, 2024, and a review on 3/5/2024.';
    assert.equal(find(text, '3/5/2024').value, '2024-03-05');
    assert.equal(findDocumentDate('Posted 3/5/2024 at 4:30 PM\nThe pact was signed on Jan. 30, 2024.')?.value, '2024-03-05T16:30');
  });
});

describe('dates: cancellation', () => {
  it('throws CancelledError when the token is cancelled', () => {
    assert.throws(() => recognizeDates('On June 2, 2024.', {}, { isCancellationRequested: true }), CancelledError);
  });
});
