import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, postForm, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { seed } from "../../helpers";
import { contentVersion, createEdition, escaped, optionValue, programState, VAALBURG } from "./helpers";

let chair: TestUser;

const rows = async (sql: string, ...params: unknown[]) =>
	(
		await env.DB.prepare(sql)
			.bind(...params)
			.all<Record<string, unknown>>()
	).results;

/** The href of the link titled `title` on a page, as a browser follows it. */
function linkTo(html: string, title: string): string {
	const link = new RegExp(`<a href="([^"]+)">${escaped(title)}</a>`).exec(html);
	if (!link?.[1]) throw new Error(`no link to ${title}`);
	return link[1];
}

/** Posts a form as a browser does and expects the redirect that follows a success. */
async function postOk(path: string, fields: Record<string, string>, user = chair): Promise<string> {
	const res = await postForm(path, fields, user.cookie);
	if (res.status !== 303) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
	return res.headers.get("Location") ?? "";
}

/** Every control of the add-session form, blank or at its default, as a browser posts it. */
const sessionForm = (fields: Record<string, string>) => ({
	kind: "plenary",
	title: "",
	description: "",
	day: "1",
	startTime: "",
	durationMinutes: "",
	roomId: "",
	trackId: "",
	namedLectureId: "",
	"chairIds.1": "",
	"chairIds.2": "",
	"chairIds.3": "",
	...fields,
});

const talkForm = (fields: Record<string, string>) => ({
	"talk-title": "",
	"talk-abstract": "",
	"talk-durationMinutes": "",
	"talk-position": "",
	"talk-speakerIds.1": "",
	"talk-speakerIds.2": "",
	"talk-speakerIds.3": "",
	"talk-speakerIds.4": "",
	...fields,
});

beforeAll(async () => {
	await seed();
	chair = await createTestUser("chair");
});

