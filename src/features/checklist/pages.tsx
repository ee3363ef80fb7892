/**
 * The checklist timeline on the committee's console. It answers GET at the checklist collection's
 * own address (so mount it before the content pages): adding, editing and removing tasks stay
 * with the collection's routes, whose forms this page links and shows. The suggested checklist
 * lives below that address, and is matched here before the collection's item routes would take it.
 */
import { type Context, Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can, noteAudience } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { checklistTimelineUrl, suggestionsUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { collectionByKey } from "../content";
import { adviceByKind } from "../handover";
import { AddSuggestionsForm, addSuggestedTasks, loadChecklistSuggestions } from "./suggestions";
import { SuggestionsPage } from "./suggestions-views";
import { loadChecklistTimeline } from "./timeline";
import { ChecklistTimelinePage } from "./views";

const checklistDef = collectionByKey("checklist");
if (!checklistDef) throw new Error("the checklist collection is not declared in content/collections.ts");

const SUGGESTIONS = suggestionsUrl(":id");

async function renderSuggestions(c: Context<AppEnv>, failed?: FailedForm, status = 200) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
	return c.html(
		<SuggestionsPage
			{...found}
			user={requireAuth(c).user}
			found={await loadChecklistSuggestions(c.var.db, found.edition)}
			canEdit={canEdit}
			failed={failed}
		/>,
		status as 200,
	);
}

export const checklistPages = new Hono<AppEnv>()
	.get("/console/editions/:id/checklist", requireSignedInPage, async (c) => {
		const found = await authorizedEdition(c, "edition.view", c.req.param("id"));
		const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
		const entries = await loadChecklistTimeline(c.var.db, found.edition);
		// Handover notes attached to the tasks, from this committee and the earlier ones.
		const audience = noteAudience(await currentActor(c));
		const advice = await adviceByKind(c.var.db, audience, found.edition.id, "checklist_task");
		return c.html(
			<ChecklistTimelinePage
				{...found}
				user={requireAuth(c).user}
				entries={entries}
				canEdit={canEdit}
				def={checklistDef}
				notice={noticeFrom(c)}
				advice={advice}
			/>,
		);
	})
	.use(SUGGESTIONS, requireSignedInPage)
	.get(SUGGESTIONS, (c) => renderSuggestions(c))
	.post(SUGGESTIONS, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		return submitForm(c, {
			form: "suggestions",
			schema: AddSuggestionsForm,
			run: (keys) => addSuggestedTasks(c.var.db, edition, keys),
			redirectTo: () => withNotice(checklistTimelineUrl(edition), "added"),
			rerender: (failed, status) => renderSuggestions(c, failed, status),
		});
	});
