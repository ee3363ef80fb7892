import { describe, expect, it } from "vitest";
import { dateOfDay, dayCount, formatDateRange, formatDay, isIsoDate } from "../../src/lib/dates";

describe("dates", () => {
	it("names a conference's dates the way attendees read them", () => {
		expect(formatDateRange("2023-10-09", "2023-10-11").replace(/\s/g, " ")).toBe("9 – 11 October 2023");
		expect(formatDateRange("2025-09-30", "2025-10-02").replace(/\s/g, " ")).toBe("30 September – 2 October 2025");
	});

	it("finds the date of each program day, across a month end", () => {
		expect(dateOfDay("2023-10-09", 1)).toBe("2023-10-09");
		expect(dateOfDay("2023-10-09", 3)).toBe("2023-10-11");
		expect(dateOfDay("2025-09-30", 2)).toBe("2025-10-01");
		expect(formatDay("2023-10-09")).toBe("Monday 9 October");
	});

	it("counts days inclusively, even across a DST change", () => {
		expect(dayCount("2023-10-09", "2023-10-11")).toBe(3);
		expect(dayCount("2023-10-28", "2023-10-30")).toBe(3);
	});

	it("rejects dates that do not exist", () => {
		expect(isIsoDate("2023-02-29")).toBe(false);
		expect(isIsoDate("2024-02-29")).toBe(true);
		expect(isIsoDate("9 Oct 2023")).toBe(false);
	});
});
