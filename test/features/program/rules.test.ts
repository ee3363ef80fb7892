import { describe, expect, it } from "vitest";
import {
	clock,
	lectureProblems,
	overlaps,
	type PlacedSession,
	placementProblems,
	programWarnings,
	sessionLengthProblems,
	talkFitProblems,
} from "../../../src/features/program/rules";

const session = (id: string, startTime: string, durationMinutes: number, roomId: string | null, day = 1) =>
	({ id, title: id, day, startTime, durationMinutes, roomId }) satisfies PlacedSession;

const context = (others: PlacedSession[] = [], dayCount = 3) => ({
	dayCount,
	others,
	roomName: (id: string) => `Room ${id}`,
});

describe("overlaps", () => {
	it("counts shared minutes on the same day only; back to back is no overlap", () => {
		expect(overlaps(session("a", "10:00", 60, null), session("b", "10:59", 10, null))).toBe(true);
		expect(overlaps(session("a", "10:00", 60, null), session("b", "11:00", 10, null))).toBe(false);
		expect(overlaps(session("a", "10:00", 120, null), session("b", "10:30", 10, null))).toBe(true);
		expect(overlaps(session("a", "10:00", 60, null, 1), session("b", "10:00", 60, null, 2))).toBe(false);
	});

	it("prints the end of the day as 24:00", () => {
		expect(clock(24 * 60)).toBe("24:00");
		expect(clock(9 * 60 + 5)).toBe("09:05");
	});
});

describe("placementProblems", () => {
	it("accepts a session that ends exactly at midnight on the last day", () => {
		expect(placementProblems({ day: 3, startTime: "23:00", durationMinutes: 60, roomId: "a" }, context())).toEqual({});
	});

	it("names the day count, the time after midnight and the session in the way", () => {
		const others = [session("Lunch", "12:00", 60, null), session("Track", "13:00", 90, "a")];
		expect(
			placementProblems({ day: 2, startTime: "23:45", durationMinutes: 30, roomId: null }, context([], 1)),
		).toEqual({
			day: "The edition has 1 day.",
			durationMinutes: "The session would end after midnight (00:15 the next day); end it by 24:00.",
		});
		expect(
			placementProblems({ day: 1, startTime: "11:30", durationMinutes: 60, roomId: "b" }, context(others)),
		).toEqual({
			startTime: "Overlaps “Lunch” in all rooms, 12:00–13:00.",
		});
		expect(
			placementProblems({ day: 1, startTime: "14:00", durationMinutes: 30, roomId: "a" }, context(others)),
		).toEqual({
			startTime: "Overlaps “Track” in Room a, 13:00–14:30.",
		});
		// Another room at the same time is fine: that is what parallel tracks are.
		expect(
			placementProblems({ day: 1, startTime: "14:00", durationMinutes: 30, roomId: "b" }, context(others)),
		).toEqual({});
	});
});

describe("lectures and talk lengths", () => {
	it("ties a named lecture to the named-lecture kind, both ways", () => {
		expect(lectureProblems({ kind: "named_lecture", namedLectureId: "l" })).toEqual({});
		expect(lectureProblems({ kind: "plenary", namedLectureId: null })).toEqual({});
		expect(Object.keys(lectureProblems({ kind: "named_lecture", namedLectureId: null }))).toEqual(["namedLectureId"]);
		expect(Object.keys(lectureProblems({ kind: "panel", namedLectureId: "l" }))).toEqual(["namedLectureId"]);
	});

	it("lets talks without a duration fill the session, and refuses talks that add up to more", () => {
		const talks = [{ durationMinutes: 30 }, { durationMinutes: null }];
		expect(sessionLengthProblems(30, talks)).toEqual({});
		expect(sessionLengthProblems(29, talks)).toEqual({
			durationMinutes: "The talks of this session take 30 minutes; make the session at least that long.",
		});
		expect(talkFitProblems({ durationMinutes: 60 }, { durationMinutes: 90 }, talks)).toEqual({});
		expect(talkFitProblems({ durationMinutes: 61 }, { durationMinutes: 90 }, talks)).toEqual({
			durationMinutes: "The talks would take 91 minutes, but the session lasts 90.",
		});
	});
});

describe("programWarnings", () => {
	it("warns once per speaker in two overlapping sessions, not for one person twice in one session", () => {
		const a = { ...session("a", "10:00", 60, "r1"), speakerIds: ["ada", "ada", "ben"] };
		const b = { ...session("b", "10:30", 60, "r2"), speakerIds: ["ada"] };
		const later = { ...session("c", "11:30", 60, "r2"), speakerIds: ["ada", "ben"] };
		expect(programWarnings([later, b, a])).toEqual([{ kind: "speaker", speakerId: "ada", sessions: [a, b] }]);
	});

	it("warns about two sessions sharing a room at once, a session without room sharing every room", () => {
		const track = { ...session("track", "10:00", 60, "r1"), speakerIds: [] };
		const plenary = { ...session("plenary", "10:30", 30, null), speakerIds: [] };
		const otherDay = { ...session("x", "10:00", 60, "r1", 2), speakerIds: [] };
		expect(programWarnings([track, plenary, otherDay])).toEqual([{ kind: "room", sessions: [track, plenary] }]);
	});
});
