/**
 * Test data of registration: a published edition in Amsterdam with the ticket types and the
 * edition-wide limit a test names, written straight to D1.
 */
import { registrationFields, registrationPolicies, series, ticketTypes } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { insertEdition } from "../../fixtures";
import { testDb } from "../../helpers";

export interface TicketSpec {
	name?: string;
	capacity?: number | null;
	priceCents?: number;
	/** Sale window as offsets from day 1; by default open from a year before until the day before. */
	open?: [number, string];
	close?: [number, string];
	includes?: string;
}

/**
 * A published edition (slug `reg-<n>`, day 1 `startDate`, by default 60 days from now) with `tickets` and, when given, an
 * edition-wide capacity and policy. Returns the ids.
 */
export async function registrationEdition(
	spec: {
		tickets: TicketSpec[];
		capacity?: number | null;
		holdHours?: number;
		offerHours?: number;
		startDate?: string;
		timeZone?: string;
		fields?:
			| (typeof registrationFields.$inferInsert)[]
			| ((editionId: string) => (typeof registrationFields.$inferInsert)[]);
		policy?: Partial<typeof registrationPolicies.$inferInsert>;
	} = { tickets: [{}] },
) {
	const db = testDb();
	const seriesId = newId();
	const slug = `reg-${seriesId.slice(0, 8)}`;
	await db.insert(series).values({ id: seriesId, slug, name: `Series ${slug}`, shortName: "REG" });
	// By default day 1 is 60 days ahead, so the default window (from 400 days before until the day before) is open now.
	const startDate = spec.startDate ?? new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
	const edition = await insertEdition({
		seriesId,
		year: Number(startDate.slice(0, 4)),
		startDate,
		endDate: startDate,
		status: "published",
		timeZone: spec.timeZone ?? "Europe/Amsterdam",
	});
	const tickets = spec.tickets.map((t, i) => ({
		id: newId(),
		editionId: edition.id,
		name: t.name ?? `Ticket ${i + 1}`,
		priceCents: t.priceCents ?? 0,
		currency: "EUR",
		capacity: t.capacity ?? null,
		salesOpenOffsetDays: t.open?.[0] ?? -400,
		salesOpenTime: t.open?.[1] ?? "09:00",
		salesCloseOffsetDays: t.close?.[0] ?? -1,
		salesCloseTime: t.close?.[1] ?? "23:59",
		includes: t.includes ?? "",
		position: i,
	}));
	if (tickets.length > 0) await db.insert(ticketTypes).values(tickets);
	if (spec.capacity !== undefined || spec.holdHours || spec.offerHours || spec.policy) {
		await db.insert(registrationPolicies).values({
			editionId: edition.id,
			capacity: spec.capacity ?? null,
			holdHours: spec.holdHours ?? 72,
			offerHours: spec.offerHours ?? 48,
			...spec.policy,
		});
	}
	const fields = typeof spec.fields === "function" ? spec.fields(edition.id) : spec.fields;
	if (fields?.length) await db.insert(registrationFields).values(fields);
	return { seriesId, slug, edition, tickets, path: `/s/${slug}/${edition.year}` };
}
