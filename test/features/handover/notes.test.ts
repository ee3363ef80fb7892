/**
 * Writing handover notes through the console and the API: exact rows, validation messages with
 * nothing written, who may write, edits, removal, and notes of an archived edition.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getAs, postForm, sendJson } from "../../auth-helpers";
import { createWorld, insertNote, rows, type World } from "./helpers";

let w: World;

beforeAll(async () => {
	w = await createWorld();
});

const notesOf = (editionId: string) =>
	rows<Record<string, unknown>>(
		"select topic, title, body, tags, visibility, source, author_id from handover_notes where edition_id = ? order by created_at, rowid",
		editionId,
	);

const form = {
	topic: "registration_badges",
	title: "The student ticket sold out in a week",
	body: "Open **more** student places, and <b>early</b>.",
	tags: "Students, tickets, students ",
	visibility: "",
};

describe("writing a note in the console", () => {
	it("saves the note of the chair's edition and opens it, tags lowercased once each, for later committees by default", async () => {
		const res = await postForm(`/console/editions/${w.editions[2023]}/handover/notes`, form, w.users.chair23.cookie);

		expect(res.status).toBe(303);
		const [row] = await rows<{ id: string }>(
			"select id from handover_notes where edition_id = ? and title = ?",
			w.editions[2023],
			form.title,
		);
		expect(res.headers.get("Location")).toBe(`/console/notes/${row?.id}?notice=added`);
		expect(await notesOf(w.editions[2023])).toEqual([
			{
				topic: "registration_badges",
				title: "The student ticket sold out in a week",
				body: "Open **more** student places, and <b>early</b>.",
				tags: '["students","tickets"]',
				visibility: "future_committees",
				source: "written",
				author_id: w.users.chair23.id,
			},
		]);
	});

	it("renders the body as Markdown with raw HTML escaped", async () => {
		const [row] = await rows<{ id: string }>("select id from handover_notes where title = ?", form.title);
		const html = await (await getAs(`/console/notes/${row?.id}`, w.users.chair23.cookie)).text();

		expect(html).toContain("<p>Open <strong>more</strong> student places, and &lt;b&gt;early&lt;/b&gt;.</p>");
		expect(html).toContain("Registration &amp; badges");
		expect(html).toContain("For later committees");
	});

	it("shows the messages beside the fields and writes nothing when the input is invalid", async () => {
		const before = await notesOf(w.editions[2025]);
		const res = await postForm(
			`/console/editions/${w.editions[2025]}/handover/notes`,
			{ topic: "gossip", title: "", body: "<script>alert(1)</script>", tags: "a,b,c,d,e,f,g,h,i,j,k", visibility: "" },
			w.users.chair25.cookie,
		);

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain("Choose one of the options.");
		expect(html).toContain("Title is required.");
		expect(html).toContain("Use Markdown only: scripts, raw HTML and javascript: links are not allowed.");
		expect(html).toContain("Use at most 10 tags.");
		expect(await notesOf(w.editions[2025])).toEqual(before);
	});

	it("lets neither a reviewer of the edition nor a later committee write its notes", async () => {
		const reviewer = await postForm(
			`/console/editions/${w.editions[2023]}/handover/notes`,
			form,
			w.users.reviewer23.cookie,
		);
		const later = await postForm(`/console/editions/${w.editions[2023]}/handover/notes`, form, w.users.chair25.cookie);

		expect(reviewer.status).toBe(403);
		// 2023 is public (held): its existence is no secret, so 403.
		expect(later.status).toBe(403);
	});

	it("edits and removes a note from its edit page", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "To change" });

		const edited = await postForm(
			`/console/notes/${id}/edit`,
			{ topic: "contacts", title: "Changed", body: "Call the venue manager.", tags: "venue", visibility: "public" },
			w.users.organizer23.cookie,
		);
		expect(edited.status).toBe(303);
		expect(await rows("select topic, title, body, tags, visibility from handover_notes where id = ?", id)).toEqual([
			{ topic: "contacts", title: "Changed", body: "Call the venue manager.", tags: '["venue"]', visibility: "public" },
		]);

		const removed = await postForm(`/console/notes/${id}/delete`, {}, w.users.organizer23.cookie);
		expect(removed.status).toBe(303);
		expect(removed.headers.get("Location")).toBe(`/console/editions/${w.editions[2023]}/handover/notes?notice=removed`);
		expect(await rows("select id from handover_notes where id = ?", id)).toEqual([]);
	});

	it("keeps an archived edition's notes writable by its chair (notes are not its public content)", async () => {
		const res = await postForm(
			`/console/editions/${w.editions[2021]}/handover/notes`,
			{ ...form, title: "Written after the archive" },
			w.users.chair21.cookie,
		);

		expect(res.status).toBe(303);
		expect((await notesOf(w.editions[2021])).map((n) => n.title)).toEqual(["Written after the archive"]);
	});
});

describe("the API", () => {
	const path = () => `/api/v1/editions/${w.editions[2025]}/handover-notes`;

	it("creates a note and answers with it", async () => {
		const res = await sendJson(
			"POST",
			path(),
			{ topic: "sponsors_industry", title: "Ask sponsors in spring", tags: ["Sponsors"] },
			{ cookie: w.users.chair25.cookie },
		);

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toEqual({
			id: expect.any(String),
			seriesId: w.seriesId,
			editionId: w.editions[2025],
			topic: "sponsors_industry",
			title: "Ask sponsors in spring",
			body: "",
			tags: ["sponsors"],
			visibility: "future_committees",
			source: "written",
			edition: { id: w.editions[2025], name: "HS 2025", year: 2025 },
			authorName: "Test chair25",
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
			url: `/console/notes/${data.id}`,
		});
	});

	it("answers 400 with a message per field, and writes nothing", async () => {
		const before = await notesOf(w.editions[2025]);
		const res = await sendJson(
			"POST",
			path(),
			{ topic: "weather", visibility: "everyone", tags: "not a list", extra: 1 },
			{ cookie: w.users.chair25.cookie },
		);

		expect(res.status).toBe(400);
		const body = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
		expect(body.error.code).toBe("invalid_input");
		expect(body.error.fields).toEqual({
			topic: "Choose one of the options.",
			title: "Title is required.",
			visibility: "Choose one of the options.",
			_: expect.stringContaining("extra"),
		});
		expect(await notesOf(w.editions[2025])).toEqual(before);
	});

	it("changes only the fields a PATCH sends, and marks the note changed", async () => {
		const id = await insertNote({
			seriesId: w.seriesId,
			editionId: w.editions[2025],
			title: "Before",
			body: "Kept",
			tags: ["kept"],
			topic: "contacts",
		});
		const [{ updated_at: before } = { updated_at: 0 }] = await rows<{ updated_at: number }>(
			"select updated_at from handover_notes where id = ?",
			id,
		);

		const res = await sendJson(
			"PATCH",
			`/api/v1/handover-notes/${id}`,
			{ title: "After" },
			{ cookie: w.users.chair25.cookie },
		);

		expect(res.status).toBe(200);
		const [row] = await rows<Record<string, unknown>>(
			"select topic, title, body, tags, visibility, updated_at from handover_notes where id = ?",
			id,
		);
		expect(row).toEqual({
			topic: "contacts",
			title: "After",
			body: "Kept",
			tags: '["kept"]',
			visibility: "future_committees",
			updated_at: expect.any(Number),
		});
		expect(Number(row?.updated_at)).toBeGreaterThanOrEqual(before);
	});

	it("refuses a PATCH that breaks a field with 400 and keeps the note", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2025], title: "Stays" });

		const res = await sendJson(
			"PATCH",
			`/api/v1/handover-notes/${id}`,
			{ title: "" },
			{ cookie: w.users.chair25.cookie },
		);

		expect(res.status).toBe(400);
		expect(await rows("select title from handover_notes where id = ?", id)).toEqual([{ title: "Stays" }]);
	});

	it("removes a note with its links and reads", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2025], title: "Gone soon" });
		await sendJson("POST", `/api/v1/handover-notes/${id}/read`, undefined, { cookie: w.users.chair25.cookie });
		await sendJson(
			"POST",
			`/api/v1/handover-notes/${id}/links`,
			{ subjectKind: "deadline", subjectId: "abstract_call.closes" },
			{ cookie: w.users.chair25.cookie },
		);
		expect((await rows("select note_id from note_reads where note_id = ?", id)).length).toBe(1);

		const res = await sendJson("DELETE", `/api/v1/handover-notes/${id}`, undefined, { cookie: w.users.chair25.cookie });

		expect(res.status).toBe(204);
		expect(await rows("select id from handover_notes where id = ?", id)).toEqual([]);
		expect(await rows("select note_id from note_reads where note_id = ?", id)).toEqual([]);
		expect(await rows("select note_id from handover_note_links where note_id = ?", id)).toEqual([]);
	});

	it("lets a reviewer read but not change the edition's notes (403)", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2025], title: "Read only" });

		expect(
			(await sendJson("GET", `/api/v1/handover-notes/${id}`, undefined, { cookie: w.users.reviewer25.cookie })).status,
		).toBe(200);
		const res = await sendJson(
			"PATCH",
			`/api/v1/handover-notes/${id}`,
			{ title: "No" },
			{ cookie: w.users.reviewer25.cookie },
		);
		expect(res.status).toBe(403);
		expect(await rows("select title from handover_notes where id = ?", id)).toEqual([{ title: "Read only" }]);
	});
});
