/**
 * The policy's note rule (noteVisible in src/auth/policy.ts) as a SQL condition, built from the
 * same NoteAudience facts: lists, the dossier and search filter what a reader may see inside the
 * query, before any LIMIT, so a page of results is never short of notes that were hidden after it.
 * test/features/handover/visibility.test.ts proves the two agree case by case.
 */
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { NoteAudience } from "../../auth/policy";
import { editions, handoverNotes } from "../../db/schema";

/** The year of a note's edition, for "notes of earlier editions". */
export const noteEditionYear = sql<number>`(select ${editions.year} from ${editions} where ${editions.id} = ${handoverNotes.editionId})`;

/**
 * True for the notes `audience` may read (see noteVisible).
 *
 * @example db.select().from(handoverNotes).where(and(eq(handoverNotes.seriesId, id), visibleNotes(audience)))
 */
export function visibleNotes(audience: NoteAudience): SQL {
	const anyOf: (SQL | undefined)[] = [eq(handoverNotes.visibility, "public")];
	if (audience.roles.size > 0) anyOf.push(inArray(handoverNotes.editionId, [...audience.roles.keys()]));
	const laterReaders: (SQL | undefined)[] = [];
	if (audience.stewardOf.size > 0) laterReaders.push(inArray(handoverNotes.seriesId, [...audience.stewardOf]));
	for (const [seriesId, year] of audience.latestYear) {
		laterReaders.push(and(eq(handoverNotes.seriesId, seriesId), sql`${noteEditionYear} < ${year}`));
	}
	if (laterReaders.length > 0) {
		anyOf.push(and(eq(handoverNotes.visibility, "future_committees"), or(...laterReaders)));
	}
	return or(...anyOf) as SQL;
}
