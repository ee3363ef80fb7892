/**
 * Institutions and their members: owners, admins and members. The rule that matters most, "an
 * institution always keeps an owner", is enforced inside the writes themselves (a demotion or a
 * removal of an owner only happens where another owner exists), so concurrent requests cannot
 * leave an institution without one. A member who loses the right to invite (removed, demoted,
 * leaving) loses their pending invitations in the same batch.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq, exists, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Action } from "../../auth/policy";
import type { Database } from "../../db/client";
import { type Institution, type InstitutionRole, institutionMembers, institutions, users } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { revokeInvitationsOfFormerInviter } from "../invitations";
import type { CreateInstitutionInput, InstitutionMember, UpdateInstitutionInput } from "./schemas";

const memberOf = (institutionId: string, userId: string) =>
	and(eq(institutionMembers.institutionId, institutionId), eq(institutionMembers.userId, userId));

/** The institutions a user belongs to, with their role, by name; a query, so the dashboard can batch it. */
export function listMyInstitutions(db: Database, userId: string) {
	return db
		.select({ institution: institutions, role: institutionMembers.role })
		.from(institutionMembers)
		.innerJoin(institutions, eq(institutions.id, institutionMembers.institutionId))
		.where(eq(institutionMembers.userId, userId))
		.orderBy(asc(institutions.name));
}

/** The institution row as a query, so a page can batch it with its members. */
export const findInstitution = (db: Database, id: string) =>
	db.select().from(institutions).where(eq(institutions.id, id));

const ROLE_ORDER = sql`case ${institutionMembers.role} when 'owner' then 0 when 'admin' then 1 else 2 end`;

function membersWhere(db: Database, where: SQL | undefined) {
	return db
		.select({
			userId: institutionMembers.userId,
			name: users.name,
			email: users.email,
			role: institutionMembers.role,
			joinedAt: institutionMembers.createdAt,
		})
		.from(institutionMembers)
		.innerJoin(users, eq(users.id, institutionMembers.userId))
		.where(where);
}

/** Members with their names and addresses: owners first, then admins, then members, by name. */
export const listInstitutionMembers = (db: Database, institutionId: string) =>
	membersWhere(db, eq(institutionMembers.institutionId, institutionId)).orderBy(
		ROLE_ORDER,
		asc(users.name),
		asc(users.email),
	);

export const findInstitutionMember = (
	db: Database,
	institutionId: string,
	userId: string,
): Promise<InstitutionMember | undefined> => membersWhere(db, memberOf(institutionId, userId)).get();

/**
 * Creates an institution with its creator as owner, in one batch. A taken slug is a 409 the form
 * shows beside the slug field; then nothing is written.
 */
export async function createInstitution(
	db: Database,
	input: { institution: CreateInstitutionInput; ownerId: string },
): Promise<Institution> {
	const id = newId();
	const after = { ...input.institution };
	const [[created]] = await commit(
		db,
		// `of: 0`: a taken slug writes nothing, and so records nothing.
		[{ action: "institution.institution.created", id, institutionId: id, after, of: 0 }],
		[
			db
				.insert(institutions)
				.values({ id, ...input.institution })
				.onConflictDoNothing()
				.returning(),
			// Runs only if the institution row above was written (`select … from institutions where id = ?`).
			db.insert(institutionMembers).select(
				db
					.select({
						institutionId: institutions.id,
						userId: sql<string>`${input.ownerId}`.as("user_id"),
						role: sql<InstitutionRole>`'owner'`.as("role"),
						createdAt: institutions.createdAt,
					})
					.from(institutions)
					.where(eq(institutions.id, id)),
			),
		],
	);
	if (!created) throw new AppError(409, "slug_taken", "That short address is taken.", { slug: "This slug is taken." });
	return created;
}

export async function updateInstitution(
	db: Database,
	input: { id: string; patch: UpdateInstitutionInput },
): Promise<Institution> {
	const change = {
		action: "institution.institution.updated",
		id: input.id,
		institutionId: input.id,
		after: input.patch,
	} as const;
	const [[updated]] = await commit(
		db,
		[change],
		[db.update(institutions).set(input.patch).where(eq(institutions.id, input.id)).returning()],
	);
	if (!updated) throw new AppError(404, "not_found", "This does not exist.");
	return updated;
}

/**
 * The policy action a change to a member needs: touching an owner (changing or removing one, or
 * making someone owner) is for owners; other members are managed by owners and admins.
 */
export function memberChangeAction(current: InstitutionRole, next?: InstitutionRole): Action {
	return current === "owner" || next === "owner" ? "institution.manage_owners" : "institution.manage_members";
}

