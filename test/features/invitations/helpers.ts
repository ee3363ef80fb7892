/**
 * Arrange helpers for the institution, committee, invitation and console tests: users with a
 * chosen address, institutions with members in given roles, API tokens, invitation links from
 * the outbox, and row counts for "nothing was written".
 */
import { env } from "cloudflare:workers";
import { sha256Hex } from "../../../src/auth/secrets";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import {
	apiTokens,
	type EditionRole,
	editionMembers,
	editions,
	type InstitutionRole,
	institutionMembers,
	series,
	seriesStewards,
	users,
} from "../../../src/db/schema";
import { createInstitution } from "../../../src/features/institutions/institutions";
import { newId } from "../../../src/lib/ids";
import { createTestUser, mailsTo, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";

/** A user with exactly this address (e.g. the one an invitation went to) and a session. */
export async function createUserWithEmail(email: string, { verified = true } = {}): Promise<TestUser> {
	const id = newId();
	const db = testDb();
	await db
		.insert(users)
		.values({ id, email, name: `Test ${email}`, country: "NL", emailVerifiedAt: verified ? new Date() : null });
	return { id, email, name: `Test ${email}`, cookie: `${SESSION_COOKIE}=${await createSession(db, id)}` };
}

/** A fresh address nobody has used in this test file. */
export const freshEmail = (label: string) => `${label}-${newId().slice(0, 8)}@example.org`;

/** The token of the newest invitation link mailed to `email`. */
export async function invitationToken(email: string): Promise<string> {
	const token = (await mailsTo(email))
		.map((mail) => /\/auth\/invitations\/(\S+)/.exec(mail.text)?.[1])
		.filter((found) => found !== undefined)
		.at(-1);
	if (!token) throw new Error(`no invitation mailed to ${email}`);
	return token;
}

export interface TestInstitution {
	id: string;
	slug: string;
	owner: TestUser;
	admin: TestUser;
	member: TestUser;
}

/** An institution with one owner, one admin and one member (each a fresh user with a session). */
export async function createTestInstitution(label = "inst"): Promise<TestInstitution> {
	const [owner, admin, member] = await Promise.all([
		createTestUser(`${label}-owner`),
		createTestUser(`${label}-admin`),
		createTestUser(`${label}-member`),
	]);
	const slug = `${label}-${newId().slice(0, 8)}`;
	const db = testDb();
	const { id } = await createInstitution(db, {
		institution: { slug, name: `Institution ${label}`, city: "Groningen", country: "NL" },
		ownerId: owner.id,
	});
	await db.insert(institutionMembers).values([
		{ institutionId: id, userId: admin.id, role: "admin" },
		{ institutionId: id, userId: member.id, role: "member" },
	]);
	return { id, slug, owner, admin, member };
}

/** Gives a user a role in an institution. */
export const addInstitutionMember = (institutionId: string, userId: string, role: InstitutionRole) =>
	testDb().insert(institutionMembers).values({ institutionId, userId, role });

let nextYear = 2101;

/** A series of its own with the given stewards; returns its slug and id. */
export async function createTestSeries(stewardIds: string[]): Promise<{ id: string; slug: string }> {
	const id = newId();
	const slug = `series-${id.slice(0, 8)}`;
	const db = testDb();
	await db.insert(series).values({ id, slug, name: `Series ${slug}`, shortName: slug.slice(0, 12) });
	if (stewardIds.length > 0)
		await db.insert(seriesStewards).values(stewardIds.map((userId) => ({ seriesId: id, userId })));
	return { id, slug };
}

/** An edition (a draft unless told) of the seeded AINM series (run `seed()` first) or of another series. */
export async function createTestEdition(
	status: "draft" | "published" = "draft",
	seriesId = "seed-series-ainm",
): Promise<string> {
	const id = newId();
	await testDb()
		.insert(editions)
		.values({
			id,
			seriesId,
			// Years are unique per series: a counter shared by every test file of this test worker.
			year: nextYear++,
			name: `AINM test ${id.slice(0, 4)}`,
			startDate: "2025-10-06",
			endDate: "2025-10-08",
			timeZone: "Europe/Amsterdam",
			status,
		});
	return id;
}

/** Gives a user a committee role. */
export const addCommitteeMember = (editionId: string, userId: string, role: EditionRole, mentorUntil?: string) =>
	testDb()
		.insert(editionMembers)
		.values({ editionId, userId, role, mentorUntil: mentorUntil ?? null });

/** A new user (with a session) who holds `role` in the edition's committee. */
export async function createCommitteeMember(
	editionId: string,
	role: EditionRole,
	label: string,
	mentorUntil?: string,
): Promise<TestUser> {
	const user = await createTestUser(label);
	await addCommitteeMember(editionId, user.id, role, mentorUntil);
	return user;
}

/** A personal API token for a user, as `Authorization: Bearer` takes it. */
export async function createApiToken(
	userId: string,
	scope: { access: "read" | "write"; institutionId?: string; editionId?: string },
): Promise<string> {
	const id = newId();
	const secret = newId().replaceAll("-", "");
	await testDb()
		.insert(apiTokens)
		.values({
			id,
			userId,
			name: "test",
			secretHash: await sha256Hex(secret),
			access: scope.access,
			institutionId: scope.institutionId ?? null,
			editionId: scope.editionId ?? null,
			expiresAt: new Date(Date.now() + 86_400_000),
		});
	return `baton_${id}.${secret}`;
}

/** Rows of a table matching a condition: the "nothing was written" check. */
export async function countRows(table: string, where = "1 = 1", ...binds: unknown[]): Promise<number> {
	const row = await env.DB.prepare(`select count(*) as n from ${table} where ${where}`)
		.bind(...binds)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

/** The role of a user in an institution, or null. */
export async function institutionRole(institutionId: string, userId: string): Promise<string | null> {
	const row = await env.DB.prepare("select role from institution_members where institution_id = ? and user_id = ?")
		.bind(institutionId, userId)
		.first<{ role: string }>();
	return row?.role ?? null;
}

/** Every member of an institution as `{ userId: role }`. */
export async function institutionRoles(institutionId: string): Promise<Record<string, string>> {
	const { results } = await env.DB.prepare("select user_id, role from institution_members where institution_id = ?")
		.bind(institutionId)
		.all<{ user_id: string; role: string }>();
	return Object.fromEntries(results.map((r) => [r.user_id, r.role]));
}
