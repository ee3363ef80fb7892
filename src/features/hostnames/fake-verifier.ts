/**
 * The fake HostnameVerifier for tests and local development: it reads Baton's TXT record from an
 * in-memory zone instead of DNS, so a test publishes the record it wants the check to find
 * (`publishFakeTxt`) and every answer follows from what was published. It refuses to exist in
 * production, where it would let anyone claim any name.
 */
import type { Bindings } from "../../env";
import { isProduction } from "../../lib/environment";
import { txtProblem } from "./dns-verifier";
import { batonTxtRecord, type HostnameVerifier } from "./verifier";

/** TXT values by record name: the fake's whole DNS (per isolate, forgotten on restart). */
const fakeZone = new Map<string, Set<string>>();

/** Publishes a TXT value in the fake zone, e.g. `publishFakeTxt("_baton-verify.a.example.org", "baton-verify=…")`. */
export function publishFakeTxt(name: string, value: string): void {
	fakeZone.set(name, new Set([...(fakeZone.get(name) ?? []), value]));
}

/** Every record of the fake zone, by name: for the development page that publishes them (/dev/dns). */
export const listFakeTxt = (): { name: string; value: string }[] =>
	[...fakeZone.entries()].flatMap(([name, values]) => [...values].map((value) => ({ name, value })));

/** Removes every TXT value at `name` from the fake zone. */
export function unpublishFakeTxt(name: string): void {
	fakeZone.delete(name);
}

/**
 * The fake verifier; throws in production (anything but ENVIRONMENT development or test).
 *
 * @example fakeVerifier(env).check({ hostname, token, takeover: false })
 */
export function fakeVerifier(env: Pick<Bindings, "ENVIRONMENT">): HostnameVerifier {
	if (isProduction(env)) {
		throw new Error(
			'The fake host name verifier refuses to run in production: set HOSTNAME_VERIFIER to "dns" or "cloudflare".',
		);
	}
	return {
		kind: "fake",
		prepare: async ({ hostname, token }) => [batonTxtRecord(hostname, token)],
		check: async ({ hostname, token }) => {
			const values = [...(fakeZone.get(batonTxtRecord(hostname, token).name) ?? [])];
			const problem = txtProblem(values, hostname, token);
			return problem ? { verified: false, reason: problem } : { verified: true };
		},
	};
}
