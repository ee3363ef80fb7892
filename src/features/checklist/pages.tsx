/**
 * The checklist timeline on the committee's console. It answers GET at the checklist collection's
 * own address (so mount it before the content pages): adding, editing and removing tasks stay
 * with the collection's routes, whose forms this page links and shows.
 */
import { Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import type { AppEnv } from "../../env";
import { authorizedEdition } from "../committees/access";
import { editionResource } from "../committees/committees";
import { noticeFrom } from "../console/form-flow";
import { collectionByKey } from "../content/collections";
import { loadChecklistTimeline } from "./timeline";
import { ChecklistTimelinePage } from "./views";

const checklistDef = collectionByKey("checklist");
if (!checklistDef) throw new Error("the checklist collection is not declared in content/collections.ts");

export const checklistPages = new Hono<AppEnv>().get(
	"/console/editions/:id/checklist",
	requireSignedInPage,
	async (c) => {
		const found = await authorizedEdition(c, "edition.view", c.req.param("id"));
		const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
		const entries = await loadChecklistTimeline(c.var.db, found.edition);
		return c.html(
			<ChecklistTimelinePage
				{...found}
				user={requireAuth(c).user}
				entries={entries}
				canEdit={canEdit}
				def={checklistDef}
				notice={noticeFrom(c)}
			/>,
		);
	},
);
