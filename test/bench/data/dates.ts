/**
 * Annotated date expressions for the dates benchmark: fifteen short articles written for this set
 * in the style of wire news (KPL, VNA, Reuters, Xinhua, Bangkok Post…), with gold TIMEX3-style values.
 *
 * Conventions:
 * - Each gold entry is `[expression text, value, kind, occurrence]`; occurrence (default 0) picks
 *   the n-th appearance of the text in the article. Matching in the benchmark is relaxed (overlap).
 * - The article's own date (dateline, date line, timestamp line) is a gold mention too.
 * - Year-less dates take their year from the article's date and the tense of their sentence;
 *   with no article date the year is `XXXX`.
 * - Durations (`four-day`, `the past decade`) are kind DURATION, recurrences (`annual`,
 *   `every year`, `twice a year`) kind SET; they are scored separately from dates and times.
 * - Traps (ordinals, codes, counts, money, `Covid-19`, percentages, scores) are not annotated:
 *   anything found there counts as a false positive.
 */
export type GoldKind = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Gold = readonly [text: string, value: string, kind: GoldKind, occurrence?: number];

export interface BenchDoc {
  readonly id: string;
  /** The article's date, as a reference date for baselines; undefined when the article has none. */
  readonly dct?: string;
  readonly text: string;
  readonly gold: readonly Gold[];
}

