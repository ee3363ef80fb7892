/** The registrations as a CSV that opens right in Excel with a double click (src/lib/csv.ts: BOM, `;`, CRLF, formulas neutralised). */
import type { registrationFields } from "../../db/schema";
import { countryName } from "../../lib/countries";
import { excelCsv } from "../../lib/csv";
import type { ListedRegistration } from "./registrations";

/** At most this many rows in one export (an edition has hundreds). */
export const REGISTRATIONS_EXPORT_LIMIT = 20_000;

const HEADER = [
	"name",
	"email",
	"affiliation",
	"country",
	"country_name",
	"role",
	"ticket",
	"status",
	"source",
	"registered_at",
	"confirmed_at",
	"price",
	"currency",
	"listed_publicly",
	"note",
];

const iso = (d: Date | null) => (d ? d.toISOString() : "");

/** One row per registration, then one column per registration question (by its label). */
export function registrationsCsv(
	list: readonly ListedRegistration[],
	questions: readonly (typeof registrationFields.$inferSelect)[],
): string {
	const answer = (r: ListedRegistration, id: string) => {
		const value = r.answers[id];
		return value === undefined ? "" : typeof value === "boolean" ? (value ? "yes" : "no") : value;
	};
	return excelCsv([
		[...HEADER, ...questions.map((q) => q.label)],
		...list.map((r) => [
			r.name,
			r.email,
			r.affiliation,
			r.country,
			countryName(r.country),
			r.role,
			r.ticketName,
			r.status,
			r.source,
			iso(r.createdAt),
			iso(r.confirmedAt),
			(r.priceCents / 100).toFixed(2),
			r.currency,
			r.listConsent ? "yes" : "no",
			r.note,
			...questions.map((q) => answer(r, q.id)),
		]),
	]);
}
