import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { editionMembers, editions, institutionMembers, seriesStewards } from "../db/schema";
import type { Actor } from "./policy";

/** Loads every role of a user in one round trip (3 statements): the input of the policy. */
export async function loadActor(db: Database, userId: string, token?: Actor["token"]): Promise<Actor> {
	const [institutionRows, stewardRows, editionRows] = await db.batch([
		db
			.select({ id: institutionMembers.institutionId, role: institutionMembers.role })
			.from(institutionMembers)
			.where(eq(institutionMembers.userId, userId)),
		db.select({ id: seriesStewards.seriesId }).from(seriesStewards).where(eq(seriesStewards.userId, userId)),
		db
			.select({
				id: editionMembers.editionId,
				role: editionMembers.role,
				mentorUntil: editionMembers.mentorUntil,
				// Handover notes are read by the committees of later editions of a series.
				seriesId: editions.seriesId,
				year: editions.year,
			})
			.from(editionMembers)
			.innerJoin(editions, eq(editions.id, editionMembers.editionId))
			.where(eq(editionMembers.userId, userId)),
	]);
	return {
		userId,
		institutionRoles: new Map(institutionRows.map((r) => [r.id, r.role])),
		stewardOf: new Set(stewardRows.map((r) => r.id)),
		editionRoles: new Map(editionRows.map(({ id, ...entry }) => [id, entry])),
		...(token ? { token } : {}),
	};
}
