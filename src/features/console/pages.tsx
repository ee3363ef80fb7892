import { Hono } from "hono";
import { requireAuth, requireSignedInPage, visibleOnly } from "../../auth/guard";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { myPageUrl } from "../../urls";
import { noticeFrom } from "../../views/form-flow";
import { myRegistrations } from "../registration";
import { loadDashboard } from "./dashboard";
import { DashboardPage } from "./views";

/**
 * The console's front page: where the signed-in user has a role, and their registrations. An
 * attendee with no role anywhere never lands in the organizer console: they go to their My page
 * (the edition starting latest), where everything they do lives.
 */
export const consolePages = new Hono<AppEnv>().get("/console", requireSignedInPage, async (c) => {
	const { user } = requireAuth(c);
	const [dashboard, registrations] = await Promise.all([
		loadDashboard(c.var.db, user.id),
		myRegistrations(c.var.db, user.id),
	]);
	// A mentor whose last day has passed no longer sees the edition: the policy decides, not this page.
	const editions = await visibleOnly(c, dashboard.editions, (e) => editionResource(e.edition));
	const [latest] = registrations;
	const hasRole = dashboard.institutions.length + dashboard.series.length + editions.length > 0;
	if (!hasRole && latest && !noticeFrom(c)) return c.redirect(myPageUrl({ slug: latest.seriesSlug }, latest), 303);
	return c.html(
		<DashboardPage
			user={user}
			dashboard={{ ...dashboard, editions }}
			registrations={registrations}
			notice={noticeFrom(c)}
		/>,
	);
});
