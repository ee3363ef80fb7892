/**
 * Shared test data: one way to make an edition and one way to put someone on its committee, so
 * test files say only what matters to them (a zone, a status, a date) and never repeat the insert.
 */
import { editionMembers, editions } from "../src/db/schema";
import { newId } from "../src/lib/ids";
import type { TestUser } from "./auth-helpers";
import { testDb } from "./helpers";

export type EditionValues = typeof editions.$inferInsert;

/**
 * Inserts an edition row, empty of content: a draft in Amsterdam named after its year unless
 * `values` says otherwise. Returns the row as written.
 *
 * @example const { id } = await insertEdition({ seriesId, year: 2031, startDate: "2031-10-06", endDate: "2031-10-08" });
 */
export async function insertEdition(
	values: Pick<EditionValues, "seriesId" | "year" | "startDate" | "endDate"> & Partial<EditionValues>,
): Promise<EditionValues & { id: string; name: string }> {
	const row = {
		id: newId(),
		name: `Edition ${values.year}`,
		timeZone: "Europe/Amsterdam",
		status: "draft" as const,
		...values,
	};
	await testDb().insert(editions).values(row);
	return row;
}

/** Puts `user` on an edition's committee (a mentor until `mentorUntil`). */
export async function addCommitteeMember(member: {
	editionId: string;
	user: Pick<TestUser, "id">;
	role: string;
	mentorUntil?: string | null;
}): Promise<void> {
	await testDb()
		.insert(editionMembers)
		.values({
			editionId: member.editionId,
			userId: member.user.id,
			role: member.role as typeof editionMembers.$inferInsert.role,
			mentorUntil: member.mentorUntil ?? null,
		});
}
