/**
 * The edition's mail as its committee sees it (console page and API), the bounce webhook, the
 * List-Unsubscribe headers an announcement goes out with (and the one-click POST they name), and
 * the relay that enqueues a request's mail after the response.
 */
import { createExecutionContext, createMessageBatch, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { outbox, seriesAnnouncements } from "../../../src/db/schema";
import { seriesAnnouncementsJob } from "../../../src/features/following/announcements";
import worker from "../../../src/index";
import { clearFakeMail, fakeMailDeliveries } from "../../../src/lib/fake-mail-provider";
import { runScheduledJobs } from "../../../src/scheduled";
import { contentUrl } from "../../../src/urls";
import { createTestUser, getAs, ORIGIN, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { request, testDb } from "../../helpers";
import { addFollower, createFollowableSeries, followersOf } from "../following/helpers";
import { createApiToken, freshEmail } from "../invitations/helpers";

const SECRET = "whsec-0123456789abcdef";

let editionId = "";
let otherEditionId = "";
let chair: TestUser;
let organizer: TestUser;
let reviewer: TestUser;
let stranger: TestUser;

beforeAll(async () => {
	const s = await createFollowableSeries("mail");
	editionId = (await insertEdition({ seriesId: s.id, year: 2031, startDate: "2031-10-06", endDate: "2031-10-08" })).id;
	otherEditionId = (await insertEdition({ seriesId: s.id, year: 2033, startDate: "2033-10-06", endDate: "2033-10-08" }))
		.id;
	chair = await createTestUser("mail-chair");
	organizer = await createTestUser("mail-organizer");
	reviewer = await createTestUser("mail-reviewer");
	stranger = await createTestUser("mail-stranger");
	await addCommitteeMember({ editionId, user: chair, role: "chair" });
	await addCommitteeMember({ editionId, user: organizer, role: "organizer" });
	await addCommitteeMember({ editionId, user: reviewer, role: "reviewer" });
	await testDb()
		.insert(outbox)
		.values([
			{
				id: "mail-sent",
				to: "ada@example.org",
				subject: "Edition 2031: 1 checklist task due",
				text: "x",
				editionId,
				createdAt: new Date("2031-01-02T10:00:00Z"),
				state: "sent",
				attempts: 1,
				sentAt: new Date("2031-01-02T10:00:05Z"),
			},
			{
				id: "mail-retrying",
				to: "bob@example.org",
				subject: "You are invited",
				text: "x",
				editionId,
				createdAt: new Date("2031-01-01T10:00:00Z"),
				attempts: 2,
				error: "Error: mail provider answered 503",
			},
			{
				id: "mail-other-edition",
				to: "carol@example.org",
				subject: "Another edition's mail",
				text: "x",
				editionId: otherEditionId,
				createdAt: new Date("2031-01-03T10:00:00Z"),
			},
			{
				id: "mail-no-edition",
				to: "dan@example.org",
				subject: "Your Baton sign-in link",
				text: "x",
				createdAt: new Date("2031-01-04T10:00:00Z"),
			},
		]);
});

describe("the edition's Mail page", () => {
	it("lists exactly the edition's mails, newest first, with their states, for a chair", async () => {
		const res = await getAs(`/console/editions/${editionId}/mail`, chair.cookie);

		expect(res.status).toBe(200);
		const html = await res.text();
		const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
			.slice(1)
			.map((row) =>
				[...(row[1] ?? "").matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]?.replace(/<[^>]+>/g, "")),
			);
		expect(rows).toEqual([
			[
				"2031-01-02 10:00 UTC",
				"ada@example.org",
				"Edition 2031: 1 checklist task due",
				"sent",
				"sent 2031-01-02 10:00 UTC",
			],
			[
				"2031-01-01 10:00 UTC",
				"bob@example.org",
				"You are invited",
				"queued (retrying after 2 failed attempts)",
				" Error: mail provider answered 503",
			],
		]);
		expect(html).not.toContain("carol@example.org");
		expect(html).not.toContain("dan@example.org");
	});

	it("is for chairs and organizers: 200, a reviewer 403, a stranger 404, signed out to sign-in", async () => {
		const path = `/console/editions/${editionId}/mail`;
		const statuses = await Promise.all([
			getAs(path, organizer.cookie),
			getAs(path, reviewer.cookie),
			getAs(path, stranger.cookie),
			getAs(path),
		]);
		expect(statuses.map((res) => res.status)).toEqual([200, 403, 404, 303]);
		expect(await statuses[2]?.text()).not.toContain("bob@example.org");
	});

	it("is linked from the edition's console home for a chair, not for a reviewer", async () => {
		const link = `<a href="/console/editions/${editionId}/mail">Mail</a>`;
		const forChair = await (await getAs(contentUrl(editionId), chair.cookie)).text();
		const forReviewer = await (await getAs(contentUrl(editionId), reviewer.cookie)).text();
		expect([forChair.includes(link), forReviewer.includes(link)]).toEqual([true, false]);
	});
});

describe("GET /api/v1/editions/{id}/mail", () => {
	it("answers the edition's mails with their states to a chair's read-only token", async () => {
		const token = await createApiToken(chair.id, { access: "read", editionId });

		const res = await sendJson("GET", `/api/v1/editions/${editionId}/mail`, undefined, { bearer: token });

		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			data: [
				{
					id: "mail-sent",
					to: "ada@example.org",
					subject: "Edition 2031: 1 checklist task due",
					kind: "transactional",
					state: "sent",
					attempts: 1,
					error: null,
					createdAt: "2031-01-02T10:00:00.000Z",
					sentAt: "2031-01-02T10:00:05.000Z",
				},
				{
					id: "mail-retrying",
					to: "bob@example.org",
					subject: "You are invited",
					kind: "transactional",
					state: "queued",
					attempts: 2,
					error: "Error: mail provider answered 503",
					createdAt: "2031-01-01T10:00:00.000Z",
					sentAt: null,
				},
			],
			page: { limit: 50, nextCursor: null },
		});
	});

	it("answers 401 signed out, 404 to a stranger and for an unknown edition, 403 to a reviewer", async () => {
		const path = `/api/v1/editions/${editionId}/mail`;
		const res = await Promise.all([
			sendJson("GET", path, undefined),
			sendJson("GET", path, undefined, { cookie: stranger.cookie }),
			sendJson("GET", "/api/v1/editions/00000000-0000-0000-0000-000000000000/mail", undefined, {
				cookie: chair.cookie,
			}),
			sendJson("GET", path, undefined, { cookie: reviewer.cookie }),
		]);
		expect(res.map((r) => r.status)).toEqual([401, 404, 404, 403]);
	});
});

