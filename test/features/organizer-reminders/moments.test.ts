/**
 * When a reminder goes out and how it says so: 09:00 on its day in the edition's zone (winter and
 * summer time alike), its timing in words, and the anchor's date relative to the day it is sent.
 */
import { describe, expect, it } from "vitest";
import { ainm2023OrganizerReminders } from "../../../src/cli/seed/ainm-organizing";
import { describeWhen } from "../../../src/domain/reminder-wording";
import { anchorFigure, reminderMoment } from "../../../src/features/organizer-reminders/moments";

const ainm = { name: "AINM 2023", startDate: "2023-10-09", endDate: "2023-10-11", timeZone: "Europe/Amsterdam" };
const call = { opensOffsetDays: -240, opensTime: "09:00", closesOffsetDays: -100, closesTime: "23:59" };

describe("reminderMoment", () => {
	it("is 09:00 local on the anchor's day plus the offset, in winter and in summer time", () => {
		const at = (anchor: "event_start" | "event_end" | "abstracts_open" | "abstracts_close", offsetDays: number) =>
			reminderMoment(ainm, { anchor, offsetDays }, call)?.toISOString();

		expect(at("abstracts_open", -14)).toBe("2023-01-28T08:00:00.000Z");
		expect(at("abstracts_close", -7)).toBe("2023-06-24T07:00:00.000Z");
		expect(at("event_start", 0)).toBe("2023-10-09T07:00:00.000Z");
		// The last day (11 October) + 20 days is after the switch back to winter time (29 October).
		expect(at("event_end", 20)).toBe("2023-10-31T08:00:00.000Z");
		expect(reminderMoment(ainm, { anchor: "abstracts_close", offsetDays: -7 }, null)).toBeNull();
	});

	it("gives the seeded AINM 2023 reminders the moments they were sent at", () => {
		expect(ainm2023OrganizerReminders.map((r) => r.sentAt?.toISOString())).toEqual([
			"2023-01-28T08:00:00.000Z",
			"2023-06-24T07:00:00.000Z",
			"2023-07-02T07:00:00.000Z",
			"2023-09-25T07:00:00.000Z",
			"2023-10-18T07:00:00.000Z",
		]);
	});
});

describe("in words", () => {
	it("says when a reminder goes relative to its anchor", () => {
		expect(describeWhen("abstracts_close", -7)).toBe("7 days before the call for abstracts closes");
		expect(describeWhen("event_end", 1)).toBe("1 day after the event ends");
		expect(describeWhen("event_start", 0)).toBe("The day the event starts");
	});

	it("dates the anchor relative to the local day the reminder is sent, in the right tense", () => {
		// 1 July 2023, 23:30 UTC is already 2 July in Amsterdam.
		const sent = new Date("2023-07-01T23:30:00Z");

		expect(anchorFigure(ainm, "abstracts_close", call, sent)).toBe(
			"The call for abstracts of AINM 2023 closed on Saturday 1 July 2023 at 23:59 (Europe/Amsterdam): yesterday.",
		);
		expect(anchorFigure(ainm, "event_start", call, sent)).toBe(
			"AINM 2023 starts on Monday 9 October 2023: in 99 days.",
		);
		expect(anchorFigure(ainm, "abstracts_open", null, sent)).toBeNull();
	});
});
