/**
 * Invitations to a role, one mechanism for all three scopes: an institution (admin / member), a
 * series (steward) and an edition committee (chair / organizer / reviewer / mentor).
 *
 * An invitation is a single-use, expiring link `/auth/invitations/<id>.<secret>` sent by email;
 * only SHA-256 of the secret is stored. Accepting it writes the membership and marks the
 * invitation used in one batch whose statements are both conditioned on the invitation still
 * being open, so two acceptances racing each other, or one racing a revocation, can never grant
 * a role twice or grant a withdrawn one.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq, exists, gt, inArray, isNull, not, or, type SQL, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "../../auth/secrets";
import type { AuditAction } from "../../db/audit-actions";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import {
	type EditionRole,
	editionMembers,
	editions,
	INVITATION_SCOPES,
	type InstitutionRole,
	type Invitation,
	type InvitationScope,
	institutionMembers,
	institutions,
	invitations,
	outbox,
	series,
	seriesStewards,
	type User,
	users,
} from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { describeOffer, longDateOf } from "../../domain/invitation-wording";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { overRateLimit, rateLimitGuard } from "../../lib/rate-limit";
import { invitationPath } from "../../urls";
import { invitationLimitError, invitationLimits } from "./limits";

/** An invitation link works for a week: long enough for a busy professor, short enough to go stale safely. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What an invitation grants a role in: an institution, a series or an edition. */
export interface InvitationTarget {
	scope: InvitationScope;
	id: string;
	name: string;
	/** The console page of its members, where an accepted invitation leads. */
	consoleUrl: string;
}

export const institutionTarget = (i: { id: string; name: string }): InvitationTarget => ({
	scope: "institution",
	id: i.id,
	name: i.name,
	consoleUrl: `/console/institutions/${i.id}`,
});

export const seriesTarget = (s: { id: string; name: string; slug: string }): InvitationTarget => ({
	scope: "series",
	id: s.id,
	name: s.name,
	consoleUrl: `/console/series/${s.slug}/stewards`,
});

export const editionTarget = (e: { id: string; name: string }): InvitationTarget => ({
	scope: "edition",
	id: e.id,
	name: e.name,
	consoleUrl: `/console/editions/${e.id}/committee`,
});

/** The subject of an invitation mail: never a name, which the inviting side chooses (see the mail's text). */
export const INVITATION_SUBJECTS: Record<InvitationScope, string> = {
	institution: "You are invited to join an institution on Baton",
	series: "You are invited to steward a conference series on Baton",
	edition: "You are invited to join a conference committee on Baton",
};

export interface CreateInvitationInput {
	target: InvitationTarget;
	/** Lowercased and trimmed by the schema that parsed it. */
	email: string;
	role: string;
	mentorUntil?: string | null;
	inviter: Pick<User, "id" | "name">;
	/** Origin of the platform host, e.g. `https://baton.example.org`: the email needs a full link. */
	baseUrl: string;
	now?: Date;
}

/**
 * Invites an address to a role and queues the email with the link, in one batch. A pending
 * invitation to the same address is withdrawn, so only the newest link works. Over one of the
 * invitation limits (./limits.ts) it is a 429 and nothing is written. Someone who
 * already holds a role there is a 422: change their role instead.
 */
