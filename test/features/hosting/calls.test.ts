/**
 * Calls for hosts: who may open, change and close them, the rules an opening must pass (one open
 * call per series, a year without an edition, dates not passed) with nothing written when it
 * fails, and who sees which calls.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { editions } from "../../../src/db/schema";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed, testDb } from "../../helpers";
import { countRows, createTestEdition } from "../invitations/helpers";
import { freezeClock, insertCall, insertSeries, rows } from "./helpers";

let steward: TestUser;
let stranger: TestUser;

beforeAll(async () => {
	freezeClock();
	await seed();
	[steward, stranger] = await Promise.all([createTestUser("steward"), createTestUser("stranger")]);
});

afterAll(() => {
	vi.useRealTimers();
});

const open = (slug: string, body: unknown, user?: TestUser) =>
	sendJson("POST", `/api/v1/series/${slug}/calls`, body, user ? { cookie: user.cookie } : {});

const VALID = { forYear: 2026, deadline: "2024-12-31", requirements: "A venue for 300." };

describe("POST /api/v1/series/{slug}/calls", () => {
	it("opens a call for a steward, recording who opened it", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const res = await open(s.slug, VALID, steward);
		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toEqual({
			id: expect.any(String),
			seriesId: s.id,
			forYear: 2026,
			deadline: "2024-12-31",
			requirements: "A venue for 300.",
			status: "open",
			createdBy: steward.id,
			createdAt: expect.any(String),
		});
	});

	it("refuses a signed-in non-steward (403) and a signed-out caller (401), writing nothing", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		expect((await open(s.slug, VALID, stranger)).status).toBe(403);
		expect((await open(s.slug, VALID)).status).toBe(401);
		expect(await countRows("host_calls", "series_id = ?", s.id)).toBe(0);
	});

	it("answers an unknown series with 404", async () => {
		expect((await open("no-such-series", VALID, steward)).status).toBe(404);
	});

	it("refuses missing and malformed fields with 400 and a message per field", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const res = await open(s.slug, { forYear: "soon", deadline: "31/12/2024", extra: 1 }, steward);
		expect(res.status).toBe(400);
		const { error } = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
		expect(error.code).toBe("invalid_input");
		expect(error.fields).toEqual({
			forYear: "Enter a whole number.",
			deadline: "Enter a date like 2025-10-06.",
			_: expect.stringContaining("extra"),
		});
		expect(await countRows("host_calls", "series_id = ?", s.id)).toBe(0);
	});

	it("refuses a year or deadline that has passed, or a deadline after the edition's year (422)", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const past = await open(s.slug, { forYear: 2023, deadline: "2024-04-29" }, steward);
		expect(past.status).toBe(422);
		expect((await past.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			forYear: "This year has passed.",
			deadline: "This day has passed: choose a day from today on.",
		});
		const late = await open(s.slug, { forYear: 2025, deadline: "2026-01-10" }, steward);
		expect(late.status).toBe(422);
		expect((await late.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			deadline: "Proposals must be in before the end of 2025.",
		});
		expect(await countRows("host_calls", "series_id = ?", s.id)).toBe(0);
	});

	it("takes a deadline of yesterday (UTC) while that day lasts anywhere on Earth", async () => {
		// 1 May 2024 10:00 UTC is still 30 April in UTC−12.
		const s = await insertSeries({ stewardIds: [steward.id] });
		expect((await open(s.slug, { forYear: 2024, deadline: "2024-04-30" }, steward)).status).toBe(201);
	});

	it("allows one open call per series: a second is a 422 until the first is closed", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const first = await insertCall(s.id, 2025);
		const second = await open(s.slug, VALID, steward);
		expect(second.status).toBe(422);
		expect((await second.json<{ error: { code: string; message: string } }>()).error).toMatchObject({
			code: "call_already_open",
			message: "This series already has an open call for hosts: close it before opening another.",
		});
		expect(await rows("select id from host_calls where series_id = ?", s.id)).toEqual([{ id: first }]);

		const closed = await sendJson(
			"PATCH",
			`/api/v1/series/${s.slug}/calls/${first}`,
			{ status: "closed" },
			{ cookie: steward.cookie },
		);
		expect(closed.status).toBe(200);
		expect((await open(s.slug, VALID, steward)).status).toBe(201);
	});

	it("refuses a year the series already has an edition for (409)", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const editionId = await createTestEdition("draft", s.id);
		const { year } =
			(await testDb().select({ year: editions.year }).from(editions).where(eq(editions.id, editionId)).get()) ?? {};
		const res = await open(s.slug, { forYear: year, deadline: "2024-12-31" }, steward);
		expect(res.status).toBe(409);
		expect((await res.json<{ error: { code: string; fields: Record<string, string> } }>()).error).toEqual({
			code: "edition_exists",
			message: `${s.shortName} ${year} exists already.`,
			fields: { forYear: `${s.shortName} ${year} exists already: choose another year.` },
			requestId: expect.any(String),
		});
		expect(await countRows("host_calls", "series_id = ?", s.id)).toBe(0);
	});
});

describe("PATCH /api/v1/series/{slug}/calls/{callId}", () => {
	const patch = (slug: string, callId: string, body: unknown, user: TestUser) =>
		sendJson("PATCH", `/api/v1/series/${slug}/calls/${callId}`, body, { cookie: user.cookie });

	it("moves the deadline and changes the requirements of an open call", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const callId = await insertCall(s.id, 2025);
		const res = await patch(s.slug, callId, { deadline: "2024-10-15", requirements: "Two halls." }, steward);
		expect(res.status).toBe(200);
		expect(await rows("select deadline, requirements, status from host_calls where id = ?", callId)).toEqual([
			{ deadline: "2024-10-15", requirements: "Two halls.", status: "open" },
		]);
	});

	it("does not reopen or change a closed call (400 / 422), and closing it again changes nothing", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const callId = await insertCall(s.id, 2025, { status: "closed" });
		expect((await patch(s.slug, callId, { status: "open" }, steward)).status).toBe(400);
		const edit = await patch(s.slug, callId, { deadline: "2024-10-15" }, steward);
		expect(edit.status).toBe(422);
		expect((await edit.json<{ error: { code: string } }>()).error.code).toBe("call_closed");
		expect((await patch(s.slug, callId, { status: "closed" }, steward)).status).toBe(200);
		expect(await rows("select deadline, status from host_calls where id = ?", callId)).toEqual([
			{ deadline: "2024-12-31", status: "closed" },
		]);
	});

	it("refuses a non-steward (403) and a call of another series (404)", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const other = await insertSeries({ stewardIds: [steward.id] });
		const callId = await insertCall(s.id, 2025);
		expect((await patch(s.slug, callId, { status: "closed" }, stranger)).status).toBe(403);
		expect((await patch(other.slug, callId, { status: "closed" }, steward)).status).toBe(404);
		expect(await rows("select status from host_calls where id = ?", callId)).toEqual([{ status: "open" }]);
	});

	it("refuses an empty change with 400", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const callId = await insertCall(s.id, 2025);
		expect((await patch(s.slug, callId, {}, steward)).status).toBe(400);
	});
});

describe("GET /api/v1/series/{slug}/calls", () => {
	it("shows stewards every call and everyone else only the open one", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const closed = await insertCall(s.id, 2024, { status: "closed", deadline: "2023-12-31" });
		const openCall = await insertCall(s.id, 2026);
		const ids = async (res: Response) => (await res.json<{ data: { id: string }[] }>()).data.map((c) => c.id).sort();
		expect(await ids(await getAs(`/api/v1/series/${s.slug}/calls`, steward.cookie))).toEqual([closed, openCall].sort());
		expect(await ids(await getAs(`/api/v1/series/${s.slug}/calls`, stranger.cookie))).toEqual([openCall]);
		expect(await ids(await request(`/api/v1/series/${s.slug}/calls`))).toEqual([openCall]);
	});
});

describe("console: calls for hosts", () => {
	it("opens a call from the form and shows it with the notice", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const page = await getAs(`/console/series/${s.slug}/calls`, steward.cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<input id="field-forYear" name="forYear" type="number" value="2024"');
		const res = await postForm(
			`/console/series/${s.slug}/calls`,
			{ forYear: "2025", deadline: "2024-11-30", requirements: "" },
			steward.cookie,
		);
		expect(res.status).toBe(303);
		const [call] = await rows<{ id: string }>("select id from host_calls where series_id = ?", s.id);
		expect(res.headers.get("Location")).toBe(`/console/series/${s.slug}/calls/${call?.id}?notice=call_opened`);
	});

	it("shows the form again with the messages when the year has an edition or a call is open", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const res = await postForm(
			`/console/series/${s.slug}/calls`,
			{ forYear: "2025", deadline: "2024-02-01", requirements: "" },
			steward.cookie,
		);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain("This day has passed: choose a day from today on.");
		await insertCall(s.id, 2025);
		const page = await (await getAs(`/console/series/${s.slug}/calls`, steward.cookie)).text();
		expect(page).toContain("A series has one open call at a time");
		expect(page).not.toContain('name="forYear"');
	});

	it("closes a call with its button", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const callId = await insertCall(s.id, 2025);
		const res = await postForm(`/console/series/${s.slug}/calls/${callId}/close`, {}, steward.cookie);
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/series/${s.slug}/calls?notice=call_closed`);
		expect(await rows("select status from host_calls where id = ?", callId)).toEqual([{ status: "closed" }]);
	});

	it("keeps the calls pages to stewards (403) and sends signed-out visitors to sign in", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		expect((await getAs(`/console/series/${s.slug}/calls`, stranger.cookie)).status).toBe(403);
		const anonymous = await getAs(`/console/series/${s.slug}/calls`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get("Location")).toBe(
			`/auth/sign-in?next=${encodeURIComponent(`/console/series/${s.slug}/calls`)}`,
		);
	});
});

describe("GET /api/openapi.json", () => {
	it("describes the hosting operations, each state-changing one with the API token scheme", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			security: unknown[];
			paths: Record<string, Record<string, { security?: unknown[] }>>;
		}>();
		const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
		expect(methods("/api/v1/series/{slug}/calls")).toEqual(["get", "post"]);
		expect(methods("/api/v1/series/{slug}/calls/{callId}")).toEqual(["patch"]);
		expect(methods("/api/v1/series/{slug}/calls/{callId}/proposals")).toEqual(["get", "post"]);
		expect(methods("/api/v1/proposals/{id}")).toEqual(["get"]);
		for (const action of ["withdraw", "accept", "decline"]) {
			// The document's token security, which the route does not override.
			const operation = doc.paths[`/api/v1/proposals/{id}/${action}`]?.post;
			expect(operation).toBeDefined();
			expect(operation?.security ?? doc.security).toEqual([{ apiToken: [] }]);
		}
		expect(methods("/api/v1/series/{slug}/editions")).toEqual(["get", "post"]);
		expect(methods("/api/v1/series/{slug}")).toEqual(["get", "patch"]);
		expect(methods("/api/v1/series/{slug}/lectures")).toEqual(["get", "post"]);
		expect(methods("/api/v1/series/{slug}/lectures/{lectureId}")).toEqual(["patch"]);
	});
});
