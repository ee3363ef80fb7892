import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createPersonalToken } from "../../../src/features/accounts/personal-tokens";
import { createTestUser, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { request, seed, testDb } from "../../helpers";
import { contentVersion, createEdition, programState, VAALBURG } from "./helpers";

const E = "program-api-2025";
const OTHER = "program-api-other";
const api = `/api/v1/editions/${E}`;
let chair: TestUser;
let bearer: string;

type Json = Record<string, unknown>;
const dataOf = async (res: Response) => (await res.json<{ data: Json }>()).data;
const errorOf = async (res: Response) =>
	(await res.json<{ error: { code: string; fields?: Record<string, string> } }>()).error;

beforeAll(async () => {
	await seed();
	chair = await createTestUser("chair");
	await createEdition(E, { year: 2037, start: "2037-10-05", end: "2037-10-07" });
	await createEdition(OTHER, { year: 2039, start: "2039-10-03", end: "2039-10-05" });
	await addCommitteeMember({ editionId: E, user: chair, role: "chair" });
	// A series of its own, for a named lecture that AINM's editions may not hold.
	await env.DB.batch([
		env.DB.prepare("insert into series (id, slug, name, short_name) values ('other-series', 'other', 'Other', 'OTH')"),
		env.DB.prepare(
			"insert into named_lectures (id, series_id, slug, name, honoree) values ('other-lecture', 'other-series', 'x', 'X lecture', 'X')",
		),
		...[
			["api-room-a", E, "Room A", 1],
			["api-room-b", E, "Room B", 2],
			["other-room", OTHER, "Elsewhere", 1],
		].map(([id, edition, name, position]) =>
			env.DB.prepare("insert into rooms (id, edition_id, name, position) values (?, ?, ?, ?)").bind(
				id,
				edition,
				name,
				position,
			),
		),
		env.DB.prepare("insert into tracks (id, edition_id, name) values ('api-track', ?, 'Clinical track')").bind(E),
		env.DB.prepare("insert into tracks (id, edition_id, name) values ('other-track', ?, 'Elsewhere')").bind(OTHER),
		...[
			["api-ada", E, 1, "Ada Example"],
			["api-ben", E, 2, "Ben Example"],
			["other-speaker", OTHER, 1, "Cy Elsewhere"],
		].map(([id, edition, seq, name]) =>
			env.DB.prepare("insert into speakers (id, edition_id, seq, name, fictional) values (?, ?, ?, ?, 1)").bind(
				id,
				edition,
				seq,
				name,
			),
		),
		// Standing sessions the bad input collides with: a track session in Room A and a break in all rooms.
		env.DB.prepare(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, room_id) values ('api-track-session', ?, 1, 'g-1', 'track', 'Lesion detection', 1, '10:45', 90, 'api-room-a')",
		).bind(E),
		env.DB.prepare(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('api-break', ?, 2, 'g-2', 'break', 'Coffee break', 1, '10:15', 30)",
		).bind(E),
		env.DB.prepare(
			"insert into talks (id, edition_id, session_id, position, title, duration_minutes) values ('api-talk', ?, 'api-track-session', 1, 'First', 60)",
		).bind(E),
	]);
	const created = await createPersonalToken(testDb(), chair.id, {
		name: "Program sync",
		access: "write",
		scope: { kind: "edition", id: E },
		expiresInDays: 30,
	});
	bearer = created.secret;
});

