import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser, getAs, mailedToken, mailsTo, postForm, sessionCookieFrom } from "../../auth-helpers";
import { request } from "../../helpers";
import { mailedLink, pathOf, pressLinkButton } from "./links";

// Every test signs up from the same (missing) client IP; the per-IP limit is tested in sign-in.test.ts.
beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

let counter = 0;
const freshEmail = () => `new-${++counter}-${crypto.randomUUID().slice(0, 8)}@example.org`;

const signUpForm = (overrides: Record<string, string> = {}) => ({
	email: freshEmail(),
	name: "Ada Lovelace",
	affiliation: "University of Groningen",
	country: "NL",
	password: "correct horse battery staple",
	...overrides,
});

const userCount = async () => (await env.DB.prepare("select count(*) as n from users").first<{ n: number }>())?.n;
const outboxCount = async () => (await env.DB.prepare("select count(*) as n from outbox").first<{ n: number }>())?.n;

describe("GET /auth/sign-up", () => {
	it("shows the form with labelled fields and a country list", async () => {
		const res = await request("/auth/sign-up");
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html.match(/<h1>/g)).toHaveLength(1);
		for (const name of ["email", "name", "affiliation", "country", "password"]) {
			expect(html).toContain(`<label for="field-${name}">`);
		}
		expect(html).toContain('<option value="NL">Netherlands</option>');
		expect(res.headers.get("Cache-Control")).toBe("no-store");
	});
});

