import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser, mailsTo, sendJson } from "../../auth-helpers";
import { request } from "../../helpers";

beforeEach(async () => {
	await env.DB.prepare("delete from rate_limits").run();
});

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

const profileOf = (userId: string) =>
	env.DB.prepare("select name, affiliation, country from users where id = ?").bind(userId).first();

describe("GET /api/v1/me", () => {
	it("returns the signed-in user", async () => {
		const user = await createTestUser("me");

		const res = await sendJson("GET", "/api/v1/me", undefined, { cookie: user.cookie });

		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			data: { id: user.id, email: user.email, name: user.name, affiliation: "", country: "NL", emailVerified: true },
		});
	});

	it("answers 401 with the error body when nobody is signed in", async () => {
		const res = await request("/api/v1/me");
		expect(res.status).toBe(401);
		expect((await res.json<ErrorJson>()).error).toMatchObject({
			code: "unauthenticated",
			message: "Sign in to do this.",
		});
	});
});

describe("PATCH /api/v1/me", () => {
	it("updates the given profile fields only", async () => {
		const user = await createTestUser("patch");

		const res = await sendJson("PATCH", "/api/v1/me", { affiliation: "EANM", country: "be" }, { cookie: user.cookie });

		expect(res.status).toBe(200);
		expect((await res.json<{ data: unknown }>()).data).toMatchObject({ affiliation: "EANM", country: "BE" });
		expect(await profileOf(user.id)).toEqual({ name: user.name, affiliation: "EANM", country: "BE" });
	});

	it("rejects bad values with 400 and a message per field, changing nothing", async () => {
		const user = await createTestUser("patch-bad");
		const before = await profileOf(user.id);

		const res = await sendJson(
			"PATCH",
			"/api/v1/me",
			{ name: "   ", affiliation: "a".repeat(201), country: "XX" },
			{ cookie: user.cookie },
		);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error).toEqual({
			code: "invalid_input",
			message: "Some fields are missing or invalid.",
			fields: {
				name: "Enter your name.",
				affiliation: "Use at most 200 characters.",
				country: "Choose a country from the list.",
			},
			requestId: expect.any(String),
		});
		expect(await profileOf(user.id)).toEqual(before);
	});

	it("rejects fields that are not part of the profile, such as the email address", async () => {
		const user = await createTestUser("patch-email");

		const res = await sendJson("PATCH", "/api/v1/me", { email: "other@example.org" }, { cookie: user.cookie });

		expect(res.status).toBe(400);
		expect(Object.keys((await res.json<ErrorJson>()).error.fields ?? {})).toEqual(["_"]);
	});

	it("rejects a body that is not JSON with 400", async () => {
		const user = await createTestUser("patch-json");
		const res = await request("/api/v1/me", {
			method: "PATCH",
			headers: { "Content-Type": "application/json", Cookie: user.cookie },
			body: "{nope",
		});
		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.code).toBe("malformed");
	});

	it("answers 401 when nobody is signed in", async () => {
		expect((await sendJson("PATCH", "/api/v1/me", { name: "Anyone" })).status).toBe(401);
	});
});

describe("POST /api/v1/auth/sign-in/link", () => {
	it("answers 202 with the same body for an existing and an unknown address, mailing only the existing one", async () => {
		const user = await createTestUser("api-link");
		const unknown = `nobody-${crypto.randomUUID()}@example.org`;

		const existing = await sendJson("POST", "/api/v1/auth/sign-in/link", { email: user.email });
		const missing = await sendJson("POST", "/api/v1/auth/sign-in/link", { email: unknown });

		expect([existing.status, missing.status]).toEqual([202, 202]);
		expect(await existing.json()).toEqual({
			data: { message: "If an account uses this address, we sent it a sign-in link." },
		});
		expect(await missing.json()).toEqual({
			data: { message: "If an account uses this address, we sent it a sign-in link." },
		});
		expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(["Your Baton sign-in link"]);
		expect(await mailsTo(unknown)).toEqual([]);
	});

	it("points mailed links at the main host, never at a Host header the client chose", async () => {
		const user = await createTestUser("host");

		// An unknown host never reaches the API (host routing answers 404); 127.0.0.1 does in tests
		// (it counts as the main host in development), yet is not MAIN_HOST, so links must not use it.
		await request("http://127.0.0.1/api/v1/auth/sign-in/link", {
			method: "POST",
			headers: { "Content-Type": "application/json" },
			body: JSON.stringify({ email: user.email }),
		});

		const [mail] = await mailsTo(user.email);
		expect(mail?.text).toMatch(/\shttps:\/\/localhost\/auth\/sign-in\/link\/confirm\?token=/);
		expect(mail?.text).not.toContain("127.0.0.1");
	});

	it("rejects a missing address with 400", async () => {
		const res = await sendJson("POST", "/api/v1/auth/sign-in/link", {});
		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({ email: "Enter your email address." });
	});

	it("answers 429 after 3 requests for one address", async () => {
		const email = `flood-${crypto.randomUUID()}@example.org`;
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await sendJson("POST", "/api/v1/auth/sign-in/link", { email })).status);
		expect(statuses).toEqual([202, 202, 202, 429]);
	});
});

describe("OpenAPI description", () => {
	it("describes the account operations, with the token security scheme on authenticated ones", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			security: unknown;
			paths: Record<string, Record<string, { security?: unknown; description?: string }>>;
		}>();

		const accountPaths = Object.fromEntries(
			Object.entries(doc.paths)
				.filter(([path]) => path.startsWith("/api/v1/me") || path.startsWith("/api/v1/auth"))
				.map(([path, ops]) => [path, Object.keys(ops).sort()]),
		);
		expect(accountPaths).toEqual({
			"/api/v1/me": ["get", "patch"],
			"/api/v1/me/tokens": ["get"],
			"/api/v1/me/tokens/{id}": ["delete"],
			"/api/v1/me/registrations": ["get"],
			"/api/v1/auth/sign-in/link": ["post"],
			"/api/v1/auth/reset": ["post"],
		});
		// The token is declared once, on the document; operations that need none say `security: []`.
		expect(doc.security).toEqual([{ apiToken: [] }]);
		expect(doc.paths["/api/v1/me"]?.get?.security).toBeUndefined();
		expect(doc.paths["/api/v1/auth/reset"]?.post?.security).toEqual([]);
		expect(doc.paths["/api/v1/me/tokens"]?.get?.description).toContain("Tokens are created in the console only");
	});
});
