/**
 * The committee an edition's public texts may name (`{{committee}}`): its chairs and organizers,
 * by the names on their accounts. Reviewers and mentors are not named. One query, run only for a
 * text that uses the placeholder; the edition's list of public people will replace this.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { editionMembers, users } from "../db/schema";
import {
	type PlaceholderEdition,
	type PlaceholderValues,
	type PublicCommitteeMember,
	placeholderValues,
	usesCommittee,
} from "./placeholders";

const PUBLIC_ROLES: PublicCommitteeMember["role"][] = ["chair", "organizer"];

export function loadPublicCommittee(db: Database, editionId: string): Promise<PublicCommitteeMember[]> {
	return db
		.select({ name: users.name, role: editionMembers.role })
		.from(editionMembers)
		.innerJoin(users, eq(users.id, editionMembers.userId))
		.where(and(eq(editionMembers.editionId, editionId), inArray(editionMembers.role, PUBLIC_ROLES))) as Promise<
		PublicCommitteeMember[]
	>;
}

/** The edition's placeholder values for `texts`: the committee is read only when one of them names it. */
export async function placeholderValuesFor(
	db: Database,
	edition: PlaceholderEdition & { id: string },
	texts: readonly string[],
): Promise<PlaceholderValues> {
	const committee = usesCommittee(...texts) ? await loadPublicCommittee(db, edition.id) : undefined;
	return placeholderValues(edition, committee);
}
