/**
 * Wall-clock times resolved in an edition's zone: exact UTC instants across the October 2025 DST
 * change in Amsterdam (clocks go back at 01:00 UTC on 26 October), the March gap, and an edition
 * that moves from Amsterdam to Toronto.
 */
import { describe, expect, it } from "vitest";
import {
	isoWithOffset,
	resolveOffset,
	resolveSessionStart,
	utcOffsetLabel,
	wallClock,
	zonedInstant,
	zoneOffsetMinutes,
} from "../../src/lib/zoned-time";

const iso = (date: Date) => date.toISOString();

describe("zoneOffsetMinutes()", () => {
	it("reads Amsterdam's offset on either side of the change at 2025-10-26 01:00 UTC", () => {
		expect(zoneOffsetMinutes("Europe/Amsterdam", new Date("2025-10-26T00:59:59Z"))).toBe(120);
		expect(zoneOffsetMinutes("Europe/Amsterdam", new Date("2025-10-26T01:00:00Z"))).toBe(60);
		expect(zoneOffsetMinutes("America/Toronto", new Date("2025-10-06T12:00:00Z"))).toBe(-240);
		expect(zoneOffsetMinutes("Asia/Kolkata", new Date("2025-10-06T12:00:00Z"))).toBe(330);
	});
});

describe("zonedInstant()", () => {
	it("resolves the same local time to different UTC instants before and after the change", () => {
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-10-25", "09:00"))).toBe("2025-10-25T07:00:00.000Z");
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-10-26", "09:00"))).toBe("2025-10-26T08:00:00.000Z");
	});

	it("takes the earlier of a time that happens twice when clocks go back", () => {
		// 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-10-26", "02:30"))).toBe("2025-10-26T00:30:00.000Z");
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-10-26", "03:00"))).toBe("2025-10-26T02:00:00.000Z");
	});

	it("moves a time that never happens when clocks go forward past the gap", () => {
		// On 30 March 2025 clocks jump from 02:00 to 03:00: 02:30 does not exist, 03:30 is meant.
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-03-30", "02:30"))).toBe("2025-03-30T01:30:00.000Z");
		expect(wallClock(zonedInstant("Europe/Amsterdam", "2025-03-30", "02:30"), "Europe/Amsterdam")).toEqual({
			date: "2025-03-30",
			time: "03:30",
		});
		expect(iso(zonedInstant("Europe/Amsterdam", "2025-03-30", "03:00"))).toBe("2025-03-30T01:00:00.000Z");
	});

	it("resolves midnight and the last minute of a day", () => {
		expect(iso(zonedInstant("Europe/Amsterdam", "2023-10-09", "00:00"))).toBe("2023-10-08T22:00:00.000Z");
		expect(iso(zonedInstant("Europe/Amsterdam", "2023-02-11", "23:59"))).toBe("2023-02-11T22:59:00.000Z");
	});

	it("refuses what is not a time of day or a date", () => {
		expect(() => zonedInstant("Europe/Amsterdam", "2025-10-26", "24:00")).toThrow(RangeError);
		expect(() => zonedInstant("Europe/Amsterdam", "2025-02-30", "09:00")).toThrow(RangeError);
	});
});

describe("resolveOffset() and resolveSessionStart()", () => {
	const amsterdam2023 = { startDate: "2023-10-09", timeZone: "Europe/Amsterdam" };
	const lastWeekendOfOctober = { startDate: "2025-10-24", timeZone: "Europe/Amsterdam" };
	const september = { startDate: "2027-09-24", timeZone: "Europe/Amsterdam" };

	it("resolves deadlines as calendar days from day 1 at a local time, in the edition's zone", () => {
		// −240 days from 9 October 2023 is 11 February 2023, in winter time.
		expect(iso(resolveOffset(amsterdam2023, -240, "09:00"))).toBe("2023-02-11T08:00:00.000Z");
		expect(iso(resolveOffset(amsterdam2023, 0, "09:00"))).toBe("2023-10-09T07:00:00.000Z");
		expect(iso(resolveOffset(amsterdam2023, 30, "23:59"))).toBe("2023-11-08T22:59:00.000Z");
	});

	it("keeps day 3 at 09:00 local when day 3 falls on the change, so its UTC instant differs by an hour", () => {
		const onTheChange = resolveSessionStart(lastWeekendOfOctober, 3, "09:00");
		const inSummer = resolveSessionStart(september, 3, "09:00");
		expect(iso(onTheChange)).toBe("2025-10-26T08:00:00.000Z");
		expect(iso(inSummer)).toBe("2027-09-26T07:00:00.000Z");
		expect(wallClock(onTheChange, "Europe/Amsterdam")).toEqual({ date: "2025-10-26", time: "09:00" });
		expect(wallClock(inSummer, "Europe/Amsterdam")).toEqual({ date: "2027-09-26", time: "09:00" });
		expect(resolveSessionStart(lastWeekendOfOctober, 2, "09:00").toISOString()).toBe("2025-10-25T07:00:00.000Z");
	});

	it("follows an edition that moves from Amsterdam to Toronto: same local times, the new zone's instants", () => {
		const toronto = { startDate: "2025-10-06", timeZone: "America/Toronto" };
		expect(iso(resolveSessionStart(toronto, 1, "09:00"))).toBe("2025-10-06T13:00:00.000Z");
		// Toronto leaves DST a week after Amsterdam (2 November 2025): day 1 + 28 is in EST.
		expect(iso(resolveOffset(toronto, 28, "09:00"))).toBe("2025-11-03T14:00:00.000Z");
		expect(iso(resolveOffset(toronto, -240, "09:00"))).toBe("2025-02-08T14:00:00.000Z");
		expect(utcOffsetLabel("America/Toronto", resolveSessionStart(toronto, 1, "09:00"))).toBe("UTC−04:00");
		expect(utcOffsetLabel("Europe/Amsterdam", resolveOffset(amsterdam2023, -240, "09:00"))).toBe("UTC+01:00");
	});
});

describe("isoWithOffset", () => {
	it("writes the zone's offset at that instant, across DST and west of UTC", () => {
		expect(isoWithOffset(new Date("2023-10-09T07:00:00Z"), "Europe/Amsterdam")).toBe("2023-10-09T09:00:00+02:00");
		expect(isoWithOffset(new Date("2023-11-09T08:00:00Z"), "Europe/Amsterdam")).toBe("2023-11-09T09:00:00+01:00");
		expect(isoWithOffset(new Date("2025-01-15T14:30:45.900Z"), "America/New_York")).toBe("2025-01-15T09:30:45-05:00");
		expect(isoWithOffset(new Date("2025-01-15T03:30:00Z"), "Asia/Kolkata")).toBe("2025-01-15T09:00:00+05:30");
	});
});
