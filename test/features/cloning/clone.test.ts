/**
 * cloneEdition / previewClone as feature functions on a real local D1: what is copied (exactly),
 * what never is, dates re-anchored in the target's day 1 and zone (across DST and a zone move),
 * placeholders, the refusals, atomicity under an injected failure and a concurrent write, and a
 * large clone within D1's per-statement limits.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkedInserts, MAX_BOUND_PARAMETERS as D1_MAX_BOUND_PARAMETERS } from "../../../src/db/batching";
import { createDatabase } from "../../../src/db/client";
import { checklistTasks } from "../../../src/db/schema";
import { resolvePlaceholders } from "../../../src/domain/placeholders";
import { CLONE_PARTS } from "../../../src/features/cloning";
import {
	type CloneInput,
	cloneEdition,
	placeholderValues,
	planClone,
	previewClone,
} from "../../../src/features/cloning/clone";
import { dateOfDay, formatDateRange } from "../../../src/lib/dates";
import { newId } from "../../../src/lib/ids";
import { resolveOffset, resolveSessionStart, wallClock } from "../../../src/lib/zoned-time";
import { request, testDb } from "../../helpers";
import { seedWithTemplates } from "../templates/helpers";
import { AINM_2023, contentVersion, createEdition, editionSnapshot, observedD1, rowCounts, rowsOf } from "./helpers";

const ALL_PARTS = [...CLONE_PARTS];

/** Adds `days` to a `YYYY-MM-DD` date. */
const plusDays = (date: string, days: number) => dateOfDay(date, days + 1);

/** Sessions with their room and track names instead of ids: what a clone must reproduce. */
const programOf = (editionId: string) =>
	rowsOf(
		`select s.seq, s.kind, s.title, s.description, s.day, s.start_time, s.duration_minutes, s.named_lecture_id,
			r.name as room, t.name as track
		from sessions s left join rooms r on r.id = s.room_id left join tracks t on t.id = s.track_id
		where s.edition_id = ? order by s.seq`,
		editionId,
	);

/** Rows of a table without their ids and edition id: what a copy must equal. */
const contentOf = async (table: string, editionId: string, orderBy: string) =>
	(await rowsOf(`select * from ${table} where edition_id = ? order by ${orderBy}`, editionId)).map(
		({ id: _, edition_id: __, ...rest }) => rest,
	);

beforeAll(async () => {
	// With AINM 2023's email texts, so that every part has something to copy.
	await seedWithTemplates();
});

