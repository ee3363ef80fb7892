/**
 * Single-use, expiring secrets sent by email: verification, sign-in links, password resets and
 * email changes. Like sessions, a token is `<id>.<secret>` and D1 keeps only SHA-256 of the secret.
 *
 * Redeeming is one batch (D1 runs a batch as one transaction, and no other write interleaves):
 * every effect is guarded by "this token is still live", and the last statement marks the token
 * used. Either all of it happens, once, or nothing does: a second click, a replay or a race changes
 * nothing.
 */
import { and, eq, exists, gt, isNull, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "../../auth/secrets";
import type { AuditAction } from "../../db/audit-actions";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import { type EmailTokenPurpose, emailTokens, users } from "../../db/schema";
import { type Change, commitAll } from "../../db/write";
import { AppError } from "../../lib/errors";

/** How long each kind of link works: sign-in links are short because they are a password. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
	verify_email: 24 * 60 * 60 * 1000,
	sign_in: 15 * 60 * 1000,
	reset_password: 60 * 60 * 1000,
	change_email: 24 * 60 * 60 * 1000,
	// Outlives the 24-hour hold on purpose: a late click still registers, taking a seat again.
	register: 7 * 24 * 60 * 60 * 1000,
};

/** A token that was valid when looked up; redeemEmailToken() re-checks it atomically. */
export interface LiveEmailToken {
	id: string;
	purpose: EmailTokenPurpose;
	userId: string;
	/** The address the link was sent to (the new address for change_email). */
	email: string;
}

export type EmailTokenLookup = { status: "live"; token: LiveEmailToken } | { status: "invalid" | "expired" | "used" };

/**
 * A new token for a user and the insert that stores it, to batch with the outbox row that carries
 * the link.
 *
 * @example const { token, insert } = await issueEmailToken(db, { purpose: "sign_in", userId, email });
 */
export async function issueEmailToken(
	db: Database,
	input: { purpose: EmailTokenPurpose; userId: string; email: string },
	now = new Date(),
) {
	const id = randomSecret();
	const secret = randomSecret();
	const insert = db.insert(emailTokens).values({
		id,
		...input,
		secretHash: await sha256Hex(secret),
		expiresAt: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS[input.purpose]),
		createdAt: now,
	});
	return { token: `${id}.${secret}`, insert };
}

/**
 * What a presented token is: live, or why not. A wrong secret, another purpose or a link sent to
 * an address the account no longer has are all "invalid", so a guessed id learns nothing.
 */
export async function findEmailToken(
	db: Database,
	presented: string,
	purpose: EmailTokenPurpose,
	now = new Date(),
): Promise<EmailTokenLookup> {
	const parts = splitToken(presented);
	if (!parts) return { status: "invalid" };
	const row = await db
		.select({ token: emailTokens, currentEmail: users.email })
		.from(emailTokens)
		.innerJoin(users, eq(users.id, emailTokens.userId))
		.where(eq(emailTokens.id, parts.id))
		.get();
	if (!row || !constantTimeEqual(await sha256Hex(parts.secret), row.token.secretHash)) return { status: "invalid" };
	const { token } = row;
	if (token.purpose !== purpose) return { status: "invalid" };
	// Links other than an email change go to the account's address; after a change the old ones die.
	if (purpose !== "change_email" && token.email !== row.currentEmail) return { status: "invalid" };
	if (token.usedAt) return { status: "used" };
	if (token.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
	return { status: "live", token: { id: token.id, purpose, userId: token.userId, email: token.email } };
}

const tokenIsLive = (id: string, now: Date) =>
	and(eq(emailTokens.id, id), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now));

/** What redeemEmailToken() hands to the caller to build guarded effects. */
export interface Redemption {
	/** SQL condition to add to every update or delete of the redemption. */
	live: SQL;
	/** An insert of `row` into `table` that happens only while the token is live (and `also` holds). */
	insertWhileLive: <T extends SQLiteTable>(table: T, row: T["$inferInsert"], also?: SQL) => BatchItem<"sqlite">;
}

type Effects = (redemption: Redemption) => BatchItem<"sqlite">[];

/**
 * Applies `effects` and marks the token used, in one batch, only if the token is still live.
 * Returns the effects' results when it happened; throws 410 when another request used the token
 * first (the effects then changed nothing).
 */
export async function redeemEmailToken(
	db: Database,
	token: LiveEmailToken,
	effects: Effects,
	now = new Date(),
	/** Entries of the effects' own changes (their `of` indexes the effects). */
	effectChanges: Change[] = [],
): Promise<unknown[]> {
	const live = tokenIsLive(token.id, now);
	const liveGuard = exists(db.select({ one: sql`1` }).from(emailTokens).where(live));
	const redemption: Redemption = {
		live: liveGuard,
		insertWhileLive: (table, row, also) => insertIf(db, table, row, and(liveGuard, also) ?? liveGuard),
	};
	const consume = db.update(emailTokens).set({ usedAt: now }).where(live).returning({ id: emailTokens.id });
	const statements: BatchItem<"sqlite">[] = [...effects(redemption), consume];
	const action = REDEEMED[token.purpose];
	const changes = [...effectChanges, ...(action ? [{ action, id: token.userId, actorId: token.userId }] : [])];
	const results = await commitAll(db, changes, statements);
	const consumed = results.at(-1) as unknown[];
	if (consumed.length !== 1) throw emailTokenProblem("used");
	return results.slice(0, -1);
}

/** The audit entry of a used link (a sign-in link verifies the address it came to). */
const REDEEMED: Record<string, AuditAction | null> = {
	verify_email: "account.user.verified",
	sign_in: "account.user.verified",
	reset_password: "account.password.reset",
	change_email: "account.email.changed",
	register: "account.user.verified",
};

const PROBLEMS = {
	invalid: [400, "invalid_token", "This link is not valid. It may have been copied incompletely."],
	expired: [410, "token_expired", "This link has expired."],
	used: [410, "token_used", "This link has already been used."],
} as const;

/** The error page or body for a link that cannot be used: 400 when invalid, 410 when spent. */
export function emailTokenProblem(status: "invalid" | "expired" | "used"): AppError {
	const [code, name, message] = PROBLEMS[status];
	return new AppError(code, name, message);
}

/** The live token behind `presented`, or the error to show. */
export async function requireLiveEmailToken(
	db: Database,
	presented: string,
	purpose: EmailTokenPurpose,
	now = new Date(),
): Promise<LiveEmailToken> {
	const found = await findEmailToken(db, presented, purpose, now);
	if (found.status !== "live") throw emailTokenProblem(found.status);
	return found.token;
}
