/**
 * Test helpers for signed-in requests: make users directly in D1 and sessions through the real
 * session module, then send requests the way a browser does (cookie, Origin, form encoding).
 */
import { env } from "cloudflare:workers";
import { createSession, SESSION_COOKIE } from "../src/auth/sessions";
import { users } from "../src/db/schema";
import { newId } from "../src/lib/ids";
import { request, testDb } from "./helpers";

export const ORIGIN = "http://localhost";

export interface TestUser {
	id: string;
	email: string;
	name: string;
	/** `Cookie` header value of a fresh session. */
	cookie: string;
}

/** Creates a verified user (no password: sign-in by emailed link) and a session for it. */
export async function createTestUser(label = "user"): Promise<TestUser> {
	const id = newId();
	const email = `${label}-${id.slice(0, 8)}@example.org`;
	const name = `Test ${label}`;
	const db = testDb();
	await db.insert(users).values({ id, email, name, country: "NL", emailVerifiedAt: new Date() });
	const token = await createSession(db, id);
	return { id, email, name, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Posts a form as a browser on Baton's own page would (same Origin, urlencoded). */
export function postForm(path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
	return request(path, {
		method: "POST",
		headers: {
			"Content-Type": "application/x-www-form-urlencoded",
			Origin: ORIGIN,
			...(cookie ? { Cookie: cookie } : {}),
		},
		body: new URLSearchParams(fields).toString(),
		redirect: "manual",
	});
}

/** GET with a session cookie. */
export function getAs(path: string, cookie?: string): Promise<Response> {
	return request(path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}

/** Sends JSON to the API with a session cookie or a bearer token. */
export function sendJson(
	method: string,
	path: string,
	body: unknown,
	auth: { cookie?: string; bearer?: string } = {},
): Promise<Response> {
	return request(path, {
		method,
		headers: {
			"Content-Type": "application/json",
			...(auth.cookie ? { Cookie: auth.cookie } : {}),
			...(auth.bearer ? { Authorization: `Bearer ${auth.bearer}` } : {}),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: "manual",
	});
}

/** The outbox rows sent to an address, newest last. */
export async function mailsTo(email: string) {
	const { results } = await env.DB.prepare('select subject, text from outbox where "to" = ? order by created_at, rowid')
		.bind(email)
		.all<{ subject: string; text: string }>();
	return results;
}
