/**
 * Search across a series' handover notes (FTS5): what it finds and in which order, snippets,
 * filters, scope (hidden notes filtered inside the query, before the limit), and hostile input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../../src/auth/actor";
import { noteAudience } from "../../../src/auth/policy";
import { ftsQuery, searchNotes, snippetPieces } from "../../../src/features/handover/search";
import { getAs, sendJson } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { createWorld, insertNote, type World } from "./helpers";

let w: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
	w = await createWorld();
	const in23 = { seriesId: w.seriesId, editionId: w.editions[2023], authorId: w.users.chair23.id };
	ids.titleHit = await insertNote({
		...in23,
		title: "Students need their own ticket",
		body: "Plan 60 places.",
		topic: "registration_badges",
		tags: ["tickets"],
	});
	ids.bodyHit = await insertNote({
		...in23,
		title: "Registration desk",
		body: "Many students arrived on the first morning; the desk needed four volunteers at 8:00.",
		topic: "volunteers_staff",
		tags: ["desk"],
	});
	ids.tagHit = await insertNote({
		...in23,
		title: "Dinner seating",
		body: "Mix the tables.",
		topic: "catering_social",
		tags: ["students"],
	});
	ids.unrelated = await insertNote({
		...in23,
		title: "Venue wifi",
		body: "Ask for a separate network.",
		topic: "venue_rooms",
	});
	ids.diacritics = await insertNote({
		...in23,
		title: "Café near the Martinikerk",
		body: "Coffee for 250.",
		topic: "catering_social",
	});
	ids.privateHit = await insertNote({
		...in23,
		title: "Students draft",
		body: "students students",
		visibility: "private",
	});
	ids.otherSeries = await insertNote({
		seriesId: w.otherSeriesId,
		editionId: w.otherEdition,
		title: "Students elsewhere",
	});
});

const search = async (cookie: string, query: string) => {
	const res = await sendJson("GET", `/api/v1/series/${w.seriesSlug}/handover-notes?${query}`, undefined, { cookie });
	expect(res.status).toBe(200);
	return (await res.json<{ data: { id: string; title: string; snippet: { text: string; match: boolean }[] }[] }>())
		.data;
};

describe("search", () => {
	it("finds every note with the word in its title, body or tags, a title match first", async () => {
		const found = await search(w.users.chair25.cookie, "q=students");
		expect(found[0]?.id).toBe(ids.titleHit);
		expect(found.map((n) => n.id).sort()).toEqual([ids.titleHit, ids.bodyHit, ids.tagHit].sort());
	});

	it("returns a snippet with the matched word marked", async () => {
		const found = await search(w.users.chair25.cookie, "q=volunteers");
		expect(found.map((n) => n.id)).toEqual([ids.bodyHit]);
		expect(found[0]?.snippet).toEqual([
			{ text: "Many students arrived on the first morning; the desk needed four ", match: false },
			{ text: "volunteers", match: true },
			{ text: " at 8:00.", match: false },
		]);
	});

	it("needs every word, matches beginnings with *, and ignores accents", async () => {
		expect((await search(w.users.chair25.cookie, "q=students+desk")).map((n) => n.id)).toEqual([ids.bodyHit]);
		expect((await search(w.users.chair25.cookie, "q=volunt*")).map((n) => n.id)).toEqual([ids.bodyHit]);
		expect((await search(w.users.chair25.cookie, "q=cafe")).map((n) => n.id)).toEqual([ids.diacritics]);
	});

	it("narrows by topic and by tag", async () => {
		expect((await search(w.users.chair25.cookie, "q=students&topic=catering_social")).map((n) => n.id)).toEqual([
			ids.tagHit,
		]);
		expect((await search(w.users.chair25.cookie, "q=students&tag=Desk")).map((n) => n.id)).toEqual([ids.bodyHit]);
		// Without words: the filters list the latest notes.
		expect((await search(w.users.chair25.cookie, "tag=tickets")).map((n) => n.id)).toEqual([ids.titleHit]);
	});

	it("finds drafts for their own committee only, and never another series' notes", async () => {
		const committee = (await search(w.users.reviewer23.cookie, "q=students")).map((n) => n.id);
		const later = (await search(w.users.chair25.cookie, "q=students")).map((n) => n.id);
		expect(committee).toContain(ids.privateHit);
		expect(later).not.toContain(ids.privateHit);
		expect([...committee, ...later]).not.toContain(ids.otherSeries);
	});

	it("filters hidden notes inside the query, so the limit never cuts visible ones", async () => {
		const db = testDb();
		const first = async (userId: string) => {
			const audience = noteAudience(await loadActor(db, userId));
			const [top] = await searchNotes(db, audience, { seriesId: w.seriesId, query: "students", limit: 1 });
			return top?.note.id;
		};
		// The private draft ranks first (its title and body both match) for its own committee…
		expect(await first(w.users.reviewer23.id)).toBe(ids.privateHit);
		// …and a later committee, who may not read it, still gets a full page of what it may read.
		expect(await first(w.users.chair25.id)).toBe(ids.titleHit);
	});

	it.each([
		'"',
		'"""',
		"*",
		"NEAR(",
		"NEAR(students venue, 2)",
		"students OR",
		"AND",
		"NOT students",
		"title:students",
		"^students",
		"(students",
		"students)",
		"'; drop table handover_notes; --",
		"-",
		"🎓 students",
		"a".repeat(200),
		"{title body}: students",
		"students +venue",
		"\u0000students",
		"stud\u0000ents\u0007",
	])("answers %j without an error", async (query) => {
		const api = await sendJson(
			"GET",
			`/api/v1/series/${w.seriesSlug}/handover-notes?q=${encodeURIComponent(query)}`,
			undefined,
			{
				cookie: w.users.chair25.cookie,
			},
		);
		const page = await getAs(
			`/console/series/${w.seriesSlug}/handover?q=${encodeURIComponent(query)}`,
			w.users.chair25.cookie,
		);
		expect([api.status, page.status]).toEqual([200, 200]);
	});

	it("shows matches on the console page with the words marked", async () => {
		const html = await (
			await getAs(`/console/series/${w.seriesSlug}/handover?q=volunteers`, w.users.chair25.cookie)
		).text();
		expect(html).toContain("1 match");
		expect(html).toContain("<mark>volunteers</mark>");
		expect(html).toContain(`href="/console/notes/${ids.bodyHit}"`);
	});

	it("answers a topic that does not exist with 400 and a message", async () => {
		const res = await sendJson("GET", `/api/v1/series/${w.seriesSlug}/handover-notes?topic=gossip`, undefined, {
			cookie: w.users.chair25.cookie,
		});
		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			topic: "Choose a topic from the list.",
		});
	});

	it("answers an unknown series with 404", async () => {
		const res = await sendJson("GET", "/api/v1/series/no-such-series/handover-notes?q=x", undefined);
		expect(res.status).toBe(404);
	});
});

describe("ftsQuery", () => {
	it("quotes every word, keeps a trailing * as a prefix, drops quotes and what has no letters", () => {
		expect(ftsQuery('student "ticket* OR NEAR( - *')).toBe('"student" "ticket"* "OR" "NEAR("');
		expect(ftsQuery(' "" * ^ ')).toBeNull();
		expect(ftsQuery("\u0000x stud\u0007ent")).toBe('"x" "stud" "ent"');
	});

	it("splits a marked snippet into pieces", () => {
		expect(snippetPieces("a \u0002b\u0003 c\u0002d\u0003")).toEqual([
			{ text: "a ", match: false },
			{ text: "b", match: true },
			{ text: " c", match: false },
			{ text: "d", match: true },
		]);
	});
});
