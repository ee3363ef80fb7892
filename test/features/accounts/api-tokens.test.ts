import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/auth/secrets";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";

const EDITION_ID = "seed-edition-ainm-2023";

beforeAll(async () => {
	await seed();
});

/** A user who is a member of one institution and on the committee of AINM 2023. */
async function memberUser(label: string) {
	const user = await createTestUser(label);
	const institutionId = `inst-${crypto.randomUUID()}`;
	await env.DB.batch([
		env.DB.prepare("insert into institutions (id, slug, name, country) values (?, ?, ?, 'NL')").bind(
			institutionId,
			institutionId,
			`University ${label}`,
		),
		env.DB.prepare("insert into institution_members (institution_id, user_id, role) values (?, ?, 'member')").bind(
			institutionId,
			user.id,
		),
		env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'organizer')").bind(
			EDITION_ID,
			user.id,
		),
	]);
	return { ...user, institutionId };
}

/** Creates a token through the console form and returns the secret read from the result page. */
async function createToken(user: TestUser, fields: Record<string, string>) {
	const res = await postForm("/console/account/tokens", fields, user.cookie);
	const html = await res.text();
	const secret = /<code>(baton_[a-z0-9]{24}\.[a-z0-9]{24})<\/code>/.exec(html)?.[1];
	if (res.status !== 200 || !secret) throw new Error(`token not created: ${res.status}`);
	return { secret, id: secret.slice("baton_".length).split(".")[0] ?? "", html };
}

const tokenRow = (id: string) =>
	env.DB.prepare(
		"select name, access, institution_id, edition_id, secret_hash, expires_at - created_at as ttl, last_used_at, revoked_at from api_tokens where id = ?",
	)
		.bind(id)
		.first<Record<string, unknown>>();

const DAY_MS = 24 * 60 * 60 * 1000;

describe("GET /console/account/tokens/new", () => {
	it("offers exactly the user's institutions and editions as scopes", async () => {
		const user = await memberUser("scopes");
		await createTestUser("stranger");

		const html = await (await getAs("/console/account/tokens/new", user.cookie)).text();

		const options = [...html.matchAll(/<option value="((?:institution|edition):[^"]+)"[^>]*>([^<]+)<\/option>/g)].map(
			(m) => [m[1], m[2]],
		);
		expect(options).toEqual([
			[`institution:${user.institutionId}`, "Institution: University scopes"],
			[`edition:${EDITION_ID}`, "Edition: AINM 2023"],
		]);
	});

	it("explains that a user without roles has nothing a token could reach", async () => {
		const user = await createTestUser("no-roles");
		const html = await (await getAs("/console/account/tokens/new", user.cookie)).text();
		expect(html).toContain("You have neither yet, so there is nothing a token could reach.");
		expect(html).not.toContain('action="/console/account/tokens"');
	});
});

