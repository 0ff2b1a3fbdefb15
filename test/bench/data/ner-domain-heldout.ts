/**
 * Held-out part of the hand-annotated domain NER set (composed wire-style passages, not from the seeds).
 * Written before the domain rule changes and never inspected entity by entity while tuning: only its
 * aggregate score is reported. Markup: `[[surface|TYPE]]` with TYPE one of PER, ORG, LOC, MISC;
 * see `server/src/training/data/ner-domain.ts` for the conventions.
 */
export const HELDOUT_PASSAGES: readonly string[] = [
  `[[PHNOM PENH|LOC]], March 3 ([[AKP|ORG]]) -- [[Cambodian|MISC]] Deputy Prime Minister and Minister of National Defence General [[Tea Seiha|PER]] received a visiting delegation from the [[Royal Thai Armed Forces|ORG]] led by General [[Songwit Noonpakdee|PER]] at the ministry's headquarters on Monday.`,
  `[[HANOI|LOC]] ([[VNA|ORG]]) -- Permanent Deputy Minister of Foreign Affairs [[Nguyễn Minh Vũ|PER]] on Tuesday hosted a reception for [[Malaysian|MISC]] Ambassador [[Dato Tan Yang Thai|PER]], who presented a copy of his credentials to the [[Ministry of Foreign Affairs|ORG]].`,
  `Senior Colonel [[Trần Văn Bình|PER]], Deputy Commander of the [[Military Region 4|ORG]], said more than 300 officers from [[Nghệ An|LOC]], [[Hà Tĩnh|LOC]] and [[Quảng Bình|LOC]] provinces had joined the drill near the [[Lao|MISC]] border.`,
  `SECURITY CHIEFS OF [[MEKONG|LOC]] NATIONS AGREE TO SHARE DRUG INTELLIGENCE`,
  `[[Vientiane Capital|LOC]] police seized 1.2 million methamphetamine pills in [[Xaythany|LOC]] district on Friday, Police Colonel [[Somphone Sengdara|PER]], director of the [[Counter-Narcotics Department|ORG]], told [[KPL|ORG]].`,
  `Photo: [[VNA|ORG]] -- Party General Secretary [[To Lam|PER]] (centre) poses with delegates of the [[Lao People's Revolutionary Youth Union|ORG]] in [[Hà Nội|LOC]].`,
  `[[BEIJING|LOC]], May 14 ([[Reuters|ORG]]) - [[Chinese|MISC]] Defence Minister Admiral [[Dong Jun|PER]] told his [[Cambodian|MISC]] counterpart that [[Beijing|LOC]] would continue to help modernise the [[Ream|LOC]] naval base on the [[Gulf of Thailand|LOC]].`,
  `The [[National Assembly of Laos|ORG]] on Thursday approved the appointment of Brigadier General [[Khamlay Sisavath|PER]] as Vice Minister of National Defence, National Assembly President [[Saysomphone Phomvihane|PER]] announced.`,
  `Students of the [[Academy of the People's Police|ORG]] in [[Hà Nội|LOC]] and the [[Police Academy of Laos|ORG]] will take part in a joint training course on counter-terrorism, according to the [[Ministry of Public Security|ORG]].`,
  `[[Thai|MISC]] Army Chief Joins [[Lao|MISC]], [[Cambodian|MISC]] Generals At Border Meeting In [[Champasak|LOC]]`,
  `[[BANGKOK|LOC]] ([[The Nation|ORG]]) -- Prime Minister [[Paetongtarn Shinawatra|PER]] and Interior Minister [[Anutin Charnvirakul|PER]] inspected flood defences in [[Chiang Rai|LOC]] province, where the [[Mekong|LOC]] and [[Kok|LOC]] rivers burst their banks.`,
  `A delegation of the [[Vietnam – Cambodia Friendship Association|ORG]], led by its chairwoman [[Nguyễn Thị Hoa|PER]], visited [[Siem Reap|LOC]] to mark the anniversary of the [[Cambodian|MISC]] liberation from the [[Khmer Rouge|ORG]].`,
];
