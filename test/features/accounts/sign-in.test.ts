import { env } from "cloudflare:workers";
import { scrypt } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
	createPasswordUser,
	createTestUser,
	getAs,
	mailedToken,
	mailsTo,
	ORIGIN,
	postForm,
	sessionCookieFrom,
} from "../../auth-helpers";
import { request } from "../../helpers";
import { mailedLink, pathOf, pressLinkButton } from "./links";

const PASSWORD = "marble otter lantern";
const LOCKOUT = "Too many attempts for this address. Try again in 1 minute or sign in with an emailed link.";
const WRONG = "wrong guess";

beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

/** A sign-in form posted from a given client address (Cloudflare's CF-Connecting-IP). */
const signInFrom = (ip: string, fields: Record<string, string>) =>
	request("/auth/sign-in", {
		method: "POST",
		headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "CF-Connecting-IP": ip },
		body: new URLSearchParams(fields).toString(),
		redirect: "manual",
	});

const sessionsOf = async (userId: string) =>
	(
		await env.DB.prepare("select count(*) as n from auth_sessions where user_id = ?")
			.bind(userId)
			.first<{ n: number }>()
	)?.n;

/** Moves an address's last password attempt `seconds` into the past, as if that much time went by. */
const passTime = (email: string, seconds: number) =>
	env.DB.prepare("update rate_limits set window_start = window_start - ? where key = ?")
		.bind(seconds * 1000, `sign-in:account:${email}`)
		.run();

/** The page body with the typed address taken out, to compare answers for different addresses. */
const withoutEmail = async (res: Response, email: string) => (await res.text()).replaceAll(email, "EMAIL");

