import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { contextStorage } from "hono/context-storage";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { describeApi } from "./api/openapi";
import { authenticate } from "./auth/guard";
import { createDatabase } from "./db/client";
import { countQueries } from "./db/query-counter";
import { guardWrites } from "./db/write-guard";
import type { AppEnv } from "./env";
import { accountsApi } from "./features/accounts/api";
import { accountsPages } from "./features/accounts/pages";
import { attendeesApi } from "./features/attendees/api";
import { attendeesPages } from "./features/attendees/pages";
import { auditApi, auditPages } from "./features/audit";
import { checklistPages } from "./features/checklist/pages";
import { cloningApi } from "./features/cloning/api";
import { copiedTextPages } from "./features/cloning/review-pages";
import { committeesApi } from "./features/committees/api";
import { committeesPages } from "./features/committees/pages";
import { consolePages } from "./features/console/pages";
import { contentApi } from "./features/content/api";
import { contentPages } from "./features/content/pages";
import { debriefPages } from "./features/debrief/pages";
import { devPages } from "./features/dev/pages";
import { editionsApi } from "./features/editions/api";
import { editionPages } from "./features/editions/pages";
import { followingApi } from "./features/following/api";
import { followingPages, isOneClickUnsubscribe } from "./features/following/pages";
import { handoverApi } from "./features/handover/api";
import { handoverPages } from "./features/handover/pages";
import { hostingApi } from "./features/hosting/api";
import { hostingPages } from "./features/hosting/pages";
import { hostsApi } from "./features/hostnames/api";
import { hostsPages } from "./features/hostnames/pages";
import { routeHosts } from "./features/hostnames/routing";
import { insightsApi } from "./features/insights/api";
import { institutionsApi } from "./features/institutions/api";
import { institutionsPages } from "./features/institutions/pages";
import { lifecycleApi } from "./features/lifecycle/api";
import { lifecyclePages } from "./features/lifecycle/pages";
import { mailApi } from "./features/mail/api";
import { mailPages } from "./features/mail/pages";
import { reminderPages } from "./features/organizer-reminders/pages";
import { programApi } from "./features/program/api";
import { programPages } from "./features/program/pages";
import { ATTENDEE_PATHS, registrationApi, registrationPages } from "./features/registration";
import { seriesApi } from "./features/series/api";
import { seriesPages } from "./features/series/pages";
import { cloningPages } from "./features/setup/pages";
import { edgeCache } from "./features/site/edge-cache";
import { siteFeeds } from "./features/site/feeds-routes";
import { siteFallbackPages, sitePages } from "./features/site/pages";
import { templatesApi } from "./features/templates/api";
import { templatesPages } from "./features/templates/pages";
import { BODY_LIMIT_BYTES, type LargerBodies, limitRequestBodies } from "./lib/body-limit";
import { privateByDefault } from "./lib/cache-control";
import { refuseUnsafeProduction } from "./lib/environment";
import { AppError, type ErrorBody, RateLimitedError } from "./lib/errors";
import { assetRoutes } from "./views/assets";
import { ErrorPage } from "./views/error-page";

/**
 * Builds the Baton app: middleware, then one route module per feature. The Worker and the
 * tests build it with this same factory.
 */
