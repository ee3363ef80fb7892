import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { noContent } from "../../api/params";
import { authorize, requireAuth, visibleOnly } from "../../auth/guard";
import {
	InvitationIdParam,
	InvitationSchema,
	institutionTarget,
	listPendingInvitations,
	revokeInvitation,
	sendInvitation,
	toInvitationJson,
} from "../invitations";
import { authorizedInstitution, authorizedMemberChange, institutionResource } from "./access";
import {
	changeMemberRole,
	createInstitution,
	listInstitutionMembers,
	listMyInstitutions,
	removeMember,
	transferOwnership,
	updateInstitution,
} from "./institutions";
import {
	ChangeInstitutionRoleSchema,
	CreateInstitutionSchema,
	InstitutionIdParam,
	InstitutionMemberParams,
	InstitutionMemberSchema,
	InstitutionSchema,
	InviteInstitutionMemberSchema,
	TransferOwnershipSchema,
	toInstitutionJson,
	toMemberJson,
	UpdateInstitutionSchema,
} from "./schemas";

const tags = ["Institutions"];

const institution = institutionResource;

const listMine = createRoute({
	method: "get",
	path: "/institutions",
	operationId: "listInstitutions",
	tags,
	summary: "List my institutions",
	request: { query: PageQuery },
	responses: {
		200: listResponse("The institutions you belong to, with your role.", InstitutionSchema),
		...errorResponses(400, 401),
	},
});

const create = createRoute({
	method: "post",
	path: "/institutions",
	operationId: "createInstitution",
	tags,
	summary: "Create an institution; you become its owner",
	request: jsonBody(CreateInstitutionSchema),
	responses: { 201: dataResponse("The new institution.", InstitutionSchema), ...errorResponses(400, 401, 403, 409) },
});

const get = createRoute({
	method: "get",
	path: "/institutions/{id}",
	operationId: "getInstitution",
	tags,
	summary: "Get an institution",
	request: { params: InstitutionIdParam },
	responses: {
		200: dataResponse("The institution, with your role.", InstitutionSchema),
		...errorResponses(400, 401, 404),
	},
});

