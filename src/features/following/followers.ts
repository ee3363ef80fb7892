/**
 * Following a series by email: double opt-in, then one-click unsubscribe.
 *
 * A follower row keeps only SHA-256 of the random secret mailed in its confirmation link. Mails
 * sent later (announcements, "you already follow") cannot know that secret, so their unsubscribe
 * links carry a token derived from the stored hash: every such link keeps working until the
 * person unfollows. Someone who could read the database could unsubscribe people (the capability
 * list managers keep in plain text); confirming, which makes Baton mail an address, still needs
 * the mailed secret.
 *
 * Answers never depend on whether an address follows, so the form tells nobody who does.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "../../auth/secrets";
import type { Database } from "../../db/client";
import { editions, type Series, seriesAnnouncements, seriesFollowers } from "../../db/schema";
import { type Change, commit, readTogether } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { type RateLimit, rateLimitHit } from "../../lib/rate-limit";
import { type AnnouncementKind, alreadyFollowingMail, confirmFollowMail } from "./mails";

export type Follower = typeof seriesFollowers.$inferSelect;
type SeriesRef = Pick<Series, "id" | "slug" | "name" | "shortName">;
export const confirmFollowPath = (s: Pick<Series, "slug">, token: string) =>
	`/s/${s.slug}/follow/confirm?token=${encodeURIComponent(token)}`;
export const unfollowPath = (s: Pick<Series, "slug">, token: string) =>
	`/s/${s.slug}/unfollow?token=${encodeURIComponent(token)}`;

const HOUR = 60 * 60 * 1000;

export const FOLLOW_LIMITS = {
	/** Follow requests from one network. */
	perIp: { limit: 10, windowMs: HOUR },
	/** Mails asked for one address (any series), so nobody can flood someone's inbox. */
	perAddress: { limit: 3, windowMs: HOUR },
} as const satisfies Record<string, RateLimit>;

/** Counts one follow request per IP and per typed address (one round trip); 429 past either limit. */
export async function throttleFollow(db: Database, input: { ip: string; email: string }, now = Date.now()) {
	// Counter writes (rate_limits is operational): through the kernel, which readTogether is not.
	const [byIp, byAddress] = await commit(
		db,
		[],
		[
			rateLimitHit(db, `follow:ip:${input.ip}`, FOLLOW_LIMITS.perIp, now),
			rateLimitHit(db, `follow:address:${input.email}`, FOLLOW_LIMITS.perAddress, now),
		],
	);
	if ((byIp[0]?.count ?? 0) > FOLLOW_LIMITS.perIp.limit) {
		throw new AppError(429, "rate_limited", "Too many requests from your network. Wait an hour and try again.");
	}
	if ((byAddress[0]?.count ?? 0) > FOLLOW_LIMITS.perAddress.limit) {
		throw new AppError(
			429,
			"rate_limited",
			"We already sent several mails to this address. Wait an hour and try again.",
		);
	}
}

/** The secret of unsubscribe links, derived from the stored hash (see the module comment). */
export const unfollowToken = async (follower: Pick<Follower, "id" | "secretHash">) =>
	`${follower.id}.${await sha256Hex(`unfollow:${follower.secretHash}`)}`;

/**
 * Asks to follow `series` for `email` (lowercased by the schema that parsed it) and queues one
 * mail, in one batch with the row: a confirmation link for a new or unconfirmed address (a new
 * secret, so only the newest link works), or a "you already follow" note with the unsubscribe
 * link for a confirmed one. Returns the outbox id for delivery.
 */
export async function followSeries(
	db: Database,
	input: { series: SeriesRef; email: string; origin: string },
): Promise<{ mailId: string }> {
	const { series, email, origin } = input;
	const mailId = newId();
	const existing = await db
		.select()
		.from(seriesFollowers)
		.where(and(eq(seriesFollowers.seriesId, series.id), eq(seriesFollowers.email, email)))
		.get();
	if (existing?.confirmedAt) {
		const token = await unfollowToken(existing);
		await outboxInsert(
			db,
			alreadyFollowingMail({ to: email, series, unfollowUrl: origin + unfollowPath(series, token) }),
			mailId,
		);
		return { mailId };
	}
	const secret = randomSecret();
	const secretHash = await sha256Hex(secret);
	const id = existing?.id ?? newId();
	// The entry names the follower by id only: an address of someone without an account has no
	// account to anonymise it under, so it stays out of the log.
	// Asking again (an unconfirmed address) records the new confirmation link's request too.
	const change: Change = { action: "series.follower.added", id, seriesId: series.id, of: 0 };
	await commit(
		db,
		[change],
		[
			db
				.insert(seriesFollowers)
				.values({ id, seriesId: series.id, email, secretHash })
				.onConflictDoUpdate({
					target: [seriesFollowers.seriesId, seriesFollowers.email],
					set: { secretHash },
					// A confirmation racing this request keeps its row as it is.
					setWhere: isNull(seriesFollowers.confirmedAt),
				}),
			outboxInsert(
				db,
				confirmFollowMail({ to: email, series, confirmUrl: origin + confirmFollowPath(series, `${id}.${secret}`) }),
				mailId,
			),
		],
	);
	return { mailId };
}

