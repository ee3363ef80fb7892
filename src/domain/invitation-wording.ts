/**
 * How Baton names roles and offers in emails and pages, in one place so the invitation email,
 * the accept page and the console say the same thing.
 */
import type { InvitationScope } from "../db/schema";
import { formatDateRange } from "../lib/dates";

const ROLE_WITH_ARTICLE: Record<string, string> = {
	owner: "an owner",
	admin: "an admin",
	member: "a member",
	steward: "a steward",
	chair: "a chair",
	organizer: "an organizer",
	reviewer: "a reviewer",
	mentor: "a mentor",
};

/** "Admin" for "admin": a role as a table cell or badge shows it. */
export const roleLabel = (role: string) => role.charAt(0).toUpperCase() + role.slice(1);

/** "31 December 2099" for `2099-12-31` (a range of one day is written as that day). */
export const longDate = (isoDay: string) => formatDateRange(isoDay, isoDay);

/** The calendar day (UTC) of an instant, written out: when an invitation expires. */
export const longDateOf = (instant: Date) => longDate(instant.toISOString().slice(0, 10));

export interface Offer {
	scope: InvitationScope;
	/** The institution, series or edition name. */
	targetName: string;
	role: string;
	mentorUntil?: string | null;
}

/**
 * What an invitation offers, as the rest of a sentence.
 *
 * @example describeOffer({ scope: "edition", targetName: "AINM 2025", role: "mentor", mentorUntil: "2025-12-31" })
 * // "join the committee of AINM 2025 as a mentor (read and comment until 31 December 2025)"
 */
export function describeOffer({ scope, targetName, role, mentorUntil }: Offer): string {
	const asRole = `as ${ROLE_WITH_ARTICLE[role] ?? role}`;
	switch (scope) {
		case "institution":
			return `join ${targetName} ${asRole}`;
		case "series":
			return `become a steward of ${targetName}`;
		case "edition":
			return role === "mentor" && mentorUntil
				? `join the committee of ${targetName} ${asRole} (read and comment until ${longDate(mentorUntil)})`
				: `join the committee of ${targetName} ${asRole}`;
	}
}
