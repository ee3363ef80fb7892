/**
 * The next committee's handover dossier: every earlier edition's notes it may read, newest
 * edition first and by topic, unread markers per reader that go when a note is opened and come
 * back when it changes, and the counts on the edition's console home.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, sendJson } from "../../auth-helpers";
import { request } from "../../helpers";
import { createApiToken } from "../invitations/helpers";
import { createWorld, insertNote, rows, type World } from "./helpers";

let w: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
	w = await createWorld();
	const in23 = { seriesId: w.seriesId, editionId: w.editions[2023], authorId: w.users.chair23.id };
	ids.venue23 = await insertNote({ ...in23, title: "Book the hall early", topic: "venue_rooms" });
	ids.lessons23 = await insertNote({ ...in23, title: "Start the call sooner", topic: "lessons_learned" });
	ids.budget23 = await insertNote({ ...in23, title: "Sponsors paid late", topic: "budget_finance" });
	ids.draft23 = await insertNote({ ...in23, title: "Unfinished thoughts", visibility: "private" });
	ids.contacts21 = await insertNote({
		seriesId: w.seriesId,
		editionId: w.editions[2021],
		title: "The caterer's number",
		topic: "contacts",
		authorId: w.users.chair21.id,
	});
	// The reader's own edition is not in its dossier.
	ids.own25 = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2025], title: "Our own note" });
});

type DossierNote = { id: string; title: string; unread: boolean; edition: { year: number } };
const dossier = async (cookie: string) => {
	const res = await sendJson("GET", `/api/v1/editions/${w.editions[2025]}/handover-dossier`, undefined, { cookie });
	expect(res.status).toBe(200);
	return (await res.json<{ data: DossierNote[] }>()).data;
};

describe("the dossier", () => {
	it("lists the earlier editions' notes newest edition first, then by topic, all unread at first", async () => {
		expect((await dossier(w.users.chair25.cookie)).map((n) => [n.edition.year, n.title, n.unread])).toEqual([
			[2023, "Book the hall early", true],
			[2023, "Sponsors paid late", true],
			[2023, "Start the call sooner", true],
			[2021, "The caterer's number", true],
		]);
	});

	it("shows them on the console grouped by edition and topic, with unread markers and the count", async () => {
		const res = await getAs(`/console/editions/${w.editions[2025]}/handover`, w.users.reviewer25.cookie);
		const html = await res.text();

		expect(res.status).toBe(200);
		expect(html).toContain("4 notes");
		expect(html).toContain("<strong>4 unread</strong>");
		const order = [
			"HS 2023",
			"Venue &amp; rooms",
			"Budget &amp; finance",
			"Lessons learned",
			"HS 2021",
			"Contacts",
		].map((t) => html.indexOf(t));
		expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
		expect(html.match(/badge-unread/g)?.length).toBe(4);
		expect(html).not.toContain("Unfinished thoughts");
		expect(html).not.toContain("Our own note");
	});

	it("marks a note read when its page is opened, for that reader only", async () => {
		const opened = await getAs(`/console/notes/${ids.budget23}`, w.users.chair25.cookie);
		expect(opened.status).toBe(200);

		expect((await dossier(w.users.chair25.cookie)).filter((n) => n.unread).map((n) => n.title)).toEqual([
			"Book the hall early",
			"Start the call sooner",
			"The caterer's number",
		]);
		expect((await dossier(w.users.mentor25.cookie)).filter((n) => n.unread).length).toBe(4);
	});

	it("marks a note read through the API, and unread again once it changes", async () => {
		await sendJson("POST", `/api/v1/handover-notes/${ids.venue23}/read`, undefined, { cookie: w.users.chair25.cookie });
		expect((await dossier(w.users.chair25.cookie)).find((n) => n.id === ids.venue23)?.unread).toBe(false);

		const changed = await sendJson(
			"PATCH",
			`/api/v1/handover-notes/${ids.venue23}`,
			{ body: "And confirm the rooms in writing." },
			{ cookie: w.users.chair23.cookie },
		);
		expect(changed.status).toBe(200);

		expect((await dossier(w.users.chair25.cookie)).find((n) => n.id === ids.venue23)?.unread).toBe(true);
	});

	it("is not marked read by a read-only API token, neither by opening the note nor by asking", async () => {
		const reader = await createTestUser("token-reader");
		await rows(
			"insert into edition_members (edition_id, user_id, role) values (?, ?, 'reviewer')",
			w.editions[2025],
			reader.id,
		);
		const readOnly = await createApiToken(reader.id, { access: "read", editionId: w.editions[2025] });
		const readWrite = await createApiToken(reader.id, { access: "write", editionId: w.editions[2025] });
		const markers = () => rows("select note_id from note_reads where user_id = ?", reader.id);

		const page = await request(`/console/notes/${ids.lessons23}`, { headers: { Authorization: `Bearer ${readOnly}` } });
		const note = await sendJson("GET", `/api/v1/handover-notes/${ids.lessons23}`, undefined, { bearer: readOnly });
		const marked = await sendJson("POST", `/api/v1/handover-notes/${ids.lessons23}/read`, undefined, {
			bearer: readOnly,
		});

		expect([page.status, note.status, marked.status]).toEqual([200, 200, 403]);
		expect(await markers()).toEqual([]);
		const byWriter = await sendJson("POST", `/api/v1/handover-notes/${ids.lessons23}/read`, undefined, {
			bearer: readWrite,
		});
		expect(byWriter.status).toBe(204);
		expect(await markers()).toEqual([{ note_id: ids.lessons23 }]);
	});

	it("puts the counts on the edition's console home", async () => {
		const html = await (await getAs(`/console/editions/${w.editions[2025]}/content`, w.users.chair25.cookie)).text();
		expect(html).toContain(
			`<a href="/console/editions/${w.editions[2025]}/handover">Handover dossier</a>: 4 notes from earlier editions, <strong>3 unread</strong>`,
		);
	});

	it("is the stewards' too, without drafts", async () => {
		expect((await dossier(w.users.steward.cookie)).map((n) => n.title)).toEqual([
			"Book the hall early",
			"Sponsors paid late",
			"Start the call sooner",
			"The caterer's number",
		]);
	});

	it("is a 404 for whoever may not see the edition", async () => {
		const res = await sendJson("GET", `/api/v1/editions/${w.editions[2025]}/handover-dossier`, undefined, {
			cookie: w.users.otherChair.cookie,
		});
		expect(res.status).toBe(404);
	});
});
