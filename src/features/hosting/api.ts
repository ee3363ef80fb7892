/**
 * The API of calls for hosts, hosting proposals and directly created editions: parse, authorize
 * through the policy, call the feature function, answer `{ data }` (errors per the data contract).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createApiRouter, dataResponse, errorResponses, jsonBody, tokenOptional } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { SeriesSlugParam } from "../../api/params";
import { currentActor, requireAuth } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedSeries } from "../../domain/edition-access";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { authorizedInstitution } from "../institutions";
import { EditionSchema, toEditionJson } from "../series";
import { authorizedCall, authorizedNewEdition, authorizedProposal, seriesCall } from "./access";
import { type HostCall, listCalls, openCall, updateCall } from "./calls";
import { createEdition } from "./new-edition";
import {
	acceptProposal,
	declineProposal,
	findProposal,
	listProposals,
	type ProposalListItem,
	submitProposal,
	withdrawProposal,
} from "./proposals";
import {
	AcceptSchema,
	CallParams,
	DeclineSchema,
	HostCallSchema,
	HostProposalSchema,
	NewEditionSchema,
	OpenCallSchema,
	PatchCallSchema,
	ProposalIdParam,
	ProposalInputSchema,
} from "./schemas";

const callTags = ["Calls for hosts"];
const proposalTags = ["Hosting proposals"];

const toCallJson = ({ createdAt, ...call }: HostCall): z.infer<typeof HostCallSchema> => ({
	...call,
	createdAt: createdAt.toISOString(),
});

const toProposalJson = ({
	proposal: { createdAt, decidedAt, ...proposal },
	institutionName,
	submittedByName,
}: ProposalListItem): z.infer<typeof HostProposalSchema> => ({
	...proposal,
	institutionName,
	submittedByName,
	createdAt: createdAt.toISOString(),
	decidedAt: decidedAt ? decidedAt.toISOString() : null,
});

/** A proposal as it is now, after a change. */
async function reloadedProposal(c: Context<AppEnv>, id: string) {
	const context = await findProposal(c.var.db, id);
	if (!context) throw notFound("This proposal");
	return toProposalJson(context);
}

const listCallsRoute = createRoute({
	method: "get",
	path: "/series/{slug}/calls",
	operationId: "listHostCalls",
	security: tokenOptional,
	tags: callTags,
	summary: "List a series' calls for hosts",
	description: "The series' stewards see every call, newest first; everyone else sees the open call, if any.",
	request: { params: SeriesSlugParam, query: PageQuery },
	responses: { 200: listResponse("The calls.", HostCallSchema), ...errorResponses(400, 404) },
});

