/**
 * Request-side authentication and the single authorization entry point for routes:
 * `authorize(c, action, resource)` answers 401 (nobody signed in), 404 (a resource the actor
 * may not know exists) or 403 (known but not allowed), and otherwise returns the actor.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { actAs } from "../db/write";
import type { AppEnv } from "../env";
import { AppError } from "../lib/errors";
import { signInUrl } from "../urls";
import { loadActor } from "./actor";
import { validateApiToken } from "./api-tokens";
import { type Action, type Actor, can, type Resource, viewActionFor } from "./policy";
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from "./sessions";

/**
 * Reads the bearer token or the session cookie once per request. Mounted on the console, auth
 * and API routes only: public pages never look at who is asking, so they cache for everyone.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
	c.set("auth", null);
	c.set("actor", null);
	const header = c.req.header("Authorization");
	if (header) {
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const valid = match?.[1] ? await validateApiToken(c.var.db, match[1]) : null;
		if (!valid) throw new AppError(401, "invalid_token", "The API token is invalid, expired or revoked.");
		c.set("auth", { user: valid.user, sessionId: null, token: valid.scope });
	} else {
		const token = getCookie(c, SESSION_COOKIE);
		if (token) {
			const session = await validateSessionToken(c.var.db, token);
			if (session) c.set("auth", { user: session.user, sessionId: session.id, token: null });
			else deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
		}
	}
	// Every write of this request is filed under the signed-in account (src/db/write.ts).
	const auth = c.get("auth");
	if (auth) actAs(c.var.db, { kind: "account", id: auth.user.id });
	await next();
};

export function setSessionCookie(c: Context<AppEnv>, token: string) {
	setCookie(c, SESSION_COOKIE, token, sessionCookieOptions);
}

export function clearSessionCookie(c: Context<AppEnv>) {
	deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}

/**
 * For console pages: a signed-out visitor is sent (303) to sign in and brought back afterwards,
 * instead of seeing a 401 page. After a form post the way back is the page that showed the form
 * (same-origin Referer), since the post's own address cannot be opened.
 */
export const requireSignedInPage: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (c.get("auth")) return next();
	return c.redirect(signInUrl(returnPath(c)), 303);
};

function returnPath(c: Context<AppEnv>): string {
	const url = new URL(c.req.url);
	if (c.req.method === "GET" || c.req.method === "HEAD") return url.pathname + url.search;
	const referer = URL.parse(c.req.header("Referer") ?? "");
	return referer?.origin === url.origin ? referer.pathname + referer.search : "/console";
}

/**
 * The 404 for something the actor may not know exists. Unknown and hidden resources must answer
 * exactly alike, or the difference would tell that a hidden one exists.
 */
export const notVisible = () => new AppError(404, "not_found", "This does not exist.");

/** The signed-in user's authentication, or a 401. */
export function requireAuth(c: Context<AppEnv>) {
	const auth = c.get("auth");
	if (!auth) throw new AppError(401, "unauthenticated", "Sign in to do this.");
	return auth;
}

/** The actor of this request with all its roles, loaded once and kept for the request. */
export async function currentActor(c: Context<AppEnv>): Promise<Actor | null> {
	const auth = c.get("auth");
	if (!auth) return null;
	const cached = c.get("actor");
	if (cached) return cached;
	const actor = await loadActor(c.var.db, auth.user.id, auth.token ?? undefined);
	c.set("actor", actor);
	return actor;
}

/**
 * For lists of "mine": keeps the items whose resource the actor may see (a token scoped to one
 * institution lists only that one). Needs a signed-in actor (401 otherwise).
 */
export async function visibleOnly<T>(c: Context<AppEnv>, items: T[], resourceOf: (item: T) => Resource): Promise<T[]> {
	requireAuth(c);
	const actor = await currentActor(c);
	return items.filter((item) => {
		const resource = resourceOf(item);
		const view = viewActionFor(resource);
		return view === null || can(actor, view, resource);
	});
}

/**
 * The only way a route checks permissions. Throws 401 / 404 / 403 per the data contract and
 * returns the actor when the policy allows the action.
 */
export async function authorize(c: Context<AppEnv>, action: Action, resource: Resource): Promise<Actor> {
	requireAuth(c);
	const actor = await currentActor(c);
	if (can(actor, action, resource)) return actor as Actor;
	const view = viewActionFor(resource);
	const visible = view === null || (resource.kind === "edition" && resource.isPublic) || can(actor, view, resource);
	if (!visible) throw notVisible();
	throw new AppError(403, "forbidden", "You are not allowed to do this.");
}
