/**
 * The hosting proposal an edition was created from (accepting it writes the edition with the
 * proposal's dates and zone): what the setup wizard offers as the dates when the edition has none.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { hostProposals, institutions } from "../../db/schema";

export interface ProposedDates {
	institutionName: string;
	startDate: string;
	endDate: string;
	timeZone: string;
}

/** The dates of the accepted proposal that created `editionId`, or undefined (1 query). */
export async function proposedDatesOf(db: Database, editionId: string): Promise<ProposedDates | undefined> {
	return db
		.select({
			institutionName: institutions.name,
			startDate: hostProposals.startDate,
			endDate: hostProposals.endDate,
			timeZone: hostProposals.timeZone,
		})
		.from(hostProposals)
		.innerJoin(institutions, eq(institutions.id, hostProposals.institutionId))
		.where(and(eq(hostProposals.editionId, editionId), eq(hostProposals.status, "accepted")))
		.get();
}
