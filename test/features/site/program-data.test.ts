import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../src/db/client";
import { countQueries } from "../../../src/db/query-counter";
import { loadProgram, loadSession } from "../../../src/features/site/program-data";
import { seed, testDb } from "../../helpers";

// With its name: session titles resolve {{edition.name}} from the edition they are loaded for.
const AINM_2023 = {
	id: "seed-edition-ainm-2023",
	name: "AINM 2023",
	startDate: "2023-10-09",
	endDate: "2023-10-11",
	timeZone: "Europe/Amsterdam",
};

beforeAll(async () => {
	await seed();
});

describe("loadProgram", () => {
	it("lists every day of the edition and the rooms and tracks in use, in their order", async () => {
		const program = await loadProgram(testDb(), AINM_2023);
		expect(program.days).toEqual([
			{ day: 1, date: "2023-10-09" },
			{ day: 2, date: "2023-10-10" },
			{ day: 3, date: "2023-10-11" },
		]);
		expect(program.rooms.map((r) => r.name)).toEqual(["Plenary hall", "Room A", "Room B", "Foyer"]);
		expect(program.tracks.map((t) => t.name)).toEqual(["Clinical track", "Physics and technology track"]);
	});

	it("orders sessions by day, start time, all-room sessions first, then room order", async () => {
		const { sessions } = await loadProgram(testDb(), AINM_2023);
		expect(sessions).toHaveLength(23);
		expect(sessions.filter((s) => s.day === 1).map((s) => [s.startTime, s.room?.name ?? null, s.title])).toEqual([
			["08:00", null, "Registration and welcome coffee"],
			["09:00", "Plenary hall", "Opening of AINM 2023"],
			["09:30", "Plenary hall", "Willem Vaalburg lecture 2023"],
			["10:15", null, "Coffee break"],
			["10:45", "Room A", "Lesion detection and segmentation"],
			["10:45", "Room B", "Attenuation correction and data corrections"],
			["12:15", null, "Lunch"],
			["13:15", "Foyer", "Poster session: detection, segmentation and data corrections"],
		]);
	});

	it("gives each session its times in the edition's zone, named lecture, track, chairs and talks with speakers", async () => {
		const { sessions } = await loadProgram(testDb(), AINM_2023);
		const lecture = sessions.find((s) => s.seq === 2);
		expect(lecture).toMatchObject({
			guid: "5eed2023-0000-4000-8000-000000000002",
			kind: "named_lecture",
			date: "2023-10-09",
			startTime: "09:30",
			endTime: "10:15",
			start: new Date("2023-10-09T07:30:00Z"),
			end: new Date("2023-10-09T08:15:00Z"),
			namedLecture: { slug: "willem-vaalburg", name: "Willem Vaalburg lecture" },
			track: null,
			chairs: [],
		});
		expect(lecture?.talks.map((t) => [t.title, t.speakers.map((s) => [s.seq, s.name])])).toEqual([
			["The bright future of nuclear medicine is illuminated by artificial intelligence", [[1, "Arturo Chiti"]]],
		]);

		const track = sessions.find((s) => s.seq === 4);
		expect(track?.track?.name).toBe("Clinical track");
		expect(track?.chairs.map((c) => c.name)).toEqual(["Joana Ferreira"]);
		expect(track?.talks.map((t) => [t.position, t.durationMinutes, t.speakers.map((s) => s.name)])).toEqual([
			[1, 25, ["Chidinma Okafor"]],
			[2, 25, ["Wei Ling Tan"]],
			[3, 25, ["Giulia Marchetti"]],
		]);
	});

	it("leaves out speakers who have not consented to publication", async () => {
		await env.DB.prepare("update speakers set consented_at = null where id = 'seed-2023-speaker-okafor'").run();
		try {
			const session = await loadSession(testDb(), AINM_2023, 4);
			expect(session?.talks[0]?.speakers).toEqual([]);
			expect(session?.talks).toHaveLength(3);
		} finally {
			await env.DB.prepare(
				"update speakers set consented_at = 1693526400000 where id = 'seed-2023-speaker-okafor'",
			).run();
		}
	});

	it("is two D1 statements", async () => {
		const { db, counter } = countQueries(env.DB);
		await loadProgram(createDatabase(db), AINM_2023);
		expect(counter.count).toBe(2);
	});

	it("is empty for an edition without sessions, but still has its days", async () => {
		const program = await loadProgram(testDb(), { ...AINM_2023, id: "no-such-edition" });
		expect(program).toEqual({ days: program.days, rooms: [], tracks: [], sessions: [] });
		expect(program.days).toHaveLength(3);
	});
});

describe("loadSession", () => {
	it("loads one session by seq in two D1 statements", async () => {
		const { db, counter } = countQueries(env.DB);
		const session = await loadSession(createDatabase(db), AINM_2023, 15);
		expect(counter.count).toBe(2);
		expect(session).toMatchObject({ seq: 15, title: "Lunch", kind: "break", room: null, talks: [], chairs: [] });
	});

	it("is undefined for an unknown seq or another edition's session", async () => {
		expect(await loadSession(testDb(), AINM_2023, 999)).toBeUndefined();
		expect(await loadSession(testDb(), { ...AINM_2023, id: "other" }, 2)).toBeUndefined();
	});
});
