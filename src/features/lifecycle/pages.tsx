import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { HitKeySchema } from "../../api/params";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { mainOrigin } from "../../lib/main-origin";
import { statusConsoleUrl } from "../../urls";
import { ButtonForm, type FailedForm, type NoticeKey, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { acceptHit, unacceptHit } from "./fact-acceptances";
import { changeStatus, goLiveReport, TRANSITION_NAMES, type Transition } from "./lifecycle";
import { NOTICES } from "./notices";
import { whatGoesPublic } from "./publish-preview";
import { PublishConfirmPage } from "./publish-views";
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
	const report = edition.status === "draft" ? await goLiveReport(c.var.db, edition) : null;
	const actor = await currentActor(c);
	return c.html(
		<StatusPage
			user={requireAuth(c).user}
			edition={edition}
			series={series}
			report={report}
			canChangeStatus={can(actor, "edition.change_status", editionResource(edition))}
			canAcceptFacts={can(actor, "edition.accept_facts", editionResource(edition))}
			canReviewCopies={can(actor, "edition.update", editionResource(edition))}
			notice={noticeFrom(c)}
			failed={failed}
		/>,
		status,
	);
}

/** The form of a hit's button: its key, as the status page rendered it. */
const HitForm = z.object({ hitKey: HitKeySchema });

/**
 * Console pages of the edition lifecycle: the status page (with the go-live checks and the
 * stale-fact guard), the marks "right as it is", the confirmation before publishing, and one
 * button action per status change.
 */
export const lifecyclePages = new Hono<AppEnv>()
	.use("/console/editions/:id/status", requireSignedInPage)
	.get("/console/editions/:id/status", (c) => renderStatus(c))
	.use("/console/editions/:id/fact-acceptances", requireSignedInPage)
	.post("/console/editions/:id/fact-acceptances", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.accept_facts", c.req.param("id"));
		return submitForm(c, {
			form: "accept",
			schema: HitForm,
			run: ({ hitKey }) => acceptHit(c.var.db, edition, hitKey),
			redirectTo: () => withNotice(statusConsoleUrl(edition.id), NOTICES.fact_accepted, "stale-facts"),
			rerender: (failed, status) => renderStatus(c, failed, status),
		});
	})
	.use("/console/editions/:id/fact-acceptances/undo", requireSignedInPage)
	.post("/console/editions/:id/fact-acceptances/undo", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.accept_facts", c.req.param("id"));
		return submitForm(c, {
			form: "undo",
			schema: HitForm,
			run: ({ hitKey }) => unacceptHit(c.var.db, edition.id, hitKey),
			redirectTo: () => withNotice(statusConsoleUrl(edition.id), NOTICES.fact_unaccepted, "stale-facts"),
			rerender: (failed, status) => renderStatus(c, failed, status),
		});
	})
	// What publishing makes public, and one button that publishes (the POST below); API clients
	// publish in one call, without this step.
	.use("/console/editions/:id/publish", requireSignedInPage)
	.get("/console/editions/:id/publish", async (c) => {
		const { edition, series } = await authorizedEdition(c, "edition.change_status", c.req.param("id"));
		const notDraft = edition.status !== "draft";
		const [report, preview] = await Promise.all([
			notDraft ? null : goLiveReport(c.var.db, edition),
			whatGoesPublic(c.var.db, mainOrigin(c), series, edition),
		]);
		return c.html(
			<PublishConfirmPage
				user={requireAuth(c).user}
				edition={edition}
				series={series}
				preview={preview}
				blocked={report ? Object.keys(report.problems).length : 0}
				notDraft={notDraft}
			/>,
		);
	});

for (const transition of TRANSITION_NAMES) {
	const path = `/console/editions/:id/${transition}`;
	// The publish path's middleware is registered above, with its confirmation page.
	if (transition !== "publish") lifecyclePages.use(path, requireSignedInPage);
	lifecyclePages.post(path, async (c) => {
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
