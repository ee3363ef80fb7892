import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { passwordProblem, verifyPassword } from "../../../src/auth/passwords";
import { EDITION_ID } from "../../../src/cli/seed/ainm";
import { DEMO_PASSWORD } from "../../../src/cli/seed/demo-accounts";
import { objectOf } from "../../../src/domain/fields";
import { dataOf, inputSchema, listItems } from "../../../src/features/content/collection-store";
import { COLLECTIONS } from "../../../src/features/content/collections";
import { abstractCallSchema, loadAbstractCall } from "../../../src/features/editions/abstract-call";
import { contrastWithWhite, settingsOf, settingsSchema } from "../../../src/features/editions/settings";
import { listProgram } from "../../../src/features/program/program";
import {
	lectureProblems,
	overlaps,
	placementProblems,
	programWarnings,
	sessionLengthProblems,
} from "../../../src/features/program/rules";
import { sessionFields, talkFields } from "../../../src/features/program/schemas";
import { hasUnsafeMarkup } from "../../../src/lib/markdown-input";
import { seed, testDb } from "../../helpers";

const COUNTED = [
	"series",
	"editions",
	"named_lectures",
	"tracks",
	"rooms",
	"speakers",
	"sessions",
	"talks",
	"talk_speakers",
	"session_chairs",
	"pages",
	"edition_people",
	"sponsor_tiers",
	"sponsors",
	"ticket_types",
	"registration_policies",
	"registrations",
	"registration_fields",
	"abstract_calls",
	"review_criteria",
	"survey_questions",
	"checklist_tasks",
	"users",
	"institutions",
	"institution_members",
	"series_stewards",
	"edition_members",
	"host_calls",
	"organizer_reminders",
	"handover_notes",
	"handover_note_links",
	"note_threads",
	"note_messages",
	"email_texts",
	"templates",
	"template_versions",
];

async function rowCounts(): Promise<Record<string, number>> {
	const results = await env.DB.batch(COUNTED.map((t) => env.DB.prepare(`select count(*) as n from ${t}`)));
	return Object.fromEntries(COUNTED.map((t, i) => [t, (results[i]?.results[0] as { n: number } | undefined)?.n ?? 0]));
}

const all = async <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
	(
		await env.DB.prepare(sql)
			.bind(...params)
			.all<T>()
	).results;

/** The real people of shared/seed-facts.md who speak at AINM 2023. */
const REAL_SPEAKERS = ["Arturo Chiti", "Dimitris Visvikis", "Irene Buvat", "Ritumbra Manuvie"];

