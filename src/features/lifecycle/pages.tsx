import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { statusConsoleUrl } from "../../urls";
import { ButtonForm, type FailedForm, type NoticeKey, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { changeStatus, goLiveProblems, TRANSITION_NAMES, type Transition } from "./lifecycle";
import { NOTICES } from "./notices";
import { StatusPage } from "./views";

/** The notice after each action. */
const DONE: Record<Transition, NoticeKey> = {
	publish: NOTICES.published,
	unpublish: NOTICES.unpublished,
	hold: NOTICES.held,
	archive: NOTICES.archived,
};

async function renderStatus(c: Context<AppEnv>, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const problems = edition.status === "draft" ? await goLiveProblems(c.var.db, edition) : null;
	return c.html(
		<StatusPage
			user={requireAuth(c).user}
			edition={edition}
			series={series}
			problems={problems}
			canChangeStatus={can(await currentActor(c), "edition.change_status", editionResource(edition))}
			notice={noticeFrom(c)}
			failed={failed}
		/>,
		status,
	);
}

/** Console pages of the edition lifecycle: the status page and one button action per status change. */
export const lifecyclePages = new Hono<AppEnv>()
	.use("/console/editions/:id/status", requireSignedInPage)
	.get("/console/editions/:id/status", (c) => renderStatus(c));

for (const transition of TRANSITION_NAMES) {
	const path = `/console/editions/:id/${transition}`;
	lifecyclePages.use(path, requireSignedInPage).post(path, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.change_status", c.req.param("id") ?? "");
		return submitForm(c, {
			form: transition,
			schema: ButtonForm,
			run: () => changeStatus(c.var.db, edition, transition),
			redirectTo: () => withNotice(statusConsoleUrl(edition.id), DONE[transition]),
			rerender: (failed, status) => renderStatus(c, failed, status),
		});
	});
}
