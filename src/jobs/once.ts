/**
 * How a timed job sends something exactly once when two runs overlap (a slow run and the next
 * cron, or a retry): the batch that marks the work done and writes its mails starts with a guard
 * that fails the whole batch unless the work is still undone at that moment. D1 runs a batch as
 * one transaction, so of two runs that read the same undone work, the second one's batch fails
 * and rolls back: nobody gets a mail twice, and nothing is marked without its mails.
 */
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { failedWith } from "../db/content-version";
import { type Change, commitAll } from "../db/write";
import type { MailMessage } from "../lib/mailer";
import { outboxInserts } from "../lib/mailer";

const ALREADY_DONE = "already done";

/**
 * A statement that fails its batch unless `condition` (an SQL boolean) holds when it runs. SQLite
 * has no RAISE outside triggers; json() of a string that is not JSON is a reliable error.
 *
 * @example await db.batch([stillUndone(db, sql`${reminders.sentAt} is null`), markSent, ...mails])
 */
export function stillUndone(db: Database, condition: SQL) {
	// A select of one row from nothing: D1 batches take query builders, not raw statements.
	return db
		.select({ guard: sql`json(case when ${condition} then '1' else ${ALREADY_DONE} end)` })
		.from(sql`(select 1)`);
}

/** True when a batch failed because its stillUndone guard found the work done by another run. */
export const doneMeanwhile = (error: unknown) => failedWith(error, "malformed JSON");

/**
 * Runs a batch that starts with a stillUndone guard. True when it was written; false when another
 * run did the work first (and nothing of this batch was written). Any other failure is thrown.
 *
 * @example if (!(await batchOnce(db, [stillUndone(db, unsent), markSent, ...mails.statements]))) meanwhile++;
 */
export async function batchOnce(
	db: Database,
	statements: BatchItem<"sqlite">[],
	changes: readonly Change[] = [],
): Promise<boolean> {
	try {
		await commitAll(db, changes, statements);
		return true;
	} catch (error) {
		if (!doneMeanwhile(error)) throw error;
		return false;
	}
}

/**
 * Writes `messages` to the outbox in one batch with `statements` (its stillUndone guard and the
 * marks of the work done), once: the outbox ids to deliver when written, null when another run did
 * the work first.
 *
 * @example const ids = await mailOnce(db, [stillUndone(db, unsent), markSent], messages)
 */
export async function mailOnce(
	db: Database,
	statements: BatchItem<"sqlite">[],
	messages: readonly MailMessage[],
	changes: readonly Change[] = [],
): Promise<string[] | null> {
	const mails = outboxInserts(db, messages);
	return (await batchOnce(db, [...statements, ...mails.statements], changes)) ? mails.ids : null;
}
