/**
 * What the account routes read from a request besides the form: who is signed in (and how), the
 * client address for rate limits, the origin for emailed links, and a safe place to go next.
 */
import type { Context } from "hono";
import type { User } from "../../db/schema";
import type { AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { mainOrigin } from "../../lib/main-origin";

/** Cloudflare sets CF-Connecting-IP on every request it proxies; local runs share one bucket. */
export const clientIp = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

export const linkContext = (c: Context<AppEnv>): LinkContext => ({ origin: mainOrigin(c), ip: clientIp(c) });

/** Control characters: browsers drop tabs and newlines from URLs, so `/\t/evil.example` means `//evil.example`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A path on this site to continue to after signing in, or the fallback. Anything that could
 * leave the site (`//evil.example`, `/\evil.example`, `/<tab>/evil.example`, absolute URLs) is
 * refused: no open redirect.
 */
export function safeNext(next: string | undefined, fallback = "/console"): string {
	if (
		!next?.startsWith("/") ||
		next.startsWith("//") ||
		next.includes("\\") ||
		CONTROL_CHARACTER.test(next) ||
		next.length > 2000
	) {
		return fallback;
	}
	return next;
}

/** A `next` worth carrying to the following step (a safe path), or undefined when there is none. */
export const keptNext = (next: string | undefined): string | undefined => {
	const safe = safeNext(next, "");
	return safe === "" ? undefined : safe;
};

/** `path` with `next` added to its query, or `path` alone when there is no `next`. */
export const withNext = (path: string, next: string | undefined): string =>
	next ? `${path}${path.includes("?") ? "&" : "?"}next=${encodeURIComponent(next)}` : path;

/**
 * The signed-in user and their browser session. Account changes need a session: personal API
 * tokens are for integrations and reach one institution or edition, never the account itself.
 */
export function requireBrowserSession(c: Context<AppEnv>): { user: User; sessionId: string } {
	const auth = c.get("auth");
	if (!auth) throw new AppError(401, "unauthenticated", "Sign in to do this.");
	if (!auth.sessionId) {
		throw new AppError(403, "session_required", "API tokens cannot change the account. Sign in with a browser.");
	}
	return { user: auth.user, sessionId: auth.sessionId };
}

/** What a feature function that mails links needs from the request. */
export interface LinkContext {
	/** The main host's origin, which links in mails point to. */
	origin: string;
	/** The client's address, for per-IP rate limits. */
	ip: string;
}
