/**
 * Demo accounts, one per role, for trying Baton locally. The credentials are local-only (they are
 * in the README): never load this seed into a deployed database.
 * Ids are fixed so that seeding again updates these rows instead of adding copies.
 */
import type { editionMembers, institutionMembers, institutions, seriesStewards, users } from "../../db/schema";
import { ainm2023, ainmSeries } from "./ainm";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** The one password of every demo account; long and uncommon enough for passwordProblem(). */
export const DEMO_PASSWORD = "baton-demo-2023";

// Fixed, so "verified" does not change on every seed run.
const VERIFIED_AT = new Date("2023-01-01T00:00:00Z");
const INSTITUTION_ID = "seed-institution-umcg";

const account = (role: string, name: string, affiliation: string): Omit<Row<typeof users>, "passwordHash"> => ({
	id: `seed-user-${role}`,
	email: `${role}@baton.test`,
	emailVerifiedAt: VERIFIED_AT,
	name,
	affiliation,
	country: "NL",
});

/** Without password hashes: seedDemo adds one hash, computed once per run, to every account. */
export const demoAccounts = [
	account("steward", "Demo Steward", "AINM steering committee"),
	account("chair", "Demo Chair", "University Medical Center Groningen"),
	account("organizer", "Demo Organizer", "University Medical Center Groningen"),
	account("reviewer", "Demo Reviewer", "University of Groningen"),
	account("mentor", "Demo Mentor", "AINM steering committee"),
	account("attendee", "Demo Attendee", "University of Groningen"),
	// Chair of the made-up demo series' editions (./demo-series.ts), so its console can be tried too.
	account("host", "Demo Host", "Demo University Hospital (fictional)"),
];

export const umcg: Row<typeof institutions> = {
	id: INSTITUTION_ID,
	slug: "umcg",
	name: "University Medical Center Groningen",
	city: "Groningen",
	country: "NL",
};

export const umcgMembers: Row<typeof institutionMembers>[] = [
	{ institutionId: INSTITUTION_ID, userId: "seed-user-chair", role: "owner" },
	{ institutionId: INSTITUTION_ID, userId: "seed-user-organizer", role: "member" },
];

export const ainmStewards: Row<typeof seriesStewards>[] = [{ seriesId: ainmSeries.id, userId: "seed-user-steward" }];

export const ainm2023Committee: Row<typeof editionMembers>[] = [
	{ editionId: ainm2023.id, userId: "seed-user-chair", role: "chair", mentorUntil: null },
	{ editionId: ainm2023.id, userId: "seed-user-organizer", role: "organizer", mentorUntil: null },
	{ editionId: ainm2023.id, userId: "seed-user-reviewer", role: "reviewer", mentorUntil: null },
	// Far in the future, so the demo mentor keeps read + comment access.
	{ editionId: ainm2023.id, userId: "seed-user-mentor", role: "mentor", mentorUntil: "2099-12-31" },
];
