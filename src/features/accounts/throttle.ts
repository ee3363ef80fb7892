/**
 * Rate limits of the account flows. Every limit is keyed per client IP and, where an address is
 * typed, per submitted address, whether or not an account has it: the answer then says nothing
 * about which addresses exist.
 */
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { type RateLimit, rateLimitClear, rateLimitHit } from "../../lib/rate-limit";

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const LIMITS = {
	/** Password attempts from one network, right or wrong. */
	signInPerIp: { limit: 20, windowMs: FIFTEEN_MINUTES },
	/** Password attempts on one address; a success clears the count, so in effect it counts failures. */
	signInPerAccount: { limit: 5, windowMs: FIFTEEN_MINUTES },
	/** Mails asked for from one network (sign-in links, resets). */
	mailPerIp: { limit: 10, windowMs: FIFTEEN_MINUTES },
	/** Mails asked for one address, so nobody can flood someone's inbox. */
	mailPerAddress: { limit: 3, windowMs: FIFTEEN_MINUTES },
	signUpPerIp: { limit: 10, windowMs: 60 * 60 * 1000 },
} as const satisfies Record<string, RateLimit>;

export const LOCKOUT_MESSAGE = "Too many attempts for this address. Wait 15 minutes or sign in with an emailed link.";
const MAIL_LIMIT_MESSAGE = "Too many emails were asked for this address. Wait 15 minutes and try again.";
const IP_LIMIT_MESSAGE = "Too many attempts from your network. Wait a while and try again.";

/** Per-account counter key for password attempts: the lowercased address as typed. */
export const signInAccountKey = (email: string) => `sign-in:account:${email}`;

const rateLimited = (message: string) => new AppError(429, "rate_limited", message);

/**
 * Counts one attempt under each key (one round trip) and throws 429 with the message of the
 * first exceeded limit.
 */
async function hitAll(db: Database, checks: [key: string, rule: RateLimit, message: string][], now: number) {
	const [first, ...rest] = checks.map(([key, rule]) => rateLimitHit(db, key, rule, now));
	if (!first) return;
	const results = await db.batch([first, ...rest]);
	checks.forEach(([, rule, message], i) => {
		if ((results[i]?.[0]?.count ?? 0) > rule.limit) throw rateLimited(message);
	});
}

/** One password attempt: per IP and per typed address. */
export const throttleSignIn = (db: Database, input: { ip: string; email: string }, now = Date.now()) =>
	hitAll(
		db,
		[
			[`sign-in:ip:${input.ip}`, LIMITS.signInPerIp, IP_LIMIT_MESSAGE],
			[signInAccountKey(input.email), LIMITS.signInPerAccount, LOCKOUT_MESSAGE],
		],
		now,
	);

/** The statement that forgets an address's failed attempts, batched with the new session. */
export const clearSignInFailures = (db: Database, email: string) => rateLimitClear(db, signInAccountKey(email));

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