const update = createRoute({
	method: "patch",
	path: "/institutions/{id}",
	operationId: "updateInstitution",
	tags,
	summary: "Change an institution's name, city or country (owners and admins)",
	request: { params: InstitutionIdParam, ...jsonBody(UpdateInstitutionSchema) },
	responses: {
		200: dataResponse("The changed institution.", InstitutionSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const listMembers = createRoute({
	method: "get",
	path: "/institutions/{id}/members",
	operationId: "listInstitutionMembers",
	tags,
	summary: "List the members of an institution",
	request: { params: InstitutionIdParam, query: PageQuery },
	responses: {
		200: listResponse("Owners first, then admins, then members.", InstitutionMemberSchema),
		...errorResponses(400, 401, 404),
	},
});

const changeRole = createRoute({
	method: "patch",
	path: "/institutions/{id}/members/{userId}",
	operationId: "updateInstitutionMember",
	tags,
	summary: "Change a member's role (owners and admins; only owners touch owners)",
	request: { params: InstitutionMemberParams, ...jsonBody(ChangeInstitutionRoleSchema) },
	responses: {
		200: dataResponse("The member with the new role.", InstitutionMemberSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const remove = createRoute({
	method: "delete",
	path: "/institutions/{id}/members/{userId}",
	operationId: "removeInstitutionMember",
	tags,
	summary: "Remove a member (owners and admins; only owners remove owners)",
	request: { params: InstitutionMemberParams },
	responses: { ...noContent("Removed."), ...errorResponses(400, 401, 403, 404, 422) },
});

const listInvitations = createRoute({
	method: "get",
	path: "/institutions/{id}/invitations",
	operationId: "listInstitutionInvitations",
	tags,
	summary: "List pending invitations (owners and admins)",
	request: { params: InstitutionIdParam, query: PageQuery },
	responses: {
		200: listResponse("Open invitations, oldest first.", InvitationSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const invite = createRoute({
	method: "post",
	path: "/institutions/{id}/invitations",
	operationId: "inviteInstitutionMember",
	tags,
	summary: "Invite someone by email as admin or member (owners and admins)",
	description: "Emails a single-use link that expires in 7 days; a pending invitation to the same address is replaced.",
	request: { params: InstitutionIdParam, ...jsonBody(InviteInstitutionMemberSchema) },
	responses: {
		201: dataResponse("The invitation (the link goes only to the invitee).", InvitationSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const revoke = createRoute({
	method: "delete",
	path: "/institutions/{id}/invitations/{invitationId}",
	operationId: "withdrawInstitutionInvitation",
	tags,
	summary: "Withdraw a pending invitation (owners and admins)",
	request: { params: InstitutionIdParam.extend(InvitationIdParam.shape) },
	responses: { ...noContent("Withdrawn: the link no longer works."), ...errorResponses(400, 401, 403, 404) },
});

const leave = createRoute({
	method: "post",
	path: "/institutions/{id}/leave",
	operationId: "leaveInstitution",
	tags,
	summary: "Leave an institution (not as its last owner)",
	request: { params: InstitutionIdParam },
	responses: { ...noContent("You are no longer a member."), ...errorResponses(400, 401, 403, 404, 422) },
});

const transfer = createRoute({
	method: "post",
	path: "/institutions/{id}/transfer",
	operationId: "transferInstitution",
	tags,
	summary: "Hand ownership to another member (owners); you become an admin",
	request: { params: InstitutionIdParam, ...jsonBody(TransferOwnershipSchema) },
	responses: {
		200: dataResponse("The members afterwards.", z.array(InstitutionMemberSchema)),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

export const institutionsApi = createApiRouter()
	.openapi(listMine, async (c) => {
		const mine = await listMyInstitutions(c.var.db, requireAuth(c).user.id);
		const visible = await visibleOnly(c, mine, (m) => institution(m.institution.id));
		const { items, page } = paginate(visible, c.req.valid("query"), (m) => m.institution.id);
		return c.json({ data: items.map(toInstitutionJson), page }, 200);
	})
	.openapi(create, async (c) => {
		const input = c.req.valid("json");
		const actor = await authorize(c, "institution.create", { kind: "platform" });
		const created = await createInstitution(c.var.db, { institution: input, ownerId: actor.userId });
		return c.json({ data: toInstitutionJson({ institution: created, role: "owner" }) }, 201);
	})
	.openapi(get, async (c) => {
		const { id } = c.req.valid("param");
		return c.json({ data: toInstitutionJson(await authorizedInstitution(c, "institution.view", id)) }, 200);
	})
	.openapi(update, async (c) => {
		const { id } = c.req.valid("param");
		const patch = c.req.valid("json");
		const { role } = await authorizedInstitution(c, "institution.update", id);
		const updated = await updateInstitution(c.var.db, { id, patch });
		return c.json({ data: toInstitutionJson({ institution: updated, role }) }, 200);
	})
	.openapi(listMembers, async (c) => {
		const { id } = c.req.valid("param");
		await authorize(c, "institution.view", institution(id));
		const members = await listInstitutionMembers(c.var.db, id);
		const { items, page } = paginate(members, c.req.valid("query"), (m) => m.userId);
		return c.json({ data: items.map(toMemberJson), page }, 200);
	})
	.openapi(changeRole, async (c) => {
		const { id, userId } = c.req.valid("param");
		const { role } = c.req.valid("json");
		const member = await authorizedMemberChange(c, id, userId, role);
		await changeMemberRole(c.var.db, { institutionId: id, userId, role });
		return c.json({ data: toMemberJson({ ...member, role }) }, 200);
	})
	.openapi(remove, async (c) => {
		const { id, userId } = c.req.valid("param");
		await authorizedMemberChange(c, id, userId);
		await removeMember(c.var.db, { institutionId: id, userId });
		return c.body(null, 204);
	})
	.openapi(listInvitations, async (c) => {
		const { id } = c.req.valid("param");
		await authorize(c, "institution.invite", institution(id));
		const pending = await listPendingInvitations(c.var.db, "institution", id);
		const { items, page } = paginate(pending, c.req.valid("query"), (i) => i.id);
		return c.json({ data: items.map(toInvitationJson), page }, 200);
	})
	.openapi(invite, async (c) => {
		const { id } = c.req.valid("param");
		const { email, role } = c.req.valid("json");
		const found = await authorizedInstitution(c, "institution.invite", id);
		const invitation = await sendInvitation(c, { target: institutionTarget(found.institution), email, role });
		return c.json({ data: toInvitationJson(invitation) }, 201);
	})
	.openapi(revoke, async (c) => {
		const { id, invitationId } = c.req.valid("param");
		await authorize(c, "institution.invite", institution(id));
		await revokeInvitation(c.var.db, { scope: "institution", targetId: id, invitationId });
		return c.body(null, 204);
	})
	.openapi(leave, async (c) => {
		const { id } = c.req.valid("param");
		const actor = await authorize(c, "institution.leave", institution(id));
		await removeMember(c.var.db, { institutionId: id, userId: actor.userId, self: true });
		return c.body(null, 204);
	})
	.openapi(transfer, async (c) => {
		const { id } = c.req.valid("param");
		const { userId } = c.req.valid("json");
		const actor = await authorize(c, "institution.transfer", institution(id));
		await transferOwnership(c.var.db, { institutionId: id, fromUserId: actor.userId, toUserId: userId });
		const members = await listInstitutionMembers(c.var.db, id);
		return c.json({ data: members.map(toMemberJson) }, 200);
	});
