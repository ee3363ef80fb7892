/**
 * Notes attached to the things they describe: attaching (only to things of the note's own
 * edition), the advice on the thing's edit page and the checklist timeline, and links that travel
 * with the copies when the edition is cloned.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { cloneEdition } from "../../../src/features/cloning/clone";
import { getAs, postForm, sendJson } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { createWorld, insertNote, rows, type World } from "./helpers";

/** The API list's page beside its data: everything fits on the first page of 50. */
const ONE_PAGE = { limit: 50, nextCursor: null };

let w: World;
const thing: Record<string, string> = {};
const notes: Record<string, string> = {};

const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);

beforeAll(async () => {
	w = await createWorld();
	const ed = w.editions[2023];
	const id = (name: string) => `${name}-${ed}`;
	Object.assign(thing, {
		student: id("ticket-student"),
		regular: id("ticket-regular"),
		hall: id("room-hall"),
		clinical: id("track-clinical"),
		badges: id("task-badges"),
		dinner: id("field-dinner"),
		confirmation: id("text-confirmation"),
	});
	await env.DB.batch([
		q(
			"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_close_offset_days, capacity) values (?, ?, 'Student', -240, -3, 60), (?, ?, 'Regular', -59, -3, null)",
			thing.student,
			ed,
			thing.regular,
			ed,
		),
		q("insert into rooms (id, edition_id, name) values (?, ?, 'Plenary hall')", thing.hall, ed),
		q("insert into tracks (id, edition_id, name) values (?, ?, 'Clinical track')", thing.clinical, ed),
		q(
			"insert into checklist_tasks (id, edition_id, title, due_offset_days) values (?, ?, 'Print badges', -7)",
			thing.badges,
			ed,
		),
		q(
			"insert into registration_fields (id, edition_id, label, kind) values (?, ?, 'Conference dinner', 'checkbox')",
			thing.dinner,
			ed,
		),
		q(
			"insert into email_texts (id, edition_id, key, subject) values (?, ?, 'registration-confirmation', 'You are registered')",
			thing.confirmation,
			ed,
		),
	]);
	const by23 = { seriesId: w.seriesId, editionId: ed, authorId: w.users.organizer23.id };
	notes.sold = await insertNote({
		...by23,
		title: "The student ticket sold out in a week",
		topic: "registration_badges",
	});
	notes.hall = await insertNote({ ...by23, title: "The hall's projector needs an HDMI adapter", topic: "venue_rooms" });
	notes.draft = await insertNote({ ...by23, title: "Draft: badge printer", visibility: "private" });
	notes.call = await insertNote({
		...by23,
		title: "Extend the deadline by a week: everyone does",
		topic: "abstracts_review",
	});
});

const link = (noteId: string, subjectKind: string, subjectId: string, cookie = w.users.organizer23.cookie) =>
	sendJson("POST", `/api/v1/handover-notes/${noteId}/links`, { subjectKind, subjectId }, { cookie });
const linksOf = (noteId: string) =>
	rows(
		"select edition_id, subject_kind, subject_id from handover_note_links where note_id = ? order by edition_id, subject_kind, subject_id",
		noteId,
	);

describe("attaching a note", () => {
	it("links it to a thing of its edition and names the thing", async () => {
		const res = await link(notes.sold as string, "ticket_type", thing.student as string);

		expect(res.status).toBe(201);
		expect((await res.json<{ data: unknown }>()).data).toEqual({
			editionId: w.editions[2023],
			editionName: "HS 2023",
			subjectKind: "ticket_type",
			subjectId: thing.student,
			label: "Student",
		});
		expect(await linksOf(notes.sold as string)).toEqual([
			{ edition_id: w.editions[2023], subject_kind: "ticket_type", subject_id: thing.student },
		]);
	});

	it("lets go of a thing that is deleted, in the same write: no link points at a row that is gone", async () => {
		const room = `room-annex-${w.editions[2023]}`;
		await q("insert into rooms (id, edition_id, name) values (?, ?, 'Annex')", room, w.editions[2023]).run();
		expect((await link(notes.hall as string, "room", room)).status).toBe(201);

		const deleted = await sendJson("DELETE", `/api/v1/editions/${w.editions[2023]}/rooms/${room}`, undefined, {
			cookie: w.users.organizer23.cookie,
		});

		expect(deleted.status).toBe(204);
		expect(await rows("select note_id from handover_note_links where subject_id = ?", room)).toEqual([]);
		// The note itself stays, with its other links.
		expect(await rows("select id from handover_notes where id = ?", notes.hall)).toEqual([{ id: notes.hall }]);
	});

	it("refuses a thing of another edition, an unknown deadline and an unknown kind, writing nothing", async () => {
		const otherRoom = `room-of-2021-${w.editions[2021]}`;
		await q("insert into rooms (id, edition_id, name) values (?, ?, 'Elsewhere')", otherRoom, w.editions[2021]).run();

		const foreign = await link(notes.hall as string, "room", otherRoom);
		const deadline = await link(notes.hall as string, "deadline", "event.party");
		const kind = await link(notes.hall as string, "speaker", "x");

		expect([foreign.status, deadline.status, kind.status]).toEqual([422, 422, 400]);
		expect((await foreign.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			subjectId: "Choose a room of the note's own edition.",
		});
		expect(await linksOf(notes.hall as string)).toEqual([]);
	});

	it("attaches and detaches from the note's page", async () => {
		const attached = await postForm(
			`/console/notes/${notes.hall}/links`,
			{ subject: `room:${thing.hall}` },
			w.users.chair23.cookie,
		);
		expect(attached.status).toBe(303);
		const html = await (await getAs(`/console/notes/${notes.hall}`, w.users.chair23.cookie)).text();
		expect(html).toContain("HS 2023 · Room: Plenary hall");
		expect(html).toContain(`<option value="ticket_type:${thing.student}">Student</option>`);

		const detached = await postForm(
			`/console/notes/${notes.hall}/links/remove`,
			{ subject: `room:${thing.hall}` },
			w.users.chair23.cookie,
		);
		expect(detached.status).toBe(303);
		expect(await linksOf(notes.hall as string)).toEqual([]);
	});

	it("lets only the authoring chairs and organizers attach (403 for its reviewer)", async () => {
		const res = await link(notes.hall as string, "room", thing.hall as string, w.users.reviewer23.cookie);
		expect(res.status).toBe(403);
	});
});

