/**
 * A speaker record linked to a Baton account by the address the committee gives for it. Entering
 * an address answers the same whether or not an account has it (the committee must not learn who
 * has an account from a form beside the sign-in forms): the address is stored as given, and the
 * link (speakers.user_id) is made from it by the database, at once when a verified account has it,
 * else when that person signs in or signs up (claimSpeakerRecords, in their sign-in batch).
 *
 * The link is not edition content (the public site never shows it), so making it bumps no content
 * version.
 */
import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { speakers, users } from "../../db/schema";

/** The verified account that has `email`, as a SQL value for the row being written (null when none). */
const verifiedAccountWith = (email: string) =>
	sql`(select ${users.id} from ${users} where ${users.email} = ${email} and ${users.emailVerifiedAt} is not null)`;

/**
 * The account columns of a speaker row being written: the address as given (lowercased) and the
 * link it makes. An unchanged address keeps the link it has.
 */
export function speakerAccountColumns(
	accountEmail: unknown,
	existing: { accountEmail?: unknown; userId?: unknown } | undefined,
) {
	const email = typeof accountEmail === "string" && accountEmail.trim() ? accountEmail.trim().toLowerCase() : null;
	if (!email) return { accountEmail: null, userId: null };
	if (existing?.accountEmail === email && typeof existing.userId === "string")
		return { accountEmail: email, userId: existing.userId };
	return { accountEmail: email, userId: verifiedAccountWith(email) };
}

/**
 * The statement that links to `userId` the speaker records waiting for its (verified) address: for
 * the batch of every sign-in, and of anything that verifies an address. `also` guards it like the
 * batch's other effects (e.g. "the emailed link is still live").
 *
 * @example db.batch([verifyUser, insertSession, claimSpeakerRecords(db, userId, live)])
 */
export function claimSpeakerRecords(db: Database, userId: string, also?: SQL) {
	const verifiedEmail = db
		.select({ email: users.email })
		.from(users)
		.where(and(eq(users.id, userId), isNotNull(users.emailVerifiedAt)));
	return db
		.update(speakers)
		.set({ userId })
		.where(and(isNull(speakers.userId), eq(speakers.accountEmail, sql`(${verifiedEmail})`), also));
}
