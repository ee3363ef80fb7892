/**
 * The edition lifecycle: draft → published → held → archived by explicit actions (API and
 * console), the go-live checks that block publishing (each problem named, nothing changed),
 * archived editions read-only (refused in the one content-write function, nothing written), the
 * banner of past editions, and committee-only previews of drafts.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { writeEditionContent } from "../../../src/db/content-version";
import { rooms } from "../../../src/db/schema";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed, testDb } from "../../helpers";
import { countRows } from "../invitations/helpers";
import { createLifecycleEdition, type ErrorJson, editionState, type TestEdition } from "./helpers";

let stranger: TestUser;

beforeAll(async () => {
	await seed();
	stranger = await createTestUser("stranger");
});

const act = (edition: TestEdition, action: string, user: TestUser = edition.chair) =>
	sendJson("POST", `/api/v1/editions/${edition.id}/${action}`, undefined, { cookie: user.cookie });

const q = (sql: string, ...args: unknown[]) =>
	env.DB.prepare(sql)
		.bind(...args)
		.run();

describe("status changes through the API", () => {
	it("walks a ready draft through published, held and archived, bumping the version each time", async () => {
		const edition = await createLifecycleEdition("draft");
		const start = (await editionState(edition.id))?.version ?? 0;

		const steps: unknown[] = [];
		for (const action of ["publish", "hold", "archive"]) {
			const res = await act(edition, action);
			steps.push([res.status, await res.json(), await editionState(edition.id)]);
		}

		expect(steps).toEqual([
			[200, { data: { id: edition.id, status: "published" } }, { status: "published", version: start + 1 }],
			[200, { data: { id: edition.id, status: "held" } }, { status: "held", version: start + 2 }],
			[200, { data: { id: edition.id, status: "archived" } }, { status: "archived", version: start + 3 }],
		]);
	});

	it("takes a published edition back to draft", async () => {
		const edition = await createLifecycleEdition("published");

		const res = await act(edition, "unpublish");

		expect(res.status).toBe(200);
		expect((await editionState(edition.id))?.status).toBe("draft");
	});

	it.each([
		["publish", "published", "Only a draft can be published. This edition is published."],
		["hold", "draft", "Only a published edition can be marked as held. This edition is draft."],
		["archive", "published", "Only a held edition can be archived: mark it as held first. This edition is published."],
		["unpublish", "held", "Only a published edition can go back to draft. This edition is held."],
		["publish", "archived", "Only a draft can be published. This edition is archived."],
	])("refuses %s from %s with 422 and changes nothing", async (action, status, message) => {
		const edition = await createLifecycleEdition(status as "draft");
		const before = await editionState(edition.id);

		const res = await act(edition, action);

		expect(res.status).toBe(422);
		expect(await res.json<ErrorJson>()).toMatchObject({ error: { code: "invalid_transition", message } });
		expect(await editionState(edition.id)).toEqual(before);
	});

	it("lets a steward change the status; an organizer gets 403, a stranger 404 for a draft", async () => {
		const [byOrganizer, byStranger, bySteward] = await Promise.all([
			createLifecycleEdition("draft"),
			createLifecycleEdition("draft"),
			createLifecycleEdition("published"),
		]);

		const organizer = await act(byOrganizer, "publish", byOrganizer.organizer);
		const outsider = await act(byStranger, "publish", stranger);
		const steward = await act(bySteward, "hold", bySteward.steward);

		expect([organizer.status, outsider.status, steward.status]).toEqual([403, 404, 200]);
		expect((await editionState(byOrganizer.id))?.status).toBe("draft");
		expect((await editionState(bySteward.id))?.status).toBe("held");
	});

	it("publishing bumps the series' other editions, whose banners name the newest edition", async () => {
		const older = await createLifecycleEdition("archived");
		const newer = await createLifecycleEdition("draft", { seriesId: older.seriesId });
		const before = await editionState(older.id);

		expect((await act(newer, "publish")).status).toBe(200);

		expect(await editionState(older.id)).toEqual({ status: "archived", version: (before?.version ?? 0) + 1 });
	});
});

describe("go-live checks", () => {
	it("names every missing piece of a bare draft and publishes nothing", async () => {
		const edition = await createLifecycleEdition("draft", { ready: false });
		const before = await editionState(edition.id);

		const res = await act(edition, "publish");

		expect(res.status).toBe(422);
		expect(await res.json<ErrorJson>()).toEqual({
			error: {
				code: "not_ready",
				message: "This edition cannot be published yet.",
				fields: {
					venueName: "Name the venue.",
					city: "Name the city.",
					homePage: "Publish a page with the address “home”: it fills the site's home page.",
				},
				requestId: expect.any(String),
			},
		});
		expect(await editionState(edition.id)).toEqual(before);
	});

	it("does not count an unpublished home page", async () => {
		const edition = await createLifecycleEdition("draft");
		await q("update pages set published = 0 where edition_id = ?", edition.id);

		const res = await act(edition, "publish");

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			homePage: "Publish a page with the address “home”: it fills the site's home page.",
		});
	});

	it("refuses a last day before the first day", async () => {
		const edition = await createLifecycleEdition("draft");
		await q("update editions set end_date = '2031-05-01' where id = ?", edition.id);

		const res = await act(edition, "publish");

		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			endDate: "The last day comes before the first day.",
		});
	});

	it("names each ticket type whose sales close after the last day or open after they close", async () => {
		// The edition runs days 1–3 (offsets 0–2).
		const edition = await createLifecycleEdition("draft");
		const ticket = (id: string, name: string, open: number, close: number, closeTime = "23:59") =>
			q(
				"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_close_offset_days, sales_close_time) values (?, ?, ?, ?, ?, ?)",
				`${id}-${edition.id}`,
				edition.id,
				name,
				open,
				close,
				closeTime,
			);
		await ticket("fine", "Regular", -120, 2);
		await ticket("late", "Day ticket", -120, 3);
		await ticket("reversed", "Student", -10, -20);
		await ticket("same-day", "Early bird", -30, -30, "08:00");

		const res = await act(edition, "publish");

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			[`ticketTypes.late-${edition.id}.salesCloseOffsetDays`]:
				"“Day ticket”: ticket sales close after the last day of the event.",
			[`ticketTypes.reversed-${edition.id}.salesOpenOffsetDays`]: "“Student”: ticket sales open after they close.",
			[`ticketTypes.same-day-${edition.id}.salesOpenOffsetDays`]: "“Early bird”: ticket sales open after they close.",
		});
		expect((await editionState(edition.id))?.status).toBe("draft");
	});

	it.each([
		[
			"closes on day 1",
			{ closes: 0, decisions: null },
			{ "abstractCall.closesOffsetDays": "The call for abstracts must close before day 1." },
		],
		[
			"decides before it closes",
			{ closes: -60, decisions: -90 },
			{ "abstractCall.decisionsOffsetDays": "Decisions on abstracts come before the call closes." },
		],
		[
			"decides on day 1",
			{ closes: -60, decisions: 0 },
			{ "abstractCall.decisionsOffsetDays": "Decisions on abstracts must be sent before day 1." },
		],
	])("refuses a call for abstracts that %s", async (_, call, fields) => {
		const edition = await createLifecycleEdition("draft");
		await q(
			"insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days, decisions_offset_days) values (?, -200, ?, ?)",
			edition.id,
			call.closes,
			call.decisions,
		);

		const res = await act(edition, "publish");

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.fields).toEqual(fields);
	});

	it("publishes with consistent ticket sales and call for abstracts", async () => {
		const edition = await createLifecycleEdition("draft");
		await q(
			"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_close_offset_days) values (?, ?, 'Regular', -120, 2)",
			`t-${edition.id}`,
			edition.id,
		);
		await q(
			"insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days, decisions_offset_days) values (?, -200, -100, -100)",
			edition.id,
		);

		const checks = await getAs(`/api/v1/editions/${edition.id}/go-live-checks`, edition.organizer.cookie);
		const res = await act(edition, "publish");

		expect(await checks.json()).toEqual({ data: { ready: true, problems: {}, staleFacts: [], unreviewedCopies: [] } });
		expect(res.status).toBe(200);
	});
});

describe("an archived edition is read-only", () => {
	it("refuses a content write through the API with 422 and writes nothing", async () => {
		const edition = await createLifecycleEdition("archived");
		const before = await editionState(edition.id);

		const res = await sendJson(
			"POST",
			`/api/v1/editions/${edition.id}/rooms`,
			{ name: "Blauwe Zaal" },
			{ cookie: edition.chair.cookie },
		);

		expect(res.status).toBe(422);
		expect(await res.json<ErrorJson>()).toMatchObject({
			error: { code: "edition_archived", message: "This edition is archived and read-only." },
		});
		expect(await countRows("rooms", "edition_id = ?", edition.id)).toBe(0);
		expect(await editionState(edition.id)).toEqual(before);
	});

	it("refuses its settings and shows the reason on the form", async () => {
		const edition = await createLifecycleEdition("archived");

		const res = await postForm(
			`/console/editions/${edition.id}/settings`,
			{ name: "Renamed", startDate: "2031-05-05", endDate: "2031-05-07", timeZone: "Europe/Amsterdam" },
			edition.chair.cookie,
		);

		expect(res.status).toBe(422);
		expect(await res.text()).toContain("This edition is archived and read-only.");
		expect(
			await env.DB.prepare("select name from editions where id = ?").bind(edition.id).first<{ name: string }>(),
		).toEqual({ name: `TST ${edition.year}` });
	});

	it("refuses in writeEditionContent itself: no statement of the batch lands", async () => {
		const edition = await createLifecycleEdition("archived");
		const db = testDb();
		const before = await editionState(edition.id);

		const write = writeEditionContent(db, edition.id, [
			db.insert(rooms).values({ id: `r1-${edition.id}`, editionId: edition.id, name: "A" }),
			db.update(rooms).set({ name: "B" }).where(eq(rooms.editionId, edition.id)),
		]);

		await expect(write).rejects.toMatchObject({ status: 422, code: "edition_archived" });
		expect(await countRows("rooms", "edition_id = ?", edition.id)).toBe(0);
		expect(await editionState(edition.id)).toEqual(before);
	});

	it("still takes writes while held", async () => {
		const edition = await createLifecycleEdition("held");
		const db = testDb();

		await writeEditionContent(db, edition.id, [
			db.insert(rooms).values({ id: `r-${edition.id}`, editionId: edition.id, name: "A" }),
		]);

		expect(await countRows("rooms", "edition_id = ?", edition.id)).toBe(1);
	});
});

describe("the home of a past edition", () => {
	it("says an archived edition is archived and points to the series' newest public edition", async () => {
		const older = await createLifecycleEdition("archived");
		const newest = await createLifecycleEdition("published", { seriesId: older.seriesId });
		await createLifecycleEdition("draft", { seriesId: older.seriesId });

		const html = await (await request(`/s/${older.seriesSlug}/${older.year}`)).text();

		expect(html).toContain(
			`<p class="notice">TST ${older.year} is archived: this site is kept as it was after the event. The newest edition is <a href="/s/${older.seriesSlug}/${newest.year}">TST ${newest.year}</a>.</p>`,
		);
	});

	it("says a held edition has taken place, without a pointer when it is the newest public one", async () => {
		const held = await createLifecycleEdition("held");
		// A later draft is no public edition to point to.
		await createLifecycleEdition("draft", { seriesId: held.seriesId });

		const html = await (await request(`/s/${held.seriesSlug}/${held.year}`)).text();

		expect(html).toContain(`<p class="notice">TST ${held.year} has taken place.</p>`);
	});

	it("shows no banner on a published edition", async () => {
		const edition = await createLifecycleEdition("published");

		const html = await (await request(`/s/${edition.seriesSlug}/${edition.year}`)).text();

		expect(html).not.toContain('class="notice"');
	});
});

describe("previews of a draft", () => {
	const previewOf = (edition: TestEdition, cookie?: string, query = "?preview=1") =>
		getAs(`/s/${edition.seriesSlug}/${edition.year}${query}`, cookie);

	it("shows the committee the draft with a Preview banner, never cached", async () => {
		const edition = await createLifecycleEdition("draft");

		const res = await previewOf(edition, edition.organizer.cookie);

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("private, no-store");
		const html = await res.text();
		expect(html).toContain("<strong>Preview.</strong> This edition is a draft");
		expect(html).toContain(`<h1>TST ${edition.year}</h1>`);
	});

	it("shows it to a steward of the series too", async () => {
		const edition = await createLifecycleEdition("draft");

		expect((await previewOf(edition, edition.steward.cookie)).status).toBe(200);
	});

	it.each([
		["anonymous visitors", undefined],
		["someone outside the committee", "stranger"],
	])("answers %s with the uncacheable 404 of an unknown edition", async (_, who) => {
		const edition = await createLifecycleEdition("draft");

		const res = await previewOf(edition, who ? stranger.cookie : undefined);

		expect(res.status).toBe(404);
		expect(res.headers.get("Cache-Control")).toBe("private, no-store");
		expect(await res.text()).toContain("This edition does not exist.");
	});

	it("needs ?preview=1: without it the committee sees the public 404 (the session is not read)", async () => {
		const edition = await createLifecycleEdition("draft");

		const res = await previewOf(edition, edition.chair.cookie, "");

		expect(res.status).toBe(404);
		// The same for everyone, so not private; but a 404 is never kept without asking again.
		expect(res.headers.get("Cache-Control")).toBe("no-cache");
	});

	it("ignores ?preview=1 on a public edition", async () => {
		const edition = await createLifecycleEdition("published");

		const res = await previewOf(edition);

		expect(res.status).toBe(200);
		expect(await res.text()).not.toContain("Preview.");
	});
});

describe("the lifecycle in the console", () => {
	it("offers a chair the actions open now on the content page; an organizer sees none", async () => {
		const edition = await createLifecycleEdition("published");

		const chairPage = await (await getAs(`/console/editions/${edition.id}/content`, edition.chair.cookie)).text();
		const organizerPage = await (
			await getAs(`/console/editions/${edition.id}/content`, edition.organizer.cookie)
		).text();

		expect(chairPage).toContain(`action="/console/editions/${edition.id}/unpublish"`);
		expect(chairPage).toContain(`action="/console/editions/${edition.id}/hold"`);
		expect(chairPage).not.toContain(`action="/console/editions/${edition.id}/publish"`);
		expect(chairPage).not.toContain(`action="/console/editions/${edition.id}/archive"`);
		expect(organizerPage).not.toContain(`action="/console/editions/${edition.id}/hold"`);
	});

	it("lists what blocks publishing, each linked to where it is fixed", async () => {
		const edition = await createLifecycleEdition("draft", { ready: false });

		const res = await getAs(`/console/editions/${edition.id}/status`, edition.chair.cookie);

		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`<a href="/console/editions/${edition.id}/settings#field-venueName">Name the venue.</a>`);
		expect(html).toContain(`<a href="/console/editions/${edition.id}/settings#field-city">Name the city.</a>`);
		expect(html).toContain(
			`<a href="/console/editions/${edition.id}/pages">Publish a page with the address “home”: it fills the site&#39;s home page.</a>`,
		);
	});

	it("answers a blocked publish with 422 and the list of problems", async () => {
		const edition = await createLifecycleEdition("draft", { ready: false });

		const res = await postForm(`/console/editions/${edition.id}/publish`, {}, edition.chair.cookie);

		expect(res.status).toBe(422);
		const html = await res.text();
		expect(html).toContain("This edition cannot be published yet");
		expect(html).toContain("Name the venue.");
		expect((await editionState(edition.id))?.status).toBe("draft");
	});

	it("publishes a ready draft and says so on the status page", async () => {
		const edition = await createLifecycleEdition("draft");

		const res = await postForm(`/console/editions/${edition.id}/publish`, {}, edition.chair.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/editions/${edition.id}/status?notice=published`);
		expect((await editionState(edition.id))?.status).toBe("published");
		const page = await (await getAs(res.headers.get("Location") ?? "", edition.chair.cookie)).text();
		expect(page).toContain("Published: the edition&#39;s site is public now.");
	});
});
