/**
 * Spinning up an edition tenant: the edition row (a draft) and its first chair, written together.
 * Accepting a hosting proposal does it from the proposal (./proposals.ts); an institution can also
 * create an edition directly, as it does for the first edition of a new series.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, type EditionRole, editionMembers, editions, type Series } from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { dayCount } from "../../lib/dates";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { MAX_EDITION_DAYS } from "../editions";
import { editionTaken } from "./calls";
import type { NewEditionInput } from "./schemas";

/** The name every new edition starts with: "AINM 2025". */
export const editionName = (series: Pick<Series, "shortName">, year: number) => `${series.shortName} ${year}`;

/**
 * The insert that makes `userId` chair of the edition, written only if the edition row exists
 * (`select … from editions where id = ?`), so it can follow the edition's insert in one batch.
 */
export const chairOf = (db: Database, editionId: string, userId: string) =>
	db.insert(editionMembers).select(
		db
			.select({
				editionId: editions.id,
				userId: sql<string>`${userId}`.as("user_id"),
				role: sql<EditionRole>`'chair'`.as("role"),
				mentorUntil: sql<string | null>`null`.as("mentor_until"),
				createdAt: editions.createdAt,
			})
			.from(editions)
			.where(eq(editions.id, editionId)),
	);

/** The entry of `chairOf`: the first chair of a new edition. */
export const chairAdded = (editionId: string, userId: string): Change => ({
	action: "committee.member.added",
	id: userId,
	editionId,
	after: { userId, role: "chair" },
});

/**
 * The rules every proposed or created edition's dates follow, as field messages: the last day
 * not before the first, at most MAX_EDITION_DAYS days, and both days in the edition's year.
 */
export function editionDateProblems(
	dates: { startDate: string; endDate: string },
	year: number,
	yearWording: string,
): Record<string, string> {
	const fields: Record<string, string> = {};
	if (dates.endDate < dates.startDate) fields.endDate = "The last day cannot come before the first day.";
	else if (dayCount(dates.startDate, dates.endDate) > MAX_EDITION_DAYS)
		fields.endDate = `An edition lasts at most ${MAX_EDITION_DAYS} days.`;
	const inYear = (day: string) => day.startsWith(`${year}-`);
	if (!inYear(dates.startDate)) fields.startDate = `Choose a day in ${year}, ${yearWording}.`;
	if (!fields.endDate && !inYear(dates.endDate)) fields.endDate = `Choose a day in ${year}, ${yearWording}.`;
	return fields;
}

/** Whether the series has any edition yet, drafts included. */
export async function seriesHasEditions(db: Database, seriesId: string): Promise<boolean> {
	const row = await db.select({ one: sql`1` }).from(editions).where(eq(editions.seriesId, seriesId)).limit(1).get();
	return row !== undefined;
}

/**
 * Creates an edition directly: a draft hosted by `host`, with `chairId` as its chair, in one
 * batch (authorize with the policy's "edition.create" first). Dates that do not fit are a 422;
 * a year the series already has is a 409, and then nothing is written.
 */
export async function createEdition(
	db: Database,
	input: { series: Series; host: { id: string; name: string }; edition: NewEditionInput; chairId: string },
): Promise<Edition> {
	const { series, host, edition } = input;
	const problems = editionDateProblems(edition, edition.year, "the edition's year");
	if (Object.keys(problems).length > 0)
		throw new AppError(422, "invalid_dates", "The dates do not fit the edition.", problems);
	const id = newId();
	const row = {
		id,
		seriesId: series.id,
		year: edition.year,
		name: editionName(series, edition.year),
		startDate: edition.startDate,
		endDate: edition.endDate,
		timeZone: edition.timeZone,
		city: edition.city,
		country: edition.country,
		venueName: edition.venueName,
		hostName: host.name,
		hostInstitutionId: host.id,
		status: "draft" as const,
	};
	const scope = { editionId: id, seriesId: series.id, institutionId: host.id };
	const [[created]] = await commit(
		db,
		[
			{ action: "edition.edition.created", id, ...scope, after: row, of: 0 },
			{ ...chairAdded(id, input.chairId), ...scope, of: 1 },
		],
		[
			// Years are unique per series: a taken one writes nothing here, nor below (and no entry).
			db.insert(editions).values(row).onConflictDoNothing().returning(),
			chairOf(db, id, input.chairId),
		],
	);
	if (!created) throw editionTaken(series, edition.year, "year");
	return created;
}