describe("program API round trip", () => {
	it("adds, reads, changes and removes a session and its talks, bumping the content version once per write", async () => {
		const start = await contentVersion(E);
		const created = await sendJson(
			"POST",
			`${api}/sessions`,
			{
				kind: "named_lecture",
				title: "Willem Vaalburg lecture 2037",
				day: 2,
				startTime: "09:00",
				durationMinutes: 45,
				roomId: "api-room-b",
				namedLectureId: VAALBURG,
				chairIds: ["api-ben"],
			},
			{ bearer },
		);
		expect(created.status).toBe(201);
		const session = await dataOf(created);
		expect(session).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			seq: 3,
			guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			kind: "named_lecture",
			title: "Willem Vaalburg lecture 2037",
			description: "",
			day: 2,
			date: "2037-10-06",
			startTime: "09:00",
			durationMinutes: 45,
			roomId: "api-room-b",
			trackId: null,
			namedLectureId: VAALBURG,
			chairIds: ["api-ben"],
			talks: [],
		});
		expect(await contentVersion(E)).toBe(start + 1);

		const talk = await sendJson(
			"POST",
			`${api}/sessions/${session.id}/talks`,
			{ title: "The future of PET", abstract: "Looking *ahead*.", speakerIds: ["api-ada", "api-ben"] },
			{ bearer },
		);
		expect(talk.status).toBe(201);
		const talkData = await dataOf(talk);
		expect(talkData).toEqual({
			id: expect.any(String),
			sessionId: session.id,
			position: 1,
			title: "The future of PET",
			abstract: "Looking *ahead*.",
			durationMinutes: null,
			speakerIds: ["api-ada", "api-ben"],
		});
		expect(await contentVersion(E)).toBe(start + 2);

		// PATCH: only what is sent changes; lists are replaced whole and keep the order sent.
		const patchedTalk = await sendJson(
			"PATCH",
			`${api}/talks/${talkData.id}`,
			{ speakerIds: ["api-ben", "api-ada"], durationMinutes: 40 },
			{ bearer },
		);
		expect(patchedTalk.status).toBe(200);
		expect(await dataOf(patchedTalk)).toEqual({ ...talkData, durationMinutes: 40, speakerIds: ["api-ben", "api-ada"] });
		const patched = await sendJson(
			"PATCH",
			`${api}/sessions/${session.id}`,
			{ title: "Vaalburg lecture", startTime: "09:15", chairIds: [] },
			{ bearer },
		);
		expect(patched.status).toBe(200);
		expect(await dataOf(patched)).toEqual({
			...session,
			title: "Vaalburg lecture",
			startTime: "09:15",
			chairIds: [],
			talks: [{ ...talkData, durationMinutes: 40, speakerIds: ["api-ben", "api-ada"] }],
		});
		expect(await contentVersion(E)).toBe(start + 4);

		const list = await request(`${api}/sessions`, { headers: { Authorization: `Bearer ${bearer}` } });
		expect(list.status).toBe(200);
		const sessions = (await list.json<{ data: Json[] }>()).data;
		// By day and start time, all-room sessions first within a time.
		expect(sessions.map((s) => [s.day, s.startTime, s.title])).toEqual([
			[1, "10:15", "Coffee break"],
			[1, "10:45", "Lesion detection"],
			[2, "09:15", "Vaalburg lecture"],
		]);
		const one = await request(`${api}/sessions/${session.id}`, { headers: { Authorization: `Bearer ${bearer}` } });
		expect(await dataOf(one)).toEqual(sessions[2]);

		expect((await sendJson("DELETE", `${api}/talks/${talkData.id}`, undefined, { bearer })).status).toBe(204);
		expect(await contentVersion(E)).toBe(start + 5);
		await sendJson(
			"POST",
			`${api}/sessions/${session.id}/talks`,
			{ title: "Again", speakerIds: ["api-ada"] },
			{ bearer },
		);
		expect((await sendJson("DELETE", `${api}/sessions/${session.id}`, undefined, { bearer })).status).toBe(204);
		expect(await contentVersion(E)).toBe(start + 7);
		const state = await programState(E);
		expect(state.sessions.map((s) => s.id)).toEqual(["api-track-session", "api-break"]);
		expect(state.talks.map((t) => t.id)).toEqual(["api-talk"]);
		expect(state.talkSpeakers).toEqual([]);
		expect(state.chairs).toEqual([]);
		expect(
			(await request(`${api}/sessions/${session.id}`, { headers: { Authorization: `Bearer ${bearer}` } })).status,
		).toBe(404);
	});

	it("keeps seq and guid: a new session takes the next number, and PATCH cannot change either", async () => {
		const res = await sendJson(
			"POST",
			`${api}/sessions`,
			{ kind: "social", title: "Dinner", day: 3, startTime: "19:00", durationMinutes: 180, roomId: "api-room-b" },
			{ bearer },
		);
		const session = await dataOf(res);
		// The next number after the highest in use: the removed lecture held 3, so 3 is free again.
		expect(session.seq).toBe(3);
		const before = await programState(E);
		const patch = await sendJson("PATCH", `${api}/sessions/${session.id}`, { seq: 99, guid: "x" }, { bearer });
		expect(patch.status).toBe(400);
		expect((await errorOf(patch)).fields).toEqual({ _: expect.stringContaining("seq") });
		expect(await programState(E)).toEqual(before);
	});

	it("is described in the OpenAPI document under Program", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			paths: Record<string, Record<string, { tags?: string[] }>>;
		}>();
		const paths = {
			"/api/v1/editions/{id}/sessions": ["get", "post"],
			"/api/v1/editions/{id}/sessions/{sessionId}": ["get", "patch", "delete"],
			"/api/v1/editions/{id}/sessions/{sessionId}/talks": ["post"],
			"/api/v1/editions/{id}/talks/{talkId}": ["patch", "delete"],
		};
		for (const [path, methods] of Object.entries(paths)) {
			expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
			for (const method of methods) expect(doc.paths[path]?.[method]?.tags).toEqual(["Program"]);
		}
	});
});

