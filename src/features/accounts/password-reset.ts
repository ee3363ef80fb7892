/**
 * Password reset by emailed link. The request answers the same whether or not the address has an
 * account; the reset itself signs the user out everywhere and opens one fresh session.
 */
import { and, eq, sql } from "drizzle-orm";
import { revokeUserApiTokens } from "../../auth/api-tokens";
import { hashPassword, passwordProblem } from "../../auth/passwords";
import { newSession } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { authSessions, users } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { claimSpeakerRecords } from "../content";
import { issueEmailToken, redeemEmailToken, requireLiveEmailToken } from "./email-tokens";
import { type Mailed, resetPasswordMail } from "./mails";
import type { LinkContext } from "./requests";
import { endPendingEmailChanges, type Revoked } from "./revocation";
import { findUserByEmail } from "./sign-in";
import { throttleMailRequest } from "./throttle";

/** Mails a reset link when the address has an account (link-only accounts may set a first password). */
export async function requestPasswordReset(
	db: Database,
	input: { email: string } & LinkContext,
	now = new Date(),
): Promise<Mailed> {
	await throttleMailRequest(db, input, now.getTime());
	const user = await findUserByEmail(db, input.email);
	if (!user) return { mailIds: [] };
	const mailId = newId();
	const { token, insert } = await issueEmailToken(
		db,
		{ purpose: "reset_password", userId: user.id, email: user.email },
		now,
	);
	await commit(db, [], [insert, outboxInsert(db, resetPasswordMail(user.email, input.origin, token), mailId)]);
	return { mailIds: [mailId] };
}

/** Checks a reset link before the new-password form is shown, so a dead link says so at once. */
export const checkResetToken = (db: Database, presented: string, now = new Date()) =>
	requireLiveEmailToken(db, presented, "reset_password", now);

/**
 * Sets the new password, uses the link, ends every session of the user, revokes every API token
 * and opens a fresh session, all in one batch. The link proves the address, so it also counts as
 * verification. Returns the new session's cookie token and what ended.
 */
export async function resetPassword(
	db: Database,
	input: { token: string; password: string },
	now = new Date(),
): Promise<{ sessionToken: string; revoked: Revoked }> {
	const token = await checkResetToken(db, input.token, now);
	const user = await db.select().from(users).where(eq(users.id, token.userId)).get();
	const problem = passwordProblem(input.password, { email: user?.email, name: user?.name });
	if (problem) throw new AppError(400, "invalid_input", "Some fields are missing or invalid.", { password: problem });
	const passwordHash = await hashPassword(input.password);
	const session = await newSession(token.userId, now);
	const [, sessions, tokens] = (await redeemEmailToken(
		db,
		token,
		({ live, insertWhileLive }) => [
			db
				.update(users)
				.set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})` })
				.where(and(eq(users.id, token.userId), live)),
			db
				.delete(authSessions)
				.where(and(eq(authSessions.userId, token.userId), live))
				.returning({ id: authSessions.id }),
			revokeUserApiTokens(db, token.userId, now, live),
			insertWhileLive(authSessions, session.row),
			claimSpeakerRecords(db, token.userId, live),
			endPendingEmailChanges(db, token.userId, now, live),
		],
		now,
	)) as [unknown, unknown[], unknown[]];
	return { sessionToken: session.token, revoked: { sessions: sessions.length, tokens: tokens.length } };
}
