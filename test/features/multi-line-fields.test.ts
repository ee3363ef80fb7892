/**
 * Multi-line text (issue 11): Markdown bodies, descriptions and messages keep LF and TAB, are stored
 * with LF where a browser or client sent CRLF or a lone CR, and refuse NUL and other controls with
 * a 400 naming the field and nothing written.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/lib/ids";
import { CONTROL_CHARACTER_MESSAGE } from "../../src/lib/text-input";
import { createTestUser, postForm, sendJson, type TestUser } from "../auth-helpers";

let chair: TestUser;
let steward: TestUser;
const id = newId().slice(0, 8);
const editionId = `ed-${id}`;
const seriesSlug = `series-${id}`;
const noteId = `note-${id}`;

const one = async <T>(sql: string, ...args: unknown[]) =>
	env.DB.prepare(sql)
		.bind(...args)
		.first<T>();

beforeAll(async () => {
	[chair, steward] = await Promise.all([createTestUser("chair"), createTestUser("steward")]);
	const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);
	await env.DB.batch([
		q("insert into series (id, slug, name, short_name) values (?, ?, 'Series', 'SER')", `s-${id}`, seriesSlug),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", `s-${id}`, steward.id),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2031, 'SER 2031', '2031-05-05', '2031-05-07', 'Europe/Amsterdam', 'draft')",
			editionId,
			`s-${id}`,
		),
		q("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')", editionId, chair.id),
		q(
			"insert into handover_notes (id, series_id, edition_id, topic, title, author_id) values (?, ?, ?, 'venue_rooms', 'Book the hall early', ?)",
			noteId,
			`s-${id}`,
			editionId,
			chair.id,
		),
	]);
});

describe("multi-line text", () => {
	it("stores a note's Markdown posted by a browser (CRLF) with LF, tabs kept", async () => {
		const res = await postForm(
			`/console/notes/${noteId}/edit`,
			{
				topic: "venue_rooms",
				title: "Book it early",
				body: "First line\r\nSecond line\r\n\tindented\rlast",
				tags: "",
				visibility: "",
			},
			chair.cookie,
		);
		expect(res.status).toBe(303);
		expect(await one("select body from handover_notes where id = ?", noteId)).toEqual({
			body: "First line\nSecond line\n\tindented\nlast",
		});
	});

	it("stores a series description sent as JSON with CRLF as LF", async () => {
		const res = await sendJson(
			"PATCH",
			`/api/v1/series/${seriesSlug}`,
			{ description: "One.\r\nTwo.\rThree." },
			{ cookie: steward.cookie },
		);
		expect(res.status).toBe(200);
		expect(await one("select description from series where slug = ?", seriesSlug)).toEqual({
			description: "One.\nTwo.\nThree.",
		});
	});

	it("stores a question in a note's thread with LF", async () => {
		const res = await sendJson(
			"POST",
			`/api/v1/handover-notes/${noteId}/threads`,
			{ body: "How early?\r\nAnd where?" },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(201);
		expect(
			await one(
				"select body from note_messages where thread_id = (select id from note_threads where note_id = ?)",
				noteId,
			),
		).toEqual({
			body: "How early?\nAnd where?",
		});
	});

	it.each([
		["NUL", "Hello\u0000world"],
		["ESC", "Hello\u001b[2Jworld"],
		["C1", "Hello\u0085world"],
	])("refuses %s in a Markdown body with 400 on the field, writing nothing", async (_, body) => {
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${editionId}/pages`,
			{ title: "Travel", slug: `t-${newId().slice(0, 6)}`, body },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			body: CONTROL_CHARACTER_MESSAGE,
		});
		expect(await one("select count(*) as n from pages where edition_id = ?", editionId)).toEqual({ n: 0 });
	});

	it("refuses NUL in a speaker's biography through the console form", async () => {
		const res = await postForm(
			`/console/editions/${editionId}/speakers`,
			{ name: "Ada", bio: "Born\u0000" },
			chair.cookie,
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(`<p class="field-error" id="field-bio-error">${CONTROL_CHARACTER_MESSAGE}</p>`);
		expect(await one("select count(*) as n from speakers where edition_id = ?", editionId)).toEqual({ n: 0 });
	});
});
