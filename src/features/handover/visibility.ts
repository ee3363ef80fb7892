/**
 * The policy's note rule (noteVisible in src/auth/policy.ts) as a SQL condition, built from the
 * same NoteAudience facts: lists, the dossier and search filter what a reader may see inside the
 * query, before any LIMIT, so a page of results is never short of notes that were hidden after it.
 * test/features/handover/visibility.test.ts proves the two agree case by case.
 */
import { and, type Column, eq, or, type SQL, sql } from "drizzle-orm";
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
	// Each list is one bound JSON parameter: D1 refuses a statement with more than 100, and someone
	// on the committees of many editions (or stewarding many series) would otherwise get a 500.
	if (audience.roles.size > 0) anyOf.push(inJson(handoverNotes.editionId, [...audience.roles.keys()]));
	const laterReaders: (SQL | undefined)[] = [];
	if (audience.stewardOf.size > 0) laterReaders.push(inJson(handoverNotes.seriesId, [...audience.stewardOf]));
	if (audience.latestYear.size > 0) {
		const years = JSON.stringify(Object.fromEntries(audience.latestYear));
		laterReaders.push(
			sql`${noteEditionYear} < (select value from json_each(${years}) where key = ${handoverNotes.seriesId})`,
		);
	}
	if (laterReaders.length > 0) {
		anyOf.push(and(eq(handoverNotes.visibility, "future_committees"), or(...laterReaders)));
	}
	return or(...anyOf) as SQL;
}

/** `column in (values)` with the values as one JSON array parameter. */
const inJson = (column: Column, values: string[]) =>
	sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
