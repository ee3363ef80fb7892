import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { outbox } from "../../../src/db/schema";
import { request, testDb } from "../../helpers";

const asDeveloper = (path: string) => createApp().request(path, {}, { ...env, ENVIRONMENT: "development" });

beforeAll(async () => {
	await testDb()
		.insert(outbox)
		.values([
			{
				id: "mail-old",
				to: "old@example.org",
				subject: "Older mail",
				text: "Nothing to click.",
				createdAt: new Date("2026-01-01T10:00:00Z"),
			},
			{
				id: "mail-new",
				to: "ada@example.org",
				subject: "Your Baton sign-in link",
				text: "Open http://localhost/auth/sign-in/link/confirm?token=abc.def to sign in. <script>alert(1)</script>",
				createdAt: new Date("2026-01-02T10:00:00Z"),
			},
		]);
});

describe("GET /dev/outbox", () => {
	it("does not exist outside development (404)", async () => {
		const res = await request("/dev/outbox");
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain("Your Baton sign-in link");
	});

	it("lists the mails newest first in development", async () => {
		const res = await asDeveloper("/dev/outbox");

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
		const html = await res.text();
		expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
			"Your Baton sign-in link",
			"Older mail",
		]);
		expect(html).toContain("<dd>ada@example.org</dd>");
		expect(html).toContain("<dd>2026-01-02 10:00:00 UTC</dd>");
	});

	it("makes links clickable and escapes everything else", async () => {
		const html = await (await asDeveloper("/dev/outbox")).text();
		expect(html).toContain(
			'<a href="http://localhost/auth/sign-in/link/confirm?token=abc.def">http://localhost/auth/sign-in/link/confirm?token=abc.def</a>',
		);
		expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
		expect(html).not.toContain("<script>alert(1)</script>");
	});

	it("shows at most 50 mails", async () => {
		// One statement per row: D1 allows at most 100 bound parameters per statement.
		await env.DB.batch(
			Array.from({ length: 55 }, (_, i) =>
				env.DB.prepare(`insert into outbox (id, "to", subject, text) values (?, ?, ?, 'x')`).bind(
					`bulk-${i}`,
					`bulk-${i}@example.org`,
					`Bulk ${i}`,
				),
			),
		);
		const html = await (await asDeveloper("/dev/outbox")).text();
		expect(html.match(/<li class="card">/g)).toHaveLength(50);
	});
});

describe("GET /dev/outbox: delivery states (issue 15)", () => {
	it("shows each mail's state, when it was sent, its attempts and its last error", async () => {
		const db = testDb();
		await db.insert(outbox).values([
			{
				id: "state-sent",
				to: "sent@example.org",
				subject: "State sent",
				text: "x",
				createdAt: new Date("2099-01-01T10:00:00Z"),
				state: "sent",
				attempts: 2,
				enqueuedAt: new Date("2099-01-01T10:00:01Z"),
				sentAt: new Date("2099-01-01T10:01:00Z"),
				error: null,
			},
			{
				id: "state-retrying",
				to: "retry@example.org",
				subject: "State retrying",
				text: "x",
				createdAt: new Date("2099-01-01T09:00:00Z"),
				attempts: 1,
				enqueuedAt: new Date("2099-01-01T09:00:01Z"),
				error: "Error: mail provider answered 503",
			},
			{
				id: "state-failed",
				to: "failed@example.org",
				subject: "State failed",
				text: "x",
				createdAt: new Date("2099-01-01T08:00:00Z"),
				state: "failed",
				attempts: 10,
				enqueuedAt: new Date("2099-01-01T08:00:01Z"),
				error: "Error: mail provider answered 500",
			},
			{
				id: "state-fresh",
				to: "fresh@example.org",
				subject: "State fresh",
				text: "x",
				createdAt: new Date("2099-01-01T07:00:00Z"),
			},
		]);

		const html = await (await asDeveloper("/dev/outbox")).text();

		const states = [...html.matchAll(/<dt>State<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => m[1]).slice(0, 4);
		expect(states).toEqual([
			"sent at 2099-01-01 10:01:00 UTC after 2 attempts",
			"queued after 1 attempt — Error: mail provider answered 503",
			"failed after 10 attempts — Error: mail provider answered 500",
			"queued (not yet enqueued)",
		]);
	});
});
