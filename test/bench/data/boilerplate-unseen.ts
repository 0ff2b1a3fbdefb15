/**
 * Held-out boilerplate set for issue 11: eighteen news pages from five made-up sites, composed for this set (the
 * articles and the site chrome were written for it, not taken from any corpus or site), written and committed BEFORE
 * any change to the boilerplate rules for that issue, and never used for tuning: the code has never seen this chrome.
 *
 * Each page is written line by line with its true label before a bar:
 * - `c|` content (headline, lead, body, subheadings, tables that belong to the story);
 * - `x|` page chrome (menus, counters, timestamps, widgets, footers, lists of other articles and their teasers),
 *   including chrome whose digits or words vary from page to page (`Comments (12)`, `12 comments`, `Views: 1,234`,
 *   `Updated 10:42`);
 * - `d|` an exact copy (after whitespace): within a page the later copy, across pages every copy;
 * - `n|` a near copy (a lead repeated after a short site prefix, a syndicated paragraph lightly edited), by the same
 *   rule.
 * Blank lines are unlabelled. Its first run, before any change, is recorded in the commit that adds it.
 */
import type { GeneratedDoc, TrueKind } from '../../support/corpusGenerator';

const LABEL: Record<string, TrueKind> = { c: 'content', x: 'chrome', d: 'duplicate', n: 'near-duplicate' };

function page(uri: string, body: string): GeneratedDoc {
  const raw = body.replace(/^\n/, '').replace(/\n$/, '').split('\n');
  const lines: string[] = [];
  const labels: (TrueKind | undefined)[] = [];
  for (const l of raw) {
    if (l.trim() === '') { lines.push(''); labels.push(undefined); continue; }
    const m = /^([cxdn])\|(.*)$/.exec(l);
    if (!m) throw new Error(`unlabelled line in ${uri}: ${l}`);
    lines.push(m[2]);
    labels.push(LABEL[m[1]]);
  }
  return { uri, text: lines.join('\n'), labels };
}

