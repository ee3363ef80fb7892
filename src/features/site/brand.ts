/**
 * The look and standing partners an edition's pages show: the series' identity (logo, brand
 * colours, partners) travels to every edition by itself, and an edition overrides it by setting
 * its own logo or colours (an edition still on Baton's default colours shows the series' brand).
 */
import type { Edition, Series, SeriesPartner } from "../../db/schema";

/** Baton's colours, the defaults of a new edition (src/db/schema.ts). */
const DEFAULT_PRIMARY = "#1f5f8b";
const DEFAULT_ACCENT = "#c2410c";

const isColor = (value: string) => /^#[0-9a-f]{6}$/i.test(value);
const isWebAddress = (value: string) => /^https:\/\//i.test(value) || /^http:\/\//i.test(value);

export interface Brand {
	/** An http(s) logo address, or "" for none. */
	logoUrl: string;
	primaryColor: string;
	accentColor: string;
	partners: SeriesPartner[];
}

export function brandOf(
	edition: Pick<Edition, "logoUrl" | "primaryColor" | "accentColor">,
	series: Pick<Series, "logoUrl" | "brandPrimaryColor" | "brandAccentColor" | "partners">,
): Brand {
	const logo = [edition.logoUrl, series.logoUrl].find(isWebAddress) ?? "";
	const ownColors = edition.primaryColor !== DEFAULT_PRIMARY || edition.accentColor !== DEFAULT_ACCENT;
	return {
		logoUrl: logo,
		primaryColor: !ownColors && isColor(series.brandPrimaryColor) ? series.brandPrimaryColor : edition.primaryColor,
		accentColor: !ownColors && isColor(series.brandAccentColor) ? series.brandAccentColor : edition.accentColor,
		partners: Array.isArray(series.partners) ? series.partners : [],
	};
}
