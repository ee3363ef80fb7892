/**
 * The request side of reaching a handover note, shared by pages and API: find it, then ask the
 * policy. A note the actor may not read answers exactly like one that does not exist (404), in
 * every route: the note, its attachments, links and threads.
 */
import type { Context } from "hono";
import { authorize, currentActor, notVisible, requireAuth } from "../../auth/guard";
import { type Action, type Actor, can, type NoteAudience, noteAudience } from "../../auth/policy";
import type { Edition } from "../../db/schema";
import type { AppEnv } from "../../env";
import { dossierCounts, findNote, type NoteContext, noteResource } from "./notes";

export interface AuthorizedNote extends NoteContext {
	/** Null for a signed-out reader of a public note. */
	actor: Actor | null;
}

/**
 * The note once the actor may do `action` on it: reading needs no sign-in (public notes are for
 * everyone); anything else answers 401 signed out, 404 when the note is hidden, 403 when it is
 * readable but the action is not allowed.
 */
export async function authorizedNote(c: Context<AppEnv>, action: Action, noteId: string): Promise<AuthorizedNote> {
	// Signed-out callers of anything but reading get 401 before any lookup, so they cannot probe ids.
	if (action !== "note.view") requireAuth(c);
	const found = await findNote(c.var.db, noteId);
	if (!found) throw notVisible();
	const resource = noteResource(found.note, found.edition.year);
	if (action !== "note.view") return { ...found, actor: await authorize(c, action, resource) };
	const actor = await currentActor(c);
	if (!can(actor, "note.view", resource)) throw notVisible();
	return { ...found, actor };
}

/** What the actor of this request may read of handover notes (public notes only when signed out). */
export async function audienceOf(c: Context<AppEnv>): Promise<NoteAudience> {
	return noteAudience(await currentActor(c));
}

/** The dossier counts of an edition for the signed-in reader: for the edition's console home. */
export async function dossierCountsFor(c: Context<AppEnv>, edition: Pick<Edition, "seriesId" | "year">) {
	return dossierCounts(c.var.db, await audienceOf(c), requireAuth(c).user.id, edition);
}