describe("AINM 2023 into a new AINM 2025 (6–8 October 2025, Europe/Amsterdam)", () => {
	const TARGET = "clone-ainm-2025";
	const input: CloneInput = {
		sourceEditionId: AINM_2023,
		targetEditionId: TARGET,
		parts: ALL_PARTS,
		roomMap: { "seed-2023-room-plenary": "Hall A", "seed-2023-room-a": "  Hall B " },
	};

	beforeAll(async () => {
		await createEdition({ id: TARGET, year: 2025, start: "2025-10-06", end: "2025-10-08", city: "Lisbon" });
	});

	it("previews every session and deadline at the same local time and offset, 728 days later, and writes nothing", async () => {
		const before = await editionSnapshot(TARGET);

		const preview = await previewClone(testDb(), input);

		expect(preview.gapDays).toBe(728);
		const [source] = await rowsOf("select start_date, time_zone from editions where id = ?", AINM_2023);
		expect(source).toEqual({ start_date: "2023-10-09", time_zone: "Europe/Amsterdam" });
		const sessionCount = (await rowsOf("select id from sessions where edition_id = ?", AINM_2023)).length;
		expect(preview.sessions).toHaveLength(sessionCount);
		for (const change of [...preview.sessions, ...preview.deadlines]) {
			expect(change.new.date).toBe(plusDays(change.old.date, 728));
			expect(change.new.time).toBe(change.old.time);
		}
		// Every deadline of the copied parts is listed: two per ticket type, the call's three, one per task.
		const [tickets, tasks] = await Promise.all([
			rowsOf("select name from ticket_types where edition_id = ?", AINM_2023),
			rowsOf("select title from checklist_tasks where edition_id = ?", AINM_2023),
		]);
		expect(preview.deadlines).toHaveLength(tickets.length * 2 + 3 + tasks.length);
		expect(preview.deadlines.find((d) => d.label === "Participant: sales open")).toEqual({
			part: "registration",
			label: "Participant: sales open",
			old: {
				date: "2023-02-11",
				time: "09:00",
				instant: "2023-02-11T08:00:00.000Z",
				timeZone: "Europe/Amsterdam",
				text: "Saturday 11 February 2023, 09:00 (UTC+01:00)",
			},
			new: {
				date: "2025-02-08",
				time: "09:00",
				instant: "2025-02-08T08:00:00.000Z",
				timeZone: "Europe/Amsterdam",
				text: "Saturday 8 February 2025, 09:00 (UTC+01:00)",
			},
		});
		expect(preview.deadlines.find((d) => d.label === "Abstract decisions due")?.new).toEqual({
			date: "2025-08-07",
			time: null,
			instant: null,
			timeZone: "Europe/Amsterdam",
			text: "Thursday 7 August 2025",
		});
		expect(preview.sessions.find((s) => s.label.startsWith("Day 1, 09:00:"))).toMatchObject({
			old: { instant: "2023-10-09T07:00:00.000Z" },
			new: { instant: "2025-10-06T07:00:00.000Z", text: "Monday 6 October 2025, 09:00 (UTC+02:00)" },
		});
		expect(preview.rooms).toEqual([
			{ sourceRoomId: "seed-2023-room-plenary", from: "Plenary hall", to: "Hall A" },
			{ sourceRoomId: "seed-2023-room-a", from: "Room A", to: "Hall B" },
			{ sourceRoomId: "seed-2023-room-b", from: "Room B", to: "Room B" },
			{ sourceRoomId: "seed-2023-room-foyer", from: "Foyer", to: "Foyer" },
		]);
		// Every reminder keeps its distance from its anchor (day 1, the last day, the call), at 09:00.
		expect(preview.reminders.map((r) => r.label)).toEqual([
			"Reminder to the organizers: {{edition.name}}: the call for abstracts opens in two weeks",
			"Reminder to the organizers: {{edition.name}}: one week left for abstracts",
			"Reminder to the reviewers: The abstract review of {{edition.name}} starts today",
			"Reminder to the organizers: Two weeks to {{edition.name}}: badges, booklet and volunteers",
			"Reminder to the chairs: {{edition.name}}: evaluation results and thank-you notes",
		]);
		for (const change of preview.reminders) {
			expect(change.new?.date).toBe(plusDays(String(change.old?.date), 728));
			expect([change.old?.time, change.new?.time]).toEqual(["09:00", "09:00"]);
		}
		expect(preview.reminders[1]).toEqual({
			part: "organizer_reminders",
			label: "Reminder to the organizers: {{edition.name}}: one week left for abstracts",
			old: {
				date: "2023-06-24",
				time: "09:00",
				instant: "2023-06-24T07:00:00.000Z",
				timeZone: "Europe/Amsterdam",
				text: "Saturday 24 June 2023, 09:00 (UTC+02:00)",
			},
			new: {
				date: "2025-06-21",
				time: "09:00",
				instant: "2025-06-21T07:00:00.000Z",
				timeZone: "Europe/Amsterdam",
				text: "Saturday 21 June 2025, 09:00 (UTC+02:00)",
			},
		});
		expect(preview.parts.map((p) => p.part)).toEqual(ALL_PARTS);
		expect(preview.parts.find((p) => p.part === "sponsor_tiers")?.created).toEqual([
			{ what: "sponsor tiers", count: 2, titles: ["Affiliated society", "Journal partner"] },
		]);
		expect(await editionSnapshot(TARGET)).toEqual(before);
	});

	it("copies every chosen part exactly, in one write, and leaves people, talks and sponsors behind", async () => {
		const sourceBefore = await editionSnapshot(AINM_2023);
		const versionBefore = await contentVersion(TARGET);

		const summary = await cloneEdition(testDb(), input);

		const count = (table: string) => sourceBefore.tables[table]?.length ?? 0;
		expect(summary).toEqual({
			sourceEditionId: AINM_2023,
			targetEditionId: TARGET,
			created: {
				pages: count("pages"),
				tracks: count("tracks"),
				rooms: count("rooms"),
				sessions: count("sessions"),
				registrationFields: count("registration_fields"),
				ticketTypes: count("ticket_types"),
				abstractCalls: 1,
				reviewCriteria: count("review_criteria"),
				surveyQuestions: count("survey_questions"),
				checklistTasks: count("checklist_tasks"),
				organizerReminders: count("organizer_reminders"),
				sponsorTiers: count("sponsor_tiers"),
				emailTexts: count("email_texts"),
			},
		});
		expect(count("email_texts")).toBe(6);
		expect(count("organizer_reminders")).toBe(5);
		// The program: same slots, kinds, titles and named lectures; rooms renamed; no talks or chairs.
		const sourceProgram = await programOf(AINM_2023);
		const renamed: Record<string, string> = { "Plenary hall": "Hall A", "Room A": "Hall B" };
		expect(await programOf(TARGET)).toEqual(
			sourceProgram.map((s) => ({
				...s,
				room: s.room === null ? null : (renamed[String(s.room)] ?? s.room),
				// A named-lecture slot is titled after its lecture and the new year ("Willem Vaalburg lecture 2025").
				title: s.named_lecture_id === null ? s.title : String(s.title).replace(/ 2023$/, " 2025"),
			})),
		);
		expect(
			await rowsOf("select name, capacity, position from rooms where edition_id = ? order by position", TARGET),
		).toEqual([
			{ name: "Hall A", capacity: 300, position: 1 },
			{ name: "Hall B", capacity: 150, position: 2 },
			{ name: "Room B", capacity: 150, position: 3 },
			{ name: "Foyer", capacity: 250, position: 4 },
		]);
		expect(await contentOf("tracks", TARGET, "position")).toEqual(await contentOf("tracks", AINM_2023, "position"));
		const lectureSlots = await rowsOf(
			"select named_lecture_id from sessions where edition_id = ? and kind = 'named_lecture' order by seq",
			TARGET,
		);
		expect(lectureSlots).toEqual([
			{ named_lecture_id: "seed-lecture-vaalburg" },
			{ named_lecture_id: "seed-lecture-paans" },
		]);
		// New rows, not moved ones: fresh ids and frab guids.
		const sharedIds = await rowsOf(
			"select t.id from sessions t join sessions s on (s.id = t.id or s.guid = t.guid) where t.edition_id = ? and s.edition_id = ?",
			TARGET,
			AINM_2023,
		);
		expect(sharedIds).toEqual([]);
		// Configuration copied as is; offsets unchanged is what moves every date to the new day 1.
		for (const [table, order] of [
			["pages", "slug"],
			["ticket_types", "position"],
			["registration_fields", "position"],
			["review_criteria", "position"],
			["survey_questions", "position"],
			["sponsor_tiers", "position"],
		] as const) {
			expect(await contentOf(table, TARGET, order)).toEqual(await contentOf(table, AINM_2023, order));
		}
		expect(await rowsOf("select * from abstract_calls where edition_id = ?", TARGET)).toEqual(
			(await rowsOf("select * from abstract_calls where edition_id = ?", AINM_2023)).map((row) => ({
				...row,
				edition_id: TARGET,
			})),
		);
		// Email texts are copied as written, placeholders intact: a mail resolves them with 2025's
		// values when it is sent (2025 has no host name yet, so {{host.name}} reads as nothing).
		expect(await contentOf("email_texts", TARGET, "position")).toEqual(
			await contentOf("email_texts", AINM_2023, "position"),
		);
		const [subject] = await rowsOf(
			"select subject from email_texts where edition_id = ? and key = 'call-for-abstracts-open'",
			TARGET,
		);
		const target = await rowsOf("select * from editions where id = ?", TARGET);
		const values = placeholderValues({
			name: String(target[0]?.name),
			year: Number(target[0]?.year),
			city: String(target[0]?.city),
			startDate: String(target[0]?.start_date),
			endDate: String(target[0]?.end_date),
			hostName: String(target[0]?.host_name),
		});
		expect(resolvePlaceholders(String(subject?.subject), values)).toBe(
			`Call for abstracts: AINM 2025, ${formatDateRange("2025-10-06", "2025-10-08")}, Lisbon`,
		);
		// The checklist starts over: every task open, nothing done or reminded.
		expect(await contentOf("checklist_tasks", TARGET, "position")).toEqual(
			(await contentOf("checklist_tasks", AINM_2023, "position")).map((task) => ({
				...task,
				status: "open",
				done_at: null,
				reminder_sent_at: null,
			})),
		);
		// Reminders as written (placeholders are filled when each is sent), none sent yet: 2023's all were.
		const sourceReminders = await contentOf("organizer_reminders", AINM_2023, "position");
		expect(sourceReminders.map((r) => r.sent_at === null)).toEqual([false, false, false, false, false]);
		expect(await contentOf("organizer_reminders", TARGET, "position")).toEqual(
			sourceReminders.map((reminder) => ({ ...reminder, sent_at: null })),
		);
		// Never copied.
		const counts = await rowCounts(TARGET);
		for (const table of [
			"talks",
			"talk_speakers",
			"session_chairs",
			"speakers",
			"sponsors",
			"edition_members",
			"edition_hosts",
		]) {
			expect({ table, rows: counts[table] }).toEqual({ table, rows: 0 });
		}
		// Provenance and one version bump; the source is exactly as it was.
		expect(await rowsOf("select cloned_from_id, content_version from editions where id = ?", TARGET)).toEqual([
			{ cloned_from_id: AINM_2023, content_version: versionBefore + 1 },
		]);
		expect(await editionSnapshot(AINM_2023)).toEqual(sourceBefore);
	});

	it("resolves every copied session and deadline at the same local time in 2025, exactly the gap later", async () => {
		const target = { startDate: "2025-10-06", timeZone: "Europe/Amsterdam" };
		const source = { startDate: "2023-10-09", timeZone: "Europe/Amsterdam" };
		const copied = await rowsOf("select day, start_time from sessions where edition_id = ?", TARGET);
		expect(copied.length).toBeGreaterThan(0);
		for (const { day, start_time } of copied) {
			const before = wallClock(resolveSessionStart(source, Number(day), String(start_time)), source.timeZone);
			const after = wallClock(resolveSessionStart(target, Number(day), String(start_time)), target.timeZone);
			expect(after).toEqual({ date: plusDays(before.date, 728), time: before.time });
		}
		const windows = await rowsOf(
			"select sales_open_offset_days as d, sales_open_time as t from ticket_types where edition_id = ? union all select due_offset_days, '09:00' from checklist_tasks where edition_id = ?",
			TARGET,
			TARGET,
		);
		for (const { d, t } of windows) {
			const before = wallClock(resolveOffset(source, Number(d), String(t)), source.timeZone);
			const after = wallClock(resolveOffset(target, Number(d), String(t)), target.timeZone);
			expect(after).toEqual({ date: plusDays(before.date, 728), time: before.time });
		}
	});

	it("refuses a second clone into parts that now have content (422) and writes nothing", async () => {
		const before = await editionSnapshot(TARGET);

		const refused = cloneEdition(testDb(), { ...input, parts: ["rooms_tracks", "sponsor_tiers"] });

		await expect(refused).rejects.toMatchObject({
			status: 422,
			fields: {
				parts:
					"AINM 2025 already has content in “Tracks and rooms” and “Sponsor tiers”: a clone only fills empty parts, so leave them out or empty them first.",
			},
		});
		expect(await editionSnapshot(TARGET)).toEqual(before);
	});
});

