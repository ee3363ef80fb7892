/**
 * The HostnameVerifier adapters on recorded responses (an injected `fetch` answers them; no
 * network): the DNS TXT adapter on DNS-over-HTTPS JSON answers, the Cloudflare for SaaS adapter on
 * Cloudflare API answers for custom hostnames, and the choice of adapter from configuration,
 * where the fake refuses production.
 */
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../../src/env";
import { hostnameVerifier } from "../../../src/features/hostnames/choose-verifier";
import { cloudflareVerifier } from "../../../src/features/hostnames/cloudflare-verifier";
import { dnsTxtVerifier, txtValue } from "../../../src/features/hostnames/dns-verifier";
import { fakeVerifier } from "../../../src/features/hostnames/fake-verifier";
import type { Fetch } from "../../../src/features/hostnames/verifier";

const HOST = "ainm2025.example.org";
const TOKEN = "3f9c2a7e5b1d4c8f9a0b6e2d7c4f1a8b";
const request = { hostname: HOST, token: TOKEN, takeover: false };

interface Sent {
	url: string;
	method: string;
	headers: Record<string, string>;
	body: unknown;
}

/** A fetch that answers `responses` in order (status and JSON body) and records what was sent. */
function recorded(...responses: [number, unknown][]): { fetch: Fetch; sent: Sent[] } {
	const sent: Sent[] = [];
	const fetch: Fetch = async (url, init = {}) => {
		sent.push({
			url,
			method: init.method ?? "GET",
			headers: Object.fromEntries(new Headers(init.headers).entries()),
			body: init.body ? JSON.parse(String(init.body)) : undefined,
		});
		const next = responses.shift();
		if (!next) throw new Error(`unexpected request ${url}`);
		return new Response(JSON.stringify(next[1]), { status: next[0], headers: { "Content-Type": "application/json" } });
	};
	return { fetch, sent };
}

// Answers of Cloudflare's resolver (https://cloudflare-dns.com/dns-query, application/dns-json).
const DOH_WITH_RECORD = {
	Status: 0,
	TC: false,
	RD: true,
	RA: true,
	AD: false,
	CD: false,
	Question: [{ name: `_baton-verify.${HOST}`, type: 16 }],
	Answer: [
		{ name: `_baton-verify.${HOST}`, type: 16, TTL: 300, data: '"google-site-verification=abc"' },
		{ name: `_baton-verify.${HOST}`, type: 16, TTL: 300, data: `"baton-verify=${TOKEN}"` },
	],
};
const DOH_NXDOMAIN = {
	Status: 3,
	TC: false,
	RD: true,
	RA: true,
	AD: false,
	CD: false,
	Question: [{ name: `_baton-verify.${HOST}`, type: 16 }],
	Authority: [
		{
			name: "example.org",
			type: 6,
			TTL: 1800,
			data: "ns.icann.org. noc.dns.icann.org. 2024081418 7200 3600 1209600 3600",
		},
	],
};
const DOH_OTHER_VALUE = {
	...DOH_WITH_RECORD,
	Answer: [{ name: `_baton-verify.${HOST}`, type: 16, TTL: 300, data: '"baton-verify=0000"' }],
};
const DOH_SERVFAIL = { Status: 2, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [] };

describe("the DNS TXT verifier", () => {
	it("asks the resolver for the TXT record at _baton-verify.{host} as DNS JSON, and is verified by it", async () => {
		const { fetch, sent } = recorded([200, DOH_WITH_RECORD]);

		const result = await dnsTxtVerifier({ fetch }).check(request);

		expect(result).toEqual({ verified: true });
		expect(sent).toEqual([
			{
				url: "https://cloudflare-dns.com/dns-query?name=_baton-verify.ainm2025.example.org&type=TXT",
				method: "GET",
				headers: { accept: "application/dns-json" },
				body: undefined,
			},
		]);
	});

	it("names the record to create", async () => {
		expect(await dnsTxtVerifier({ fetch: recorded().fetch }).prepare(request)).toEqual([
			{ type: "TXT", name: "_baton-verify.ainm2025.example.org", value: `baton-verify=${TOKEN}` },
		]);
	});

	it("says why when the name has no record (NXDOMAIN) or another value", async () => {
		const missing = await dnsTxtVerifier({ fetch: recorded([200, DOH_NXDOMAIN]).fetch }).check(request);
		const other = await dnsTxtVerifier({ fetch: recorded([200, DOH_OTHER_VALUE]).fetch }).check(request);

		expect(missing).toEqual({ verified: false, reason: "No TXT record found at _baton-verify.ainm2025.example.org." });
		expect(other).toEqual({
			verified: false,
			reason: `The TXT record at _baton-verify.ainm2025.example.org does not hold baton-verify=${TOKEN}.`,
		});
	});

	it("throws when the resolver fails (SERVFAIL, HTTP error): that is no answer about the name", async () => {
		await expect(dnsTxtVerifier({ fetch: recorded([200, DOH_SERVFAIL]).fetch }).check(request)).rejects.toThrow(
			"the DNS resolver answered DNS status 2",
		);
		await expect(dnsTxtVerifier({ fetch: recorded([502, {}]).fetch }).check(request)).rejects.toThrow(
			"the DNS resolver answered HTTP 502",
		);
	});

	it("uses DOH_URL when set", async () => {
		const { fetch, sent } = recorded([200, DOH_WITH_RECORD]);

		await dnsTxtVerifier({ fetch, dohUrl: "https://dns.google/resolve" }).check(request);

		expect(sent[0]?.url).toBe("https://dns.google/resolve?name=_baton-verify.ainm2025.example.org&type=TXT");
	});

	it("reads TXT data quoted, split in several strings, with escapes, or unquoted", () => {
		expect(txtValue('"baton-verify=abc"')).toBe("baton-verify=abc");
		expect(txtValue('"baton-verify=" "abc"')).toBe("baton-verify=abc");
		expect(txtValue('"say \\"hi\\""')).toBe('say "hi"');
		expect(txtValue("baton-verify=abc")).toBe("baton-verify=abc");
	});
});

