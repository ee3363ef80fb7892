import { describe, expect, it } from "vitest";
import { endOfDay } from "../../src/jobs/end-of-day";

describe("endOfDay", () => {
	it("ends a day at its last millisecond in the zone, on either side of a DST change", () => {
		// Amsterdam moves to summer time in the night of 29 to 30 March 2025.
		expect(endOfDay("2025-03-29", "Europe/Amsterdam").toISOString()).toBe("2025-03-29T22:59:59.999Z");
		expect(endOfDay("2025-03-30", "Europe/Amsterdam").toISOString()).toBe("2025-03-30T21:59:59.999Z");
		expect(endOfDay("2025-06-01", "America/New_York").toISOString()).toBe("2025-06-02T03:59:59.999Z");
		expect(endOfDay("2025-12-31", "Asia/Kolkata").toISOString()).toBe("2025-12-31T18:29:59.999Z");
	});
});