describe("the advice beside the thing", () => {
	beforeAll(async () => {
		await link(notes.hall as string, "room", thing.hall as string);
		await link(notes.draft as string, "checklist_task", thing.badges as string);
		await link(notes.sold as string, "checklist_task", thing.badges as string);
		await link(notes.call as string, "deadline", "abstract_call.closes");
		await link(notes.sold as string, "email_text", thing.confirmation as string);
		await link(notes.sold as string, "registration_field", thing.dinner as string);
		await link(notes.hall as string, "track", thing.clinical as string);
	});

	it("shows on the ticket type's edit page", async () => {
		const html = await (
			await getAs(`/console/editions/${w.editions[2023]}/ticket-types/${thing.student}`, w.users.chair23.cookie)
		).text();
		expect(html).toContain('<h2 id="note-advice">From the handover notes</h2>');
		expect(html).toContain(`2023: <a href="/console/notes/${notes.sold}">The student ticket sold out in a week</a>`);
	});

	it("shows nothing on a thing without notes", async () => {
		const html = await (
			await getAs(`/console/editions/${w.editions[2023]}/ticket-types/${thing.regular}`, w.users.chair23.cookie)
		).text();
		expect(html).not.toContain("From the handover notes");
	});

	it("shows under the task on the checklist timeline", async () => {
		const html = await (await getAs(`/console/editions/${w.editions[2023]}/checklist`, w.users.chair23.cookie)).text();
		expect(html).toContain(`2023: <a href="/console/notes/${notes.sold}">The student ticket sold out in a week</a>`);
		expect(html).toContain("Draft: badge printer");
	});
});

