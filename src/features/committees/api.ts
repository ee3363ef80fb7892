import { createRoute } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam, SeriesSlugParam } from "../../api/params";
import { authorizedEdition, authorizedSeries } from "../../domain/edition-access";
import {
	editionTarget,
	InvitationIdParam,
	InvitationSchema,
	invitationsApi,
	listPendingInvitations,
	revokeInvitation,
	sendInvitation,
	seriesTarget,
	toInvitationJson,
} from "../invitations";
import { listCommittee, listStewards, removeCommitteeMember, removeSteward, updateCommitteeMember } from "./committees";
import {
	CommitteeMemberParams,
	CommitteeMemberSchema,
	InviteCommitteeMemberSchema,
	InviteStewardSchema,
	StewardParams,
	StewardSchema,
	toCommitteeMemberJson,
	toStewardJson,
	UpdateCommitteeMemberSchema,
} from "./schemas";

// ---------------------------------------------------------------------------------------------
// Series stewards

const stewardTags = ["Series stewards"];

const listStewardsRoute = createRoute({
	method: "get",
	path: "/series/{slug}/stewards",
	operationId: "listSeriesStewards",
	tags: stewardTags,
	summary: "List a series' stewards (stewards)",
	request: { params: SeriesSlugParam, query: PageQuery },
	responses: {
		200: listResponse("The stewards, by name.", StewardSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const inviteSteward = createRoute({
	method: "post",
	path: "/series/{slug}/stewards",
	operationId: "inviteSeriesSteward",
	tags: stewardTags,
	summary: "Invite a steward by email (stewards)",
	description: "Emails a single-use link that expires in 7 days; the invitee becomes a steward on accepting it.",
	request: { params: SeriesSlugParam, ...jsonBody(InviteStewardSchema) },
	responses: { 201: dataResponse("The invitation.", InvitationSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const removeStewardRoute = createRoute({
	method: "delete",
	path: "/series/{slug}/stewards/{userId}",
	operationId: "removeSeriesSteward",
	tags: stewardTags,
	summary: "Remove a steward, possibly yourself (stewards; never the last one)",
	request: { params: StewardParams },
	responses: { 204: { description: "Removed." }, ...errorResponses(400, 401, 403, 404, 422) },
});

const listSeriesInvitations = createRoute({
	method: "get",
	path: "/series/{slug}/invitations",
	operationId: "listSeriesInvitations",
	tags: stewardTags,
	summary: "List pending steward invitations (stewards)",
	request: { params: SeriesSlugParam, query: PageQuery },
	responses: {
		200: listResponse("Open invitations, oldest first.", InvitationSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const revokeSeriesInvitation = createRoute({
	method: "delete",
	path: "/series/{slug}/invitations/{invitationId}",
	operationId: "withdrawSeriesInvitation",
	tags: stewardTags,
	summary: "Withdraw a pending steward invitation (stewards)",
	request: { params: SeriesSlugParam.extend(InvitationIdParam.shape) },
	responses: { 204: { description: "Withdrawn." }, ...errorResponses(400, 401, 403, 404) },
});

// ---------------------------------------------------------------------------------------------
// Edition committees

const committeeTags = ["Edition committees"];

const listMembersRoute = createRoute({
	method: "get",
	path: "/editions/{id}/members",
	operationId: "listEditionMembers",
	tags: committeeTags,
	summary: "List an edition's committee (the committee and the series' stewards)",
	request: { params: EditionIdParam, query: PageQuery },
	responses: {
		200: listResponse("Chairs, organizers, reviewers, then mentors.", CommitteeMemberSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const inviteMember = createRoute({
	method: "post",
	path: "/editions/{id}/invitations",
	operationId: "inviteEditionMember",
	tags: committeeTags,
	summary: "Invite a committee member by email (chairs and the series' stewards)",
	description: "Mentor invitations carry the last day of mentoring (`mentorUntil`); other roles have none.",
	request: { params: EditionIdParam, ...jsonBody(InviteCommitteeMemberSchema) },
	responses: { 201: dataResponse("The invitation.", InvitationSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const updateMember = createRoute({
	method: "patch",
	path: "/editions/{id}/members/{userId}",
	operationId: "updateEditionMember",
	tags: committeeTags,
	summary: "Change a member's role or last day of mentoring (chairs and stewards)",
	request: { params: CommitteeMemberParams, ...jsonBody(UpdateCommitteeMemberSchema) },
	responses: {
		200: dataResponse("The member afterwards.", CommitteeMemberSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const removeMember = createRoute({
	method: "delete",
	path: "/editions/{id}/members/{userId}",
	operationId: "removeEditionMember",
	tags: committeeTags,
	summary: "Take someone off the committee (chairs and stewards; never the last chair)",
	request: { params: CommitteeMemberParams },
	responses: { 204: { description: "Removed." }, ...errorResponses(400, 401, 403, 404, 422) },
});

const listEditionInvitations = createRoute({
	method: "get",
	path: "/editions/{id}/invitations",
	operationId: "listEditionInvitations",
	tags: committeeTags,
	summary: "List pending committee invitations (chairs and stewards)",
	request: { params: EditionIdParam, query: PageQuery },
	responses: {
		200: listResponse("Open invitations, oldest first.", InvitationSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const revokeEditionInvitation = createRoute({
	method: "delete",
	path: "/editions/{id}/invitations/{invitationId}",
	operationId: "withdrawEditionInvitation",
	tags: committeeTags,
	summary: "Withdraw a pending committee invitation (chairs and stewards)",
	request: { params: EditionIdParam.extend(InvitationIdParam.shape) },
	responses: { 204: { description: "Withdrawn." }, ...errorResponses(400, 401, 403, 404) },
});

export const committeesApi = createApiRouter()
	.openapi(listStewardsRoute, async (c) => {
		const { series } = await authorizedSeries(c, "series.view_private", c.req.valid("param").slug);
		const stewards = await listStewards(c.var.db, series.id);
		const { items, page } = paginate(stewards, c.req.valid("query"), (s) => s.userId);
		return c.json({ data: items.map(toStewardJson), page }, 200);
	})
	.openapi(inviteSteward, async (c) => {
		const { email } = c.req.valid("json");
		const { series } = await authorizedSeries(c, "series.manage_stewards", c.req.valid("param").slug);
		const invitation = await sendInvitation(c, { target: seriesTarget(series), email, role: "steward" });
		return c.json({ data: toInvitationJson(invitation) }, 201);
	})
	.openapi(removeStewardRoute, async (c) => {
		const { slug, userId } = c.req.valid("param");
		const { series } = await authorizedSeries(c, "series.manage_stewards", slug);
		await removeSteward(c.var.db, { seriesId: series.id, userId });
		return c.body(null, 204);
	})
	.openapi(listSeriesInvitations, async (c) => {
		const { series } = await authorizedSeries(c, "series.manage_stewards", c.req.valid("param").slug);
		const pending = await listPendingInvitations(c.var.db, "series", series.id);
		const { items, page } = paginate(pending, c.req.valid("query"), (i) => i.id);
		return c.json({ data: items.map(toInvitationJson), page }, 200);
	})
	.openapi(revokeSeriesInvitation, async (c) => {
		const { slug, invitationId } = c.req.valid("param");
		const { series } = await authorizedSeries(c, "series.manage_stewards", slug);
		await revokeInvitation(c.var.db, { scope: "series", targetId: series.id, invitationId });
		return c.body(null, 204);
	})
	.openapi(listMembersRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		const members = await listCommittee(c.var.db, edition.id);
		// A steward who also sits on the committee is listed once per role.
		const { items, page } = paginate(members, c.req.valid("query"), (m) => `${m.userId}:${m.role}`);
		return c.json({ data: items.map(toCommitteeMemberJson), page }, 200);
	})
	.openapi(inviteMember, async (c) => {
		const { email, role, mentorUntil } = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.manage_committee", c.req.valid("param").id);
		const invitation = await sendInvitation(c, { target: editionTarget(edition), email, role, mentorUntil });
		return c.json({ data: toInvitationJson(invitation) }, 201);
	})
	.openapi(updateMember, async (c) => {
		const { id, userId } = c.req.valid("param");
		const patch = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		const member = await updateCommitteeMember(c.var.db, { editionId: edition.id, userId, ...patch });
		return c.json({ data: toCommitteeMemberJson(member) }, 200);
	})
	.openapi(removeMember, async (c) => {
		const { id, userId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		await removeCommitteeMember(c.var.db, { editionId: edition.id, userId });
		return c.body(null, 204);
	})
	.openapi(listEditionInvitations, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_committee", c.req.valid("param").id);
		const pending = await listPendingInvitations(c.var.db, "edition", edition.id);
		const { items, page } = paginate(pending, c.req.valid("query"), (i) => i.id);
		return c.json({ data: items.map(toInvitationJson), page }, 200);
	})
	.openapi(revokeEditionInvitation, async (c) => {
		const { id, invitationId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		await revokeInvitation(c.var.db, { scope: "edition", targetId: edition.id, invitationId });
		return c.body(null, 204);
	})
	// Accepting works the same for every scope; mounted here so app.tsx needs no change.
	.route("/", invitationsApi);