describe("dates across a DST change and a move to another zone", () => {
	const SOURCE = "clone-dst-source";

	beforeAll(async () => {
		// The last weekend of October 2029: clocks in Amsterdam go back on Sunday 28 October, day 3.
		await createEdition({ id: SOURCE, year: 2029, start: "2029-10-26", end: "2029-10-28", status: "published" });
		await env.DB.batch([
			env.DB.prepare(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values (?, ?, 1, ?, 'plenary', 'Keynote', 3, '09:00', 60), (?, ?, 2, ?, 'plenary', 'Welcome', 1, '09:00', 30)",
			).bind(newId(), SOURCE, newId(), newId(), SOURCE, newId()),
			env.DB.prepare(
				"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_open_time, sales_close_offset_days, sales_close_time) values (?, ?, 'Regular', -200, '09:00', -1, '23:59')",
			).bind(newId(), SOURCE),
		]);
	});

	it("keeps day 3 at 09:00 local: 08:00 UTC after the change in October, 07:00 UTC in September", async () => {
		await createEdition({ id: "clone-dst-september", year: 2031, start: "2031-09-26", end: "2031-09-28" });

		const preview = await previewClone(testDb(), {
			sourceEditionId: SOURCE,
			targetEditionId: "clone-dst-september",
			parts: ["rooms_tracks", "program", "registration"],
		});

		const keynote = preview.sessions.find((s) => s.label === "Day 3, 09:00: Keynote");
		expect({ old: keynote?.old.instant, new: keynote?.new.instant }).toEqual({
			old: "2029-10-28T08:00:00.000Z",
			new: "2031-09-28T07:00:00.000Z",
		});
		expect(keynote?.old.text).toBe("Sunday 28 October 2029, 09:00 (UTC+01:00)");
		expect(keynote?.new.text).toBe("Sunday 28 September 2031, 09:00 (UTC+02:00)");
		// 200 days before day 1: summer time in April 2029, winter time in March 2031.
		const opens = preview.deadlines.find((d) => d.label === "Regular: sales open");
		expect({ old: opens?.old.instant, new: opens?.new.instant }).toEqual({
			old: "2029-04-09T07:00:00.000Z",
			new: "2031-03-10T08:00:00.000Z",
		});
	});

	it("re-anchors every time in the new zone when the edition moves from Amsterdam to Toronto", async () => {
		await createEdition({
			id: "clone-toronto",
			year: 2033,
			start: "2033-10-07",
			end: "2033-10-09",
			timeZone: "America/Toronto",
		});

		const preview = await previewClone(testDb(), {
			sourceEditionId: SOURCE,
			targetEditionId: "clone-toronto",
			parts: ["rooms_tracks", "program", "registration"],
		});

		expect(preview.sessions.map((s) => [s.label, s.new.date, s.new.time, s.new.instant, s.new.timeZone])).toEqual([
			["Day 1, 09:00: Welcome", "2033-10-07", "09:00", "2033-10-07T13:00:00.000Z", "America/Toronto"],
			["Day 3, 09:00: Keynote", "2033-10-09", "09:00", "2033-10-09T13:00:00.000Z", "America/Toronto"],
		]);
		expect(preview.deadlines.map((d) => [d.label, d.new.text])).toEqual([
			// Toronto's clocks went forward on 13 March 2033.
			["Regular: sales open", "Monday 21 March 2033, 09:00 (UTC−04:00)"],
			["Regular: sales close", "Thursday 6 October 2033, 23:59 (UTC−04:00)"],
		]);
	});
});

