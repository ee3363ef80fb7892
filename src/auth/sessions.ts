/**
 * Sessions after Lucia's session guide (the `lucia` package is deprecated; its author publishes
 * the design instead): the client holds `<id>.<secret>`, each part 120 bits of randomness; D1
 * keeps only SHA-256 of the secret; lookups compare the hash in constant time; a session
 * expires after a period without use, and its `last_verified_at` is refreshed at most hourly so
 * an active user costs one write per hour, not one per request.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../db/client";
import { authSessions, type User, users } from "../db/schema";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "./secrets";

export const SESSION_COOKIE = "__Host-baton_session";
/** A session unused for this long is gone: attendees come back every two years, committees weekly. */
export const SESSION_INACTIVITY_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_REFRESH_MS = 60 * 60 * 1000;

export interface ValidSession {
	id: string;
	user: User;
}

/**
 * A new session's cookie token and the row to store, for callers that write the row in their own
 * batch (e.g. a password reset that also signs the user out everywhere else).
 */
export async function newSession(
	userId: string,
	now = new Date(),
): Promise<{ token: string; row: typeof authSessions.$inferInsert }> {
	const id = randomSecret();
	const secret = randomSecret();
	return { token: `${id}.${secret}`, row: { id, userId, secretHash: await sha256Hex(secret), lastVerifiedAt: now } };
}

/** Creates a session for a user and returns the token for the cookie (shown nowhere else). */
export async function createSession(db: Database, userId: string, now = new Date()): Promise<string> {
	const { token, row } = await newSession(userId, now);
	await db.insert(authSessions).values(row);
	return token;
}

/**
 * The session and user behind a token, or null (malformed, unknown, wrong secret, expired).
 * One query on the hot path; a second (the refresh) at most once an hour.
 */
export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date(),
): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const row = await db
		.select({ session: authSessions, user: users })
		.from(authSessions)
		.innerJoin(users, eq(users.id, authSessions.userId))
		.where(eq(authSessions.id, parts.id))
		.get();
	if (!row) return null;
	if (!constantTimeEqual(await sha256Hex(parts.secret), row.session.secretHash)) return null;
	const idle = now.getTime() - row.session.lastVerifiedAt.getTime();
	if (idle >= SESSION_INACTIVITY_MS) {
		await db.delete(authSessions).where(eq(authSessions.id, row.session.id));
		return null;
	}
	if (idle >= SESSION_REFRESH_MS) {
		await db.update(authSessions).set({ lastVerifiedAt: now }).where(eq(authSessions.id, row.session.id));
	}
	return { id: row.session.id, user: row.user };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/**
 * Signs a user out everywhere, optionally keeping the session that asked (e.g. after a password
 * change). Returns the ids ended, so the page can say how many; batch it with revokeUserApiTokens().
 */
export function invalidateUserSessions(db: Database, userId: string, keepSessionId?: string) {
	return db
		.delete(authSessions)
		.where(
			keepSessionId
				? and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId))
				: eq(authSessions.userId, userId),
		)
		.returning({ id: authSessions.id });
}

/**
 * Cookie attributes: `__Host-` forces Secure, Path=/ and no Domain, so the cookie never reaches
 * tenants' custom domains; Lax keeps it off cross-site POSTs.
 */
export const sessionCookieOptions = {
	httpOnly: true,
	secure: true,
	sameSite: "Lax",
	path: "/",
	maxAge: SESSION_INACTIVITY_MS / 1000,
} as const;
