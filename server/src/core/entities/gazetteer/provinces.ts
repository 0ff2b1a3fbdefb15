/** First-level administrative divisions of several countries (general knowledge). */
export const PROVINCES: readonly string[] = `
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|
Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|
British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Queensland|New South Wales|
Victoria|Tasmania|Bavaria|Saxony|Hesse|Catalonia|Andalusia|Basque|Galicia|Lombardy|Tuscany|Sicily|Sardinia|Corsica|
Brittany|Normandy|Provence|Flanders|Wallonia|Transylvania|Punjab|Kerala|Gujarat|Bengal|Assam|Bihar|Sindh|Baluchistan|
Yunnan|Guangxi|Guangdong|Sichuan|Xinjiang|Hainan|Fujian|Zhejiang|Jiangsu|Hubei|Hunan|Shandong|Henan|Guizhou|Tibet|
Inner Mongolia|Mindanao|Luzon|Java|Sumatra|Borneo|Sulawesi|Aceh|Papua|Sabah|Sarawak|Johor|Kedah|Okinawa|Hokkaido|
Kyushu|Chechnya|Dagestan|Tatarstan|Kurdistan|Darfur|Kosovo|Crimea|Donbas|Donetsk|Luhansk|Chiang Mai|Nakhon Phanom|
Nong Khai|Udon Thani|Ubon Ratchathani|Isan|Shan|Kachin|Rakhine|Karen|Mon|Kayah|Chin|Sagaing|Battambang|Kampot|
Koh Kong|Ratanakiri|Mondulkiri|Stung Treng|Kratie|Preah Vihear|Attapeu|Attapue|Bokeo|Bolikhamxay|Bolikhamsai|Champasak|
Champassak|Houaphan|Houaphanh|Khammouane|Luang Namtha|Oudomxay|Oudomxai|Phongsaly|Phongsali|Salavan|Saravane|Sekong|
Xaignabouli|Sainyabuli|Xayaboury|Xaisomboun|Xiengkhouang|Xieng Khouang|Vientiane Capital|Vientiane Province|
An Giang|Ba Ria|Vung Tau|Bac Giang|Bac Kan|Bac Lieu|Bac Ninh|Ben Tre|Binh Dinh|Binh Duong|Binh Phuoc|Binh Thuan|Ca Mau|
Cao Bang|Dak Lak|Dak Nong|Dien Bien|Dong Nai|Dong Thap|Gia Lai|Ha Giang|Ha Nam|Ha Tinh|Hai Duong|Hau Giang|Hoa Binh|
Hung Yen|Khanh Hoa|Kien Giang|Kon Tum|Lai Chau|Lam Dong|Lang Son|Lao Cai|Long An|Nam Dinh|Nghe An|Ninh Binh|Ninh Thuan|
Phu Tho|Phu Yen|Quang Binh|Quang Nam|Quang Ngai|Quang Ninh|Quang Tri|Soc Trang|Son La|Tay Ninh|Thai Binh|Thai Nguyen|
Thanh Hoa|Thua Thien Hue|Tien Giang|Tra Vinh|Tuyen Quang|Vinh Long|Vinh Phuc|Yen Bai|Tay Nguyen
`.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