const valid = { kind: "plenary", title: "Plenary", day: 1, startTime: "14:00", durationMinutes: 60 };

describe("bad session input changes nothing", () => {
	it.each([
		["a day after the edition's last", { day: 4 }, 422, { day: "The edition has 3 days." }],
		["day 0", { day: 0 }, 400, { day: "Use 1 or more." }],
		[
			"an end after midnight",
			{ startTime: "23:30", durationMinutes: 60 },
			422,
			{ durationMinutes: "The session would end after midnight (00:30 the next day); end it by 24:00." },
		],
		["a duration under 5 minutes", { durationMinutes: 4 }, 400, { durationMinutes: "Use 5 or more." }],
		["a duration over 12 hours", { durationMinutes: 721 }, 400, { durationMinutes: "Use 720 or less." }],
		["a start that is no time", { startTime: "9:30" }, 400, { startTime: "Use 24-hour time like 09:30." }],
		["an unknown kind", { kind: "keynote" }, 400, { kind: "Choose one of the options." }],
		["an unknown room", { roomId: "no-such-room" }, 422, { roomId: "Choose a room of this edition." }],
		["another edition's room", { roomId: "other-room" }, 422, { roomId: "Choose a room of this edition." }],
		["another edition's track", { trackId: "other-track" }, 422, { trackId: "Choose a track of this edition." }],
		[
			"another edition's speaker as chair",
			{ chairIds: ["api-ada", "other-speaker"] },
			422,
			{ chairIds: "Choose chairs among the speakers of this edition." },
		],
		["the same chair twice", { chairIds: ["api-ada", "api-ada"] }, 400, { chairIds: "Choose each one only once." }],
		[
			"another series' named lecture",
			{ kind: "named_lecture", namedLectureId: "other-lecture" },
			422,
			{ namedLectureId: "Choose a named lecture of this series." },
		],
		[
			"a named lecture session without its lecture",
			{ kind: "named_lecture" },
			422,
			{ namedLectureId: "Choose the named lecture this session holds." },
		],
		[
			"a named lecture on a plenary",
			{ namedLectureId: VAALBURG },
			422,
			{ namedLectureId: "Only a session of the kind Named lecture holds a named lecture." },
		],
		[
			"the same room at an overlapping time",
			{ startTime: "12:00", roomId: "api-room-a" },
			422,
			{ startTime: "Overlaps “Lesion detection” in Room A, 10:45–12:15." },
		],
		[
			"all rooms while a room is in use",
			{ startTime: "12:00" },
			422,
			{ startTime: "Overlaps “Lesion detection” in Room A, 10:45–12:15." },
		],
		[
			"a room during a break in all rooms",
			{ startTime: "10:00", durationMinutes: 30, roomId: "api-room-b" },
			422,
			{ startTime: "Overlaps “Coffee break” in all rooms, 10:15–10:45." },
		],
		["an overlong title", { title: "x".repeat(201) }, 400, { title: "Use at most 200 characters." }],
		[
			"markdown with a script",
			{ description: "<script>alert(1)</script>" },
			400,
			{ description: "Use Markdown only: scripts, raw HTML and javascript: links are not allowed." },
		],
		[
			"a javascript: link",
			{ description: "[x](javascript:alert(1))" },
			400,
			{ description: "Use Markdown only: scripts, raw HTML and javascript: links are not allowed." },
		],
		["a field the API does not know", { seq: 7 }, 400, { _: expect.stringContaining("seq") }],
	])("refuses %s", async (_, change, status, fields) => {
		const before = await programState(E);
		const res = await sendJson("POST", `${api}/sessions`, { ...valid, ...change }, { bearer });
		expect(res.status).toBe(status);
		const error = await errorOf(res);
		expect(error.code).toBe(status === 400 ? "invalid_input" : "invalid_program");
		expect(error.fields).toEqual(fields);
		expect(await programState(E)).toEqual(before);
	});

	it("accepts a session that starts as another ends, and one in another room at the same time", async () => {
		const before = await contentVersion(E);
		const after = await sendJson(
			"POST",
			`${api}/sessions`,
			{ ...valid, startTime: "12:15", durationMinutes: 30, roomId: "api-room-a" },
			{ bearer },
		);
		expect(after.status).toBe(201);
		const parallel = await sendJson(
			"POST",
			`${api}/sessions`,
			{ ...valid, kind: "track", startTime: "11:00", durationMinutes: 60, roomId: "api-room-b", trackId: "api-track" },
			{ bearer },
		);
		expect(parallel.status).toBe(201);
		expect(await contentVersion(E)).toBe(before + 2);
	});

	it("refuses a PATCH that would break a rule, laid over the stored values (422, nothing written)", async () => {
		const before = await programState(E);
		const shorter = await sendJson("PATCH", `${api}/sessions/api-track-session`, { durationMinutes: 45 }, { bearer });
		expect(shorter.status).toBe(422);
		expect((await errorOf(shorter)).fields).toEqual({
			durationMinutes: "The talks of this session take 60 minutes; make the session at least that long.",
		});
		const late = await sendJson("PATCH", `${api}/sessions/api-track-session`, { day: 9 }, { bearer });
		expect(late.status).toBe(422);
		expect((await errorOf(late)).fields).toEqual({ day: "The edition has 3 days." });
		const notJson = await request(`${api}/sessions/api-track-session`, {
			method: "PATCH",
			headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
			body: "{not json",
		});
		expect(notJson.status).toBe(400);
		const list = await sendJson("PATCH", `${api}/sessions/api-track-session`, [1, 2], { bearer });
		expect(list.status).toBe(400);
		expect(await programState(E)).toEqual(before);
	});
});

