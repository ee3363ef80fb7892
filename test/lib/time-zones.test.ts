/**
 * The zones Baton offers and suggests: canonical tzdb names (not ICU's older ones), UTC, a
 * country's own zones, and a suggestion only when a country has exactly one zone.
 */
import { describe, expect, it } from "vitest";
import { timeZone } from "../../src/domain/fields";
import { isTimeZone, suggestedZone, TIME_ZONE_NAMES, zonesOfCountry } from "../../src/lib/time-zones";

describe("time zones", () => {
	it("suggests a country's only zone, and nothing for a country with several", () => {
		expect(suggestedZone("NL")).toBe("Europe/Amsterdam");
		expect(suggestedZone("IN")).toBe("Asia/Kolkata");
		expect(suggestedZone("BE")).toBe("Europe/Brussels");
		expect(suggestedZone("US")).toBeUndefined();
		expect(suggestedZone("UA")).toBeUndefined();
		expect(suggestedZone("XX")).toBeUndefined();
		expect(suggestedZone("")).toBeUndefined();
	});

	it("lists a country's zones most populous region first, with the region each covers", () => {
		const us = zonesOfCountry("US");
		expect(us).toHaveLength(29);
		expect(us.slice(0, 2)).toEqual([
			{ zone: "America/New_York", comment: "Eastern (most areas)" },
			{ zone: "America/Detroit", comment: "Eastern - MI (most areas)" },
		]);
		expect(zonesOfCountry("UA").map((z) => z.zone)).toEqual(["Europe/Simferopol", "Europe/Kyiv"]);
		expect(zonesOfCountry("NL")).toEqual([{ zone: "Europe/Amsterdam", comment: "" }]);
	});

	it("offers canonical names and UTC, each one the Workers runtime can format in", () => {
		expect(TIME_ZONE_NAMES[0]).toBe("UTC");
		expect(TIME_ZONE_NAMES).toHaveLength(419);
		for (const canonical of ["Asia/Kolkata", "Europe/Kyiv", "Europe/Amsterdam", "America/New_York"])
			expect(TIME_ZONE_NAMES).toContain(canonical);
		for (const old of ["Asia/Calcutta", "Europe/Kiev", "Africa/Asmera"]) expect(TIME_ZONE_NAMES).not.toContain(old);
		const unknown = TIME_ZONE_NAMES.filter((zone) => {
			try {
				new Intl.DateTimeFormat("en", { timeZone: zone }).format(0);
				return false;
			} catch {
				return true;
			}
		});
		expect(unknown).toEqual([]);
	});

	it("validates canonical names, UTC and older names saved before, and refuses the rest", () => {
		const field = timeZone("timeZone", "Time zone", { required: true });
		for (const zone of ["Asia/Kolkata", "Europe/Kyiv", "UTC", "Asia/Calcutta"])
			expect(field.schema.safeParse(zone)).toEqual({ success: true, data: zone });
		expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
		expect(field.schema.safeParse("Mars/Olympus_Mons").error?.issues[0]?.message).toBe("Choose one of the options.");
		// Blank is never a zone: a required zone has to be chosen.
		expect(field.schema.safeParse("").error?.issues[0]?.message).toBe("Time zone is required.");
	});
});