export type TokenPurpose = "confirm" | "unfollow";

/**
 * What a link's token names: a follower of this series whose secret matches ("valid"), no
 * follower at all any more ("gone": unfollowed, or never existed), or a follower the token does
 * not prove ("invalid": a forged or superseded link).
 */
export type TokenCheck = { state: "valid"; follower: Follower } | { state: "gone" } | { state: "invalid" };

export async function checkFollowToken(
	db: Database,
	input: { seriesId: string; token: string; purpose: TokenPurpose },
): Promise<TokenCheck> {
	const parts = splitToken(input.token);
	if (!parts) return { state: "invalid" };
	const follower = await db
		.select()
		.from(seriesFollowers)
		.where(and(eq(seriesFollowers.id, parts.id), eq(seriesFollowers.seriesId, input.seriesId)))
		.get();
	if (!follower) return { state: "gone" };
	const expected = input.purpose === "confirm" ? follower.secretHash : (await unfollowToken(follower)).split(".")[1];
	const presented = input.purpose === "confirm" ? await sha256Hex(parts.secret) : parts.secret;
	return constantTimeEqual(presented, expected ?? "") ? { state: "valid", follower } : { state: "invalid" };
}

const linkProblem = () =>
	new AppError(404, "invalid_token", "This link does not work: it is incomplete or a newer mail replaced it.");

/** Confirms a follower with the mailed secret; confirming twice changes nothing. 404 for a link that does not prove it. */
export async function confirmFollower(
	db: Database,
	input: { seriesId: string; token: string; now?: Date },
): Promise<Follower> {
	const check = await checkFollowToken(db, { ...input, purpose: "confirm" });
	if (check.state !== "valid") throw linkProblem();
	const { follower } = check;
	if (follower.confirmedAt) return follower;
	const confirmedAt = input.now ?? new Date();
	// Conditioned on the hash still being the one checked, so a re-sent link in between wins.
	const change: Change = { action: "series.follower.confirmed", id: follower.id, seriesId: input.seriesId, of: 0 };
	const [[updated]] = await commit(
		db,
		[change],
		[
			db
				.update(seriesFollowers)
				.set({ confirmedAt: sql`coalesce(${seriesFollowers.confirmedAt}, ${confirmedAt.getTime()})` })
				.where(and(eq(seriesFollowers.id, follower.id), eq(seriesFollowers.secretHash, follower.secretHash)))
				.returning(),
		],
	);
	if (!updated) throw linkProblem();
	return updated;
}

/**
 * Removes the follower an unsubscribe link names. A link whose follower is already gone succeeds
 * too (a second click, a mail client retrying the one-click POST); a forged one is a 404.
 */
export async function unfollowSeries(db: Database, input: { seriesId: string; token: string }): Promise<void> {
	const check = await checkFollowToken(db, { ...input, purpose: "unfollow" });
	if (check.state === "invalid") throw linkProblem();
	if (check.state !== "valid") return;
	const { follower } = check;
	const change: Change = { action: "series.follower.removed", id: follower.id, seriesId: input.seriesId, of: 0 };
	await commit(db, [change], [db.delete(seriesFollowers).where(eq(seriesFollowers.id, follower.id))]);
}

export interface FollowerSummary {
	confirmed: number;
	pending: number;
	announcements: { editionId: string; year: number; kind: AnnouncementKind; sentAt: Date }[];
}

/**
 * How many people follow a series (confirmed, and still unconfirmed) and what they were told,
 * newest first, for its stewards. Addresses stay out: the stewards never mail followers directly.
 */
export async function followerSummary(db: Database, seriesId: string): Promise<FollowerSummary> {
	const [counts, announcements] = await readTogether(db, [
		db
			.select({
				confirmed: sql<number>`count(${seriesFollowers.confirmedAt})`,
				pending: sql<number>`count(*) - count(${seriesFollowers.confirmedAt})`,
			})
			.from(seriesFollowers)
			.where(eq(seriesFollowers.seriesId, seriesId)),
		db
			.select({
				editionId: seriesAnnouncements.editionId,
				year: editions.year,
				kind: seriesAnnouncements.kind,
				sentAt: seriesAnnouncements.sentAt,
			})
			.from(seriesAnnouncements)
			.innerJoin(editions, eq(editions.id, seriesAnnouncements.editionId))
			.where(eq(editions.seriesId, seriesId))
			.orderBy(desc(seriesAnnouncements.sentAt), desc(editions.year)),
	]);
	return { confirmed: counts[0]?.confirmed ?? 0, pending: counts[0]?.pending ?? 0, announcements };
}
