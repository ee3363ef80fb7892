import { eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { editionMembers, editions, institutionMembers, seriesStewards } from "../db/schema";
import { readTogether } from "../db/write";
import type { Actor } from "./policy";

/** Loads every role of a user in one round trip (3 statements): the input of the policy. */
export async function loadActor(db: Database, userId: string, token?: Actor["token"]): Promise<Actor> {
	const [institutionRows, stewardRows, editionRows] = await loadRoles(db, [userId]);
	return {
		...actorOf(userId, institutionRows, stewardRows, editionRows),
		...(token ? { token } : {}),
	};
}

/**
 * The roles of several users at once (3 statements per 90 users): for checking, at the moment of
 * sending, that each recipient of a mail may still see what it is about (see handover/threads.ts).
 * Users without any role get an actor without roles.
 */
export async function loadActors(db: Database, userIds: readonly string[]): Promise<Map<string, Actor>> {
	const ids = [...new Set(userIds)];
	// D1 binds at most 100 parameters a statement: ask in chunks, one batch of 3 statements each.
	const chunks: string[][] = [];
	for (let i = 0; i < ids.length; i += ROLE_CHUNK) chunks.push(ids.slice(i, i + ROLE_CHUNK));
	const results = await Promise.all(chunks.map((chunk) => loadRoles(db, chunk)));
	const institutionRows = results.flatMap(([rows]) => rows);
	const stewardRows = results.flatMap(([, rows]) => rows);
	const editionRows = results.flatMap(([, , rows]) => rows);
	return new Map(ids.map((userId) => [userId, actorOf(userId, institutionRows, stewardRows, editionRows)]));
}

type RoleRows = Awaited<ReturnType<typeof loadRoles>>;

/** One user's actor from the role rows of several. */
function actorOf(userId: string, ...[institutionRows, stewardRows, editionRows]: RoleRows): Actor {
	const own = <R extends { userId: string }>(rows: R[]) => rows.filter((r) => r.userId === userId);
	return {
		userId,
		institutionRoles: new Map(own(institutionRows).map((r) => [r.id, r.role])),
		stewardOf: new Set(own(stewardRows).map((r) => r.id)),
		// Handover notes are read by the committees of later editions of a series: hence series and year.
		editionRoles: new Map(own(editionRows).map(({ userId: _, id, ...entry }) => [id, entry])),
	};
}

const ROLE_CHUNK = 90;

const loadRoles = (db: Database, ids: string[]) =>
	readTogether(db, [
		db
			.select({
				userId: institutionMembers.userId,
				id: institutionMembers.institutionId,
				role: institutionMembers.role,
			})
			.from(institutionMembers)
			.where(inArray(institutionMembers.userId, ids)),
		db
			.select({ userId: seriesStewards.userId, id: seriesStewards.seriesId })
			.from(seriesStewards)
			.where(inArray(seriesStewards.userId, ids)),
		db
			.select({
				userId: editionMembers.userId,
				id: editionMembers.editionId,
				role: editionMembers.role,
				mentorUntil: editionMembers.mentorUntil,
				seriesId: editions.seriesId,
				year: editions.year,
			})
			.from(editionMembers)
			.innerJoin(editions, eq(editions.id, editionMembers.editionId))
			.where(inArray(editionMembers.userId, ids)),
	]);
