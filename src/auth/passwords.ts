/**
 * Password hashing with scrypt from node:crypto (nodejs_compat). Parameters live inside each
 * hash string, so they can be raised later and old hashes still verify (and get rehashed).
 * Not PBKDF2 (deployed Workers refuse more than 100,000 iterations) and not a WebAssembly hasher
 * (deployed Workers cannot compile WebAssembly at run time).
 */
import { randomBytes, type ScryptOptions, scrypt } from "node:crypto";
import { COMMON_PASSWORDS } from "./common-passwords";

/** OWASP's scrypt recommendation: N=2^14, r=8, p=5 (16 MiB per hash). */
const PARAMS = { N: 2 ** 14, r: 8, p: 5 } as const;
const KEY_LENGTH = 32;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
	const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
			error ? reject(error) : resolve(key),
		),
	);
}

/** `scrypt$N$r$p$<salt b64>$<hash b64>` */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, PARAMS);
	return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/**
 * A well-formed hash with today's parameters that no password matches (its key is all zeros).
 * Checked when an account has no hash, so unknown addresses take as long as wrong passwords.
 */
export const DECOY_HASH = [
	"scrypt",
	PARAMS.N,
	PARAMS.r,
	PARAMS.p,
	Buffer.alloc(16).toString("base64"),
	Buffer.alloc(KEY_LENGTH).toString("base64"),
].join("$");

/** True when `password` matches `stored`; false for any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split("$");
	if (scheme !== "scrypt" || !salt || !hash) return false;
	const expected = Buffer.from(hash, "base64");
	const actual = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
	return actual.byteLength === expected.byteLength && crypto.subtle.timingSafeEqual(actual, expected);
}

/** True when a stored hash was made with weaker parameters than today's and should be redone. */
export function needsRehash(stored: string): boolean {
	const [, n, r, p] = stored.split("$");
	return Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p;
}

/**
 * Why a password is not acceptable, or null when it is. Length first (NIST SP 800-63B), then the
 * list of very common passwords, then passwords made of the user's own email or name.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
	if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	const lowered = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+/.test(password)) {
		return "This password is too common. Choose a less predictable one, e.g. a few unrelated words.";
	}
	const local = context.email?.split("@")[0]?.toLowerCase();
	if (
		(local && local.length >= 4 && lowered.includes(local)) ||
		(context.name && lowered === context.name.toLowerCase())
	) {
		return "Do not use your name or email address as your password.";
	}
	return null;
}
