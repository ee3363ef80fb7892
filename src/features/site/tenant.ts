/**
 * Tenant resolution for the public subsite: one query turns `/s/{series}/{year}` into the
 * series and edition that scope every other query of the request.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editions, type Series, series } from "../../db/schema";
import { PUBLIC_STATUSES } from "../series/series";

export interface Tenant {
	series: Series;
	edition: Edition;
}

const YEAR = /^\d{4}$/;

/** The public edition at `/s/{seriesSlug}/{year}`, or undefined (unknown, malformed or a draft). */
export async function resolvePublicEdition(
	db: Database,
	seriesSlug: string,
	year: string,
): Promise<Tenant | undefined> {
	if (!YEAR.test(year)) return undefined;
	return db
		.select({ series, edition: editions })
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId))
		.where(
			and(eq(series.slug, seriesSlug), eq(editions.year, Number(year)), inArray(editions.status, [...PUBLIC_STATUSES])),
		)
		.get();
}
