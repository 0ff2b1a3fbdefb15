/** The Timeline tree's shape: within a year, its months January to December first, then its Year only group. */
import * as assert from 'node:assert/strict';
import { timelineShape } from '../../../client/src/timelineYears';

describe('timeline tree order', () => {
  it('lists a year’s months in calendar order, then its year-only mentions, then Unknown year and Undated', () => {
    // The server's outline: each year before its months (the order of the timeline itself).
    const shape = timelineShape([
      { key: '2024-11', count: 2 },
      { key: '2025', count: 5 },
      { key: '2025-01', count: 3 },
      { key: '2025-04', count: 1 },
      { key: '2025-12', count: 4 },
      { key: 'unknown-year', count: 6 },
      { key: 'undated', count: 7 },
    ]);
    assert.deepEqual(
      shape.years.map((y) => [y.year, y.count, y.months.map((m) => m.month), y.yearOnly]),
      [
        ['2024', 2, ['11'], 0],
        ['2025', 13, ['01', '04', '12'], 5],
      ],
    );
    assert.deepEqual(shape.groups, [
      { group: 'unknown-year', count: 6 },
      { group: 'undated', count: 7 },
    ]);
  });

  it('keeps that order whatever order the outline comes in', () => {
    const shape = timelineShape([
      { key: 'undated', count: 1 },
      { key: '2025-12', count: 1 },
      { key: '2025', count: 1 },
      { key: '2019-03', count: 1 },
      { key: 'unknown-year', count: 1 },
      { key: '2025-02', count: 1 },
    ]);
    assert.deepEqual(shape.years.map((y) => `${y.year}:${y.months.map((m) => m.month).join(',')}:${y.yearOnly}`), ['2019:03:0', '2025:02,12:1']);
    assert.deepEqual(shape.groups.map((g) => g.group), ['unknown-year', 'undated']);
  });

  it('gives a year with only year-long mentions no months', () => {
    assert.deepEqual(timelineShape([{ key: '1975', count: 2 }]).years, [{ year: '1975', count: 2, months: [], yearOnly: 2 }]);
  });
});
