/**
 * The debrief page of an edition's console: the committee (and the series' stewards) see it; its
 * chairs and organizers, who write the edition's handover notes, answer it.
 */
import { type Context, Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { debriefUrl, editionNotesUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { debriefNoteCount, debriefOpen, debriefSchema, submitDebrief } from "./debrief";
import { NOTICES } from "./notices";
import { DebriefPage } from "./views";

const PATH = debriefUrl(":id");

async function renderDebrief(c: Context<AppEnv>, failed?: FailedForm, status = 200) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canAnswer = can(await currentActor(c), "handover.write", editionResource(found.edition));
	return c.html(
		<DebriefPage
			{...found}
			user={requireAuth(c).user}
			open={debriefOpen(found.edition, new Date())}
			canAnswer={canAnswer}
			draftCount={await debriefNoteCount(c.var.db, found.edition.id)}
			notesUrl={editionNotesUrl(found.edition.id)}
			notice={noticeFrom(c)}
			failed={failed}
		/>,
		status as 200,
	);
}

export const debriefPages = new Hono<AppEnv>()
	.use(PATH, requireSignedInPage)
	.get(PATH, (c) => renderDebrief(c))
	.post(PATH, async (c) => {
		const { edition, actor } = await authorizedEdition(c, "handover.write", c.req.param("id") ?? "");
		return submitForm(c, {
			form: "debrief",
			schema: debriefSchema,
			run: (answers) => submitDebrief(c.var.db, { edition, authorId: actor.userId, answers }),
			redirectTo: () => withNotice(debriefUrl(edition.id), NOTICES.debrief_saved),
			rerender: (failed, status) => renderDebrief(c, failed, status),
		});
	});