describe("POST /console/account/tokens", () => {
	it("creates a token, shows its secret once and stores only its hash", async () => {
		const user = await memberUser("create");

		const { secret, id, html } = await createToken(user, {
			name: "Registration export",
			access: "read",
			scope: `institution:${user.institutionId}`,
			expiresInDays: "30",
		});

		expect(html).toContain("it is shown only this once");
		expect(await tokenRow(id)).toEqual({
			name: "Registration export",
			access: "read",
			institution_id: user.institutionId,
			edition_id: null,
			secret_hash: await sha256Hex(secret.split(".")[1] ?? ""),
			ttl: 30 * DAY_MS,
			last_used_at: null,
			revoked_at: null,
		});
		const page = await (await getAs("/console/account", user.cookie)).text();
		expect(page).toContain("<td>Registration export</td><td>University create</td><td>read only</td>");
		expect(page).not.toContain(secret.split(".")[1]);
	});

	it("expires after 90 days when no expiry is given", async () => {
		const user = await memberUser("default-expiry");
		const { id } = await createToken(user, { name: "CI", access: "write", scope: `edition:${EDITION_ID}` });
		expect(await tokenRow(id)).toMatchObject({ ttl: 90 * DAY_MS, edition_id: EDITION_ID, institution_id: null });
	});

	it("rejects missing and out-of-range fields with 400 and creates nothing", async () => {
		const user = await memberUser("bad-token");

		const res = await postForm(
			"/console/account/tokens",
			{ name: "", access: "admin", scope: "", expiresInDays: "366" },
			user.cookie,
		);

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('id="field-name-error">Name the token, e.g. after the integration that uses it.</p>');
		expect(html).toContain('id="field-access-error">Choose read-only or read and write.</p>');
		expect(html).toContain('id="field-scope-error">Choose the institution or edition the token may reach.</p>');
		expect(html).toContain('id="field-expiresInDays-error">Give a number of days from 1 to 365.</p>');
		const count = await env.DB.prepare("select count(*) as n from api_tokens where user_id = ?").bind(user.id).first();
		expect(count).toEqual({ n: 0 });
	});

	it("rejects an overlong name", async () => {
		const user = await memberUser("long-name");
		const res = await postForm(
			"/console/account/tokens",
			{ name: "n".repeat(101), access: "read", scope: `edition:${EDITION_ID}`, expiresInDays: "1" },
			user.cookie,
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('id="field-name-error">Use at most 100 characters.</p>');
	});

	it("refuses a scope the user has no role in", async () => {
		const user = await memberUser("foreign-scope");
		const other = await memberUser("foreign-owner");

		const res = await postForm(
			"/console/account/tokens",
			{ name: "Sneaky", access: "read", scope: `institution:${other.institutionId}`, expiresInDays: "10" },
			user.cookie,
		);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain('id="field-scope-error">Choose one of your institutions or editions.</p>');
	});
});

describe("using a token", () => {
	it("authenticates GET /api/v1/me with Bearer and records the last use", async () => {
		const user = await memberUser("bearer");
		const { secret, id } = await createToken(user, { name: "Reader", access: "read", scope: `edition:${EDITION_ID}` });
		const before = Date.now();

		const res = await sendJson("GET", "/api/v1/me", undefined, { bearer: secret });

		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			data: { id: user.id, email: user.email, name: user.name, affiliation: "", country: "NL", emailVerified: true },
		});
		const lastUsed = (await tokenRow(id))?.last_used_at as number;
		expect(lastUsed).toBeGreaterThanOrEqual(before);
		const shown = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
		const page = await (await getAs("/console/account", user.cookie)).text();
		expect(page).toMatch(
			new RegExp(
				`<td>Reader</td><td>AINM 2023</td><td>read only</td><td>[^<]+</td><td>[^<]+</td><td>${shown.format(lastUsed)} UTC</td>`,
			),
		);
	});

	it("may not change the profile, even with write access (403, nothing changes)", async () => {
		const user = await memberUser("no-patch");
		const { secret } = await createToken(user, { name: "Writer", access: "write", scope: `edition:${EDITION_ID}` });

		const res = await sendJson("PATCH", "/api/v1/me", { name: "Changed by a token" }, { bearer: secret });

		expect(res.status).toBe(403);
		expect((await res.json<{ error: { code: string } }>()).error.code).toBe("session_required");
		const row = await env.DB.prepare("select name from users where id = ?").bind(user.id).first();
		expect(row).toEqual({ name: user.name });
	});

	it("stops working once revoked in the console (401)", async () => {
		const user = await memberUser("revoke");
		const { secret, id } = await createToken(user, { name: "Old", access: "read", scope: `edition:${EDITION_ID}` });

		const revoke = await postForm(`/console/account/tokens/${id}/revoke`, {}, user.cookie);
		const res = await sendJson("GET", "/api/v1/me", undefined, { bearer: secret });

		expect(revoke.status).toBe(303);
		expect(revoke.headers.get("Location")).toBe("/console/account?notice=revoked");
		expect(res.status).toBe(401);
		expect((await res.json<{ error: { code: string } }>()).error.code).toBe("invalid_token");
		expect((await tokenRow(id))?.revoked_at).toEqual(expect.any(Number));
	});

	it("stops working once expired (401)", async () => {
		const user = await memberUser("expire");
		const { secret, id } = await createToken(user, { name: "Brief", access: "read", scope: `edition:${EDITION_ID}` });
		await env.DB.prepare("update api_tokens set expires_at = ? where id = ?")
			.bind(Date.now() - 1, id)
			.run();

		const res = await sendJson("GET", "/api/v1/me", undefined, { bearer: secret });

		expect(res.status).toBe(401);
	});

	it("is refused with a wrong secret (401)", async () => {
		const user = await memberUser("wrong-secret");
		const { id } = await createToken(user, { name: "Real", access: "read", scope: `edition:${EDITION_ID}` });
		const res = await sendJson("GET", "/api/v1/me", undefined, { bearer: `baton_${id}.${"a".repeat(24)}` });
		expect(res.status).toBe(401);
	});

	it("cannot open the console account page (403)", async () => {
		const user = await memberUser("console-bearer");
		const { secret } = await createToken(user, { name: "Nosy", access: "write", scope: `edition:${EDITION_ID}` });
		const res = await sendJson("GET", "/console/account", undefined, { bearer: secret });
		expect(res.status).toBe(403);
	});
});

