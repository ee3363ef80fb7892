/**
 * Edge caching of the public subsite (README, "Edge caching"). Every public page and feed of an
 * edition is rendered once per version of what it shows and then served from the Workers Cache
 * API (`caches.default`, per data centre) at the cost of the one statement that resolves the
 * tenant.
 *
 * - The key is the request's own URL (host included, so an edition's custom host and the main
 *   host never share an entry) under a version: a hash of the app's deployed version and of the
 *   whole resolved tenant, whose edition row carries the content version every content write
 *   bumps (content-version.ts), and whose other fields cover the series row, the canonical host,
 *   the newest edition and the rest of the series (`SiteTenant.seriesVersion`). An edit changes
 *   the key, so the next request renders afresh: nothing to purge, nothing stale.
 * - Browsers get `Cache-Control: no-cache` and an `ETag` (a hash of the bytes), so they
 *   revalidate every time and get a bodiless 304 while the page is unchanged.
 * - Never stored: committee previews (`?preview=…`, `private, no-store`), drafts and unknown
 *   editions, anything but GET/HEAD, anything but a 200, responses that set a cookie or say
 *   `private`/`no-store`/`Vary`. The subsite never reads the session (only previews do), so
 *   a copy is the same for everyone. What is not stored tells browsers `no-cache` unless it said
 *   otherwise (errors from the error boundary say `no-store`).
 *
 * The Cache API does nothing on `*.workers.dev` (every request renders; ETags and 304s still
 * work) and does not exist in Node (the bench's in-process run): both degrade to no edge copy.
 */
import type { Context, MiddlewareHandler } from "hono";
import { PUBLIC_STATUSES } from "../../domain/series";
import type { AppEnv, Bindings } from "../../env";
import { requestTenant, type SiteTenant } from "./tenant";

/**
 * How long the edge keeps a copy at most. Edits never wait for it (they change the key); it
 * bounds what only the clock changes (a deadline passing) on pages that do not say so with
 * `changesAt`, at the price of one render per page and data centre every ten minutes.
 */
export const EDGE_TTL_SECONDS = 600;

/** `/s/{series}/{year}/register` and `/me` (with what is below it): pages that depend on who asks. */
const ATTENDEE_PAGE = /^\/s\/[^/]+\/[^/]+\/(?:register|me)(?:\/.*)?$/;

/** What browsers are told: keep it, but ask every time (with If-None-Match). */
const BROWSER_CACHE_CONTROL = "no-cache";

/** Headers of the one request that rendered a copy, not to be replayed to others. */
const PER_REQUEST_HEADERS = ["x-request-id", "server-timing"];

/** Headers a 304 keeps (RFC 9110, 15.4.5): the validator and the caching rules. */
const NOT_MODIFIED_HEADERS = ["etag", "cache-control", "x-cache"];

/**
 * The edge-cache middleware: mount it once, before the subsite's routers, on every public
 * subsite path (`/s/:series/:year/*` also matches the home). Custom-host requests reach it as
 * their `/s/…` rewrite.
 *
 * @example app.use("/s/:series/:year/*", edgeCache);
 */
export const edgeCache: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
	// The attendee's pages (register with live seats, My page) read the session: never a shared copy.
	if (ATTENDEE_PAGE.test(new URL(c.req.url).pathname)) return next();
	if (c.req.query("preview") !== undefined) {
		// A preview's answer depends on who asks: no cache may keep it, not even its 404.
		await next();
		c.header("Cache-Control", "private, no-store");
		return;
	}
	const tenant = await requestTenant(c.var.db, c.req.raw, c.req.param("series"), c.req.param("year"));
	// Unknown and draft editions: the page answers (a 404), uncached, and browsers are told to ask
	// again (a draft's 404 becomes its home the moment it is published). Paths that are not an
	// edition's (the series' /follow pages, which say no-store) end here too, without a statement.
	if (!tenant || !PUBLIC_STATUSES.includes(tenant.edition.status)) {
		await next();
		if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", BROWSER_CACHE_CONTROL);
		return;
	}

	const cache = edgeCacheStorage();
	const key = await cacheKey(c, tenant);
	// A cache that fails is a miss: the page renders as if there were none.
	const stored = await cache?.match(key).catch((error: unknown) => logFailure(c, "match", error));
	if (stored) return answer(c, stored, "HIT");

	await next();
	const rendered = c.res;
	if (!storable(rendered)) {
		if (!rendered.headers.has("Cache-Control")) c.header("Cache-Control", BROWSER_CACHE_CONTROL);
		return;
	}
	const body = await rendered.arrayBuffer();
	const headers = new Headers(rendered.headers);
	for (const name of PER_REQUEST_HEADERS) headers.delete(name);
	headers.set("ETag", await etagOf(body));
	const ttl = edgeTtl(c);
	headers.set("Cache-Control", `public, s-maxage=${ttl}`);
	const copy = new Response(body, { status: 200, headers });
	if (cache && ttl > 0) waitUntil(c, cache.put(key, copy.clone()));
	// Replaced, not merged: Hono would otherwise copy the rendered response's headers back over these.
	// First, so that answer() builds on the headers set before the page, not on the page's.
	c.res = undefined;
	c.res = answer(c, copy, "MISS");
};

