import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { request, seed } from "../../helpers";
import { mailedLink, pathOf, pressLinkButton } from "../accounts/links";

const EDITION = "seed-edition-ainm-2023";
let chair: TestUser;
let reviewer: TestUser;
let outsider: TestUser;

const contentVersion = async () =>
	(await env.DB.prepare("select content_version as v from editions where id = ?").bind(EDITION).first<{ v: number }>())
		?.v;
const roomNames = async () =>
	(
		await env.DB.prepare("select name from rooms where edition_id = ? order by position, name")
			.bind(EDITION)
			.all<{ name: string }>()
	).results.map((r) => r.name);

beforeAll(async () => {
	await seed();
	// The seeded AINM 2023 is archived, so read-only: these tests write, so they work on it as held.
	await env.DB.prepare("update editions set status = 'held' where id = ?").bind(EDITION).run();
	chair = await createTestUser("chair");
	reviewer = await createTestUser("reviewer");
	outsider = await createTestUser("outsider");
	await addCommitteeMember({ editionId: EDITION, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: EDITION, user: reviewer, role: "reviewer" });
});

describe("rooms in the console", () => {
	it("a chair adds a room with the form and the edition's content version goes up", async () => {
		const before = await contentVersion();
		const res = await postForm(
			`/console/editions/${EDITION}/rooms`,
			{ name: "Blauwe Zaal", capacity: "120", position: "9" },
			chair.cookie,
		);
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/editions/${EDITION}/rooms?notice=added`);
		expect(await roomNames()).toEqual(["Plenary hall", "Room A", "Room B", "Foyer", "Blauwe Zaal"]);
		expect(await contentVersion()).toBe((before ?? 0) + 1);
	});

	it("shows field messages and writes nothing for bad input", async () => {
		const before = await roomNames();
		const res = await postForm(`/console/editions/${EDITION}/rooms`, { name: "", capacity: "-3" }, chair.cookie);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain("Name is required.");
		expect(html).toContain("Use 1 or more.");
		expect(await roomNames()).toEqual(before);
	});

	it("lets a reviewer see the list but not change it", async () => {
		const page = await getAs(`/console/editions/${EDITION}/rooms`, reviewer.cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).not.toContain("Add a room");
		const res = await postForm(`/console/editions/${EDITION}/rooms`, { name: "Sneaky" }, reviewer.cookie);
		expect(res.status).toBe(403);
	});

	it("hides a draft edition from someone outside its committee (404)", async () => {
		await env.DB.prepare(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values ('draft-x', 'seed-series-ainm', 2027, 'AINM 2027', '2027-10-04', '2027-10-06', 'Europe/Rome', 'draft')",
		).run();
		const res = await getAs("/console/editions/draft-x/rooms", outsider.cookie);
		expect(res.status).toBe(404);
	});
});

describe("content API", () => {
	it("creates, patches and deletes a ticket type with prices in cents and offsets from day 1", async () => {
		const created = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/ticket-types`,
			{ name: "Student", priceCents: 15000, salesOpenOffsetDays: -200, salesCloseOffsetDays: -1 },
			{ cookie: chair.cookie },
		);
		expect(created.status).toBe(201);
		const { data } = await created.json<{ data: Record<string, unknown> }>();
		expect(data).toMatchObject({
			name: "Student",
			priceCents: 15000,
			currency: "EUR",
			salesOpenTime: "09:00",
			salesCloseTime: "23:59",
		});

		const patched = await sendJson(
			"PATCH",
			`/api/v1/editions/${EDITION}/ticket-types/${data.id}`,
			{ priceCents: 17500 },
			{ cookie: chair.cookie },
		);
		expect(patched.status).toBe(200);
		expect((await patched.json<{ data: Record<string, unknown> }>()).data).toMatchObject({
			name: "Student",
			priceCents: 17500,
		});

		const removed = await sendJson("DELETE", `/api/v1/editions/${EDITION}/ticket-types/${data.id}`, undefined, {
			cookie: chair.cookie,
		});
		expect(removed.status).toBe(204);
	});

	it("refuses a sale window that closes before it opens (422 naming the field)", async () => {
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/ticket-types`,
			{ name: "Odd", salesOpenOffsetDays: -10, salesCloseOffsetDays: -20 },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(422);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			salesCloseOffsetDays: "Sales must close after they open.",
		});
	});

	it("refuses markdown carrying a script", async () => {
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/pages`,
			{ title: "Travel", slug: "travel", body: "Hello <script>alert(1)</script>" },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			body: "Use Markdown only: scripts, raw HTML and javascript: links are not allowed.",
		});
	});

	it("answers a taken page address with 409", async () => {
		const body = { title: "Venue", slug: "venue", body: "The venue." };
		expect((await sendJson("POST", `/api/v1/editions/${EDITION}/pages`, body, { cookie: chair.cookie })).status).toBe(
			201,
		);
		expect((await sendJson("POST", `/api/v1/editions/${EDITION}/pages`, body, { cookie: chair.cookie })).status).toBe(
			409,
		);
	});

	it("refuses a sponsor in a tier of another edition", async () => {
		await env.DB.prepare(
			"insert into sponsor_tiers (id, edition_id, name) values ('tier-other', 'draft-x', 'Gold')",
		).run();
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/sponsors`,
			{ name: "Acme", tierId: "tier-other" },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(422);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			tierId: "Choose a sponsor tier of this edition.",
		});
	});

	it("answers the same whether or not an account has the address, and links the account it has", async () => {
		const speakerTo = async (accountEmail: string) => {
			const res = await sendJson(
				"POST",
				`/api/v1/editions/${EDITION}/speakers`,
				{ name: "Ada Speaker", accountEmail },
				{ cookie: chair.cookie },
			);
			const { data } = await res.json<{ data: Record<string, unknown> & { id: string; seq: number } }>();
			return { status: res.status, data };
		};
		const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`;

		const known = await speakerTo(reviewer.email.toUpperCase());
		const unknown = await speakerTo(nobody.toUpperCase());

		// Equal but for the row's own id and number, and the address given.
		const same = ({ id: _, seq: __, accountEmail: ___, ...rest }: Record<string, unknown>) => rest;
		expect([known.status, same(known.data)]).toEqual([unknown.status, same(unknown.data)]);
		expect(known.status).toBe(201);
		expect([known.data.accountEmail, unknown.data.accountEmail]).toEqual([reviewer.email, nobody]);
		const stored = (id: string) =>
			env.DB.prepare("select user_id, account_email from speakers where id = ?").bind(id).first();
		expect(await stored(known.data.id)).toEqual({ user_id: reviewer.id, account_email: reviewer.email });
		expect(await stored(unknown.data.id)).toEqual({ user_id: null, account_email: nobody });

		// The person signs up with that address later: the link completes when they confirm it.
		await postForm("/auth/sign-up", {
			email: nobody,
			name: "Ada Speaker",
			affiliation: "",
			country: "NL",
			password: "",
		});
		const verified = await pressLinkButton(pathOf(await mailedLink(nobody, "/auth/verify")));
		expect(verified.status).toBe(303);
		const account = await env.DB.prepare("select id from users where email = ?").bind(nobody).first<{ id: string }>();
		expect(await stored(unknown.data.id)).toEqual({ user_id: account?.id, account_email: nobody });
	});

	it("links an unverified account only once it signs in with an emailed link", async () => {
		const email = `late-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const userId = crypto.randomUUID();
		await env.DB.prepare("insert into users (id, email, name, country) values (?, ?, 'Late Speaker', 'NL')")
			.bind(userId, email)
			.run();
		const created = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/speakers`,
			{ name: "Late Speaker", accountEmail: email },
			{ cookie: chair.cookie },
		);
		const { id } = (await created.json<{ data: { id: string } }>()).data;
		const linkOf = async () =>
			(await env.DB.prepare("select user_id from speakers where id = ?").bind(id).first<{ user_id: string | null }>())
				?.user_id;
		expect(await linkOf()).toBeNull();

		await postForm("/auth/sign-in/link", { email });
		const signedIn = await pressLinkButton(pathOf(await mailedLink(email, "/auth/sign-in/link/confirm")));

		expect(signedIn.status).toBe(303);
		expect(await linkOf()).toBe(userId);
	});

	it("is described in the OpenAPI document", async () => {
		const doc = await (await request("/api/openapi.json")).json<{ paths: Record<string, unknown> }>();
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(["/api/v1/editions/{id}/rooms", "/api/v1/editions/{id}/rooms/{itemId}"]),
		);
	});
});