export async function createInvitation(
	db: Database,
	input: CreateInvitationInput,
): Promise<{ invitation: Invitation; outboxId: string }> {
	const { target, email, role, inviter } = input;
	const now = input.now ?? new Date();
	if (input.mentorUntil && input.mentorUntil < now.toISOString().slice(0, 10)) {
		throw new AppError(422, "date_passed", "The last day of mentoring has passed.", {
			mentorUntil: "This day has passed: choose a day from today on.",
		});
	}
	if (await hasRole(db, target, email)) {
		throw new AppError(422, "already_member", `${email} already has a role here.`, {
			email: "This person already has a role here: change it in the list instead.",
		});
	}
	const secret = randomSecret();
	const invitation: Invitation = {
		id: newId(),
		scope: target.scope,
		targetId: target.id,
		email,
		role,
		mentorUntil: input.mentorUntil ?? null,
		secretHash: await sha256Hex(secret),
		invitedBy: inviter.id,
		expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
		acceptedAt: null,
		revokedAt: null,
		createdAt: now,
	};
	const token = `${invitation.id}.${secret}`;
	const offer = describeOffer({
		scope: target.scope,
		targetName: target.name,
		role,
		mentorUntil: invitation.mentorUntil,
	});
	const outboxId = newId();
	const send = { scope: target.scope, targetId: target.id, inviterId: inviter.id, email };
	const limits = rateLimitGuard(db, invitationLimits(send), now.getTime());
	// The invitation and its mail are written only if the inviter still holds the role that allows
	// them when the batch lands: a removal between the authorization and this write would otherwise
	// leave an invitation its own revocation (revokeInvitationsOfFormerInviter) ran too early to see.
	const inviterStillMay = inviterMay(db, inviter.id, target.scope, target.id);
	// The invitee's address stays out of the entry: it may belong to nobody with an account, so no
	// account deletion could clear it.
	const created: Change = {
		action: "invitation.invitation.created",
		id: invitation.id,
		...scopeOf(target.scope, target.id),
		after: { scope: target.scope, role, mentorUntil: invitation.mentorUntil, expiresAt: invitation.expiresAt },
		of: 1 + limits.length,
	};
	const [, ...rest] = await commit(
		db,
		[created],
		[
			db
				.update(invitations)
				.set({ revokedAt: now })
				.where(and(forTarget(target.scope, target.id), eq(invitations.email, email), pending(), inviterStillMay)),
			...limits,
			insertIf(db, invitations, invitation, inviterStillMay).returning({ id: invitations.id }),
			insertIf(
				db,
				outbox,
				{
					id: outboxId,
					to: email,
					// An edition's committee sees the invitations it sent on its Mail page.
					...(target.scope === "edition" ? { editionId: target.id } : {}),
					// Fixed words only: names are chosen by whoever invites, and the Subject is what a spammer wants.
					subject: INVITATION_SUBJECTS[target.scope],
					text: [
						"Hello,",
						"",
						`${inviter.name} invited you to ${offer} on Baton.`,
						"",
						`Accept the invitation: ${input.baseUrl}${invitationPath(token)}`,
						"",
						`The link works once and expires on ${longDateOf(invitation.expiresAt)}. If you have no Baton account yet, create one with this address (${email}) and open the link again.`,
						"",
						"If you did not expect this invitation, you can ignore this email.",
					].join("\n"),
				},
				exists(db.select({ one: sql`1` }).from(invitations).where(eq(invitations.id, invitation.id))),
			),
		],
	).catch(async (error) => {
		if (overRateLimit(error)) throw await invitationLimitError(db, send, now.getTime());
		throw error;
	});
	const inserted = rest[limits.length] as { id: string }[];
	if (inserted.length === 0) {
		throw new AppError(403, "forbidden", "You no longer have the role that allows this invitation.");
	}
	return { invitation, outboxId };
}

export interface PendingInvitation {
	id: string;
	email: string;
	role: string;
	mentorUntil: string | null;
	expiresAt: Date;
	createdAt: Date;
	invitedByName: string;
}

/** Open (not used, withdrawn or expired) invitations of a target, oldest first; a query, so pages can batch it. */
export function listPendingInvitations(db: Database, scope: InvitationScope, targetId: string, now = new Date()) {
	return db
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			mentorUntil: invitations.mentorUntil,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt,
			invitedByName: users.name,
		})
		.from(invitations)
		.innerJoin(users, eq(users.id, invitations.invitedBy))
		.where(and(forTarget(scope, targetId), pending(), gt(invitations.expiresAt, now)))
		.orderBy(asc(invitations.createdAt), asc(invitations.email));
}

