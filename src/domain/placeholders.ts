/**
 * Placeholders in an edition's texts (pages, sessions, email texts, organizer reminders,
 * templates): `{{edition.name}}`, `{{venue.name}}`, `{{committee}}`, … Declared once here, each
 * with what the editor says of it and how its value follows from the edition's data.
 *
 * Pages, sessions and mails keep their placeholders as written and are resolved when they are
 * shown or sent, from the edition they belong to, so a later edit of the venue changes every page
 * that names it. A few short texts a clone or template writes (registration questions, survey
 * prompts, checklist titles, the special issue) are still filled once when written
 * (`fillPlaceholders`), since nothing resolves them later.
 */
import type { Edition } from "../db/schema";
import { formatDateRange } from "../lib/dates";
import { committeeMarkdown, committeeText, type PublicPerson } from "./people";

/**
 * What the values are computed from: the edition row (a field left out counts as no value, so a
 * caller that reads only some columns gets those), and its public committee when a text asks for it.
 */
export type PlaceholderEdition = Partial<
	Pick<
		Edition,
		"name" | "year" | "city" | "startDate" | "endDate" | "hostName" | "venueName" | "venueAddress" | "contactEmail"
	>
>;

export type { PublicPerson } from "./people";

export interface PlaceholderSource {
	edition: PlaceholderEdition;
	/** The edition's public people; undefined when not loaded (only texts that use `{{committee}}` need them). */
	committee?: readonly PublicPerson[];
}

interface PlaceholderDef {
	name: string;
	/** What the editor's insert list says of it. */
	description: string;
	/** Its value for an edition; "" when the edition has none yet. */
	value: (source: PlaceholderSource) => string;
}

const DEFS = [
	{ name: "edition.name", description: "The edition's name", value: ({ edition }) => edition.name ?? "" },
	{
		name: "edition.year",
		description: "The edition's year",
		value: ({ edition }) => (edition.year === undefined ? "" : String(edition.year)),
	},
	{ name: "edition.city", description: "The city it takes place in", value: ({ edition }) => edition.city ?? "" },
	{
		name: "edition.dates",
		description: "The days of the event",
		value: ({ edition }) =>
			edition.startDate && edition.endDate ? formatDateRange(edition.startDate, edition.endDate) : "",
	},
	{ name: "host.name", description: "The host institution", value: ({ edition }) => edition.hostName ?? "" },
	{ name: "venue.name", description: "The venue", value: ({ edition }) => edition.venueName ?? "" },
	{
		name: "venue.address",
		description: "The venue's address, on one line",
		// One line: the value may stand inside a sentence, a title or a list item.
		value: ({ edition }) =>
			(edition.venueAddress ?? "")
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean)
				.join(", "),
	},
	{
		name: "contact.email",
		description: "The committee's contact address",
		value: ({ edition }) => edition.contactEmail ?? "",
	},
	{
		name: "committee",
		description:
			"The edition's public people by role (its committee list); on a line of its own in Markdown, a heading and list per role",
		value: ({ committee }) => (committee ? committeeText(committee) : ""),
	},
] as const satisfies readonly PlaceholderDef[];

export type Placeholder = (typeof DEFS)[number]["name"];
/** Every placeholder, with what the editor says of it, in the order the editor lists them. */
export const PLACEHOLDER_DEFS: readonly (PlaceholderDef & { name: Placeholder })[] = DEFS;
export const PLACEHOLDERS: readonly Placeholder[] = DEFS.map((d) => d.name);
/** An edition's value of every placeholder ("" for those it has none for yet). */
export type PlaceholderValues = Record<Placeholder, string>;

/** Anything written like a placeholder, known or not. */
const ANY_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);
const isKnown = (name: string): name is Placeholder => KNOWN.has(name);

/** The list as a sentence for messages: "{{edition.name}}, …, or {{committee}}". */
export const PLACEHOLDER_LIST = `${PLACEHOLDERS.slice(0, -1)
	.map((p) => `{{${p}}}`)
	.join(", ")} or {{${PLACEHOLDERS.at(-1)}}}`;

/**
 * The Markdown block `{{committee}}` becomes on a line of its own, per set of values. Kept beside
 * the values rather than in them, so code that lists the values (previews, the stale-fact guard)
 * still sees one line of text per placeholder.
 */
const committeeBlocks = new WeakMap<PlaceholderValues, string>();

/** The edition's values of the placeholders; `{{committee}}` only when `committee` (its public people) is given. */
export function placeholderValues(edition: PlaceholderEdition, committee?: readonly PublicPerson[]): PlaceholderValues {
	const source: PlaceholderSource = { edition, committee };
	const values = Object.fromEntries(DEFS.map((d) => [d.name, d.value(source)])) as PlaceholderValues;
	if (committee) committeeBlocks.set(values, committeeMarkdown(committee, markdownText));
	return values;
}

/** Does any of `texts` use `{{committee}}` (the one value that costs a query)? */
export const usesCommittee = (...texts: readonly string[]) =>
	texts.some((text) => [...text.matchAll(ANY_PLACEHOLDER)].some((m) => m[1] === "committee"));

