import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { createTestUser, getAs, ORIGIN, postForm } from "../../auth-helpers";
import { request, testDb } from "../../helpers";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const sessionIdOf = (cookie: string) => cookie.slice(`${SESSION_COOKIE}=`.length).split(".")[0] ?? "";

const lastVerifiedAt = async (cookie: string) =>
	(
		await env.DB.prepare("select last_verified_at from auth_sessions where id = ?")
			.bind(sessionIdOf(cookie))
			.first<{ last_verified_at: number }>()
	)?.last_verified_at;

const setLastVerifiedAt = (cookie: string, at: number) =>
	env.DB.prepare("update auth_sessions set last_verified_at = ? where id = ?").bind(at, sessionIdOf(cookie)).run();

/** A second session of the same user, as if signed in on another device. */
const anotherSession = async (userId: string) => `${SESSION_COOKIE}=${await createSession(testDb(), userId)}`;

describe("session expiry and renewal", () => {
	it("ends a session unused for 30 days: the cookie no longer works and the row is gone", async () => {
		const user = await createTestUser("idle");
		await setLastVerifiedAt(user.cookie, Date.now() - 30 * DAY - 1000);

		const res = await getAs("/console/account", user.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?next=%2Fconsole%2Faccount");
		expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^__Host-baton_session=; Max-Age=0;/));
		expect(await lastVerifiedAt(user.cookie)).toBeUndefined();
	});

	it("keeps a session used 29 days ago", async () => {
		const user = await createTestUser("recent");
		await setLastVerifiedAt(user.cookie, Date.now() - 29 * DAY);
		expect((await getAs("/console/account", user.cookie)).status).toBe(200);
	});

	it("refreshes last_verified_at when it is older than an hour", async () => {
		const user = await createTestUser("renew");
		const old = Date.now() - 2 * HOUR;
		await setLastVerifiedAt(user.cookie, old);
		const before = Date.now();

		await getAs("/console/account", user.cookie);

		expect(await lastVerifiedAt(user.cookie)).toBeGreaterThanOrEqual(before);
	});

	it("does not write last_verified_at when it is younger than an hour", async () => {
		const user = await createTestUser("fresh");
		const recent = Date.now() - 30 * 60 * 1000;
		await setLastVerifiedAt(user.cookie, recent);

		await getAs("/console/account", user.cookie);

		expect(await lastVerifiedAt(user.cookie)).toBe(recent);
	});

	it("rejects a cookie whose secret does not match, without touching the real session", async () => {
		const user = await createTestUser("forged");
		const forged = `${SESSION_COOKIE}=${sessionIdOf(user.cookie)}.${"a".repeat(24)}`;

		const res = await getAs("/console/account", forged);

		expect(res.status).toBe(303);
		expect((await getAs("/console/account", user.cookie)).status).toBe(200);
	});
});

describe("POST /auth/sign-out", () => {
	it("ends the current session, clears the cookie and goes home", async () => {
		const user = await createTestUser("out");

		const res = await postForm("/auth/sign-out", {}, user.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/");
		expect(res.headers.getSetCookie()).toContainEqual(
			expect.stringMatching(/^__Host-baton_session=; Max-Age=0; Path=\/; Secure/),
		);
		expect((await getAs("/console/account", user.cookie)).status).toBe(303);
	});

	it("keeps the user's other sessions", async () => {
		const user = await createTestUser("out-one");
		const other = await anotherSession(user.id);

		await postForm("/auth/sign-out", {}, user.cookie);

		expect((await getAs("/console/account", other)).status).toBe(200);
	});
});

describe("POST /auth/sign-out-everywhere", () => {
	it("ends every session of the user, including the current one", async () => {
		const user = await createTestUser("everywhere");
		const laptop = await anotherSession(user.id);
		const phone = await anotherSession(user.id);

		const res = await postForm("/auth/sign-out-everywhere", {}, user.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?signed_out=everywhere&sessions=3&tokens=0");
		const statuses = await Promise.all(
			[user.cookie, laptop, phone].map(async (c) => (await getAs("/console/account", c)).status),
		);
		expect(statuses).toEqual([303, 303, 303]);
	});

	it("leaves other users signed in", async () => {
		const user = await createTestUser("everywhere-a");
		const bystander = await createTestUser("everywhere-b");

		await postForm("/auth/sign-out-everywhere", {}, user.cookie);

		expect((await getAs("/console/account", bystander.cookie)).status).toBe(200);
	});

	it("says so on the sign-in page it leads to", async () => {
		const res = await getAs("/auth/sign-in?signed_out=everywhere");
		expect(await res.text()).toContain("You are signed out on every device.");
	});

	it("refuses a post from another site (CSRF) with 403 and ends nothing", async () => {
		const user = await createTestUser("csrf");

		const res = await request("/auth/sign-out-everywhere", {
			method: "POST",
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				Origin: "https://evil.example",
				Cookie: user.cookie,
			},
			body: "",
		});

		expect(res.status).toBe(403);
		expect((await getAs("/console/account", user.cookie)).status).toBe(200);
	});

	it("accepts the same post from Baton's own origin", async () => {
		const user = await createTestUser("own-origin");
		const res = await request("/auth/sign-out-everywhere", {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: user.cookie },
			body: "",
			redirect: "manual",
		});
		expect(res.status).toBe(303);
	});
});