describe("POST /api/v1/mail/bounces (the provider's webhook)", () => {
	const withSecret = { ...env, MAIL_WEBHOOK_SECRET: SECRET };
	const post = (body: unknown, headers: Record<string, string> = {}, bindings: typeof env = withSecret) =>
		createApp().request(
			"/api/v1/mail/bounces",
			{ method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) },
			bindings,
		);
	const stateOf = async (id: string) =>
		(await testDb().select({ state: outbox.state, error: outbox.error }).from(outbox).where(eq(outbox.id, id)).get()) ??
		null;

	beforeEach(async () => {
		await testDb().update(outbox).set({ state: "sent", error: null }).where(eq(outbox.id, "mail-sent"));
	});

	it("marks the mail bounced with the provider's reason, and a second report changes nothing", async () => {
		const report = { type: "bounce", id: "mail-sent", reason: "550 5.1.1 mailbox unavailable" };
		const first = await post(report, { "X-Baton-Webhook-Secret": SECRET });
		const second = await post(report, { "X-Baton-Webhook-Secret": SECRET });

		expect([first.status, second.status]).toEqual([200, 200]);
		expect(await first.json()).toEqual({ data: { id: "mail-sent", state: "bounced" } });
		expect(await stateOf("mail-sent")).toEqual({ state: "bounced", error: "550 5.1.1 mailbox unavailable" });
		// The committee sees it.
		const html = await (await getAs(`/console/editions/${editionId}/mail`, chair.cookie)).text();
		expect(html).toContain('<span class="badge mail-bounced">bounced</span>');
	});

	it("refuses a wrong or missing secret with 401 and changes nothing, before looking at the body", async () => {
		const wrong = await post({ type: "bounce", id: "mail-sent" }, { "X-Baton-Webhook-Secret": `${SECRET}x` });
		const missing = await post({ nonsense: true });
		// An API token is no way in either.
		const token = await createApiToken(chair.id, { access: "write", editionId });
		const bearer = await post({ type: "bounce", id: "mail-sent" }, { Authorization: `Bearer ${token}` });

		expect([wrong.status, missing.status, bearer.status]).toEqual([401, 401, 401]);
		expect((await wrong.json<{ error: { code: string } }>()).error.code).toBe("invalid_secret");
		expect(await stateOf("mail-sent")).toEqual({ state: "sent", error: null });
	});

	it("does not exist without a configured secret (404), even with an empty header", async () => {
		const res = await post({ type: "bounce", id: "mail-sent" }, { "X-Baton-Webhook-Secret": "" }, env);
		expect(res.status).toBe(404);
		expect(await stateOf("mail-sent")).toEqual({ state: "sent", error: null });
	});

	it("answers 400 with field messages for a malformed report and 404 for an id Baton never wrote", async () => {
		const malformed = await post({ type: "complaint", id: "" }, { "X-Baton-Webhook-Secret": SECRET });
		const unknown = await post({ type: "bounce", id: "no-such-mail" }, { "X-Baton-Webhook-Secret": SECRET });

		expect(malformed.status).toBe(400);
		expect(Object.keys((await malformed.json<{ error: { fields: object } }>()).error.fields).sort()).toEqual([
			"id",
			"type",
		]);
		expect(unknown.status).toBe(404);
	});
});

