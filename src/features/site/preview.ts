/**
 * Committee previews of a draft subsite (`/s/{series}/{year}?preview=1` on the main host). The
 * subsite never reads the session, so that it caches for everyone; this one case does, by itself,
 * and its answers are never cached (see the page).
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { loadActor } from "../../auth/actor";
import { can } from "../../auth/policy";
import { SESSION_COOKIE, validateSessionToken } from "../../auth/sessions";
import type { Edition } from "../../db/schema";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";

/** May the signed-in visitor (if any) preview this draft? Its committee and the series' stewards may. */
export async function mayPreview(c: Context<AppEnv>, edition: Pick<Edition, "id" | "seriesId" | "status">) {
	const token = getCookie(c, SESSION_COOKIE);
	if (!token) return false;
	const session = await validateSessionToken(c.var.db, token);
	if (!session) return false;
	return can(await loadActor(c.var.db, session.user.id), "edition.view", editionResource(edition));
}
