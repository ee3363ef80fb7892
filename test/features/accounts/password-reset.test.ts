import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import {
	createPasswordUser,
	createTestUser,
	getAs,
	mailedToken,
	mailsTo,
	postForm,
	sendJson,
	sessionCookieFrom,
} from "../../auth-helpers";
import { testDb } from "../../helpers";

const OLD_PASSWORD = "marble otter lantern";
const NEW_PASSWORD = "violet harbor compass";

beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

const passwordHashOf = async (userId: string) =>
	(await env.DB.prepare("select password_hash from users where id = ?").bind(userId).first<{ password_hash: string }>())
		?.password_hash;

/** A user with a password, two sessions and a reset link in their inbox. */
async function userWithResetLink(label: string) {
	const user = await createPasswordUser(label, OLD_PASSWORD);
	const otherDevice = `${SESSION_COOKIE}=${await createSession(testDb(), user.id)}`;
	await postForm("/auth/reset", { email: user.email });
	return { user, otherDevice, token: await mailedToken(user.email, "/auth/reset/confirm") };
}

describe("POST /auth/reset", () => {
	it("mails a link to an existing address and answers an unknown one identically", async () => {
		const user = await createTestUser("reset");
		const unknown = `nobody-${crypto.randomUUID()}@example.org`;

		const existing = await postForm("/auth/reset", { email: user.email });
		const missing = await postForm("/auth/reset", { email: unknown });

		expect([existing.status, existing.headers.get("Location"), await existing.text()]).toEqual([
			missing.status,
			missing.headers.get("Location"),
			await missing.text(),
		]);
		expect(existing.headers.get("Location")).toBe("/auth/reset/sent");
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Choose a new Baton password"]);
		expect(await mailsTo(unknown)).toEqual([]);
	});

	it("makes links that work for one hour", async () => {
		const { token } = await userWithResetLink("ttl");
		const row = await env.DB.prepare("select expires_at - created_at as ttl from email_tokens where id = ?")
			.bind(token.split(".")[0])
			.first<{ ttl: number }>();
		expect(row?.ttl).toBe(60 * 60 * 1000);
	});
});

describe("GET /auth/reset/confirm", () => {
	it("shows the new-password form without using the link", async () => {
		const { token } = await userWithResetLink("show");

		const res = await getAs(`/auth/reset/confirm?token=${encodeURIComponent(token)}`);

		expect(res.status).toBe(200);
		expect(await res.text()).toContain('<label for="field-password">New password');
		const row = await env.DB.prepare("select used_at from email_tokens where id = ?").bind(token.split(".")[0]).first();
		expect(row).toEqual({ used_at: null });
	});
});

describe("POST /auth/reset/confirm", () => {
	it("sets the password, ends every old session and signs in fresh", async () => {
		const { user, otherDevice, token } = await userWithResetLink("apply");

		const res = await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=reset&sessions=2&tokens=0");
		const fresh = sessionCookieFrom(res) ?? "";
		const statuses = await Promise.all(
			[user.cookie, otherDevice, fresh].map(async (cookie) => (await getAs("/console/account", cookie)).status),
		);
		expect(statuses).toEqual([303, 303, 200]);
		expect((await postForm("/auth/sign-in", { email: user.email, password: NEW_PASSWORD })).status).toBe(303);
		expect((await postForm("/auth/sign-in", { email: user.email, password: OLD_PASSWORD })).status).toBe(401);
	});

	it("works once: a second use is 410 and changes nothing", async () => {
		const { user, token } = await userWithResetLink("twice");
		const first = await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });
		const hash = await passwordHashOf(user.id);
		const session = sessionCookieFrom(first) ?? "";

		const second = await postForm("/auth/reset/confirm", { token, password: "another fine password" });

		expect(second.status).toBe(410);
		expect(await second.text()).toContain("This link has already been used.");
		expect(await passwordHashOf(user.id)).toBe(hash);
		expect((await getAs("/console/account", session)).status).toBe(200);
	});

	it("refuses an expired link with 410 and keeps the password and sessions", async () => {
		const { user, otherDevice, token } = await userWithResetLink("expired");
		await env.DB.prepare("update email_tokens set expires_at = ? where id = ?")
			.bind(Date.now() - 1, token.split(".")[0])
			.run();
		const hash = await passwordHashOf(user.id);

		const get = await getAs(`/auth/reset/confirm?token=${encodeURIComponent(token)}`);
		const post = await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });

		expect([get.status, post.status]).toEqual([410, 410]);
		expect(await post.text()).toContain("This link has expired.");
		expect(await passwordHashOf(user.id)).toBe(hash);
		expect((await getAs("/console/account", otherDevice)).status).toBe(200);
	});

	it("rejects a weak password with 400 and leaves the link usable", async () => {
		const { user, token } = await userWithResetLink("weak");
		const hash = await passwordHashOf(user.id);

		const weak = await postForm("/auth/reset/confirm", { token, password: "password123" });

		expect(weak.status).toBe(400);
		expect(await weak.text()).toContain(
			'<p class="field-error" id="field-password-error">This password is too common. Choose a less predictable one, e.g. a few unrelated words.</p>',
		);
		expect(await passwordHashOf(user.id)).toBe(hash);
		expect((await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD })).status).toBe(303);
	});

	it("refuses a link sent before the account changed its address", async () => {
		const { user, token } = await userWithResetLink("moved");
		await env.DB.prepare("update users set email = ? where id = ?").bind(`moved-${user.email}`, user.id).run();

		const res = await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });

		expect(res.status).toBe(400);
	});

	it("counts as verification of the address", async () => {
		const { user, token } = await userWithResetLink("verifies");
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();

		await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });

		const row = await env.DB.prepare("select email_verified_at from users where id = ?").bind(user.id).first<{
			email_verified_at: number | null;
		}>();
		expect(row?.email_verified_at).toEqual(expect.any(Number));
	});
});

describe("POST /api/v1/auth/reset", () => {
	it("answers 202 with the same body for an existing and an unknown address", async () => {
		const user = await createTestUser("api-reset");

		const existing = await sendJson("POST", "/api/v1/auth/reset", { email: user.email });
		const missing = await sendJson("POST", "/api/v1/auth/reset", {
			email: `nobody-${crypto.randomUUID()}@example.org`,
		});

		expect([existing.status, missing.status]).toEqual([202, 202]);
		expect(await existing.json()).toEqual(await missing.json());
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Choose a new Baton password"]);
	});

	it("rejects a malformed address with 400 and the field message", async () => {
		const res = await sendJson("POST", "/api/v1/auth/reset", { email: "nope" });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			error: { code: "invalid_input", fields: { email: "Enter an email address like name@example.org." } },
		});
	});
});
