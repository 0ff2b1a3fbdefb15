/** Nationality and group adjectives (MISC in CoNLL convention). */
export const DEMONYMS: readonly string[] = `
Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|Azeri|
Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Bruneian|Bulgarian|Burmese|Cambodian|Khmer|Cameroonian|
Canadian|Chilean|Chinese|Colombian|Congolese|Croatian|Croat|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorean|Egyptian|English|
Eritrean|Estonian|Ethiopian|European|Filipino|Finnish|French|Georgian|German|Ghanaian|Greek|Guatemalan|Haitian|Honduran|
Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|
Kenyan|Korean|Kosovar|Kurdish|Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Macedonian|Malagasy|
Malaysian|Malay|Malian|Maltese|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Myanmarese|Namibian|Nepalese|
Nepali|Nicaraguan|Nigerian|Norwegian|Omani|Pakistani|Palestinian|Panamanian|Paraguayan|Peruvian|Philippine|Polish|
Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Scottish|Senegalese|Serb|Serbian|Singaporean|Slovak|Slovenian|Somali|
South African|Spanish|Sri Lankan|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Tibetan|Tunisian|Turkish|
Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Yugoslav|Zambian|Zimbabwean|Soviet|Arab|
Asian|African|Latin|Western|Muslim|Moslem|Christian|Catholic|Buddhist|Hindu|Jewish|Sikh|Hmong|Kinh|Tay|Muong|Cham|
Nordic|Scandinavian|Balkan|Caucasian|Pacific|Anglo|Francophone|Hispanic|Kiwi|Aussie|Yankee|Communist|Marxist|Leninist
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
