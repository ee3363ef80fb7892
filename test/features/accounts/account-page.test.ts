import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { createPasswordUser, createTestUser, getAs, mailedToken, mailsTo, postForm } from "../../auth-helpers";
import { request, testDb } from "../../helpers";

const PASSWORD = "marble otter lantern";
const NEW_PASSWORD = "violet harbor compass";

beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

const profileOf = async (userId: string) =>
	env.DB.prepare("select name, affiliation, country from users where id = ?").bind(userId).first();

const anotherSession = async (userId: string) => `${SESSION_COOKIE}=${await createSession(testDb(), userId)}`;

describe("GET /console/account", () => {
	it("sends a signed-out visitor to sign in and back", async () => {
		const res = await getAs("/console/account");
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?next=%2Fconsole%2Faccount");
	});

	it("shows the profile, the address and the account's sections", async () => {
		const user = await createTestUser("page");

		const res = await getAs("/console/account", user.cookie);

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
		const html = await res.text();
		expect(html.match(/<h1>/g)).toHaveLength(1);
		expect(html).toContain(`value="${user.name}"`);
		expect(html).toContain('<option value="NL" selected="">Netherlands</option>');
		expect(html).toContain(`<strong>${user.email}</strong>`);
		expect(html.match(/<h2 id="[a-z]+-heading">[^<]+<\/h2>/g)).toEqual([
			'<h2 id="profile-heading">Profile</h2>',
			'<h2 id="email-heading">Email address</h2>',
			'<h2 id="password-heading">Password</h2>',
			'<h2 id="sessions-heading">Devices</h2>',
			'<h2 id="tokens-heading">API tokens</h2>',
		]);
	});
});

describe("notices", () => {
	it("shows only notices Baton defines, never text from the query or inherited keys", async () => {
		const user = await createTestUser("notice");
		const pages = await Promise.all(
			["constructor", "toString", "<b>hi</b>"].map(async (n) => {
				const res = await getAs(`/console/account?notice=${encodeURIComponent(n)}`, user.cookie);
				return [res.status, (await res.text()).includes('class="notice"')];
			}),
		);
		expect(pages).toEqual([
			[200, false],
			[200, false],
			[200, false],
		]);
	});
});

describe("POST /console/account/profile", () => {
	it("saves name, affiliation and country", async () => {
		const user = await createTestUser("profile");

		const res = await postForm(
			"/console/account/profile",
			{ name: "  Marie Curie ", affiliation: "Sorbonne", country: "fr" },
			user.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=profile");
		expect(await profileOf(user.id)).toEqual({ name: "Marie Curie", affiliation: "Sorbonne", country: "FR" });
		expect(await (await getAs("/console/account?notice=profile", user.cookie)).text()).toContain(
			"Your profile is saved.",
		);
	});

	it("rejects bad input with 400, messages beside the fields and no change", async () => {
		const user = await createTestUser("profile-bad");
		const before = await profileOf(user.id);

		const res = await postForm(
			"/console/account/profile",
			{ name: "", affiliation: "a".repeat(201), country: "ZZ" },
			user.cookie,
		);

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('<p class="field-error" id="field-name-error">Enter your name.</p>');
		expect(html).toContain('<p class="field-error" id="field-affiliation-error">Use at most 200 characters.</p>');
		expect(html).toContain('<p class="field-error" id="field-country-error">Choose a country from the list.</p>');
		expect(await profileOf(user.id)).toEqual(before);
	});

	it("refuses a post from another site (CSRF) with 403 and changes nothing", async () => {
		const user = await createTestUser("profile-csrf");
		const before = await profileOf(user.id);

		const res = await request("/console/account/profile", {
			method: "POST",
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				Origin: "https://evil.example",
				Cookie: user.cookie,
			},
			body: new URLSearchParams({ name: "Mallory", affiliation: "", country: "NL" }).toString(),
		});

		expect(res.status).toBe(403);
		expect(await profileOf(user.id)).toEqual(before);
	});

	it("sends a signed-out post to sign in and changes nothing", async () => {
		const res = await postForm("/console/account/profile", { name: "Nobody", affiliation: "", country: "NL" });
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toMatch(/^\/auth\/sign-in\?next=/);
	});
});