describe("bad talk input changes nothing", () => {
	it.each([
		[
			"talks longer than their session",
			{ title: "Second", durationMinutes: 31 },
			422,
			{ durationMinutes: "The talks would take 91 minutes, but the session lasts 90." },
		],
		[
			"another edition's speaker",
			{ title: "Second", speakerIds: ["other-speaker"] },
			422,
			{ speakerIds: "Choose speakers of this edition." },
		],
		["no title", { abstract: "Text" }, 400, { title: "Title is required." }],
		["an overlong title", { title: "x".repeat(301) }, 400, { title: "Use at most 300 characters." }],
		[
			"an abstract with a script",
			{ title: "Second", abstract: '<img src=x onerror="alert(1)">' },
			400,
			{ abstract: "Use Markdown only: scripts, raw HTML and javascript: links are not allowed." },
		],
		["speakers that are no list", { title: "Second", speakerIds: 5 }, 400, { speakerIds: "Send a list of ids." }],
	])("refuses %s", async (_, body, status, fields) => {
		const before = await programState(E);
		const res = await sendJson("POST", `${api}/sessions/api-track-session/talks`, body, { bearer });
		expect(res.status).toBe(status);
		expect((await errorOf(res)).fields).toEqual(fields);
		expect(await programState(E)).toEqual(before);
	});

	it("refuses a talk PATCH that would overrun the session, counting the other talks only", async () => {
		const before = await programState(E);
		expect((await sendJson("PATCH", `${api}/talks/api-talk`, { durationMinutes: 90 }, { bearer })).status).toBe(200);
		const res = await sendJson("PATCH", `${api}/talks/api-talk`, { durationMinutes: 91 }, { bearer });
		expect(res.status).toBe(422);
		expect((await errorOf(res)).fields).toEqual({
			durationMinutes: "The talks would take 91 minutes, but the session lasts 90.",
		});
		await sendJson("PATCH", `${api}/talks/api-talk`, { durationMinutes: 60 }, { bearer });
		expect((await programState(E)).talks).toEqual(before.talks);
	});

	it("answers 404 for a talk or session of another edition", async () => {
		await env.DB.prepare(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('other-session', ?, 1, 'g-o', 'plenary', 'Elsewhere', 1, '09:00', 30)",
		)
			.bind(OTHER)
			.run();
		const before = await programState(OTHER);
		expect((await sendJson("POST", `${api}/sessions/other-session/talks`, { title: "Hop" }, { bearer })).status).toBe(
			404,
		);
		expect((await sendJson("DELETE", `${api}/sessions/other-session`, undefined, { bearer })).status).toBe(404);
		expect(await programState(OTHER)).toEqual(before);
	});
});