describe("organizer reminders in an edition of another length, with or without a call for abstracts", () => {
	const input = (targetEditionId: string): CloneInput => ({
		sourceEditionId: AINM_2023,
		targetEditionId,
		parts: ["organizer_reminders"],
	});

	it("counts from the target's last day, and from its own call, or waits for one", async () => {
		// Two days instead of three; a call of its own that closes 50 days before day 1.
		await createEdition({ id: "clone-reminders-call", year: 2051, start: "2051-10-02", end: "2051-10-03" });
		await env.DB.prepare(
			"insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days, closes_time) values (?, -200, -50, '12:00')",
		)
			.bind("clone-reminders-call")
			.run();
		await createEdition({ id: "clone-reminders-no-call", year: 2053, start: "2053-10-07", end: "2053-10-08" });

		const [withCall, withoutCall] = await Promise.all([
			previewClone(testDb(), input("clone-reminders-call")),
			previewClone(testDb(), input("clone-reminders-no-call")),
		]);

		const when = (preview: typeof withCall) =>
			preview.reminders.map((r) => [r.old?.date ?? null, r.new?.date ?? null, r.new?.text ?? null]);
		expect(when(withCall)).toEqual([
			// The call opens 200 days before day 1, then two weeks earlier.
			["2023-01-28", "2051-03-02", "Thursday 2 March 2051, 09:00 (UTC+01:00)"],
			// It closes 50 days before day 1, then a week earlier, and a day later.
			["2023-06-24", "2051-08-06", "Sunday 6 August 2051, 09:00 (UTC+02:00)"],
			["2023-07-02", "2051-08-14", "Monday 14 August 2051, 09:00 (UTC+02:00)"],
			// Two weeks before day 1, and a week after the last day (day 2 here, day 3 in 2023).
			["2023-09-25", "2051-09-18", "Monday 18 September 2051, 09:00 (UTC+02:00)"],
			["2023-10-18", "2051-10-10", "Tuesday 10 October 2051, 09:00 (UTC+02:00)"],
		]);
		expect(when(withoutCall)).toEqual([
			["2023-01-28", null, null],
			["2023-06-24", null, null],
			["2023-07-02", null, null],
			["2023-09-25", "2053-09-23", "Tuesday 23 September 2053, 09:00 (UTC+02:00)"],
			["2023-10-18", "2053-10-15", "Wednesday 15 October 2053, 09:00 (UTC+02:00)"],
		]);
	});

	it("takes the copied call when the clone brings one", async () => {
		await createEdition({ id: "clone-reminders-copied-call", year: 2055, start: "2055-10-04", end: "2055-10-06" });

		const preview = await previewClone(testDb(), {
			...input("clone-reminders-copied-call"),
			parts: ["abstract_call", "organizer_reminders"],
		});

		// 2023's call: opens 240 and closes 100 days before day 1.
		expect(preview.reminders.slice(0, 3).map((r) => r.new?.date)).toEqual(["2055-01-23", "2055-06-19", "2055-06-27"]);
	});
});

