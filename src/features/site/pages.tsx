import { type Context, Hono } from "hono";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { mainOrigin } from "../../lib/main-origin";
import { PUBLIC_STATUSES } from "../series/series";
import { loadEditionHome } from "./edition-home";
import { mayPreview } from "./preview";
import { customHostTenant, resolveEdition, type SiteTenant } from "./tenant";
import { EditionHomePage, type SiteLinks } from "./views";

/**
 * The edition of a subsite request: the one its custom host serves (resolved by the host
 * routing), else the one at `/s/{series}/{year}`. A draft is shown only as a committee preview,
 * asked for with `?preview=1` on the main host; everyone else gets the 404 of an unknown edition.
 */
async function siteTenant(c: Context<AppEnv>): Promise<{ tenant: SiteTenant; preview: boolean }> {
	const onCustomHost = customHostTenant(c.req.raw);
	if (onCustomHost) return { tenant: onCustomHost, preview: false };
	const wantsPreview = c.req.query("preview") === "1";
	// A preview's answer depends on who asks: no cache may keep it, not even its 404.
	if (wantsPreview) c.header("Cache-Control", "private, no-store");
	const tenant = await resolveEdition(c.var.db, c.req.param("series") ?? "", c.req.param("year") ?? "");
	if (!tenant) throw notFound("This edition");
	if (PUBLIC_STATUSES.includes(tenant.edition.status)) return { tenant, preview: false };
	if (wantsPreview && (await mayPreview(c, tenant.edition))) return { tenant, preview: true };
	throw notFound("This edition");
}

const siteLinks = (c: Context<AppEnv>): SiteLinks => ({
	platformOrigin: customHostTenant(c.req.raw) ? mainOrigin(c) : "",
});

/** The public edition subsite under `/s/{series}/{year}` (and at `/` of its custom hosts). */
export const sitePages = new Hono<AppEnv>().get("/s/:series/:year", async (c) => {
	const { tenant, preview } = await siteTenant(c);
	const home = await loadEditionHome(c.var.db, tenant.edition);
	return c.html(<EditionHomePage {...tenant} home={home} links={siteLinks(c)} preview={preview} />);
});