describe("POST /auth/sign-in with a password", () => {
	it("signs in, sets the secure session cookie and goes to the console", async () => {
		const user = await createPasswordUser("pw", PASSWORD);
		const before = await sessionsOf(user.id);

		const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD });

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console");
		expect(res.headers.getSetCookie()).toContainEqual(
			expect.stringMatching(
				/^__Host-baton_session=[a-z0-9]{24}\.[a-z0-9]{24}; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
			),
		);
		expect(await sessionsOf(user.id)).toBe((before ?? 0) + 1);
		expect((await getAs("/console/account", sessionCookieFrom(res) ?? "")).status).toBe(200);
	});

	it("accepts the address in any case and with spaces around it", async () => {
		const user = await createPasswordUser("case", PASSWORD);
		const res = await postForm("/auth/sign-in", { email: ` ${user.email.toUpperCase()} `, password: PASSWORD });
		expect(res.status).toBe(303);
	});

	it("goes back to the page that asked for sign-in", async () => {
		const user = await createPasswordUser("next", PASSWORD);
		const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD, next: "/console/account" });
		expect(res.headers.get("Location")).toBe("/console/account");
	});

	it("never redirects off the site, whatever `next` says", async () => {
		const user = await createPasswordUser("open", PASSWORD);
		const locations: (string | null)[] = [];
		for (const next of ["//evil.example/x", "https://evil.example", "/\\evil.example"]) {
			const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD, next });
			locations.push(res.headers.get("Location"));
		}
		expect(locations).toEqual(["/console", "/console", "/console"]);
	});

	it("never redirects off the site through a tab or newline, which browsers drop from URLs", async () => {
		const user = await createPasswordUser("ctrl", PASSWORD);
		const locations: (string | null)[] = [];
		for (const next of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"]) {
			const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD, next });
			locations.push(res.headers.get("Location"));
		}
		expect(locations).toEqual(["/console", "/console", "/console"]);
	});

	it("mails an unverified account a verification link that keeps `next`", async () => {
		const user = await createPasswordUser("unverified-next", PASSWORD);
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();
		const next = "/auth/invitations/abc123.def456";

		const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD, next });

		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`href="/auth/sign-in?next=${encodeURIComponent(next)}"`);
		const link = await mailedLink(user.email, "/auth/verify");
		expect(link.searchParams.get("next")).toBe(next);
		const verified = await pressLinkButton(pathOf(link));
		expect([verified.status, verified.headers.get("Location")]).toEqual([303, next]);
	});

	it("answers a wrong password and an unknown address with the same 401 page and no cookie", async () => {
		const user = await createPasswordUser("wrong", PASSWORD);
		const unknown = `nobody-${crypto.randomUUID()}@example.org`;

		const wrong = await postForm("/auth/sign-in", { email: user.email, password: "not the password" });
		const missing = await postForm("/auth/sign-in", { email: unknown, password: "not the password" });

		expect([wrong.status, missing.status]).toEqual([401, 401]);
		const [wrongBody, missingBody] = [await withoutEmail(wrong, user.email), await withoutEmail(missing, unknown)];
		expect(wrongBody).toBe(missingBody);
		expect(wrongBody).toContain("This email address and password do not match an account.");
		expect([sessionCookieFrom(wrong), sessionCookieFrom(missing)]).toEqual([null, null]);
	});

	it("answers an account without a password like a wrong password", async () => {
		const user = await createTestUser("linkonly");
		const res = await postForm("/auth/sign-in", { email: user.email, password: "anything at all" });
		expect(res.status).toBe(401);
		expect(await res.text()).toContain("This email address and password do not match an account.");
	});

	it("keeps the typed address but not the password when it re-renders the form", async () => {
		const user = await createPasswordUser("keep", PASSWORD);
		const html = await (await postForm("/auth/sign-in", { email: user.email, password: "typed secret words" })).text();
		expect(html).toContain(`value="${user.email}"`);
		expect(html).not.toContain("typed secret words");
	});

	it("rejects missing fields with 400 and a message beside each", async () => {
		const res = await postForm("/auth/sign-in", {});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('<p class="field-error" id="field-email-error">Enter your email address.</p>');
		expect(html).toContain('<p class="field-error" id="field-password-error">Enter your password.</p>');
	});

	it("does not sign in an unverified account but mails it a new verification link", async () => {
		const user = await createPasswordUser("unverified", PASSWORD);
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();
		const before = await sessionsOf(user.id);

		const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD });

		expect(res.status).toBe(200);
		expect(await res.text()).toContain("Confirm your email address before you sign in with a password");
		expect(sessionCookieFrom(res)).toBeNull();
		expect(await sessionsOf(user.id)).toBe(before);
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Confirm your email address for Baton"]);
	});

	it("rehashes a password stored with weaker scrypt parameters", async () => {
		const user = await createTestUser("rehash");
		const salt = Buffer.from("0123456789abcdef");
		const weak = await new Promise<Buffer>((resolve, reject) =>
			scrypt(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))),
		);
		const weakHash = ["scrypt", 1024, 8, 1, salt.toString("base64"), weak.toString("base64")].join("$");
		await env.DB.prepare("update users set password_hash = ? where id = ?").bind(weakHash, user.id).run();

		const res = await postForm("/auth/sign-in", { email: user.email, password: PASSWORD });

		expect(res.status).toBe(303);
		const row = await env.DB.prepare("select password_hash from users where id = ?").bind(user.id).first<{
			password_hash: string;
		}>();
		expect(row?.password_hash).toMatch(/^scrypt\$16384\$8\$5\$/);
	});
});

/** A Retry-After (seconds) of `seconds` less at most 5 already elapsed since the lock began. */
const retryAfterNear = (header: string | null, seconds: number) =>
	Number(header) <= seconds && Number(header) > seconds - 5;