describe("seedDemo", () => {
	it("loads the AINM series and its 2023 edition", async () => {
		await seed();
		// AINM 2023, plus the made-up demo series' three editions (test/cli/seed/demo-series.test.ts).
		expect(await rowCounts()).toEqual({
			series: 1 + 1,
			editions: 1 + 3,
			named_lectures: 2 + 2,
			tracks: 2 + 3 * 2,
			rooms: 4 + 3 * 3,
			speakers: 16 + 3 * 6,
			sessions: 23 + 3 * 9,
			talks: 22 + 3 * 8,
			talk_speakers: 22 + 3 * 8,
			session_chairs: 6,
			pages: 5 + 3 * 3,
			edition_people: 18 + 3 * 4,
			sponsor_tiers: 2 + 3,
			sponsors: 2 + 3 * 2,
			// AINM 2023's one ticket, without a price (none is among its facts); Student and Regular per demo edition.
			ticket_types: 1 + 3 * 2,
			registration_policies: 3,
			// 252 made-up AINM 2023 registrations; 28 made-up ones and the demo attendee's on the next demo edition.
			registrations: 252 + 29,
			registration_fields: 4 + 3 * 3,
			abstract_calls: 1 + 3,
			review_criteria: 4,
			survey_questions: 6 + 3 * 4,
			// 13 done and one skipped, so the next committee's suggestions show both.
			checklist_tasks: 14,
			users: 7,
			institutions: 1 + 1,
			institution_members: 2 + 1,
			series_stewards: 1 + 1,
			edition_members: 4 + 3,
			host_calls: 1,
			organizer_reminders: 5,
			handover_notes: 16,
			// The notes on the student places and the budget now both name AINM 2023's one ticket.
			handover_note_links: 21,
			note_threads: 1,
			note_messages: 2,
			email_texts: 6,
			templates: 1,
			template_versions: 1,
		});
		const edition = await env.DB.prepare(
			"select name, start_date, end_date, time_zone, city, country, status from editions where id = ?",
		)
			.bind(EDITION_ID)
			.first();
		expect(edition).toEqual({
			name: "AINM 2023",
			start_date: "2023-10-09",
			end_date: "2023-10-11",
			time_zone: "Europe/Amsterdam",
			city: "Groningen",
			country: "NL",
			status: "archived",
		});
	});

	it("fills AINM 2023's mail log with sent reminders, the debrief and one bounced fictional invitation", async () => {
		const { results } = await env.DB.prepare(
			"select state, count(*) as n from outbox where edition_id = ? group by state order by state",
		)
			.bind(EDITION_ID)
			.all<{ state: string; n: number }>();
		expect(results).toEqual([
			{ state: "bounced", n: 1 },
			{ state: "sent", n: 6 },
		]);
	});

	it("adds one verified demo account per role, all with the demo password", async () => {
		await seed();
		const { results } = await env.DB.prepare(
			"select email, email_verified_at is not null as verified, password_hash from users order by email",
		).all<{ email: string; verified: number; password_hash: string }>();
		expect(results.map(({ email, verified }) => [email, verified])).toEqual(
			["attendee", "chair", "host", "mentor", "organizer", "reviewer", "steward"].map((role) => [
				`${role}@baton.test`,
				1,
			]),
		);
		for (const { password_hash } of results) expect(await verifyPassword(password_hash, DEMO_PASSWORD)).toBe(true);
		expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
	});

	it("gives each demo account its role", async () => {
		await seed();
		const roles = await env.DB.batch([
			env.DB.prepare(
				"select u.email, i.slug, m.role from institution_members m join users u on u.id = m.user_id join institutions i on i.id = m.institution_id order by u.email",
			),
			env.DB.prepare("select u.email from series_stewards s join users u on u.id = s.user_id order by u.email"),
			env.DB.prepare(
				"select u.email, m.role, m.mentor_until from edition_members m join users u on u.id = m.user_id order by u.email",
			),
		]);
		expect(roles.map((r) => r.results)).toEqual([
			[
				{ email: "chair@baton.test", slug: "umcg", role: "owner" },
				{ email: "host@baton.test", slug: "demo-university-hospital", role: "owner" },
				{ email: "organizer@baton.test", slug: "umcg", role: "member" },
			],
			[{ email: "host@baton.test" }, { email: "steward@baton.test" }],
			[
				{ email: "chair@baton.test", role: "chair", mentor_until: null },
				// The demo host chairs each of the demo series' three editions.
				{ email: "host@baton.test", role: "chair", mentor_until: null },
				{ email: "host@baton.test", role: "chair", mentor_until: null },
				{ email: "host@baton.test", role: "chair", mentor_until: null },
				{ email: "mentor@baton.test", role: "mentor", mentor_until: "2099-12-31" },
				{ email: "organizer@baton.test", role: "organizer", mentor_until: null },
				{ email: "reviewer@baton.test", role: "reviewer", mentor_until: null },
			],
		]);
	});

	it("is idempotent: seeding again changes no counts and restores edited seed rows", async () => {
		await seed();
		const before = await rowCounts();
		const program = await listProgram(testDb(), EDITION_ID);
		await env.DB.batch([
			env.DB.prepare("update editions set city = 'Elsewhere' where year = 2023"),
			env.DB.prepare("update sessions set start_time = '07:00', title = 'Moved' where id = 'seed-2023-session-4'"),
			env.DB.prepare("update talks set title = 'Edited' where id = 'seed-2023-talk-4-1'"),
			env.DB.prepare("update speakers set fictional = 0 where id = 'seed-2023-speaker-okafor'"),
			env.DB.prepare("update pages set body = 'Edited', published = 0 where slug = 'home'"),
			env.DB.prepare("update abstract_calls set word_limit = 500"),
			env.DB.prepare("update checklist_tasks set status = 'open', done_at = null"),
			env.DB.prepare("delete from session_chairs where session_id = 'seed-2023-session-4'"),
			env.DB.prepare("delete from sponsors where id = 'seed-2023-sponsor-eanm'"),
		]);
		await seed();
		expect(await rowCounts()).toEqual(before);
		expect(await listProgram(testDb(), EDITION_ID)).toEqual(program);
		const restored = await env.DB.batch([
			env.DB.prepare("select city from editions where year = 2023"),
			env.DB.prepare("select fictional from speakers where id = 'seed-2023-speaker-okafor'"),
			env.DB.prepare(
				"select published, body like '{{edition.name}} was the first edition%' as body from pages where slug = 'home'",
			),
			env.DB.prepare("select word_limit from abstract_calls"),
			env.DB.prepare("select count(*) as open from checklist_tasks where status = 'open'"),
		]);
		expect(restored.map((r) => r.results[0])).toEqual([
			{ city: "Groningen" },
			{ fictional: 1 },
			{ published: 1, body: 1 },
			{ word_limit: 300 },
			{ open: 0 },
		]);
	});

	it("bumps the edition's content version, so no cache keeps serving the content it replaces", async () => {
		await seed();
		const version = async () =>
			(
				await env.DB.prepare("select content_version as v from editions where id = ?").bind(EDITION_ID).first<{
					v: number;
				}>()
			)?.v ?? 0;
		const before = await version();
		await seed();
		expect(await version()).toBe(before + 1);
	});
});