const openCallRoute = createRoute({
	method: "post",
	path: "/series/{slug}/calls",
	operationId: "openHostCall",
	tags: callTags,
	summary: "Open a call for hosts (stewards)",
	description:
		"A series has at most one open call (422 otherwise). The year and the deadline may not have passed (422); a year the series already has an edition for is a 409.",
	request: { params: SeriesSlugParam, ...jsonBody(OpenCallSchema) },
	responses: {
		201: dataResponse("The open call.", HostCallSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const patchCallRoute = createRoute({
	method: "patch",
	path: "/series/{slug}/calls/{callId}",
	operationId: "updateHostCall",
	tags: callTags,
	summary: "Close a call for hosts, or change its deadline or requirements (stewards)",
	request: { params: CallParams, ...jsonBody(PatchCallSchema) },
	responses: { 200: dataResponse("The call.", HostCallSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const listProposalsRoute = createRoute({
	method: "get",
	path: "/series/{slug}/calls/{callId}/proposals",
	operationId: "listHostProposals",
	tags: proposalTags,
	summary: "List the proposals answering a call (stewards)",
	request: { params: CallParams, query: PageQuery },
	responses: {
		200: listResponse("Every proposal of the call, oldest first, whatever its status.", HostProposalSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const submitProposalRoute = createRoute({
	method: "post",
	path: "/series/{slug}/calls/{callId}/proposals",
	operationId: "submitHostProposal",
	tags: proposalTags,
	summary: "Propose to host the edition a call is for (owners and admins of the proposing institution)",
	description:
		"The dates must lie in the call's year, the last day not before the first (422); the call must be open and its deadline not passed (422). An institution has one open proposal per call (409).",
	request: { params: CallParams, ...jsonBody(ProposalInputSchema) },
	responses: {
		201: dataResponse("The submitted proposal.", HostProposalSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const getProposalRoute = createRoute({
	method: "get",
	path: "/proposals/{id}",
	operationId: "getHostProposal",
	tags: proposalTags,
	summary: "Get a proposal (the series' stewards, the proposing institution's owners and admins)",
	request: { params: ProposalIdParam },
	responses: { 200: dataResponse("The proposal.", HostProposalSchema), ...errorResponses(400, 401, 404) },
});

const withdrawRoute = createRoute({
	method: "post",
	path: "/proposals/{id}/withdraw",
	operationId: "withdrawHostProposal",
	tags: proposalTags,
	summary: "Withdraw an open proposal (the proposing institution's owners and admins)",
	request: { params: ProposalIdParam },
	responses: {
		200: dataResponse("The withdrawn proposal.", HostProposalSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const AcceptedSchema = z
	.object({ proposal: HostProposalSchema, edition: EditionSchema })
	.openapi("AcceptedHostProposal");

const acceptRoute = createRoute({
	method: "post",
	path: "/proposals/{id}/accept",
	operationId: "acceptHostProposal",
	tags: proposalTags,
	summary: "Accept a proposal: create the edition, decline the others, close the call (stewards)",
	description:
		"One atomic step: the edition of the call's year as a draft, hosted by the proposing institution, with the proposer as chair; every other open proposal of the call declined with `declineNote` (the accepted proposer gets `note`); the call closed; an email to every proposer with the note meant for them. The body is optional. A proposal that is no longer open is a 422; a year that already has an edition is a 409.",
	request: {
		params: ProposalIdParam,
		body: { required: false, content: { "application/json": { schema: AcceptSchema } } },
	},
	responses: {
		200: dataResponse("The accepted proposal and the new edition.", AcceptedSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const declineRoute = createRoute({
	method: "post",
	path: "/proposals/{id}/decline",
	operationId: "declineHostProposal",
	tags: proposalTags,
	summary: "Decline a proposal with a note, emailed to its proposer (stewards)",
	request: { params: ProposalIdParam, ...jsonBody(DeclineSchema) },
	responses: {
		200: dataResponse("The declined proposal.", HostProposalSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const createEditionRoute = createRoute({
	method: "post",
	path: "/series/{slug}/editions",
	operationId: "createEdition",
	tags: ["Series"],
	summary: "Create an edition directly, as a draft with you as its chair",
	description:
		"For an owner or admin of the host institution who is also a steward of the series; while a series has no edition yet, owners and admins of its founding institution may create it hosted there. Other editions come from accepted hosting proposals. A year the series already has is a 409.",
	request: { params: SeriesSlugParam, ...jsonBody(NewEditionSchema) },
	responses: {
		201: dataResponse("The new edition.", EditionSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

export const hostingApi = createApiRouter()
	.openapi(listCallsRoute, async (c) => {
		const series = await findSeriesBySlug(c.var.db, c.req.valid("param").slug);
		if (!series) throw notFound("This series");
		const steward = can(await currentActor(c), "series.view_private", { kind: "series", id: series.id });
		const calls = await listCalls(c.var.db, series.id, { openOnly: !steward });
		const { items, page } = paginate(calls, c.req.valid("query"), (call) => call.id);
		return c.json({ data: items.map(toCallJson), page }, 200);
	})
	.openapi(openCallRoute, async (c) => {
		const input = c.req.valid("json");
		const { series, actor } = await authorizedSeries(c, "series.update", c.req.valid("param").slug);
		const call = await openCall(c.var.db, { series, call: input, createdBy: actor.userId });
		return c.json({ data: toCallJson(call) }, 201);
	})
	.openapi(patchCallRoute, async (c) => {
		const patch = c.req.valid("json");
		const { slug, callId } = c.req.valid("param");
		const { call } = await authorizedCall(c, "series.update", slug, callId);
		const updated = await updateCall(c.var.db, { call, patch });
		return c.json({ data: toCallJson(updated) }, 200);
	})
	.openapi(listProposalsRoute, async (c) => {
		const { slug, callId } = c.req.valid("param");
		const { call } = await authorizedCall(c, "series.view_private", slug, callId);
		const proposals = await listProposals(c.var.db, call.id);
		const { items, page } = paginate(proposals, c.req.valid("query"), (p) => p.proposal.id);
		return c.json({ data: items.map(toProposalJson), page }, 200);
	})
	.openapi(submitProposalRoute, async (c) => {
		const input = c.req.valid("json");
		const { user } = requireAuth(c);
		const { slug, callId } = c.req.valid("param");
		const { call, series } = await seriesCall(c, slug, callId);
		const { institution } = await authorizedInstitution(c, "hosting.propose", input.institutionId);
		const { proposal, outboxIds } = await submitProposal(c.var.db, {
			call,
			series,
			institution,
			submittedBy: user.id,
			proposal: input,
			baseUrl: mainOrigin(c),
		});
		scheduleDelivery(c, outboxIds);
		return c.json({ data: await reloadedProposal(c, proposal.id) }, 201);
	})
	.openapi(getProposalRoute, async (c) => {
		const { context } = await authorizedProposal(c, "proposal.view", c.req.valid("param").id);
		return c.json({ data: toProposalJson(context) }, 200);
	})
	.openapi(withdrawRoute, async (c) => {
		const { context } = await authorizedProposal(c, "proposal.withdraw", c.req.valid("param").id);
		await withdrawProposal(c.var.db, context.proposal);
		return c.json({ data: await reloadedProposal(c, context.proposal.id) }, 200);
	})
	.openapi(acceptRoute, async (c) => {
		// The body is optional: without one there are no notes.
		const { note, declineNote } = (c.req.valid("json") ?? {}) as { note?: string; declineNote?: string };
		const { context } = await authorizedProposal(c, "proposal.decide", c.req.valid("param").id);
		const { edition, outboxIds } = await acceptProposal(c.var.db, {
			context,
			note: note ?? "",
			declineNote: declineNote ?? "",
			baseUrl: mainOrigin(c),
		});
		scheduleDelivery(c, outboxIds);
		const proposal = await reloadedProposal(c, context.proposal.id);
		return c.json({ data: { proposal, edition: toEditionJson(context.series, edition) } }, 200);
	})
	.openapi(declineRoute, async (c) => {
		const { note } = c.req.valid("json");
		const { context } = await authorizedProposal(c, "proposal.decide", c.req.valid("param").id);
		const { outboxIds } = await declineProposal(c.var.db, { context, note });
		scheduleDelivery(c, outboxIds);
		return c.json({ data: await reloadedProposal(c, context.proposal.id) }, 200);
	})
	.openapi(createEditionRoute, async (c) => {
		const input = c.req.valid("json");
		const { user } = requireAuth(c);
		const series = await findSeriesBySlug(c.var.db, c.req.valid("param").slug);
		if (!series) throw notFound("This series");
		const host = await authorizedNewEdition(c, series, input.hostInstitutionId);
		const edition = await createEdition(c.var.db, { series, host, edition: input, chairId: user.id });
		return c.json({ data: toEditionJson(series, edition) }, 201);
	});
