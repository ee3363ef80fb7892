/**
 * What a recovery action (password change or reset, "sign out everywhere") ended: sessions,
 * personal API tokens and pending email-change links, all in the action's own batch, so whoever had
 * the account keeps no way in (an email change they asked for would hand them the address).
 * The counts ride to the next page in its query (numbers only) and are said there in words.
 */

import { and, eq, isNull, type SQL } from "drizzle-orm";
import { revokeUserApiTokens } from "../../auth/api-tokens";
import { invalidateUserSessions } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { emailTokens } from "../../db/schema";
import { commit } from "../../db/write";

export interface Revoked {
	sessions: number;
	tokens: number;
}

/**
 * Ends the user's unused email-change links: the one emailed link that goes to an address of the
 * requester's choosing and needs no session to confirm. For a recovery action's batch (`live`: its guard).
 */
export const endPendingEmailChanges = (db: Database, userId: string, now: Date, live?: SQL) =>
	db
		.update(emailTokens)
		.set({ usedAt: now })
		.where(
			and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, "change_email"), isNull(emailTokens.usedAt), live),
		);

/** Ends every session, revokes every live API token and ends pending email changes of the user, in one batch. */
export async function signOutEverywhere(db: Database, userId: string, now = new Date()): Promise<Revoked> {
	const [sessions, tokens] = await commit(
		db,
		[{ action: "account.sessions.revoked", id: userId }],
		[invalidateUserSessions(db, userId), revokeUserApiTokens(db, userId, now), endPendingEmailChanges(db, userId, now)],
	);
	return { sessions: sessions.length, tokens: tokens.length };
}

/** `sessions=3&tokens=2`, to append to the redirect that follows a recovery action. */
export const revokedQuery = (revoked: Revoked) => `sessions=${revoked.sessions}&tokens=${revoked.tokens}`;

/** The counts in a query, when both are plain small numbers (anything else says nothing). */
export function revokedFromQuery(query: (name: string) => string | undefined): Revoked | undefined {
	const count = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);
	const sessions = count(query("sessions"));
	const tokens = count(query("tokens"));
	return sessions === undefined || tokens === undefined ? undefined : { sessions, tokens };
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Signed out of 3 sessions and revoked 2 API tokens." (`other` when the session that asked stays).
 *
 * @example revokedSentence({ sessions: 1, tokens: 0 }, "other") // "Signed out of 1 other session and revoked 0 API tokens."
 */
export function revokedSentence(revoked: Revoked, other?: "other"): string {
	const sessions = other
		? counted(revoked.sessions, "other session", "other sessions")
		: counted(revoked.sessions, "session", "sessions");
	return `Signed out of ${sessions} and revoked ${counted(revoked.tokens, "API token", "API tokens")}.`;
}
