/**
 * Fixed-window attempt counters in D1, for sign-in, sign-in links, resets, sign-up and invitations. One
 * statement per check: the upsert increments the counter (or starts a new window) and returns it.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";

export interface RateLimit {
	/** How many attempts a window allows. */
	limit: number;
	windowMs: number;
}

/**
 * The statement that records one attempt under `key` and returns the window's count, for callers
 * that check several keys (per IP and per account) in one batch.
 */
export function rateLimitHit(db: Database, key: string, rule: RateLimit, now = Date.now()) {
	const windowStart = now - (now % rule.windowMs);
	return db
		.insert(rateLimits)
		.values({ key, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
				windowStart,
			},
		})
		.returning({ count: rateLimits.count });
}

/** Records one attempt under `key` and says whether it is still within the limit. */
export async function hitRateLimit(db: Database, key: string, rule: RateLimit, now = Date.now()): Promise<boolean> {
	const row = await rateLimitHit(db, key, rule, now).get();
	return (row?.count ?? 1) <= rule.limit;
}

/** The statement that forgets the attempts under `key`, for callers that batch it (e.g. with a new session). */
export function rateLimitClear(db: Database, key: string) {
	return db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Forgets the attempts under `key` (e.g. after a successful sign-in). */
export async function clearRateLimit(db: Database, key: string): Promise<void> {
	await rateLimitClear(db, key);
}

/** One limit to check: the counter's key and its rule. */
export interface RateLimitCheck {
	key: string;
	rule: RateLimit;
}

const OVER_LIMIT = "over the rate limit";

/**
 * The statements that count one attempt under every key and then fail their batch when any count
 * passed its limit, for a write that must happen only within its limits: put them first in the
 * write's batch (after its first statement). D1 runs a batch as one transaction, so a refused attempt writes nothing (not even
 * the counts) and two racing attempts can never both pass the last free place. SQLite has no RAISE
 * outside triggers; json() of a string that is not JSON is a reliable error (see overRateLimit).
 *
 * @example await db.batch([revokeOlder, ...rateLimitGuard(db, checks), db.insert(invitations).values(row)])
 */
export function rateLimitGuard(
	db: Database,
	checks: readonly RateLimitCheck[],
	now = Date.now(),
): BatchItem<"sqlite">[] {
	const within = sql.join(
		checks.map(
			({ key, rule }) =>
				sql`coalesce((select ${rateLimits.count} from ${rateLimits} where ${rateLimits.key} = ${key}), 0) <= ${rule.limit}`,
		),
		sql` and `,
	);
	const guard = db
		.select({ guard: sql`json(case when ${within} then '1' else ${OVER_LIMIT} end)` })
		.from(sql`(select 1)`);
	const hits: BatchItem<"sqlite">[] = checks.map(({ key, rule }) => rateLimitHit(db, key, rule, now));
	return [...hits, guard];
}

/** True when a batch failed on its rateLimitGuard. */
export function overRateLimit(error: unknown): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (e.message.includes("malformed JSON")) return true;
	}
	return false;
}

/**
 * The first check whose window is full (the next attempt would pass its limit), with the seconds
 * until its window ends; null when every check has room. For the answer after overRateLimit.
 */
export async function fullRateLimit(
	db: Database,
	checks: readonly RateLimitCheck[],
	now = Date.now(),
): Promise<{ check: RateLimitCheck; retryAfterSeconds: number } | null> {
	if (checks.length === 0) return null;
	const rows = await db
		.select()
		.from(rateLimits)
		.where(
			inArray(
				rateLimits.key,
				checks.map((c) => c.key),
			),
		);
	for (const check of checks) {
		const windowStart = now - (now % check.rule.windowMs);
		const row = rows.find((r) => r.key === check.key && r.windowStart === windowStart);
		if (row && row.count >= check.rule.limit) {
			return { check, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + check.rule.windowMs - now) / 1000)) };
		}
	}
	return null;
}
