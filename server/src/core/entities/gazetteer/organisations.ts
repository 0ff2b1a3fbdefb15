/** Head words that typically end or start an organisation's name (folded, lower case). */
export const ORG_HEADS: readonly string[] = `
ministry|department|party|army|navy|force|forces|command|police|guard|guards|agency|bureau|office|commission|council|
committee|assembly|parliament|congress|senate|government|administration|cabinet|court|tribunal|bank|fund|corporation|
corp|company|co|inc|ltd|llc|plc|group|holdings|association|federation|union|league|alliance|organisation|organization|
institute|institution|academy|university|college|school|foundation|society|club|team|federal|authority|service|
services|network|times|news|post|herald|journal|gazette|press|television|tv|radio|broadcasting|airlines|airways|
exchange|board|centre|center|hospital|church|movement|front|brigade|division|regiment|battalion|corps|staff|secretariat|
directorate|inspectorate|unit|university|conference|commune|cooperative|enterprise|industries|group|motors|telecom|
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/** Well-known acronyms and names of international organisations (general knowledge). */
export const ORG_NAMES: readonly string[] = `
United Nations|UN|U.N.|UNESCO|UNICEF|UNHCR|UNDP|WHO|World Health Organization|WTO|World Trade Organization|IMF|
International Monetary Fund|World Bank|Asian Development Bank|ADB|NATO|European Union|EU|ASEAN|Asean|APEC|G7|G20|
Asia-Pacific Economic Cooperation|
OPEC|OSCE|African Union|Interpol|Red Cross|Red Crescent|Amnesty International|Greenpeace|FIFA|UEFA|IOC|Reuters|
Associated Press|AP|AFP|Xinhua|BBC|CNN|Kremlin|Pentagon|White House|Congress|Senate|Politburo|Central Committee|
Vietnam News Agency|Lao News Agency|Mekong River Commission|Shanghai Cooperation Organisation|
BRICS|Commonwealth|Security Council|General Assembly|European Commission|Bundesbank|Federal Reserve|Fed|Nasdaq|
Microsoft|Google|Apple|Facebook|Meta|Samsung|Toyota|Boeing|Airbus|Huawei|Viettel|Vietnam Airlines|Lao Airlines
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/** Common family names of several Asian naming traditions and frequent given-name parts (general knowledge). */
export const PERSON_NAME_PARTS: readonly string[] = `
Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly|Luong|Truong|Dinh|Mai|Dao|To|Lam|Trinh|Doan|
Thai|Cao|Ha|Quach|Ta|Van|Thi|Minh|Duc|Quang|Tuan|Hung|Thanh|Huu|Xuan|Hong|Anh|Hai|Son|Long|Cuong|Dung|Phuc|Trong|
Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|Lin|Kim|Park|Lee|Choi|Jung|Kang|Cho|Yoon|
Tanaka|Suzuki|Takahashi|Watanabe|Sato|Singh|Kumar|Sharma|Khan|Mohammed|Muhammad|Ahmed|Ali|Hassan|Hussein|Abdul|
Somsak|Somphone|Bounmy|Bounthone|Khamphone|Phouthone|Souk|Somchai|Somporn|Vongsa|Keo|Sok|Chan|
John|James|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Mary|Patricia|Jennifer|Linda|Elizabeth|Peter|
Paul|George|Mark|Steven|Andrew|Daniel|Anna|Maria|Jean|Pierre|Hans|Carlos|Juan|Jose|Luis|Ivan|Sergei|Vladimir|Olga
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