describe("building a program in the console", () => {
	const E = "program-build-2025";
	const program = `/console/editions/${E}/program`;

	beforeAll(async () => {
		await createEdition(E, { year: 2025, start: "2025-10-06", end: "2025-10-06" });
		await addCommitteeMember({ editionId: E, user: chair, role: "chair" });
	});

	it("a chair builds a two-track, one-day program from an empty edition, and the database holds exactly it", async () => {
		const before = await contentVersion(E);

		// Rooms, tracks and speakers through the content collection forms.
		for (const [name, capacity, position] of [
			["Aula Magna", "400", "1"],
			["Sala Clinica", "150", "2"],
			["Sala Fisica", "150", "3"],
		] as const) {
			expect(await postOk(`/console/editions/${E}/rooms`, { name, capacity, position })).toBe(
				`/console/editions/${E}/rooms?notice=added`,
			);
		}
		await postOk(`/console/editions/${E}/tracks`, {
			name: "Clinical track",
			audience: "clinicians",
			color: "#1f6f43",
			position: "1",
		});
		await postOk(`/console/editions/${E}/tracks`, {
			name: "Physics and technology track",
			audience: "physicists and technical specialists",
			color: "#6b3fa0",
			position: "2",
		});
		for (const name of ["Giulia Bianchi", "Marco Verdi", "Sofia Russo", "Luca Ferrari"]) {
			await postOk(`/console/editions/${E}/speakers`, {
				name: `${name} (fictional)`,
				affiliation: "Università di Esempio",
				country: "IT",
				bio: "",
				photoUrl: "",
				orcid: "",
			});
		}

		// The program page offers the edition's day, rooms, tracks, speakers and the series' lectures.
		const empty = await (await getAs(program, chair.cookie)).text();
		expect(empty).toContain("Day 1 · Monday 6 October");
		expect(empty).toContain("Nothing planned yet.");
		const room = (label: string) => optionValue(empty, "roomId", label);
		const track = (label: string) => optionValue(empty, "trackId", label);
		const speaker = (name: string) => optionValue(empty, "chairIds.1", `${name} (fictional)`);
		expect(optionValue(empty, "roomId", "All rooms")).toBe("");
		expect(optionValue(empty, "namedLectureId", "Willem Vaalburg lecture")).toBe(VAALBURG);

		const sessions = [
			sessionForm({
				title: "Opening",
				description: "**Welcome** to Rome.",
				startTime: "09:00",
				durationMinutes: "30",
				"chairIds.1": speaker("Giulia Bianchi"),
			}),
			sessionForm({
				kind: "track",
				title: "Lesion detection",
				startTime: "09:30",
				durationMinutes: "90",
				roomId: room("Sala Clinica"),
				trackId: track("Clinical track"),
				"chairIds.1": speaker("Marco Verdi"),
			}),
			sessionForm({
				kind: "track",
				title: "Attenuation correction",
				startTime: "09:30",
				durationMinutes: "90",
				roomId: room("Sala Fisica"),
				trackId: track("Physics and technology track"),
			}),
			sessionForm({ kind: "break", title: "Coffee break", startTime: "11:00", durationMinutes: "30" }),
			sessionForm({
				kind: "named_lecture",
				title: "Willem Vaalburg lecture 2025",
				startTime: "11:30",
				durationMinutes: "45",
				roomId: room("Aula Magna"),
				namedLectureId: VAALBURG,
			}),
			sessionForm({
				kind: "panel",
				title: "Joint panel",
				startTime: "12:15",
				durationMinutes: "60",
				roomId: room("Aula Magna"),
				// Blank slots between chairs are skipped; the order is the slots' order.
				"chairIds.1": speaker("Sofia Russo"),
				"chairIds.3": speaker("Giulia Bianchi"),
			}),
		];
		for (const fields of sessions) expect(await postOk(program, fields)).toBe(`${program}?notice=added`);

		const overview = await (await getAs(program, chair.cookie)).text();
		const clinical = linkTo(overview, "Lesion detection");
		const physics = linkTo(overview, "Attenuation correction");
		const lecture = linkTo(overview, "Willem Vaalburg lecture 2025");
		expect(clinical).toMatch(new RegExp(`^${program}/[0-9a-f-]{36}$`));

		const talks: [string, Record<string, string>][] = [
			[
				clinical,
				talkForm({
					"talk-title": "Deep learning for lesion detection",
					"talk-abstract": "We compare *three* detectors.",
					"talk-durationMinutes": "20",
					"talk-speakerIds.1": speaker("Marco Verdi"),
				}),
			],
			[
				clinical,
				talkForm({
					"talk-title": "Segmentation in practice",
					"talk-durationMinutes": "25",
					"talk-speakerIds.1": speaker("Sofia Russo"),
				}),
			],
			[
				physics,
				talkForm({
					"talk-title": "AI-based attenuation maps",
					"talk-durationMinutes": "30",
					"talk-speakerIds.1": speaker("Luca Ferrari"),
					"talk-speakerIds.2": speaker("Giulia Bianchi"),
				}),
			],
			[lecture, talkForm({ "talk-title": "The future of PET", "talk-speakerIds.1": speaker("Marco Verdi") })],
		];
		for (const [session, fields] of talks) {
			expect(await postOk(`${session}/talks`, fields)).toBe(`${session}?notice=added`);
		}

		expect(
			await rows(
				`select s.seq, s.kind, s.title, s.description, s.day, s.start_time, s.duration_minutes, r.name as room, t.name as track, s.named_lecture_id
				 from sessions s left join rooms r on r.id = s.room_id left join tracks t on t.id = s.track_id
				 where s.edition_id = ? order by s.seq`,
				E,
			),
		).toEqual([
			{
				seq: 1,
				kind: "plenary",
				title: "Opening",
				description: "**Welcome** to Rome.",
				day: 1,
				start_time: "09:00",
				duration_minutes: 30,
				room: null,
				track: null,
				named_lecture_id: null,
			},
			{
				seq: 2,
				kind: "track",
				title: "Lesion detection",
				description: "",
				day: 1,
				start_time: "09:30",
				duration_minutes: 90,
				room: "Sala Clinica",
				track: "Clinical track",
				named_lecture_id: null,
			},
			{
				seq: 3,
				kind: "track",
				title: "Attenuation correction",
				description: "",
				day: 1,
				start_time: "09:30",
				duration_minutes: 90,
				room: "Sala Fisica",
				track: "Physics and technology track",
				named_lecture_id: null,
			},
			{
				seq: 4,
				kind: "break",
				title: "Coffee break",
				description: "",
				day: 1,
				start_time: "11:00",
				duration_minutes: 30,
				room: null,
				track: null,
				named_lecture_id: null,
			},
			{
				seq: 5,
				kind: "named_lecture",
				title: "Willem Vaalburg lecture 2025",
				description: "",
				day: 1,
				start_time: "11:30",
				duration_minutes: 45,
				room: "Aula Magna",
				track: null,
				named_lecture_id: VAALBURG,
			},
			{
				seq: 6,
				kind: "panel",
				title: "Joint panel",
				description: "",
				day: 1,
				start_time: "12:15",
				duration_minutes: 60,
				room: "Aula Magna",
				track: null,
				named_lecture_id: null,
			},
		]);
		expect(
			await rows(
				`select s.seq, p.name, c.position from session_chairs c join sessions s on s.id = c.session_id
				 join speakers p on p.id = c.speaker_id where c.edition_id = ? order by s.seq, c.position`,
				E,
			),
		).toEqual([
			{ seq: 1, name: "Giulia Bianchi (fictional)", position: 0 },
			{ seq: 2, name: "Marco Verdi (fictional)", position: 0 },
			{ seq: 6, name: "Sofia Russo (fictional)", position: 0 },
			{ seq: 6, name: "Giulia Bianchi (fictional)", position: 1 },
		]);
		expect(
			await rows(
				`select s.seq, t.position, t.title, t.abstract, t.duration_minutes from talks t join sessions s on s.id = t.session_id
				 where t.edition_id = ? order by s.seq, t.position`,
				E,
			),
		).toEqual([
			{
				seq: 2,
				position: 1,
				title: "Deep learning for lesion detection",
				abstract: "We compare *three* detectors.",
				duration_minutes: 20,
			},
			{ seq: 2, position: 2, title: "Segmentation in practice", abstract: "", duration_minutes: 25 },
			{ seq: 3, position: 1, title: "AI-based attenuation maps", abstract: "", duration_minutes: 30 },
			{ seq: 5, position: 1, title: "The future of PET", abstract: "", duration_minutes: null },
		]);
		expect(
			await rows(
				`select t.title, p.name, ts.position from talk_speakers ts join talks t on t.id = ts.talk_id
				 join speakers p on p.id = ts.speaker_id where ts.edition_id = ? order by t.title, ts.position`,
				E,
			),
		).toEqual([
			{ title: "AI-based attenuation maps", name: "Luca Ferrari (fictional)", position: 0 },
			{ title: "AI-based attenuation maps", name: "Giulia Bianchi (fictional)", position: 1 },
			{ title: "Deep learning for lesion detection", name: "Marco Verdi (fictional)", position: 0 },
			{ title: "Segmentation in practice", name: "Sofia Russo (fictional)", position: 0 },
			{ title: "The future of PET", name: "Marco Verdi (fictional)", position: 0 },
		]);
		const guids = (await rows("select guid from sessions where edition_id = ?", E)).map((r) => String(r.guid));
		expect(new Set(guids).size).toBe(6);
		for (const guid of guids)
			expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		// One bump per write: 3 rooms, 2 tracks, 4 speakers, 6 sessions, 4 talks.
		expect(await contentVersion(E)).toBe(before + 19);

		const built = await (await getAs(program, chair.cookie)).text();
		expect(built).not.toContain("Warnings");
		expect(built).not.toContain("Nothing planned yet.");
	});

	it("edits replace a session's chairs and a talk's speakers, and removals take their links along", async () => {
		const overview = await (await getAs(program, chair.cookie)).text();
		const panel = linkTo(overview, "Joint panel");
		const panelPage = await (await getAs(panel, chair.cookie)).text();
		// The session form starts from the stored values, chairs in their slots.
		expect(optionValue(panelPage, "chairIds.1", "Sofia Russo (fictional)")).not.toBe("");
		expect(panelPage).toMatch(/<select[^>]*name="chairIds\.2"[\s\S]*?selected=""[^>]*>Giulia Bianchi \(fictional\)/);
		const speaker = (name: string) => optionValue(panelPage, "chairIds.1", `${name} (fictional)`);
		const before = await contentVersion(E);

		await postOk(
			panel,
			sessionForm({
				kind: "panel",
				title: "Joint panel: from research to routine",
				startTime: "12:15",
				durationMinutes: "75",
				roomId: optionValue(panelPage, "roomId", "Aula Magna"),
				"chairIds.1": speaker("Luca Ferrari"),
			}),
		);
		expect(
			await rows(
				`select p.name, c.position from session_chairs c join sessions s on s.id = c.session_id
				 join speakers p on p.id = c.speaker_id where s.title = ? and c.edition_id = ?`,
				"Joint panel: from research to routine",
				E,
			),
		).toEqual([{ name: "Luca Ferrari (fictional)", position: 0 }]);

		const physics = linkTo(overview, "Attenuation correction");
		const physicsPage = await (await getAs(physics, chair.cookie)).text();
		const talk = linkTo(physicsPage.replace(/<span class="visually-hidden">[^<]*<\/span>/g, ""), "Edit");
		const talkPage = await (await getAs(talk, chair.cookie)).text();
		expect(talkPage).toContain('value="AI-based attenuation maps"');
		await postOk(
			talk,
			talkForm({
				"talk-title": "AI-based attenuation maps",
				"talk-durationMinutes": "30",
				"talk-position": "1",
				"talk-speakerIds.1": speaker("Giulia Bianchi"),
				"talk-speakerIds.2": speaker("Luca Ferrari"),
			}),
		);
		expect(
			await rows(
				`select p.name, ts.position from talk_speakers ts join talks t on t.id = ts.talk_id
				 join speakers p on p.id = ts.speaker_id where t.title = ? order by ts.position`,
				"AI-based attenuation maps",
			),
		).toEqual([
			{ name: "Giulia Bianchi (fictional)", position: 0 },
			{ name: "Luca Ferrari (fictional)", position: 1 },
		]);

		expect(await postOk(`${talk}/delete`, {})).toBe(`${physics}?notice=removed`);
		expect(await rows("select title from talks where session_id = ?", physics.split("/").pop())).toEqual([]);

		const clinical = linkTo(overview, "Lesion detection");
		const clinicalId = clinical.split("/").pop();
		expect(await postOk(`${clinical}/delete`, {})).toBe(`${program}?notice=removed`);
		expect(await rows("select id from sessions where id = ?", clinicalId)).toEqual([]);
		expect(await rows("select id from talks where session_id = ?", clinicalId)).toEqual([]);
		expect(await rows("select speaker_id from session_chairs where session_id = ?", clinicalId)).toEqual([]);
		expect(
			await rows(
				"select count(*) as n from talk_speakers ts where ts.edition_id = ? and not exists (select 1 from talks t where t.id = ts.talk_id)",
				E,
			),
		).toEqual([{ n: 0 }]);
		// Four writes, four bumps.
		expect(await contentVersion(E)).toBe(before + 4);
	});
});

