/** The choice of the HostnameVerifier adapter from configuration (HOSTNAME_VERIFIER). */
import type { Bindings } from "../../env";
import { isProduction } from "../../lib/environment";
import { cloudflareVerifier } from "./cloudflare-verifier";
import { dnsTxtVerifier } from "./dns-verifier";
import { fakeVerifier } from "./fake-verifier";
import type { Fetch, HostnameVerifier } from "./verifier";

/**
 * The verifier HOSTNAME_VERIFIER names. Unset, it is the fake only in development and tests and
 * the DNS adapter anywhere else (lib/environment.ts: anything else counts as production), so a production deploy without the setting is never open; the
 * fake itself throws in production (fake-verifier.ts).
 *
 * @example const verifier = hostnameVerifier(c.env);
 */
export function hostnameVerifier(
	env: Bindings,
	fetcher: Fetch = (input, init) => fetch(input, init),
): HostnameVerifier {
	const kind = env.HOSTNAME_VERIFIER ?? (isProduction(env) ? "dns" : "fake");
	switch (kind) {
		case "fake":
			return fakeVerifier(env);
		case "dns":
			return dnsTxtVerifier({ fetch: fetcher, dohUrl: env.DOH_URL });
		case "cloudflare":
			return cloudflareVerifier({
				fetch: fetcher,
				zoneId: env.CF_ZONE_ID ?? "",
				apiToken: env.CF_API_TOKEN ?? "",
				dohUrl: env.DOH_URL,
			});
		default:
			throw new Error(`HOSTNAME_VERIFIER must be "dns", "cloudflare" or "fake", not ${JSON.stringify(kind)}`);
	}
}
