/**
 * The registration statistics of an edition: registrations over time (cumulative), and confirmed
 * attendees by ticket type, role and country. The same figures feed the edition's facts and figures
 * (`registrationFigures`): attendance and countries come from confirmed registrations once there are any.
 */
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, registrations, ticketTypes } from "../../db/schema";
import { readTogether } from "../../db/write";
import { countryName } from "../../lib/countries";
import { ROLE_OPTIONS } from "./registrations";

export interface Bar {
	label: string;
	value: number;
}

export interface RegistrationStatistics {
	/** Registrations not cancelled, cumulative by the day they were made (in the edition's zone), oldest first. */
	overTime: { day: string; total: number }[];
	/** Confirmed registrations by ticket type (ticket order), role (the list's order) and country (most first). */
	byTicket: Bar[];
	byRole: Bar[];
	byCountry: Bar[];
	confirmed: number;
}

/** "2023-10-05" of an instant, in `timeZone`. */
const dayIn = (at: Date, timeZone: string) =>
	new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

export async function registrationStatistics(
	db: Database,
	edition: Pick<Edition, "id" | "timeZone">,
): Promise<RegistrationStatistics> {
	const confirmedOf = and(eq(registrations.editionId, edition.id), eq(registrations.status, "confirmed"));
	const [made, tickets, byTicket, byRole, byCountry] = await readTogether(db, [
		db
			.select({ createdAt: registrations.createdAt })
			.from(registrations)
			.where(and(eq(registrations.editionId, edition.id), ne(registrations.status, "cancelled")))
			.orderBy(asc(registrations.createdAt)),
		db
			.select({ id: ticketTypes.id, name: ticketTypes.name })
			.from(ticketTypes)
			.where(eq(ticketTypes.editionId, edition.id))
			.orderBy(asc(ticketTypes.position), asc(ticketTypes.name)),
		db
			.select({ key: registrations.ticketTypeId, n: count() })
			.from(registrations)
			.where(confirmedOf)
			.groupBy(registrations.ticketTypeId),
		db
			.select({ key: registrations.role, n: count() })
			.from(registrations)
			.where(confirmedOf)
			.groupBy(registrations.role),
		db
			.select({ key: registrations.country, n: count() })
			.from(registrations)
			.where(confirmedOf)
			.groupBy(registrations.country),
	]);
	const overTime: RegistrationStatistics["overTime"] = [];
	for (const { createdAt } of made) {
		const day = dayIn(createdAt, edition.timeZone);
		const last = overTime.at(-1);
		if (last?.day === day) last.total += 1;
		else overTime.push({ day, total: (last?.total ?? 0) + 1 });
	}
	const countOf = (rows: { key: string; n: number }[], key: string) => rows.find((r) => r.key === key)?.n ?? 0;
	return {
		overTime,
		byTicket: tickets.map((t) => ({ label: t.name, value: countOf(byTicket, t.id) })).filter((b) => b.value > 0),
		byRole: ROLE_OPTIONS.map((r) => ({ label: r.label, value: countOf(byRole, r.value) })).filter((b) => b.value > 0),
		byCountry: byCountry
			.map((r) => ({ label: countryName(r.key), value: r.n }))
			.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "en")),
		confirmed: byCountry.reduce((sum, r) => sum + r.n, 0),
	};
}

/**
 * The facts-and-figures lines of an edition's registrations: confirmed attendees and their
 * countries; nothing while it has no confirmed registration (no misleading 0).
 */
export async function registrationFigures(db: Database, editionId: string) {
	const rows = await db
		.select({ country: registrations.country, n: count() })
		.from(registrations)
		.where(and(eq(registrations.editionId, editionId), eq(registrations.status, "confirmed")))
		.groupBy(registrations.country);
	const attendees = rows.reduce((sum, r) => sum + r.n, 0);
	if (attendees === 0) return [];
	return [
		{ label: "Attendees (confirmed registrations)", value: String(attendees) },
		{ label: "Attendees' countries", value: String(rows.length) },
	];
}
