/**
 * The edition's feeds (src/README.md, "URLs"): `schedule.xml`, `schedule.json`, `calendar.ics`
 * and `program/{seq}/calendar.ics` under `/s/{series}/{year}`, and at `/` of a custom host (the
 * host routing rewrites those to the `/s/…` paths). Public editions to anyone; a draft's feeds,
 * like its pages, only as a committee preview (`?preview=1` on the main host, preview.ts), never
 * cached, and a 404 to everyone else. Each public answer is a function of the URL and the database
 * alone (tenant: one statement, shared with the edge cache; program: two), so the edge cache
 * (edge-cache.ts) may keep it.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { acronymOf, scheduleJson, scheduleXml } from "../../lib/frab";
import { mainOrigin } from "../../lib/main-origin";
import { buildSchedule, canonicalBase, programCalendar, sessionCalendar } from "./feeds";
import { visibleTenant } from "./preview";
import { loadProgram, loadSession } from "./program-data";
import type { SiteTenant } from "./tenant";

/**
 * The edition of the request (the one its custom host serves, or the one in its path), when the
 * visitor may see it: public, or a draft its committee previews; else a 404.
 */
async function feedTenant(c: Context<AppEnv>): Promise<SiteTenant> {
	// Resolved once per request: the edge cache has usually asked already.
	const visible = await visibleTenant(c);
	if (!visible) throw notFound("This edition");
	return visible.tenant;
}

const calendarHeaders = (filename: string) => ({
	"Content-Type": "text/calendar; charset=utf-8",
	"Content-Disposition": `attachment; filename="${filename}"`,
});

const SEQ = /^[1-9]\d{0,8}$/;

/** Mounted before the subsite pages, whose routes would otherwise see `schedule.xml` as a page. */
export const siteFeeds = new Hono<AppEnv>()
	.get("/s/:series/:year/schedule.xml", async (c) => {
		const tenant = await feedTenant(c);
		const program = await loadProgram(c.var.db, tenant.edition);
		const schedule = await buildSchedule(tenant, program, canonicalBase(mainOrigin(c), tenant));
		return c.body(scheduleXml(schedule), 200, { "Content-Type": "application/xml; charset=utf-8" });
	})
	.get("/s/:series/:year/schedule.json", async (c) => {
		const tenant = await feedTenant(c);
		const program = await loadProgram(c.var.db, tenant.edition);
		const schedule = await buildSchedule(tenant, program, canonicalBase(mainOrigin(c), tenant));
		return c.body(JSON.stringify(scheduleJson(schedule)), 200, { "Content-Type": "application/json; charset=utf-8" });
	})
	.get("/s/:series/:year/calendar.ics", async (c) => {
		const tenant = await feedTenant(c);
		const program = await loadProgram(c.var.db, tenant.edition);
		const body = programCalendar(tenant, program, canonicalBase(mainOrigin(c), tenant));
		return c.body(body, 200, calendarHeaders(`${acronymOf(tenant.series.slug, tenant.edition.year)}.ics`));
	})
	.get("/s/:series/:year/program/:seq/calendar.ics", async (c) => {
		const seq = c.req.param("seq");
		const tenant = await feedTenant(c);
		const session = SEQ.test(seq) ? await loadSession(c.var.db, tenant.edition, Number(seq)) : undefined;
		if (!session) throw notFound("This session");
		const body = sessionCalendar(tenant, session, canonicalBase(mainOrigin(c), tenant));
		const filename = `${acronymOf(tenant.series.slug, tenant.edition.year)}-session-${session.seq}.ics`;
		return c.body(body, 200, calendarHeaders(filename));
	});
