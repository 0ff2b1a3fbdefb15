/**
 * Second development part of the hand-annotated domain NER set: composed wire-style passages on defence,
 * security and diplomacy in Laos, Vietnam, Cambodia, Thailand, Myanmar, China and ASEAN, written on
 * 2026-12-03 by a helper. None is taken from the seeds or the web; officials are largely invented.
 *
 * Tuned on: this part is inspected while improving the recogniser (a development set, not a held-out one).
 *
 * Markup and conventions as in ner-domain.ts: `[[surface|TYPE]]`, TYPE one of PER, ORG, LOC, MISC;
 * CoNLL-like, titles and ranks outside PER spans, nationality adjectives MISC, events MISC, datelines LOC,
 * news agencies and newspapers ORG, `Photo:` no entity, flat spans (longest full name). `Myanmar` used as an
 * adjective (`Myanmar nationals`) is MISC like other nationality adjectives; a country noun used as a modifier
 * (`CHINA, LAOS POLICE`) or possessive (`Laos' Ministry`) is LOC. Capitalised `Navy`/`Army` alone after an
 * adjective stays outside (as `Thai Army Chief` in ner-domain.ts); a capitalised `Defence Ministry` is ORG.
 *
 * Training data: the NER model is trained on it with CoNLL-2003 train (server/src/training/trainNer.ts, --domain-weight).
 */
