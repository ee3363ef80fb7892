/**
 * The grace period of jobs that send at a moment of an edition's zone: due from the moment on,
 * for exactly `graceDays` after it, and the UTC days the SQL cut keeps around it.
 */
import { describe, expect, it } from "vitest";
import { dueWithinGrace, graceDayRange } from "../../src/jobs/catch-up";

describe("dueWithinGrace", () => {
	const moment = new Date("2031-04-01T07:00:00Z");

	it("is due from the moment to the end of the grace period, not before or after", () => {
		expect(dueWithinGrace(moment, new Date("2031-04-01T06:59:59.999Z"), 7)).toBe(false);
		expect(dueWithinGrace(moment, moment, 7)).toBe(true);
		expect(dueWithinGrace(moment, new Date("2031-04-08T07:00:00Z"), 7)).toBe(true);
		expect(dueWithinGrace(moment, new Date("2031-04-08T07:00:00.001Z"), 7)).toBe(false);
	});

	it("is never due without a moment", () => {
		expect(dueWithinGrace(null, moment, 7)).toBe(false);
	});
});

describe("graceDayRange", () => {
	it("keeps one UTC day more each side than the grace period and today", () => {
		expect(graceDayRange(new Date("2031-04-10T23:30:00Z"), 7)).toEqual({ first: "2031-04-02", last: "2031-04-11" });
	});
});
