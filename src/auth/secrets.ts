/**
 * Random secrets and their stored form. Every secret Baton hands out (session tokens, emailed
 * links, invitations, API tokens) is stored only as SHA-256 and compared in constant time.
 */

// Lucia's alphabet: lowercase letters and digits without look-alikes (l, o, 0, 1): 32 symbols, 5 bits each.
const SYMBOLS = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * A random string of 24 symbols from a 32-symbol alphabet: 120 bits of entropy.
 *
 * @example randomSecret() // "k3n9x2…" (24 chars)
 */
export function randomSecret(length = 24): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	let out = "";
	// 256 is a multiple of 32, so `byte >> 3` is uniform over the alphabet.
	for (const byte of bytes) out += SYMBOLS[byte >> 3];
	return out;
}

/** Hex SHA-256 of a secret: what the database keeps instead of the secret. */
export async function sha256Hex(secret: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Constant-time equality of two strings (hex hashes); different lengths are simply unequal. */
export function constantTimeEqual(a: string, b: string): boolean {
	const left = new TextEncoder().encode(a);
	const right = new TextEncoder().encode(b);
	if (left.byteLength !== right.byteLength) return false;
	return crypto.subtle.timingSafeEqual(left, right);
}

/** A composite token `<id>.<secret>` as handed to a client; the id finds the row, the secret proves it. */
export function splitToken(token: string): { id: string; secret: string } | null {
	const [id, secret, ...rest] = token.split(".");
	if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
	return { id, secret };
}
