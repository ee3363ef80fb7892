import { describe, expect, it } from "vitest";
import type { Room, Track } from "../../../src/db/schema";
import type { ProgramData, ProgramSessionView } from "../../../src/features/site/program-data";
import { programGrid } from "../../../src/features/site/program-grid";

const room = (id: string, position: number): Room => ({ id, editionId: "e", name: id, capacity: null, position });
const track = (id: string): Track => ({ id, editionId: "e", name: id, audience: "", color: "#000000", position: 0 });

const hall = room("hall", 1);
const roomA = room("a", 2);
const roomB = room("b", 3);
const foyer = room("foyer", 4);
const clinical = track("clinical");
const physics = track("physics");

let seq = 0;
function session(day: number, startTime: string, where: Room | null, on: Track | null = null): ProgramSessionView {
	seq++;
	return {
		id: `s${seq}`,
		seq,
		guid: `g${seq}`,
		kind: on ? "track" : "plenary",
		title: `S${seq}`,
		description: "",
		day,
		startTime,
		durationMinutes: 60,
		trackId: on?.id ?? null,
		roomId: where?.id ?? null,
		namedLectureId: null,
		revision: 0,
		date: `2030-01-0${day}`,
		endTime: "",
		start: new Date(0),
		end: new Date(0),
		room: where,
		track: on,
		namedLecture: null,
		chairs: [],
		talks: [],
	};
}

/** Each slot of each day as "time: title@column" (column "*" when the session spans). */
const shape = (program: ProgramData, filter?: Track) =>
	programGrid(program, filter).map((day) => ({
		day: day.day,
		columns: day.columns.map((r) => r.id),
		slots: day.slots.map(
			(slot) => `${slot.startTime}: ${slot.cells.map((c) => `${c.session.title}@${c.column ?? "*"}`).join(" ")}`,
		),
	}));

describe("programGrid", () => {
	seq = 0;
	const sessions = [
		session(1, "09:00", hall),
		session(1, "10:00", roomA, clinical),
		session(1, "10:00", roomB, physics),
		session(1, "11:00", null),
		session(1, "12:00", foyer),
		// A slot of parallel sessions with one for all rooms (no room): that one spans on its own row.
		session(1, "13:00", null),
		session(1, "13:00", roomB, physics),
		session(3, "09:00", roomA, clinical),
	];
	const program: ProgramData = {
		days: [1, 2, 3].map((day) => ({ day, date: `2030-01-0${day}` })),
		rooms: [hall, roomA, roomB, foyer],
		tracks: [clinical, physics],
		sessions,
	};

	it("makes columns of the rooms of parallel sessions only, and lets a session alone in its slot span them", () => {
		expect(shape(program)).toEqual([
			{
				day: 1,
				columns: ["a", "b"],
				slots: ["09:00: S1@*", "10:00: S2@1 S3@2", "11:00: S4@*", "12:00: S5@*", "13:00: S6@* S7@2"],
			},
			// Day 2 has no sessions: no section. Day 3 has no parallel sessions: no columns.
			{ day: 3, columns: [], slots: ["09:00: S8@*"] },
		]);
	});

	it("filtered by a track, keeps that track's sessions and those of no track; what is left alone spans", () => {
		expect(shape(program, clinical)).toEqual([
			{ day: 1, columns: [], slots: ["09:00: S1@*", "10:00: S2@*", "11:00: S4@*", "12:00: S5@*", "13:00: S6@*"] },
			{ day: 3, columns: [], slots: ["09:00: S8@*"] },
		]);
	});

	it("still shows a session on a day the edition no longer has", () => {
		const stray = { ...session(5, "09:00", hall), date: "2030-01-05" };

		expect(shape({ ...program, sessions: [stray] })).toEqual([{ day: 5, columns: [], slots: ["09:00: S9@*"] }]);
	});
});