describe("placeholders", () => {
	it("copies page texts as written, the target's site shows its own name, dates and host; short texts are filled once", async () => {
		const source = "clone-placeholder-source";
		const target = "clone-placeholder-target";
		await createEdition({ id: source, year: 2035, start: "2035-05-07", end: "2035-05-09", status: "held" });
		// Published, so its site can be read signed out.
		await createEdition({
			id: target,
			year: 2037,
			start: "2037-05-04",
			end: "2037-05-06",
			hostName: "Example University",
			status: "published",
		});
		const text =
			"AINM 2035: welcome to {{edition.name}} in {{ edition.city }} on {{edition.dates}}, hosted by {{host.name}} ({{edition.year}}). {{sponsor.name}}";
		await env.DB.batch([
			env.DB.prepare(
				"insert into pages (id, edition_id, slug, title, body, published) values (?, ?, 'about', 'Welcome to {{edition.name}}', ?, 1)",
			).bind(newId(), source, text),
			env.DB.prepare(
				"insert into checklist_tasks (id, edition_id, title, due_offset_days) values (?, ?, 'Book the venue in {{edition.city}} for {{edition.year}}', -400)",
			).bind(newId(), source),
			env.DB.prepare(
				"insert into survey_questions (id, edition_id, prompt, kind) values (?, ?, 'How was {{edition.name}}?', 'likert')",
			).bind(newId(), source),
		]);

		const preview = await previewClone(testDb(), {
			sourceEditionId: source,
			targetEditionId: target,
			parts: ["pages", "checklist", "evaluation"],
		});
		await cloneEdition(testDb(), {
			sourceEditionId: source,
			targetEditionId: target,
			parts: ["pages", "checklist", "evaluation"],
		});

		// Only the texts still filled when written can be left with a gap: the checklist's city.
		expect(preview.unfilledPlaceholders).toEqual(["{{edition.city}}"]);
		// The preview titles the page as the target's site will show it.
		expect(preview.parts.find((p) => p.part === "pages")?.created).toEqual([
			{ what: "pages", count: 1, titles: ["Welcome to AINM 2037"] },
		]);
		expect(await rowsOf("select title, body from pages where edition_id = ?", target)).toEqual([
			{ title: "Welcome to {{edition.name}}", body: text },
		]);
		// The page as shown: 2037's values; no city yet, so none is shown; unknown names stay as written.
		const page = await (await request("/s/ainm/2037/p/about")).text();
		expect(page).toContain("<h1>Welcome to AINM 2037</h1>");
		expect(page).toContain(
			`<p>AINM 2035: welcome to AINM 2037 in  on ${formatDateRange("2037-05-04", "2037-05-06")}, hosted by Example University (2037). {{sponsor.name}}</p>`,
		);
		expect(await rowsOf("select title from checklist_tasks where edition_id = ?", target)).toEqual([
			{ title: "Book the venue in {{edition.city}} for 2037" },
		]);
		expect(await rowsOf("select prompt from survey_questions where edition_id = ?", target)).toEqual([
			{ prompt: "How was AINM 2037?" },
		]);
	});
});

