/**
 * Host names: which one is the platform's (MAIN_HOST), and which a committee may map to its
 * edition. Stored and compared lowercased, without port or trailing dot.
 */
import { z } from "@hono/zod-openapi";
import type { Bindings } from "../../env";

/** Loopback names that count as the main host in development and tests (wrangler dev, the e2e tests). */
const LOCAL_HOSTS = new Set(["127.0.0.1", "[::1]", "::1"]);

/** A request's host name as stored: lowercased, without the trailing dot of a fully qualified name. */
export const normalizeHost = (hostname: string) => hostname.toLowerCase().replace(/\.$/, "");

/**
 * Is `hostname` (from the request URL: no port) the platform's own host? In production only
 * MAIN_HOST is; in development and tests the loopback addresses are too, so local browsing and
 * the e2e tests on 127.0.0.1 keep working.
 */
export function isMainHost(hostname: string, env: Pick<Bindings, "MAIN_HOST" | "ENVIRONMENT">): boolean {
	const host = normalizeHost(hostname);
	if (host === normalizeHost(env.MAIN_HOST)) return true;
	return (env.ENVIRONMENT === "development" || env.ENVIRONMENT === "test") && LOCAL_HOSTS.has(host);
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `host` (normalized) is not a DNS name a site can live on, or null when it is one. */
function syntaxProblem(host: string): string | null {
	if (host.includes("/")) return "Give the host name only, e.g. ainm2025.example.org: no https:// and no path.";
	if (host.startsWith("[") || host.split(":").length > 2) return "An IP address cannot be mapped: give a host name.";
	if (host.includes(":")) return "Give the host name without a port.";
	// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
	if (/[^\x00-\x7f]/.test(host)) return "Write an international name in its ASCII form (xn--…), as DNS stores it.";
	if (host.length > 253) return "A host name has at most 253 characters.";
	const labels = host.split(".");
	if (labels.length < 2) return "Give a full host name with a dot, e.g. ainm2025.example.org.";
	if (!labels.every((label) => LABEL.test(label))) {
		return "Each part between the dots has 1 to 63 letters, digits or hyphens, and no hyphen at either end.";
	}
	// No top-level domain is all digits, so this is an IPv4 address (or a typo of one).
	if (/^\d+$/.test(labels.at(-1) ?? "")) return "An IP address cannot be mapped: give a host name.";
	return null;
}

/** A host name as typed by a committee: trimmed, lowercased, checked to be a DNS name. */
export const HostnameSchema = z
	.string({ error: "Give a host name." })
	.trim()
	.min(1, "Give a host name.")
	.max(300, "A host name has at most 253 characters.")
	.transform(normalizeHost)
	.superRefine((host, ctx) => {
		const problem = syntaxProblem(host);
		if (problem) ctx.addIssue({ code: "custom", message: problem });
	})
	.openapi({ example: "ainm2025.example.org", description: "Lowercased on save; no scheme, port or path." });

/**
 * Why `host` may not be mapped although it is a valid DNS name, or null: the platform's own
 * name, a name under it (it would pass for the platform, e.g. sign-in.baton.example.org) or one
 * starting with it (baton.example.org.evil.example, the lookalike of a careless origin check).
 */
export function reservedHostProblem(host: string, mainHost: string): string | null {
	const main = normalizeHost(mainHost);
	if (host === main) return "This is the platform's own host name.";
	if (host.endsWith(`.${main}`)) return "Names under the platform's host name are reserved for the platform.";
	if (host.startsWith(`${main}.`)) return "A host name may not start with the platform's host name.";
	return null;
}
