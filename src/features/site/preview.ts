/**
 * Committee previews of a draft subsite (`/s/{series}/{year}?preview=1` on the main host): its
 * pages and its feeds alike. The subsite never reads the session, so that it caches for everyone;
 * this one case does, by itself, and its answers are never cached (`private, no-store`, here and
 * in edge-cache.ts).
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { loadActor } from "../../auth/actor";
import { can } from "../../auth/policy";
import { SESSION_COOKIE, validateSessionToken } from "../../auth/sessions";
import type { Edition } from "../../db/schema";
import { editionResource } from "../../domain/editions";
import { PUBLIC_STATUSES } from "../../domain/series";
import type { AppEnv } from "../../env";
import { customHostTenant, requestTenant, type SiteTenant } from "./tenant";

/** May the signed-in visitor (if any) preview this draft? Its committee and the series' stewards may. */
export async function mayPreview(c: Context<AppEnv>, edition: Pick<Edition, "id" | "seriesId" | "status">) {
	const token = getCookie(c, SESSION_COOKIE);
	if (!token) return false;
	const session = await validateSessionToken(c.var.db, token);
	if (!session) return false;
	return can(await loadActor(c.var.db, session.user.id), "edition.view", editionResource(edition));
}

/** The edition a subsite request shows, and how it was asked for. */
export interface VisibleTenant {
	tenant: SiteTenant;
	/** Asked for on its custom host (which never previews). */
	onCustomHost: boolean;
	/** Published, held or archived: false only for a committee's preview of a draft. */
	isPublic: boolean;
}

/**
 * The edition of a subsite request (its custom host's, or the one at `/s/{series}/{year}`) if the
 * visitor may see it: a public edition to anyone, a draft only as a preview (`?preview=1` on the
 * main host) to whoever `mayPreview`; undefined otherwise, so that a draft answers everyone else
 * exactly as an unknown edition does (404). A preview's answer, even that 404, says
 * `private, no-store`.
 */
export async function visibleTenant(c: Context<AppEnv>): Promise<VisibleTenant | undefined> {
	const onCustomHost = customHostTenant(c.req.raw) !== undefined;
	const wantsPreview = !onCustomHost && c.req.query("preview") === "1";
	// A preview's answer depends on who asks: no cache may keep it, not even its 404.
	if (wantsPreview) c.header("Cache-Control", "private, no-store");
	const tenant = await requestTenant(c.var.db, c.req.raw, c.req.param("series"), c.req.param("year"));
	if (!tenant) return undefined;
	const isPublic = PUBLIC_STATUSES.includes(tenant.edition.status);
	if (!isPublic && !(wantsPreview && (await mayPreview(c, tenant.edition)))) return undefined;
	return { tenant, onCustomHost, isPublic };
}