export function createApp() {
	// strict: false, so `/s/ainm/2023/` and `/s/ainm/2023` are the same page.
	const app = new OpenAPIHono<AppEnv>({ strict: false });

	app.use(requestId());
	// The console's frame reads the request (is its edition a demo?) without every page passing it on.
	app.use("/console/*", contextStorage());
	app.use(logRequest);
	// A production Worker with a fake (the outbox mailer) or a development setting answers nothing.
	app.use(refuseUnsafeProduction);
	app.use(
		secureHeaders({
			// Fill in, never replace: a response that set its own header meant it (an attachment's
			// download keeps its `default-src 'none'; sandbox`, see handover/attachments.ts).
			overwrite: false,
			contentSecurityPolicy: {
				defaultSrc: ["'self'"],
				scriptSrc: ["'self'"],
				styleSrc: ["'self'"],
				imgSrc: ["'self'", "data:", "https:"],
				objectSrc: ["'none'"],
				baseUri: ["'self'"],
				frameAncestors: ["'none'"],
				formAction: ["'self'"],
			},
			// No page uses these powerful features, so no page (nor anything injected into one) may
			// ask for them. The check-in page to come will need `camera: ["self"]` (scanning tickets)
			// for its own path: set it on that response, which this then keeps.
			permissionsPolicy: {
				accelerometer: [],
				camera: [],
				displayCapture: [],
				geolocation: [],
				gyroscope: [],
				hid: [],
				magnetometer: [],
				microphone: [],
				midi: [],
				payment: [],
				serial: [],
				usb: [],
			},
		}),
	);
	// Before anything reads a body (README, "Limits").
	app.use(limitRequestBodies({ maxSize: BODY_LIMIT_BYTES, larger: LARGER_BODIES }));
	app.use(async (c, next) => {
		const { db, counter } = countQueries(c.env.DB);
		// Writes that did not come through the write kernel (src/db/write.ts) fail instead of landing unaudited.
		c.set("db", createDatabase(guardWrites(db)));
		c.set("queries", counter);
		await next();
		// Server-Timing shows the query budget in browser dev tools and lets tests measure it.
		c.header("Server-Timing", `d1;desc="${counter.count} queries";dur=${counter.ms.toFixed(1)}`);
	});
	// Custom host names (src/README.md, "Hosts"): a mapped host's requests are rewritten to its edition's
	// `/s/{series}/{year}/…` and run through this same app; unknown hosts get a 404. Before the
	// origin check and the session, so console and sign-in never run on a custom host.
	app.use(routeHosts((request, env, ctx) => app.fetch(request, env, ctx)));

	// Forms may only be posted from Baton's own pages (Origin / Sec-Fetch-Site check on every
	// state-changing request with a form content type; JSON needs a CORS preflight anyway).
	// A bearer token is not an ambient credential (a browser never attaches it on its own), so
	// token-authenticated API calls need no Origin check.
	const checkOrigin = csrf();
	// The one-click unsubscribe POST (RFC 8058) comes from mail providers' servers without an
	// Origin; its token is in the URL, not in a cookie, so it needs no Origin check either.
	app.use((c, next) => (c.req.header("Authorization") || isOneClickUnsubscribe(c) ? next() : checkOrigin(c, next)));
	// Who is asking matters only here: public pages never read the session, so they cache for all.
	// ("/console/*" matches "/console" too.)
	for (const path of ["/api/*", "/console/*", "/auth/*", "/dev/*"]) app.use(path, authenticate);
	// …and an edition's attendee pages (register, My page), which are never cached (edge-cache.ts skips them).
	for (const path of ATTENDEE_PATHS) app.use(path, authenticate);
	// …and so do their answers: none may be kept by a cache unless it says otherwise itself.
	for (const path of ["/api/*", "/console/*", "/auth/*", "/dev/*"]) app.use(path, privateByDefault);
	// Every public page and feed of an edition, custom-host rewrites included: ETag/304 and the edge
	// copy (site/edge-cache.ts). "/s/:series/:year/*" matches the edition home too.
	app.use("/s/:series/:year/*", edgeCache);

	app.route("/", assetRoutes);
	app.route("/", seriesPages);
	// Before sitePages, whose /s/:series/:year would otherwise take /s/ainm/follow.
	app.route("/", followingPages);
	app.route("/", siteFeeds);
	app.route("/", sitePages);
	app.route("/", registrationPages);
	app.route("/", accountsPages);
	app.route("/", consolePages);
	app.route("/", institutionsPages);
	app.route("/", committeesPages);
	app.route("/", editionPages);
	// Before contentPages: the checklist timeline and the reminders page replace those collections' generic lists.
	app.route("/", checklistPages);
	app.route("/", reminderPages);
	app.route("/", contentPages);
	app.route("/", programPages);
	app.route("/", hostingPages);
	app.route("/", hostsPages);
	app.route("/", mailPages);
	app.route("/", auditPages);
	app.route("/", attendeesPages);
	app.route("/", lifecyclePages);
	app.route("/", cloningPages);
	app.route("/", copiedTextPages);
	app.route("/", templatesPages);
	app.route("/", debriefPages);
	app.route("/", handoverPages);
	app.route("/", devPages);
	// Last of the pages: any other path below an edition gets the edition's own 404 page.
	app.route("/", siteFallbackPages);

	// Before the API routes: they refer to the shared parameters it declares.
	describeApi(app, "/api/openapi.json");
	app.route("/api/v1", seriesApi);
	app.route("/api/v1", accountsApi);
	app.route("/api/v1", institutionsApi);
	app.route("/api/v1", committeesApi);
	app.route("/api/v1", editionsApi);
	app.route("/api/v1", contentApi);
	app.route("/api/v1", programApi);
	app.route("/api/v1", hostingApi);
	app.route("/api/v1", hostsApi);
	app.route("/api/v1", lifecycleApi);
	app.route("/api/v1", cloningApi);
	app.route("/api/v1", templatesApi);
	app.route("/api/v1", followingApi);
	app.route("/api/v1", handoverApi);
	app.route("/api/v1", insightsApi);
	app.route("/api/v1", mailApi);
	app.route("/api/v1", auditApi);
	app.route("/api/v1", registrationApi);
	app.route("/api/v1", attendeesApi);

	app.notFound((c) => respondWithError(c, new AppError(404, "not_found", "This page does not exist.")));
	app.onError((err, c) => respondWithError(c, err));
	return app;
}

