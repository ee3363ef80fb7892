/**
 * What a signed-in user changes about their own account: profile, password, email address, and
 * a fresh verification link. Ownership is the rule here: every function acts on the given user only.
 */
import { and, eq, exists, ne, not } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { revokeUserApiTokens } from "../../auth/api-tokens";
import { hashPassword, passwordProblem, verifyPassword } from "../../auth/passwords";
import { invalidateUserSessions } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { outbox, type User, users } from "../../db/schema";
import { commit, readTogether } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { claimSpeakerRecords } from "../content";
import { issueEmailToken, redeemEmailToken, requireLiveEmailToken } from "./email-tokens";
import { changeEmailMail, emailChangedMail, type Mailed, verifyEmailMail } from "./mails";
import type { LinkContext } from "./requests";
import { endPendingEmailChanges, type Revoked } from "./revocation";
import type { ChangePasswordInput, ProfilePatch } from "./schemas";
import { clearSignInFailures, throttleMailRequest, throttleSignIn } from "./throttle";

export async function updateProfile(db: Database, userId: string, patch: ProfilePatch): Promise<User> {
	if (Object.keys(patch).length === 0) {
		const user = await db.select().from(users).where(eq(users.id, userId)).get();
		if (!user) throw new AppError(404, "not_found", "This account does not exist.");
		return user;
	}
	const [[updated]] = await commit(
		db,
		[{ action: "account.user.updated", id: userId, after: patch, personal: { accountId: userId, fields: {} } }],
		[db.update(users).set(patch).where(eq(users.id, userId)).returning()],
	);
	if (!updated) throw new AppError(404, "not_found", "This account does not exist.");
	return updated;
}

const invalidInput = (fields: Record<string, string>) =>
	new AppError(400, "invalid_input", "Some fields are missing or invalid.", fields);

/**
 * Sets a new password. When the account has one, the current password is asked for (counted like
 * a sign-in attempt, so a stolen session cannot guess it). Every other session of the user ends
 * and every API token is revoked (a token made by whoever had the account would outlive the new
 * password); the session that asked stays. Returns what ended.
 */
export async function changePassword(
	db: Database,
	input: ChangePasswordInput & { user: User; sessionId: string; ip: string },
	now = new Date(),
): Promise<Revoked> {
	const { user } = input;
	if (user.passwordHash) {
		if (!input.currentPassword) throw invalidInput({ currentPassword: "Enter your current password." });
		await throttleSignIn(db, { ip: input.ip, email: user.email }, now.getTime());
		if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
			throw invalidInput({ currentPassword: "This is not your current password." });
		}
	}
	const problem = passwordProblem(input.password, { email: user.email, name: user.name });
	if (problem) throw invalidInput({ password: problem });
	const passwordHash = await hashPassword(input.password);
	const [, sessions, tokens] = await commit(
		db,
		[{ action: "account.password.changed", id: user.id }],
		[
			db.update(users).set({ passwordHash }).where(eq(users.id, user.id)),
			invalidateUserSessions(db, user.id, input.sessionId),
			revokeUserApiTokens(db, user.id, now),
			endPendingEmailChanges(db, user.id, now),
			clearSignInFailures(db, user.email),
		],
	);
	return { sessions: sessions.length, tokens: tokens.length };
}

/**
 * Mails a confirmation link to the new address; nothing changes until it is opened. Whether the
 * address is taken is not checked here, so this form cannot probe which addresses have accounts:
 * only the owner of the new address, on confirming, learns that.
 */
export async function requestEmailChange(
	db: Database,
	input: { user: User; email: string } & LinkContext,
	now = new Date(),
): Promise<Mailed> {
	if (input.email === input.user.email) {
		throw new AppError(422, "same_email", "This is already your address.", { email: "This is already your address." });
	}
	await throttleMailRequest(db, input, now.getTime());
	const mailId = newId();
	const { token, insert } = await issueEmailToken(
		db,
		{ purpose: "change_email", userId: input.user.id, email: input.email },
		now,
	);
	await commit(db, [], [insert, outboxInsert(db, changeEmailMail(input.email, input.origin, token), mailId)]);
	return { mailIds: [mailId] };
}

const emailTaken = () =>
	new AppError(
		409,
		"email_taken",
		"This address already belongs to another Baton account, so your account keeps its current address.",
	);

/**
 * Applies an email change once its link is opened: the new address is verified by that, and the
 * old address is told. A taken address is a 409 that changes nothing.
 */
export async function confirmEmailChange(
	db: Database,
	input: { token: string; origin: string },
	now = new Date(),
): Promise<Mailed & { email: string }> {
	const token = await requireLiveEmailToken(db, input.token, "change_email", now);
	const [user, holder] = await readTogether(db, [
		db.select().from(users).where(eq(users.id, token.userId)),
		db.select({ id: users.id }).from(users).where(eq(users.email, token.email)),
	]);
	const oldEmail = user[0]?.email;
	if (!oldEmail) throw new AppError(404, "not_found", "This account does not exist.");
	if (holder[0] && holder[0].id !== token.userId) throw emailTaken();

	const other = alias(users, "other_user");
	const mailId = newId();
	const [moved] = (await redeemEmailToken(
		db,
		token,
		({ live, insertWhileLive }) => [
			// Re-checked in the statement itself, so a sign-up racing for the address cannot collide.
			db
				.update(users)
				.set({ email: token.email, emailVerifiedAt: now })
				.where(
					and(
						eq(users.id, token.userId),
						live,
						not(
							exists(
								db
									.select({ id: other.id })
									.from(other)
									.where(and(eq(other.email, token.email), ne(other.id, token.userId))),
							),
						),
					),
				)
				.returning({ id: users.id }),
			insertWhileLive(
				outbox,
				{ id: mailId, ...emailChangedMail(oldEmail, token.email, input.origin) },
				exists(
					db
						.select({ id: other.id })
						.from(other)
						.where(and(eq(other.id, token.userId), eq(other.email, token.email))),
				),
			),
			// The new address is proven: speaker records made for it become this account's.
			claimSpeakerRecords(db, token.userId, live),
		],
		now,
	)) as [{ id: string }[]];
	if (moved.length === 0) throw emailTaken();
	return { email: token.email, mailIds: [mailId] };
}

/** Mails a fresh verification link to an unverified address; nothing for a verified one. */
export async function resendVerification(
	db: Database,
	input: { user: User } & LinkContext,
	now = new Date(),
): Promise<Mailed> {
	const { user } = input;
	if (user.emailVerifiedAt) return { mailIds: [] };
	await throttleMailRequest(db, { ip: input.ip, email: user.email }, now.getTime());
	const mailId = newId();
	const { token, insert } = await issueEmailToken(
		db,
		{ purpose: "verify_email", userId: user.id, email: user.email },
		now,
	);
	await commit(db, [], [insert, outboxInsert(db, verifyEmailMail(user.email, input.origin, token), mailId)]);
	return { mailIds: [mailId] };
}
