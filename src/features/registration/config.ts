/**
 * An edition's registration configuration as registering reads it: ticket types (with their sale
 * windows resolved in the edition's zone), the form's fields and the policy (cut-offs, hold and
 * offer times, edition-wide capacity).
 */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, registrationFields, registrationPolicies, ticketTypes } from "../../db/schema";
import { readTogether } from "../../db/write";
import { DEFAULT_REGISTRATION_POLICY } from "../../domain/registration-policy";
import { resolveOffset } from "../../lib/zoned-time";

export type TicketType = typeof ticketTypes.$inferSelect;
export type RegistrationField = typeof registrationFields.$inferSelect;
export type RegistrationPolicy = typeof registrationPolicies.$inferSelect;

export interface RegistrationConfig {
	tickets: TicketType[];
	fields: RegistrationField[];
	policy: RegistrationPolicy;
}

/** Tickets, fields and policy of an edition, in one round trip. */
export async function loadRegistrationConfig(db: Database, editionId: string): Promise<RegistrationConfig> {
	const [tickets, fields, policies] = await readTogether(db, [
		db
			.select()
			.from(ticketTypes)
			.where(eq(ticketTypes.editionId, editionId))
			.orderBy(asc(ticketTypes.position), asc(ticketTypes.name)),
		db
			.select()
			.from(registrationFields)
			.where(eq(registrationFields.editionId, editionId))
			.orderBy(asc(registrationFields.position), asc(registrationFields.label)),
		db.select().from(registrationPolicies).where(eq(registrationPolicies.editionId, editionId)),
	]);
	return { tickets, fields, policy: policies[0] ?? { editionId, ...DEFAULT_REGISTRATION_POLICY } };
}

type ZonedEdition = Pick<Edition, "startDate" | "timeZone">;

/** When a ticket type is on sale: from `opens` (included) until `closes` (excluded), instants in the edition's zone. */
export function saleWindow(edition: ZonedEdition, ticket: TicketType): { opens: Date; closes: Date } {
	return {
		opens: resolveOffset(edition, ticket.salesOpenOffsetDays, ticket.salesOpenTime),
		closes: resolveOffset(edition, ticket.salesCloseOffsetDays, ticket.salesCloseTime),
	};
}

/** True while `ticket` is on sale at `now`. */
export function onSale(edition: ZonedEdition, ticket: TicketType, now: Date): boolean {
	const { opens, closes } = saleWindow(edition, ticket);
	return opens.getTime() <= now.getTime() && now.getTime() < closes.getTime();
}

/** Until when attendees may cancel themselves; without a cut-off, until day 1 begins. */
export const cancelUntil = (edition: ZonedEdition, policy: RegistrationPolicy): Date =>
	policy.cancelUntilOffsetDays === null
		? resolveOffset(edition, 0, "00:00")
		: resolveOffset(edition, policy.cancelUntilOffsetDays, policy.cancelUntilTime);

/** Until when attendees may edit their answers; without a cut-off, until day 1 begins. */
export const editUntil = (edition: ZonedEdition, policy: RegistrationPolicy): Date =>
	policy.editUntilOffsetDays === null
		? resolveOffset(edition, 0, "00:00")
		: resolveOffset(edition, policy.editUntilOffsetDays, policy.editUntilTime);