const otherMember = alias(institutionMembers, "other_member");

/**
 * The condition under which a member row may lose its owner role: it is not an owner, or
 * another owner of the institution exists. Evaluated by SQLite in the same statement as the write.
 */
function keepsAnOwner(db: Database, institutionId: string, userId: string) {
	return or(
		ne(institutionMembers.role, "owner"),
		exists(
			db
				.select({ one: sql`1` })
				.from(otherMember)
				.where(
					and(
						eq(otherMember.institutionId, institutionId),
						eq(otherMember.role, "owner"),
						ne(otherMember.userId, userId),
					),
				),
		),
	);
}

const lastOwner = (who: "you" | "them") =>
	new AppError(
		422,
		"last_owner",
		who === "you"
			? "You are the last owner: make another member owner first."
			: "An institution always keeps an owner: make another member owner first.",
	);

const notMember = () => new AppError(404, "not_found", "This person is not a member of this institution.");

/** Changes a member's role; the last owner cannot be demoted (422). */
export async function changeMemberRole(
	db: Database,
	input: { institutionId: string; userId: string; role: InstitutionRole },
): Promise<void> {
	const { institutionId, userId, role } = input;
	const change = { action: "institution.member.updated", id: userId, institutionId, after: { role } } as const;
	const [[updated]] = await commit(
		db,
		[change],
		[
			db
				.update(institutionMembers)
				.set({ role })
				.where(
					and(memberOf(institutionId, userId), role === "owner" ? undefined : keepsAnOwner(db, institutionId, userId)),
				)
				.returning({ userId: institutionMembers.userId }),
			revokeInvitationsOfFormerInviter(db, userId),
		],
	);
	if (updated) return;
	throw (await findInstitutionMember(db, institutionId, userId)) ? lastOwner("them") : notMember();
}

/** Removes a member (or, with `self`, the member leaves); the last owner cannot go (422). */
export async function removeMember(
	db: Database,
	input: { institutionId: string; userId: string; self?: boolean },
): Promise<void> {
	const { institutionId, userId } = input;
	const change = { action: "institution.member.removed", id: userId, institutionId } as const;
	const [[removed]] = await commit(
		db,
		[change],
		[
			db
				.delete(institutionMembers)
				.where(and(memberOf(institutionId, userId), keepsAnOwner(db, institutionId, userId)))
				.returning({ userId: institutionMembers.userId }),
			revokeInvitationsOfFormerInviter(db, userId),
		],
	);
	if (removed) return;
	throw (await findInstitutionMember(db, institutionId, userId)) ? lastOwner(input.self ? "you" : "them") : notMember();
}

/**
 * Hands ownership from one owner to another member: the member becomes owner, the old owner
 * becomes admin. One batch of two updates, each conditioned on the other's precondition (the old
 * owner still owns; the new owner now does), so both happen or neither does.
 */
export async function transferOwnership(
	db: Database,
	input: { institutionId: string; fromUserId: string; toUserId: string },
): Promise<void> {
	const { institutionId, fromUserId, toUserId } = input;
	if (fromUserId === toUserId) {
		throw new AppError(422, "same_owner", "Choose another member.", { userId: "Choose another member." });
	}
	if (!(await findInstitutionMember(db, institutionId, toUserId))) {
		throw new AppError(422, "not_a_member", "Only a member can become owner.", {
			userId: "Only a member can become owner: invite them first.",
		});
	}
	const holds = (userId: string) =>
		exists(
			db
				.select({ one: sql`1` })
				.from(otherMember)
				.where(
					and(
						eq(otherMember.institutionId, institutionId),
						eq(otherMember.userId, userId),
						eq(otherMember.role, "owner"),
					),
				),
		);
	const changes = [
		{ action: "institution.member.updated", id: toUserId, institutionId, after: { role: "owner" } },
		{ action: "institution.member.updated", id: fromUserId, institutionId, after: { role: "admin" } },
	] as const;
	const [, demoted] = await commit(db, changes, [
		db
			.update(institutionMembers)
			.set({ role: "owner" })
			.where(and(memberOf(institutionId, toUserId), holds(fromUserId))),
		db
			.update(institutionMembers)
			.set({ role: "admin" })
			.where(and(memberOf(institutionId, fromUserId), eq(institutionMembers.role, "owner"), holds(toUserId)))
			.returning({ userId: institutionMembers.userId }),
	]);
	if (demoted.length === 0) throw new AppError(422, "not_owner", "Only an owner can hand over ownership.");
}
