/**
 * Hand-annotated domain NER set: short composed passages in the style of regional wire news (Lao, Vietnamese,
 * Cambodian, Thai and Chinese names with and without diacritics, ranks and titles, long organisation names,
 * datelines, ALL CAPS and Title Case headlines, captions). None is taken from the seeds.
 *
 * Markup: `[[surface|TYPE]]`, TYPE one of PER, ORG, LOC, MISC. Conventions (CoNLL-like):
 * titles and ranks are outside PER spans; nationality adjectives are MISC; events (congresses, summits,
 * exercises) are MISC; datelines are LOC; news agencies and newspapers are ORG; `Photo:` is no entity.
 *
 * Training data: the NER model is trained on it with CoNLL-2003 train (server/src/training/trainNer.ts, --domain-weight).
 */
export const DOMAIN_PASSAGES: readonly string[] = [
  `[[VIENTIANE|LOC]] ([[KPL|ORG]]) -- [[Lao|MISC]] Minister of Foreign Affairs [[Thongsavanh Phomvihane|PER]] held talks with [[Thai|MISC]] Foreign Minister [[Maris Sangiampongsa|PER]] in [[Vientiane|LOC]] on Monday.`,
  `Deputy Minister of National Defence Senior Lieutenant General [[Hoàng Xuân Chiến|PER]] met Major General [[Sisavath Chanthalath|PER]] on the sidelines of the forum.`,
  `The delegation visited the [[Institute of Strategic Studies of the Ministry of Public Security|ORG]] before leaving for [[Đà Nẵng|LOC]].`,
  `Cadets of the [[School of Officers of the Lao People's Army|ORG]] marched past the reviewing stand.`,
  `He thanked the [[Cambodian Government|ORG]] and [[Ministry of Interior|ORG]] for their help in the search.`,
  `[[LAOS|LOC]] AND [[CAMBODIA|LOC]] SIGN BORDER SECURITY PACT`,
  `[[Thai|MISC]] Army Chief Visits [[Vientiane|LOC]] For Talks On Drug Trafficking`,
  `Photo: [[KPL|ORG]]`,
  `Officers of the [[Việt Nam Border Guard Command|ORG]] patrol the frontier near [[Lào Cai|LOC]].`,
  `[[Phnom Penh|LOC]] hosted the [[ASEAN Defence Ministers' Meeting|MISC]] last year, [[Cambodian|MISC]] officials said.`,
  `[[Chinese|MISC]] President [[Xi Jinping|PER]] and [[Lao|MISC]] President [[Thongloun Sisoulith|PER]] attended the opening of the railway in [[Kunming|LOC]].`,
  `Colonel [[Bounthavy Keomany|PER]], deputy head of the [[Border Defence Department|ORG]], briefed reporters in [[Savannakhet|LOC]].`,
  `Delegates to the [[13th Congress of the Communist Party of Vietnam|MISC]] elected a new [[Central Committee|ORG]].`,
  `The [[Vietnam|LOC]] – [[Laos|LOC]] – [[Cambodia|LOC]] trilateral meeting was held in [[Siem Reap|LOC]].`,
  `[[HANOI|LOC]], June 5 ([[VNA|ORG]]) - Minister of Public Security General [[Lương Tam Quang|PER]] received Police General [[Kittirat Phanphet|PER]], Commissioner-General of the [[Royal Thai Police|ORG]].`,
  `A motorcyclist was injured in [[Pakxe|LOC]] on Sunday, police said. Photo: [[Vientiane Times|ORG]]`,
  `Prime Minister [[Hun Manet|PER]] Opens New Bridge In [[Kampong Cham|LOC]]`,
  `[[Cambodia|LOC]]'s Prime Minister [[Hun Manet|PER]] told the [[National Assembly|ORG]] that the [[Royal Cambodian Armed Forces|ORG]] would recruit 5,000 soldiers.`,
  `Students from the [[Academy of Journalism and Communication|ORG]] joined volunteers of the [[Ho Chi Minh Communist Youth Union|ORG]] in [[Quảng Trị|LOC]].`,
  `Lieutenant General [[Vongkham Phommakone|PER]] led the [[Lao|MISC]] delegation to [[Beijing|LOC]].`,
  `The [[Vietnamese|MISC]] and [[Lao|MISC]] armies held the [[Friendship Exchange|MISC]] in [[Điện Biên|LOC]] province.`,
  `[[Thailand|LOC]]'s Supreme Commander General [[Songwit Noonpakdee|PER]] flew to [[Yangon|LOC]] on Wednesday.`,
  `The [[Ministry of Labour and Social Welfare|ORG]] and the [[Lao Women's Union|ORG]] launched a campaign against human trafficking in [[Bokeo|LOC]] province.`,
  `Representatives of the [[Asia-Pacific Economic Cooperation|ORG]] forum met in [[Lima|LOC]].`,
  `[[VIETNAMESE|MISC]] COAST GUARD RESCUES 12 [[FILIPINO|MISC]] FISHERMEN`,
  `[[SINGAPORE|LOC]] ([[Reuters|ORG]]) - [[China|LOC]]'s Defence Minister [[Dong Jun|PER]] skipped the [[Shangri-La Dialogue|MISC]], organisers said.`,
  `The [[Vietnam Fatherland Front|ORG]] and the [[Lao Front for National Development|ORG]] signed a cooperation agreement in [[Hà Nội|LOC]].`,
  `Major General [[Phạm Văn Tỵ|PER]], Commander of [[Military Region 2|ORG]], and Brigadier General [[Khamphay Lathsavong|PER]] inspected the border markers.`,
];