describe("POST /auth/sign-up", () => {
	it("creates an unverified user, hashes the password and mails a verification link", async () => {
		const form = signUpForm();

		const res = await postForm("/auth/sign-up", form);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-up/sent");
		const row = await env.DB.prepare(
			"select name, affiliation, country, email_verified_at, password_hash from users where email = ?",
		)
			.bind(form.email)
			.first<Record<string, unknown>>();
		expect(row).toEqual({
			name: "Ada Lovelace",
			affiliation: "University of Groningen",
			country: "NL",
			email_verified_at: null,
			password_hash: expect.stringMatching(/^scrypt\$16384\$8\$5\$/),
		});
		const mails = await mailsTo(form.email);
		expect(mails.map((m) => m.subject)).toEqual(["Confirm your email address for Baton"]);
		expect(mails[0]?.text).toMatch(/http:\/\/localhost\/auth\/verify\?token=[a-z0-9]{24}\.[a-z0-9]{24}\s/);
	});

	it("stores the address trimmed and lowercased", async () => {
		const email = freshEmail();

		await postForm("/auth/sign-up", signUpForm({ email: `  ${email.toUpperCase()} ` }));

		const row = await env.DB.prepare("select email from users where email = ?").bind(email).first();
		expect(row).toEqual({ email });
	});

	it("accepts an account without a password (sign-in by emailed link)", async () => {
		const form = signUpForm({ password: "", affiliation: "" });

		const res = await postForm("/auth/sign-up", form);

		expect(res.status).toBe(303);
		const row = await env.DB.prepare("select affiliation, password_hash from users where email = ?")
			.bind(form.email)
			.first();
		expect(row).toEqual({ affiliation: "", password_hash: null });
	});

	it("answers a taken address exactly like a new one and mails the owner a note instead", async () => {
		const owner = await createTestUser("owner");

		const taken = await postForm("/auth/sign-up", signUpForm({ email: owner.email }));
		const fresh = await postForm("/auth/sign-up", signUpForm());

		expect([taken.status, taken.headers.get("Location"), await taken.text()]).toEqual([
			fresh.status,
			fresh.headers.get("Location"),
			await fresh.text(),
		]);
		const mails = await mailsTo(owner.email);
		expect(mails.map((m) => m.subject)).toEqual(["You already have a Baton account"]);
		expect(mails[0]?.text).toContain("http://localhost/auth/sign-in/link");
		expect(mails[0]?.text).not.toContain("token=");
		const row = await env.DB.prepare("select name from users where email = ?").bind(owner.email).first();
		expect(row).toEqual({ name: owner.name });
	});

	it("shows the same 'check your email' page for both", async () => {
		const res = await request("/auth/sign-up/sent");
		expect(res.status).toBe(200);
		expect(await res.text()).toContain("We sent a mail to the address you gave.");
	});

	it("rejects missing fields with 400, a message beside each field, and writes nothing", async () => {
		const [users, mails] = [await userCount(), await outboxCount()];

		const res = await postForm("/auth/sign-up", {});

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('<p class="field-error" id="field-email-error">Enter your email address.</p>');
		expect(html).toContain('<p class="field-error" id="field-name-error">Enter your name.</p>');
		expect(html).toContain('<p class="field-error" id="field-country-error">Choose your country.</p>');
		expect([await userCount(), await outboxCount()]).toEqual([users, mails]);
	});

	it("rejects a malformed email, an unknown country and overlong strings, keeping typed values but never the password", async () => {
		const users = await userCount();
		const longName = "x".repeat(201);

		const res = await postForm(
			"/auth/sign-up",
			signUpForm({ email: "not-an-email", country: "XX", name: longName, affiliation: "y".repeat(201) }),
		);

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain("Enter an email address like name@example.org.");
		expect(html).toContain('<p class="field-error" id="field-country-error">Choose a country from the list.</p>');
		expect(html).toContain('<p class="field-error" id="field-name-error">Use at most 200 characters.</p>');
		expect(html).toContain('<p class="field-error" id="field-affiliation-error">Use at most 200 characters.</p>');
		expect(html).toContain('value="not-an-email"');
		expect(html).toContain(`value="${longName}"`);
		expect(html).not.toContain("correct horse battery staple");
		expect(await userCount()).toBe(users);
	});

	it("rejects an overlong email address", async () => {
		const res = await postForm("/auth/sign-up", signUpForm({ email: `${"a".repeat(250)}@example.org` }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('<p class="field-error" id="field-email-error">Use at most 254 characters.</p>');
	});

	it("rejects a too-short password with a clear message", async () => {
		const res = await postForm("/auth/sign-up", signUpForm({ password: "short1" }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'<p class="field-error" id="field-password-error">Use at least 10 characters.</p>',
		);
	});

	it("rejects a very common password with a clear message", async () => {
		const res = await postForm("/auth/sign-up", signUpForm({ password: "Password123" }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			"This password is too common. Choose a less predictable one, e.g. a few unrelated words.",
		);
	});

	it("rejects a password made of the email address", async () => {
		const res = await postForm(
			"/auth/sign-up",
			signUpForm({ email: "grace.hopper@example.org", password: "grace.hopper2024" }),
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain("Do not use your name or email address as your password.");
	});

	it("refuses a form posted from another site (CSRF) with 403 and creates nothing", async () => {
		const form = signUpForm();

		const res = await request("/auth/sign-up", {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
			body: new URLSearchParams(form).toString(),
		});

		expect(res.status).toBe(403);
		expect(await env.DB.prepare("select id from users where email = ?").bind(form.email).first()).toBeNull();
	});
});

describe("the verification link (GET shows a button, POST verifies)", () => {
	async function signUpAndGetToken() {
		const form = signUpForm();
		await postForm("/auth/sign-up", form);
		return { email: form.email, token: await mailedToken(form.email, "/auth/verify") };
	}
	const verifiedAt = async (email: string) =>
		(
			await env.DB.prepare("select email_verified_at from users where email = ?")
				.bind(email)
				.first<{ email_verified_at: number | null }>()
		)?.email_verified_at;

	it("signs nobody in on GET (a mail scanner opening it): a button, no cookie, the address still unverified", async () => {
		const { email, token } = await signUpAndGetToken();

		const res = await getAs(`/auth/verify?token=${encodeURIComponent(token)}`);
		const again = await getAs(`/auth/verify?token=${encodeURIComponent(token)}`);

		expect([res.status, again.status]).toEqual([200, 200]);
		expect(res.headers.getSetCookie()).toEqual([]);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
		const html = await res.text();
		expect(html).toContain('<form method="post" action="/auth/verify">');
		expect(html).toContain(`<input type="hidden" name="token" value="${token}"/>`);
		expect(html).toContain("Confirm and sign in");
		expect(await verifiedAt(email)).toBeNull();
		const row = await env.DB.prepare("select used_at from email_tokens where id = ?").bind(token.split(".")[0]).first();
		expect(row).toEqual({ used_at: null });
	});

	it("verifies the address on POST, signs in with a secure cookie and opens the console", async () => {
		const { email, token } = await signUpAndGetToken();

		const res = await postForm("/auth/verify", { token });

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console");
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-baton_session="));
		expect(setCookie).toMatch(
			/^__Host-baton_session=[a-z0-9]{24}\.[a-z0-9]{24}; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
		);
		const row = await env.DB.prepare("select email_verified_at from users where email = ?").bind(email).first<{
			email_verified_at: number | null;
		}>();
		expect(row?.email_verified_at).toEqual(expect.any(Number));
		const account = await getAs("/console/account", sessionCookieFrom(res) ?? "");
		expect(account.status).toBe(200);
		expect(await account.text()).toContain(email);
	});

	it("works once: the second use is 410 and opens no session", async () => {
		const { token } = await signUpAndGetToken();
		await postForm("/auth/verify", { token });

		const again = await postForm("/auth/verify", { token });
		const page = await getAs(`/auth/verify?token=${encodeURIComponent(token)}`);

		expect([again.status, page.status]).toEqual([410, 410]);
		expect(await again.text()).toContain("This link has already been used.");
		expect(sessionCookieFrom(again)).toBeNull();
	});

	it("refuses a POST from another site (CSRF) and verifies nothing", async () => {
		const { email, token } = await signUpAndGetToken();

		const res = await request("/auth/verify", {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
			body: new URLSearchParams({ token }).toString(),
		});

		expect(res.status).toBe(403);
		expect(await verifiedAt(email)).toBeNull();
	});

	it("answers an expired link with 410 and leaves the address unverified", async () => {
		const { email, token } = await signUpAndGetToken();
		await env.DB.prepare("update email_tokens set expires_at = ? where id = ?")
			.bind(Date.now() - 1000, token.split(".")[0])
			.run();

		const res = await getAs(`/auth/verify?token=${encodeURIComponent(token)}`);
		const post = await postForm("/auth/verify", { token });

		expect([res.status, post.status]).toEqual([410, 410]);
		expect(await res.text()).toContain("This link has expired.");
		const row = await env.DB.prepare("select email_verified_at from users where email = ?").bind(email).first();
		expect(row).toEqual({ email_verified_at: null });
	});

	it("answers a tampered link with 400 and changes nothing", async () => {
		const { email, token } = await signUpAndGetToken();
		const [id] = token.split(".");

		const res = await getAs(`/auth/verify?token=${id}.${"a".repeat(24)}`);
		const post = await postForm("/auth/verify", { token: `${id}.${"a".repeat(24)}` });

		expect([res.status, post.status]).toEqual([400, 400]);
		expect(await res.text()).toContain("This link is not valid.");
		const row = await env.DB.prepare("select email_verified_at from users where email = ?").bind(email).first();
		expect(row).toEqual({ email_verified_at: null });
	});

	it("answers a missing token with 400", async () => {
		expect((await getAs("/auth/verify")).status).toBe(400);
		expect((await postForm("/auth/verify", {})).status).toBe(400);
	});
});

describe("carrying `next` through sign-up and verification", () => {
	const INVITATION = "/auth/invitations/abc123.def456";
	const ENCODED = encodeURIComponent(INVITATION);
	const HOSTILE = ["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example"];

	it("keeps `next` in a hidden field and in the 'sign in instead' link", async () => {
		const html = await (await request(`/auth/sign-up?next=${ENCODED}`)).text();

		expect(html).toContain(`<input type="hidden" name="next" value="${INVITATION}"/>`);
		expect(html).toContain(`href="/auth/sign-in?next=${ENCODED}"`);
	});

	it("drops a `next` that could leave the site from the form and the links", async () => {
		for (const next of HOSTILE) {
			const html = await (await request(`/auth/sign-up?next=${encodeURIComponent(next)}`)).text();
			expect(html).not.toContain('name="next"');
			expect(html).toContain('href="/auth/sign-in"');
			expect(html).not.toContain("evil.example");
		}
	});

	it("sends someone already signed in straight to `next`", async () => {
		const user = await createTestUser("signed-in");
		const res = await getAs(`/auth/sign-up?next=${ENCODED}`, user.cookie);
		expect([res.status, res.headers.get("Location")]).toEqual([303, INVITATION]);
	});

	it("puts `next` in the verification link, and the link signs in and goes there", async () => {
		const form = signUpForm({ next: INVITATION });

		const res = await postForm("/auth/sign-up", form);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/auth/sign-up/sent?next=${ENCODED}`);
		const [mail] = await mailsTo(form.email);
		expect(mail?.text).toMatch(
			new RegExp(
				`http://localhost/auth/verify\\?token=[a-z0-9]{24}\\.[a-z0-9]{24}&next=${ENCODED.replaceAll(".", "\\.")}\\s`,
			),
		);
		const link = await mailedLink(form.email, "/auth/verify");
		expect(link.searchParams.get("next")).toBe(INVITATION);

		const verified = await pressLinkButton(pathOf(link));

		expect(verified.status).toBe(303);
		expect(verified.headers.get("Location")).toBe(INVITATION);
		const account = await getAs("/console/account", sessionCookieFrom(verified) ?? "");
		expect(account.status).toBe(200);
		const row = await env.DB.prepare("select email_verified_at from users where email = ?")
			.bind(form.email)
			.first<{ email_verified_at: number | null }>();
		expect(row?.email_verified_at).toEqual(expect.any(Number));
	});

	it("shows 'check your email' with a sign-in link that keeps `next`", async () => {
		const html = await (await request(`/auth/sign-up/sent?next=${ENCODED}`)).text();
		expect(html).toContain("We sent a mail to the address you gave.");
		expect(html).toContain(`href="/auth/sign-in?next=${ENCODED}"`);
	});

	it("leaves a hostile `next` out of the mail, and the link ends at the console", async () => {
		for (const next of HOSTILE) {
			const form = signUpForm({ next });

			const res = await postForm("/auth/sign-up", form);

			expect(res.headers.get("Location")).toBe("/auth/sign-up/sent");
			const [mail] = await mailsTo(form.email);
			expect(mail?.text).not.toContain("next=");
			expect(mail?.text).not.toContain("evil.example");
			const verified = await pressLinkButton(pathOf(await mailedLink(form.email, "/auth/verify")));
			expect([next, verified.status, verified.headers.get("Location")]).toEqual([next, 303, "/console"]);
		}
	});

	it("checks `next` again at /auth/verify: a hostile one added to an honest link ends at the console", async () => {
		for (const next of HOSTILE) {
			const form = signUpForm();
			await postForm("/auth/sign-up", form);
			const token = await mailedToken(form.email, "/auth/verify");

			const page = await getAs(`/auth/verify?token=${encodeURIComponent(token)}&next=${encodeURIComponent(next)}`);
			// The page drops it from its form; a hand-made POST carrying it is checked again.
			const res = await postForm("/auth/verify", { token, next });

			expect(await page.text()).not.toContain('name="next"');
			expect([next, res.status, res.headers.get("Location")]).toEqual([next, 303, "/console"]);
			expect(sessionCookieFrom(res)).not.toBeNull();
		}
	});

	it("keeps `next` in the hidden field when the form comes back with errors", async () => {
		const res = await postForm("/auth/sign-up", signUpForm({ country: "XX", next: INVITATION }));

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain(`<input type="hidden" name="next" value="${INVITATION}"/>`);
		expect(html).toContain(`href="/auth/sign-in?next=${ENCODED}"`);
	});

	it("drops a hostile `next` when the form comes back with errors", async () => {
		const res = await postForm("/auth/sign-up", signUpForm({ country: "XX", next: "//evil.example" }));

		expect(res.status).toBe(400);
		expect(await res.text()).not.toContain("evil.example");
	});

	it("answers a taken address like a new one and puts `next` in the owner's sign-in link", async () => {
		const owner = await createTestUser("owner-next");

		const taken = await postForm("/auth/sign-up", signUpForm({ email: owner.email, next: INVITATION }));
		const fresh = await postForm("/auth/sign-up", signUpForm({ next: INVITATION }));

		expect([taken.status, taken.headers.get("Location")]).toEqual([fresh.status, fresh.headers.get("Location")]);
		const [mail] = await mailsTo(owner.email);
		expect(mail?.subject).toBe("You already have a Baton account");
		expect(mail?.text).toContain(`Sign in with your password: http://localhost/auth/sign-in?next=${ENCODED}\n`);
		expect(mail?.text).not.toContain("token=");
	});

	it("leaves a hostile `next` out of the note to an existing account", async () => {
		const owner = await createTestUser("owner-hostile");

		await postForm("/auth/sign-up", signUpForm({ email: owner.email, next: "https://evil.example" }));

		const [mail] = await mailsTo(owner.email);
		expect(mail?.text).toContain("Sign in with your password: http://localhost/auth/sign-in\n");
		expect(mail?.text).not.toContain("evil.example");
	});
});
