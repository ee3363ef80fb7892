/**
 * The public people an edition's texts name (`{{committee}}`): its list of people (edition_people),
 * in role and list order. One query, run only for a text that uses the placeholder.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { editionPeople } from "../db/schema";
import type { PublicPerson } from "./people";
import { type PlaceholderEdition, type PlaceholderValues, placeholderValues, usesCommittee } from "./placeholders";

const publicColumns = {
	editionId: editionPeople.editionId,
	name: editionPeople.name,
	role: editionPeople.role,
	affiliation: editionPeople.affiliation,
};

export function loadPublicCommittee(db: Database, editionId: string): Promise<PublicPerson[]> {
	return db
		.select(publicColumns)
		.from(editionPeople)
		.where(eq(editionPeople.editionId, editionId))
		.orderBy(asc(editionPeople.position), asc(editionPeople.name));
}

/** The public people of several editions at once, by edition (for a job that mails many). */
export async function loadPublicCommittees(
	db: Database,
	editionIds: readonly string[],
): Promise<Map<string, PublicPerson[]>> {
	const byEdition = new Map<string, PublicPerson[]>(editionIds.map((id) => [id, []]));
	if (editionIds.length === 0) return byEdition;
	const rows = await db
		.select(publicColumns)
		.from(editionPeople)
		.where(inArray(editionPeople.editionId, [...editionIds]))
		.orderBy(asc(editionPeople.position), asc(editionPeople.name));
	for (const { editionId, ...person } of rows) byEdition.get(editionId)?.push(person);
	return byEdition;
}

/** The edition's placeholder values for `texts`: the people are read only when one of them names `{{committee}}`. */
export async function placeholderValuesFor(
	db: Database,
	edition: PlaceholderEdition & { id: string },
	texts: readonly string[],
): Promise<PlaceholderValues> {
	const committee = usesCommittee(...texts) ? await loadPublicCommittee(db, edition.id) : undefined;
	return placeholderValues(edition, committee);
}
