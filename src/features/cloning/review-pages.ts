/**
 * "Mark reviewed" on a copied text's editor: clears the clone's mark (audited) and goes back to the
 * editor. Only those who may change the edition may; a text already reviewed stays so (303 all the
 * same, so a second click is harmless). A table no clone marks is unknown (404).
 */
import { Hono } from "hono";
import { requireSignedInPage } from "../../auth/guard";
import { markCopiedTextReviewed } from "../../domain/copied-texts";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { withNotice } from "../../views/form-flow";
import { copiedTextEditorUrl } from "./copied-texts";
import { NOTICES } from "./notices";

const PATH = "/console/editions/:id/copied-texts/:table/:rowId/reviewed";

export const copiedTextPages = new Hono<AppEnv>().use(PATH, requireSignedInPage).post(PATH, async (c) => {
	const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
	const table = c.req.param("table") ?? "";
	const rowId = c.req.param("rowId") ?? "";
	const editor = copiedTextEditorUrl(edition.id, table, rowId);
	if (!editor) throw notFound("This copied text");
	await markCopiedTextReviewed(c.var.db, edition.id, table, rowId);
	return c.redirect(withNotice(editor, NOTICES.copied_text_reviewed), 303);
});