describe("POST /console/account/password", () => {
	it("changes the password, ends the other sessions and keeps this one", async () => {
		const user = await createPasswordUser("change", PASSWORD);
		const other = await anotherSession(user.id);

		const res = await postForm(
			"/console/account/password",
			{ currentPassword: PASSWORD, password: NEW_PASSWORD },
			user.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=password&sessions=1&tokens=0");
		expect((await getAs("/console/account", user.cookie)).status).toBe(200);
		expect((await getAs("/console/account", other)).status).toBe(303);
		expect((await postForm("/auth/sign-in", { email: user.email, password: NEW_PASSWORD })).status).toBe(303);
	});

	it("asks for the current password and refuses a wrong one with 400, changing nothing", async () => {
		const user = await createPasswordUser("change-wrong", PASSWORD);
		const other = await anotherSession(user.id);

		const missing = await postForm("/console/account/password", { password: NEW_PASSWORD }, user.cookie);
		const wrong = await postForm(
			"/console/account/password",
			{ currentPassword: "not my password", password: NEW_PASSWORD },
			user.cookie,
		);

		expect([missing.status, wrong.status]).toEqual([400, 400]);
		expect(await missing.text()).toContain("Enter your current password.");
		expect(await wrong.text()).toContain(
			'<p class="field-error" id="field-currentPassword-error">This is not your current password.</p>',
		);
		expect((await getAs("/console/account", other)).status).toBe(200);
		expect((await postForm("/auth/sign-in", { email: user.email, password: PASSWORD })).status).toBe(303);
	});

	it("rejects a too-short new password with a clear message", async () => {
		const user = await createPasswordUser("change-short", PASSWORD);
		const res = await postForm(
			"/console/account/password",
			{ currentPassword: PASSWORD, password: "tiny" },
			user.cookie,
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'<p class="field-error" id="field-password-error">Use at least 10 characters.</p>',
		);
	});

	it("lets a link-only account set a first password without a current one", async () => {
		const user = await createTestUser("first-password");

		const res = await postForm("/console/account/password", { password: NEW_PASSWORD }, user.cookie);

		expect(res.status).toBe(303);
		expect((await postForm("/auth/sign-in", { email: user.email, password: NEW_PASSWORD })).status).toBe(303);
	});
});

describe("changing the email address", () => {
	const emailOf = async (userId: string) =>
		env.DB.prepare("select email from users where id = ?").bind(userId).first<{ email: string }>();

	it("mails a confirmation link to the new address and changes nothing yet", async () => {
		const user = await createTestUser("move");
		const target = `moved-${crypto.randomUUID()}@example.org`;

		const res = await postForm("/console/account/email", { email: target }, user.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=email-sent");
		expect((await mailsTo(target)).map((m) => m.subject)).toEqual(["Confirm your new email address for Baton"]);
		expect(await emailOf(user.id)).toEqual({ email: user.email });
	});

	it("shows a confirm button on GET without applying the change", async () => {
		const user = await createTestUser("move-get");
		const target = `moved-${crypto.randomUUID()}@example.org`;
		await postForm("/console/account/email", { email: target }, user.cookie);
		const token = await mailedToken(target, "/auth/change-email/confirm");

		const res = await getAs(`/auth/change-email/confirm?token=${encodeURIComponent(token)}`);

		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`Use ${target} as the address of your Baton account?`);
		expect(await emailOf(user.id)).toEqual({ email: user.email });
	});

	it("applies the change on POST, verifies the new address and tells the old one", async () => {
		const user = await createTestUser("move-apply");
		const target = `moved-${crypto.randomUUID()}@example.org`;
		await postForm("/console/account/email", { email: target }, user.cookie);
		const token = await mailedToken(target, "/auth/change-email/confirm");
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();

		const res = await postForm("/auth/change-email/confirm", { token });

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=email");
		const row = await env.DB.prepare("select email, email_verified_at from users where id = ?")
			.bind(user.id)
			.first<{ email: string; email_verified_at: number | null }>();
		expect(row).toEqual({ email: target, email_verified_at: expect.any(Number) });
		const notices = await mailsTo(user.email);
		expect(notices.map((m) => m.subject)).toEqual(["Your Baton email address was changed"]);
		expect(notices[0]?.text).toContain(target);
	});

	it("works once", async () => {
		const user = await createTestUser("move-once");
		const target = `moved-${crypto.randomUUID()}@example.org`;
		await postForm("/console/account/email", { email: target }, user.cookie);
		const token = await mailedToken(target, "/auth/change-email/confirm");
		await postForm("/auth/change-email/confirm", { token });

		const again = await postForm("/auth/change-email/confirm", { token });

		expect(again.status).toBe(410);
		expect(await mailsTo(user.email)).toHaveLength(1);
	});

	it("answers 409 when the new address belongs to another account, and changes nothing", async () => {
		const user = await createTestUser("move-taken");
		const holder = await createTestUser("holder");
		// The request does not tell whether the address is taken: only its owner learns it, on confirming.
		const asked = await postForm("/console/account/email", { email: holder.email }, user.cookie);
		const token = await mailedToken(holder.email, "/auth/change-email/confirm");

		const res = await postForm("/auth/change-email/confirm", { token });

		expect(asked.status).toBe(303);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain(
			"This address already belongs to another Baton account, so your account keeps its current address.",
		);
		expect(await emailOf(user.id)).toEqual({ email: user.email });
		expect(await mailsTo(user.email)).toEqual([]);
	});

	it("answers the current address with 422 beside the field", async () => {
		const user = await createTestUser("same");
		const res = await postForm("/console/account/email", { email: user.email }, user.cookie);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain(
			'<p class="field-error" id="field-email-error">This is already your address.</p>',
		);
	});

	it("rejects a malformed address with 400 and mails nothing", async () => {
		const user = await createTestUser("bad-move");
		const before = (await env.DB.prepare("select count(*) as n from outbox").first<{ n: number }>())?.n;

		const res = await postForm("/console/account/email", { email: "nowhere" }, user.cookie);

		expect(res.status).toBe(400);
		expect((await env.DB.prepare("select count(*) as n from outbox").first<{ n: number }>())?.n).toBe(before);
	});
});

describe("POST /console/account/verify", () => {
	it("mails a new verification link to an unverified address", async () => {
		const user = await createTestUser("resend");
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();

		const res = await postForm("/console/account/verify", {}, user.cookie);

		expect(res.headers.get("Location")).toBe("/console/account?notice=verify");
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Confirm your email address for Baton"]);
	});

	it("mails nothing to a verified address", async () => {
		const user = await createTestUser("resend-verified");
		await postForm("/console/account/verify", {}, user.cookie);
		expect(await mailsTo(user.email)).toEqual([]);
	});
});
