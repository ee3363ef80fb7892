/**
 * The request side of calls for hosts and proposals, shared by pages and API: resolve the series,
 * call or proposal, then authorize through the policy.
 */
import type { Context } from "hono";
import { authorize, notVisible, requireAuth } from "../../auth/guard";
import type { Action, Resource } from "../../auth/policy";
import type { Series } from "../../db/schema";
import { authorizedSeries } from "../../domain/edition-access";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { authorizedInstitution } from "../institutions";
import { findCall } from "./calls";
import { seriesHasEditions } from "./new-edition";
import { findProposal, type HostProposal } from "./proposals";

export const proposalResource = (p: Pick<HostProposal, "seriesId" | "institutionId">): Resource => ({
	kind: "proposal",
	seriesId: p.seriesId,
	institutionId: p.institutionId,
});

/** A call of the series at `slug`. Calls are as public as their series (its page shows the open one). */
export async function seriesCall(c: Context<AppEnv>, slug: string, callId: string) {
	const series = await findSeriesBySlug(c.var.db, slug);
	if (!series) throw notFound("This series");
	const call = await findCall(c.var.db, series.id, callId);
	if (!call) throw notFound("This call for hosts");
	return { series, call };
}

/** A call of the series once the actor may do `action` on the series (stewards' work). */
export async function authorizedCall(c: Context<AppEnv>, action: Action, slug: string, callId: string) {
	const { series, actor } = await authorizedSeries(c, action, slug);
	const call = await findCall(c.var.db, series.id, callId);
	if (!call) throw notFound("This call for hosts");
	return { series, call, actor };
}

/**
 * The proposal with its call and series once the actor may do `action` on it. Only the series'
 * stewards and the proposing institution's owners and admins know a proposal exists: to anyone
 * else an existing proposal and an unknown id answer the same 404.
 */
export async function authorizedProposal(c: Context<AppEnv>, action: Action, id: string) {
	// Signed-out callers get 401 before any lookup, so they cannot probe which ids exist.
	requireAuth(c);
	const context = await findProposal(c.var.db, id);
	if (!context) throw notVisible();
	const actor = await authorize(c, action, proposalResource(context.proposal));
	return { context, actor };
}

/**
 * The host institution once the actor may create an edition of `series` hosted there (the policy's
 * "edition.create"). Someone who is not a member of that institution may not learn it exists: 404.
 */
export async function authorizedNewEdition(c: Context<AppEnv>, series: Series, hostInstitutionId: string) {
	const { institution } = await authorizedInstitution(c, "institution.view", hostInstitutionId);
	await authorize(c, "edition.create", {
		kind: "new_edition",
		seriesId: series.id,
		hostInstitutionId: institution.id,
		foundingInstitutionId: series.institutionId,
		seriesHasEditions: await seriesHasEditions(c.var.db, series.id),
	});
	return institution;
}
