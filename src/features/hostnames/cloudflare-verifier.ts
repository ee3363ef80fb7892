/**
 * The Cloudflare for SaaS adapter of the HostnameVerifier port (the production setup of the
 * README's "Custom host names"): a mapped name becomes a custom hostname of Baton's SaaS zone
 * through the Cloudflare API, and control is proven when Cloudflare reports it `active`, i.e. the
 * owner created Cloudflare's ownership TXT record and pointed the name at the zone. Cloudflare's
 * status belongs to the name, not to an edition (a name a former tenant left pointing at Baton stays
 * active), so every mapping also needs Baton's own TXT record with its own token: fresh proof.
 *
 * Configuration: CF_ZONE_ID (a var) and CF_API_TOKEN (a secret with "SSL and Certificates Write"
 * on that zone).
 */
import type { VerificationRecord } from "../../db/schema";
import { DEFAULT_DOH_URL, lookupTxt, txtProblem } from "./dns-verifier";
import { batonTxtRecord, type Fetch, type HostnameVerifier } from "./verifier";

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

/** The part of a custom hostname (`GET`/`POST /zones/{zone_id}/custom_hostnames`) Baton reads. */
export interface CustomHostname {
	id: string;
	hostname: string;
	/** `pending` until validated, `active` when serving; also `moved`, `blocked`, `deleted`, … */
	status: string;
	ownership_verification?: { type: string; name: string; value: string };
	verification_errors?: string[];
}

interface Envelope<T> {
	success: boolean;
	errors?: { code: number; message: string }[];
	result: T;
}

/**
 * The Cloudflare for SaaS verifier.
 *
 * @example cloudflareVerifier({ fetch, zoneId: env.CF_ZONE_ID, apiToken: env.CF_API_TOKEN })
 */
export function cloudflareVerifier(options: {
	fetch: Fetch;
	zoneId: string;
	apiToken: string;
	dohUrl?: string | undefined;
}): HostnameVerifier {
	if (!options.zoneId || !options.apiToken) {
		throw new Error('HOSTNAME_VERIFIER "cloudflare" needs CF_ZONE_ID (a var) and CF_API_TOKEN (a secret)');
	}
	const base = `${CLOUDFLARE_API}/zones/${encodeURIComponent(options.zoneId)}/custom_hostnames`;

	async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
		const response = await options.fetch(url, {
			...init,
			headers: { Authorization: `Bearer ${options.apiToken}`, "Content-Type": "application/json" },
		});
		const body = await response.json<Envelope<T>>().catch(() => null);
		if (!response.ok || !body?.success) {
			const why = body?.errors?.map((e) => `${e.message} (${e.code})`).join("; ") || `HTTP ${response.status}`;
			throw new Error(`the Cloudflare API refused: ${why}`);
		}
		return body.result;
	}

	const find = async (hostname: string) =>
		(await call<CustomHostname[]>(`${base}?hostname=${encodeURIComponent(hostname)}`)).find(
			(found) => found.hostname === hostname,
		);

	/** The custom hostname, created when the zone does not have it yet. */
	const ensure = async (hostname: string) =>
		(await find(hostname)) ??
		(await call<CustomHostname>(base, {
			method: "POST",
			// http validation of the certificate: it completes once the name is CNAMEd to the zone.
			body: JSON.stringify({ hostname, ssl: { method: "http", type: "dv" } }),
		}));

	const ownershipRecords = (found: CustomHostname): VerificationRecord[] =>
		found.ownership_verification && found.status !== "active"
			? [{ type: "TXT", name: found.ownership_verification.name, value: found.ownership_verification.value }]
			: [];

	return {
		kind: "cloudflare",
		// Cloudflare's "active" belongs to the name, not to whoever maps it: a name a former tenant left
		// CNAMEd to Baton stays active, so it proves nothing about the newcomer. Every mapping therefore
		// also needs Baton's own TXT record with its own token (fresh proof), as with the dns adapter.
		prepare: async ({ hostname, token }) => {
			const found = await ensure(hostname);
			return [batonTxtRecord(hostname, token), ...ownershipRecords(found)];
		},
		check: async ({ hostname, token }) => {
			const found = await ensure(hostname);
			if (found.status !== "active") {
				const errors = found.verification_errors?.length ? `: ${found.verification_errors.join(" ")}` : ".";
				return { verified: false, reason: `Cloudflare reports the custom hostname as ${found.status}${errors}` };
			}
			const values = await lookupTxt(
				options.fetch,
				options.dohUrl || DEFAULT_DOH_URL,
				batonTxtRecord(hostname, token).name,
			);
			const problem = txtProblem(values, hostname, token);
			return problem ? { verified: false, reason: problem } : { verified: true };
		},
	};
}
