/**
 * Who runs a series and its editions: a series' stewards, and each edition's committee (chair,
 * organizer, reviewer, mentor). Two rules keep them governable, enforced inside the writes so
 * concurrent requests cannot break them: a series always keeps a steward, an edition a chair.
 * Whoever loses a role here loses, in the same batch, the pending invitations it let them send.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, desc, eq, exists, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import { type EditionRole, editionMembers, editions, seriesStewards, users } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { revokeInvitationsOfFormerInviter } from "../invitations";

export interface Steward {
	userId: string;
	name: string;
	email: string;
	since: Date;
}

export interface CommitteeMember {
	userId: string;
	name: string;
	email: string;
	role: EditionRole;
	mentorUntil: string | null;
	since: Date;
}

/** Every edition of a series, drafts included, newest first: what its stewards look after. */
export const listSeriesEditions = (db: Database, seriesId: string) =>
	db.select().from(editions).where(eq(editions.seriesId, seriesId)).orderBy(desc(editions.year));

// ---------------------------------------------------------------------------------------------
// Stewards

function stewardsWhere(db: Database, where: SQL | undefined) {
	return db
		.select({ userId: seriesStewards.userId, name: users.name, email: users.email, since: seriesStewards.createdAt })
		.from(seriesStewards)
		.innerJoin(users, eq(users.id, seriesStewards.userId))
		.where(where);
}

/** A series' stewards by name. */
export const listStewards = (db: Database, seriesId: string) =>
	stewardsWhere(db, eq(seriesStewards.seriesId, seriesId)).orderBy(asc(users.name), asc(users.email));

const stewardOf = (seriesId: string, userId: string) =>
	and(eq(seriesStewards.seriesId, seriesId), eq(seriesStewards.userId, userId));

const otherSteward = alias(seriesStewards, "other_steward");

/** Removes a steward (possibly oneself); the last steward stays (422). */
export async function removeSteward(db: Database, input: { seriesId: string; userId: string }): Promise<void> {
	const { seriesId, userId } = input;
	const anotherSteward = exists(
		db
			.select({ one: sql`1` })
			.from(otherSteward)
			.where(and(eq(otherSteward.seriesId, seriesId), ne(otherSteward.userId, userId))),
	);
	const [[removed]] = await commit(
		db,
		[{ action: "series.steward.removed", id: userId, seriesId, of: 0 }],
		[
			db
				.delete(seriesStewards)
				.where(and(stewardOf(seriesId, userId), anotherSteward))
				.returning({ userId: seriesStewards.userId }),
			revokeInvitationsOfFormerInviter(db, userId),
		],
	);
	if (removed) return;
	if (!(await stewardsWhere(db, stewardOf(seriesId, userId)).get())) {
		throw new AppError(404, "not_found", "This person is not a steward of this series.");
	}
	throw new AppError(422, "last_steward", "A series always keeps a steward: invite another steward first.");
}

// ---------------------------------------------------------------------------------------------
// Edition committees

const ROLE_ORDER = sql`case ${editionMembers.role} when 'chair' then 0 when 'organizer' then 1 when 'reviewer' then 2 else 3 end`;

function committeeWhere(db: Database, where: SQL | undefined) {
	return db
		.select({
			userId: editionMembers.userId,
			name: users.name,
			email: users.email,
			role: editionMembers.role,
			mentorUntil: editionMembers.mentorUntil,
			since: editionMembers.createdAt,
		})
		.from(editionMembers)
		.innerJoin(users, eq(users.id, editionMembers.userId))
		.where(where);
}

/** An edition's committee: chairs, organizers, reviewers, then mentors, each by name. */
export const listCommittee = (db: Database, editionId: string) =>
	committeeWhere(db, eq(editionMembers.editionId, editionId)).orderBy(ROLE_ORDER, asc(users.name), asc(users.email));

const onCommittee = (editionId: string, userId: string) =>
	and(eq(editionMembers.editionId, editionId), eq(editionMembers.userId, userId));

export const findCommitteeMember = (
	db: Database,
	editionId: string,
	userId: string,
): Promise<CommitteeMember | undefined> => committeeWhere(db, onCommittee(editionId, userId)).get();

const otherMember = alias(editionMembers, "other_member");

/** The member row may stop being a chair: it is not one, or another chair exists. Checked by SQLite in the write. */
function keepsAChair(db: Database, editionId: string, userId: string) {
	return or(
		ne(editionMembers.role, "chair"),
		exists(
			db
				.select({ one: sql`1` })
				.from(otherMember)
				.where(
					and(eq(otherMember.editionId, editionId), eq(otherMember.role, "chair"), ne(otherMember.userId, userId)),
				),
		),
	);
}

const notOnCommittee = () => new AppError(404, "not_found", "This person is not on the committee.");
const lastChair = () =>
	new AppError(422, "last_chair", "An edition always keeps a chair: make another member chair first.");

/**
 * Changes a member's role and/or the last day of mentoring. A mentor needs that day; other roles
 * have none (it is cleared). The last chair cannot be demoted (422).
 */
export async function updateCommitteeMember(
	db: Database,
	input: { editionId: string; userId: string; role?: EditionRole; mentorUntil?: string | null },
): Promise<CommitteeMember> {
	const { editionId, userId } = input;
	const member = await findCommitteeMember(db, editionId, userId);
	if (!member) throw notOnCommittee();
	const role = input.role ?? member.role;
	let mentorUntil: string | null = null;
	if (role === "mentor") {
		mentorUntil = input.mentorUntil === undefined ? member.mentorUntil : input.mentorUntil;
		if (!mentorUntil) {
			throw new AppError(422, "mentor_until_missing", "A mentor needs a last day.", {
				mentorUntil: "Give the last day of mentoring.",
			});
		}
	} else if (input.mentorUntil) {
		throw new AppError(422, "mentor_until_not_mentor", "Only mentors have a last day.", {
			mentorUntil: "Only mentors have a last day: leave it empty.",
		});
	}
	const change = {
		action: "committee.member.updated",
		id: userId,
		editionId,
		after: { role, mentorUntil },
		of: 0,
	} as const;
	const [[updated]] = await commit(
		db,
		[change],
		[
			db
				.update(editionMembers)
				.set({ role, mentorUntil })
				.where(and(onCommittee(editionId, userId), role === "chair" ? undefined : keepsAChair(db, editionId, userId)))
				.returning({ userId: editionMembers.userId }),
			revokeInvitationsOfFormerInviter(db, userId),
		],
	);
	if (!updated) throw (await findCommitteeMember(db, editionId, userId)) ? lastChair() : notOnCommittee();
	return { ...member, role, mentorUntil };
}

/** Takes someone off the committee; the last chair stays (422). */
export async function removeCommitteeMember(db: Database, input: { editionId: string; userId: string }): Promise<void> {
	const { editionId, userId } = input;
	const [[removed]] = await commit(
		db,
		[{ action: "committee.member.removed", id: userId, editionId, of: 0 }],
		[
			db
				.delete(editionMembers)
				.where(and(onCommittee(editionId, userId), keepsAChair(db, editionId, userId)))
				.returning({ userId: editionMembers.userId }),
			revokeInvitationsOfFormerInviter(db, userId),
		],
	);
	if (removed) return;
	throw (await findCommitteeMember(db, editionId, userId)) ? lastChair() : notOnCommittee();
}
