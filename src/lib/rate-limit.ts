/**
 * Fixed-window attempt counters in D1, for sign-in, sign-in links, resets and sign-up. One
 * statement per check: the upsert increments the counter (or starts a new window) and returns it.
 */
import { eq, sql } from "drizzle-orm";
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
