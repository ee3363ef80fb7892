import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { authorize, currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { type Action, can } from "../../auth/policy";
import { INSTITUTION_ROLES, type User } from "../../db/schema";
import { readTogether } from "../../db/write";
import type { AppEnv } from "../../env";
import { institutionConsoleUrl, returnAfterInstitution, withInstitution } from "../../urls";
import { ButtonForm, type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { institutionTarget, listPendingInvitations, revokeInvitation, sendInvitation } from "../invitations";
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
import { NOTICES } from "./notices";
import {
	ChangeInstitutionRoleSchema,
	CreateInstitutionFormSchema,
	INVITABLE_INSTITUTION_ROLES,
	InviteInstitutionMemberSchema,
	type MyInstitution,
	TransferOwnershipSchema,
	UpdateInstitutionSchema,
} from "./schemas";
import { InstitutionPage, InstitutionsPage, MemberPage } from "./views";

type Ctx = Context<AppEnv>;

async function renderList(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { user } = requireAuth(c);
	const mine = await listMyInstitutions(c.var.db, user.id);
	// Where the form goes back to once the institution exists: only a known console page (see urls.ts).
	const returnTo = returnAfterInstitution(failed ? failed.values.return : c.req.query("return"));
	return c.html(
		<InstitutionsPage
			user={user}
			mine={mine}
			suggested={suggestedInstitution(user, mine)}
			returnTo={returnTo}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

/**
 * What the create form starts with: the affiliation and country given at sign-up, the name only
 * while the user has no institution of that name yet.
 */
function suggestedInstitution(user: Pick<User, "affiliation" | "country">, mine: MyInstitution[]) {
	const affiliation = user.affiliation.trim();
	const known = mine.some(({ institution }) => institution.name.toLowerCase() === affiliation.toLowerCase());
	return { name: known ? "" : affiliation, country: user.country };
}

async function renderInstitution(c: Ctx, id: string, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const mine = await authorizedInstitution(c, "institution.view", id);
	const actor = await currentActor(c);
	const allowed = (action: Action) => can(actor, action, institutionResource(id));
	const [members, invitations] = await readTogether(c.var.db, [
		listInstitutionMembers(c.var.db, id),
		listPendingInvitations(c.var.db, "institution", id),
	]);
	return c.html(
		<InstitutionPage
			user={requireAuth(c).user}
			mine={mine}
			members={members}
			invitations={allowed("institution.invite") ? invitations : []}
			allowed={{
				update: allowed("institution.update"),
				invite: allowed("institution.invite"),
				manageMembers: allowed("institution.manage_members"),
				manageOwners: allowed("institution.manage_owners"),
				transfer: allowed("institution.transfer"),
				leave: allowed("institution.leave"),
				viewAudit: allowed("institution.view_audit"),
			}}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

async function renderMember(
	c: Ctx,
	id: string,
	userId: string,
	failed?: FailedForm,
	status: ContentfulStatusCode = 200,
) {
	const member = await authorizedMemberChange(c, id, userId);
	const { institution } = await authorizedInstitution(c, "institution.view", id);
	const owners = can(await currentActor(c), "institution.manage_owners", institutionResource(id));
	return c.html(
		<MemberPage
			user={requireAuth(c).user}
			institution={institution}
			member={member}
			roles={owners ? INSTITUTION_ROLES : INVITABLE_INSTITUTION_ROLES}
			failed={failed}
		/>,
		status,
	);
}

/**
 * Console pages of institutions: the list with a create form, each institution's members,
 * invitations and settings, and a page per member. Forms work without JavaScript.
 */
export const institutionsPages = new Hono<AppEnv>()
	// "/console/institutions/*" covers the list at "/console/institutions" too.
	.use("/console/institutions/*", requireSignedInPage)
	.get("/console/institutions", (c) => renderList(c))
	.post("/console/institutions", async (c) => {
		const actor = await authorize(c, "institution.create", { kind: "platform" });
		return submitForm(c, {
			form: "create",
			schema: CreateInstitutionFormSchema,
			run: async ({ return: returnTo, ...institution }) => ({
				created: await createInstitution(c.var.db, { institution, ownerId: actor.userId }),
				back: returnAfterInstitution(returnTo),
			}),
			// Back to the page that asked for an institution, with it chosen; any other `return` is ignored.
			redirectTo: ({ created, back }) =>
				back
					? `${withInstitution(back, created.id)}&notice=${NOTICES.created}`
					: withNotice(institutionConsoleUrl(created.id), NOTICES.created),
			rerender: (failed, status) => renderList(c, failed, status),
		});
	})
	.get("/console/institutions/:id", (c) => renderInstitution(c, c.req.param("id")))
	.post("/console/institutions/:id", async (c) => {
		const id = c.req.param("id");
		await authorize(c, "institution.update", institutionResource(id));
		return submitForm(c, {
			form: "settings",
			schema: UpdateInstitutionSchema,
			run: (patch) => updateInstitution(c.var.db, { id, patch }),
			redirectTo: () => withNotice(institutionConsoleUrl(id), "updated"),
			rerender: (failed, status) => renderInstitution(c, id, failed, status),
		});
	})
	.post("/console/institutions/:id/invitations", async (c) => {
		const id = c.req.param("id");
		const { institution } = await authorizedInstitution(c, "institution.invite", id);
		return submitForm(c, {
			form: "invite",
			schema: InviteInstitutionMemberSchema,
			run: ({ email, role }) => sendInvitation(c, { target: institutionTarget(institution), email, role }),
			redirectTo: () => withNotice(institutionConsoleUrl(id), "invited", "invite"),
			rerender: (failed, status) => renderInstitution(c, id, failed, status),
		});
	})
	.post("/console/institutions/:id/invitations/:invitationId/revoke", async (c) => {
		const { id, invitationId } = c.req.param();
		await authorize(c, "institution.invite", institutionResource(id));
		await revokeInvitation(c.var.db, { scope: "institution", targetId: id, invitationId });
		return c.redirect(withNotice(institutionConsoleUrl(id), "revoked"), 303);
	})
	.post("/console/institutions/:id/transfer", async (c) => {
		const id = c.req.param("id");
		const actor = await authorize(c, "institution.transfer", institutionResource(id));
		return submitForm(c, {
			form: "transfer",
			schema: TransferOwnershipSchema,
			run: ({ userId }) =>
				transferOwnership(c.var.db, { institutionId: id, fromUserId: actor.userId, toUserId: userId }),
			redirectTo: () => withNotice(institutionConsoleUrl(id), NOTICES.transferred),
			rerender: (failed, status) => renderInstitution(c, id, failed, status),
		});
	})
	.post("/console/institutions/:id/leave", async (c) => {
		const id = c.req.param("id");
		const actor = await authorize(c, "institution.leave", institutionResource(id));
		return submitForm(c, {
			form: "leave",
			schema: ButtonForm,
			run: () => removeMember(c.var.db, { institutionId: id, userId: actor.userId, self: true }),
			redirectTo: () => withNotice("/console/institutions", NOTICES.left),
			rerender: (failed, status) => renderInstitution(c, id, failed, status),
		});
	})
	.get("/console/institutions/:id/members/:userId", (c) => renderMember(c, c.req.param("id"), c.req.param("userId")))
	.post("/console/institutions/:id/members/:userId", async (c) => {
		const { id, userId } = c.req.param();
		await authorizedMemberChange(c, id, userId);
		return submitForm(c, {
			form: "role",
			schema: ChangeInstitutionRoleSchema,
			run: async ({ role }) => {
				// Making someone owner needs the owners' permission too; known only once the role is parsed.
				await authorizedMemberChange(c, id, userId, role);
				await changeMemberRole(c.var.db, { institutionId: id, userId, role });
			},
			redirectTo: () => withNotice(institutionConsoleUrl(id), "role_changed"),
			rerender: (failed, status) => renderMember(c, id, userId, failed, status),
		});
	})
	.post("/console/institutions/:id/members/:userId/remove", async (c) => {
		const { id, userId } = c.req.param();
		await authorizedMemberChange(c, id, userId);
		return submitForm(c, {
			form: "remove",
			schema: ButtonForm,
			run: () => removeMember(c.var.db, { institutionId: id, userId }),
			redirectTo: () =>
				userId === requireAuth(c).user.id
					? withNotice("/console/institutions", NOTICES.left)
					: withNotice(institutionConsoleUrl(id), "removed"),
			rerender: (failed, status) => renderMember(c, id, userId, failed, status),
		});
	});
