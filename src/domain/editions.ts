/** The edition kernel every feature shares: finding an edition with its series and how the policy sees it. */
import { eq } from "drizzle-orm";
import type { Resource } from "../auth/policy";
import type { Database } from "../db/client";
import { type Edition, editions, series } from "../db/schema";
import { PUBLIC_STATUSES } from "./series";

/** The policy's view of an edition: its series decides stewardship, its status visibility. */
export const editionResource = (
	e: Pick<Edition, "id" | "seriesId" | "status">,
): Extract<Resource, { kind: "edition" }> => ({
	kind: "edition",
	id: e.id,
	seriesId: e.seriesId,
	isPublic: PUBLIC_STATUSES.includes(e.status),
});

export function findEditionWithSeries(db: Database, id: string) {
	return db
		.select({ edition: editions, series })
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId))
		.where(eq(editions.id, id))
		.get();
}

/** The edition `edition` was cloned from (name and year), if any and if it still exists. */
export async function clonedFrom(
	db: Database,
	edition: Pick<Edition, "clonedFromId">,
): Promise<Pick<Edition, "id" | "name" | "year"> | undefined> {
	if (!edition.clonedFromId) return undefined;
	return db
		.select({ id: editions.id, name: editions.name, year: editions.year })
		.from(editions)
		.where(eq(editions.id, edition.clonedFromId))
		.get();
}