/** Withdraws a pending invitation of this target; its link stops working at once. */
export async function revokeInvitation(
	db: Database,
	input: { scope: InvitationScope; targetId: string; invitationId: string; now?: Date },
): Promise<void> {
	const change: Change = {
		action: "invitation.invitation.revoked",
		id: input.invitationId,
		...scopeOf(input.scope, input.targetId),
		of: 0,
	};
	const [[revoked]] = await commit(
		db,
		[change],
		[
			db
				.update(invitations)
				.set({ revokedAt: input.now ?? new Date() })
				.where(and(eq(invitations.id, input.invitationId), forTarget(input.scope, input.targetId), pending()))
				.returning({ id: invitations.id }),
		],
	);
	if (!revoked) throw new AppError(404, "not_found", "There is no pending invitation with this id.");
}

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export interface FoundInvitation {
	invitation: Invitation;
	invitedByName: string;
	state: InvitationState;
}

/**
 * The invitation behind a token, whatever its state; undefined when the token is malformed,
 * unknown or carries the wrong secret (indistinguishable on purpose).
 */
export async function findInvitationByToken(
	db: Database,
	token: string,
	now = new Date(),
): Promise<FoundInvitation | undefined> {
	const parts = splitToken(token);
	if (!parts) return undefined;
	const row = await db
		.select({ invitation: invitations, invitedByName: users.name })
		.from(invitations)
		.innerJoin(users, eq(users.id, invitations.invitedBy))
		.where(eq(invitations.id, parts.id))
		.get();
	if (!row || !constantTimeEqual(await sha256Hex(parts.secret), row.invitation.secretHash)) return undefined;
	return { ...row, state: invitationState(row.invitation, now) };
}

function invitationState(invitation: Invitation, now: Date): InvitationState {
	if (invitation.acceptedAt) return "accepted";
	if (invitation.revokedAt) return "revoked";
	if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
	return "open";
}

const UNAVAILABLE_MESSAGES: Record<Exclude<InvitationState, "open">, [code: string, message: string]> = {
	accepted: ["invitation_used", "This invitation has already been used."],
	revoked: [
		"invitation_revoked",
		"This invitation was withdrawn. Its sender took it back or no longer has the role that allowed it. Ask for a new one if you still need it.",
	],
	expired: ["invitation_expired", "This invitation has expired. Ask the person who invited you for a new one."],
};

/** Why an invitation in a given state cannot be accepted: 410, the link is gone for good. */
function invitationUnavailable(state: Exclude<InvitationState, "open">): AppError {
	const [code, message] = UNAVAILABLE_MESSAGES[state];
	return new AppError(410, code, message);
}

const invalidInvitationLink = () =>
	new AppError(404, "invitation_not_found", "This invitation link is not valid. Check that you copied the whole link.");

/** The institution, series or edition an invitation is for; undefined when it no longer exists. */
export async function findInvitationTarget(
	db: Database,
	scope: InvitationScope,
	targetId: string,
): Promise<InvitationTarget | undefined> {
	switch (scope) {
		case "institution": {
			const row = await db
				.select({ id: institutions.id, name: institutions.name })
				.from(institutions)
				.where(eq(institutions.id, targetId))
				.get();
			return row && institutionTarget(row);
		}
		case "series": {
			const row = await db
				.select({ id: series.id, name: series.name, slug: series.slug })
				.from(series)
				.where(eq(series.id, targetId))
				.get();
			return row && seriesTarget(row);
		}
		case "edition": {
			const row = await db
				.select({ id: editions.id, name: editions.name })
				.from(editions)
				.where(eq(editions.id, targetId))
				.get();
			return row && editionTarget(row);
		}
	}
}

/**
 * The open invitation behind a token and what it is for. Throws 404 for a link that is not
 * valid, 410 for one that was used, withdrawn or has expired, or whose target no longer exists.
 */
export async function findOpenInvitation(
	db: Database,
	token: string,
	now = new Date(),
): Promise<{ found: FoundInvitation; target: InvitationTarget }> {
	const found = await findInvitationByToken(db, token, now);
	if (!found) throw invalidInvitationLink();
	if (found.state !== "open") throw invitationUnavailable(found.state);
	const target = await findInvitationTarget(db, found.invitation.scope, found.invitation.targetId);
	if (!target) throw new AppError(410, "invitation_target_gone", "What this invitation was for no longer exists.");
	return { found, target };
}