describe("who may use the program API", () => {
	let reviewer: TestUser;
	let mentor: TestUser;
	let otherChair: TestUser;

	beforeAll(async () => {
		reviewer = await createTestUser("reviewer");
		mentor = await createTestUser("mentor");
		otherChair = await createTestUser("other-chair");
		await addCommitteeMember({ editionId: E, user: reviewer, role: "reviewer" });
		await addCommitteeMember({ editionId: E, user: mentor, role: "mentor", mentorUntil: "2999-12-31" });
		await addCommitteeMember({ editionId: OTHER, user: otherChair, role: "chair" });
	});

	const writes = [
		["POST", `${api}/sessions`, valid],
		["PATCH", `${api}/sessions/api-track-session`, { title: "Renamed" }],
		["DELETE", `${api}/sessions/api-track-session`, undefined],
		["POST", `${api}/sessions/api-track-session/talks`, { title: "Sneaky" }],
		["PATCH", `${api}/talks/api-talk`, { title: "Renamed" }],
		["DELETE", `${api}/talks/api-talk`, undefined],
	] as const;

	it.each([
		["reviewer", () => reviewer],
		["mentor", () => mentor],
	])("a %s may read the program but not change it (403)", async (_, who) => {
		const before = await programState(E);
		expect((await sendJson("GET", `${api}/sessions`, undefined, { cookie: who().cookie })).status).toBe(200);
		for (const [method, path, body] of writes) {
			expect((await sendJson(method, path, body, { cookie: who().cookie })).status, `${method} ${path}`).toBe(403);
		}
		expect(await programState(E)).toEqual(before);
	});

	it("another edition's chair gets 404 for this draft; a signed-out caller 401", async () => {
		const before = await programState(E);
		expect((await sendJson("GET", `${api}/sessions`, undefined, { cookie: otherChair.cookie })).status).toBe(404);
		for (const [method, path, body] of writes) {
			expect((await sendJson(method, path, body, { cookie: otherChair.cookie })).status, `${method} ${path}`).toBe(404);
			expect((await sendJson(method, path, body)).status, `${method} ${path}`).toBe(401);
		}
		expect(await programState(E)).toEqual(before);
	});

	it("a read-only token may list but not write", async () => {
		const { secret } = await createPersonalToken(testDb(), chair.id, {
			name: "Read only",
			access: "read",
			scope: { kind: "edition", id: E },
			expiresInDays: 30,
		});
		const before = await programState(E);
		expect((await sendJson("GET", `${api}/sessions`, undefined, { bearer: secret })).status).toBe(200);
		expect((await sendJson("POST", `${api}/sessions`, valid, { bearer: secret })).status).toBe(403);
		expect(await programState(E)).toEqual(before);
	});
});