// Answers of the Cloudflare API (https://api.cloudflare.com/client/v4/zones/{zone_id}/custom_hostnames).
const ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
const API = `https://api.cloudflare.com/client/v4/zones/${ZONE}/custom_hostnames`;
const customHostname = (status: string, extra: Record<string, unknown> = {}) => ({
	id: "0d89c70d-ad9f-4843-b99f-6cc0252067e9",
	hostname: HOST,
	status,
	ssl: { id: "0d89c70d-ad9f-4843-b99f-6cc0252067e9", type: "dv", method: "http", status: "pending_validation" },
	ownership_verification: {
		type: "txt",
		name: `_cf-custom-hostname.${HOST}`,
		value: "5cc07c04-ea62-4a5a-95f0-419334a875a4",
	},
	ownership_verification_http: {
		http_url: `http://${HOST}/.well-known/cf-custom-hostname-challenge/0d89c70d-ad9f-4843-b99f-6cc0252067e9`,
		http_body: "5cc07c04-ea62-4a5a-95f0-419334a875a4",
	},
	created_at: "2026-03-02T10:15:00.000000Z",
	...extra,
});
const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });
const listOf = (...items: unknown[]) => ({
	...envelope(items),
	result_info: { page: 1, per_page: 20, count: items.length, total_count: items.length },
});
const OWNERSHIP_RECORD = {
	type: "TXT",
	name: `_cf-custom-hostname.${HOST}`,
	value: "5cc07c04-ea62-4a5a-95f0-419334a875a4",
};
const verifier = (fetch: Fetch) => cloudflareVerifier({ fetch, zoneId: ZONE, apiToken: "cf-test-token" });
const BATON_RECORD = { type: "TXT", name: "_baton-verify.ainm2025.example.org", value: `baton-verify=${TOKEN}` };

