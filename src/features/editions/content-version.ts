/**
 * The one way edition content is written: the caller's statements and the bump of
 * `editions.content_version` go to D1 in one batch, so the edge cache and ETags (keyed on the
 * version) can never serve a page older than the data, and a failed write bumps nothing.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../db/client";
import { editions } from "../../db/schema";

export function bumpContentVersion(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({ contentVersion: sql`${editions.contentVersion} + 1` })
		.where(eq(editions.id, editionId));
}

/**
 * Writes edition content atomically with a version bump; returns the results of `statements`.
 *
 * @example await writeEditionContent(db, edition.id, [db.insert(rooms).values(row)]);
 */
export async function writeEditionContent(db: Database, editionId: string, statements: BatchItem<"sqlite">[]) {
	const results = await db.batch([bumpContentVersion(db, editionId), ...statements]);
	// The bump comes first so that `results` lines up with `statements` after dropping it.
	return results.slice(1);
}
