/**
 * "Mark reviewed" on a copied text's editor or the status page: clears the clone's mark (audited)
 * and goes back where it was pressed (`back=status`: the status page; else the editor). "Mark all
 * reviewed" on the status page clears every open mark of the edition. Only those who may change the edition may; a text already reviewed stays so (303 all the
 * same, so a second click is harmless). A table no clone marks is unknown (404).
 */
import { Hono } from "hono";
import { requireSignedInPage } from "../../auth/guard";
import { markAllCopiedTextsReviewed, markCopiedTextReviewed } from "../../domain/copied-texts";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { statusConsoleUrl } from "../../urls";
import { withNotice } from "../../views/form-flow";
import { copiedTextEditorUrl } from "./copied-texts";
import { NOTICES } from "./notices";

const PATH = "/console/editions/:id/copied-texts/:table/:rowId/reviewed";
const ALL_PATH = "/console/editions/:id/copied-texts/reviewed";

/** Where a review button sends the committee back to: the status page when pressed there. */
const backToStatus = async (c: { req: { parseBody: () => Promise<Record<string, unknown>> } }) =>
	(await c.req.parseBody()).back === "status";

export const copiedTextPages = new Hono<AppEnv>()
	.use(ALL_PATH, requireSignedInPage)
	.post(ALL_PATH, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		await markAllCopiedTextsReviewed(c.var.db, edition.id);
		return c.redirect(withNotice(statusConsoleUrl(edition.id), NOTICES.copied_texts_reviewed), 303);
	})
	.use(PATH, requireSignedInPage)
	.post(PATH, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		const table = c.req.param("table") ?? "";
		const rowId = c.req.param("rowId") ?? "";
		const editor = copiedTextEditorUrl(edition.id, table, rowId);
		if (!editor) throw notFound("This copied text");
		await markCopiedTextReviewed(c.var.db, edition.id, table, rowId);
		const back = (await backToStatus(c)) ? statusConsoleUrl(edition.id) : editor;
		return c.redirect(withNotice(back, NOTICES.copied_text_reviewed), 303);
	});
