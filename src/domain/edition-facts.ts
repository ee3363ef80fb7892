/**
 * The facts one edition states about itself (its name, year, dates, city, venue, address, host,
 * contact address and people), and where a text states them. Shared by the clone's preview (which
 * shows each of the source's facts it finds in a copied text, with a placeholder to put instead)
 * and the stale-fact guard (which looks for earlier editions' facts in an edition's public texts).
 *
 * Pure: callers read the rows. Finding is not replacing: a hit is only ever a proposal, since
 * "founded in Groningen in 2023" may be true history that must stay as written.
 */
import { formatDateRange } from "../lib/dates";
import type { Placeholder, PlaceholderEdition } from "./placeholders";

export const FACT_KINDS = ["name", "year", "dates", "city", "venue", "address", "host", "contact", "person"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** How a kind of fact is named to a committee ("the city", in "mentions the city Groningen"). */
export const FACT_KIND_LABELS: Record<FactKind, string> = {
	name: "the edition's name",
	year: "the year",
	dates: "the dates",
	city: "the city",
	venue: "the venue",
	address: "the venue's address",
	host: "the host",
	contact: "the contact address",
	person: "a person",
};

export interface Fact {
	kind: FactKind;
	/** The text as the edition states it ("Groningen", "2023", "12–14 April 2023"). */
	value: string;
	/** What a copied text could say instead, resolved for whichever edition shows it; null when nothing fits (people). */
	placeholder: Placeholder | null;
}

export interface FactHit {
	fact: Fact;
	/** Offsets of the hit in the text (UTF-16 code units, as `String.prototype.slice` takes them). */
	start: number;
	end: number;
	/** Up to ~40 characters either side, on one line, for a preview to show the hit in context. */
	before: string;
	after: string;
}

/** What `factsOf` reads: the edition's own columns and the names of its people. */
export interface FactSource {
	edition: PlaceholderEdition & { country?: string };
	/** Names of the edition's people (committee lists, speakers): never a placeholder, always shown. */
	people?: readonly string[];
}

/** Values shorter than this are not looked for (initials, "NL"): they would hit in every text. */
const MIN_LENGTH = 3;

/** The facts an edition states, each once, longest first (so "AINM 2023" wins over "2023"). */
export function factsOf({ edition, people = [] }: FactSource): Fact[] {
	const facts: Fact[] = [];
	const add = (kind: FactKind, value: string | undefined, placeholder: Placeholder | null) => {
		const v = value?.trim() ?? "";
		if (v.length >= MIN_LENGTH) facts.push({ kind, value: v, placeholder });
	};
	add("name", edition.name, "edition.name");
	if (edition.year !== undefined) add("year", String(edition.year), "edition.year");
	if (edition.startDate && edition.endDate) {
		add("dates", formatDateRange(edition.startDate, edition.endDate), "edition.dates");
	}
	add("city", edition.city, "edition.city");
	add("venue", edition.venueName, "venue.name");
	const addressLines = (edition.venueAddress ?? "")
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
	// The whole address on one line is what `{{venue.address}}` gives; a single line of it (a street)
	// is still the old venue's, but no placeholder stands for part of an address.
	if (addressLines.length > 1) add("address", addressLines.join(", "), "venue.address");
	for (const line of addressLines) add("address", line, addressLines.length === 1 ? "venue.address" : null);
	add("host", edition.hostName, "host.name");
	add("contact", edition.contactEmail, "contact.email");
	for (const name of people) add("person", name, null);

	const seen = new Set<string>();
	return facts
		.filter((f) => {
			const key = f.value.toLocaleLowerCase();
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => b.value.length - a.value.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CONTEXT = 40;
const oneLine = (s: string) => s.replace(/\s+/g, " ");

/**
 * Where `text` states any of `facts`: case-insensitive, whole words only ("2023" not in "20230"),
 * never inside a placeholder (`{{edition.year}}` states nothing), longest fact first and hits never
 * overlapping. In text order.
 */
export function findFacts(text: string, facts: readonly Fact[]): FactHit[] {
	if (text === "" || facts.length === 0) return [];
	const taken: [number, number][] = [];
	for (const m of text.matchAll(/\{\{[^{}]*\}\}/g)) taken.push([m.index, m.index + m[0].length]);
	const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

	const hits: FactHit[] = [];
	const ordered = [...facts].sort((a, b) => b.value.length - a.value.length);
	for (const fact of ordered) {
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fact.value)}(?![\\p{L}\\p{N}])`, "giu");
		for (const m of text.matchAll(pattern)) {
			const start = m.index;
			const end = start + m[0].length;
			if (overlaps(start, end)) continue;
			taken.push([start, end]);
			hits.push({
				fact,
				start,
				end,
				before: oneLine(text.slice(Math.max(0, start - CONTEXT), start)),
				after: oneLine(text.slice(end, end + CONTEXT)),
			});
		}
	}
	return hits.sort((a, b) => a.start - b.start);
}

/**
 * `text` with the accepted hits replaced by their placeholders (hits without one are left as
 * written). `accepted` are hits of this very text, as `findFacts` returned them.
 */
export function applyPlaceholders(text: string, accepted: readonly FactHit[]): string {
	let out = text;
	for (const hit of [...accepted].sort((a, b) => b.start - a.start)) {
		if (hit.fact.placeholder === null) continue;
		out = `${out.slice(0, hit.start)}{{${hit.fact.placeholder}}}${out.slice(hit.end)}`;
	}
	return out;
}