describe("the AINM 2023 program", () => {
	beforeAll(seed);

	it("spans the three days of the edition", async () => {
		expect(
			await all("select day, count(*) as n from sessions where edition_id = ? group by day order by day", EDITION_ID),
		).toEqual([
			{ day: 1, n: 8 },
			{ day: 2, n: 8 },
			{ day: 3, n: 7 },
		]);
	});

	it("runs both tracks in parallel, in their own rooms, on every day", async () => {
		const program = await listProgram(testDb(), EDITION_ID);
		for (const day of [1, 2, 3]) {
			const ofTrack = (id: string) => program.filter((s) => s.day === day && s.trackId === id);
			const clinical = ofTrack("seed-2023-track-clinical");
			const technical = ofTrack("seed-2023-track-technical");
			const parallel = clinical.flatMap((c) => technical.filter((t) => overlaps(c, t) && c.roomId !== t.roomId));
			expect(parallel.length, `day ${day}`).toBeGreaterThan(0);
		}
		// Every parallel session: three 25-minute talks by fictional speakers, and a fictional chair.
		const fictional = new Set(
			(await all<{ id: string }>("select id from speakers where fictional = 1 and edition_id = ?", EDITION_ID)).map(
				(s) => s.id,
			),
		);
		const tracks = program.filter((s) => s.kind === "track");
		expect(tracks).toHaveLength(6);
		for (const session of tracks) {
			expect(session.talks.map((t) => t.durationMinutes)).toEqual([25, 25, 25]);
			expect(session.talks.map((t) => t.position)).toEqual([1, 2, 3]);
			for (const talk of session.talks) {
				expect(talk.abstract.length).toBeGreaterThan(100);
				expect(talk.speakerIds.length).toBe(1);
				expect(talk.speakerIds.every((id) => fictional.has(id))).toBe(true);
			}
			expect(session.chairIds.length).toBeGreaterThan(0);
			expect(session.chairIds.every((id) => fictional.has(id))).toBe(true);
		}
	});

	it("holds the two named lectures and the other plenary lectures with their 2023 speakers", async () => {
		const lectures = await all(
			`select s.day, s.kind, l.name as lecture, t.title, p.name as speaker from sessions s
			 join talks t on t.session_id = s.id join talk_speakers ts on ts.talk_id = t.id join speakers p on p.id = ts.speaker_id
			 left join named_lectures l on l.id = s.named_lecture_id
			 where s.edition_id = ? and s.kind in ('named_lecture', 'plenary') order by s.day, s.start_time`,
			EDITION_ID,
		);
		expect(lectures).toEqual([
			{
				day: 1,
				kind: "named_lecture",
				lecture: "Willem Vaalburg lecture",
				title: "The bright future of nuclear medicine is illuminated by artificial intelligence",
				speaker: "Arturo Chiti",
			},
			{
				day: 2,
				kind: "named_lecture",
				lecture: "Anne Paans lecture",
				title: "AI for data corrections in nuclear medicine imaging",
				speaker: "Dimitris Visvikis",
			},
			{
				day: 2,
				kind: "plenary",
				lecture: null,
				title: "The potential applications of ChatGPT in nuclear medicine",
				speaker: "Irene Buvat",
			},
			{
				day: 3,
				kind: "plenary",
				lecture: null,
				title: "The legal boundaries and complexities of using AI to transform medicine",
				speaker: "Ritumbra Manuvie",
			},
		]);
	});

	it("ends with the joint panel (no named panelists) and a closing session on day 3", async () => {
		const program = await listProgram(testDb(), EDITION_ID);
		const day3 = program.filter((s) => s.day === 3 && s.roomId === "seed-2023-room-plenary");
		expect(day3.slice(-2).map((s) => [s.kind, s.title, s.talks.length, s.chairIds.length])).toEqual([
			["panel", "Joint panel discussion: from research to routine", 0, 0],
			["plenary", "Closing session", 0, 0],
		]);
		const kinds = (day: number) => new Set(program.filter((s) => s.day === day).map((s) => s.kind));
		for (const day of [1, 2, 3]) expect([...kinds(day)]).toEqual(expect.arrayContaining(["break", "poster", "track"]));
		expect(program.filter((s) => s.kind === "social").map((s) => [s.day, s.title])).toEqual([[2, "Conference dinner"]]);
	});

	it("keeps the seq and guid of the sessions seeded before the program grew", async () => {
		const first = await all(
			"select id, seq, guid, day, start_time as start from sessions where edition_id = ? and seq <= 13 order by seq",
			EDITION_ID,
		);
		expect(first.map((s) => [s.id, s.seq, s.guid])).toEqual(
			Array.from({ length: 13 }, (_, i) => [
				`seed-2023-session-${i + 1}`,
				i + 1,
				`5eed2023-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
			]),
		);
		expect(first.map((s) => `${s.day} ${s.start}`)).toEqual([
			"1 09:00",
			"1 09:30",
			"1 10:15",
			"1 10:45",
			"1 10:45",
			"2 09:00",
			"2 09:45",
			"2 11:00",
			"2 11:00",
			"3 09:00",
			"3 10:00",
			"3 10:00",
			"3 14:00",
		]);
		const single = await all(
			"select id from talks where id in ('seed-2023-talk-2', 'seed-2023-talk-6', 'seed-2023-talk-7', 'seed-2023-talk-10') order by id",
		);
		expect(single).toHaveLength(4);
	});

	it("obeys the program rules: rooms never double-booked, talks fit, no speaker in two places", async () => {
		const program = await listProgram(testDb(), EDITION_ID);
		const rooms = new Map(
			(await all<{ id: string; name: string }>("select id, name from rooms where edition_id = ?", EDITION_ID)).map(
				(r) => [r.id, r.name],
			),
		);
		for (const session of program) {
			const others = program.filter((s) => s.id !== session.id);
			expect(
				placementProblems(session, { dayCount: 3, others, roomName: (id) => rooms.get(id) ?? id }),
				session.title,
			).toEqual({});
			expect(lectureProblems(session), session.title).toEqual({});
			expect(sessionLengthProblems(session.durationMinutes, session.talks), session.title).toEqual({});
			if (session.roomId) expect(rooms.has(session.roomId)).toBe(true);
		}
		const warnings = programWarnings(
			program.map((s) => ({ ...s, speakerIds: [...s.chairIds, ...s.talks.flatMap((t) => t.speakerIds)] })),
		);
		expect(warnings).toEqual([]);
	});

	it("passes the program editor's own validation, session by session and talk by talk", async () => {
		const program = await listProgram(testDb(), EDITION_ID);
		const sessionSchema = objectOf(sessionFields);
		const talkSchema = objectOf(talkFields);
		for (const session of program) {
			const data = Object.fromEntries(sessionFields.map((f) => [f.name, session[f.name as keyof typeof session]]));
			expect(sessionSchema.safeParse(data).error, session.title).toBeUndefined();
			for (const talk of session.talks) {
				const talkData = Object.fromEntries(talkFields.map((f) => [f.name, talk[f.name as keyof typeof talk]]));
				expect(talkSchema.safeParse(talkData).error, talk.title).toBeUndefined();
			}
		}
	});
});

describe("the AINM 2023 speakers", () => {
	beforeAll(seed);

	it("flags every invented speaker as fictional and no real one", async () => {
		const speakers = await all<{
			name: string;
			fictional: number;
			affiliation: string;
			bio: string;
			country: string;
			consented: number;
		}>(
			"select name, fictional, affiliation, bio, country, consented_at is not null as consented from speakers where edition_id = ? order by seq",
			EDITION_ID,
		);
		const real = speakers.filter((s) => REAL_SPEAKERS.includes(s.name));
		const invented = speakers.filter((s) => !REAL_SPEAKERS.includes(s.name));
		expect(real.map((s) => [s.name, s.fictional])).toEqual(REAL_SPEAKERS.map((name) => [name, 0]));
		expect(invented).toHaveLength(12);
		for (const s of invented) {
			expect(s.fictional, s.name).toBe(1);
			expect(s.bio, s.name).toMatch(/^Fictional speaker \(demo data\)\. /);
			expect(s.affiliation, s.name).toMatch(/^Fictional /);
			expect(s.country, s.name).toMatch(/^[A-Z]{2}$/);
		}
		expect(new Set(invented.map((s) => s.country)).size).toBeGreaterThanOrEqual(10);
		expect(speakers.every((s) => s.consented === 1)).toBe(true);
	});

	it("gives real people only the lectures the facts name, and no chair", async () => {
		const roles = await all(
			`select p.name, 'talk' as role from talk_speakers ts join speakers p on p.id = ts.speaker_id where p.fictional = 0
			 union all
			 select p.name, 'chair' from session_chairs c join speakers p on p.id = c.speaker_id where p.fictional = 0
			 order by 1`,
		);
		expect(roles).toEqual(
			["Arturo Chiti", "Dimitris Visvikis", "Irene Buvat", "Ritumbra Manuvie"]
				.sort()
				.map((name) => ({ name, role: "talk" })),
		);
	});
});

describe("the AINM 2023 site and configuration", () => {
	beforeAll(seed);

	it("has settings the console accepts, with colours readable behind white text", async () => {
		const edition = await testDb().query.editions.findFirst({ where: (e, { eq }) => eq(e.id, EDITION_ID) });
		if (!edition) throw new Error("no seeded edition");
		expect(settingsSchema.safeParse(settingsOf(edition)).error).toBeUndefined();
		expect(contrastWithWhite(edition.primaryColor)).toBeGreaterThanOrEqual(4.5);
		expect(contrastWithWhite(edition.accentColor)).toBeGreaterThanOrEqual(4.5);
		expect(edition.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\//);
		expect(edition.contactEmail).toMatch(/@example\.org$/);
	});

	it("stores every collection row as the console would accept it", async () => {
		const db = testDb();
		for (const def of COLLECTIONS) {
			for (const row of await listItems(db, def, EDITION_ID)) {
				const parsed = inputSchema(def).safeParse(dataOf(def, row));
				expect(parsed.error, `${def.key} ${String(row.id)}`).toBeUndefined();
				expect(def.check?.(parsed.data as Record<string, unknown>) ?? null, `${def.key} ${String(row.id)}`).toBeNull();
			}
		}
		const call = await loadAbstractCall(db, EDITION_ID);
		expect(abstractCallSchema.safeParse(call).error).toBeUndefined();
	});

	it("publishes the pages as Markdown without HTML", async () => {
		const pages = await all<{ slug: string; body: string; published: number }>(
			"select slug, body, published from pages where edition_id = ? order by nav_order",
			EDITION_ID,
		);
		expect(pages.map((p) => p.slug)).toEqual([
			"home",
			"venue-and-travel",
			"call-for-abstracts",
			"committee",
			"named-lectures",
		]);
		for (const page of pages) {
			expect(page.published, page.slug).toBe(1);
			expect(hasUnsafeMarkup(page.body), page.slug).toBe(false);
			expect(page.body, page.slug).not.toMatch(/<[a-z/!]/i);
		}
		const bodyOf = (slug: string) => pages.find((p) => p.slug === slug)?.body ?? "";
		expect(bodyOf("call-for-abstracts")).toContain(
			"*Nuclear Medicine Advances Through Artificial Intelligence and Intelligent Informatics* of **Frontiers in Nuclear Medicine**",
		);
		// The committee page names the edition's people from their list (test/features/content/people.test.ts).
		expect(bodyOf("committee")).toBe("{{committee}}");
		expect(bodyOf("named-lectures")).toContain("**Arturo Chiti**");
		expect(bodyOf("named-lectures")).toContain("**Dimitris Visvikis**");
	});

	it("names the society and the journal partner as sponsors, and nothing invented", async () => {
		expect(
			await all(
				"select t.name as tier, s.name from sponsors s join sponsor_tiers t on t.id = s.tier_id where s.edition_id = ? order by t.position",
				EDITION_ID,
			),
		).toEqual([
			{ tier: "Affiliated society", name: "European Association of Nuclear Medicine (EANM)" },
			{ tier: "Journal partner", name: "Frontiers in Nuclear Medicine" },
		]);
	});

	it("configures tickets, registration, the call, reviews, the survey and an 18-month checklist", async () => {
		const db = testDb();
		expect(
			await all(
				"select name, price_cents, currency, sales_open_offset_days as opens, sales_close_offset_days as closes from ticket_types where edition_id = ? order by position",
				EDITION_ID,
			),
		).toEqual([
			// No price: AINM 2023's are not among its facts (0 is the schema's "none", shown as not recorded).
			{ name: "Participant", price_cents: 0, currency: "EUR", opens: -240, closes: -3 },
		]);
		expect(
			await all("select kind from registration_fields where edition_id = ? order by position", EDITION_ID),
		).toEqual([{ kind: "select" }, { kind: "text" }, { kind: "checkbox" }, { kind: "country" }]);
		const call = await loadAbstractCall(db, EDITION_ID);
		expect(call).toMatchObject({
			opensOffsetDays: -240,
			closesOffsetDays: -100,
			decisionsOffsetDays: -60,
			presentationTypes: ["Oral", "Poster"],
			wordLimit: 300,
		});
		expect(call.topics).toHaveLength(9);
		expect(call.specialIssue).toContain(
			"Nuclear Medicine Advances Through Artificial Intelligence and Intelligent Informatics",
		);
		expect(
			await all(
				"select scale_max, count(*) as n from review_criteria where edition_id = ? group by scale_max",
				EDITION_ID,
			),
		).toEqual([{ scale_max: 5, n: 4 }]);
		expect(
			await all(
				"select kind, count(*) as n from survey_questions where edition_id = ? group by kind order by kind",
				EDITION_ID,
			),
		).toEqual([
			{ kind: "likert", n: 4 },
			{ kind: "text", n: 2 },
		]);
		const tasks = await all<{ due: number; status: string; done: number | null }>(
			"select due_offset_days as due, status, done_at as done from checklist_tasks where edition_id = ? order by due_offset_days, position",
			EDITION_ID,
		);
		expect(tasks[0]?.due).toBe(-540);
		expect(tasks.at(-1)?.due).toBe(30);
		expect(tasks.filter((t) => t.status === "skipped")).toEqual([{ due: -180, status: "skipped", done: null }]);
		expect(
			tasks.filter((t) => t.status !== "skipped").every((t) => t.status === "done" && typeof t.done === "number"),
		).toBe(true);
	});

	it("writes through the kernel, so the demo's audit log shows its changes and who made them", async () => {
		await seed();
		const runs =
			(await all<{ n: number }>("select count(*) as n from audit_entries where action = 'seed.demo.loaded'"))[0]?.n ??
			0;
		expect(runs).toBeGreaterThan(0);
		// One run's entries in the edition's log, by actor and action.
		const byActor = await all<{ who: string; action: string; n: number }>(
			`select coalesce(actor_id, actor_kind) as who, action, count(*) / ? as n from audit_entries
			 where edition_id = ? and coalesce(actor_id, actor_kind) in ('seed', 'seed-user-chair')
			 and action != 'handover.note.created' group by who, action order by who, action`,
			runs,
			EDITION_ID,
		);
		expect(byActor).toEqual([
			{ who: "seed", action: "committee.member.added", n: 4 },
			{ who: "seed", action: "edition.edition.created", n: 1 },
			{ who: "seed", action: "seed.demo.loaded", n: 1 },
			{ who: "seed", action: "seed.registrations.loaded", n: 1 },
			{ who: "seed-user-chair", action: "content.item.created", n: 7 },
			{ who: "seed-user-chair", action: "edition.abstract-call.updated", n: 1 },
			{ who: "seed-user-chair", action: "program.session.created", n: 23 },
			{ who: "seed-user-chair", action: "program.talk.created", n: 22 },
			{ who: "seed-user-chair", action: "template.template.created", n: 1 },
		]);
		// The 16 handover notes, each as its author.
		const notes = await all<{ n: number }>(
			"select count(*) / ? as n from audit_entries where action = 'handover.note.created' and actor_id like 'seed-user-%'",
			runs,
		);
		expect(notes).toEqual([{ n: 16 }]);
		const sessionEntry = await all<{ series_id: string; institution_id: string; personal: string | null }>(
			"select series_id, institution_id, personal from audit_entries where action = 'account.user.created' and target_id = 'seed-user-chair' limit 1",
		);
		expect(sessionEntry).toEqual([
			{
				series_id: null,
				institution_id: null,
				personal: JSON.stringify({ name: "Demo Chair", email: "chair@baton.test" }),
			},
		]);
	});
});
