/**
 * Who may clone what, shared by the wizard and the API: the target needs edition.update, the
 * source edition.clone_from (public editions for anyone signed in, drafts for those who may view
 * them; other drafts answer 404 like unknown ids).
 */
import type { Context } from "hono";
import { authorize, notVisible } from "../../auth/guard";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource, findEditionWithSeries } from "../../domain/editions";
import type { AppEnv } from "../../env";

/** The edition being set up, once the actor may change it. */
export const authorizedTarget = (c: Context<AppEnv>, id: string) => authorizedEdition(c, "edition.update", id);

/** The edition to copy from, once the actor may read it (call after authorizedTarget: 401 comes first). */
export async function authorizedSource(c: Context<AppEnv>, id: string) {
	const found = await findEditionWithSeries(c.var.db, id);
	if (!found) throw notVisible();
	await authorize(c, "edition.clone_from", editionResource(found.edition));
	return found;
}
