/**
 * The console dashboard: every place the signed-in user has a role, in one round trip.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	type Edition,
	type EditionRole,
	editionMembers,
	editions,
	hostCalls,
	hostProposals,
	institutions,
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

/** An open proposal of a series I steward: it waits for my decision. */
export interface WaitingProposal {
	id: string;
	institutionName: string;
	seriesSlug: string;
	seriesShortName: string;
	forYear: number;
	city: string;
	country: string;
}

/** An open call for hosts of a series I steward. */
export interface OpenCall {
	id: string;
	seriesSlug: string;
	seriesShortName: string;
	forYear: number;
	deadline: string;
}

export interface Dashboard {
	institutions: MyInstitution[];
	series: Series[];
	editions: MyEdition[];
	proposals: WaitingProposal[];
	calls: OpenCall[];
}

/**
 * My institutions (with role), the series I steward, my editions (with role), and what waits for
 * me as a steward (the open proposals and open calls of my series), in one batch of 5.
 */
export async function loadDashboard(db: Database, userId: string): Promise<Dashboard> {
	const mySeries = db
		.select({ id: seriesStewards.seriesId })
		.from(seriesStewards)
		.where(eq(seriesStewards.userId, userId));
	const [myInstitutions, stewarded, myEditions, proposals, calls] = await readTogether(db, [
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
		db
			.select({
				id: hostProposals.id,
				institutionName: institutions.name,
				seriesSlug: series.slug,
				seriesShortName: series.shortName,
				forYear: hostCalls.forYear,
				city: hostProposals.city,
				country: hostProposals.country,
			})
			.from(hostProposals)
			.innerJoin(institutions, eq(institutions.id, hostProposals.institutionId))
			.innerJoin(hostCalls, eq(hostCalls.id, hostProposals.callId))
			.innerJoin(series, eq(series.id, hostProposals.seriesId))
			.where(and(eq(hostProposals.status, "submitted"), inArray(hostProposals.seriesId, mySeries)))
			.orderBy(asc(hostProposals.createdAt), asc(hostProposals.id)),
		db
			.select({
				id: hostCalls.id,
				seriesSlug: series.slug,
				seriesShortName: series.shortName,
				forYear: hostCalls.forYear,
				deadline: hostCalls.deadline,
			})
			.from(hostCalls)
			.innerJoin(series, eq(series.id, hostCalls.seriesId))
			.where(and(eq(hostCalls.status, "open"), inArray(hostCalls.seriesId, mySeries)))
			.orderBy(asc(hostCalls.deadline), asc(series.shortName)),
	]);
	return {
		institutions: myInstitutions,
		series: stewarded.map((r) => r.series),
		editions: myEditions,
		proposals,
		calls,
	};
}
