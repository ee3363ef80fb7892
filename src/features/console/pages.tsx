import { Hono } from "hono";
import { requireAuth, requireSignedInPage, visibleOnly } from "../../auth/guard";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { noticeFrom } from "../../views/form-flow";
import { loadDashboard } from "./dashboard";
import { DashboardPage } from "./views";

/** The console's front page: where the signed-in user has a role. */
export const consolePages = new Hono<AppEnv>().get("/console", requireSignedInPage, async (c) => {
	const { user } = requireAuth(c);
	const dashboard = await loadDashboard(c.var.db, user.id);
	// A mentor whose last day has passed no longer sees the edition: the policy decides, not this page.
	const editions = await visibleOnly(c, dashboard.editions, (e) => editionResource(e.edition));
	return c.html(<DashboardPage user={user} dashboard={{ ...dashboard, editions }} notice={noticeFrom(c)} />);
});