describe("refusals", () => {
	const TARGET = "clone-refusals";

	beforeAll(async () => {
		await createEdition({ id: TARGET, year: 2039, start: "2039-10-03", end: "2039-10-04" });
	});

	const refusal = async (input: Partial<CloneInput>) => {
		const before = await editionSnapshot(TARGET);
		const error = await cloneEdition(testDb(), {
			sourceEditionId: AINM_2023,
			targetEditionId: TARGET,
			parts: ["pages"],
			...input,
		}).catch((e: unknown) => e);
		expect(await editionSnapshot(TARGET)).toEqual(before);
		return error;
	};

	it("refuses a program longer than the target's days, and a program without its rooms and tracks", async () => {
		expect(await refusal({ parts: ["rooms_tracks", "program"] })).toMatchObject({
			status: 422,
			fields: {
				parts:
					"AINM 2023's program runs over 3 days, AINM 2039 has 2: change AINM 2039's dates first or leave the program out.",
			},
		});
		expect(await refusal({ parts: ["program"] })).toMatchObject({
			status: 422,
			fields: {
				parts: expect.stringContaining(
					"The program skeleton places sessions in rooms and tracks: copy the tracks and rooms too.",
				),
			},
		});
	});

	it("refuses a room that is not the source's, the edition itself and an edition of another series", async () => {
		expect(
			await refusal({ parts: ["rooms_tracks"], roomMap: { "seed-2023-room-a": "Hall B", elsewhere: "X" } }),
		).toMatchObject({
			status: 422,
			fields: { "roomMap.elsewhere": "This is not a room of AINM 2023." },
		});
		expect(await refusal({ sourceEditionId: TARGET })).toMatchObject({
			status: 422,
			fields: { sourceEditionId: "An edition cannot be copied into itself." },
		});
		await env.DB.prepare(
			"insert into series (id, slug, name, short_name) values ('clone-other', 'clone-other', 'Other', 'OTH')",
		).run();
		await createEdition({
			id: "clone-other-2040",
			seriesId: "clone-other",
			year: 2040,
			start: "2040-06-04",
			end: "2040-06-05",
			status: "published",
			name: "OTH 2040",
		});
		expect(await refusal({ sourceEditionId: "clone-other-2040" })).toMatchObject({
			status: 422,
			fields: {
				sourceEditionId:
					"OTH 2040 belongs to another series: copy from an edition of this series (templates carry parts across series).",
			},
		});
	});

	it("answers 404 for an unknown source or target", async () => {
		expect(await refusal({ sourceEditionId: "no-such-edition" })).toMatchObject({ status: 404 });
		await expect(
			planClone(testDb(), { sourceEditionId: AINM_2023, targetEditionId: "no-such-edition", parts: ["pages"] }),
		).rejects.toMatchObject({ status: 404 });
	});
});