describe("cloning the edition", () => {
	beforeAll(async () => {
		await cloneEdition(testDb(), {
			sourceEditionId: w.editions[2023],
			targetEditionId: w.editions[2025],
			parts: ["rooms_tracks", "registration", "checklist", "abstract_call", "email_texts"],
		});
	});

	const copyOf = async (table: string, column: string, value: string) =>
		(
			await rows<{ id: string }>(
				`select id from ${table} where edition_id = ? and ${column} = ?`,
				w.editions[2025],
				value,
			)
		)[0]?.id;

	it("links every note to the copies of its things in the new edition, the originals kept", async () => {
		const student = await copyOf("ticket_types", "name", "Student");
		const badges = await copyOf("checklist_tasks", "title", "Print badges");
		const hall = await copyOf("rooms", "name", "Plenary hall");
		const clinical = await copyOf("tracks", "name", "Clinical track");
		const dinner = await copyOf("registration_fields", "label", "Conference dinner");
		const confirmation = await copyOf("email_texts", "key", "registration-confirmation");

		const inTarget = await rows(
			"select note_id, subject_kind, subject_id from handover_note_links where edition_id = ? order by note_id, subject_kind",
			w.editions[2025],
		);
		const expected = [
			{ note_id: notes.sold, subject_kind: "checklist_task", subject_id: badges },
			{ note_id: notes.sold, subject_kind: "email_text", subject_id: confirmation },
			{ note_id: notes.sold, subject_kind: "registration_field", subject_id: dinner },
			{ note_id: notes.sold, subject_kind: "ticket_type", subject_id: student },
			{ note_id: notes.hall, subject_kind: "room", subject_id: hall },
			{ note_id: notes.hall, subject_kind: "track", subject_id: clinical },
			{ note_id: notes.draft, subject_kind: "checklist_task", subject_id: badges },
			{ note_id: notes.call, subject_kind: "deadline", subject_id: "abstract_call.closes" },
		];
		expect(inTarget).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
		expect(inTarget.length).toBe(expected.length);
		expect((await linksOf(notes.sold as string)).filter((l) => l.edition_id === w.editions[2023]).length).toBe(4);
	});

	it("shows the advice to the new committee on the copied ticket type, in its context", async () => {
		const student = await copyOf("ticket_types", "name", "Student");
		const html = await (
			await getAs(`/console/editions/${w.editions[2025]}/ticket-types/${student}`, w.users.chair25.cookie)
		).text();
		expect(html).toContain(`2023: <a href="/console/notes/${notes.sold}">The student ticket sold out in a week</a>`);
	});

	it("keeps the previous committee's private draft from the new committee, link or not", async () => {
		const html = await (await getAs(`/console/editions/${w.editions[2025]}/checklist`, w.users.chair25.cookie)).text();
		expect(html).toContain("The student ticket sold out in a week");
		expect(html).not.toContain("Draft: badge printer");
	});

	it("carries a deadline's advice only with the part that holds the deadline", async () => {
		const target = `h27-${w.editions[2025]}`;
		await q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone) values (?, ?, 2027, 'HS 2027', '2027-10-04', '2027-10-06', 'Europe/Amsterdam')",
			target,
			w.seriesId,
		).run();

		await cloneEdition(testDb(), { sourceEditionId: w.editions[2023], targetEditionId: target, parts: ["checklist"] });

		expect(
			await rows("select subject_kind from handover_note_links where edition_id = ? order by subject_kind", target),
		).toEqual([{ subject_kind: "checklist_task" }, { subject_kind: "checklist_task" }]);
	});
});

describe("a public note's links into a draft edition", () => {
	/** A public 2023 note linked to a ticket of 2023 (held) and to one of 2025 (a draft), each named. */
	async function publicNoteIntoDraft() {
		const id = await insertNote({
			seriesId: w.seriesId,
			editionId: w.editions[2023],
			title: "Public: ticket advice",
			visibility: "public",
			authorId: w.users.organizer23.id,
		});
		const draftTicket = `ticket-secret-${id}`;
		await env.DB.batch([
			q(
				"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_close_offset_days) values (?, ?, 'Unannounced sponsor day pass', -100, -3)",
				draftTicket,
				w.editions[2025],
			),
			q(
				"insert into handover_note_links (note_id, edition_id, subject_kind, subject_id) values (?, ?, 'ticket_type', ?), (?, ?, 'ticket_type', ?)",
				id,
				w.editions[2023],
				thing.student,
				id,
				w.editions[2025],
				draftTicket,
			),
		]);
		return { id, draftTicket };
	}
	const held = () => ({
		editionId: w.editions[2023],
		editionName: "HS 2023",
		subjectKind: "ticket_type",
		subjectId: thing.student,
		label: "Student",
	});
	const labelsFor = async (noteId: string, cookie?: string) => {
		const res = await sendJson("GET", `/api/v1/handover-notes/${noteId}/links`, undefined, cookie ? { cookie } : {});
		return { status: res.status, body: await res.json() };
	};

	it("lists signed out only the links into public editions: the draft's label is not shown", async () => {
		const { id } = await publicNoteIntoDraft();

		const res = await labelsFor(id);

		expect(res).toEqual({ status: 200, body: { data: [held()], page: ONE_PAGE } });
		expect(JSON.stringify(res.body)).not.toContain("Unannounced sponsor day pass");
	});

	it("lists the same to someone signed in who cannot see the draft, also on the note's page", async () => {
		const { id } = await publicNoteIntoDraft();

		expect(await labelsFor(id, w.users.stranger.cookie)).toEqual({
			status: 200,
			body: { data: [held()], page: ONE_PAGE },
		});
		const page = await (await getAs(`/console/notes/${id}`, w.users.otherChair.cookie)).text();
		expect(page).toContain("Student");
		expect(page).not.toContain("Unannounced sponsor day pass");
	});

	it("lists the draft's link to its own committee", async () => {
		const { id, draftTicket } = await publicNoteIntoDraft();

		expect(await labelsFor(id, w.users.chair25.cookie)).toEqual({
			status: 200,
			body: {
				data: [
					held(),
					{
						editionId: w.editions[2025],
						editionName: "HS 2025",
						subjectKind: "ticket_type",
						subjectId: draftTicket,
						label: "Unannounced sponsor day pass",
					},
				],
				page: ONE_PAGE,
			},
		});
	});
});
