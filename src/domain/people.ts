/**
 * The public people of an edition (organizing committee, advisory input, support…) as its texts
 * name them: the one place that decides how `{{committee}}` and the committee page read. Pure: the
 * rows are read by ./public-committee.ts.
 */
import { PERSON_ROLES, type PersonRole } from "../db/schema";

/** What the committee page calls each group, in PERSON_ROLES order. */
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
	organizing_committee: "Organizing committee",
	scientific_committee: "Scientific committee",
	advisory: "Advisory input",
	local_support: "Organization support",
};

/** A person as a public text names them. */
export interface PublicPerson {
	name: string;
	role: PersonRole;
	affiliation: string;
}

/** The people by role, in PERSON_ROLES order, each group in the order given; empty groups left out. */
export function peopleByRole(
	people: readonly PublicPerson[],
): { role: PersonRole; label: string; people: PublicPerson[] }[] {
	return PERSON_ROLES.map((role) => ({
		role,
		label: PERSON_ROLE_LABELS[role],
		people: people.filter((p) => p.role === role && p.name.trim() !== ""),
	})).filter((group) => group.people.length > 0);
}

const sentenceList = (names: readonly string[]) =>
	names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * The people as one line, for a title, a mail or a sentence:
 * "Organizing committee: A, B and C. Advisory input: D."
 */
export function committeeText(people: readonly PublicPerson[]): string {
	return peopleByRole(people)
		.map((group) => `${group.label}: ${sentenceList(group.people.map((p) => p.name.trim()))}.`)
		.join(" ");
}

/**
 * The people as Markdown blocks, a heading per role and a list of names (with their affiliation),
 * for a `{{committee}}` that stands on a line of its own. `asText` makes each name and affiliation
 * read as exactly its text (no markup of its own).
 */
export function committeeMarkdown(people: readonly PublicPerson[], asText: (text: string) => string): string {
	return peopleByRole(people)
		.map((group) => {
			const items = group.people.map((p) => {
				const affiliation = p.affiliation.trim();
				return `- ${asText(p.name.trim())}${affiliation ? `, ${asText(affiliation)}` : ""}`;
			});
			return `## ${asText(group.label)}\n\n${items.join("\n")}`;
		})
		.join("\n\n");
}
