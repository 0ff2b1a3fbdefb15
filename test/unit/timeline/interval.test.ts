import * as assert from 'node:assert/strict';
import { compareIntervals, intervalOf } from '../../../server/src/core/timeline/index';

const span = (v: string) => {
  const i = intervalOf(v);
  return [i.group, i.start, i.end, i.granularity].join(' ');
};

describe('timeline intervals', () => {
  it('places days, times, months, years and ranges', () => {
    assert.equal(span('2025-04-25'), 'dated 2025-04-25 2025-04-25 day');
    assert.equal(span('2026-01-14T11:29'), 'dated 2026-01-14T11:29 2026-01-14T11:29 minute');
    assert.equal(span('2025-04-25TMO'), 'dated 2025-04-25 2025-04-25 day-part');
    assert.equal(span('2024-02'), 'dated 2024-02-01 2024-02-29 month');
    assert.equal(span('2025'), 'dated 2025-01-01 2025-12-31 year');
    assert.equal(span('2025-04-24/2025-04-25'), 'dated 2025-04-24 2025-04-25 range');
    assert.equal(span('2025/2029'), 'dated 2025-01-01 2029-12-31 range');
  });

  it('places weeks, quarters, halves, seasons, decades and centuries', () => {
    assert.equal(span('2025-W17'), 'dated 2025-04-21 2025-04-27 week');
    assert.equal(span('2021-W01'), 'dated 2021-01-04 2021-01-10 week');
    assert.equal(span('2025-W17-WE'), 'dated 2025-04-26 2025-04-27 week');
    assert.equal(span('2025-Q3'), 'dated 2025-07-01 2025-09-30 quarter');
    assert.equal(span('2025-H1'), 'dated 2025-01-01 2025-06-30 half');
    assert.equal(span('2024-WI'), 'dated 2024-12-01 2025-02-28 season');
    assert.equal(span('199'), 'dated 1990-01-01 1999-12-31 decade');
    assert.equal(span('19'), 'dated 1900-01-01 1999-12-31 century');
  });

  it('keeps month and day of year-less values, and marks unplaceable ones undated', () => {
    assert.equal(span('XXXX-06-02'), 'unknown-year XXXX-06-02 XXXX-06-02 day');
    assert.equal(span('XXXX-02-29'), 'unknown-year XXXX-02-29 XXXX-02-29 day');
    assert.equal(span('XXXX-12'), 'unknown-year XXXX-12-01 XXXX-12-31 month');
    for (const v of ['XXXX', 'XXXX-XX-XX', 'XXXX-WXX', 'XXXX-XX-XXT10:00', 'PRESENT_REF', '2025-13-01', '2025-02-30', '']) {
      assert.equal(intervalOf(v).group, 'undated', v);
    }
  });

  it('orders by start, the coarser interval first at the same start, undated last', () => {
    const values = ['2025-04-25T09:00', 'XXXX-01-05', '2025-04-25', 'PRESENT_REF', '2025-04', '2025', '2024-12-31', '2025/2026'];
    const sorted = [...values].sort((a, b) => compareIntervals(intervalOf(a), intervalOf(b)));
    assert.deepEqual(sorted, ['2024-12-31', '2025/2026', '2025', '2025-04', '2025-04-25', '2025-04-25T09:00', 'XXXX-01-05', 'PRESENT_REF']);
  });
});
