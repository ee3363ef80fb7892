import { describe, expect, it } from "vitest";
import { keyDates } from "../../../src/features/site/key-dates";

const AINM_2023 = { startDate: "2023-10-09", timeZone: "Europe/Amsterdam" };

const ticket = (name: string, open: number, close: number) => ({
	name,
	salesOpenOffsetDays: open,
	salesOpenTime: "09:00",
	salesCloseOffsetDays: close,
	salesCloseTime: "23:59",
});

const shown = (dates: ReturnType<typeof keyDates>) => dates.map((d) => [d.label, d.at.toISOString(), d.dayOnly]);

describe("keyDates", () => {
	it("resolves the call's window and the ticket sales in the edition's zone, across the summer time change, in order", () => {
		const dates = keyDates(
			AINM_2023,
			{
				opensOffsetDays: -240,
				opensTime: "09:00",
				closesOffsetDays: -100,
				closesTime: "23:59",
				decisionsOffsetDays: -60,
			},
			[ticket("Regular", -59, -3), ticket("Early bird", -240, -60), ticket("Student", -240, -3)],
		);

		expect(shown(dates)).toEqual([
			// 11 February: CET, UTC+01:00.
			["Call for abstracts opens", "2023-02-11T08:00:00.000Z", false],
			["Registration opens", "2023-02-11T08:00:00.000Z", false],
			// 1 July: CEST, UTC+02:00.
			["Abstract submission deadline", "2023-07-01T21:59:00.000Z", false],
			["Decisions on abstracts", "2023-08-10T10:00:00.000Z", true],
			["Early bird rate ends", "2023-08-10T21:59:00.000Z", false],
			["Registration closes", "2023-10-06T21:59:00.000Z", false],
		]);
	});

	it("moves with day 1 and the zone, with nothing stored to fix up", () => {
		const dates = keyDates({ startDate: "2025-10-06", timeZone: "America/New_York" }, null, [
			ticket("Regular", -10, -1),
		]);

		expect(shown(dates)).toEqual([
			["Registration opens", "2025-09-26T13:00:00.000Z", false],
			["Registration closes", "2025-10-06T03:59:00.000Z", false],
		]);
	});

	it("is empty without a call and without tickets", () => {
		expect(keyDates(AINM_2023, null, [])).toEqual([]);
	});
});