describe("bad input in the console", () => {
	const E = "program-forms-2025";
	const program = `/console/editions/${E}/program`;
	let breakId: string;

	beforeAll(async () => {
		await createEdition(E, { year: 2031, start: "2031-10-06", end: "2031-10-08" });
		await addCommitteeMember({ editionId: E, user: chair, role: "chair" });
		await env.DB.batch([
			env.DB.prepare("insert into rooms (id, edition_id, name, position) values ('forms-room-a', ?, 'Room A', 1)").bind(
				E,
			),
			env.DB.prepare(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, room_id) values ('forms-track', ?, 1, 'g1', 'track', 'Lesion detection', 1, '10:45', 90, 'forms-room-a')",
			).bind(E),
			env.DB.prepare(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('forms-break', ?, 2, 'g2', 'break', 'Coffee break', 1, '10:15', 30)",
			).bind(E),
		]);
		breakId = "forms-break";
	});

	const good = { kind: "plenary", title: "Plenary", startTime: "14:00", durationMinutes: "60", day: "1" };

	it.each([
		["a day after the edition's last", { day: "4" }, 422, "The edition has 3 days."],
		[
			"an end after midnight",
			{ startTime: "23:30", durationMinutes: "60" },
			422,
			"The session would end after midnight (00:30 the next day); end it by 24:00.",
		],
		[
			"the same room at an overlapping time",
			{ startTime: "11:00", roomId: "forms-room-a" },
			422,
			"Overlaps “Lesion detection” in Room A, 10:45–12:15.",
		],
		["an unknown room", { roomId: "no-such-room" }, 422, "Choose a room of this edition."],
		["an overlong title", { title: "x".repeat(201) }, 400, "Use at most 200 characters."],
		[
			"markdown with a script",
			{ description: "Hi <script>alert(1)</script>" },
			400,
			"Use Markdown only: scripts, raw HTML and javascript: links are not allowed.",
		],
		["a start that is no time", { startTime: "25:00" }, 400, "Use 24-hour time like 09:30."],
	])("refuses %s with the message beside the field, writing nothing", async (_, change, status, message) => {
		const before = await programState(E);
		const res = await postForm(program, sessionForm({ ...good, ...change }), chair.cookie);
		expect(res.status).toBe(status);
		const html = await res.text();
		expect(html).toContain(escaped(message));
		// What was typed is shown again.
		expect(html).toContain(escaped((change as { title?: string }).title ?? good.title));
		expect(await programState(E)).toEqual(before);
	});

	it("refuses a talk that would overrun its session on the session page, naming the talk form's field", async () => {
		const session = `${program}/forms-track`;
		await postOk(`${session}/talks`, talkForm({ "talk-title": "First", "talk-durationMinutes": "60" }));
		const before = await programState(E);
		const res = await postForm(
			`${session}/talks`,
			talkForm({ "talk-title": "Second", "talk-durationMinutes": "45" }),
			chair.cookie,
		);
		expect(res.status).toBe(422);
		const html = await res.text();
		expect(html).toContain("The talks would take 105 minutes, but the session lasts 90.");
		expect(html).toContain('<a href="#field-talk-durationMinutes">');
		expect(html).toContain('id="field-talk-durationMinutes-error"');
		expect(await programState(E)).toEqual(before);
	});

	it("refuses to move a session into the break's time, which takes all rooms", async () => {
		const before = await programState(E);
		const res = await postForm(
			`${program}/forms-track`,
			sessionForm({
				kind: "track",
				title: "Lesion detection",
				startTime: "10:00",
				durationMinutes: "90",
				roomId: "forms-room-a",
			}),
			chair.cookie,
		);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain(escaped("Overlaps “Coffee break” in all rooms, 10:15–10:45."));
		expect(await programState(E)).toEqual(before);
		expect(breakId).toBe("forms-break");
	});
});

