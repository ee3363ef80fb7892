/**
 * Who reads which handover note, everywhere a note can surface: the SQL filter of lists agrees with
 * the policy for every role; a private draft never reaches a later committee or another series'
 * committee (lists, dossier, search, the note, its attachments and threads all 404); notes for
 * future committees reach the later committees and the stewards, never earlier committees or
 * other series.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../../src/auth/actor";
import { can, noteAudience } from "../../../src/auth/policy";
import { handoverNotes } from "../../../src/db/schema";
import { findNote, noteResource } from "../../../src/features/handover/notes";
import { visibleNotes } from "../../../src/features/handover/visibility";
import { getAs, sendJson } from "../../auth-helpers";
import { testDb } from "../../helpers";
import {
	createWorld,
	insertNote,
	insertWorldNotes,
	upload,
	WORLD_PEOPLE,
	type World,
	type WorldPerson,
} from "./helpers";

let w: World;
let notes: Awaited<ReturnType<typeof insertWorldNotes>>;
let otherNote: string;
let attachmentOfPrivate: string;
let threadOfPrivate: string;

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

beforeAll(async () => {
	w = await createWorld();
	notes = await insertWorldNotes(w);
	otherNote = await insertNote({
		seriesId: w.otherSeriesId,
		editionId: w.otherEdition,
		title: "Other series: penalty clause",
		body: "Penalty",
		authorId: w.users.otherChair.id,
	});
	// Data that could leak: an attachment and a question thread on the private draft.
	const res = await upload(
		`/api/v1/handover-notes/${notes.private23}/attachments`,
		new File([PDF], "contract.pdf", { type: "application/pdf" }),
		w.users.organizer23.cookie,
	);
	expect(res.status).toBe(201);
	attachmentOfPrivate = (await res.json<{ data: { id: string } }>()).data.id;
	const asked = await sendJson(
		"POST",
		`/api/v1/handover-notes/${notes.private23}/threads`,
		{ body: "Is the penalty clause settled?" },
		{ cookie: w.users.chair23.cookie },
	);
	expect(asked.status).toBe(201);
	threadOfPrivate = (await asked.json<{ data: { id: string } }>()).data.id;
});

describe("the SQL filter and the policy", () => {
	it("agree on every note for every role", async () => {
		const db = testDb();
		const all = [...Object.values(notes), otherNote];
		for (const role of [...WORLD_PEOPLE, null]) {
			const actor = role ? await loadActor(db, w.users[role].id) : null;
			const byPolicy: string[] = [];
			for (const id of all) {
				const found = await findNote(db, id);
				if (found && can(actor, "note.view", noteResource(found.note, found.edition.year))) byPolicy.push(id);
			}
			const bySql = await db
				.select({ id: handoverNotes.id })
				.from(handoverNotes)
				.where(and(inArray(handoverNotes.id, all), visibleNotes(noteAudience(actor))));
			expect({ role, ids: bySql.map((r) => r.id).sort() }).toEqual({ role, ids: byPolicy.sort() });
		}
	});

	it("give each role exactly the notes the visibility rules name", async () => {
		const db = testDb();
		const visibleTo = async (role: WorldPerson) => {
			const audience = noteAudience(await loadActor(db, w.users[role].id));
			const found = await db
				.select({ id: handoverNotes.id })
				.from(handoverNotes)
				.where(and(eq(handoverNotes.seriesId, w.seriesId), visibleNotes(audience)));
			const names = Object.entries(notes).filter(([, id]) => found.some((r) => r.id === id));
			return names.map(([name]) => name).sort();
		};
		expect(await visibleTo("organizer23")).toEqual(["future23", "private23", "public23"]);
		expect(await visibleTo("reviewer23")).toEqual(["future23", "private23", "public23"]);
		expect(await visibleTo("chair25")).toEqual(["future23", "future25", "public23"]);
		expect(await visibleTo("mentor25")).toEqual(["future23", "future25", "public23"]);
		expect(await visibleTo("expiredMentor25")).toEqual(["public23"]);
		expect(await visibleTo("chair21")).toEqual(["public23"]);
		expect(await visibleTo("steward")).toEqual(["future23", "future25", "public23"]);
		expect(await visibleTo("otherChair")).toEqual(["public23"]);
		expect(await visibleTo("stranger")).toEqual(["public23"]);
	});

	it("hold for someone on 150 committees who stewards 60 series (D1 binds at most 100 values a statement)", async () => {
		const db = testDb();
		const chair25 = noteAudience(await loadActor(db, w.users.chair25.id));
		const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
		const audience = {
			roles: new Map([...chair25.roles, ...many(150, "edition").map((id) => [id, "chair"] as const)]),
			stewardOf: new Set([...chair25.stewardOf, ...many(60, "series")]),
			latestYear: new Map([...chair25.latestYear, ...many(60, "series").map((id) => [id, 2031] as const)]),
		};
		const found = await db
			.select({ id: handoverNotes.id })
			.from(handoverNotes)
			.where(and(eq(handoverNotes.seriesId, w.seriesId), visibleNotes(audience)));
		const names = Object.entries(notes).filter(([, id]) => found.some((r) => r.id === id));
		expect(names.map(([name]) => name).sort()).toEqual(["future23", "future25", "public23"]);
	});
});

describe("a private draft", () => {
	const outsiders = ["chair25", "otherChair", "steward", "chair21"] as const;

	it("is listed for its own committee", async () => {
		const res = await sendJson("GET", `/api/v1/editions/${w.editions[2023]}/handover-notes`, undefined, {
			cookie: w.users.reviewer23.cookie,
		});
		const titles = (await res.json<{ data: { title: string }[] }>()).data.map((n) => n.title);
		expect(titles).toContain("Draft: venue contract");
	});

	it.each(outsiders)("never appears to %s in lists, the dossier or search", async (role) => {
		const cookie = w.users[role].cookie;
		const list = await sendJson("GET", `/api/v1/editions/${w.editions[2023]}/handover-notes`, undefined, { cookie });
		const series = await sendJson("GET", `/api/v1/series/${w.seriesSlug}/handover-notes`, undefined, { cookie });
		const search = await sendJson("GET", `/api/v1/series/${w.seriesSlug}/handover-notes?q=penalty`, undefined, {
			cookie,
		});
		const page = await getAs(`/console/editions/${w.editions[2023]}/handover/notes`, cookie);
		const searchPage = await getAs(`/console/series/${w.seriesSlug}/handover?q=venue+contract`, cookie);

		for (const res of [list, series, search]) {
			const ids = (await res.json<{ data: { id: string }[] }>()).data.map((n) => n.id);
			expect(ids).not.toContain(notes.private23);
		}
		expect(await page.text()).not.toContain("Draft: venue contract");
		expect(await searchPage.text()).not.toContain("Draft: venue contract");
		if (role === "chair25") {
			const dossier = await sendJson("GET", `/api/v1/editions/${w.editions[2025]}/handover-dossier`, undefined, {
				cookie,
			});
			const ids = (await dossier.json<{ data: { id: string }[] }>()).data.map((n) => n.id);
			expect(ids.sort()).toEqual([notes.future23, notes.public23].sort());
		}
	});

	it.each(outsiders)("is a 404 for %s: the note, its attachments, links and threads", async (role) => {
		const cookie = w.users[role].cookie;
		const base = `/api/v1/handover-notes/${notes.private23}`;
		const responses = await Promise.all([
			sendJson("GET", base, undefined, { cookie }),
			sendJson("GET", `${base}/attachments`, undefined, { cookie }),
			sendJson("GET", `${base}/attachments/${attachmentOfPrivate}`, undefined, { cookie }),
			sendJson("GET", `${base}/links`, undefined, { cookie }),
			sendJson("GET", `${base}/threads`, undefined, { cookie }),
			sendJson("POST", `${base}/threads`, { body: "Hello?" }, { cookie }),
			sendJson("POST", `${base}/threads/${threadOfPrivate}/messages`, { body: "Hello?" }, { cookie }),
			sendJson("POST", `${base}/read`, undefined, { cookie }),
			getAs(`/console/notes/${notes.private23}`, cookie),
			getAs(`/console/notes/${notes.private23}/attachments/${attachmentOfPrivate}`, cookie),
		]);
		expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(404));
	});

	it("answers an unknown note exactly like a hidden one", async () => {
		const hidden = await sendJson("GET", `/api/v1/handover-notes/${notes.private23}`, undefined, {
			cookie: w.users.chair25.cookie,
		});
		const unknown = await sendJson("GET", "/api/v1/handover-notes/no-such-note", undefined, {
			cookie: w.users.chair25.cookie,
		});
		const answer = async (r: Response) => {
			const { code, message } = (await r.json<{ error: { code: string; message: string } }>()).error;
			return { status: r.status, code, message };
		};
		expect(await answer(hidden)).toEqual(await answer(unknown));
	});
});

describe("a note for future committees", () => {
	it("reaches every role of the next edition's committee and the stewards, in full", async () => {
		for (const role of ["chair25", "reviewer25", "mentor25", "steward"] as const) {
			const res = await sendJson("GET", `/api/v1/handover-notes/${notes.future23}`, undefined, {
				cookie: w.users[role].cookie,
			});
			expect({ role, status: res.status }).toEqual({ role, status: 200 });
		}
	});

	it("stays hidden from earlier committees, expired mentors, other series and strangers (404)", async () => {
		for (const role of ["chair21", "expiredMentor25", "otherChair", "stranger"] as const) {
			const res = await sendJson("GET", `/api/v1/handover-notes/${notes.future23}`, undefined, {
				cookie: w.users[role].cookie,
			});
			expect({ role, status: res.status }).toEqual({ role, status: 404 });
		}
		const anonymous = await sendJson("GET", `/api/v1/handover-notes/${notes.future23}`, undefined);
		expect(anonymous.status).toBe(404);
	});

	it("of a later edition stays hidden from the earlier committee", async () => {
		const res = await sendJson("GET", `/api/v1/handover-notes/${notes.future25}`, undefined, {
			cookie: w.users.chair23.cookie,
		});
		expect(res.status).toBe(404);
	});
});

describe("a public note", () => {
	it("is readable signed out, by API", async () => {
		const res = await sendJson("GET", `/api/v1/handover-notes/${notes.public23}`, undefined);
		expect(res.status).toBe(200);
		expect((await res.json<{ data: { title: string } }>()).data.title).toBe("Catering for 250");
	});

	it("is the only note of the series a signed-out caller lists", async () => {
		const res = await sendJson("GET", `/api/v1/series/${w.seriesSlug}/handover-notes`, undefined);
		expect((await res.json<{ data: { id: string }[] }>()).data.map((n) => n.id)).toEqual([notes.public23]);
	});

	it("is no invitation for strangers to question its authors (403) or read the questions", async () => {
		const ask = await sendJson(
			"POST",
			`/api/v1/handover-notes/${notes.public23}/threads`,
			{ body: "Hi" },
			{
				cookie: w.users.stranger.cookie,
			},
		);
		const threads = await sendJson("GET", `/api/v1/handover-notes/${notes.public23}/threads`, undefined, {
			cookie: w.users.otherChair.cookie,
		});
		expect([ask.status, threads.status]).toEqual([403, 403]);
	});
});

describe("an edition's note list", () => {
	it("is a 404 for a draft edition whose notes the caller may not read", async () => {
		const res = await sendJson("GET", `/api/v1/editions/${w.editions[2025]}/handover-notes`, undefined, {
			cookie: w.users.otherChair.cookie,
		});
		expect(res.status).toBe(404);
	});
});
