import { type Context, Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import type { AppEnv } from "../../env";
import { authorizedEdition } from "../committees/access";
import { editionResource } from "../committees/committees";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../console/form-flow";
import { contentUrl } from "../content/views";
import { settingsOf, settingsSchema, updateSettings } from "./settings";
import { EditionContentPage, SettingsPage, settingsUrl } from "./views";

async function viewContext(c: Context<AppEnv>) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
	return { ...found, user: requireAuth(c).user, canEdit };
}

async function renderSettings(c: Context<AppEnv>, failed?: FailedForm, status = 200) {
	const context = await viewContext(c);
	return c.html(
		<SettingsPage {...context} data={settingsOf(context.edition)} failed={failed} notice={noticeFrom(c)} />,
		status as 200,
	);
}

/** The edition's console home and its settings form. */
export const editionPages = new Hono<AppEnv>()
	.use("/console/editions/:id/content", requireSignedInPage)
	.use("/console/editions/:id/settings", requireSignedInPage)
	.get("/console/editions/:id/content", async (c) => c.html(<EditionContentPage {...(await viewContext(c))} />))
	.get("/console/editions/:id", (c) => c.redirect(contentUrl(c.req.param("id")), 303))
	.get("/console/editions/:id/settings", (c) => renderSettings(c))
	.post("/console/editions/:id/settings", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id"));
		return submitForm(c, {
			form: "settings",
			schema: settingsSchema,
			run: (data) => updateSettings(c.var.db, edition, data),
			redirectTo: () => withNotice(settingsUrl(edition), "updated"),
			rerender: (failed, status) => renderSettings(c, failed, status),
		});
	});
