/**
 * The DNS adapter of the HostnameVerifier port: control of `ainm2025.example.org` is proven by a
 * TXT record `_baton-verify.ainm2025.example.org` holding `baton-verify={token}`, read through a
 * DNS-over-HTTPS resolver's JSON API (Workers cannot send DNS queries themselves). The resolver
 * validates DNSSEC where the zone is signed; its answer is as current as the record's TTL.
 */
import { batonTxtRecord, type Fetch, type HostnameVerifier } from "./verifier";

/** Cloudflare's public resolver; Google's (`https://dns.google/resolve`) answers the same JSON. */
export const DEFAULT_DOH_URL = "https://cloudflare-dns.com/dns-query";

/** RR type 16; DNS response codes 0 (NOERROR) and 3 (NXDOMAIN: the name does not exist). */
const TXT = 16;
const NOERROR = 0;
const NXDOMAIN = 3;

interface DohAnswer {
	Status: number;
	Answer?: { name: string; type: number; data: string }[];
}

/**
 * The text of a TXT record's `data` as DoH JSON gives it: one or more quoted character strings
 * (`"\"part one\" \"part two\""`, split at 255 bytes), joined; Google's resolver sends it unquoted.
 */
export function txtValue(data: string): string {
	const trimmed = data.trim();
	if (!trimmed.startsWith('"')) return trimmed;
	return [...trimmed.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? "").replace(/\\(.)/g, "$1")).join("");
}

/** The TXT values at `name`, or [] when it has none (NXDOMAIN included); throws when the resolver fails. */
export async function lookupTxt(fetcher: Fetch, dohUrl: string, name: string): Promise<string[]> {
	const url = `${dohUrl}?name=${encodeURIComponent(name)}&type=TXT`;
	const response = await fetcher(url, { headers: { accept: "application/dns-json" } });
	if (!response.ok) throw new Error(`the DNS resolver answered HTTP ${response.status}`);
	const answer = await response.json<DohAnswer>();
	if (answer.Status === NXDOMAIN) return [];
	if (answer.Status !== NOERROR) throw new Error(`the DNS resolver answered DNS status ${answer.Status}`);
	return (answer.Answer ?? []).filter((record) => record.type === TXT).map((record) => txtValue(record.data));
}

/** Why Baton's TXT record does not prove control, or null when it does. */
export function txtProblem(values: string[], hostname: string, token: string): string | null {
	const record = batonTxtRecord(hostname, token);
	if (values.includes(record.value)) return null;
	if (values.length === 0) return `No TXT record found at ${record.name}.`;
	return `The TXT record at ${record.name} does not hold ${record.value}.`;
}

/**
 * The DNS TXT verifier.
 *
 * @example dnsTxtVerifier({ fetch, dohUrl: env.DOH_URL }).check({ hostname, token, takeover: false })
 */
export function dnsTxtVerifier(options: { fetch: Fetch; dohUrl?: string | undefined }): HostnameVerifier {
	const dohUrl = options.dohUrl || DEFAULT_DOH_URL;
	return {
		kind: "dns",
		prepare: async ({ hostname, token }) => [batonTxtRecord(hostname, token)],
		check: async ({ hostname, token }) => {
			const values = await lookupTxt(options.fetch, dohUrl, batonTxtRecord(hostname, token).name);
			const problem = txtProblem(values, hostname, token);
			return problem ? { verified: false, reason: problem } : { verified: true };
		},
	};
}
