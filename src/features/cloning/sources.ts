/**
 * Which editions the wizard offers to copy from and the source rooms it asks new names for.
 */
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editions, rooms } from "../../db/schema";
import { PUBLIC_STATUSES } from "../../domain/series";

/**
 * The series' public editions (published, held, archived) other than `target`, newest first, and
 * the one to preselect: the newest before the target's year, else the newest.
 */
export async function sourceEditions(
	db: Database,
	target: Pick<Edition, "id" | "seriesId" | "year">,
): Promise<{ editions: Edition[]; preferred: Edition | undefined }> {
	const found = await db
		.select()
		.from(editions)
		.where(
			and(
				eq(editions.seriesId, target.seriesId),
				ne(editions.id, target.id),
				inArray(editions.status, [...PUBLIC_STATUSES]),
			),
		)
		.orderBy(desc(editions.year));
	return { editions: found, preferred: found.find((e) => e.year < target.year) ?? found[0] };
}

/** The rooms of an edition in their order: what the wizard asks new names for. */
export const roomsOf = (db: Database, editionId: string) =>
	db.select().from(rooms).where(eq(rooms.editionId, editionId)).orderBy(asc(rooms.position), asc(rooms.name));
