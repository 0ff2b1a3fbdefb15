/**
 * A fourth annotated set, held out for issue 11: seven short articles composed for this set (generic wire-style
 * news, not taken from any corpus), written and committed BEFORE any rule change for that issue, and never used for
 * tuning. Same conventions as dates.ts, plus those of issue 11:
 * - `now`, `currently`, `today` meaning nowadays → `PRESENT_REF`; `recently`, `the past` → `PAST_REF`;
 *   `the future` → `FUTURE_REF`;
 * - fiscal periods: `third-quarter` → the quarter of the article's year (`2025-Q3`); `the quarter` → the quarter
 *   last mentioned; `the latest quarter` → the last quarter completed before the article's date; `the year-ago
 *   period` / `the year-earlier quarter` → the same quarter a year before;
 * - holidays → their day; years in words → the year; decades in words → `199`; centuries → `19` (20th century);
 * - `the weekend` → `YYYY-Www-WE`; seasons → `YYYY-SP|SU|FA|WI`;
 * - `a year ago` takes the granularity of its unit (the year, `2024`), as HeidelTime and the earlier sets do;
 *   `last week` → the ISO week (`2025-W16`); `last year` → the year.
 * Its first run, before any change, is recorded in the commit that adds it and in the report of issue 11.
 */
import type { BenchDoc } from './dates';

