/**
 * Placeholders in the texts an edition carries over to the next one (pages, sessions, email
 * texts, templates): `{{edition.name}}`, `{{edition.year}}`, `{{edition.city}}`,
 * `{{edition.dates}}` and `{{host.name}}`, filled with the receiving edition's values when a
 * clone or a template writes them. Kept apart from the clone so that content editors can check
 * texts against the same list without depending on the cloning code.
 */
import type { Edition } from "../db/schema";
import { formatDateRange } from "../lib/dates";

export const PLACEHOLDERS = ["edition.name", "edition.year", "edition.city", "edition.dates", "host.name"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{\{\s*(edition\.name|edition\.year|edition\.city|edition\.dates|host\.name)\s*\}\}/g;
/** Anything written like a placeholder, known or not. */
const ANY_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The list as a sentence for messages: "{{edition.name}}, …, or {{host.name}}". */
export const PLACEHOLDER_LIST = `${PLACEHOLDERS.slice(0, -1)
	.map((p) => `{{${p}}}`)
	.join(", ")} or {{${PLACEHOLDERS.at(-1)}}}`;

/** The target's values of the placeholders; an empty value leaves its placeholder in place. */
export function placeholderValues(
	edition: Pick<Edition, "name" | "year" | "city" | "startDate" | "endDate" | "hostName">,
): Record<Placeholder, string> {
	return {
		"edition.name": edition.name,
		"edition.year": String(edition.year),
		"edition.city": edition.city,
		"edition.dates": formatDateRange(edition.startDate, edition.endDate),
		"host.name": edition.hostName,
	};
}

/**
 * Fills `{{edition.name}}`, `{{edition.year}}`, `{{edition.city}}`, `{{edition.dates}}` and
 * `{{host.name}}`. Only placeholders: literal years and names of the source stay as written, so
 * what a clone changes is predictable. A placeholder without a value (a draft with no city yet)
 * stays, to be filled by hand, and is reported in `unfilled`.
 *
 * @example fillPlaceholders("Welcome to {{edition.city}}", values) // "Welcome to Lisbon"
 */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>, unfilled?: Set<string>): string {
	return text.replace(PLACEHOLDER_PATTERN, (whole, name: Placeholder) => {
		if (values[name] !== "") return values[name];
		unfilled?.add(`{{${name}}}`);
		return whole;
	});
}

/**
 * The placeholders in `text` that nobody fills (a typo such as `{{edtion.name}}` would otherwise
 * reach a mail or a page as written), each once, in order of appearance.
 *
 * @example unknownPlaceholders("Dear {{attendee}}, see {{edition.name}}") // ["{{attendee}}"]
 */
export function unknownPlaceholders(text: string): string[] {
	const known = new Set<string>(PLACEHOLDERS);
	const found = new Set<string>();
	for (const match of text.matchAll(ANY_PLACEHOLDER)) {
		if (!known.has(match[1] ?? "")) found.add(match[0]);
	}
	return [...found];
}

/** The message of a text that holds unknown placeholders, or null when it holds none. */
export function placeholderProblem(text: string): string | null {
	const unknown = unknownPlaceholders(text);
	if (unknown.length === 0) return null;
	return `${unknown.join(", ")} ${unknown.length === 1 ? "is not a placeholder" : "are not placeholders"}: use ${PLACEHOLDER_LIST}.`;
}
