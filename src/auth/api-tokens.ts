/**
 * Personal API tokens: `baton_<id>.<secret>`, shown once at creation, stored as SHA-256, scoped to
 * read or read-write on one institution or one edition, expiring and revocable; last use recorded.
 */
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { apiTokens, type User, users } from "../db/schema";
import { commit } from "../db/write";
import type { Actor } from "./policy";
import { constantTimeEqual, sha256Hex, splitToken } from "./secrets";

export const API_TOKEN_PREFIX = "baton_";
/** Last use is written at most this often, so a busy integration costs no write per call. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export async function validateApiToken(
	db: Database,
	presented: string,
	now = new Date(),
): Promise<{ user: User; scope: NonNullable<Actor["token"]> } | null> {
	if (!presented.startsWith(API_TOKEN_PREFIX)) return null;
	const parts = splitToken(presented.slice(API_TOKEN_PREFIX.length));
	if (!parts) return null;
	const row = await db
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(eq(apiTokens.id, parts.id))
		.get();
	if (!row || !constantTimeEqual(await sha256Hex(parts.secret), row.token.secretHash)) return null;
	if (row.token.revokedAt || row.token.expiresAt.getTime() <= now.getTime()) return null;
	if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
		await commit(db, [], [db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id))]);
	}
	return {
		user: row.user,
		scope: { access: row.token.access, institutionId: row.token.institutionId, editionId: row.token.editionId },
	};
}

/**
 * The statement that revokes every live token of a user, for the batch of a recovery action
 * (password change or reset, "sign out everywhere"): whoever took over the account may have made a
 * token, and a token outlives any session. Returns the ids revoked, so the page can say how many.
 * `also` guards it like the batch's other effects (e.g. "the reset link is still live").
 */
export function revokeUserApiTokens(db: Database, userId: string, now = new Date(), also?: SQL) {
	return db
		.update(apiTokens)
		.set({ revokedAt: now })
		.where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), also))
		.returning({ id: apiTokens.id });
}