describe("revoking someone else's token", () => {
	it("is a 404 in the console and leaves the token working", async () => {
		const owner = await memberUser("owner");
		const intruder = await createTestUser("intruder");
		const { secret, id } = await createToken(owner, { name: "Mine", access: "read", scope: `edition:${EDITION_ID}` });

		const res = await postForm(`/console/account/tokens/${id}/revoke`, {}, intruder.cookie);

		expect(res.status).toBe(404);
		expect((await sendJson("GET", "/api/v1/me", undefined, { bearer: secret })).status).toBe(200);
	});

	it("is a 404 in the API, the same as an unknown id", async () => {
		const owner = await memberUser("api-owner");
		const intruder = await createTestUser("api-intruder");
		const { id } = await createToken(owner, { name: "Mine", access: "read", scope: `edition:${EDITION_ID}` });

		const foreign = await sendJson("DELETE", `/api/v1/me/tokens/${id}`, undefined, { cookie: intruder.cookie });
		const unknown = await sendJson("DELETE", "/api/v1/me/tokens/nosuchtoken", undefined, { cookie: intruder.cookie });

		expect([foreign.status, unknown.status]).toEqual([404, 404]);
		const strip = (body: { error: { requestId?: string } }) => ({ ...body.error, requestId: undefined });
		expect(strip(await foreign.json())).toEqual(strip(await unknown.json()));
		expect((await tokenRow(id))?.revoked_at).toBeNull();
	});
});

describe("GET and DELETE /api/v1/me/tokens", () => {
	it("lists the user's tokens without any secret", async () => {
		const user = await memberUser("list");
		const { id, secret } = await createToken(user, {
			name: "Listed",
			access: "write",
			scope: `institution:${user.institutionId}`,
			expiresInDays: "7",
		});

		const res = await sendJson("GET", "/api/v1/me/tokens", undefined, { cookie: user.cookie });

		expect(res.status).toBe(200);
		const body = await res.json<{ data: Record<string, unknown>[] }>();
		expect(body.data).toEqual([
			{
				id,
				name: "Listed",
				access: "write",
				institutionId: user.institutionId,
				editionId: null,
				scopeName: "University list",
				createdAt: expect.stringMatching(/Z$/),
				expiresAt: expect.stringMatching(/Z$/),
				lastUsedAt: null,
				revokedAt: null,
			},
		]);
		expect(JSON.stringify(body)).not.toContain(secret.split(".")[1]);
	});

	it("revokes with a browser session (204)", async () => {
		const user = await memberUser("api-revoke");
		const { id, secret } = await createToken(user, { name: "Gone", access: "read", scope: `edition:${EDITION_ID}` });

		const res = await sendJson("DELETE", `/api/v1/me/tokens/${id}`, undefined, { cookie: user.cookie });

		expect(res.status).toBe(204);
		expect((await sendJson("GET", "/api/v1/me", undefined, { bearer: secret })).status).toBe(401);
	});

	it("may not revoke with a token (403)", async () => {
		const user = await memberUser("token-revoke");
		const { id, secret } = await createToken(user, { name: "Self", access: "write", scope: `edition:${EDITION_ID}` });

		const res = await sendJson("DELETE", `/api/v1/me/tokens/${id}`, undefined, { bearer: secret });

		expect(res.status).toBe(403);
		expect((await tokenRow(id))?.revoked_at).toBeNull();
	});

	it("asks for sign-in without any authentication (401)", async () => {
		expect((await sendJson("GET", "/api/v1/me/tokens", undefined)).status).toBe(401);
	});
});