describe("follower and announcement mail", () => {
	beforeEach(() => clearFakeMail());

	it("goes out with List-Unsubscribe headers naming the one-click address, which unsubscribes on POST", async () => {
		const s = await createFollowableSeries("lu");
		const edition = await insertEdition({
			seriesId: s.id,
			year: 2045,
			startDate: "2045-10-01",
			endDate: "2045-10-03",
			status: "published",
		});
		const email = freshEmail("lu-follower");
		await addFollower(s.id, email);
		const [report] = await runScheduledJobs(env, new Date("2045-01-10T12:00:00Z"), [seriesAnnouncementsJob]);
		expect(report).toMatchObject({ ok: true, mails: 1 });
		expect(
			await testDb().select().from(seriesAnnouncements).where(eq(seriesAnnouncements.editionId, edition.id)),
		).toHaveLength(1);
		const row = await testDb().select().from(outbox).where(eq(outbox.to, email)).get();
		// Series-wide news: no edition's committee sees followers' addresses.
		expect([row?.kind, row?.editionId]).toEqual(["announcement", null]);

		await worker.queue(
			createMessageBatch("baton-mail", [{ id: "m", timestamp: new Date(), attempts: 1, body: { id: row?.id ?? "" } }]),
			env,
		);

		const [delivered] = fakeMailDeliveries();
		const unsubscribe = /^<(.+)>$/.exec(delivered?.headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
		expect(delivered?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		expect(unsubscribe).toBe(row?.unsubscribeUrl);
		expect(unsubscribe).toMatch(new RegExp(`^https://localhost/s/${s.slug}/unfollow\\?token=`));
		// The mail client's one-click POST (RFC 8058): no Origin, no cookie.
		const res = await request(unsubscribe, {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: "List-Unsubscribe=One-Click",
		});
		expect(res.status).toBe(200);
		expect(await followersOf(s.id)).toEqual([]);
	});
});

describe("the relay after a response", () => {
	it("enqueues the mail a request wrote once the response is sent (waitUntil)", async () => {
		const s = await createFollowableSeries("relay");
		const email = freshEmail("relay");
		const ctx = createExecutionContext();

		const res = await createApp().fetch(
			new Request(`${ORIGIN}/s/${s.slug}/follow`, {
				method: "POST",
				headers: {
					"Content-Type": "application/x-www-form-urlencoded",
					Origin: ORIGIN,
					"CF-Connecting-IP": "198.51.100.7",
				},
				body: new URLSearchParams({ email }).toString(),
			}),
			env,
			ctx,
		);
		expect(res.status).toBe(303);
		await waitOnExecutionContext(ctx);

		const row = await testDb().select().from(outbox).where(eq(outbox.to, email)).get();
		expect([row?.state, row?.enqueuedAt instanceof Date, row?.kind]).toEqual(["queued", true, "transactional"]);
	});
});
