/**
 * The actions that cost Baton real work (many D1 writes, R2 storage, a long-lived credential, a
 * whole export), each with how often one person may take it (README, "Limits"). One declaration;
 * routes call `limitCostly` after authorizing and before writing anything, so a refused attempt
 * writes nothing but its answer: 429 with Retry-After on the API, the form again with the message
 * on pages (the form flow shows a RateLimitedError).
 *
 * Counted in the D1 rate-limit counters (./rate-limit.ts) with one statement that counts an
 * attempt only while its window has room: refused attempts do not count, and two racing attempts
 * cannot both take the last place.
 */
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";
import type { AppEnv } from "../env";
import { RateLimitedError } from "./errors";
import type { RateLimit } from "./rate-limit";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface CostlyRule extends RateLimit {
	/** What was done too often, for the message: "You have copied into editions …". */
	doneTooOften: string;
}

/** Every costly action and its limit per person. Generous for real work, a wall for a loop. */
export const COSTLY_ACTIONS = {
	/** Copying an edition into another (the setup wizard's apply, the API's clone): hundreds of rows each. */
	clone: { limit: 20, windowMs: HOUR, doneTooOften: "copied into editions" },
	/** Applying a template to an edition: as many rows as a clone. */
	"template-apply": { limit: 20, windowMs: HOUR, doneTooOften: "applied templates" },
	/** Publishing a template, a new version of one or a fork: a whole document stored each time. */
	"template-publish": { limit: 30, windowMs: DAY, doneTooOften: "published templates" },
	/** Attaching a file to a handover note: up to 10 MB in R2 each. */
	upload: { limit: 60, windowMs: HOUR, doneTooOften: "uploaded files" },
	/** Creating a personal API token: a credential that lives for months. */
	"api-token": { limit: 10, windowMs: DAY, doneTooOften: "created API tokens" },
	/** Mailing an edition's registrations: up to thousands of mails at once, from Baton's sending reputation. */
	"bulk-mail": { limit: 10, windowMs: DAY, doneTooOften: "mailed registrations" },
	/** Exporting a whole list (e.g. the audit log as CSV): every row read at once. */
	export: { limit: 30, windowMs: HOUR, doneTooOften: "exported" },
} as const satisfies Record<string, CostlyRule>;

export type CostlyAction = keyof typeof COSTLY_ACTIONS;

/** "3 minutes", "2 hours": when to try again, rounded up. */
function waitWords(seconds: number): string {
	if (seconds < 90 * 60) {
		const minutes = Math.max(1, Math.ceil(seconds / 60));
		return `${minutes} minute${minutes === 1 ? "" : "s"}`;
	}
	return `${Math.ceil(seconds / 3600)} hours`;
}

/**
 * Counts one `action` by `who` (a user id) when its window has room; otherwise the 429 to throw,
 * with the seconds until the window ends. Nothing else is written either way.
 */
export async function countCostly(
	db: Database,
	action: CostlyAction,
	who: string,
	now = Date.now(),
): Promise<RateLimitedError | null> {
	const rule: CostlyRule = COSTLY_ACTIONS[action];
	const windowStart = now - (now % rule.windowMs);
	const counted = await db
		.insert(rateLimits)
		.values({ key: `costly:${action}:${who}`, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
				windowStart,
			},
			// A full window of this very period is left as it is: no row comes back, the attempt is refused.
			setWhere: sql`not (${rateLimits.windowStart} = ${windowStart} and ${rateLimits.count} >= ${rule.limit})`,
		})
		.returning({ count: rateLimits.count });
	if (counted.length > 0) return null;
	const retryAfter = Math.ceil((windowStart + rule.windowMs - now) / 1000);
	return new RateLimitedError(
		`You have ${rule.doneTooOften} many times in a short while. Try again in ${waitWords(retryAfter)}.`,
		retryAfter,
	);
}

/**
 * Throws the 429 when `who` has taken `action` as often as its window allows; counts the attempt
 * otherwise. Call it after authorizing and validating, before the first write.
 *
 * @example await limitCostly(c, "export", actor.userId); // then build the CSV
 */
export async function limitCostly(c: Context<AppEnv>, action: CostlyAction, who: string): Promise<void> {
	const refused = await countCostly(c.var.db, action, who);
	if (refused) throw refused;
}