describe("atomicity", () => {
	it("leaves the target untouched when the batch fails halfway (a failing statement injected in its middle)", async () => {
		const target = "clone-fails-halfway";
		await createEdition({ id: target, year: 2041, start: "2041-10-07", end: "2041-10-09" });
		const before = await editionSnapshot(target);
		// A room of an edition that does not exist: the foreign key fails it, after half the inserts ran.
		const broken = env.DB.prepare(
			"insert into rooms (id, edition_id, name) values (?, 'no-such-edition', 'Ghost')",
		).bind(newId());
		const observed = observedD1(env.DB, {
			rewrite: (statements) => {
				const middle = Math.floor(statements.length / 2);
				return [...statements.slice(0, middle), broken, ...statements.slice(middle)];
			},
		});

		const failed = cloneEdition(createDatabase(observed.db), {
			sourceEditionId: AINM_2023,
			targetEditionId: target,
			parts: ALL_PARTS,
		});

		await expect(failed).rejects.toThrow(/FOREIGN KEY constraint failed/);
		// The whole clone was that one batch: inserts of every part, the bump and the provenance.
		expect(observed.batches).toHaveLength(1);
		expect(observed.batches[0]?.length).toBeGreaterThan(12);
		expect(await editionSnapshot(target)).toEqual(before);
		expect(await contentVersion(target)).toBe(Number(before.edition?.content_version));
	});

	it("refuses with 409 and writes nothing when the target changes between the checks and the write", async () => {
		const target = "clone-raced";
		await createEdition({ id: target, year: 2043, start: "2043-10-05", end: "2043-10-07" });
		const before = await rowCounts(target);
		const versionBefore = await contentVersion(target);
		// Another request's write lands just before the clone's batch.
		const observed = observedD1(env.DB, {
			beforeBatch: async () => {
				await env.DB.prepare("insert into sponsor_tiers (id, edition_id, name) values (?, ?, 'Added meanwhile')")
					.bind(newId(), target)
					.run();
				await env.DB.prepare("update editions set content_version = content_version + 1 where id = ?")
					.bind(target)
					.run();
			},
		});

		const raced = cloneEdition(createDatabase(observed.db), {
			sourceEditionId: AINM_2023,
			targetEditionId: target,
			parts: ["pages", "sponsor_tiers"],
		});

		await expect(raced).rejects.toMatchObject({ status: 409, code: "edition_changed" });
		expect(await rowCounts(target)).toEqual({ ...before, sponsor_tiers: 1 });
		expect(await contentVersion(target)).toBe(versionBefore + 1);
	});
});

