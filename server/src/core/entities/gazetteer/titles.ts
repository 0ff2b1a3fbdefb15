/**
 * Titles, ranks, honorifics and roles that may precede a name (never part of the name span),
 * folded to lower case without diacritics or trailing periods.
 */
export const TITLE_WORDS: readonly string[] = `
mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|madam|madame|monsieur|mme|herr|frau|senor|senora|
general|gen|lieutenant|lieut|lt|colonel|col|major|maj|captain|capt|cpt|sergeant|sgt|corporal|cpl|private|pte|admiral|adm|
commander|cmdr|brigadier|brig|marshal|field|rear|vice|senior|sen|junior|snr|commodore|ensign|officer|commandant|
president|vice-president|prime|minister|pm|deputy|secretary|chairman|chairwoman|chair|chairperson|chief|director|
ambassador|envoy|consul|governor|gov|mayor|senator|congressman|congresswoman|representative|rep|speaker|chancellor|
premier|king|queen|prince|princess|emperor|empress|sultan|sheikh|emir|shah|tsar|czar|pope|cardinal|bishop|archbishop|
reverend|rev|father|brother|sister|imam|ayatollah|rabbi|lama|monk|venerable|judge|justice|attorney|prosecutor|
spokesman|spokeswoman|spokesperson|advisor|adviser|counsellor|counselor|aide|coach|manager|striker|midfielder|defender|goalkeeper|captain|skipper|
ceo|cfo|coo|cto|executive|founder|head|leader|commissioner|inspector|superintendent|constable|detective|sheriff|
general-secretary|acting|former|ex|late|incumbent|permanent|standing|assistant|associate|lt-gen|lt.gen|maj-gen|major-general|
lieutenant-general|brigadier-general|senior-lieutenant|colonel-general|his|her|excellency|highness|majesty|honourable|
honorable|hon|comrade|dr.|member|delegate|deputies|ministers|generals|vice-chairman|vice-minister|
u|daw|dato|datuk|samdech|
lieutenant-colonel|lt-col|rear-admiral|vice-admiral|sergeant-major|lieutenant-commander|air-marshal|
fullback|full-back|winger|flanker|scrum-half|fly-half|quarterback|pitcher|shortstop|outfielder|infielder|batsman|
wicketkeeper|jockey|centre-back|playmaker|
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/** The subset that is a title on its own (not just a modifier such as `deputy` or `national`). */
export const HEAD_TITLES: readonly string[] = `
mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|madam|general|gen|lieutenant|lieut|lt|colonel|col|major|maj|
captain|capt|sergeant|sgt|admiral|adm|commander|brigadier|marshal|president|minister|pm|secretary|chairman|chairwoman|
chief|director|ambassador|governor|mayor|senator|premier|king|queen|prince|princess|emperor|sultan|sheikh|pope|
cardinal|bishop|archbishop|reverend|rev|imam|ayatollah|judge|justice|spokesman|spokeswoman|coach|ceo|leader|
commissioner|inspector|comrade|chancellor|speaker|envoy|consul|lt-gen|maj-gen|excellency|lieutenant-colonel|
lt-col|rear-admiral|vice-admiral
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/**
 * Words that occur inside role phrases (`Deputy Defence Minister`, `Foreign Minister`) but also inside
 * organisation names (`National Defense and Security Central Commission`): used only to extend or strip
 * titles next to a person's name, never as a gazetteer feature.
 */
export const TITLE_MODIFIERS: readonly string[] = `
defence|defense|foreign|interior|finance|home|public|security|national|state|party|first|second|third|
central|army|military|trade|economic|economy|justice|health|education|labour|labor|information|culture|
agriculture|industry|commerce|transport|energy|environment|planning|investment|affairs|staff|politburo|supreme|
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