export const DEV2_PASSAGES: readonly string[] = [
  `[[HANOI|LOC]], May 4 ([[VNA|ORG]]) -- Senior Lieutenant General [[Trịnh Văn Hòa|PER]], Deputy Chief of the General Staff of the [[Vietnam People's Army|ORG]], received a delegation of the [[Royal Cambodian Armed Forces|ORG]] led by General [[Sok Pheakdey|PER]] on Tuesday. [[Hòa|PER]] said the two armies should expand cooperation in training and search and rescue. The [[Cambodian|MISC]] guests later laid a wreath at the [[Ho Chi Minh Mausoleum|LOC]].`,
  `Senior Lieutenant General [[Trịnh Văn Hòa|PER]] (right) shakes hands with General [[Sok Pheakdey|PER]] in [[Hanoi|LOC]] on Tuesday. Photo: [[VNA|ORG]]/[[Trần Minh Đức|PER]]`,
  `[[LAO|MISC]] AND [[VIETNAMESE|MISC]] BORDER GUARDS HOLD JOINT PATROL NEAR [[NAM PHAO|LOC]] CROSSING`,
  `Share this article`,
  `The 28th meeting of the [[Laos-Thailand General Border Committee|ORG]] will be held in [[Luang Prabang|LOC]] next month, the [[Vientiane Times|ORG]] reported on Friday. The [[Thai|MISC]] side will be led by General [[Chatchai Boonyarit|PER]], a deputy permanent secretary of the [[Ministry of Defence|ORG]].`,
  `Brigadier General [[Bounmy Phetsavanh|PER]], deputy head of the [[General Political Department of the Lao People's Army|ORG]], said engineers had cleared 1,200 hectares of unexploded ordnance in [[Xieng Khouang|LOC]] province this year. He thanked international donors and the [[UXO Lao|ORG]] programme for their support.`,
  `[[PHNOM PENH|LOC]] ([[AKP|ORG]]) -- Secretary of State [[Chhum Sovannara|PER]] of [[Cambodia|LOC]]'s [[Ministry of National Defence|ORG]] met [[Japanese|MISC]] embassy counsellor [[Hiroshi Tanabe|PER]] to discuss support for the [[Cambodian Mine Action Centre|ORG]]. [[Tanabe|PER]] said [[Tokyo|LOC]] would provide two more demining machines next year.`,
  `[[Thai|MISC]] Navy Sends Frigate To [[Andaman Sea|LOC]] After Fishing Boat Sinks`,
  `Colonel [[Phonesavanh Sengmany|PER]] of the [[Vientiane Capital Military Command|ORG]] said more than 300 soldiers had been sent to help flood victims along the [[Mekong River|LOC]]. Villagers in [[Pakxan|LOC]] and [[Thakhek|LOC]] were moved to temples on higher ground.`,
  `[[MYANMAR|LOC]] AND [[THAILAND|LOC]] AGREE TO REVIEW TRADE AT [[MYAWADDY|LOC]] CROSSING`,
  `[[Laos|LOC]]' [[Ministry of Public Security|ORG]] and the [[United Nations Office on Drugs and Crime|ORG]] ([[UNODC|ORG]]) opened a training course for border liaison officers in [[Houayxay|LOC]] on Monday. Separately, Lieutenant Colonel [[Khamsing Sayavong|PER]] said 14 drug suspects had been arrested in [[Tonpheung|LOC]] district of [[Bokeo|LOC]] province, near the [[Golden Triangle Special Economic Zone|LOC]].`,
  `Lieutenant General [[Kyaw Zeya Tun|PER]], a senior officer of the [[Myanmar|MISC]] armed forces, told reporters in [[Naypyitaw|LOC]] that the talks with [[Chinese|MISC]] envoys had been constructive. He did not say when the next round would be held.`,
  `Read more`,
  `Deputy Minister of National Defence Lieutenant General [[Lê Quang Hưng|PER]] and Lieutenant General [[Khamphoumy Vongphachanh|PER]], Deputy Chief of the General Staff of the [[Lao People's Army|ORG]], co-chaired the 12th annual defence policy dialogue in [[Đà Lạt|LOC]]. [[Khamphoumy|PER]] invited his [[Vietnamese|MISC]] counterpart to visit [[Luang Prabang|LOC]] next year.`,
  `[[Nguyen Van Thanh|PER]], a spokesman for the [[Ministry of Foreign Affairs|ORG]], said [[Viet Nam|LOC]] would take part in the [[ASEAN Foreign Ministers' Meeting|MISC]] in [[Kuala Lumpur|LOC]]. [[Thanh|PER]] added that [[Hà Nội|LOC]] supported the early conclusion of a [[Code of Conduct in the South China Sea|MISC]].`,
  `[[CHINA|LOC]], [[LAOS|LOC]] POLICE SEIZE 1.2 TONNES OF METHAMPHETAMINE IN [[GOLDEN TRIANGLE|LOC]]`,
  `By [[Somsack Phommachanh|PER]]`,
  `The [[Royal Thai Army|ORG]] and the [[Lao People's Army|ORG]] began the [[Mekong Shield|MISC]] search and rescue exercise in [[Nong Khai|LOC]] on Wednesday, [[Bangkok Post|ORG]] said. [[Lao|MISC]] and [[Chinese|MISC]] anti-narcotics officers, meanwhile, intercepted two trucks on [[Route 13 North|LOC]] near [[Nateuy|LOC]], the [[Lao News Agency|ORG]] said.`,
  `[[Chinese|MISC]] [[Defence Ministry|ORG]] spokesman Senior Colonel [[Liu Jianhua|PER]] said the [[Golden Dragon|MISC]] exercise with [[Cambodia|LOC]] would focus on counter-terrorism and humanitarian relief. The drills will be held in [[Kampong Speu|LOC]] province and in waters off [[Ream|LOC]], he said.`,
  `Comments (3)`,
  `[[BANGKOK|LOC]], Aug 12 ([[Reuters|ORG]]) - Police General [[Thanakorn Srisuwan|PER]], deputy chief of the [[Royal Thai Police|ORG]], said 45 [[Myanmar|MISC]] nationals had been detained in [[Tak|LOC]] province for illegal entry during the [[Songkran|MISC]] holiday. They were sent back to [[Myawaddy|LOC]] across the [[Second Thai-Myanmar Friendship Bridge|LOC]].`,
  `Mr [[Souksavanh Keobounphanh|PER]], Deputy Governor of [[Champasak|LOC]], welcomed the [[Cambodian|MISC]] delegation at the [[Veunkham|LOC]] international border checkpoint. The visitors were led by [[Chea Sokha|PER]], deputy governor of [[Stung Treng|LOC]].`,
  `Deputy Minister of Public Security Lieutenant General [[Phạm Quốc Toàn|PER]] chaired a meeting of the [[Steering Committee for Crime Prevention and Control|ORG]] in [[Hà Nội|LOC]] on Thursday. [[Toàn|PER]] urged local police to step up the fight against online fraud rings, in coordination with the [[State Bank of Vietnam|ORG]].`,
  `[[VIETNAM|LOC]] TO HOST [[ASEAN|ORG]] MARITIME SECURITY TALKS IN [[NHA TRANG|LOC]]`,
  `Lieutenant General [[Meas Vibol|PER]], deputy commander of [[Military Region 4|ORG]], inspected troops stationed in [[Preah Vihear|LOC]] province, [[Fresh News|ORG]] reported. He was accompanied by Brigadier General [[Sam Rithy|PER]] and officials of the provincial administration.`,
  `Related Articles`,
  `The [[Treaty of Amity and Cooperation in Southeast Asia|MISC]] remains the cornerstone of regional security, an [[ASEAN|ORG]] official, [[Paulo Mendes|PER]], told the [[East Asia Summit|MISC]] in [[Manila|LOC]]. [[Mendes|PER]], who previously served in [[Timor-Leste|LOC]]'s foreign ministry, urged members to fully implement the [[ASEAN Convention on Counter Terrorism|MISC]].`,
  `Colonel [[Đỗ Quang Tuấn|PER]], Commander of the [[Nghệ An Provincial Border Guard Command|ORG]], presented gifts to families in mountainous [[Kỳ Sơn|LOC]] ahead of [[Tết|MISC]]. Border guards also repaired homes near the [[Nậm Cắn|LOC]] international border gate.`,
  `[[Thongsavath Inthavongsa|PER]], Vice President of the [[Lao Front for National Development|ORG]], said [[Boun That Luang|MISC]] celebrations would be held under tight security in [[Vientiane|LOC]]. Roads around the [[Pha That Luang|LOC]] stupa will be closed during the festival, said Colonel [[Sengphet Bouathong|PER]].`,
  `[[YANGON|LOC]] -- U [[Aung Thiha|PER]], a member of the [[Union Election Commission|ORG]], said polling stations in [[Sagaing Region|LOC]] would be guarded by police. Representatives of the [[Shan State Progress Party|ORG]] are expected to meet [[Myanmar|MISC]] military officials in [[Taunggyi|LOC]], [[Myanmar Now|ORG]] reported.`,
  `Admiral [[Sompong Rattanakul|PER]], deputy commander-in-chief of the [[Royal Thai Navy|ORG]], and Rear Admiral [[Phạm Ngọc Lâm|PER]] of the [[Vietnam People's Navy|ORG]] reviewed the joint patrol in the [[Gulf of Thailand|LOC]]. The patrol began off [[Phú Quốc|LOC]] and ended near [[Ko Kut|LOC]].`,
  `Record Traffic Through [[Lao Bao|LOC]] As Trade With [[Laos|LOC]] Rises`,
  `[[VIENTIANE|LOC]], Nov 20 ([[KPL|ORG]]) -- The [[National Assembly|ORG]] began debating amendments to the [[Law on National Defence|MISC]] on Friday, deputies said. The draft was presented by Lieutenant General [[Khamsone Douangpanya|PER]] on behalf of the [[Ministry of National Defence|ORG]].`,
  `The [[Kunming|LOC]]-bound freight train carried rubber and cassava through the [[Boten|LOC]] railway port, according to the [[Laos-China Railway Company Limited|ORG]]. Customs officers at [[Mohan|LOC]] on the [[Chinese|MISC]] side cleared the cargo in under an hour.`,
  `[[Ouk Chanthy|PER]] Urges [[ASEAN|ORG]] Unity At [[Shangri-La Dialogue|MISC]]`,
  `Latest News`,
  `The [[Vietnamese|MISC]] and [[Cambodian|MISC]] border guards signed a twinning agreement at the [[Mộc Bài|LOC]] – [[Bavet|LOC]] international border gate pair in [[Tây Ninh|LOC]]. The ceremony was attended by Major General [[Nguyễn Văn Lực|PER]] and Brigadier General [[Pich Sovann|PER]].`,
  `Deputy Foreign Minister [[Đặng Minh Khôi|PER]] and [[Chinese|MISC]] Assistant Foreign Minister [[Hua Chenglin|PER]] co-chaired the fourth round of consultations in [[Beijing|LOC]], [[Xinhua|ORG]] reported. [[Khôi|PER]] also met officials of the [[International Department of the CPC Central Committee|ORG]].`,
  `Dr [[Bouasone Keovilay|PER]], director of the [[Institute of Foreign Affairs|ORG]], said the [[Lao|MISC]] chairmanship of [[ASEAN|ORG]] in 2024 had raised the country's profile. He was speaking at a seminar co-organised with the [[Konrad Adenauer Stiftung|ORG]] in [[Vientiane|LOC]].`,
  `Members of the [[Central Military Commission|ORG]] met in [[Hanoi|LOC]] on Saturday to review the implementation of the resolution of the [[14th National Congress|MISC]]. The meeting was chaired by a member of the [[Politburo|ORG]].`,
  `[[Kong Sothearith|PER]], spokesman for the [[General Department of Immigration|ORG]], said 212 foreigners were deported from [[Sihanoukville|LOC]] after raids on online scam compounds. Most of them were [[Chinese|MISC]] and [[Indonesian|MISC]] nationals, he told [[Khmer Times|ORG]].`,
  `[[LUANG NAMTHA|LOC]] -- Colonel [[Viengkham Sisomphone|PER]], deputy commander of the [[Luang Namtha Provincial Military Command|ORG]], said troops had helped villagers rebuild a bridge over the [[Nam Tha|LOC]] river. The bridge links [[Ban Namdy|LOC]] with the district centre.`,
  `Ambassador [[Nguyễn Minh Tâm|PER]] presented his credentials to the [[Lao|MISC]] head of state at the [[Presidential Palace|LOC]] in [[Vientiane|LOC]]. Earlier, defence attaché Senior Colonel [[Vũ Đình Khang|PER]] hosted a reception at the [[Embassy of Vietnam|ORG]] to mark the founding anniversary of the [[Vietnam People's Army|ORG]].`,
  `[[Thai|MISC]] Army Chief: No Troops Withdrawn From [[Sa Kaeo|LOC]] Border`,
  `The [[Lao|MISC]] Deputy Minister of National Defence, Mr. [[Bounthanh Sivilay|PER]], told the [[12th National Congress of the Lao People's Revolutionary Party|MISC]] that border security had improved. He said the [[LPRP|ORG]] had set targets for border village clusters in [[Phongsaly|LOC]] and [[Houaphanh|LOC]].`,
  `Participants at the [[ADMM-Plus|MISC]] experts' working group on maritime security, held in [[Jakarta|LOC]], agreed to hold a tabletop exercise in 2027. A [[Filipino|MISC]] journalist, [[Maria Santos|PER]], moderated a panel at the [[ASEAN Defence Senior Officials' Meeting|MISC]], where [[Singapore|LOC]]'s Permanent Secretary for Defence spoke on cyber threats.`,
  `Daw [[Khin Mar Lwin|PER]], a [[Yangon|LOC]]-based analyst with the [[Institute for Strategy and Policy|ORG]], said talks hosted by [[China|LOC]] in [[Kunming|LOC]] would be closely watched in [[Naypyitaw|LOC]]. She spoke to [[Agence France-Presse|ORG]] ([[AFP|ORG]]) by telephone.`,
  `[[HO CHI MINH CITY|LOC]] ([[Tuoi Tre|ORG]]) -- Officers of the [[Saigon Port Border Guard Station|ORG]] boarded a [[Panama|LOC]]-flagged tanker anchored off [[Cần Giờ|LOC]] on Sunday. The crew of 21, including 14 [[Indian|MISC]] sailors, were questioned, Major [[Lâm Văn Phúc|PER]] said.`,
  `[[Tran Quoc Huy|PER]] and [[Le Thi Mai|PER]] / [[VNS|ORG]]`,
  `Senior Colonel [[Zhao Hongwei|PER]], a [[Chinese|MISC]] military medical expert, handed over equipment in [[Vientiane|LOC]] to [[Military Hospital 103|ORG]] on behalf of the [[People's Liberation Army|ORG]]. Photo: [[Xinhua|ORG]]`,
  `The [[Ministry of Foreign Affairs and International Cooperation|ORG]] said [[Cambodia|LOC]] and [[Thailand|LOC]] would hold a meeting of the [[Joint Boundary Commission|ORG]] in [[Siem Reap|LOC]] to discuss the demarcation. Spokesman [[Ly Sovannarith|PER]] said both sides hoped to settle outstanding issues through dialogue.`,
  `[[Xayaboury|LOC]] police chief Colonel [[Phetsamone Xaysana|PER]] said the [[Thai|MISC]] suspect had crossed the [[Mekong|LOC]] by boat at night as the [[Pi Mai|MISC]] holiday began.`,
  `DEPUTY MINISTER [[NGUYỄN HỒNG SƠN|PER]] RECEIVES [[LAO|MISC]] POLICE DELEGATION IN [[HÀ NỘI|LOC]]`,
  `[[Thailand|LOC]]’s [[National Security Council|ORG]] deputy secretary-general, [[Wiroj Chaiyaphum|PER]], said the agency would coordinate with [[Laos|LOC]] and [[Myanmar|LOC]] on a new plan against call-centre gangs. He spoke after meeting [[Lao|MISC]] Deputy Minister of Public Security Major General [[Phouvong Chanthalangsy|PER]] in [[Bangkok|LOC]].`,
];
