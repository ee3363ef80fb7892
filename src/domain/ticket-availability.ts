/**
 * The coarse availability of an edition's tickets (README, "Registration"): what cached pages and
 * JSON-LD may say about seats without going stale at every registration. Live counts are for the
 * register page only (not edge-cached); everything cached reads `ticket_types.availability`,
 * which `availabilityRecompute` rewrites after every seat change, in the same batch, touching the
 * row (and bumping the edition's content version, so the edge cache moves on) ONLY when the
 * coarse state changes.
 *
 * "Few left": at most 5 seats, or at most 10% of the capacity when that is more (20 of 200) —
 * against the ticket's own capacity or the edition-wide one, whichever is tighter.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { bumpContentVersionIfChanged } from "../db/content-version";
import { type TicketAvailability, ticketTypes } from "../db/schema";

/** True (1) for a registration row `r` that takes a seat at `now` (ms): confirmed, or a hold or offer not yet lapsed. */
export const takesSeat = (now: number) =>
	sql`(r.status = 'confirmed' or (r.status in ('held', 'offered') and r.expires_at > ${now}))`;

/** Seats left under a limit (null when there is none). */
const seatsLeftOf = (capacity: SQL, taken: SQL) => sql`(${capacity} - ${taken})`;

/** The coarse state of the `ticket_types` row being updated, as SQL over its own columns. */
function coarseState(now: number): SQL {
	const ownCapacity = sql`ticket_types.capacity`;
	const ownLeft = seatsLeftOf(
		ownCapacity,
		sql`(select count(*) from registrations r where r.edition_id = ticket_types.edition_id
			and r.ticket_type_id = ticket_types.id and ${takesSeat(now)})`,
	);
	const editionCapacity = sql`(select p.capacity from registration_policies p where p.edition_id = ticket_types.edition_id)`;
	const editionLeft = seatsLeftOf(
		editionCapacity,
		sql`(select count(*) from registrations r where r.edition_id = ticket_types.edition_id and ${takesSeat(now)})`,
	);
	// A null capacity (no limit) makes every comparison null, which CASE reads as false.
	const few = (left: SQL, capacity: SQL) => sql`(${left} <= 5 or ${left} * 10 <= ${capacity})`;
	return sql`(case
		when ${ownLeft} <= 0 or ${editionLeft} <= 0 then 'sold_out'
		when ${few(ownLeft, ownCapacity)} or ${few(editionLeft, editionCapacity)} then 'few_left'
		else 'available' end)`;
}

/**
 * The two statements that follow every seat change of an edition in its batch: the tickets whose
 * coarse state changed get the new one (an UPDATE that matches no row when none did), then the
 * edition's content version is bumped only if that UPDATE changed a row. `now` decides which
 * holds and offers still take a seat, as in the seat statements themselves.
 *
 * @example await commit(db, [change], [insert, ...availabilityRecompute(db, editionId, now)]);
 */
export function availabilityRecompute(db: Database, editionId: string, now = new Date()) {
	const state = coarseState(now.getTime());
	return [
		db
			.update(ticketTypes)
			.set({ availability: sql`${state}` as unknown as TicketAvailability })
			.where(sql`${ticketTypes.editionId} = ${editionId} and ${ticketTypes.availability} <> ${state}`),
		bumpContentVersionIfChanged(db, editionId),
	] as const;
}

/** The edition's state across its tickets: the best any ticket offers; null without tickets. */
export function editionAvailability(
	tickets: readonly { availability: TicketAvailability }[],
): TicketAvailability | null {
	if (tickets.length === 0) return null;
	for (const state of ["available", "few_left"] as const) {
		if (tickets.some((t) => t.availability === state)) return state;
	}
	return "sold_out";
}

/** How schema.org's `Offer.availability` names each state. */
export const SCHEMA_ORG_AVAILABILITY: Record<TicketAvailability, string> = {
	available: "https://schema.org/InStock",
	few_left: "https://schema.org/LimitedAvailability",
	sold_out: "https://schema.org/SoldOut",
};

/** What a visitor reads beside a ticket. */
export const AVAILABILITY_WORDS: Record<TicketAvailability, string> = {
	available: "Available",
	few_left: "Few seats left",
	sold_out: "Sold out",
};

/** Used by tests and the seed: the ticket types' stored states of an edition. */
export function storedAvailability(db: Database, editionId: string) {
	return db
		.select({ id: ticketTypes.id, availability: ticketTypes.availability })
		.from(ticketTypes)
		.where(eq(ticketTypes.editionId, editionId))
		.all();
}