export const DATE_UNSEEN: readonly BenchDoc[] = [
  {
    id: 'u-earnings',
    dct: '2025-10-28',
    text: `Regional airline posts higher third-quarter profit

SINGAPORE, Oct. 28, 2025 – A regional airline said on Tuesday its third-quarter net profit rose 14 percent, helped by strong demand during the summer travel season.
Revenue in the quarter climbed to 2.1 billion dollars from 1.8 billion in the year-ago period, the company said.
The carrier currently operates 96 aircraft and expects to take delivery of six more before Christmas.
Chief executive Mark Tan told analysts that fuel costs had eased recently but warned that the fourth quarter would be weaker.
Shares fell 2 percent on Monday and were flat on Tuesday morning.
The airline was founded in the nineties and listed in 2004.
`,
    gold: [
      ['Oct. 28, 2025', '2025-10-28', 'DATE'],
      ['Tuesday', '2025-10-28', 'DATE'],
      ['third-quarter', '2025-Q3', 'DATE', 0],
      ['third-quarter', '2025-Q3', 'DATE', 1],
      ['the summer', '2025-SU', 'DATE'],
      ['the quarter', '2025-Q3', 'DATE'],
      ['the year-ago period', '2024-Q3', 'DATE'],
      ['currently', 'PRESENT_REF', 'DATE'],
      ['Christmas', '2025-12-25', 'DATE'],
      ['recently', 'PAST_REF', 'DATE'],
      ['the fourth quarter', '2025-Q4', 'DATE'],
      ['Monday', '2025-10-27', 'DATE'],
      ['Tuesday morning', '2025-10-28TMO', 'TIME'],
      ['the nineties', '199', 'DATE'],
      ['2004', '2004', 'DATE'],
    ],
  },
  {
    id: 'u-election',
    dct: '2024-11-07',
    text: `Record turnout as counting nears its end

WASHINGTON, Nov 7, 2024 (Wire) – Turnout in the presidential race was the highest since the 20th century, officials said on Thursday.
More than 150 million people voted on Election Day, and millions more cast ballots by mail.
Counting is now nearly complete in most states, though two states are still tallying ballots and expect to finish over the weekend.
The new Congress will be sworn in on Jan. 3, and the inauguration is set for January 20.
In the past, results in close states have taken weeks to certify, and analysts said disputes could continue into the future.
Both campaigns spent heavily, with advertising peaking on Sunday, Nov. 3.
`,
    gold: [
      ['Nov 7, 2024', '2024-11-07', 'DATE'],
      ['the 20th century', '19', 'DATE'],
      ['Thursday', '2024-11-07', 'DATE'],
      ['Election Day', '2024-11-05', 'DATE'],
      ['now', 'PRESENT_REF', 'DATE'],
      ['the weekend', '2024-W45-WE', 'DATE'],
      ['Jan. 3', '2025-01-03', 'DATE'],
      ['January 20', '2025-01-20', 'DATE'],
      ['the past', 'PAST_REF', 'DATE'],
      ['weeks', 'PXW', 'DURATION'],
      ['the future', 'FUTURE_REF', 'DATE'],
      ['Sunday, Nov. 3', '2024-11-03', 'DATE'],
    ],
  },
  {
    id: 'u-festival',
    dct: '2025-04-22',
    text: `Old capital draws record crowds for water festival

LUANG PRABANG, 22 April 2025 – Thousands of visitors celebrated the traditional water festival in the old royal capital last week, and hotels said bookings for the coming summer were already strong.
The city welcomed about 40,000 foreign tourists over Easter, compared with 31,000 a year ago, the provincial tourism office said on Tuesday.
Officials recently completed a new bridge over the river, and a second one will open in the autumn.
Tourism has grown steadily since the end of the pandemic, and today the sector employs nearly one in ten workers in the province.
The old town was listed as a World Heritage Site in nineteen ninety-five.
A night market will run every Saturday until the end of the year.
`,
    gold: [
      ['22 April 2025', '2025-04-22', 'DATE'],
      ['last week', '2025-W16', 'DATE'],
      ['the coming summer', '2025-SU', 'DATE'],
      ['Easter', '2025-04-20', 'DATE'],
      ['a year ago', '2024', 'DATE'],
      ['Tuesday', '2025-04-22', 'DATE'],
      ['recently', 'PAST_REF', 'DATE'],
      ['the autumn', '2025-FA', 'DATE'],
      ['today', 'PRESENT_REF', 'DATE'],
      ['nineteen ninety-five', '1995', 'DATE'],
      ['every Saturday', 'XXXX-WXX-6', 'SET'],
      ['the end of the year', '2025', 'DATE'],
    ],
  },
  {
    id: 'u-trade',
    dct: '2025-01-16',
    text: `Vietnam's exports rise on strong US demand

HANOI, Jan. 16, 2025 (VNA) – Vietnam's exports rose 14 percent last year, the General Statistics Office said on Thursday, and the government expects growth to slow in the first half of this year.
Shipments to the United States climbed in the latest quarter, while sales to China were flat compared with the year-earlier quarter.
The trade ministry held talks with European officials in Brussels on Jan. 14 and will meet Japanese negotiators on Friday.
Exporters are currently facing higher shipping costs, which rose sharply in December.
Officials said the country had not seen such strong growth since the eighties, and that the 21st century would bring new challenges.
`,
    gold: [
      ['Jan. 16, 2025', '2025-01-16', 'DATE'],
      ['last year', '2024', 'DATE'],
      ['Thursday', '2025-01-16', 'DATE'],
      ['the first half of this year', '2025-H1', 'DATE'],
      ['the latest quarter', '2024-Q4', 'DATE'],
      ['the year-earlier quarter', '2023-Q4', 'DATE'],
      ['Jan. 14', '2025-01-14', 'DATE'],
      ['Friday', '2025-01-17', 'DATE'],
      ['currently', 'PRESENT_REF', 'DATE'],
      ['December', '2024-12', 'DATE'],
      ['the eighties', '198', 'DATE'],
      ['the 21st century', '20', 'DATE'],
    ],
  },
  {
    id: 'u-storm',
    dct: '2025-08-11',
    text: `Storm kills nine in northern provinces

MANILA, Aug 11, 2025 – A tropical storm that swept across the northern provinces over the weekend killed at least nine people, disaster officials said on Monday.
Rescue teams reached three cut-off villages on Sunday after the rain eased, and power was restored to most homes by Monday afternoon.
The storm made landfall late on Saturday, the third this year, and forecasters said another could form by Thursday.
Residents said floods had become more frequent than in the past, but rarely this severe.
The weather bureau said it expected the rainy season to end by October.
`,
    gold: [
      ['Aug 11, 2025', '2025-08-11', 'DATE'],
      ['the weekend', '2025-W32-WE', 'DATE'],
      ['Monday', '2025-08-11', 'DATE'],
      ['Sunday', '2025-08-10', 'DATE'],
      ['Monday afternoon', '2025-08-11TAF', 'TIME'],
      ['Saturday', '2025-08-09', 'DATE'],
      ['this year', '2025', 'DATE'],
      ['Thursday', '2025-08-14', 'DATE'],
      ['the past', 'PAST_REF', 'DATE'],
      ['October', '2025-10', 'DATE'],
    ],
  },
  {
    id: 'u-wildlife',
    dct: '2025-06-06',
    text: `Four held over wildlife smuggling plot

BANGKOK, June 6, 2025 – Police arrested four men on Wednesday who were planning to smuggle wildlife across the border, a spokesman said.
On Tuesday, the environment ministry said it plans to double the number of rangers in the national parks.
The suspects were due to appear in court on Friday, June 6, but the hearing was moved to June 12.
A similar case in the spring ended with heavy fines, and the ministry now wants longer prison terms.
The ministry will present its proposals to parliament next month.
`,
    gold: [
      ['June 6, 2025', '2025-06-06', 'DATE'],
      ['Wednesday', '2025-06-04', 'DATE'],
      ['Tuesday', '2025-06-03', 'DATE'],
      ['Friday, June 6', '2025-06-06', 'DATE'],
      ['June 12', '2025-06-12', 'DATE'],
      ['the spring', '2025-SP', 'DATE'],
      ['now', 'PRESENT_REF', 'DATE'],
      ['next month', '2025-07', 'DATE'],
    ],
  },
  {
    id: 'u-ministers',
    dct: '2026-04-20',
    text: `Ministers to meet ahead of regional summit

VIENTIANE, 20 April 2026 – Foreign ministers will meet in Vientiane on Saturday, April 25, to prepare the regional summit, officials said on Monday.
The previous meeting was held in Jakarta in the autumn of 2025, and the group has met twice a year since nineteen ninety-seven.
`,
    gold: [
      ['20 April 2026', '2026-04-20', 'DATE'],
      ['Saturday, April 25', '2026-04-25', 'DATE'],
      ['Monday', '2026-04-20', 'DATE'],
      ['the autumn of 2025', '2025-FA', 'DATE'],
      ['twice a year', 'P1Y', 'SET'],
      ['nineteen ninety-seven', '1997', 'DATE'],
    ],
  },
];
