/**
 * The registration policy of an edition (one row of `registration_policies`, created on first
 * save): the edition-wide capacity beside the ticket types' own, the cancellation and refund policy
 * attendees read, the cut-offs for cancelling and editing (offsets from day 1 plus a local time, so
 * a clone re-anchors them), how long holds and waiting-list offers last, and whether the subsite
 * lists consenting attendees. Edition configuration shown publicly: written as edition content.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { registrationPolicies } from "../../db/schema";
import { checkbox, type FieldSpec, int, markdown, objectOf, time } from "../../domain/fields";
import { DEFAULT_REGISTRATION_POLICY } from "../../domain/registration-policy";
import { availabilityRecompute } from "../../domain/ticket-availability";

const CUT_OFF_HINT = "Days from the first day of the event: −14 is two weeks before; empty: until day 1.";

export const REGISTRATION_POLICY_FIELDS = [
	int("capacity", "Seats of the whole edition", {
		min: 1,
		max: 100_000,
		hint: "Across all ticket types (the venue's size). Leave empty for only the ticket types' own limits.",
	}),
	markdown("cancellationPolicy", "Cancellation and refund policy", {
		max: 5000,
		hint: "As attendees read it when they register and on their page.",
	}),
	int("cancelUntilOffsetDays", "Attendees may cancel until (days from day 1)", {
		min: -1000,
		max: 0,
		hint: CUT_OFF_HINT,
	}),
	time("cancelUntilTime", "Cancel until", { fallback: "23:59" }),
	int("editUntilOffsetDays", "Attendees may edit their answers until (days from day 1)", {
		min: -1000,
		max: 0,
		hint: CUT_OFF_HINT,
	}),
	time("editUntilTime", "Edit until", { fallback: "23:59" }),
	int("holdHours", "Hold a paid ticket's seat for (hours)", {
		min: 1,
		max: 720,
		fallback: DEFAULT_REGISTRATION_POLICY.holdHours,
		hint: "Until it is paid; then the seat goes back on sale.",
	}),
	int("offerHours", "A waiting-list offer stays open for (hours)", {
		min: 1,
		max: 720,
		fallback: DEFAULT_REGISTRATION_POLICY.offerHours,
	}),
	checkbox("publicAttendeeList", "List attendees on the site", {
		hint: "Name, affiliation and country of confirmed attendees who agreed to be listed; nobody else.",
	}),
] as const satisfies readonly FieldSpec[];

export const registrationPolicySchema = objectOf(REGISTRATION_POLICY_FIELDS);
export type RegistrationPolicyData = Omit<typeof registrationPolicies.$inferSelect, "editionId">;

/** The stored policy, or the defaults. */
export async function loadRegistrationPolicy(db: Database, editionId: string): Promise<RegistrationPolicyData> {
	const row = await db.select().from(registrationPolicies).where(eq(registrationPolicies.editionId, editionId)).get();
	if (!row) return { ...DEFAULT_REGISTRATION_POLICY };
	const { editionId: _, ...policy } = row;
	return policy;
}

/** Creates or replaces the edition's policy: one batch with the content version bump and its audit entry. */
export async function saveRegistrationPolicy(
	db: Database,
	editionId: string,
	data: RegistrationPolicyData,
): Promise<RegistrationPolicyData> {
	const before = await loadRegistrationPolicy(db, editionId);
	const row = { ...data, editionId };
	await writeEditionContent(
		db,
		editionId,
		[
			db
				.insert(registrationPolicies)
				.values(row)
				.onConflictDoUpdate({ target: registrationPolicies.editionId, set: row }),
			// A new edition-wide capacity may change what the tickets' coarse state says.
			...availabilityRecompute(db, editionId),
		],
		[{ action: "registration.policy.updated", id: editionId, before: { ...before }, after: { ...data } }],
	);
	return loadRegistrationPolicy(db, editionId);
}
