import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../server/src/core/dates';
import { dct, find, pairs } from './helpers';

describe('dates: forms', () => {
  const anchor = { documentDate: dct('2025-04-25', 'Apr 25, 2025') };

  it('reads full dates in any common order', () => {
    assert.equal(find('Posted\n14/01/2026 11:29\nText.', '14/01/2026 11:29').value, '2026-01-14T11:29');
    assert.equal(find('It was signed on 2025-04-25 in Vientiane.', '2025-04-25').value, '2025-04-25');
    assert.equal(find('The summit opened on Jun 30, 2021, in Hanoi.', 'Jun 30, 2021').value, '2021-06-30');
    assert.equal(find('Leaders met in Bangkok on 4 November 2019.', '4 November 2019').value, '2019-11-04');
    assert.equal(find('The pact was signed on Sept. 5, 2023.', 'Sept. 5, 2023').value, '2023-09-05');
    assert.equal(find('It took effect on the 1st of June 2024.', 'the 1st of June 2024').value, '2024-06-01');
    assert.equal(find('Police seized the drugs on 26.09.2023 at the border.', '26.09.2023').value, '2023-09-26');
  });

  it('reads ISO date-times and a date followed by a clock time', () => {
    assert.equal(find('Updated 2025-03-14T09:30 by staff.', '2025-03-14T09:30').kind, 'TIME');
    const m = find('The talks began on March 3, 2025 at 10:30 a.m. in Hanoi.', 'March 3, 2025 at 10:30 a.m.');
    assert.equal(m.value, '2025-03-03T10:30');
    assert.equal(m.kind, 'TIME');
  });

  it('reads month-day and day ranges, with an en dash or "to"', () => {
    const text = 'President Cuong paid a state visit to Laos on April 24–25.';
    assert.equal(find(text, 'April 24–25', anchor).value, '2025-04-24/2025-04-25');
    assert.equal(find('Drills were held on 24–25 April.', '24–25 April', anchor).value, '2025-04-24/2025-04-25');
    assert.equal(find('Patrols ran from September 2 to September 5, 2024.', 'September 2 to September 5, 2024').value, '2024-09-02/2024-09-05');
    assert.equal(find('The tournament was held from 28/05/2024 to 03/06/2024.', '28/05/2024 to 03/06/2024').value, '2024-05-28/2024-06-03');
  });

  it('reads years and year ranges', () => {
    assert.deepEqual(pairs('The school was established in 1976 in Bac Giang.'), ['1976 → 1976']);
    assert.deepEqual(pairs('They will carry out the 2025 cooperation plan.'), ['2025 → 2025']);
    assert.deepEqual(pairs('They will implement the 2025–2029 defence cooperation protocol.'), ['2025–2029 → 2025/2029']);
    assert.deepEqual(pairs('The memorandum has been extended until 2027.'), ['2027 → 2027']);
    assert.deepEqual(pairs('Polls could be held in the 2024-25 period.'), ['2024-25 → 2024/2025']);
    assert.deepEqual(pairs('A new bridge is due to open by mid-2025.'), ['mid-2025 → 2025']);
    assert.deepEqual(pairs('Exports have grown since the 1990s.'), ['the 1990s → 199']);
  });

  it('reads months, quarters and seasons', () => {
    const june = { documentDate: dct('2021-06-30', 'Jun 30, 2021') };
    assert.equal(find('They held the first exchange last December.', 'last December', june).value, '2020-12');
    assert.equal(find('The deal was signed in March 2019.', 'March 2019').value, '2019-03');
    assert.equal(find('Results are due in the first quarter of 2025.', 'the first quarter of 2025').value, '2025-Q1');
    assert.equal(find('Figures from the summer of 2023 show a rise.', 'the summer of 2023').value, '2023-SU');
    assert.equal(find('The next meeting is planned for the third quarter.', 'the third quarter', anchor).value, '2025-Q3');
  });

  it('does not read a bare "May" or "March" without a temporal context as a month', () => {
    assert.deepEqual(pairs('Officials said troops may march to the border.'), []);
    assert.deepEqual(pairs('Prime Minister Theresa May spoke.'), []);
  });

  it('resolves relative expressions against the article date', () => {
    const text = 'Officials said yesterday that this year the two sides met last week and will meet again next month.';
    assert.deepEqual(pairs(text, anchor), [
      'yesterday → 2025-04-24', 'this year → 2025', 'last week → 2025-W16', 'next month → 2025-05',
    ]);
    assert.equal(find('The ships docked three years ago.', 'three years ago', anchor).value, '2022');
  });

  it('resolves "the same day" and "the following day" against the previous date in the text', () => {
    const text = 'The minister arrived on April 25. Earlier the same day, he met students. The following day, he left.';
    assert.deepEqual(pairs(text, anchor), ['April 25 → 2025-04-25', 'the same day → 2025-04-25', 'The following day → 2025-04-26']);
  });

  it('resolves weekdays from the tense: past to the last one, future to the next one', () => {
    const fri = { documentDate: dct('2025-03-14') };
    assert.equal(find('Police officials met on Thursday in Hanoi.', 'Thursday', fri).value, '2025-03-13');
    assert.equal(find('The minister will visit Laos on Monday.', 'Monday', fri).value, '2025-03-17');
    assert.equal(find('The talks ended at 5 p.m. on Friday.', '5 p.m. on Friday', fri).value, '2025-03-14T17:00');
  });

  it('returns durations and sets only when asked, as DURATION with ISO values', () => {
    const text = 'He is on a four-day visit; the treaty marks 60 years of ties, and talks are held annually.';
    assert.deepEqual(pairs(text), []);
    const all = recognizeDates(text, { includeDurations: true });
    assert.deepEqual(all.map((m) => `${m.text} ${m.kind} ${m.value}`), ['four-day DURATION P4D', '60 years DURATION P60Y', 'annually SET P1Y']);
    assert.deepEqual(pairs('Over the past five years, the commission grew.', { includeDurations: true }), ['the past five years → P5Y']);
  });

  it('does not read ages as durations', () => {
    assert.deepEqual(pairs('A 60-year-old man and his son, 12 years old, were hurt.', { includeDurations: true }), []);
  });
});
