/**
 * Host routing (src/README.md, "Hosts"): the main host is served as is; a custom host name whose
 * control was proven (verification.ts) and that belongs to a public edition serves that
 * edition's subsite at `/` by rewriting the path to `/s/{series}/{year}{path}` and dispatching
 * the rewrite to the same app; a name its edition unmapped answers a "moved" page during its
 * hold; any other host, a pending name included, is a 404.
 */
import type { Context, ExecutionContext, MiddlewareHandler } from "hono";
import type { AppEnv, Bindings } from "../../env";
import { AppError, notFound } from "../../lib/errors";
import { mainOrigin } from "../../lib/main-origin";
import { customHostTenant, markCustomHostRequest, resolveHostSite } from "../site";
import { isMainHost, normalizeHost } from "./hostnames";
import { movedPage } from "./views";

/** Runs a request through the whole app again, as the Worker's `fetch` does. */
export type Dispatch = (request: Request, env: Bindings, ctx?: ExecutionContext) => Response | Promise<Response>;

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Paths that live on the main host only: a custom host sends them there (the session cookie is host-only). */
const MAIN_HOST_PAGES = ["/console", "/auth"];
/**
 * Paths a custom host never answers: the API and dev tools, and `/s/…`, so an edition asked for
 * on another edition's host is a 404, never a redirect (which would tell that it exists).
 */
const NEVER_ON_CUSTOM_HOSTS = ["/api", "/dev", "/s"];

/**
 * The host-routing middleware. Mount it after the middleware that sets `c.var.db`, before
 * anything that reads the session or the body. `dispatch` is the app's own fetch.
 *
 * @example app.use(routeHosts((request, env, ctx) => app.fetch(request, env, ctx)));
 */
export function routeHosts(dispatch: Dispatch): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		// The rewritten request comes through here again: let it pass.
		if (customHostTenant(c.req.raw)) return next();
		const url = new URL(c.req.url);
		if (isMainHost(url.hostname, c.env)) return next();

		const path = url.pathname;
		if (NEVER_ON_CUSTOM_HOSTS.some((prefix) => under(path, prefix))) throw notFound();
		const site = await resolveHostSite(c.var.db, normalizeHost(url.hostname));
		if (!site || (!site.serving && !site.held)) {
			throw new AppError(404, "not_found", "No site is served at this address.");
		}
		// The stylesheet and other assets are the same on every host.
		if (under(path, "/assets")) return next();
		const { tenant } = site;
		if (!site.serving) {
			// Held: every page says where the edition is now; it names no other edition.
			c.header("Cache-Control", "no-store");
			return c.html(movedPage({ tenant, hostname: normalizeHost(url.hostname), origin: mainOrigin(c) }), 410);
		}
		if (MAIN_HOST_PAGES.some((prefix) => under(path, prefix))) {
			return c.redirect(`${mainOrigin(c)}${path}${url.search}`, 302);
		}

		const rewritten = new URL(url);
		rewritten.pathname = `/s/${tenant.series.slug}/${tenant.edition.year}${path === "/" ? "" : path}`;
		const headers = new Headers(c.req.raw.headers);
		// One request id for the outer and the rewritten request, so their log lines belong together.
		headers.set("X-Request-Id", c.get("requestId"));
		const inner = new Request(rewritten, {
			method: c.req.method,
			headers,
			body: c.req.raw.body,
			redirect: "manual",
		});
		markCustomHostRequest(inner, tenant);
		// The rewrite queries D1 through this request's counting client, so Server-Timing and the
		// request log count the host lookup and everything the rewrite sends, once.
		return dispatch(inner, { ...c.env, DB: c.var.db.$client }, executionContextOf(c));
	};
}

function executionContextOf(c: Context<AppEnv>): ExecutionContext | undefined {
	try {
		return c.executionCtx;
	} catch {
		// Hono throws when the runtime gave no context (app.request in unit tests).
		return undefined;
	}
}
