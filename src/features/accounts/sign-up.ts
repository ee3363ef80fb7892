/**
 * Creating an account and proving its email address. Sign-up answers the same whether or not the
 * address already has an account (no enumeration): only the mail that goes out differs.
 */
import { and, eq, sql } from "drizzle-orm";
import { hashPassword } from "../../auth/passwords";
import { newSession } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { authSessions, users } from "../../db/schema";
import { commit } from "../../db/write";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { claimSpeakerRecords } from "../content";
import { issueEmailToken, redeemEmailToken, requireLiveEmailToken } from "./email-tokens";
import { alreadyRegisteredMail, type Mailed, verifyEmailMail } from "./mails";
import type { LinkContext } from "./requests";
import type { SignUpInput } from "./schemas";
import { throttleSignUp } from "./throttle";

/**
 * Creates an unverified account and mails a verification link, or, when the address is taken,
 * mails its owner a note instead. Both paths hash the password, so they take as long. Both links
 * carry `next` (a safe path, see keptNext), e.g. back to the invitation that led here.
 */
export async function signUp(
	db: Database,
	input: SignUpInput & LinkContext & { next?: string },
	now = new Date(),
): Promise<Mailed> {
	await throttleSignUp(db, input, now.getTime());
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
	if (!existing) {
		const created = await createUnverifiedUser(db, { ...input, passwordHash }, now);
		if (created) return created;
		// Lost a race with another sign-up for the same address: answer as for a taken address.
	}
	const mailId = newId();
	await outboxInsert(db, alreadyRegisteredMail(input.email, input.origin, input.next), mailId);
	return { mailIds: [mailId] };
}

/** The user, the verification token and its mail in one batch; undefined if the address was just taken. */
async function createUnverifiedUser(
	db: Database,
	input: Omit<SignUpInput, "password"> & { passwordHash: string | null; origin: string; next?: string },
	now: Date,
): Promise<Mailed | undefined> {
	const userId = newId();
	const mailId = newId();
	const { token, insert } = await issueEmailToken(db, { purpose: "verify_email", userId, email: input.email }, now);
	const { email, name, affiliation, country, passwordHash } = input;
	try {
		const personal = { accountId: userId, fields: { email, name } };
		const created = {
			action: "account.user.created",
			id: userId,
			actorId: userId,
			after: { affiliation, country },
			personal,
		} as const;
		await commit(
			db,
			[created],
			[
				db.insert(users).values({ id: userId, email, name, affiliation, country, passwordHash }),
				insert,
				outboxInsert(db, verifyEmailMail(email, input.origin, token, input.next), mailId),
			],
		);
	} catch (error) {
		if (String(error).includes("UNIQUE constraint failed: users.email")) return undefined;
		throw error;
	}
	return { mailIds: [mailId] };
}

/**
 * Marks the address verified and signs the user in, using the emailed token once.
 * Returns the new session's cookie token.
 */
export async function verifyEmail(db: Database, presented: string, now = new Date()): Promise<string> {
	const token = await requireLiveEmailToken(db, presented, "verify_email", now);
	const session = await newSession(token.userId, now);
	await redeemEmailToken(
		db,
		token,
		({ live, insertWhileLive }) => [
			db
				.update(users)
				.set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})` })
				.where(and(eq(users.id, token.userId), live)),
			insertWhileLive(authSessions, session.row),
			// Speaker records the committee made for this address become theirs (see speaker-accounts.ts).
			claimSpeakerRecords(db, token.userId, live),
		],
		now,
	);
	return session.token;
}
