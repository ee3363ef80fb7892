/**
 * Test helpers for signed-in requests: make users directly in D1 and sessions through the real
 * session module, then send requests the way a browser does (cookie, Origin, form encoding).
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { hashPassword } from "../src/auth/passwords";
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

/** The `Cookie` header value for the session a response just set, or null when it set none. */
export function sessionCookieFrom(response: Response): string | null {
	const setCookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
	const pair = setCookie?.split(";")[0];
	return pair && pair !== `${SESSION_COOKIE}=` ? pair : null;
}

/** The token of the newest mailed link to `path` sent to `email` (e.g. "/auth/verify"). */
export async function mailedToken(email: string, path: string): Promise<string> {
	const pattern = new RegExp(`${path.replaceAll("/", "\\/")}\\?token=([^\\s&]+)`);
	const token = (await mailsTo(email))
		.map((mail) => pattern.exec(mail.text)?.[1])
		.filter((found) => found !== undefined)
		.at(-1);
	if (!token) throw new Error(`no mail to ${email} with a link to ${path}`);
	return decodeURIComponent(token);
}

/** Creates a verified user with a password (hashed with the real scrypt parameters) and a session. */
export async function createPasswordUser(label: string, password: string): Promise<TestUser> {
	const user = await createTestUser(label);
	await testDb()
		.update(users)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(users.id, user.id));
	return user;
}