/**
 * Accepts an invitation for the signed-in user: the token must be open and addressed to the
 * user's (verified) email. Someone who already holds a role there keeps it: the invitation is
 * used up and nothing else changes.
 *
 * @example await acceptInvitation(db, { token, user }) // { target: { consoleUrl: "/console/institutions/…" }, … }
 */
export async function acceptInvitation(
	db: Database,
	input: { token: string; user: Pick<User, "id" | "email" | "emailVerifiedAt">; now?: Date },
): Promise<{ invitation: Invitation; target: InvitationTarget }> {
	const now = input.now ?? new Date();
	const {
		found: { invitation },
		target,
	} = await findOpenInvitation(db, input.token, now);
	if (invitation.email !== input.user.email.toLowerCase()) {
		throw new AppError(
			403,
			"invitation_wrong_address",
			"This invitation was sent to another address. Sign in with the address it was sent to.",
		);
	}
	// Holding the link proves the mailbox, but the account must prove it too: otherwise an
	// unconfirmed sign-up could take over an address's roles.
	if (!input.user.emailVerifiedAt) {
		throw new AppError(
			403,
			"email_unverified",
			"Confirm your email address first (use the link we sent you), then open this invitation again.",
		);
	}
	// Done by the invitee (the handle may not be bound yet: accepting right after signing in).
	const scope = scopeOf(invitation.scope, invitation.targetId);
	const granted = { role: invitation.role, mentorUntil: invitation.mentorUntil };
	const changes: Change[] = [
		{
			action: MEMBER_ADDED[invitation.scope],
			id: input.user.id,
			...scope,
			after: granted,
			actorId: input.user.id,
			of: 0,
		},
		{ action: "invitation.invitation.accepted", id: invitation.id, ...scope, actorId: input.user.id, of: 1 },
	];
	const [, accepted] = await commit(db, changes, [
		roleGrant(db, invitation, input.user.id, now),
		db
			.update(invitations)
			.set({ acceptedAt: now })
			.where(and(eq(invitations.id, invitation.id), open(now)))
			.returning({ id: invitations.id }),
	]);
	// Another request used or withdrew it between our read and this write: neither statement ran.
	if (accepted.length === 0) throw invitationUnavailable("accepted");
	return { invitation: { ...invitation, acceptedAt: now }, target };
}

/** Where an entry about an invitation (or the role it grants) is filed: its target's scope. */
function scopeOf(scope: InvitationScope, targetId: string): Pick<Change, "editionId" | "seriesId" | "institutionId"> {
	if (scope === "institution") return { institutionId: targetId };
	if (scope === "series") return { seriesId: targetId };
	return { editionId: targetId };
}

const MEMBER_ADDED = {
	institution: "institution.member.added",
	series: "series.steward.added",
	edition: "committee.member.added",
} as const satisfies Record<InvitationScope, AuditAction>;

/**
 * The insert that grants the invited role, written as `insert … select … from invitations where
 * <still open>` so it runs only if the acceptance in the same batch does. An existing role is kept.
 */
function roleGrant(db: Database, invitation: Invitation, userId: string, now: Date) {
	const stillOpen = and(eq(invitations.id, invitation.id), open(now));
	// Selected expressions need aliases in drizzle; the insert maps them by position.
	const user = sql<string>`${userId}`.as("user_id");
	const createdAt = sql<Date>`${now.getTime()}`.as("created_at");
	switch (invitation.scope) {
		case "institution":
			return db
				.insert(institutionMembers)
				.select(
					db
						.select({
							institutionId: invitations.targetId,
							userId: user,
							role: sql<InstitutionRole>`${invitations.role}`.as("role"),
							createdAt,
						})
						.from(invitations)
						.where(stillOpen),
				)
				.onConflictDoNothing();
		case "series":
			return db
				.insert(seriesStewards)
				.select(
					db.select({ seriesId: invitations.targetId, userId: user, createdAt }).from(invitations).where(stillOpen),
				)
				.onConflictDoNothing();
		case "edition":
			return db
				.insert(editionMembers)
				.select(
					db
						.select({
							editionId: invitations.targetId,
							userId: user,
							role: sql<EditionRole>`${invitations.role}`.as("role"),
							mentorUntil: invitations.mentorUntil,
							createdAt,
						})
						.from(invitations)
						.where(stillOpen),
				)
				.onConflictDoNothing();
	}
}

