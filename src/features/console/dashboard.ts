/**
 * The console dashboard: every place the signed-in user has a role, in one round trip.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	type Edition,
	type EditionRole,
	editionMembers,
	editions,
	type Series,
	series,
	seriesStewards,
} from "../../db/schema";
import { readTogether } from "../../db/write";
import type { MyInstitution } from "../institutions";
import { listMyInstitutions } from "../institutions";

export interface MyEdition {
	edition: Edition;
	seriesShortName: string;
	role: EditionRole;
	mentorUntil: string | null;
}

export interface Dashboard {
	institutions: MyInstitution[];
	series: Series[];
	editions: MyEdition[];
}

/** My institutions (with role), the series I steward, and my editions (with role), in one batch of 3. */
export async function loadDashboard(db: Database, userId: string): Promise<Dashboard> {
	const [myInstitutions, stewarded, myEditions] = await readTogether(db, [
		listMyInstitutions(db, userId),
		db
			.select({ series })
			.from(seriesStewards)
			.innerJoin(series, eq(series.id, seriesStewards.seriesId))
			.where(eq(seriesStewards.userId, userId))
			.orderBy(asc(series.name)),
		db
			// Inside a D1 batch drizzle maps rows by column name, so a join must not select two
			// columns of the same name (editions.id and series.id): only the series' short name here.
			.select({
				edition: editions,
				seriesShortName: series.shortName,
				role: editionMembers.role,
				mentorUntil: editionMembers.mentorUntil,
			})
			.from(editionMembers)
			.innerJoin(editions, eq(editions.id, editionMembers.editionId))
			.innerJoin(series, eq(series.id, editions.seriesId))
			.where(eq(editionMembers.userId, userId))
			.orderBy(desc(editions.startDate), asc(editions.name)),
	]);
	return { institutions: myInstitutions, series: stewarded.map((r) => r.series), editions: myEditions };
}
