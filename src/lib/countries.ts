/**
 * ISO 3166-1 alpha-2 country codes (the 249 officially assigned ones), for validating and
 * choosing a country. Names come from Intl, so they need no upkeep here.
 */

const CODES =
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
	"JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
	"MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
	"RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
	"TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(" "));

/** True for an assigned ISO 3166-1 alpha-2 code in upper case, e.g. "NL". */
export const isCountryCode = (code: string): boolean => COUNTRY_CODES.has(code);

const names = new Intl.DisplayNames(["en"], { type: "region" });

/** "Netherlands" for "NL"; the code itself when Intl has no name (or rejects it). */
export function countryName(code: string): string {
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

/** Every country as a select option, sorted by English name. */
export const COUNTRY_OPTIONS: readonly { value: string; label: string }[] = [...COUNTRY_CODES]
	.map((value) => ({ value, label: countryName(value) }))
	.sort((a, b) => a.label.localeCompare(b.label, "en"));
