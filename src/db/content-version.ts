/**
 * The one way edition content is written: the caller's statements and the bump of
 * `editions.content_version` go to D1 in one batch, so the edge cache and ETags (keyed on the
 * version) can never serve a page older than the data, and a failed write bumps nothing.
 *
 * The same bump refuses an archived edition (archived editions are read-only), at no extra
 * query: see `guardedBump`.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client";
import { editions } from "./schema";
import { AppError } from "../lib/errors";

/**
 * Bumps the version without looking at the status: for what is not content but still changes
 * what the edition's pages show (its status, its host names) and for the seed.
 */
export function bumpContentVersion(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({ contentVersion: sql`${editions.contentVersion} + 1` })
		.where(eq(editions.id, editionId));
}

/**
 * The bump of a content write. For an archived edition it sets the NOT NULL version to null, so
 * SQLite fails the statement and D1 rolls the whole batch back: the check and the write are one
 * statement, so no status change can slip between them and nothing of the write lands.
 */
function guardedBump(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({
			contentVersion: sql`case when ${editions.status} = 'archived' then null else ${editions.contentVersion} + 1 end`,
		})
		.where(eq(editions.id, editionId));
}

export const archivedError = () => new AppError(422, "edition_archived", "This edition is archived and read-only.");

/**
 * True when a failed D1 write failed with a message containing `text` (e.g. a constraint),
 * looking through the errors drizzle wraps around D1's.
 *
 * @example if (failedWith(error, "UNIQUE constraint failed: edition_hosts.hostname")) throw conflict;
 */
export function failedWith(error: unknown, text: string): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (e.message.includes(text)) return true;
	}
	return false;
}

/**
 * Writes edition content atomically with a version bump; returns the results of `statements`.
 * An archived edition is refused with a 422 and nothing is written.
 *
 * @example await writeEditionContent(db, edition.id, [db.insert(rooms).values(row)]);
 */
export async function writeEditionContent(db: Database, editionId: string, statements: BatchItem<"sqlite">[]) {
	try {
		const results = await db.batch([guardedBump(db, editionId), ...statements]);
		// The bump comes first so that `results` lines up with `statements` after dropping it.
		return results.slice(1);
	} catch (error) {
		if (failedWith(error, "NOT NULL constraint failed: editions.content_version")) throw archivedError();
		throw error;
	}
}
