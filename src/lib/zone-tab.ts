/**
 * Which IANA time zones each country uses: tzdb's `zone.tab` (public domain; tzdata 2025b), one
 * line per zone as "CC Zone[ comment]", in its own order (the most populous region first). Kept as
 * text, about 15 kB, rather than a dependency: `zone.tab` names a country's own zone (NL →
 * Europe/Amsterdam), where `zone1970.tab` and packages built on it give the zone it was merged
 * into (NL → Europe/Brussels). Names are tzdb's canonical ones (Asia/Kolkata, Europe/Kyiv), not
 * ICU's older ones that `Intl.supportedValuesOf` lists (Asia/Calcutta, Europe/Kiev). The comment
 * says which part of a country a zone covers, where it has several.
 */
export const ZONE_TAB = `AD Europe/Andorra
AE Asia/Dubai
AF Asia/Kabul
AG America/Antigua
AI America/Anguilla
AL Europe/Tirane
AM Asia/Yerevan
AO Africa/Luanda
AQ Antarctica/McMurdo New Zealand time - McMurdo, South Pole
AQ Antarctica/Casey Casey
AQ Antarctica/Davis Davis
AQ Antarctica/DumontDUrville Dumont-d'Urville
AQ Antarctica/Mawson Mawson
AQ Antarctica/Palmer Palmer
AQ Antarctica/Rothera Rothera
AQ Antarctica/Syowa Syowa
AQ Antarctica/Troll Troll
AQ Antarctica/Vostok Vostok
AR America/Argentina/Buenos_Aires Buenos Aires (BA, CF)
AR America/Argentina/Cordoba Argentina (most areas: CB, CC, CN, ER, FM, MN, SE, SF)
AR America/Argentina/Salta Salta (SA, LP, NQ, RN)
AR America/Argentina/Jujuy Jujuy (JY)
AR America/Argentina/Tucuman Tucuman (TM)
AR America/Argentina/Catamarca Catamarca (CT), Chubut (CH)
AR America/Argentina/La_Rioja La Rioja (LR)
AR America/Argentina/San_Juan San Juan (SJ)
AR America/Argentina/Mendoza Mendoza (MZ)
AR America/Argentina/San_Luis San Luis (SL)
AR America/Argentina/Rio_Gallegos Santa Cruz (SC)
AR America/Argentina/Ushuaia Tierra del Fuego (TF)
AS Pacific/Pago_Pago
AT Europe/Vienna
AU Australia/Lord_Howe Lord Howe Island
AU Antarctica/Macquarie Macquarie Island
AU Australia/Hobart Tasmania
AU Australia/Melbourne Victoria
AU Australia/Sydney New South Wales (most areas)
AU Australia/Broken_Hill New South Wales (Yancowinna)
AU Australia/Brisbane Queensland (most areas)
AU Australia/Lindeman Queensland (Whitsunday Islands)
AU Australia/Adelaide South Australia
AU Australia/Darwin Northern Territory
AU Australia/Perth Western Australia (most areas)
AU Australia/Eucla Western Australia (Eucla)
AW America/Aruba
AX Europe/Mariehamn
AZ Asia/Baku
BA Europe/Sarajevo
BB America/Barbados
BD Asia/Dhaka
BE Europe/Brussels
BF Africa/Ouagadougou
BG Europe/Sofia
BH Asia/Bahrain
BI Africa/Bujumbura
BJ Africa/Porto-Novo
BL America/St_Barthelemy
BM Atlantic/Bermuda
BN Asia/Brunei
BO America/La_Paz
BQ America/Kralendijk
BR America/Noronha Atlantic islands
BR America/Belem Para (east), Amapa
BR America/Fortaleza Brazil (northeast: MA, PI, CE, RN, PB)
BR America/Recife Pernambuco
BR America/Araguaina Tocantins
BR America/Maceio Alagoas, Sergipe
BR America/Bahia Bahia
BR America/Sao_Paulo Brazil (southeast: GO, DF, MG, ES, RJ, SP, PR, SC, RS)
BR America/Campo_Grande Mato Grosso do Sul
BR America/Cuiaba Mato Grosso
BR America/Santarem Para (west)
BR America/Porto_Velho Rondonia
BR America/Boa_Vista Roraima
BR America/Manaus Amazonas (east)
BR America/Eirunepe Amazonas (west)
BR America/Rio_Branco Acre
BS America/Nassau
BT Asia/Thimphu
BW Africa/Gaborone
BY Europe/Minsk
BZ America/Belize
CA America/St_Johns Newfoundland, Labrador (SE)
CA America/Halifax Atlantic - NS (most areas), PE
CA America/Glace_Bay Atlantic - NS (Cape Breton)
CA America/Moncton Atlantic - New Brunswick
CA America/Goose_Bay Atlantic - Labrador (most areas)
CA America/Blanc-Sablon AST - QC (Lower North Shore)
CA America/Toronto Eastern - ON & QC (most areas)
CA America/Iqaluit Eastern - NU (most areas)
CA America/Atikokan EST - ON (Atikokan), NU (Coral H)
CA America/Winnipeg Central - ON (west), Manitoba
CA America/Resolute Central - NU (Resolute)
CA America/Rankin_Inlet Central - NU (central)
CA America/Regina CST - SK (most areas)
CA America/Swift_Current CST - SK (midwest)
CA America/Edmonton Mountain - AB, BC(E), NT(E), SK(W)
CA America/Cambridge_Bay Mountain - NU (west)
CA America/Inuvik Mountain - NT (west)
CA America/Creston MST - BC (Creston)
CA America/Dawson_Creek MST - BC (Dawson Cr, Ft St John)
CA America/Fort_Nelson MST - BC (Ft Nelson)
CA America/Whitehorse MST - Yukon (east)
CA America/Dawson MST - Yukon (west)
CA America/Vancouver Pacific - BC (most areas)
CC Indian/Cocos
CD Africa/Kinshasa Dem. Rep. of Congo (west)
CD Africa/Lubumbashi Dem. Rep. of Congo (east)
CF Africa/Bangui
CG Africa/Brazzaville
CH Europe/Zurich
CI Africa/Abidjan
CK Pacific/Rarotonga
CL America/Santiago most of Chile
CL America/Coyhaique Aysen Region
CL America/Punta_Arenas Magallanes Region
CL Pacific/Easter Easter Island
CM Africa/Douala
CN Asia/Shanghai Beijing Time
CN Asia/Urumqi Xinjiang Time
CO America/Bogota
CR America/Costa_Rica
CU America/Havana
CV Atlantic/Cape_Verde
CW America/Curacao
CX Indian/Christmas
CY Asia/Nicosia most of Cyprus
CY Asia/Famagusta Northern Cyprus
CZ Europe/Prague
DE Europe/Berlin most of Germany
DE Europe/Busingen Busingen
DJ Africa/Djibouti
DK Europe/Copenhagen
DM America/Dominica
DO America/Santo_Domingo
DZ Africa/Algiers
EC America/Guayaquil Ecuador (mainland)
EC Pacific/Galapagos Galapagos Islands
EE Europe/Tallinn
EG Africa/Cairo
EH Africa/El_Aaiun
ER Africa/Asmara
ES Europe/Madrid Spain (mainland)
ES Africa/Ceuta Ceuta, Melilla
ES Atlantic/Canary Canary Islands
ET Africa/Addis_Ababa
FI Europe/Helsinki
FJ Pacific/Fiji
FK Atlantic/Stanley
FM Pacific/Chuuk Chuuk/Truk, Yap
FM Pacific/Pohnpei Pohnpei/Ponape
FM Pacific/Kosrae Kosrae
FO Atlantic/Faroe
FR Europe/Paris
GA Africa/Libreville
GB Europe/London
GD America/Grenada
GE Asia/Tbilisi
GF America/Cayenne
GG Europe/Guernsey
GH Africa/Accra
GI Europe/Gibraltar
GL America/Nuuk most of Greenland
GL America/Danmarkshavn National Park (east coast)
GL America/Scoresbysund Scoresbysund/Ittoqqortoormiit
GL America/Thule Thule/Pituffik
GM Africa/Banjul
GN Africa/Conakry
GP America/Guadeloupe
GQ Africa/Malabo
GR Europe/Athens
GS Atlantic/South_Georgia
GT America/Guatemala
GU Pacific/Guam
GW Africa/Bissau
GY America/Guyana
HK Asia/Hong_Kong
HN America/Tegucigalpa
HR Europe/Zagreb
HT America/Port-au-Prince
HU Europe/Budapest
ID Asia/Jakarta Java, Sumatra
ID Asia/Pontianak Borneo (west, central)
ID Asia/Makassar Borneo (east, south), Sulawesi/Celebes, Bali, Nusa Tengarra, Timor (west)
ID Asia/Jayapura New Guinea (West Papua / Irian Jaya), Malukus/Moluccas
IE Europe/Dublin
IL Asia/Jerusalem
IM Europe/Isle_of_Man
IN Asia/Kolkata
IO Indian/Chagos
IQ Asia/Baghdad
IR Asia/Tehran
IS Atlantic/Reykjavik
IT Europe/Rome
JE Europe/Jersey
JM America/Jamaica
JO Asia/Amman
JP Asia/Tokyo
KE Africa/Nairobi
KG Asia/Bishkek
KH Asia/Phnom_Penh
KI Pacific/Tarawa Gilbert Islands
KI Pacific/Kanton Phoenix Islands
KI Pacific/Kiritimati Line Islands
KM Indian/Comoro
KN America/St_Kitts
KP Asia/Pyongyang
KR Asia/Seoul
KW Asia/Kuwait
KY America/Cayman
KZ Asia/Almaty most of Kazakhstan
KZ Asia/Qyzylorda Qyzylorda/Kyzylorda/Kzyl-Orda
KZ Asia/Qostanay Qostanay/Kostanay/Kustanay
KZ Asia/Aqtobe Aqtobe/Aktobe
KZ Asia/Aqtau Mangghystau/Mankistau
KZ Asia/Atyrau Atyrau/Atirau/Gur'yev
KZ Asia/Oral West Kazakhstan
LA Asia/Vientiane
LB Asia/Beirut
LC America/St_Lucia
LI Europe/Vaduz
LK Asia/Colombo
LR Africa/Monrovia
LS Africa/Maseru
LT Europe/Vilnius
LU Europe/Luxembourg
LV Europe/Riga
LY Africa/Tripoli
MA Africa/Casablanca
MC Europe/Monaco
MD Europe/Chisinau
ME Europe/Podgorica
MF America/Marigot
MG Indian/Antananarivo
MH Pacific/Majuro most of Marshall Islands
MH Pacific/Kwajalein Kwajalein
MK Europe/Skopje
ML Africa/Bamako
MM Asia/Yangon
MN Asia/Ulaanbaatar most of Mongolia
MN Asia/Hovd Bayan-Olgii, Hovd, Uvs
MO Asia/Macau
MP Pacific/Saipan
MQ America/Martinique
MR Africa/Nouakchott
MS America/Montserrat
MT Europe/Malta
MU Indian/Mauritius
MV Indian/Maldives
MW Africa/Blantyre
MX America/Mexico_City Central Mexico
MX America/Cancun Quintana Roo
MX America/Merida Campeche, Yucatan
MX America/Monterrey Durango; Coahuila, Nuevo Leon, Tamaulipas (most areas)
MX America/Matamoros Coahuila, Nuevo Leon, Tamaulipas (US border)
MX America/Chihuahua Chihuahua (most areas)
MX America/Ciudad_Juarez Chihuahua (US border - west)
MX America/Ojinaga Chihuahua (US border - east)
MX America/Mazatlan Baja California Sur, Nayarit (most areas), Sinaloa
MX America/Bahia_Banderas Bahia de Banderas
MX America/Hermosillo Sonora
MX America/Tijuana Baja California
MY Asia/Kuala_Lumpur Malaysia (peninsula)
MY Asia/Kuching Sabah, Sarawak
MZ Africa/Maputo
NA Africa/Windhoek
NC Pacific/Noumea
NE Africa/Niamey
NF Pacific/Norfolk
NG Africa/Lagos
NI America/Managua
NL Europe/Amsterdam
NO Europe/Oslo
NP Asia/Kathmandu
NR Pacific/Nauru
NU Pacific/Niue
NZ Pacific/Auckland most of New Zealand
NZ Pacific/Chatham Chatham Islands
OM Asia/Muscat
PA America/Panama
PE America/Lima
PF Pacific/Tahiti Society Islands
PF Pacific/Marquesas Marquesas Islands
PF Pacific/Gambier Gambier Islands
PG Pacific/Port_Moresby most of Papua New Guinea
PG Pacific/Bougainville Bougainville
PH Asia/Manila
PK Asia/Karachi
PL Europe/Warsaw
PM America/Miquelon
PN Pacific/Pitcairn
PR America/Puerto_Rico
PS Asia/Gaza Gaza Strip
PS Asia/Hebron West Bank
PT Europe/Lisbon Portugal (mainland)
PT Atlantic/Madeira Madeira Islands
PT Atlantic/Azores Azores
PW Pacific/Palau
PY America/Asuncion
QA Asia/Qatar
RE Indian/Reunion
RO Europe/Bucharest
RS Europe/Belgrade
RU Europe/Kaliningrad MSK-01 - Kaliningrad
RU Europe/Moscow MSK+00 - Moscow area
UA Europe/Simferopol Crimea
RU Europe/Kirov MSK+00 - Kirov
RU Europe/Volgograd MSK+00 - Volgograd
RU Europe/Astrakhan MSK+01 - Astrakhan
RU Europe/Saratov MSK+01 - Saratov
RU Europe/Ulyanovsk MSK+01 - Ulyanovsk
RU Europe/Samara MSK+01 - Samara, Udmurtia
RU Asia/Yekaterinburg MSK+02 - Urals
RU Asia/Omsk MSK+03 - Omsk
RU Asia/Novosibirsk MSK+04 - Novosibirsk
RU Asia/Barnaul MSK+04 - Altai
RU Asia/Tomsk MSK+04 - Tomsk
RU Asia/Novokuznetsk MSK+04 - Kemerovo
RU Asia/Krasnoyarsk MSK+04 - Krasnoyarsk area
RU Asia/Irkutsk MSK+05 - Irkutsk, Buryatia
RU Asia/Chita MSK+06 - Zabaykalsky
RU Asia/Yakutsk MSK+06 - Lena River
RU Asia/Khandyga MSK+06 - Tomponsky, Ust-Maysky
RU Asia/Vladivostok MSK+07 - Amur River
RU Asia/Ust-Nera MSK+07 - Oymyakonsky
RU Asia/Magadan MSK+08 - Magadan
RU Asia/Sakhalin MSK+08 - Sakhalin Island
RU Asia/Srednekolymsk MSK+08 - Sakha (E), N Kuril Is
RU Asia/Kamchatka MSK+09 - Kamchatka
RU Asia/Anadyr MSK+09 - Bering Sea
RW Africa/Kigali
SA Asia/Riyadh
SB Pacific/Guadalcanal
SC Indian/Mahe
SD Africa/Khartoum
SE Europe/Stockholm
SG Asia/Singapore
SH Atlantic/St_Helena
SI Europe/Ljubljana
SJ Arctic/Longyearbyen
SK Europe/Bratislava
SL Africa/Freetown
SM Europe/San_Marino
SN Africa/Dakar
SO Africa/Mogadishu
SR America/Paramaribo
SS Africa/Juba
ST Africa/Sao_Tome
SV America/El_Salvador
SX America/Lower_Princes
SY Asia/Damascus
SZ Africa/Mbabane
TC America/Grand_Turk
TD Africa/Ndjamena
TF Indian/Kerguelen
TG Africa/Lome
TH Asia/Bangkok
TJ Asia/Dushanbe
TK Pacific/Fakaofo
TL Asia/Dili
TM Asia/Ashgabat
TN Africa/Tunis
TO Pacific/Tongatapu
TR Europe/Istanbul
TT America/Port_of_Spain
TV Pacific/Funafuti
TW Asia/Taipei
TZ Africa/Dar_es_Salaam
UA Europe/Kyiv most of Ukraine
UG Africa/Kampala
UM Pacific/Midway Midway Islands
UM Pacific/Wake Wake Island
US America/New_York Eastern (most areas)
US America/Detroit Eastern - MI (most areas)
US America/Kentucky/Louisville Eastern - KY (Louisville area)
US America/Kentucky/Monticello Eastern - KY (Wayne)
US America/Indiana/Indianapolis Eastern - IN (most areas)
US America/Indiana/Vincennes Eastern - IN (Da, Du, K, Mn)
US America/Indiana/Winamac Eastern - IN (Pulaski)
US America/Indiana/Marengo Eastern - IN (Crawford)
US America/Indiana/Petersburg Eastern - IN (Pike)
US America/Indiana/Vevay Eastern - IN (Switzerland)
US America/Chicago Central (most areas)
US America/Indiana/Tell_City Central - IN (Perry)
US America/Indiana/Knox Central - IN (Starke)
US America/Menominee Central - MI (Wisconsin border)
US America/North_Dakota/Center Central - ND (Oliver)
US America/North_Dakota/New_Salem Central - ND (Morton rural)
US America/North_Dakota/Beulah Central - ND (Mercer)
US America/Denver Mountain (most areas)
US America/Boise Mountain - ID (south), OR (east)
US America/Phoenix MST - AZ (except Navajo)
US America/Los_Angeles Pacific
US America/Anchorage Alaska (most areas)
US America/Juneau Alaska - Juneau area
US America/Sitka Alaska - Sitka area
US America/Metlakatla Alaska - Annette Island
US America/Yakutat Alaska - Yakutat
US America/Nome Alaska (west)
US America/Adak Alaska - western Aleutians
US Pacific/Honolulu Hawaii
UY America/Montevideo
UZ Asia/Samarkand Uzbekistan (west)
UZ Asia/Tashkent Uzbekistan (east)
VA Europe/Vatican
VC America/St_Vincent
VE America/Caracas
VG America/Tortola
VI America/St_Thomas
VN Asia/Ho_Chi_Minh
VU Pacific/Efate
WF Pacific/Wallis
WS Pacific/Apia
YE Asia/Aden
YT Indian/Mayotte
ZA Africa/Johannesburg
ZM Africa/Lusaka
ZW Africa/Harare`;