describe("who may change the program", () => {
	const E = "program-access-2025";
	const program = `/console/editions/${E}/program`;
	let reviewer: TestUser;
	let mentor: TestUser;
	let otherChair: TestUser;

	beforeAll(async () => {
		await createEdition(E, { year: 2033, start: "2033-10-03", end: "2033-10-04" });
		reviewer = await createTestUser("reviewer");
		mentor = await createTestUser("mentor");
		otherChair = await createTestUser("other-chair");
		await addCommitteeMember({ editionId: E, user: chair, role: "chair" });
		await addCommitteeMember({ editionId: E, user: reviewer, role: "reviewer" });
		await addCommitteeMember({ editionId: E, user: mentor, role: "mentor", mentorUntil: "2999-12-31" });
		await addCommitteeMember({ editionId: "seed-edition-ainm-2023", user: otherChair, role: "chair" });
		await env.DB.batch([
			env.DB.prepare(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('access-session', ?, 1, 'ga', 'plenary', 'Opening', 1, '09:00', 30)",
			).bind(E),
			env.DB.prepare(
				"insert into talks (id, edition_id, session_id, position, title) values ('access-talk', ?, 'access-session', 1, 'Welcome')",
			).bind(E),
		]);
	});

	const writes = [
		[program, { kind: "plenary", title: "Sneaky", day: "1", startTime: "12:00", durationMinutes: "30" }],
		[
			`${program}/access-session`,
			{ kind: "plenary", title: "Renamed", day: "1", startTime: "09:00", durationMinutes: "30" },
		],
		[`${program}/access-session/delete`, {}],
		[`${program}/access-session/talks`, { "talk-title": "Sneaky talk" }],
		[`${program}/access-session/talks/access-talk`, { "talk-title": "Renamed talk" }],
		[`${program}/access-session/talks/access-talk/delete`, {}],
	] as const;

	it.each([
		["reviewer", () => reviewer],
		["mentor", () => mentor],
	])("a %s sees the program read-only and cannot change it (403)", async (_, who) => {
		const user = who();
		const before = await programState(E);
		const page = await getAs(program, user.cookie);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain("Opening");
		expect(html).not.toContain("Add a session");
		const session = await (await getAs(`${program}/access-session`, user.cookie)).text();
		expect(session).toContain("Welcome");
		expect(session).not.toContain(
			'<form method="post" action="/console/editions/program-access-2025/program/access-session',
		);
		expect((await getAs(`${program}/access-session/talks/access-talk`, user.cookie)).status).toBe(403);
		for (const [path, fields] of writes) {
			expect((await postForm(path, fields, user.cookie)).status, path).toBe(403);
		}
		expect(await programState(E)).toEqual(before);
	});

	it("another edition's chair gets 404 for this draft, and 403 on a public edition they are not in", async () => {
		const before = await programState(E);
		expect((await getAs(program, otherChair.cookie)).status).toBe(404);
		for (const [path, fields] of writes) {
			expect((await postForm(path, fields, otherChair.cookie)).status, path).toBe(404);
		}
		expect(await programState(E)).toEqual(before);

		// The seed's AINM 2023 is public (archived): its program is known to exist, so the chair of E gets 403.
		const seeded = await programState("seed-edition-ainm-2023");
		const res = await postForm(
			"/console/editions/seed-edition-ainm-2023/program",
			{ kind: "plenary", title: "Sneaky", day: "1", startTime: "20:00", durationMinutes: "30" },
			chair.cookie,
		);
		expect(res.status).toBe(403);
		expect(await programState("seed-edition-ainm-2023")).toEqual(seeded);
	});

	it("answers 404 for a talk asked for under another session, or a session that does not exist", async () => {
		await env.DB.prepare(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('access-other', ?, 2, 'gb', 'plenary', 'Closing', 2, '17:00', 30)",
		)
			.bind(E)
			.run();
		const before = await programState(E);
		expect((await getAs(`${program}/access-other/talks/access-talk`, chair.cookie)).status).toBe(404);
		expect((await postForm(`${program}/access-other/talks/access-talk/delete`, {}, chair.cookie)).status).toBe(404);
		expect((await getAs(`${program}/no-such-session`, chair.cookie)).status).toBe(404);
		expect(await programState(E)).toEqual(before);
	});

	it("sends a signed-out visitor to sign in", async () => {
		const res = await getAs(program);
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/auth/sign-in?next=${encodeURIComponent(program)}`);
	});
});

describe("warnings on the program overview", () => {
	const E = "program-warnings-2025";
	const program = `/console/editions/${E}/program`;

	beforeAll(async () => {
		await createEdition(E, { year: 2035, start: "2035-10-08", end: "2035-10-09" });
		await addCommitteeMember({ editionId: E, user: chair, role: "chair" });
		await env.DB.batch([
			env.DB.prepare("insert into rooms (id, edition_id, name, position) values ('warn-a', ?, 'Room A', 1)").bind(E),
			env.DB.prepare("insert into rooms (id, edition_id, name, position) values ('warn-b', ?, 'Room B', 2)").bind(E),
			env.DB.prepare(
				"insert into speakers (id, edition_id, seq, name, fictional) values ('warn-speaker', ?, 1, 'Ada Example', 1)",
			).bind(E),
		]);
	});

	it("warns when a speaker is in two sessions at overlapping times, without refusing the second", async () => {
		await postOk(program, {
			kind: "track",
			title: "Dosimetry",
			day: "2",
			startTime: "10:00",
			durationMinutes: "60",
			roomId: "warn-a",
			"chairIds.1": "warn-speaker",
		});
		await postOk(program, {
			kind: "track",
			title: "Total-body PET",
			day: "2",
			startTime: "10:30",
			durationMinutes: "60",
			roomId: "warn-b",
		});
		const html = await (await getAs(program, chair.cookie)).text();
		expect(html).not.toContain("Warnings");
		const session = linkTo(html, "Total-body PET");
		await postOk(`${session}/talks`, { "talk-title": "Whole-body kinetics", "talk-speakerIds.1": "warn-speaker" });

		const warned = await (await getAs(program, chair.cookie)).text();
		expect(warned).toContain("Warnings");
		expect(warned).toContain(
			"Ada Example is in two sessions at once on Tuesday 9 October: “Dosimetry” (10:00–11:00) and “Total-body PET” (10:30–11:30).",
		);
		expect(warned).toContain("Day 2 · Tuesday 9 October");
	});
});