/**
 * Tells the edge cache that the page being rendered changes at `instant` by the clock alone
 * (a deadline passing, registration closing): the edge keeps its copy no longer than that.
 * Instants already past are ignored, so a page may name all its deadlines. The ETag follows the
 * bytes, so browsers see the change as soon as the edge renders it.
 *
 * @example for (const date of home.keyDates) changesAt(c, date.at);
 */
export function changesAt(c: Context<AppEnv>, instant: Date): void {
	if (instant.getTime() <= Date.now()) return;
	const earliest = changeInstants.get(c.req.raw);
	if (earliest === undefined || instant.getTime() < earliest) changeInstants.set(c.req.raw, instant.getTime());
}

const changeInstants = new WeakMap<Request, number>();

/** Seconds the edge may keep this request's copy: EDGE_TTL_SECONDS, or less when the page changes sooner. */
function edgeTtl(c: Context<AppEnv>): number {
	const changes = changeInstants.get(c.req.raw);
	if (changes === undefined) return EDGE_TTL_SECONDS;
	return Math.max(0, Math.min(EDGE_TTL_SECONDS, Math.floor((changes - Date.now()) / 1000)));
}

/**
 * True when `ifNoneMatch` (the request header) matches `etag` by weak comparison (RFC 9110,
 * 13.1.2): any of its tags equal to it, `W/` ignored (Cloudflare weakens ETags when it
 * compresses), or `*`.
 *
 * @example ifNoneMatchHits('W/"abc", "def"', '"abc"'); // true
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
	return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/**
 * The browser's answer from an edge copy: the page, or a 304 when the browser's copy is current.
 * Made with `c.newResponse`, so it carries what outer middleware set before the page (the request id).
 */
function answer(c: Context<AppEnv>, copy: Response, source: "HIT" | "MISS"): Response {
	const headers = new Headers(copy.headers);
	headers.set("Cache-Control", BROWSER_CACHE_CONTROL);
	headers.set("X-Cache", source);
	// The Cache API's own notes on a match; X-Cache says it for both paths.
	headers.delete("Age");
	headers.delete("CF-Cache-Status");
	const etag = headers.get("ETag") ?? "";
	if (etag && ifNoneMatchHits(c.req.header("If-None-Match"), etag)) {
		const kept = Object.fromEntries(NOT_MODIFIED_HEADERS.map((name) => [name, headers.get(name) ?? ""]));
		const notModified = c.newResponse(null, { status: 304, headers: kept });
		// No body, so nothing about one (the page's Content-Type may be among the headers set before it).
		notModified.headers.delete("Content-Type");
		return notModified;
	}
	return c.newResponse(copy.body, { status: 200, headers });
}

/** A 200 that neither sets a cookie nor asks to stay out of shared caches, and varies by nothing. */
function storable(response: Response): boolean {
	if (response.status !== 200 || response.headers.has("Set-Cookie") || response.headers.has("Vary")) return false;
	return !/\b(private|no-store)\b/i.test(response.headers.get("Cache-Control") ?? "");
}

/**
 * The edge key of a request: a bodiless GET without headers (no cookie, nothing to vary on) at
 * the request's own origin, with the version as the first path segment. Real paths start with
 * `/s/`, so no URL a client sends can land on another version's entry.
 */
async function cacheKey(c: Context<AppEnv>, tenant: SiteTenant): Promise<Request> {
	const url = new URL(c.req.url);
	const version = await sha256Hex(JSON.stringify([appVersion(c.env), tenant]));
	return new Request(`${url.origin}/${version}${url.pathname}${url.search}`);
}

let isolateVersion: string | undefined;

/**
 * The deployed version (wrangler.toml `[version_metadata]`; a new id per deploy and per local
 * start), so new code never serves HTML rendered by the old. Without the binding, an id of this
 * isolate: correct, just fewer hits.
 */
function appVersion(env: Bindings): string {
	if (env.CF_VERSION_METADATA?.id) return env.CF_VERSION_METADATA.id;
	isolateVersion ??= crypto.randomUUID();
	return isolateVersion;
}

/** A strong ETag: the first 128 bits of the body's SHA-256. */
async function etagOf(body: ArrayBuffer): Promise<string> {
	return `"${await sha256Hex(body)}"`;
}

async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
	const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
	return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** `caches.default` where the runtime has it (workerd), else undefined (Node). */
function edgeCacheStorage(): Cache | undefined {
	return (globalThis as { caches?: CacheStorage }).caches?.default;
}

/** Logs a failed Cache API call with the request id; the request goes on without the cache. */
function logFailure(c: Context<AppEnv>, call: "match" | "put", error: unknown): undefined {
	console.error(
		JSON.stringify({ level: "error", requestId: c.get("requestId"), edgeCache: call, error: String(error) }),
	);
	return undefined;
}

/** Stores in the background, so the response is not held up; without a context (app.request) it just runs. */
function waitUntil(c: Context<AppEnv>, work: Promise<void>): void {
	const logged = work.catch((error: unknown) => logFailure(c, "put", error));
	try {
		c.executionCtx.waitUntil(logged);
	} catch {
		// Hono throws when the runtime gave no execution context.
	}
}
