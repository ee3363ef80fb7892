/**
 * Rate limits of the account flows. Every limit is keyed per client IP and, where an address is
 * typed, per submitted address, whether or not an account has it: the answer then says nothing
 * about which addresses exist. Every refusal is a 429 with `Retry-After`.
 *
 * Wrong passwords for one address are not counted in a window but backed off: the first few are
 * free, then each further one locks the address for twice as long as the last, up to a short cap,
 * so a stranger typing the owner's address can keep them from using their password for minutes,
 * never for hours. The emailed sign-in link is never locked by them (sign-in.ts).
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { commit } from "../../db/write";
import { RateLimitedError } from "../../lib/errors";
import { type RateLimit, rateLimitHit } from "../../lib/rate-limit";

const MINUTE = 60 * 1000;
const FIFTEEN_MINUTES = 15 * MINUTE;

export const LIMITS = {
	/** Password attempts from one network, right or wrong. */
	signInPerIp: { limit: 20, windowMs: FIFTEEN_MINUTES },
	/** Mails asked for from one network (sign-in links, resets). */
	mailPerIp: { limit: 10, windowMs: FIFTEEN_MINUTES },
	/** Mails asked for one address, so nobody can flood someone's inbox. */
	mailPerAddress: { limit: 3, windowMs: FIFTEEN_MINUTES },
	signUpPerIp: { limit: 10, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

/**
 * The back-off of wrong passwords per address. After `freeFailures` failures the address is locked
 * for `firstLockMs`; every failure after a lock has passed doubles it, up to `maxLockMs`
 * (1, 2, 4, 8, 15, 15 … minutes). A sign-in (password or emailed link) forgets the failures, and
 * so does a day without any.
 */
export const PASSWORD_BACKOFF = {
	freeFailures: 5,
	firstLockMs: MINUTE,
	maxLockMs: FIFTEEN_MINUTES,
	forgetAfterMs: 24 * 60 * MINUTE,
} as const;

/** How long `failures` wrong passwords in a row lock an address (0 while they are free). */
export function passwordLockMs(failures: number): number {
	const { freeFailures, firstLockMs, maxLockMs } = PASSWORD_BACKOFF;
	if (failures < freeFailures) return 0;
	return Math.min(maxLockMs, firstLockMs * 2 ** Math.min(failures - freeFailures, 10));
}

const minutes = (ms: number) => {
	const n = Math.max(1, Math.ceil(ms / MINUTE));
	return n === 1 ? "1 minute" : `${n} minutes`;
};

/** The lockout's message: the same for every address, known or not, locked equally long. */
export const lockoutMessage = (waitMs: number) =>
	`Too many attempts for this address. Try again in ${minutes(waitMs)} or sign in with an emailed link.`;
const MAIL_LIMIT_MESSAGE = "Too many emails were asked for this address. Wait 15 minutes and try again.";
const IP_LIMIT_MESSAGE = "Too many attempts from your network. Wait a while and try again.";

/** Per-account counter key for password attempts: the lowercased address as typed. */
export const signInAccountKey = (email: string) => `sign-in:account:${email}`;

/** Milliseconds until the fixed window of `rule` that holds `now` ends. */
const windowLeftMs = (rule: RateLimit, now: number) => rule.windowMs - (now % rule.windowMs);

/**
 * Counts one attempt under each key (one round trip) and throws 429 with the message of the
 * first exceeded limit, to come back when its window ends.
 */
async function hitAll(db: Database, checks: [key: string, rule: RateLimit, message: string][], now: number) {
	const [first, ...rest] = checks.map(([key, rule]) => rateLimitHit(db, key, rule, now));
	if (!first) return;
	const results = await commit(db, [], [first, ...rest]);
	checks.forEach(([, rule, message], i) => {
		if ((results[i]?.[0]?.count ?? 0) > rule.limit) throw new RateLimitedError(message, windowLeftMs(rule, now) / 1000);
	});
}

/**
 * The statement that counts one password attempt on an address unless the address is locked:
 * it returns the new failure count, or no row when the address is locked (nothing changes then,
 * so attempts during a lock never make it longer). The row keeps the number of attempts since the
 * last sign-in in `count` and the instant of the last one in `window_start`; a success deletes it.
 */
function passwordAttempt(db: Database, key: string, now: number) {
	const { freeFailures, firstLockMs, maxLockMs, forgetAfterMs } = PASSWORD_BACKOFF;
	// The same rule as passwordLockMs, in SQL (10 doublings are far past the cap).
	const lockMs = sql`min(${maxLockMs}, ${firstLockMs} << min(${rateLimits.count} - ${freeFailures}, 10))`;
	const locked = sql`${rateLimits.count} >= ${freeFailures} and ${now} < ${rateLimits.windowStart} + ${lockMs}`;
	return db
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} <= ${now - forgetAfterMs} then 1 else ${rateLimits.count} + 1 end`,
				windowStart: now,
			},
			setWhere: sql`not (${locked})`,
		})
		.returning({ count: rateLimits.count });
}

/**
 * One password attempt: per IP (a window) and per typed address (the back-off), in one round
 * trip. Throws 429 with `Retry-After` when the network is over its limit or the address is locked.
 */
export async function throttleSignIn(db: Database, input: { ip: string; email: string }, now = Date.now()) {
	const key = signInAccountKey(input.email);
	const [perIp, attempt, state] = await commit(
		db,
		[],
		[
			rateLimitHit(db, `sign-in:ip:${input.ip}`, LIMITS.signInPerIp, now),
			passwordAttempt(db, key, now),
			db
				.select({ count: rateLimits.count, lastAt: rateLimits.windowStart })
				.from(rateLimits)
				.where(eq(rateLimits.key, key)),
		],
	);
	if ((perIp[0]?.count ?? 0) > LIMITS.signInPerIp.limit) {
		throw new RateLimitedError(IP_LIMIT_MESSAGE, windowLeftMs(LIMITS.signInPerIp, now) / 1000);
	}
	if (attempt.length === 0) {
		const [row] = state;
		const waitMs = row ? row.lastAt + passwordLockMs(row.count) - now : PASSWORD_BACKOFF.firstLockMs;
		throw new RateLimitedError(lockoutMessage(waitMs), waitMs / 1000);
	}
}

/**
 * The statement that forgets an address's failed attempts, batched with the new session; `also`
 * narrows it (an emailed link forgets them only when it is still live).
 */
export const clearSignInFailures = (db: Database, email: string, also?: SQL) =>
	db.delete(rateLimits).where(and(eq(rateLimits.key, signInAccountKey(email)), also));

/** One "email me a link" request (sign-in link, reset): per IP and per typed address. */
export const throttleMailRequest = (db: Database, input: { ip: string; email: string }, now = Date.now()) =>
	hitAll(
		db,
		[
			[`mail:ip:${input.ip}`, LIMITS.mailPerIp, IP_LIMIT_MESSAGE],
			[`mail:address:${input.email}`, LIMITS.mailPerAddress, MAIL_LIMIT_MESSAGE],
		],
		now,
	);

export const throttleSignUp = (db: Database, input: { ip: string; email: string }, now = Date.now()) =>
	hitAll(
		db,
		[
			[`sign-up:ip:${input.ip}`, LIMITS.signUpPerIp, IP_LIMIT_MESSAGE],
			[`mail:address:${input.email}`, LIMITS.mailPerAddress, MAIL_LIMIT_MESSAGE],
		],
		now,
	);
