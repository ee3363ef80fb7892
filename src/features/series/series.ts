/**
 * Series and their editions: the directory every visitor starts from.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editions, type Series, series, seriesStewards } from "../../db/schema";
import { commit, readTogether } from "../../db/write";
import { PUBLIC_STATUSES } from "../../domain/series";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { CreateSeriesInput, SeriesDetails } from "./schemas";

export interface SeriesWithEditions {
	series: Series;
	editions: Edition[];
}

/** Every series with its public editions, newest first: the platform directory (2 queries). */
export async function listSeriesDirectory(db: Database): Promise<SeriesWithEditions[]> {
	const [allSeries, publicEditions] = await readTogether(db, [
		db.select().from(series).orderBy(asc(series.name)),
		db
			.select()
			.from(editions)
			.where(inArray(editions.status, [...PUBLIC_STATUSES]))
			.orderBy(desc(editions.year)),
	]);
	return allSeries.map((s) => ({ series: s, editions: publicEditions.filter((e) => e.seriesId === s.id) }));
}

/** A series and its public editions, newest first; undefined when the slug is unknown. */
export async function findSeriesWithEditions(db: Database, slug: string): Promise<SeriesWithEditions | undefined> {
	const rows = await db
		.select({ series, edition: editions })
		.from(series)
		.leftJoin(editions, and(eq(editions.seriesId, series.id), inArray(editions.status, [...PUBLIC_STATUSES])))
		.where(eq(series.slug, slug))
		.orderBy(desc(editions.year));
	const first = rows[0];
	if (!first) return undefined;
	return { series: first.series, editions: rows.flatMap((r) => (r.edition ? [r.edition] : [])) };
}

/**
 * Creates a series for the founding institution, with its creator as first steward, in one batch
 * (authorize the creator on that institution first). A taken slug is a 409 the form shows beside
 * the slug field; then nothing is written.
 */
export async function createSeries(
	db: Database,
	input: { series: CreateSeriesInput; stewardId: string },
): Promise<Series> {
	const id = newId();
	const founder = input.series.institutionId ?? null;
	const change = {
		action: "series.series.created",
		id,
		seriesId: id,
		institutionId: founder,
		after: { ...input.series },
		of: 0,
	} as const;
	const [[created]] = await commit(
		db,
		[change],
		[
			// One statement decides the slug, so two organizers racing for it cannot both win.
			db
				.insert(series)
				.values({ id, ...input.series })
				.onConflictDoNothing()
				.returning(),
			// Runs only if the series row above was written.
			db.insert(seriesStewards).select(
				db
					.select({
						seriesId: series.id,
						userId: sql<string>`${input.stewardId}`.as("user_id"),
						createdAt: series.createdAt,
					})
					.from(series)
					.where(eq(series.id, id)),
			),
		],
	);
	if (!created) throw new AppError(409, "slug_taken", "That short address is taken.", { slug: "This slug is taken." });
	return created;
}

/** Changes a series' details (never its slug). */
export async function updateSeries(db: Database, input: { id: string; details: SeriesDetails }): Promise<Series> {
	const change = {
		action: "series.series.updated",
		id: input.id,
		seriesId: input.id,
		after: input.details,
		of: 0,
	} as const;
	const [updated] = (
		await commit(db, [change], [db.update(series).set(input.details).where(eq(series.id, input.id)).returning()])
	)[0];
	if (!updated) throw new AppError(404, "not_found", "This series does not exist.");
	return updated;
}

/** The series' details as field values, for the edit form and for laying a PATCH over. */
export const seriesDetailsOf = (s: Series): SeriesDetails => ({
	name: s.name,
	shortName: s.shortName,
	description: s.description,
	cadenceYears: s.cadenceYears,
	society: s.society,
	logoUrl: s.logoUrl,
	brandPrimaryColor: s.brandPrimaryColor,
	brandAccentColor: s.brandAccentColor,
	partners: s.partners,
});
