/** Capitals and major world cities (general knowledge). */
export const CITIES: readonly string[] = `
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka|Minsk|Brussels|
Thimphu|La Paz|Sarajevo|Brasilia|Rio de Janeiro|Sao Paulo|Sofia|Phnom Penh|Siem Reap|Yaounde|Ottawa|Toronto|Montreal|
Vancouver|Santiago|Beijing|Shanghai|Guangzhou|Shenzhen|Kunming|Nanning|Chongqing|Wuhan|Bogota|Havana|Nicosia|Prague|
Copenhagen|Cairo|Quito|Tallinn|Addis Ababa|Helsinki|Paris|Lyon|Marseille|Tbilisi|Berlin|Bonn|Frankfurt|Munich|Hamburg|
Accra|Athens|Guatemala City|Conakry|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Chennai|Jakarta|
Bali|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Turin|Tokyo|Osaka|Kyoto|Amman|Astana|Almaty|Nairobi|
Pyongyang|Seoul|Busan|Kuwait City|Bishkek|Vientiane|Luang Prabang|Pakse|Savannakhet|Riga|Beirut|Tripoli|Vilnius|
Kuala Lumpur|Male|Bamako|Valletta|Mexico City|Chisinau|Ulan Bator|Ulaanbaatar|Rabat|Casablanca|Maputo|Yangon|Rangoon|
Naypyidaw|Mandalay|Kathmandu|Amsterdam|Rotterdam|The Hague|Wellington|Auckland|Managua|Niamey|Lagos|Abuja|Oslo|Muscat|
Islamabad|Karachi|Lahore|Panama City|Asuncion|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|St Petersburg|
Saint Petersburg|Vladivostok|Kigali|Riyadh|Jeddah|Mecca|Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Mogadishu|
Pretoria|Johannesburg|Cape Town|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Damascus|Aleppo|Taipei|
Dushanbe|Dodoma|Dar es Salaam|Bangkok|Chiang Mai|Chiang Rai|Pattaya|Phuket|Lome|Tunis|Ankara|Istanbul|Ashgabat|Kampala|
Kiev|Kyiv|Abu Dhabi|Dubai|London|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Washington|New York|Los Angeles|
Chicago|Boston|San Francisco|Houston|Miami|Seattle|Atlanta|Philadelphia|Detroit|Dallas|Honolulu|Montevideo|Tashkent|
Caracas|Hanoi|Ha Noi|Ho Chi Minh City|Saigon|Hai Phong|Haiphong|Da Nang|Danang|Hue|Can Tho|Nha Trang|Vinh|Dien Bien Phu|
Sanaa|Lusaka|Harare|Singapore|Hong Kong|Geneva|Strasbourg|Luxembourg|Monaco|Brisbane|Perth|Hamilton|Gaza City|
Ramallah|Bethlehem|Hebron|Basra|Mosul|Kandahar|Herat|Grozny|Sochi|Minsk|Odessa|Lviv|Kharkiv|Krakow|Gdansk|Porto|Seville|
Valencia|Florence|Venice|Genoa|Zagreb|Skopje|Podgorica|Pristina|Vaduz|Antwerp|Marseilles|Nice|Bordeaux|Lille|Cologne|
Stuttgart|Dusseldorf|Leipzig|Dresden|Macau|Xiamen|Hangzhou|Tianjin|Chengdu|Xian|Harbin|Lhasa|Urumqi|Dalian|Qingdao|
Davao|Cebu|Surabaya|Medan|Penang|Johor Bahru|Kota Kinabalu|Mandalay|Chittagong|Peshawar|Quetta|Bangalore|Hyderabad
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
