/**
 * Signing in: with a password, or with a one-time link sent by email (attendees come back every
 * two years and will have forgotten their password; a link also costs almost no CPU).
 *
 * A password sign-in needs a verified address: a password chosen before the address was proven
 * may have been set by someone squatting on another person's address.
 */
import { and, eq, sql } from "drizzle-orm";
import { DECOY_HASH, hashPassword, needsRehash, verifyPassword } from "../../auth/passwords";
import { newSession } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { authSessions, type User, users } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { claimSpeakerRecords } from "../content";
import { issueEmailToken, redeemEmailToken, requireLiveEmailToken } from "./email-tokens";
import { type Mailed, signInLinkMail, verifyEmailMail } from "./mails";
import type { LinkContext } from "./requests";
import type { SignInInput } from "./schemas";
import { clearSignInFailures, throttleMailRequest, throttleSignIn } from "./throttle";

export const findUserByEmail = (db: Database, email: string): Promise<User | undefined> =>
	db.select().from(users).where(eq(users.email, email)).get();

export const INVALID_CREDENTIALS = "This email address and password do not match an account.";

export type PasswordSignIn = { status: "signed_in"; sessionToken: string } | ({ status: "unverified" } & Mailed);

/**
 * Checks the password and opens a session. Wrong address and wrong password answer alike (401);
 * an unverified account gets a fresh verification link instead of a session, which keeps `next`
 * (a safe path, see keptNext).
 */
export async function signInWithPassword(
	db: Database,
	input: Pick<SignInInput, "email" | "password"> & LinkContext & { next?: string },
	now = new Date(),
): Promise<PasswordSignIn> {
	await throttleSignIn(db, input, now.getTime());
	const user = await findUserByEmail(db, input.email);
	// Unknown addresses and link-only accounts check a decoy, so timing tells nothing either.
	const matches = await verifyPassword(user?.passwordHash ?? DECOY_HASH, input.password);
	if (!user?.passwordHash || !matches) {
		throw new AppError(401, "invalid_credentials", INVALID_CREDENTIALS, { _: INVALID_CREDENTIALS });
	}
	if (!user.emailVerifiedAt) {
		// The failure count stays: this is not yet a sign-in, and it caps how many mails it sends.
		const mailId = newId();
		const { token, insert } = await issueEmailToken(
			db,
			{ purpose: "verify_email", userId: user.id, email: user.email },
			now,
		);
		await commit(
			db,
			[],
			[insert, outboxInsert(db, verifyEmailMail(user.email, input.origin, token, input.next), mailId)],
		);
		return { status: "unverified", mailIds: [mailId] };
	}
	const session = await newSession(user.id, now);
	const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
	await commit(
		db,
		[],
		[
			db.insert(authSessions).values(session.row),
			clearSignInFailures(db, input.email),
			// Speaker records the committee made for this address become theirs (see speaker-accounts.ts).
			claimSpeakerRecords(db, user.id),
			...(rehash ? [db.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id))] : []),
		],
	);
	return { status: "signed_in", sessionToken: session.token };
}

/** Mails a one-time sign-in link when the address has an account; says nothing either way. */
export async function requestSignInLink(
	db: Database,
	input: { email: string } & LinkContext,
	now = new Date(),
): Promise<Mailed> {
	await throttleMailRequest(db, input, now.getTime());
	const user = await findUserByEmail(db, input.email);
	if (!user) return { mailIds: [] };
	const mailId = newId();
	const { token, insert } = await issueEmailToken(db, { purpose: "sign_in", userId: user.id, email: user.email }, now);
	await commit(db, [], [insert, outboxInsert(db, signInLinkMail(user.email, input.origin, token), mailId)]);
	return { mailIds: [mailId] };
}

/**
 * Uses a sign-in link once and opens a session; the password lockout never stops it (only the
 * link's own expiry and single use do). The link proves the address, so an unverified
 * account becomes verified; a password set before that is dropped, since it may have been chosen
 * by someone who typed this address without owning it.
 */
export async function signInWithLink(db: Database, presented: string, now = new Date()): Promise<string> {
	const token = await requireLiveEmailToken(db, presented, "sign_in", now);
	const session = await newSession(token.userId, now);
	await redeemEmailToken(
		db,
		token,
		({ live, insertWhileLive }) => [
			db
				.update(users)
				.set({
					// SQLite evaluates every SET expression on the old row, so both see the old verified_at.
					passwordHash: sql`case when ${users.emailVerifiedAt} is null then null else ${users.passwordHash} end`,
					emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})`,
				})
				.where(and(eq(users.id, token.userId), live)),
			insertWhileLive(authSessions, session.row),
			claimSpeakerRecords(db, token.userId, live),
			// The link proves the address: wrong passwords typed by others no longer lock it.
			clearSignInFailures(db, token.email, live),
		],
		now,
	);
	return session.token;
}