/**
 * What a placeholder without a value becomes: "empty" on public pages and in mails (the sentence
 * reads without it), "keep" in committee previews and the editor's preview (left as written, so
 * the gap is seen and can be filled in the edition's settings).
 */
export type MissingValue = "empty" | "keep";

function substitute(
	text: string,
	values: PlaceholderValues,
	missing: MissingValue,
	asText: (value: string) => string,
	asWritten: (placeholder: string) => string = (placeholder) => placeholder,
): string {
	return text.replace(ANY_PLACEHOLDER, (whole, name: string) => {
		// Unknown names are refused when a text is saved; older texts may still hold one: shown as written.
		if (!isKnown(name)) return asWritten(whole);
		const value = values[name];
		if (value === "") return missing === "keep" ? asWritten(whole) : "";
		return asText(value);
	});
}

/**
 * `text` with its placeholders resolved, for plain text (a title, a feed, a mail): the caller's
 * output escapes as usual (JSX, XML, JSON, iCalendar).
 *
 * @example resolvePlaceholders("Welcome to {{edition.city}}", values) // "Welcome to Groningen"
 */
export function resolvePlaceholders(text: string, values: PlaceholderValues, missing: MissingValue = "empty"): string {
	return substitute(text, values, missing, (value) => value);
}

/** `{{committee}}` on a line of its own. */
const COMMITTEE_LINE = /^[ \t]*\{\{\s*committee\s*\}\}[ \t]*$/gm;

// Characters that can start Markdown syntax anywhere in a line, and entities.
const MARKDOWN_INLINE = /[\\`*_[\]<>!#|~(){}&]/g;

/**
 * A value as Markdown that reads as exactly its text: inline syntax and entities escaped, and a
 * leading list or heading marker too, in case the placeholder starts a line. So a venue named
 * `<b>` or `[x](javascript:…)` shows as written and never becomes markup or a link.
 */
export function markdownText(value: string): string {
	return value
		.replace(/\s*\n\s*/g, " ")
		.replace(MARKDOWN_INLINE, "\\$&")
		.replace(/^(\d+)([.)])/, "$1\\$2")
		.replace(/^([-+=])/, "\\$1");
}

/**
 * `markdown` with its placeholders resolved before it is rendered, every value escaped as text
 * (`markdownText`), so a value can never add Markdown or HTML of its own.
 *
 * @example resolveMarkdownPlaceholders("At the **{{venue.name}}**", values) // "At the **UMCG \\(Groningen\\)**"
 */
export function resolveMarkdownPlaceholders(
	markdown: string,
	values: PlaceholderValues,
	missing: MissingValue = "empty",
): string {
	const block = committeeBlocks.get(values);
	// Alone on its line, the committee is a heading and a list per role (its texts escaped in the block).
	const withBlocks = block ? markdown.replace(COMMITTEE_LINE, () => block) : markdown;
	return substitute(withBlocks, values, missing, markdownText, (placeholder) =>
		// Shown as written: its dots escaped too, or linkify would make `{{venue.name}}` a link to http://venue.name.
		markdownText(placeholder).replace(/\./g, "\\."),
	);
}

/** The known placeholders `texts` use that have no value yet, each once, in order. */
export function missingPlaceholders(values: PlaceholderValues, ...texts: readonly string[]): string[] {
	const missing = new Set<string>();
	for (const text of texts) {
		for (const match of text.matchAll(ANY_PLACEHOLDER)) {
			const name = match[1] ?? "";
			if (isKnown(name) && values[name] === "") missing.add(`{{${name}}}`);
		}
	}
	return [...missing];
}

/**
 * Fills the placeholders of a text written once (a checklist title, a survey prompt): the
 * texts nothing resolves later. Literal years and names stay as written, so what a clone changes
 * is predictable. A placeholder without a value (a draft with no city yet) stays, to be filled by
 * hand, and is reported in `unfilled`.
 *
 * @example fillPlaceholders("Book the venue in {{edition.city}}", values) // "Book the venue in Lisbon"
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, unfilled?: Set<string>): string {
	return text.replace(ANY_PLACEHOLDER, (whole, name: string) => {
		if (!isKnown(name)) return whole;
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
	const found = new Set<string>();
	for (const match of text.matchAll(ANY_PLACEHOLDER)) {
		if (!isKnown(match[1] ?? "")) found.add(match[0]);
	}
	return [...found];
}

/** The message of a text that holds unknown placeholders, or null when it holds none. */
export function placeholderProblem(text: string): string | null {
	const unknown = unknownPlaceholders(text);
	if (unknown.length === 0) return null;
	return `${unknown.join(", ")} ${unknown.length === 1 ? "is not a placeholder" : "are not placeholders"}: use ${PLACEHOLDER_LIST}.`;
}

/** A field message per text field of `data` named in `fields` that holds unknown placeholders. */
export function placeholderProblems(data: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const name of fields) {
		const value = data[name];
		const problem = typeof value === "string" ? placeholderProblem(value) : null;
		if (problem) problems[name] = problem;
	}
	return problems;
}
