import * as assert from 'node:assert/strict';
import { dct, find, pairs } from './helpers';
import { easter } from '../../../server/src/core/dates/periods';

describe('dates: references, holidays, words, fiscal periods, the weekend (TIMEX3 news kinds)', () => {
  const oct = { documentDate: dct('2023-10-17', 'Oct 17, 2023') }; // a Tuesday
  const mon = { documentDate: dct('2023-10-16', 'Oct 16, 2023') }; // a Monday

  it('marks references to the present, past and future', () => {
    assert.equal(find('The port is currently closed to ships.', 'currently', oct).value, 'PRESENT_REF');
    assert.equal(find('Prices are now lower.', 'now', oct).value, 'PRESENT_REF');
    assert.equal(find('Nowadays few farmers grow rice here.', 'Nowadays', oct).value, 'PRESENT_REF');
    assert.equal(find('Flights were recently cut.', 'recently', oct).value, 'PAST_REF');
    assert.equal(find('Such raids were common in the past.', 'the past', oct).value, 'PAST_REF');
    assert.equal(find('Talks may resume in the near future.', 'the near future', oct).value, 'FUTURE_REF');
  });

  it('reads `today` meaning nowadays as PRESENT_REF, and `today` of the day as the article\'s date', () => {
    assert.equal(find("Today's challenges call for closer cooperation.", 'Today', oct).value, 'PRESENT_REF');
    assert.equal(find("Leaders discussed today's fast-changing world.", 'today', oct).value, 'PRESENT_REF');
    assert.equal(find("They spoke of the security threats in today's complex, volatile environment.", 'today', oct).value, 'PRESENT_REF');
    assert.equal(find('Few issues matter more to the world today than water.', 'today', oct).value, 'PRESENT_REF');
    assert.equal(find('The alliance between the police forces of Việt Nam and Laos today are partly contributed by former students.', 'today', oct).value, 'PRESENT_REF');
    assert.equal(find('Vietnam today is a middle-income country.', 'today', oct).value, 'PRESENT_REF');
    // The day itself.
    assert.equal(find("Today's meeting was chaired by the minister.", 'Today', oct).value, '2023-10-17');
    assert.equal(find('The minister said today that talks would resume.', 'today', oct).value, '2023-10-17');
    assert.equal(find('The Prime Minister today is expected to meet the envoy.', 'today', oct).value, '2023-10-17');
    assert.equal(find('The Ministry today has announced new rules.', 'today', oct).value, '2023-10-17');
    assert.equal(find('Talks with Laos resume today.', 'today', oct).value, '2023-10-17');
    assert.equal(find('The delegation will visit Hanoi today.', 'today', oct).value, '2023-10-17');
  });

  it('leaves stretches of time and other words alone', () => {
    assert.deepEqual(pairs('Over the past three years the number doubled.', oct).filter((p) => p.includes('REF')), []);
    assert.deepEqual(pairs('The future of the alliance is unclear.', oct), []);
    assert.deepEqual(pairs('The now-defunct agency closed, now that funds ran out.', oct), []);
  });

  it('dates holidays in the year the tense gives', () => {
    assert.deepEqual([3, 31], Object.values(easter(2024)));
    assert.deepEqual([4, 20], Object.values(easter(2025)));
    assert.equal(find('Shops will close on Christmas Day.', 'Christmas Day', oct).value, '2023-12-25');
    assert.equal(find('Turnout was high on Election Day.', 'Election Day', { documentDate: dct('2024-11-07') }).value, '2024-11-05');
    assert.equal(find('Families will gather for Thanksgiving Day.', 'Thanksgiving Day', oct).value, '2023-11-23');
    assert.equal(find('Pilgrims arrived before Easter.', 'Easter', oct).value, '2023-04-09');
    assert.deepEqual(pairs('Ships sailed to Christmas Island.', oct), []);
  });

  it('reads years and decades in words, and centuries', () => {
    assert.equal(find('The treaty was signed in nineteen ninety-six.', 'nineteen ninety-six', oct).value, '1996');
    assert.equal(find('The dam was built in the nineties.', 'the nineties', oct).value, '199');
    assert.equal(find('Growth slowed in the mid-eighties.', 'the mid-eighties', oct).value, '198');
    assert.equal(find('Wars shaped the 20th century.', 'the 20th century', oct).value, '19');
    assert.equal(find('The twenty-first century brings new risks.', 'The twenty-first century', oct).value, '20');
    assert.equal(find('No storm this century was as strong.', 'this century', oct).value, '20');
    assert.deepEqual(pairs('Most of the men were in their forties.', oct), []);
  });

  it('resolves fiscal quarters: ordinal, anaphoric, latest and year-ago', () => {
    const text = 'The bank said its third-quarter profit rose. Lending in the quarter grew 5 percent from the year-ago period.';
    assert.deepEqual(pairs(text, oct), ['third-quarter → 2023-Q3', 'the quarter → 2023-Q3', 'the year-ago period → 2022-Q3']);
    assert.equal(find('Sales fell in the latest quarter.', 'the latest quarter', oct).value, '2023-Q3');
    assert.equal(find('Fourth-quarter sales fell.', 'Fourth-quarter', { documentDate: dct('2024-01-20') }).value, '2023-Q4');
    assert.deepEqual(pairs('He lives in the old quarter of the city.', oct), []);
    // The quarter last mentioned, when it is not the article's last one.
    const earlier = 'Profit in the first quarter of 2022 rose. Lending in the quarter grew 5 percent from the year-ago period.';
    assert.deepEqual(pairs(earlier, oct), ['the first quarter of 2022 → 2022-Q1', 'the quarter → 2022-Q1', 'the year-ago period → 2021-Q1']);
  });

  it('places the weekend by tense', () => {
    assert.equal(find('Protesters gathered over the weekend.', 'the weekend', mon).value, '2023-W41-WE');
    assert.equal(find('Protesters will gather over the weekend.', 'the weekend', mon).value, '2023-W42-WE');
  });

  it('places seasons without a year by tense, and the coming one ahead', () => {
    assert.equal(find('Floods hit the north in the summer.', 'the summer', { documentDate: dct('2024-03-05') }).value, '2023-SU');
    assert.equal(find('A vote is expected in the summer.', 'the summer', { documentDate: dct('2024-03-05') }).value, '2024-SU');
    assert.equal(find('Bookings for the coming summer are strong.', 'coming summer', { documentDate: dct('2024-03-05') }).value, '2024-SU');
  });

  it('weekdays: the article day is the article day, fronted weekdays of reported speech look back', () => {
    assert.equal(find('The minister said on Tuesday that talks went well.', 'Tuesday', oct).value, '2023-10-17');
    assert.equal(find('On Monday, the agency said it plans to hire more rangers.', 'Monday', oct).value, '2023-10-16');
    assert.equal(find('Talks will be held on Friday, the agency said.', 'Friday', oct).value, '2023-10-20');
  });

  it('an explicit date wins over a weekday, and the weekday settles the year', () => {
    assert.equal(find('Leaders will meet on Saturday, April 25.', 'Saturday, April 25', { documentDate: dct('2026-01-05') }).value, '2026-04-25');
    assert.equal(find('The pact was signed on Friday, April 25.', 'Friday, April 25', { documentDate: dct('2026-01-05') }).value, '2025-04-25');
  });

  it('a month-day within a month of the article date keeps its year whatever the tense', () => {
    assert.equal(find('Talks were held in Brussels on Jan. 14.', 'Jan. 14', { documentDate: dct('2025-01-16') }).value, '2025-01-14');
    assert.equal(find('The hearing was moved to June 12.', 'June 12', { documentDate: dct('2025-06-06') }).value, '2025-06-12');
    assert.equal(find('Troops arrived on Dec. 28.', 'Dec. 28', { documentDate: dct('2025-01-03') }).value, '2024-12-28');
  });

  it('keeps the granularity of the unit: last year, last week, a year ago', () => {
    const apr = { documentDate: dct('2025-04-22') };
    assert.equal(find('Exports rose last year.', 'last year', apr).value, '2024');
    assert.equal(find('Crowds came last week.', 'last week', apr).value, '2025-W16');
    assert.equal(find('Prices were lower a year ago.', 'a year ago', apr).value, '2024');
  });
});