describe("sign-in rate limits", () => {
	it("locks an address after 5 failures with 429 and the lockout message", async () => {
		const user = await createPasswordUser("locked", PASSWORD);
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			statuses.push((await signInFrom(`10.0.0.${i}`, { email: user.email, password: "wrong guess" })).status);
		}

		const locked = await signInFrom("10.0.1.1", { email: user.email, password: "wrong guess" });

		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		expect(locked.status).toBe(429);
		// 60 seconds from the last failure, counted down while a busy machine runs the requests (a
		// password check takes real CPU time): a few seconds of that are not the behaviour under test.
		expect(retryAfterNear(locked.headers.get("Retry-After"), 60)).toBe(true);
		expect(await locked.text()).toContain(LOCKOUT);
	});

	it("locks for twice as long after each further failure, at most 15 minutes; attempts while locked change nothing", async () => {
		const user = await createPasswordUser("backoff", PASSWORD);
		for (let i = 0; i < 5; i++) await signInFrom(`10.4.0.${i}`, { email: user.email, password: WRONG });

		const answers: [string | null, string | undefined][] = [];
		const afterLocks: number[] = [];
		for (const lockSeconds of [60, 120, 240, 480, 900, 900]) {
			const refused = await signInFrom("10.4.1.1", { email: user.email, password: WRONG });
			const retryAfter = refused.headers.get("Retry-After");
			answers.push([
				retryAfterNear(retryAfter, lockSeconds) ? String(lockSeconds) : retryAfter,
				/Try again in [^.]+/.exec(await refused.text())?.[0],
			]);
			await passTime(user.email, lockSeconds);
			afterLocks.push((await signInFrom("10.4.1.2", { email: user.email, password: WRONG })).status);
		}

		expect(answers).toEqual([
			["60", "Try again in 1 minute or sign in with an emailed link"],
			["120", "Try again in 2 minutes or sign in with an emailed link"],
			["240", "Try again in 4 minutes or sign in with an emailed link"],
			["480", "Try again in 8 minutes or sign in with an emailed link"],
			["900", "Try again in 15 minutes or sign in with an emailed link"],
			["900", "Try again in 15 minutes or sign in with an emailed link"],
		]);
		// Each lock ends exactly when Retry-After said, however often it was tried meanwhile.
		expect(afterLocks).toEqual([401, 401, 401, 401, 401, 401]);
	}, 30_000);

	it("lets the right password in once the lock has passed", async () => {
		const user = await createPasswordUser("lock-passes", PASSWORD);
		for (let i = 0; i < 5; i++) await signInFrom("10.6.0.1", { email: user.email, password: WRONG });
		expect((await signInFrom("10.6.0.1", { email: user.email, password: PASSWORD })).status).toBe(429);

		await passTime(user.email, 60);

		expect((await signInFrom("10.6.0.1", { email: user.email, password: PASSWORD })).status).toBe(303);
	});

	it("still signs the owner in with an emailed link while the password is locked, and the link unlocks it", async () => {
		const user = await createPasswordUser("link-while-locked", PASSWORD);
		for (let i = 0; i < 5; i++) await signInFrom("10.5.0.1", { email: user.email, password: WRONG });
		expect((await signInFrom("10.5.0.2", { email: user.email, password: PASSWORD })).status).toBe(429);

		const asked = await postForm("/auth/sign-in/link", { email: user.email });
		const token = await mailedToken(user.email, "/auth/sign-in/link/confirm");
		const signedIn = await postForm("/auth/sign-in/link/confirm", { token });

		expect(asked.headers.get("Location")).toBe("/auth/sign-in/link/sent");
		expect([signedIn.status, signedIn.headers.get("Location")]).toEqual([303, "/console"]);
		expect((await getAs("/console/account", sessionCookieFrom(signedIn) ?? "")).status).toBe(200);
		expect((await signInFrom("10.5.0.3", { email: user.email, password: PASSWORD })).status).toBe(303);
	});

	it("refuses even the right password while the address is locked", async () => {
		const user = await createPasswordUser("locked-right", PASSWORD);
		for (let i = 0; i < 5; i++) await signInFrom("10.1.0.1", { email: user.email, password: "wrong guess" });

		const res = await signInFrom("10.1.0.2", { email: user.email, password: PASSWORD });

		expect(res.status).toBe(429);
		expect(sessionCookieFrom(res)).toBeNull();
	});

	it("gives an unknown address exactly the same lockout page as an existing one", async () => {
		const user = await createPasswordUser("lock-same", PASSWORD);
		const unknown = `ghost-${crypto.randomUUID()}@example.org`;
		for (let i = 0; i < 5; i++) {
			await signInFrom("10.2.0.1", { email: user.email, password: "wrong guess" });
			await signInFrom("10.2.0.2", { email: unknown, password: "wrong guess" });
		}

		const existing = await signInFrom("10.2.0.3", { email: user.email, password: "wrong guess" });
		const missing = await signInFrom("10.2.0.4", { email: unknown, password: "wrong guess" });

		expect([existing.status, missing.status]).toEqual([429, 429]);
		expect(await withoutEmail(existing, user.email)).toBe(await withoutEmail(missing, unknown));
	});

	it("forgets the failures of an address after a successful sign-in", async () => {
		const user = await createPasswordUser("clear", PASSWORD);
		for (let i = 0; i < 4; i++) await signInFrom("10.3.0.1", { email: user.email, password: "wrong guess" });
		expect((await signInFrom("10.3.0.1", { email: user.email, password: PASSWORD })).status).toBe(303);

		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			statuses.push((await signInFrom("10.3.0.2", { email: user.email, password: "wrong guess" })).status);
		}

		expect(statuses).toEqual([401, 401, 401, 401, 401]);
	});

	it("limits one network to 20 attempts in 15 minutes, across addresses", async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++) {
			const res = await signInFrom("10.9.9.9", { email: `spray-${i}@example.org`, password: "wrong guess" });
			statuses.push(res.status);
		}
		expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
	});
});

