/**
 * The port through which Baton learns whether whoever maps a custom host name controls it. A
 * host name serves an edition's site only once a verifier has confirmed control (verification.ts).
 *
 * Adapters: dns-verifier.ts (a `_baton-verify.{host}` TXT record read over DNS-over-HTTPS),
 * cloudflare-verifier.ts (Cloudflare for SaaS custom hostnames) and fake-verifier.ts (tests and
 * local development only); choose-verifier.ts picks one from configuration.
 */
import type { VerificationRecord } from "../../db/schema";

export type { VerificationRecord };

export type VerifierKind = "fake" | "dns" | "cloudflare";

/** What a verifier is asked about: a host name, the mapping's own token, and whether another edition holds the name. */
export interface VerificationRequest {
	hostname: string;
	token: string;
	/**
	 * True when another edition holds the name: the proof must be fresh, made for this mapping's
	 * token, never the standing proof of the holder (Cloudflare's status is the holder's).
	 */
	takeover: boolean;
}

export type VerificationResult = { verified: true } | { verified: false; reason: string };

/** `fetch` as the adapters use it; tests pass one that answers recorded responses. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface HostnameVerifier {
	readonly kind: VerifierKind;
	/**
	 * The records the committee must create to prove control (Cloudflare: creates the custom
	 * hostname when it does not exist yet and answers its ownership record). Throws when the
	 * verifier cannot be reached.
	 */
	prepare(request: VerificationRequest): Promise<VerificationRecord[]>;
	/** Whether control is proven now. Throws when the verifier cannot be reached. */
	check(request: VerificationRequest): Promise<VerificationResult>;
}

/** Baton's own proof: a TXT record at `_baton-verify.{hostname}` holding `baton-verify={token}`. */
export const batonTxtRecord = (hostname: string, token: string): VerificationRecord => ({
	type: "TXT",
	name: `_baton-verify.${hostname}`,
	value: `baton-verify=${token}`,
});
