/**
 * The public attendee list of an edition's site: only when the committee turned it on
 * (`registration_policies.public_attendee_list`), and only confirmed attendees who consented to be
 * listed (`registrations.list_consent`): their name, affiliation and country, nothing else.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { registrationPolicies, registrations } from "../../db/schema";
import { readTogether } from "../../db/write";

export interface PublicAttendee {
	name: string;
	affiliation: string;
	country: string;
}

/** The listed attendees by name, or null when the edition does not publish its list. */
export async function loadPublicAttendees(db: Database, editionId: string): Promise<PublicAttendee[] | null> {
	const [policy, listed] = await readTogether(db, [
		db
			.select({ on: registrationPolicies.publicAttendeeList })
			.from(registrationPolicies)
			.where(eq(registrationPolicies.editionId, editionId)),
		db
			.select({ name: registrations.name, affiliation: registrations.affiliation, country: registrations.country })
			.from(registrations)
			.where(
				and(
					eq(registrations.editionId, editionId),
					eq(registrations.status, "confirmed"),
					eq(registrations.listConsent, true),
				),
			)
			.orderBy(asc(registrations.name)),
	]);
	if (!policy[0]?.on) return null;
	return listed.sort((a, b) => a.name.localeCompare(b.name, "en"));
}