describe("sign-in with an emailed link", () => {
	const linkOf = async (email: string) => mailedToken(email, "/auth/sign-in/link/confirm");
	const usedAt = async (token: string) =>
		(
			await env.DB.prepare("select used_at from email_tokens where id = ?")
				.bind(token.split(".")[0])
				.first<{ used_at: number | null }>()
		)?.used_at;

	it("mails a link to an existing address and answers the same for an unknown one", async () => {
		const user = await createTestUser("link");
		const unknown = `nobody-${crypto.randomUUID()}@example.org`;

		const existing = await postForm("/auth/sign-in/link", { email: user.email });
		const missing = await postForm("/auth/sign-in/link", { email: unknown });

		expect([existing.status, existing.headers.get("Location"), await existing.text()]).toEqual([
			missing.status,
			missing.headers.get("Location"),
			await missing.text(),
		]);
		expect(existing.headers.get("Location")).toBe("/auth/sign-in/link/sent");
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Your Baton sign-in link"]);
		expect(await mailsTo(unknown)).toEqual([]);
	});

	it("shows a sign-in button on GET without using the link up", async () => {
		const user = await createTestUser("prefetch");
		await postForm("/auth/sign-in/link", { email: user.email });
		const token = await linkOf(user.email);

		const first = await getAs(`/auth/sign-in/link/confirm?token=${encodeURIComponent(token)}`);
		const second = await getAs(`/auth/sign-in/link/confirm?token=${encodeURIComponent(token)}`);

		expect([first.status, second.status]).toEqual([200, 200]);
		const html = await first.text();
		expect(html).toContain('<form method="post" action="/auth/sign-in/link/confirm">');
		expect(html).toContain(`<input type="hidden" name="token" value="${token}"/>`);
		expect(sessionCookieFrom(first)).toBeNull();
		expect(await usedAt(token)).toBeNull();
	});

	it("signs in on POST and then works no more", async () => {
		const user = await createTestUser("once");
		await postForm("/auth/sign-in/link", { email: user.email });
		const token = await linkOf(user.email);

		const first = await postForm("/auth/sign-in/link/confirm", { token });
		const second = await postForm("/auth/sign-in/link/confirm", { token });

		expect([first.status, first.headers.get("Location")]).toEqual([303, "/console"]);
		expect((await getAs("/console/account", sessionCookieFrom(first) ?? "")).status).toBe(200);
		expect(second.status).toBe(410);
		expect(await second.text()).toContain("This link has already been used.");
		expect(sessionCookieFrom(second)).toBeNull();
	});

	it("refuses an expired link on GET and POST and opens no session", async () => {
		const user = await createTestUser("late");
		await postForm("/auth/sign-in/link", { email: user.email });
		const token = await linkOf(user.email);
		await env.DB.prepare("update email_tokens set expires_at = ? where id = ?")
			.bind(Date.now() - 1, token.split(".")[0])
			.run();
		const before = await sessionsOf(user.id);

		const get = await getAs(`/auth/sign-in/link/confirm?token=${encodeURIComponent(token)}`);
		const post = await postForm("/auth/sign-in/link/confirm", { token });

		expect([get.status, post.status]).toEqual([410, 410]);
		expect(await post.text()).toContain("This link has expired.");
		expect(await sessionsOf(user.id)).toBe(before);
		expect(await usedAt(token)).toBeNull();
	});

	it("expires after 15 minutes", async () => {
		const user = await createTestUser("ttl");
		await postForm("/auth/sign-in/link", { email: user.email });
		const token = await linkOf(user.email);
		const row = await env.DB.prepare("select expires_at - created_at as ttl from email_tokens where id = ?")
			.bind(token.split(".")[0])
			.first<{ ttl: number }>();
		expect(row?.ttl).toBe(15 * 60 * 1000);
	});

	it("verifies an unverified address and drops a password set before verification", async () => {
		const user = await createPasswordUser("squat", PASSWORD);
		await env.DB.prepare("update users set email_verified_at = null where id = ?").bind(user.id).run();
		await postForm("/auth/sign-in/link", { email: user.email });

		const res = await postForm("/auth/sign-in/link/confirm", { token: await linkOf(user.email) });

		expect(res.status).toBe(303);
		const row = await env.DB.prepare("select email_verified_at, password_hash from users where id = ?")
			.bind(user.id)
			.first<{ email_verified_at: number | null; password_hash: string | null }>();
		expect(row).toEqual({ email_verified_at: expect.any(Number), password_hash: null });
	});

	it("keeps the password of a verified account", async () => {
		const user = await createPasswordUser("keeppw", PASSWORD);
		await postForm("/auth/sign-in/link", { email: user.email });
		await postForm("/auth/sign-in/link/confirm", { token: await linkOf(user.email) });
		const row = await env.DB.prepare("select password_hash from users where id = ?").bind(user.id).first<{
			password_hash: string | null;
		}>();
		expect(row?.password_hash).toMatch(/^scrypt\$/);
	});

	it("limits links for one address to 3 in 15 minutes, answering an unknown address alike", async () => {
		const user = await createTestUser("flood");
		const unknown = `nobody-${crypto.randomUUID()}@example.org`;
		const statuses: number[][] = [];
		for (let i = 0; i < 4; i++) {
			statuses.push([
				(await postForm("/auth/sign-in/link", { email: user.email })).status,
				(await postForm("/auth/sign-in/link", { email: unknown })).status,
			]);
		}
		expect(statuses).toEqual([
			[303, 303],
			[303, 303],
			[303, 303],
			[429, 429],
		]);
		expect(await mailsTo(user.email)).toHaveLength(3);
	});

	it("rejects a malformed address with 400 and sends nothing", async () => {
		const res = await postForm("/auth/sign-in/link", { email: "not an email" });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain("Enter an email address like name@example.org.");
	});
});

describe("GET /auth/sign-in and `next`", () => {
	it("keeps `next` in the form and in the 'create an account' link", async () => {
		const next = "/auth/invitations/abc123.def456";
		const html = await (await request(`/auth/sign-in?next=${encodeURIComponent(next)}`)).text();
		expect(html).toContain(`<input type="hidden" name="next" value="${next}"/>`);
		expect(html).toContain(`href="/auth/sign-up?next=${encodeURIComponent(next)}"`);
	});

	it("drops a `next` that could leave the site", async () => {
		const html = await (await request(`/auth/sign-in?next=${encodeURIComponent("//evil.example")}`)).text();
		expect(html).not.toContain('name="next"');
		expect(html).toContain('href="/auth/sign-up"');
		expect(html).not.toContain("evil.example");
	});
});
