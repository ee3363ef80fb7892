import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import {
	createPasswordUser,
	getAs,
	mailedToken,
	postForm,
	sendJson,
	sessionCookieFrom,
	type TestUser,
} from "../../auth-helpers";
import { testDb } from "../../helpers";

const PASSWORD = "marble otter lantern";
const NEW_PASSWORD = "violet harbor compass";

beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

/** A member of an institution of their own (something a token can reach), with a password. */
async function member(label: string) {
	const user = await createPasswordUser(label, PASSWORD);
	const institutionId = `inst-${crypto.randomUUID()}`;
	await env.DB.batch([
		env.DB.prepare("insert into institutions (id, slug, name, country) values (?, ?, ?, 'NL')").bind(
			institutionId,
			institutionId,
			`University ${label}`,
		),
		env.DB.prepare("insert into institution_members (institution_id, user_id, role) values (?, ?, 'owner')").bind(
			institutionId,
			user.id,
		),
	]);
	return { ...user, institutionId };
}

/** Creates a token through the console form and returns its secret. */
async function createToken(user: TestUser & { institutionId: string }, name: string, access = "read") {
	const res = await postForm(
		"/console/account/tokens",
		{ name, access, scope: `institution:${user.institutionId}`, expiresInDays: "30" },
		user.cookie,
	);
	const secret = /<code>(baton_[a-z0-9]{24}\.[a-z0-9]{24})<\/code>/.exec(await res.text())?.[1];
	if (!secret) throw new Error(`token not created: ${res.status}`);
	return secret;
}

const meWith = async (secret: string) => (await sendJson("GET", "/api/v1/me", undefined, { bearer: secret })).status;
const anotherSession = async (userId: string) => `${SESSION_COOKIE}=${await createSession(testDb(), userId)}`;
const noticeOf = (html: string) => /<p class="notice" role="status">([^<]+)<\/p>/.exec(html)?.[1];

/** A user with two tokens that work, one already revoked, and a bystander whose token must keep working. */
async function userWithTokens(label: string) {
	const user = await member(label);
	const bystander = await member(`${label}-bystander`);
	const tokens = [await createToken(user, "Export"), await createToken(user, "Sync", "write")];
	const revoked = await createToken(user, "Old");
	await env.DB.prepare("update api_tokens set revoked_at = ? where name = 'Old' and user_id = ?")
		.bind(Date.now() - 1000, user.id)
		.run();
	const theirs = await createToken(bystander, "Theirs");
	expect(await Promise.all([...tokens, revoked, theirs].map(meWith))).toEqual([200, 200, 401, 200]);
	return { user, tokens, theirs };
}

describe("recovery ends every credential", () => {
	it("a password change revokes every API token and says so on the account page", async () => {
		const { user, tokens, theirs } = await userWithTokens("change");
		const other = await anotherSession(user.id);

		const res = await postForm(
			"/console/account/password",
			{ currentPassword: PASSWORD, password: NEW_PASSWORD },
			user.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=password&sessions=1&tokens=2");
		expect(await Promise.all([...tokens, theirs].map(meWith))).toEqual([401, 401, 200]);
		expect((await getAs("/console/account", other)).status).toBe(303);
		const page = await getAs(res.headers.get("Location") ?? "", user.cookie);
		expect(noticeOf(await page.text())).toBe(
			"Your password is changed. Signed out of 1 other session and revoked 2 API tokens.",
		);
	});

	it("a password reset revokes every API token and says so on the account page", async () => {
		const { user, tokens, theirs } = await userWithTokens("reset");
		await anotherSession(user.id);
		await postForm("/auth/reset", { email: user.email });
		const token = await mailedToken(user.email, "/auth/reset/confirm");

		const res = await postForm("/auth/reset/confirm", { token, password: NEW_PASSWORD });

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/account?notice=reset&sessions=2&tokens=2");
		expect(await Promise.all([...tokens, theirs].map(meWith))).toEqual([401, 401, 200]);
		const page = await getAs(res.headers.get("Location") ?? "", sessionCookieFrom(res) ?? "");
		expect(noticeOf(await page.text())).toBe(
			"Your new password is set. Signed out of 2 sessions and revoked 2 API tokens.",
		);
	});

	it("signing out everywhere revokes every API token and says so on the sign-in page", async () => {
		const { user, tokens, theirs } = await userWithTokens("everywhere");
		await anotherSession(user.id);
		await anotherSession(user.id);

		const res = await postForm("/auth/sign-out-everywhere", {}, user.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?signed_out=everywhere&sessions=3&tokens=2");
		expect(await Promise.all([...tokens, theirs].map(meWith))).toEqual([401, 401, 200]);
		const page = await getAs(res.headers.get("Location") ?? "");
		expect(await page.text()).toContain(
			"You are signed out on every device. Signed out of 3 sessions and revoked 2 API tokens.",
		);
	});

	it("a failed reset (weak password) leaves the tokens working", async () => {
		const { user, tokens } = await userWithTokens("weak");
		await postForm("/auth/reset", { email: user.email });
		const token = await mailedToken(user.email, "/auth/reset/confirm");

		const res = await postForm("/auth/reset/confirm", { token, password: "password123" });

		expect(res.status).toBe(400);
		expect(await Promise.all(tokens.map(meWith))).toEqual([200, 200]);
	});

	it("shows no counts that are not plain numbers", async () => {
		const user = await member("counts");
		const res = await getAs("/console/account?notice=password&sessions=%3Cb%3E&tokens=1", user.cookie);
		expect(noticeOf(await res.text())).toBe("Your password is changed.");
	});
});

describe("recovery ends a pending email change (someone with the session asked to move the account to their address)", () => {
	/** An email change to an attacker's address, asked with the user's session: its emailed link. */
	async function pendingMove(user: TestUser) {
		const attacker = `taker-${crypto.randomUUID()}@example.org`;
		await postForm("/console/account/email", { email: attacker }, user.cookie);
		return mailedToken(attacker, "/auth/change-email/confirm");
	}
	const emailOf = async (userId: string) =>
		(await env.DB.prepare("select email from users where id = ?").bind(userId).first<{ email: string }>())?.email;

	it("after a password reset the link no longer moves the account", async () => {
		const user = await member("move-reset");
		const link = await pendingMove(user);
		await postForm("/auth/reset", { email: user.email });
		await postForm("/auth/reset/confirm", {
			token: await mailedToken(user.email, "/auth/reset/confirm"),
			password: NEW_PASSWORD,
		});

		const res = await postForm("/auth/change-email/confirm", { token: link });

		expect(res.status).toBe(410);
		expect(await emailOf(user.id)).toBe(user.email);
	});

	it("after a password change the link no longer moves the account", async () => {
		const user = await member("move-change");
		const link = await pendingMove(user);
		await postForm("/console/account/password", { currentPassword: PASSWORD, password: NEW_PASSWORD }, user.cookie);

		expect((await postForm("/auth/change-email/confirm", { token: link })).status).toBe(410);
		expect(await emailOf(user.id)).toBe(user.email);
	});

	it("after signing out everywhere the link no longer moves the account", async () => {
		const user = await member("move-everywhere");
		const link = await pendingMove(user);
		await postForm("/auth/sign-out-everywhere", {}, user.cookie);

		expect((await postForm("/auth/change-email/confirm", { token: link })).status).toBe(410);
		expect(await emailOf(user.id)).toBe(user.email);
	});
});
