/**
 * The request side of reaching a series' stewards or an edition's committee, shared by pages and
 * API: resolve the series or edition, then authorize through the policy.
 */
import type { Context } from "hono";
import { authorize, notVisible, requireAuth } from "../auth/guard";
import type { Action } from "../auth/policy";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { editionResource, findEditionWithSeries } from "./editions";
import { findSeriesBySlug } from "./series";

/** The series at `slug` once the actor may do `action` on it (series are public: 403, not 404). */
export async function authorizedSeries(c: Context<AppEnv>, action: Action, slug: string) {
	const found = await findSeriesBySlug(c.var.db, slug);
	if (!found) throw notFound("This series");
	const actor = await authorize(c, action, { kind: "series", id: found.id });
	// The console's frame shows the demo banner on a demo series' pages (views/demo-banner.tsx).
	if (found.isDemo) c.set("demo", true);
	return { series: found, actor };
}

/**
 * The edition (with its series) once the actor may do `action` on it. An unknown edition and a
 * draft the actor may not see answer the same 404.
 */
export async function authorizedEdition(c: Context<AppEnv>, action: Action, id: string) {
	// Signed-out callers get 401 before any lookup, so they cannot probe which ids exist.
	requireAuth(c);
	const found = await findEditionWithSeries(c.var.db, id);
	if (!found) throw notVisible();
	const actor = await authorize(c, action, editionResource(found.edition));
	// The console's frame shows the demo banner on every page of a demo series' edition (views/demo-banner.tsx).
	if (found.series.isDemo) c.set("demo", true);
	return { ...found, actor };
}
