import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { readTogether } from "../../db/write";
import { authorizedEdition, authorizedSeries } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { committeeConsoleUrl, stewardsConsoleUrl } from "../../urls";
import { ButtonForm, type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import {
	editionTarget,
	invitationsPages,
	listPendingInvitations,
	revokeInvitation,
	sendInvitation,
	seriesTarget,
} from "../invitations";
import {
	findCommitteeMember,
	listCommittee,
	listSeriesEditions,
	listStewards,
	removeCommitteeMember,
	removeSteward,
	updateCommitteeMember,
} from "./committees";
import {
	committeeForm,
	InviteCommitteeMemberSchema,
	InviteStewardSchema,
	UpdateCommitteeMemberSchema,
} from "./schemas";
import { CommitteeMemberPage, CommitteePage, StewardsPage } from "./views";

type Ctx = Context<AppEnv>;

async function renderStewards(c: Ctx, slug: string, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { series, actor } = await authorizedSeries(c, "series.view_private", slug);
	const [stewards, editions, invitations] = await readTogether(c.var.db, [
		listStewards(c.var.db, series.id),
		listSeriesEditions(c.var.db, series.id),
		listPendingInvitations(c.var.db, "series", series.id),
	]);
	const canManage = can(actor, "series.manage_stewards", { kind: "series", id: series.id });
	return c.html(
		<StewardsPage
			user={requireAuth(c).user}
			series={series}
			stewards={stewards}
			editions={editions}
			invitations={canManage ? invitations : []}
			canManage={canManage}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

async function renderCommittee(c: Ctx, id: string, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.view", id);
	const [members, invitations] = await readTogether(c.var.db, [
		listCommittee(c.var.db, edition.id),
		listPendingInvitations(c.var.db, "edition", edition.id),
	]);
	const canManage = can(await currentActor(c), "edition.manage_committee", editionResource(edition));
	return c.html(
		<CommitteePage
			user={requireAuth(c).user}
			series={series}
			edition={edition}
			members={members}
			invitations={canManage ? invitations : []}
			canManage={canManage}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

async function renderCommitteeMember(
	c: Ctx,
	id: string,
	userId: string,
	failed?: FailedForm,
	status: ContentfulStatusCode = 200,
) {
	const { edition, series } = await authorizedEdition(c, "edition.manage_committee", id);
	const member = await findCommitteeMember(c.var.db, edition.id, userId);
	if (!member) throw notFound("This committee member");
	return c.html(
		<CommitteeMemberPage
			user={requireAuth(c).user}
			series={series}
			edition={edition}
			member={member}
			failed={failed}
		/>,
		status,
	);
}

/**
 * Console pages of series stewards and edition committees, and (mounted here) the invitation
 * accept page shared by every scope. Forms work without JavaScript.
 */
export const committeesPages = new Hono<AppEnv>()
	// Only this module's paths: other features own other pages below /console/series and /console/editions.
	.use("/console/series/:slug/stewards/*", requireSignedInPage)
	.use("/console/series/:slug/invitations/*", requireSignedInPage)
	.use("/console/editions/:id/committee/*", requireSignedInPage)
	.use("/console/editions/:id/invitations/*", requireSignedInPage)
	.get("/console/series/:slug/stewards", (c) => renderStewards(c, c.req.param("slug")))
	.post("/console/series/:slug/stewards", async (c) => {
		const slug = c.req.param("slug");
		const { series } = await authorizedSeries(c, "series.manage_stewards", slug);
		return submitForm(c, {
			form: "invite",
			schema: InviteStewardSchema,
			run: ({ email }) => sendInvitation(c, { target: seriesTarget(series), email, role: "steward" }),
			redirectTo: () => withNotice(stewardsConsoleUrl(series), "invited", "invite"),
			rerender: (failed, status) => renderStewards(c, slug, failed, status),
		});
	})
	.post("/console/series/:slug/stewards/:userId/remove", async (c) => {
		const { slug, userId } = c.req.param();
		const { series, actor } = await authorizedSeries(c, "series.manage_stewards", slug);
		return submitForm(c, {
			form: "remove",
			schema: ButtonForm,
			run: () => removeSteward(c.var.db, { seriesId: series.id, userId }),
			// A steward who stepped down can no longer open the stewards page.
			redirectTo: () =>
				userId === actor.userId ? withNotice("/console", "removed") : withNotice(stewardsConsoleUrl(series), "removed"),
			rerender: (failed, status) => renderStewards(c, slug, failed, status),
		});
	})
	.post("/console/series/:slug/invitations/:invitationId/revoke", async (c) => {
		const { slug, invitationId } = c.req.param();
		const { series } = await authorizedSeries(c, "series.manage_stewards", slug);
		await revokeInvitation(c.var.db, { scope: "series", targetId: series.id, invitationId });
		return c.redirect(withNotice(stewardsConsoleUrl(series), "revoked"), 303);
	})
	.get("/console/editions/:id/committee", (c) => renderCommittee(c, c.req.param("id")))
	.post("/console/editions/:id/invitations", async (c) => {
		const id = c.req.param("id");
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		return submitForm(c, {
			form: "invite",
			schema: committeeForm(InviteCommitteeMemberSchema),
			run: ({ email, role, mentorUntil }) =>
				sendInvitation(c, { target: editionTarget(edition), email, role, mentorUntil }),
			redirectTo: () => withNotice(committeeConsoleUrl(id), "invited", "invite"),
			rerender: (failed, status) => renderCommittee(c, id, failed, status),
		});
	})
	.post("/console/editions/:id/invitations/:invitationId/revoke", async (c) => {
		const { id, invitationId } = c.req.param();
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		await revokeInvitation(c.var.db, { scope: "edition", targetId: edition.id, invitationId });
		return c.redirect(withNotice(committeeConsoleUrl(id), "revoked"), 303);
	})
	.get("/console/editions/:id/committee/:userId", (c) =>
		renderCommitteeMember(c, c.req.param("id"), c.req.param("userId")),
	)
	.post("/console/editions/:id/committee/:userId", async (c) => {
		const { id, userId } = c.req.param();
		const { edition } = await authorizedEdition(c, "edition.manage_committee", id);
		return submitForm(c, {
			form: "role",
			schema: committeeForm(UpdateCommitteeMemberSchema),
			// The form always posts the date; for a role other than mentor it was dropped, so clear it.
			run: (patch) => updateCommitteeMember(c.var.db, { editionId: edition.id, userId, mentorUntil: null, ...patch }),
			redirectTo: () => withNotice(committeeConsoleUrl(id), "role_changed"),
			rerender: (failed, status) => renderCommitteeMember(c, id, userId, failed, status),
		});
	})
	.post("/console/editions/:id/committee/:userId/remove", async (c) => {
		const { id, userId } = c.req.param();
		const { edition, actor } = await authorizedEdition(c, "edition.manage_committee", id);
		return submitForm(c, {
			form: "remove",
			schema: ButtonForm,
			run: () => removeCommitteeMember(c.var.db, { editionId: edition.id, userId }),
			redirectTo: () =>
				userId === actor.userId ? withNotice("/console", "removed") : withNotice(committeeConsoleUrl(id), "removed"),
			rerender: (failed, status) => renderCommitteeMember(c, id, userId, failed, status),
		});
	})
	.route("/", invitationsPages);