/** The routes that take bodies over BODY_LIMIT_BYTES. */
const LARGER_BODIES: LargerBodies[] = [
	// The attachment uploads check their own 10 MB, with the file field's message.
	{ path: /^\/console\/notes\/[^/]+\/attachments\/?$/, maxSize: "own" },
	{ path: /^\/api\/v1\/handover-notes\/[^/]+\/attachments\/?$/, maxSize: "own" },
	// A whole template document, every part of an edition, to check before it is published.
	{ path: /^\/api\/v1\/templates\/validate\/?$/, maxSize: 1024 * 1024 },
];

const wantsJson = (c: Context<AppEnv>) => new URL(c.req.url).pathname.startsWith("/api/");

/**
 * The one error boundary: API paths get the data contract's JSON body, pages an HTML page with
 * the same message. Unexpected errors are logged with the request id and shown without details.
 */
function respondWithError(c: Context<AppEnv>, err: Error): Response | Promise<Response> {
	const id = c.get("requestId");
	let error: AppError;
	if (err instanceof AppError) {
		error = err;
	} else if (err instanceof HTTPException && err.status < 500) {
		// Hono's own 4xx, e.g. a body that is not JSON at all.
		error = new AppError(err.status as 400, httpCode(err.status), err.message || "The request is malformed.");
	} else {
		console.error(JSON.stringify({ level: "error", requestId: id, error: String(err), stack: err.stack }));
		error = new AppError(500, "internal", "Something went wrong on our side. Please try again.");
	}
	// An error is about this request (and a 404 may stop being one any moment): never kept by a cache.
	c.header("Cache-Control", "no-store");
	if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
	if (wantsJson(c)) return c.json<ErrorBody>(error.toBody(id), error.status);
	return c.html(<ErrorPage status={error.status} message={error.message} requestId={id} />, error.status);
}

function httpCode(status: number): string {
	if (status === 400) return "malformed";
	if (status === 413) return "too_large";
	return `http_${status}`;
}

/** One JSON line per request: method, path, status, ms, request id and D1 statements. */
async function logRequest(c: Context<AppEnv>, next: () => Promise<void>) {
	const started = performance.now();
	await next();
	console.log(
		JSON.stringify({
			method: c.req.method,
			path: new URL(c.req.url).pathname,
			status: c.res.status,
			ms: Math.round((performance.now() - started) * 10) / 10,
			requestId: c.get("requestId"),
			queries: c.get("queries")?.count ?? 0,
		}),
	);
}