export const DATE_BENCH: readonly BenchDoc[] = [
  {
    id: 'kpl-patrols',
    dct: '2025-02-03T14:05',
    text: `Laos, Vietnam step up border patrols ahead of dry season

03/02/2025 14:05
KPL Vientiane – Border guards from Laos and Vietnam held a joint patrol along the frontier in Xieng Khouang province on Saturday, the first of six planned for this year, officials said on Monday.
The two-day patrol covered 45 kilometres of the border and ended on 1 February, according to the Lao Ministry of National Defence.
Over the past three years, the two forces have conducted 18 joint patrols under an agreement signed on 12/11/2021 in Hanoi.
The next patrol is scheduled for March, and a review meeting will take place in Vientiane on 15 April.
Officials said 2,400 soldiers and 120 vehicles took part in exercises last year, up from 1,800 in 2023.
The cooperation plan for 2025–2027 will be reviewed at the end of the year.
`,
    gold: [
      ['03/02/2025 14:05', '2025-02-03T14:05', 'TIME'],
      ['Saturday', '2025-02-01', 'DATE'],
      ['this year', '2025', 'DATE'],
      ['Monday', '2025-02-03', 'DATE'],
      ['two-day', 'P2D', 'DURATION'],
      ['1 February', '2025-02-01', 'DATE'],
      ['the past three years', 'P3Y', 'DURATION'],
      ['12/11/2021', '2021-11-12', 'DATE'],
      ['March', '2025-03', 'DATE'],
      ['15 April', '2025-04-15', 'DATE'],
      ['last year', '2024', 'DATE'],
      ['2023', '2023', 'DATE'],
      ['2025–2027', '2025/2027', 'DATE'],
      ['the end of the year', '2025', 'DATE'],
    ],
  },
  {
    id: 'reuters-indonesia',
    dct: '2024-03-12',
    text: `Vietnam signs defence deal with Indonesia

HANOI (Reuters) - Vietnam and Indonesia signed a maritime defence cooperation agreement on Tuesday, Vietnam's defence ministry said, capping talks that began in December.
Published: 12 March 2024
The deal, first proposed in 2019, covers joint training, search and rescue and the exchange of information on illegal fishing for five years.
Indonesian Defence Minister Prabowo Subianto visited Hanoi on March 7 and met his counterpart, General Phan Van Giang, the next day.
The two navies will hold their first joint drill in June, the ministry said, and a second one next January.
Vietnam has bought four Kilo-class submarines and has operated Su-30MK2 fighters since 2004. It spent about $2,025 million on defence in the 2022 fiscal year, according to estimates, and some 2000 soldiers took part in the last exercise on 18 October.
`,
    gold: [
      ['Tuesday', '2024-03-12', 'DATE'],
      ['December', '2023-12', 'DATE'],
      ['12 March 2024', '2024-03-12', 'DATE'],
      ['2019', '2019', 'DATE'],
      ['five years', 'P5Y', 'DURATION'],
      ['March 7', '2024-03-07', 'DATE'],
      ['the next day', '2024-03-08', 'DATE'],
      ['June', '2024-06', 'DATE'],
      ['next January', '2025-01', 'DATE'],
      ['2004', '2004', 'DATE'],
      ['2022', '2022', 'DATE'],
      ['18 October', '2023-10-18', 'DATE'],
    ],
  },
  {
    id: 'vna-mekong-patrols',
    dct: '2024-09-17',
    text: `date 2024-09-17 VIENTIANE — Lao and Chinese police agreed on September 16 to extend their joint patrols on the Mekong River until 2026, the Lao Ministry of Public Security said.
The agreement was signed during a visit to Vientiane on September 15–16 by Chinese Vice Minister of Public Security Xu Datong, who also attended a ceremony marking the 13th anniversary of the patrols.
The patrols began in December 2011 after the killing of 13 Chinese sailors on the river in October 2011. Since then, the four countries have conducted 140 patrols, most recently from September 2 to September 5.
Earlier the same day, Xu met Lao Minister of Public Security Vilay Lakhamphong to review the 2021–2025 cooperation programme and the 2024 work plan.
Both sides pledged to hold the 14th joint patrol meeting in Kunming in the fourth quarter of 2024 and to finalise a new five-year plan by mid-2025.
Unit 814 and Team B-52 took part, officials said.
`,
    gold: [
      ['recently', 'PAST_REF', 'DATE'],
      ['2024-09-17', '2024-09-17', 'DATE'],
      ['September 16', '2024-09-16', 'DATE'],
      ['2026', '2026', 'DATE'],
      ['September 15–16', '2024-09-15/2024-09-16', 'DATE'],
      ['December 2011', '2011-12', 'DATE'],
      ['October 2011', '2011-10', 'DATE'],
      ['September 2 to September 5', '2024-09-02/2024-09-05', 'DATE'],
      ['the same day', '2024-09-16', 'DATE'],
      ['2021–2025', '2021/2025', 'DATE'],
      ['2024', '2024', 'DATE', 1],
      ['the fourth quarter of 2024', '2024-Q4', 'DATE'],
      ['five-year', 'P5Y', 'DURATION'],
      ['mid-2025', '2025', 'DATE'],
    ],
  },
  {
    id: 'bangkokpost-border',
    dct: '2024-02-20',
    text: `Thai Prime Minister Srettha Thavisin reviews troops in Bangkok, Thailand, 12 January 2024 (Photo: Reuters).

BANGKOK, Feb 20, 2024, Bangkok Post. Thailand and Laos will hold talks on border demarcation next month, the Thai foreign ministry said on Tuesday.
The talks, last held in August, are expected to cover the 1,810-km border, about 2 per cent of which remains undemarcated.
A joint boundary commission set up in 1996 met 22 times between 1997 and 2019, the ministry said. Its next session is planned for April 3–5 in Luang Prabang.
Thai and Lao officials also discussed preparations for the Visit Laos Year 2024 campaign and a new bridge over the Mekong due to open in late 2025.
The ministry said the 7th meeting of the Thai-Lao Joint Commission on Bilateral Cooperation would take place in May.
`,
    gold: [
      ['12 January 2024', '2024-01-12', 'DATE'],
      ['Feb 20, 2024', '2024-02-20', 'DATE'],
      ['next month', '2024-03', 'DATE'],
      ['Tuesday', '2024-02-20', 'DATE'],
      ['August', '2023-08', 'DATE'],
      ['1996', '1996', 'DATE'],
      ['1997', '1997', 'DATE'],
      ['2019', '2019', 'DATE'],
      ['April 3–5', '2024-04-03/2024-04-05', 'DATE'],
      ['2024', '2024', 'DATE', 2],
      ['late 2025', '2025', 'DATE'],
      ['May', '2024-05', 'DATE'],
    ],
  },
  {
    id: 'no-anchor-cambodia',
    text: `Cambodia, Laos agree to boost defence ties

Cambodian Defence Minister Tea Seiha and his Lao counterpart held talks in Phnom Penh on May 14, agreeing to expand officer training and joint exercises this year.
The two ministers also reviewed the outcome of a three-day border security meeting held last October and planned another one for November.
Laos sent 30 officers to Cambodian military academies in 2023, and the number will rise to 50 over the next two years, the ministry said.
The two countries marked the 25th anniversary of their defence cooperation agreement, signed in 1999, with a ceremony on the same day.
Tea Seiha is on a two-day visit that started on Monday.
`,
    gold: [
      ['May 14', 'XXXX-05-14', 'DATE'],
      ['this year', 'XXXX', 'DATE'],
      ['three-day', 'P3D', 'DURATION'],
      ['last October', 'XXXX-10', 'DATE'],
      ['November', 'XXXX-11', 'DATE'],
      ['2023', '2023', 'DATE'],
      ['the next two years', 'P2Y', 'DURATION'],
      ['1999', '1999', 'DATE'],
      ['the same day', 'XXXX-05-14', 'DATE'],
      ['two-day', 'P2D', 'DURATION'],
      ['Monday', 'XXXX-WXX-1', 'DATE'],
    ],
  },
  {
    id: 'us-month-first',
    dct: '2024-04-18',
    text: `U.S., Vietnam hold dialogue on war legacy

WASHINGTON, 04/18/2024 — U.S. and Vietnamese officials met on 04/16/2024 for their annual dialogue on war legacy issues, the State Department said in a statement.
The 2-hour session followed a working-level meeting held on 03/05/2024 in Hanoi, and both sides agreed to meet again before 12/31/2024.
Since 1973, the U.S. has spent more than $1 billion on efforts to clean up unexploded ordnance and dioxin contamination in Vietnam.
The recovery of the remains of U.S. servicemen, suspended for much of 2020 and 2021 because of Covid-19, resumed in 2022.
`,
    gold: [
      ['04/18/2024', '2024-04-18', 'DATE'],
      ['04/16/2024', '2024-04-16', 'DATE'],
      ['annual', 'P1Y', 'SET'],
      ['2-hour', 'PT2H', 'DURATION'],
      ['03/05/2024', '2024-03-05', 'DATE'],
      ['12/31/2024', '2024-12-31', 'DATE'],
      ['1973', '1973', 'DATE'],
      ['2020', '2020', 'DATE'],
      ['2021', '2021', 'DATE'],
      ['2022', '2022', 'DATE'],
    ],
  },
  {
    id: 'iso-timestamps',
    dct: '2025-03-14T09:30',
    text: `Posted on 2025-03-14T09:30
Hanoi hosts regional meeting on drug trafficking

HANOI — Senior police officials from the Mekong countries opened a two-day meeting in Hanoi at 8:30 a.m. on Thursday to coordinate operations against drug trafficking in the Golden Triangle.
Seizures of methamphetamine in the region reached a record 236 tonnes in 2024, up 24 per cent from the previous year, according to the UN Office on Drugs and Crime.
The meeting will end at 5 p.m. on Friday with a joint statement. A follow-up meeting is planned for the second half of 2025.
Police in Laos seized 1.5 tonnes of crystal methamphetamine in Bokeo province on 11 March, two days after a raid in Luang Namtha.
The operation, codenamed Mekong 2025, was launched in January and will run until the end of June.
`,
    gold: [
      ['2025-03-14T09:30', '2025-03-14T09:30', 'TIME'],
      ['two-day', 'P2D', 'DURATION'],
      ['8:30 a.m. on Thursday', '2025-03-13T08:30', 'TIME'],
      ['2024', '2024', 'DATE'],
      ['the previous year', '2023', 'DATE'],
      ['5 p.m. on Friday', '2025-03-14T17:00', 'TIME'],
      ['the second half of 2025', '2025-H2', 'DATE'],
      ['11 March', '2025-03-11', 'DATE'],
      ['two days', 'P2D', 'DURATION'],
      ['2025', '2025', 'DATE', 2],
      ['January', '2025-01', 'DATE'],
      ['the end of June', '2025-06', 'DATE'],
    ],
  },
  {
    id: 'kpl-budget-tense',
    dct: '2025-01-08',
    text: `VIENTIANE, Jan 8, 2025 (KPL) – Laos' National Assembly approved the 2025 defence budget in December, and the Ministry of National Defence began implementing it on January 2, officials said.
The assembly's session, which opened on November 20 and closed on December 10, also adopted amendments to the Law on National Defence.
The ministry will submit a report on the first quarter of 2025 in April and a mid-year review in July.
In the 1990s, the defence budget accounted for more than 10 percent of government spending; it now stands at about 2 percent.
Since 2016, Laos has received about 20 helicopters and 10 training aircraft from Russia and China.
The next session of the assembly is scheduled to open on March 3, while the party congress is due early next year.
`,
    gold: [
      ['now', 'PRESENT_REF', 'DATE'],
      ['Jan 8, 2025', '2025-01-08', 'DATE'],
      ['2025', '2025', 'DATE', 1],
      ['December', '2024-12', 'DATE'],
      ['January 2', '2025-01-02', 'DATE'],
      ['November 20', '2024-11-20', 'DATE'],
      ['December 10', '2024-12-10', 'DATE'],
      ['the first quarter of 2025', '2025-Q1', 'DATE'],
      ['April', '2025-04', 'DATE'],
      ['July', '2025-07', 'DATE'],
      ['the 1990s', '199', 'DATE'],
      ['2016', '2016', 'DATE'],
      ['March 3', '2025-03-03', 'DATE'],
      ['early next year', '2026', 'DATE'],
    ],
  },
  {
    id: 'navy-anaphora',
    dct: '2023-08-05',
    text: `Vietnam People's Navy ships arrive in Cambodia

Published: 05 August 2023
SIHANOUKVILLE — Two Vietnamese navy ships docked at Ream Naval Base on August 3 for a four-day goodwill visit, the Cambodian navy said.
The following day, Vietnamese sailors laid wreaths at a monument to the soldiers who died fighting the Khmer Rouge between 1978 and 1989.
The ships had left Cam Ranh Bay two days earlier, on August 1, and will sail to Thailand's Sattahip on Monday.
Cambodia and Vietnam marked the 56th anniversary of diplomatic relations in June. The two navies held their first joint search-and-rescue drill three years ago.
The previous visit by Vietnamese ships took place in 2019, ten years after the first in 2009.
`,
    gold: [
      ['05 August 2023', '2023-08-05', 'DATE'],
      ['August 3', '2023-08-03', 'DATE'],
      ['four-day', 'P4D', 'DURATION'],
      ['The following day', '2023-08-04', 'DATE'],
      ['1978', '1978', 'DATE'],
      ['1989', '1989', 'DATE'],
      ['two days earlier', '2023-08-01', 'DATE'],
      ['August 1', '2023-08-01', 'DATE'],
      ['Monday', '2023-08-07', 'DATE'],
      ['June', '2023-06', 'DATE'],
      ['three years ago', '2020', 'DATE'],
      ['2019', '2019', 'DATE'],
      ['ten years', 'P10Y', 'DURATION'],
      ['2009', '2009', 'DATE'],
    ],
  },
  {
    id: 'tanks-traps',
    text: `Laos receives Russian-made tanks

The Lao People's Army has received a batch of T-72B1 tanks and BRDM-2M armoured vehicles from Russia, state media reported, the 5th delivery under a contract signed in 2018.
The vehicles arrived at a port in Vietnam and were transported to Vientiane by road along Route 13, a journey of 800 km.
Laos paid about 2,500 million kip for spare parts, and 1000 personnel will be trained to operate the vehicles over the next 18 months.
The army's 2nd Division received its first T-72B1 tanks in January 2019, and Yak-130 trainer jets arrived in December 2018 and mid-2021.
The vehicles will be displayed at a parade marking the 50th anniversary of the Lao People's Democratic Republic on 2 December.
Officials from the 10 ASEAN member countries are expected to attend. The contract, registered as No. 2020 under Decision 1976/QD-BQP, also covers ammunition.
`,
    gold: [
      ['2018', '2018', 'DATE'],
      ['the next 18 months', 'P18M', 'DURATION'],
      ['January 2019', '2019-01', 'DATE'],
      ['December 2018', '2018-12', 'DATE'],
      ['mid-2021', '2021', 'DATE'],
      ['2 December', 'XXXX-12-02', 'DATE'],
    ],
  },
  {
    id: 'vna-defence-expo',
    dct: '2024-11-07',
    text: `Thursday, November 7, 2024
Vietnam hosts defence expo as arms exports grow

HANOI, Nov 7 (VNA) – Vietnam opened its second international defence exhibition at Gia Lam airport on Thursday, with more than 250 firms from 30 countries taking part.
The four-day show, first held in December 2022, will be held every two years, organisers said. Its next edition is planned for the autumn of 2026.
Vietnam's defence industry has grown steadily since the early 2000s, and exports rose sharply last year, Deputy Defence Minister Hoang Xuan Chien said.
He said the country aims to become an arms exporter by 2030 and holds defence industry conferences twice a year.
The exhibition is open to the public until Sunday, November 10.
`,
    gold: [
      ['Thursday, November 7, 2024', '2024-11-07', 'DATE'],
      ['Nov 7', '2024-11-07', 'DATE'],
      ['Thursday', '2024-11-07', 'DATE', 1],
      ['four-day', 'P4D', 'DURATION'],
      ['December 2022', '2022-12', 'DATE'],
      ['every two years', 'P2Y', 'SET'],
      ['the autumn of 2026', '2026-FA', 'DATE'],
      ['the early 2000s', '200', 'DATE'],
      ['last year', '2023', 'DATE'],
      ['2030', '2030', 'DATE'],
      ['twice a year', 'P1Y', 'SET'],
      ['Sunday, November 10', '2024-11-10', 'DATE'],
    ],
  },
  {
    id: 'akp-dotted',
    dct: '2023-09-27',
    text: `Cambodia, Vietnam, Laos police chiefs meet in Siem Reap

Siem Reap, 27.09.2023 (AKP) – Police chiefs of Cambodia, Laos and Vietnam met here on 26.09.2023 to review the implementation of the trilateral security agreement signed on 05.06.2019.
The meeting was preceded by working sessions on 24 and 25 September and a visit to the Angkor Wat temple complex on Monday.
The next trilateral meeting will be held in Vietnam in 2024, on dates to be set later. Police forces of the three countries arrested 1,250 suspects in cross-border crimes in the first eight months of this year.
The three countries will also exchange intelligence every month and hold joint drills every year, a statement said.
`,
    gold: [
      ['27.09.2023', '2023-09-27', 'DATE'],
      ['26.09.2023', '2023-09-26', 'DATE'],
      ['05.06.2019', '2019-06-05', 'DATE'],
      ['24', '2023-09-24', 'DATE'],
      ['25 September', '2023-09-25', 'DATE'],
      ['Monday', '2023-09-25', 'DATE'],
      ['2024', '2024', 'DATE'],
      ['eight months', 'P8M', 'DURATION'],
      ['this year', '2023', 'DATE'],
      ['every month', 'P1M', 'SET'],
      ['every year', 'P1Y', 'SET'],
    ],
  },
  {
    id: 'xinhua-summit',
    dct: '2023-12-04',
    text: `Lao PM to attend Mekong-Lancang summit

VIENTIANE, Dec 4, 2023 (Xinhua) -- Lao Prime Minister Sonexay Siphandone will leave for Beijing tomorrow to attend the Mekong-Lancang Cooperation leaders' meeting on December 6–7, the Lao foreign ministry said yesterday.
The leaders last met in person in January 2020, before the Covid-19 pandemic, and held a virtual summit in December 2021.
Sonexay, who took office on 30 December 2022, will return to Vientiane on Friday. A gala dinner will be held tonight at the Chinese embassy.
China is Laos' largest creditor, holding about half of its external debt of 10.5 billion U.S. dollars at the end of 2022.
The Boten-Vientiane railway, opened on December 3, 2021, carried more than 3 million passengers in its first two years of operation.
`,
    gold: [
      ['Dec 4, 2023', '2023-12-04', 'DATE'],
      ['tomorrow', '2023-12-05', 'DATE'],
      ['December 6–7', '2023-12-06/2023-12-07', 'DATE'],
      ['yesterday', '2023-12-03', 'DATE'],
      ['January 2020', '2020-01', 'DATE'],
      ['December 2021', '2021-12', 'DATE'],
      ['30 December 2022', '2022-12-30', 'DATE'],
      ['Friday', '2023-12-08', 'DATE'],
      ['tonight', '2023-12-04TNI', 'TIME'],
      ['the end of 2022', '2022', 'DATE'],
      ['December 3, 2021', '2021-12-03', 'DATE'],
      ['two years', 'P2Y', 'DURATION'],
    ],
  },
  {
    id: 'myanmar-emergency',
    dct: '2023-09-01',
    text: `Myanmar junta extends state of emergency

NAYPYITAW, Sept. 1, 2023 – Myanmar's military government extended the state of emergency by six months on Thursday, delaying elections promised for August 2023.
The emergency was first declared on 1st of February 2021, when the army seized power, and has been extended four times since then.
The junta said polls could be held in the 2024-25 period, and that a census would take place in October.
In the past decade, more than 1.5 million people have been displaced by fighting, according to UN figures from the summer of 2023.
ASEAN leaders will discuss the crisis at a summit in Jakarta on Sept. 5-7.
`,
    gold: [
      ['Sept. 1, 2023', '2023-09-01', 'DATE'],
      ['six months', 'P6M', 'DURATION'],
      ['Thursday', '2023-08-31', 'DATE'],
      ['August 2023', '2023-08', 'DATE'],
      ['1st of February 2021', '2021-02-01', 'DATE'],
      ['2024-25', '2024/2025', 'DATE'],
      ['October', '2023-10', 'DATE'],
      ['the past decade', 'P10Y', 'DURATION'],
      ['the summer of 2023', '2023-SU', 'DATE'],
      ['Sept. 5-7', '2023-09-05/2023-09-07', 'DATE'],
    ],
  },
  {
    id: 'army-football',
    dct: '2024-06-05',
    text: `Lao Army football team wins regional tournament

Vientiane, 05/06/2024 – The Lao Army football club beat its Vietnamese rivals 3-1 in the final of the regional military football tournament on Tuesday, the army newspaper reported.
The tournament, held from 28/05/2024 to 03/06/2024, brought together 8 teams from 4 countries. Matches were played 24/7 on two pitches, with half of the games shown live.
The club's coach, who joined in 2021, said the team trains six days a week and hopes to defend its title next year. Contact: +856 21 212 515.
`,
    gold: [
      ['05/06/2024', '2024-06-05', 'DATE'],
      ['Tuesday', '2024-06-04', 'DATE'],
      ['28/05/2024 to 03/06/2024', '2024-05-28/2024-06-03', 'DATE'],
      ['2021', '2021', 'DATE'],
      ['six days a week', 'P1W', 'SET'],
      ['next year', '2025', 'DATE'],
    ],
  },
  {
    id: 'dev-telecom-results',
    dct: '2024-07-25',
    text: `Telecom group beats forecasts

BANGKOK, July 25, 2024 – A Thai telecom group reported a 9 percent rise in second-quarter profit on Thursday, and said subscriber growth in the quarter was the fastest since the 2010s.
Sales in the latest quarter rose to 40 billion baht from 37 billion in the year-earlier period.
The company is now the country's largest mobile operator and currently serves 52 million customers.
Executives said prices had recently stabilised and that they expect demand to stay strong in the future.
In the past, the group paid dividends twice a year; it will announce its payout after the weekend.
Its founder set up the business in nineteen eighty-nine, near the end of the 20th century, and it listed during the nineties.
The group held its shareholders' meeting just before Easter and will close its offices on Christmas Eve.
`,
    gold: [
      ['July 25, 2024', '2024-07-25', 'DATE'],
      ['second-quarter', '2024-Q2', 'DATE'],
      ['Thursday', '2024-07-25', 'DATE'],
      ['the quarter', '2024-Q2', 'DATE'],
      ['the 2010s', '201', 'DATE'],
      ['the latest quarter', '2024-Q2', 'DATE'],
      ['the year-earlier period', '2023-Q2', 'DATE'],
      ['now', 'PRESENT_REF', 'DATE'],
      ['currently', 'PRESENT_REF', 'DATE'],
      ['recently', 'PAST_REF', 'DATE'],
      ['the future', 'FUTURE_REF', 'DATE'],
      ['the past', 'PAST_REF', 'DATE'],
      ['twice a year', 'P1Y', 'SET'],
      ['the weekend', '2024-W30-WE', 'DATE'],
      ['nineteen eighty-nine', '1989', 'DATE'],
      ['the 20th century', '19', 'DATE'],
      ['the nineties', '199', 'DATE'],
      ['Easter', '2024-03-31', 'DATE'],
      ['Christmas Eve', '2024-12-24', 'DATE'],
    ],
  },
  {
    id: 'dev-budget-weekdays',
    dct: '2024-03-05',
    text: `Cabinet approves budget after weekend talks

HANOI, 5 March 2024 – On Monday, the finance ministry said it plans to raise spending on rural roads by a fifth.
The cabinet approved the budget on Tuesday and will send it to parliament on Friday.
Over the weekend, ministers met union leaders, who had threatened a strike last week.
The minister said the plan was agreed on Saturday, March 2, after talks that began on Feb. 28, and that the deadline for comments was moved to March 12.
Lawmakers debated a similar bill in the winter, and a final vote is expected in the summer.
Nowadays most of the budget goes to schools and hospitals, a change from the seventies, when defence took the largest share.
`,
    gold: [
      ['5 March 2024', '2024-03-05', 'DATE'],
      ['Monday', '2024-03-04', 'DATE'],
      ['Tuesday', '2024-03-05', 'DATE'],
      ['Friday', '2024-03-08', 'DATE'],
      ['the weekend', '2024-W09-WE', 'DATE'],
      ['last week', '2024-W09', 'DATE'],
      ['Saturday, March 2', '2024-03-02', 'DATE'],
      ['Feb. 28', '2024-02-28', 'DATE'],
      ['March 12', '2024-03-12', 'DATE'],
      ['the winter', '2024-WI', 'DATE'],
      ['the summer', '2024-SU', 'DATE'],
      ['Nowadays', 'PRESENT_REF', 'DATE'],
      ['the seventies', '197', 'DATE'],
    ],
  },
];