describe("the Cloudflare for SaaS verifier", () => {
	it("creates the custom hostname when the zone lacks it, and shows Cloudflare's ownership record", async () => {
		const { fetch, sent } = recorded([200, listOf()], [201, envelope(customHostname("pending"))]);

		const records = await verifier(fetch).prepare(request);

		expect(records).toEqual([BATON_RECORD, OWNERSHIP_RECORD]);
		expect(sent).toEqual([
			{
				url: `${API}?hostname=ainm2025.example.org`,
				method: "GET",
				headers: { authorization: "Bearer cf-test-token", "content-type": "application/json" },
				body: undefined,
			},
			{
				url: API,
				method: "POST",
				headers: { authorization: "Bearer cf-test-token", "content-type": "application/json" },
				body: { hostname: HOST, ssl: { method: "http", type: "dv" } },
			},
		]);
	});

	it("reuses a custom hostname the zone has already", async () => {
		const { fetch, sent } = recorded([200, listOf(customHostname("pending"))]);

		expect(await verifier(fetch).prepare(request)).toEqual([BATON_RECORD, OWNERSHIP_RECORD]);
		expect(sent.map((s) => s.method)).toEqual(["GET"]);
	});

	it("is verified when Cloudflare reports the custom hostname active and Baton's own record is there", async () => {
		const { fetch } = recorded(
			[200, listOf(customHostname("active", { ssl: { status: "active" } }))],
			[200, DOH_WITH_RECORD],
		);

		expect(await verifier(fetch).check(request)).toEqual({ verified: true });
	});

	it("is not verified by Cloudflare's active status alone: a name a former tenant left pointing at Baton stays active", async () => {
		const { fetch } = recorded([200, listOf(customHostname("active"))], [200, DOH_NXDOMAIN]);

		expect(await verifier(fetch).check(request)).toEqual({
			verified: false,
			reason: "No TXT record found at _baton-verify.ainm2025.example.org.",
		});
	});

	it("says what Cloudflare reports while the custom hostname is pending", async () => {
		const pending = customHostname("pending", {
			verification_errors: [
				"custom hostname does not CNAME to this zone.",
				"None of the A or AAAA records are owned by this account and the pre-generated ownership verification token was not found.",
			],
		});
		const { fetch } = recorded([200, listOf(pending)]);

		expect(await verifier(fetch).check(request)).toEqual({
			verified: false,
			reason:
				"Cloudflare reports the custom hostname as pending: custom hostname does not CNAME to this zone. None of the A or AAAA records are owned by this account and the pre-generated ownership verification token was not found.",
		});
	});

	it("needs Baton's own TXT record too for a takeover: the active status is the holder's proof", async () => {
		const takeover = { ...request, takeover: true };
		const active = listOf(customHostname("active"));
		const without = recorded([200, active], [200, DOH_NXDOMAIN]);
		const withRecord = recorded([200, active], [200, DOH_WITH_RECORD]);

		expect(await verifier(without.fetch).check(takeover)).toEqual({
			verified: false,
			reason: "No TXT record found at _baton-verify.ainm2025.example.org.",
		});
		expect(await verifier(withRecord.fetch).check(takeover)).toEqual({ verified: true });
		expect(withRecord.sent[1]?.url).toBe(
			"https://cloudflare-dns.com/dns-query?name=_baton-verify.ainm2025.example.org&type=TXT",
		);
		expect(await verifier(recorded([200, active]).fetch).prepare(takeover)).toEqual([
			{ type: "TXT", name: "_baton-verify.ainm2025.example.org", value: `baton-verify=${TOKEN}` },
		]);
	});

	it("throws with Cloudflare's errors when the API refuses", async () => {
		const refused = {
			success: false,
			errors: [{ code: 10000, message: "Authentication error" }],
			messages: [],
			result: null,
		};

		await expect(verifier(recorded([403, refused]).fetch).check(request)).rejects.toThrow(
			"the Cloudflare API refused: Authentication error (10000)",
		);
	});

	it("refuses to start without CF_ZONE_ID and CF_API_TOKEN", () => {
		expect(() => cloudflareVerifier({ fetch: recorded().fetch, zoneId: "", apiToken: "" })).toThrow(
			'HOSTNAME_VERIFIER "cloudflare" needs CF_ZONE_ID (a var) and CF_API_TOKEN (a secret)',
		);
	});
});

describe("the choice of verifier", () => {
	const base = { MAIN_HOST: "baton.example.org" } as Bindings;

	it("refuses the fake in production", () => {
		expect(() => fakeVerifier({ ENVIRONMENT: "production" })).toThrow(
			'The fake host name verifier refuses to run in production: set HOSTNAME_VERIFIER to "dns" or "cloudflare".',
		);
		expect(() => hostnameVerifier({ ...base, ENVIRONMENT: "production", HOSTNAME_VERIFIER: "fake" })).toThrow(
			"The fake host name verifier refuses to run in production",
		);
		// Anything but development or test counts as production (lib/environment.ts), a staging Worker too.
		expect(() => fakeVerifier({ ENVIRONMENT: "staging" } as unknown as Bindings)).toThrow(
			"refuses to run in production",
		);
		expect(hostnameVerifier({ ...base, ENVIRONMENT: undefined } as unknown as Bindings).kind).toBe("dns");
	});

	it("defaults to the DNS verifier in production and to the fake in development and tests", () => {
		expect(hostnameVerifier({ ...base, ENVIRONMENT: "production" }).kind).toBe("dns");
		expect(hostnameVerifier({ ...base, ENVIRONMENT: "development" }).kind).toBe("fake");
		expect(hostnameVerifier({ ...base, ENVIRONMENT: "test" }).kind).toBe("fake");
	});

	it("takes the adapter HOSTNAME_VERIFIER names, and refuses an unknown one", () => {
		const cloudflare = { ...base, ENVIRONMENT: "production" as const, CF_ZONE_ID: ZONE, CF_API_TOKEN: "t" };
		expect(hostnameVerifier({ ...cloudflare, HOSTNAME_VERIFIER: "cloudflare" }).kind).toBe("cloudflare");
		expect(hostnameVerifier({ ...base, ENVIRONMENT: "test", HOSTNAME_VERIFIER: "dns" }).kind).toBe("dns");
		expect(() =>
			hostnameVerifier({ ...base, ENVIRONMENT: "test", HOSTNAME_VERIFIER: "whois" as Bindings["HOSTNAME_VERIFIER"] }),
		).toThrow('HOSTNAME_VERIFIER must be "dns", "cloudflare" or "fake", not "whois"');
	});
});
