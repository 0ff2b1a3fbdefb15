/** Country names and common short forms (general knowledge). One name per entry, words separated by spaces. */
export const COUNTRIES: readonly string[] = `
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|
Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|
Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|
India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Korea|
North Korea|South Korea|Kosovo|Kuwait|Kyrgyzstan|Laos|Lao PDR|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|
Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|
New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|
South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad|Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|
Great Britain|England|Scotland|Wales|Northern Ireland|United States|United States of America|USA|U.S.|US|America|
Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|
Czechoslovakia|Hong Kong|Macau|Macao|Greenland|Puerto Rico|Tibet|Chechnya|Kashmir|Kurdistan|Crimea|Gaza|West Bank
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/** Continents, world regions, seas and other large geographic names. */
export const REGIONS: readonly string[] = `
Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Antarctica|Arctic|Middle East|
Near East|Far East|Southeast Asia|South Asia|East Asia|Central Asia|Indochina|Asia-Pacific|Asia Pacific|Balkans|Caucasus|
Scandinavia|Siberia|Sahara|Mekong|Mekong River|Red River|Yangtze|Nile|Danube|Rhine|Amazon|Himalayas|Alps|Pacific|
Atlantic|Indian Ocean|Pacific Ocean|Atlantic Ocean|Mediterranean|Baltic|Black Sea|Caspian Sea|South China Sea|East Sea|
East China Sea|Persian Gulf|Gulf|Caribbean|Gulf of Tonkin|Strait of Malacca|Taiwan Strait|Korean Peninsula|
Central Highlands|Mekong Delta|Red River Delta|Golden Triangle|Plain of Jars|Ho Chi Minh Trail
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
