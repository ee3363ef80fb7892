/**
 * Series and their editions: the directory every visitor starts from.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, type EditionStatus, editions, type Series, series } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { CreateSeriesInput } from "./schemas";

/** Statuses anyone may see; drafts stay with their committee. */
export const PUBLIC_STATUSES: readonly EditionStatus[] = ["published", "held", "archived"];

export const seriesUrl = (s: Pick<Series, "slug">) => `/s/${s.slug}`;
export const editionUrl = (s: Pick<Series, "slug">, e: Pick<Edition, "year">) => `/s/${s.slug}/${e.year}`;

export interface SeriesWithEditions {
	series: Series;
	editions: Edition[];
}

/** Every series with its public editions, newest first: the platform directory (2 queries). */
export async function listSeriesDirectory(db: Database): Promise<SeriesWithEditions[]> {
	const [allSeries, publicEditions] = await db.batch([
		db.select().from(series).orderBy(asc(series.name)),
		db
			.select()
			.from(editions)
			.where(inArray(editions.status, [...PUBLIC_STATUSES]))
			.orderBy(desc(editions.year)),
	]);
	return allSeries.map((s) => ({ series: s, editions: publicEditions.filter((e) => e.seriesId === s.id) }));
}

export async function findSeriesBySlug(db: Database, slug: string): Promise<Series | undefined> {
	return db.select().from(series).where(eq(series.slug, slug)).get();
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

/** Creates a series; a taken slug is a 409 the form can show beside the slug field. */
export async function createSeries(db: Database, input: CreateSeriesInput): Promise<Series> {
	// One statement, so two organizers racing for a slug cannot both win or hit a raw constraint error.
	const [created] = await db
		.insert(series)
		.values({ id: newId(), ...input })
		.onConflictDoNothing({ target: series.slug })
		.returning();
	if (!created) throw new AppError(409, "slug_taken", "That short address is taken.", { slug: "This slug is taken." });
	return created;
}