describe("a large clone", () => {
	it("copies 3 days, 150 sessions, 40 pages and 300 checklist tasks in one batch of statements within D1's limits", async () => {
		const source = "clone-large-source";
		const target = "clone-large-target";
		await createEdition({ id: source, year: 2045, start: "2045-10-02", end: "2045-10-04", status: "archived" });
		await createEdition({ id: target, year: 2047, start: "2047-10-07", end: "2047-10-09" });
		const roomIds = Array.from({ length: 5 }, () => newId());
		const trackIds = Array.from({ length: 3 }, () => newId());
		const statements: D1PreparedStatement[] = [
			...roomIds.map((id, i) =>
				env.DB.prepare("insert into rooms (id, edition_id, name, position) values (?, ?, ?, ?)").bind(
					id,
					source,
					`Room ${i + 1}`,
					i,
				),
			),
			...trackIds.map((id, i) =>
				env.DB.prepare("insert into tracks (id, edition_id, name, position) values (?, ?, ?, ?)").bind(
					id,
					source,
					`Track ${i + 1}`,
					i,
				),
			),
		];
		// 3 days × 10 hourly slots × 5 rooms.
		let seq = 0;
		for (let day = 1; day <= 3; day++) {
			for (let slot = 0; slot < 10; slot++) {
				roomIds.forEach((roomId, r) => {
					seq++;
					statements.push(
						env.DB.prepare(
							"insert into sessions (id, edition_id, seq, guid, kind, title, description, day, start_time, duration_minutes, room_id, track_id) values (?, ?, ?, ?, 'track', ?, ?, ?, ?, 45, ?, ?)",
						).bind(
							newId(),
							source,
							seq,
							newId(),
							`Session ${seq} of {{edition.name}}`,
							"A description of some length. ".repeat(40),
							day,
							`${String(8 + slot).padStart(2, "0")}:00`,
							roomId,
							trackIds[r % 3],
						),
					);
				});
			}
		}
		for (let i = 1; i <= 40; i++) {
			statements.push(
				env.DB.prepare(
					"insert into pages (id, edition_id, slug, title, body, nav_order) values (?, ?, ?, ?, ?, ?)",
				).bind(
					newId(),
					source,
					`page-${i}`,
					`Page ${i}`,
					`# Page ${i}\n\n${"Long Markdown text for {{edition.name}}. ".repeat(1500)}`,
					i,
				),
			);
		}
		for (let i = 1; i <= 300; i++) {
			statements.push(
				env.DB.prepare(
					"insert into checklist_tasks (id, edition_id, title, owner_role, due_offset_days, status, done_at, position) values (?, ?, ?, 'organizer', ?, 'done', ?, ?)",
				).bind(newId(), source, `Task ${i}`, -600 + i * 2, Date.now(), i),
			);
		}
		await env.DB.batch(statements);
		const observed = observedD1(env.DB);

		const summary = await cloneEdition(createDatabase(observed.db), {
			sourceEditionId: source,
			targetEditionId: target,
			parts: ["pages", "rooms_tracks", "program", "checklist"],
		});

		expect(summary.created).toEqual({ pages: 40, tracks: 3, rooms: 5, sessions: 150, checklistTasks: 300 });
		const counts = await rowCounts(target);
		expect([counts.pages, counts.rooms, counts.tracks, counts.sessions, counts.checklist_tasks]).toEqual([
			40, 5, 3, 150, 300,
		]);
		expect(
			await rowsOf(
				"select count(*) as n from sessions where edition_id = ? and title like '% of {{edition.name}}'",
				target,
			),
		).toEqual([{ n: 150 }]);
		expect(await rowsOf("select count(*) as n from sessions where edition_id = ? and room_id is null", target)).toEqual(
			[{ n: 0 }],
		);
		// One batch; each statement within D1's 100 bound parameters and far below its 100 KB of SQL.
		const writes = observed.batches.filter((batch) => batch.some((s) => s.sql.startsWith("insert")));
		expect(writes).toHaveLength(1);
		const inserts = writes[0]?.filter((s) => s.sql.startsWith("insert")) ?? [];
		expect(inserts.length).toBeGreaterThan(20);
		expect(Math.max(...inserts.map((s) => s.params))).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
		expect(Math.max(...inserts.map((s) => s.sql.length))).toBeLessThan(10_000);
	});

	it("chunks inserts by the table's columns, so every statement binds at most 100 values", () => {
		const db = testDb();
		// Every column given, as a clone gives them: each row binds 9 values.
		const rows = Array.from({ length: 250 }, (_, i) => ({
			id: `t${i}`,
			editionId: "e",
			title: `Task ${i}`,
			ownerRole: "organizer" as const,
			dueOffsetDays: -i,
			status: "open" as const,
			doneAt: null,
			reminderSentAt: null,
			position: i,
		}));

		const statements = chunkedInserts(db, checklistTasks, rows);

		// 11 rows (99 values) per statement, the rest in the last.
		const params = statements.map((s) => (s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length);
		expect(params).toEqual([...Array(22).fill(99), 8 * 9]);
	});
});
