/**
 * The request side of the template library, shared by pages and API: find a template and
 * authorize through the policy (a template the actor may not see answers 404 like an unknown
 * one), list what the actor may see, and keep template uses to the editions the actor may know of.
 */
import type { Context } from "hono";
import { authorize, currentActor, notVisible, requireAuth, visibleOnly } from "../../auth/guard";
import { can } from "../../auth/policy";
import { editionResource } from "../../domain/editions";
import { PUBLIC_STATUSES } from "../../domain/series";
import type { AppEnv } from "../../env";
import {
	findTemplate,
	findVersionDocument,
	listTemplates,
	templateResource,
	type UseInfo,
	type VersionInfo,
} from "./library";

/** The template `ref` once the actor may do `action` on it. */
export async function authorizedTemplate(c: Context<AppEnv>, action: "template.view" | "template.manage", ref: string) {
	// Signed-out callers get 401 before any lookup, so they cannot probe which ids exist.
	requireAuth(c);
	const info = await findTemplate(c.var.db, ref);
	if (!info) throw notVisible();
	const actor = await authorize(c, action, templateResource(info));
	return { info, actor };
}

/** One version's document (the newest when `version` is left out) of a template the actor may see. */
export async function authorizedVersion(c: Context<AppEnv>, ref: string, version?: number) {
	const { info } = await authorizedTemplate(c, "template.view", ref);
	return findVersionDocument(c.var.db, info, version);
}

/** The templates the actor may see. */
export async function visibleTemplates(c: Context<AppEnv>) {
	return visibleOnly(c, await listTemplates(c.var.db), templateResource);
}

/** The uses of a template in editions the actor may know of: public ones, and drafts they may view. */
export async function visibleUses(c: Context<AppEnv>, uses: UseInfo[]): Promise<UseInfo[]> {
	const actor = await currentActor(c);
	return uses.filter(
		(use) => PUBLIC_STATUSES.includes(use.edition.status) || can(actor, "edition.view", editionResource(use.edition)),
	);
}

/** Versions with their source edition only where the actor may know of it (a draft's name stays hidden). */
export async function visibleSources(c: Context<AppEnv>, versions: VersionInfo[]): Promise<VersionInfo[]> {
	const actor = await currentActor(c);
	return versions.map((v) =>
		v.source && !PUBLIC_STATUSES.includes(v.source.status) && !can(actor, "edition.view", editionResource(v.source))
			? { ...v, source: null }
			: v,
	);
}