/** The table holding each scope's roles, with its target and user columns. */
const ROLE_TABLES = {
	institution: {
		table: institutionMembers,
		targetId: institutionMembers.institutionId,
		userId: institutionMembers.userId,
	},
	series: { table: seriesStewards, targetId: seriesStewards.seriesId, userId: seriesStewards.userId },
	edition: { table: editionMembers, targetId: editionMembers.editionId, userId: editionMembers.userId },
} as const;

/** True when the address already holds a role in the target. */
async function hasRole(db: Database, target: InvitationTarget, email: string): Promise<boolean> {
	const roles = ROLE_TABLES[target.scope];
	const row = await db
		.select({ id: users.id })
		.from(roles.table)
		.innerJoin(users, eq(users.id, roles.userId))
		.where(and(eq(roles.targetId, target.id), eq(users.email, email)))
		.get();
	return Boolean(row);
}

/**
 * The statement that withdraws the pending invitations `userId` sent and may no longer send: batch
 * it after every write that takes a role away (removal, demotion, leaving), so an invitation never
 * outlives its inviter's right to make it. Evaluated after the role change in the same batch, so it
 * sees the new roles. Who may invite mirrors the policy (src/auth/policy.ts): `institution.invite`
 * (owners and admins), `series.manage_stewards` (stewards), `edition.manage_committee` (chairs and
 * the series' stewards); test/features/invitations/inviter-roles.test.ts holds the two together.
 */
export function revokeInvitationsOfFormerInviter(db: Database, userId: string, now = new Date()) {
	const stillInvites = or(
		...INVITATION_SCOPES.map((scope) =>
			and(eq(invitations.scope, scope), inviterMay(db, userId, scope, invitations.targetId)),
		),
	);
	return db
		.update(invitations)
		.set({ revokedAt: now })
		.where(and(eq(invitations.invitedBy, userId), pending(), not(stillInvites ?? sql`0`)))
		.returning({ id: invitations.id });
}

/**
 * The SQL condition "`userId` may send invitations to `targetId` of `scope`", as the policy says
 * (see revokeInvitationsOfFormerInviter): evaluated by SQLite inside a batch, so it sees the roles
 * as they are when the write lands, not as they were when the request was authorized.
 */
function inviterMay(db: Database, userId: string, scope: InvitationScope, targetId: string | AnySQLiteColumn) {
	switch (scope) {
		case "institution":
			return exists(
				db
					.select({ one: sql`1` })
					.from(institutionMembers)
					.where(
						and(
							eq(institutionMembers.institutionId, targetId),
							eq(institutionMembers.userId, userId),
							inArray(institutionMembers.role, ["owner", "admin"]),
						),
					),
			);
		case "series":
			return exists(
				db
					.select({ one: sql`1` })
					.from(seriesStewards)
					.where(and(eq(seriesStewards.seriesId, targetId), eq(seriesStewards.userId, userId))),
			);
		case "edition":
			return or(
				exists(
					db
						.select({ one: sql`1` })
						.from(editionMembers)
						.where(
							and(
								eq(editionMembers.editionId, targetId),
								eq(editionMembers.userId, userId),
								eq(editionMembers.role, "chair"),
							),
						),
				),
				exists(
					db
						.select({ one: sql`1` })
						.from(seriesStewards)
						.innerJoin(editions, eq(editions.seriesId, seriesStewards.seriesId))
						.where(and(eq(editions.id, targetId), eq(seriesStewards.userId, userId))),
				),
			) as SQL;
	}
}

const forTarget = (scope: InvitationScope, targetId: string) =>
	and(eq(invitations.scope, scope), eq(invitations.targetId, targetId));

/** Neither used nor withdrawn (it may have expired). */
const pending = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** Pending and not expired: the only state in which an invitation can be accepted. */
const open = (now: Date) => and(pending(), gt(invitations.expiresAt, now));
