/**
 * Fixed-window attempt counters in D1, for sign-in, sign-in links, resets and sign-up. One
 * statement per check: the upsert increments the counter (or starts a new window) and returns it.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";

export interface RateLimit {
	/** How many attempts a window allows. */
	limit: number;
	windowMs: number;
}

/** Records one attempt under `key` and says whether it is still within the limit. */
export async function hitRateLimit(db: Database, key: string, rule: RateLimit, now = Date.now()): Promise<boolean> {
	const windowStart = now - (now % rule.windowMs);
	const row = await db
		.insert(rateLimits)
		.values({ key, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
				windowStart,
			},
		})
		.returning({ count: rateLimits.count })
		.get();
	return (row?.count ?? 1) <= rule.limit;
}

/** Forgets the attempts under `key` (e.g. after a successful sign-in). */
export async function clearRateLimit(db: Database, key: string): Promise<void> {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
