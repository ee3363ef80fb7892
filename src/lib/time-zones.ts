/**
 * Time zones to offer when someone chooses one, and the one to suggest for a country, from
 * tzdb's `zone.tab` (./zone-tab.ts). Never "the first zone of a list": a country with one zone
 * gets it, a country with several gets its own listed first and none chosen for it.
 */
import { ZONE_TAB } from "./zone-tab";

export interface CountryZone {
	zone: string;
	/** Which part of the country, where it has several zones ("Eastern (most areas)"); else empty. */
	comment: string;
}

const BY_COUNTRY = new Map<string, CountryZone[]>();
for (const line of ZONE_TAB.split("\n")) {
	const [country = "", zone = "", ...comment] = line.split(" ");
	const zones = BY_COUNTRY.get(country) ?? [];
	zones.push({ zone, comment: comment.join(" ") });
	BY_COUNTRY.set(country, zones);
}

/** Every zone Baton offers, by canonical name: UTC first, then the IANA zones alphabetically. */
export const TIME_ZONE_NAMES: readonly string[] = [
	"UTC",
	...[...new Set([...BY_COUNTRY.values()].flat().map((z) => z.zone))].sort(),
];

const OFFERED = new Set(TIME_ZONE_NAMES);
// Names chosen before the list was canonical (Intl's own, e.g. Asia/Calcutta) stay valid, so an
// edition saved with one can still be saved again.
const ALSO_KNOWN = new Set(Intl.supportedValuesOf("timeZone"));

/** True for a zone Baton offers or one the runtime knows by an older name. */
export const isTimeZone = (name: string): boolean => OFFERED.has(name) || ALSO_KNOWN.has(name);

/** The zones of a country (ISO 3166-1 alpha-2), most populous region first; empty for an unknown code. */
export const zonesOfCountry = (country: string | null | undefined): readonly CountryZone[] =>
	BY_COUNTRY.get(country ?? "") ?? [];

/** The zone to preselect for a country: its only zone, or undefined when it has several (ask) or none. */
export function suggestedZone(country: string | null | undefined): string | undefined {
	const zones = zonesOfCountry(country);
	return zones.length === 1 ? zones[0]?.zone : undefined;
}

/** "America/New York" for "America/New_York". */
export const zoneLabel = (zone: string) => zone.replace(/_/g, " ");