export const BOILERPLATE_UNSEEN: readonly GeneratedDoc[] = [
  // Northwind Star: a menu, the lead printed twice (after the site prefix, then alone), counters that vary.
  page('northwind/ferry-timetable.txt', `
x|Northwind Star | Region | Markets | Opinion | Sport | Weather
x|Subscriber login
c|Island ferry timetable cut to four sailings a day
x|Updated 10:42
x|Comments (12)
c|NWS - The operator of the island ferry will cut its winter timetable to four sailings a day from next month, blaming a shortage of qualified deck crew.
n|The operator of the island ferry will cut its winter timetable to four sailings a day from next month, blaming a shortage of qualified deck crew.
c|Residents of the three outer islands said the change would leave commuters with no return crossing after six in the evening.
c|The company said it had advertised eleven vacancies since August and filled only two, and that it could not run a fifth sailing without breaching rest rules.
c|Council members will meet the operator on Thursday to ask for a temporary exemption for the evening crossing.
x|Gift this article
x|More from Region
x|Harbour dredging contract awarded after two-year delay
x|Volunteers count record number of nesting terns
x|Northwind Star Media Group, 14 Quay Street. Registered in the Northern Isles.
`),
  page('northwind/dredging-contract.txt', `
x|Northwind Star | Region | Markets | Opinion | Sport | Weather
x|Subscriber login
c|Harbour dredging contract awarded after two-year delay
x|Updated 08:05
x|Comments (3)
c|NWS - A contract to deepen the main harbour channel has been awarded to a local marine firm, ending a two-year dispute over the cost of the work.
n|A contract to deepen the main harbour channel has been awarded to a local marine firm, ending a two-year dispute over the cost of the work.
c|The port authority said dredging would start in the spring and take about nine months, during which larger cargo ships would unload at the outer quay.
c|Fishing crews have complained for years that silt in the channel forces them to wait for high tide before landing their catch.
c|Channel works at a glance
c|Depth now: 5.2 metres; depth after works: 7.5 metres; budget: 18 million
c|The authority expects the deeper channel to bring back two container lines that left the port in 2021.
x|Gift this article
x|More from Region
x|Island ferry timetable cut to four sailings a day
x|Volunteers count record number of nesting terns
x|Northwind Star Media Group, 14 Quay Street. Registered in the Northern Isles.
`),
  page('northwind/tern-count.txt', `
x|Northwind Star | Region | Markets | Opinion | Sport | Weather
x|Subscriber login
c|Volunteers count record number of nesting terns
x|Updated 17:30
x|Comments (41)
n|NWS - Volunteers counting seabirds on the northern headland found more than 2,300 nesting pairs of Arctic terns this summer, the highest number since records began.
n|Volunteers counting seabirds on the northern headland found more than 2,300 nesting pairs of Arctic terns this summer, the highest number since records began.
c|The wildlife trust that runs the count credited a ban on dogs near the colony and a mild spring with fewer storms during the nesting season.
c|Its warden said the birds were also finding plenty of sand eels close to shore, unlike in the poor years of the last decade.
x|Gift this article
x|More from Region
x|Island ferry timetable cut to four sailings a day
x|Wind farm cable to come ashore at Selby Sands
x|Northwind Star Media Group, 14 Quay Street. Registered in the Northern Isles.
`),
  page('northwind/wind-cable.txt', `
x|Northwind Star | Region | Markets | Opinion | Sport | Weather
x|Subscriber login
c|Wind farm cable to come ashore at Selby Sands
x|Updated 12:17
x|Comments (0)
c|NWS - The export cable from the offshore wind farm will come ashore at Selby Sands, planners decided on Monday after rejecting a route through the nature reserve.
n|The export cable from the offshore wind farm will come ashore at Selby Sands, planners decided on Monday after rejecting a route through the nature reserve.
c|The developer must bury the cable at least two metres below the beach and restore the dunes within a year of finishing the work.
c|Campers who use the beach in summer will lose access to its southern half for one season while the cable is pulled through.
c|A spokesman for the developer said the decision kept the project on course to deliver its first power in 2027.
x|Gift this article
x|More from Region
x|Harbour dredging contract awarded after two-year delay
x|Volunteers count record number of nesting terns
x|Northwind Star Media Group, 14 Quay Street. Registered in the Northern Isles.
`),

  // Delta Courier: blank lines between paragraphs, "N comments", "Views: N", a listen widget with a varying length.
  page('delta/rice-prices.txt', `
x|DELTA COURIER

x|Front page / Economy / Agriculture

c|Farmers hold back rice as export prices climb

x|Views: 1,234

x|8 comments

x|Listen (4 min)

n|CAN THO – Rice farmers across the delta are keeping part of their harvest in storage, betting that export prices, up a fifth since January, will rise further before the summer crop.

d|Traders in the provincial wholesale market said deliveries last week were about a third below the usual level for the season.

c|“We have waited three years for a price like this, and nobody wants to sell too early,” said a farmer who grows twelve hectares near the river.

c|The agriculture department warned that grain kept in poorly ventilated sheds could lose quality in the humid months.

x|Hot right now

x|Flood gates on the lower canal to be rebuilt

x|Provincial football side sign Brazilian striker

x|© Delta Courier. Licence 114/GP issued by the provincial press office.
`),
  page('delta/flood-gates.txt', `
x|DELTA COURIER

x|Front page / Society / Infrastructure

c|Flood gates on the lower canal to be rebuilt

x|Views: 987

x|12 comments

x|Listen (3 min)

c|CAN THO – The province will rebuild the seven flood gates on the lower canal before the next rainy season, after two of them failed during the high tides of last October.

c|The work, costed at 240 billion dong, will be paid for mostly from the national climate adaptation fund.

c|Engineers found that the steel doors had rusted through at the waterline and that the concrete sills had been undermined by scouring.

c|Households along the canal will be told a week in advance when each gate is closed for works.

x|Hot right now

x|Farmers hold back rice as export prices climb

x|Night market moves to the riverside promenade

x|© Delta Courier. Licence 114/GP issued by the provincial press office.
`),
  page('delta/football-striker.txt', `
x|DELTA COURIER

x|Front page / Sport

c|Provincial football side sign Brazilian striker

x|Views: 15,402

x|127 comments

x|Listen (2 min)

c|CAN THO – The provincial football club has signed a 26-year-old Brazilian striker on a two-season contract, its first foreign signing since being promoted.

c|The player scored nineteen goals in the Portuguese second division last season.

c|Last season's top of the table

c|1. Binh Duong 52 pts

c|2. Can Tho 49 pts

c|3. Long An 47 pts

c|The club said the striker would arrive after the holiday and could play in the opening match of the season.

x|Hot right now

x|Farmers hold back rice as export prices climb

x|Flood gates on the lower canal to be rebuilt

x|© Delta Courier. Licence 114/GP issued by the provincial press office.
`),
  page('delta/night-market.txt', `
x|DELTA COURIER

x|Front page / Society / City life

c|Night market moves to the riverside promenade

x|Views: 3,318

x|1 comment

x|Listen (3 min)

c|CAN THO – The city's night market will move to the riverside promenade from the first weekend of next month, freeing the streets around the old market hall for traffic.

c|About 180 stallholders have been offered pitches on the promenade, and the city will install lighting, water points and toilets before the move.

c|Some vendors said they feared losing regular customers who had shopped at the same corner for years.

x|Hot right now

x|Provincial football side sign Brazilian striker

x|Flood gates on the lower canal to be rebuilt

x|© Delta Courier. Licence 114/GP issued by the provincial press office.
`),

  // Mekong Ledger: bilingual chrome with varying counts and times, teasers under other headlines.
  page('ledger/border-trade.txt', `
x|Mekong Ledger – English edition
x|Cập nhật 08:15 | 12/03/2025
x|Bình luận (4)
c|Border trade rises as new checkpoint opens
c|Trade through the northern border gate rose by almost a quarter in the first two months of the year, after a second inspection lane opened in January.
c|Customs officers now clear a lorry in about forty minutes, against two hours last year, according to the provincial customs department.
c|Most of the growth came from fresh fruit, which exporters can now move across the border before it spoils.
c|Officials plan a third lane for empty lorries returning home by the end of the year.
x|Chia sẻ
x|Tin liên quan
x|Durian growers race to meet new export rules
x|Growers must register their orchards and packing houses before the next harvest under rules agreed last month.
x|Power cuts ease as reservoir levels recover
x|Ledger Digital. Licence no. 231/GP-BTTTT. Editor-in-chief: Tran Minh Hoa.
`),
  page('ledger/durian-rules.txt', `
x|Mekong Ledger – English edition
x|Cập nhật 14:50 | 19/03/2025
x|Bình luận (17)
c|Durian growers race to meet new export rules
c|Growers must register their orchards and packing houses before the next harvest under rules agreed last month.
c|The rules require each consignment to carry a code that traces the fruit back to the orchard where it was picked.
c|Agricultural officials said about 60 percent of orchards in the province had registered so far, and that inspectors would visit the rest in April.
c|Small growers said the paperwork was hard to complete without help from a cooperative.
x|Chia sẻ
x|Tin liên quan
x|Border trade rises as new checkpoint opens
x|Trade through the northern border gate rose by almost a quarter in the first two months of the year, after a second inspection lane opened in January.
x|Power cuts ease as reservoir levels recover
x|Ledger Digital. Licence no. 231/GP-BTTTT. Editor-in-chief: Tran Minh Hoa.
`),
  page('ledger/reservoir.txt', `
x|Mekong Ledger – English edition
x|Cập nhật 06:02 | 27/03/2025
x|Bình luận (0)
c|Power cuts ease as reservoir levels recover
c|Scheduled power cuts in the northern provinces will end next week as rain has refilled the main hydropower reservoirs faster than expected.
c|The grid operator said water in the largest reservoir had risen eleven metres in a month and was now above its dead level.
d|Factories in two industrial parks had been asked to shift work to the night during the dry spell.
x|Chia sẻ
x|Tin liên quan
x|Border trade rises as new checkpoint opens
x|Durian growers race to meet new export rules
x|Growers must register their orchards and packing houses before the next harvest under rules agreed last month.
x|Ledger Digital. Licence no. 231/GP-BTTTT. Editor-in-chief: Tran Minh Hoa.
`),

  // Harbour Times: a footer menu, reader scores and reply counts that vary, a newsletter box.
  page('harbour/port-strike.txt', `
x|HARBOUR TIMES · Est. 1911
x|Last edited 3:05 pm
c|Dock workers vote to strike over shift patterns
d|Dock workers at the container terminal have voted to strike for 48 hours next week in a dispute over new twelve-hour shift patterns.
c|The union said 87 percent of members who voted backed the action, on a turnout of just over two thirds.
n|The terminal operator said it was disappointed and that the new shifts had been agreed with the workers' own representatives in the spring.
c|Shipping lines have been told to expect delays of up to three days for vessels due during the strike.
x|Reader score 4.6 / 5 (89 ratings)
x|7 replies
x|Get the morning brief in your inbox
x|Advertise with us · Careers · Corrections · Contact the newsroom
`),
  page('harbour/school-roof.txt', `
x|HARBOUR TIMES · Est. 1911
x|Last edited 11:48 am
c|School closed after roof panels fall in storm
c|A primary school in the old town will stay closed until the end of the week after strong winds tore panels from its roof on Sunday night.
c|Nobody was hurt, as the building was empty, but two classrooms were flooded when rain came through the gap.
c|Pupils will be taught in the library of the secondary school across the road from Monday.
x|Reader score 3.9 / 5 (41 ratings)
x|22 replies
x|Get the morning brief in your inbox
x|Advertise with us · Careers · Corrections · Contact the newsroom
`),
  page('harbour/cruise-season.txt', `
x|HARBOUR TIMES · Est. 1911
x|Last edited 9:20 am
c|Cruise season opens with record bookings
c|The first cruise ship of the season docked on Saturday, opening a year in which the harbour expects 94 calls, nine more than last year.
c|Shops and cafés in the old town said cruise passengers now made up a large share of their trade between May and September.
c|Residents' groups have asked the council to cap the number of ships in port on the same day at two.
d|Dock workers at the container terminal have voted to strike for 48 hours next week in a dispute over new twelve-hour shift patterns.
x|Reader score 4.1 / 5 (156 ratings)
x|1 reply
x|Get the morning brief in your inbox
x|Advertise with us · Careers · Corrections · Contact the newsroom
`),

  // Plateau Wire: wire copy with varying slugs and word counts; it syndicates paragraphs of the other sites, some
  // exactly, some lightly edited.
  page('wire/pw-0412.txt', `
x|PLATEAU WIRE — regional service
x|Wire ID PW-2025-0412 | Word count: 212
x|Embargo lifted 06:00
c|Dockers to strike at container terminal
d|Dock workers at the container terminal have voted to strike for 48 hours next week in a dispute over new twelve-hour shift patterns.
c|Freight forwarders said they were already moving some cargo to the river port upstream to avoid the stoppage.
n|The terminal operator said it was disappointed, adding that the new shifts had been agreed with the workers' own representatives in the spring.
x|Distribution: regional desks, business desk
x|(end) PW/ks
`),
  page('wire/pw-0415.txt', `
x|PLATEAU WIRE — regional service
x|Wire ID PW-2025-0415 | Word count: 188
x|Embargo lifted 07:30
c|Rice stockpiling spreads in the delta
n|Rice farmers across the delta are keeping part of their harvest in storage, betting that export prices, up a fifth since January, will rise further before the summer crop.
d|Traders in the provincial wholesale market said deliveries last week were about a third below the usual level for the season.
c|Exporters said they might struggle to fill contracts signed in February at lower prices.
x|Distribution: regional desks, business desk
x|(end) PW/lt
`),
  page('wire/pw-0419.txt', `
x|PLATEAU WIRE — regional service
x|Wire ID PW-2025-0419 | Word count: 301
x|Embargo lifted 05:45
c|Northern grid ends rolling blackouts
c|The northern grid operator will end rolling blackouts next week after heavy rain refilled its hydropower reservoirs.
d|Factories in two industrial parks had been asked to shift work to the night during the dry spell.
c|Power demand in the region usually peaks in June, when air conditioners run through the night.
c|Grid officials said a new transmission line from the south would ease shortages from next year.
x|Distribution: regional desks, business desk
x|(end) PW/ks
`),
  page('wire/pw-0423.txt', `
x|PLATEAU WIRE — regional service
x|Wire ID PW-2025-0423 | Word count: 164
x|Embargo lifted 06:15
c|Terns thrive on northern headland
n|Volunteers counting seabirds on the northern headland found more than 2,300 nesting pairs of Arctic terns this year, the highest number since records began.
c|Conservation groups said the result showed that simple measures, such as keeping dogs away from the colony, could make a difference.
x|Distribution: regional desks, features desk
x|(end) PW/mr
`),
];
