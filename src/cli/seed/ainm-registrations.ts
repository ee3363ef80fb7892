/**
 * AINM 2023's registrations, all made up: the edition really had around 250 participants from
 * more than 20 countries (shared/seed-facts.md), so the statistics page shows that shape, but every
 * person here is invented (names from ./fictional-people.ts, addresses on reserved domains) and
 * nothing was paid (the price is not among the facts: 0, as the ticket's). Deterministic: the same
 * generator seed gives the same rows on every run, so seeding again changes nothing.
 */
import type { AudienceRole, registrations } from "../../db/schema";
import { EDITION_ID } from "./ainm";
import { AINM_2023_TICKET_ID } from "./ainm-site";
import { fictionalPeople, seededRandom } from "./fictional-people";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export const AINM_2023_REGISTRATION_COUNT = 252;

const DAY = 86_400_000;
/** Day 1 (9 October 2023) and the day registration opened (240 days before, as the ticket says). */
const DAY_ONE = Date.UTC(2023, 9, 9);
const OPENED = DAY_ONE - 240 * DAY;

/** The registration form's background answer (ainm-site.ts PROFESSIONAL_BACKGROUNDS) for a role. */
const BACKGROUND: Record<AudienceRole, string> = {
	clinician: "Clinician",
	physicist: "Physicist / engineer",
	engineer: "Physicist / engineer",
	student: "Student",
	industry: "Industry",
	other: "Researcher",
};

/**
 * When someone registered, as days after registration opened: a burst in the first weeks, a
 * steady trickle, and a rise in the two months before the event, the usual shape of a symposium.
 */
function registeredDay(random: () => number): number {
	const r = random();
	if (r < 0.2) return Math.floor(random() * 30);
	if (r < 0.6) return 30 + Math.floor(random() * 150);
	// Triangular towards the last days before registration closed (day 237).
	return 180 + Math.floor(Math.sqrt(random()) * 57);
}

export const ainm2023Registrations: Row<typeof registrations>[] = (() => {
	const random = seededRandom(2023_10_09);
	return fictionalPeople(random, AINM_2023_REGISTRATION_COUNT, "ainm").map((person, i) => {
		const at = new Date(OPENED + registeredDay(random) * DAY + (7 + Math.floor(random() * 14)) * 3_600_000);
		return {
			id: `seed-2023-registration-${i + 1}`,
			editionId: EDITION_ID,
			ticketTypeId: AINM_2023_TICKET_ID,
			userId: null,
			...person,
			answers: {
				"seed-2023-field-background": BACKGROUND[person.role],
				"seed-2023-field-country": person.country,
				"seed-2023-field-dinner": random() < 0.7,
			},
			status: "confirmed" as const,
			priceCents: 0,
			currency: "EUR",
			source: "self" as const,
			listConsent: random() < 0.4,
			confirmedAt: at,
			createdAt: at,
			updatedAt: at,
		};
	});
})();
