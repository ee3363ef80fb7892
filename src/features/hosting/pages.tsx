/**
 * Console pages of calls for hosts and proposals, and of creating an edition directly: stewards
 * open, change and close calls, compare proposals side by side and decide; owners and admins of an
 * institution propose and withdraw. Forms work without JavaScript.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedSeries } from "../../domain/edition-access";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { callConsoleUrl, callsConsoleUrl, committeeConsoleUrl, proposalConsoleUrl } from "../../urls";
import { ButtonForm, type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { authorizedInstitution } from "../institutions";
import { authorizedCall, authorizedNewEdition, authorizedProposal, proposalResource, seriesCall } from "./access";
import { listCalls, openCall, updateCall } from "./calls";
import { hostChoices } from "./host-choices";
import { createEdition, seriesHasEditions } from "./new-edition";
import { NOTICES } from "./notices";
import {
	acceptProposal,
	declineProposal,
	listProposals,
	proposalCounts,
	submitProposal,
	withdrawProposal,
} from "./proposals";
import {
	AcceptSchema,
	CallEditSchema,
	DeclineSchema,
	NewEditionSchema,
	OpenCallSchema,
	ProposalInputSchema,
} from "./schemas";
import { CallPage, CallsPage, NewEditionPage, ProposalPage, ProposePage } from "./views";

type Ctx = Context<AppEnv>;
type Failure = [failed?: FailedForm, status?: ContentfulStatusCode];

const param = (c: Ctx, name: string) => c.req.param(name) ?? "";

async function renderCalls(c: Ctx, ...[failed, status = 200]: Failure) {
	const { series } = await authorizedSeries(c, "series.update", param(c, "slug"));
	const [calls, counts] = await Promise.all([
		listCalls(c.var.db, series.id, { openOnly: false }),
		proposalCounts(c.var.db, series.id),
	]);
	const summaries = calls.map((call) => ({ call, ...(counts.get(call.id) ?? { open: 0, total: 0 }) }));
	return c.html(
		<CallsPage user={requireAuth(c).user} series={series} calls={summaries} failed={failed} notice={noticeFrom(c)} />,
		status,
	);
}

async function renderCall(c: Ctx, ...[failed, status = 200]: Failure) {
	const { series, call } = await authorizedCall(c, "series.update", param(c, "slug"), param(c, "callId"));
	const proposals = await listProposals(c.var.db, call.id);
	return c.html(
		<CallPage
			user={requireAuth(c).user}
			series={series}
			call={call}
			proposals={proposals}
			failed={failed}
			notice={noticeFrom(c)}
			now={new Date()}
		/>,
		status,
	);
}

async function renderPropose(c: Ctx, ...[failed, status = 200]: Failure) {
	const { user } = requireAuth(c);
	const { series, call } = await seriesCall(c, param(c, "slug"), param(c, "callId"));
	const choices = await hostChoices(c, "hosting.propose", "institutionId", c.req.query("institution"));
	return c.html(
		<ProposePage
			user={user}
			series={series}
			call={call}
			choices={choices}
			failed={failed}
			notice={noticeFrom(c)}
			now={new Date()}
		/>,
		status,
	);
}

async function renderProposal(c: Ctx, ...[failed, status = 200]: Failure) {
	const { context, actor } = await authorizedProposal(c, "proposal.view", param(c, "id"));
	const resource = proposalResource(context.proposal);
	return c.html(
		<ProposalPage
			user={requireAuth(c).user}
			context={context}
			canDecide={can(actor, "proposal.decide", resource)}
			canWithdraw={can(actor, "proposal.withdraw", resource)}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

async function renderNewEdition(c: Ctx, ...[failed, status = 200]: Failure) {
	const { user } = requireAuth(c);
	const series = await findSeriesBySlug(c.var.db, param(c, "slug"));
	if (!series) throw notFound("This series");
	const [choices, hasEditions] = await Promise.all([
		// The institutions the user owns or administers; whether one may host is decided on posting.
		hostChoices(c, "institution.update", "hostInstitutionId", c.req.query("institution")),
		seriesHasEditions(c.var.db, series.id),
	]);
	return c.html(
		<NewEditionPage
			user={user}
			series={series}
			hasEditions={hasEditions}
			choices={choices}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

export const hostingPages = new Hono<AppEnv>()
	// Only this module's paths: other features own other pages below /console/series/:slug.
	.use("/console/series/:slug/calls", requireSignedInPage)
	.use("/console/series/:slug/calls/*", requireSignedInPage)
	.use("/console/series/:slug/editions/*", requireSignedInPage)
	.use("/console/proposals/*", requireSignedInPage)
	.get("/console/series/:slug/calls", (c) => renderCalls(c))
	.post("/console/series/:slug/calls", async (c) => {
		const { series, actor } = await authorizedSeries(c, "series.update", c.req.param("slug"));
		return submitForm(c, {
			form: "open",
			schema: OpenCallSchema,
			run: (data) => openCall(c.var.db, { series, call: data, createdBy: actor.userId }),
			redirectTo: (call) => withNotice(callConsoleUrl(series, call.id), NOTICES.call_opened),
			rerender: (failed, status) => renderCalls(c, failed, status),
		});
	})
	.get("/console/series/:slug/calls/:callId", (c) => renderCall(c))
	.post("/console/series/:slug/calls/:callId", async (c) => {
		const { series, call } = await authorizedCall(c, "series.update", c.req.param("slug"), c.req.param("callId"));
		return submitForm(c, {
			form: "edit",
			schema: CallEditSchema,
			run: (data) => updateCall(c.var.db, { call, patch: data }),
			redirectTo: () => withNotice(callConsoleUrl(series, call.id), "updated"),
			rerender: (failed, status) => renderCall(c, failed, status),
		});
	})
	.post("/console/series/:slug/calls/:callId/close", async (c) => {
		const { series, call } = await authorizedCall(c, "series.update", c.req.param("slug"), c.req.param("callId"));
		return submitForm(c, {
			form: "close",
			schema: ButtonForm,
			run: () => updateCall(c.var.db, { call, patch: { status: "closed" } }),
			redirectTo: () => withNotice(callsConsoleUrl(series), NOTICES.call_closed),
			rerender: (failed, status) => renderCall(c, failed, status),
		});
	})
	.get("/console/series/:slug/calls/:callId/propose", (c) => renderPropose(c))
	.post("/console/series/:slug/calls/:callId/propose", async (c) => {
		const { user } = requireAuth(c);
		const { call, series } = await seriesCall(c, c.req.param("slug"), c.req.param("callId"));
		return submitForm(c, {
			form: "propose",
			schema: ProposalInputSchema,
			run: async (proposal) => {
				const { institution } = await authorizedInstitution(c, "hosting.propose", proposal.institutionId);
				const submitted = await submitProposal(c.var.db, {
					call,
					series,
					institution,
					submittedBy: user.id,
					proposal,
					baseUrl: mainOrigin(c),
				});
				scheduleDelivery(c, submitted.outboxIds);
				return submitted.proposal;
			},
			redirectTo: (proposal) => withNotice(proposalConsoleUrl(proposal.id), NOTICES.proposal_submitted),
			rerender: (failed, status) => renderPropose(c, failed, status),
		});
	})
	.get("/console/proposals/:id", (c) => renderProposal(c))
	.post("/console/proposals/:id/withdraw", async (c) => {
		const { context } = await authorizedProposal(c, "proposal.withdraw", c.req.param("id"));
		return submitForm(c, {
			form: "withdraw",
			schema: ButtonForm,
			run: () => withdrawProposal(c.var.db, context.proposal),
			redirectTo: () => withNotice(proposalConsoleUrl(context.proposal.id), NOTICES.proposal_withdrawn),
			rerender: (failed, status) => renderProposal(c, failed, status),
		});
	})
	.post("/console/proposals/:id/accept", async (c) => {
		const { context } = await authorizedProposal(c, "proposal.decide", c.req.param("id"));
		return submitForm(c, {
			form: "accept",
			schema: AcceptSchema,
			run: async (data) => {
				const accepted = await acceptProposal(c.var.db, {
					context,
					note: data.note,
					declineNote: data.declineNote,
					baseUrl: mainOrigin(c),
				});
				scheduleDelivery(c, accepted.outboxIds);
			},
			redirectTo: () => withNotice(callConsoleUrl(context.series, context.call.id), NOTICES.proposal_accepted),
			rerender: (failed, status) => renderProposal(c, failed, status),
		});
	})
	.post("/console/proposals/:id/decline", async (c) => {
		const { context } = await authorizedProposal(c, "proposal.decide", c.req.param("id"));
		return submitForm(c, {
			form: "decline",
			schema: DeclineSchema,
			run: async (data) => {
				const declined = await declineProposal(c.var.db, { context, note: data.note });
				scheduleDelivery(c, declined.outboxIds);
			},
			redirectTo: () => withNotice(callConsoleUrl(context.series, context.call.id), NOTICES.proposal_declined),
			rerender: (failed, status) => renderProposal(c, failed, status),
		});
	})
	.get("/console/series/:slug/editions/new", (c) => renderNewEdition(c))
	.post("/console/series/:slug/editions/new", async (c) => {
		const { user } = requireAuth(c);
		const series = await findSeriesBySlug(c.var.db, c.req.param("slug"));
		if (!series) throw notFound("This series");
		return submitForm(c, {
			form: "edition",
			schema: NewEditionSchema,
			run: async (edition) => {
				const host = await authorizedNewEdition(c, series, edition.hostInstitutionId);
				return createEdition(c.var.db, { series, host, edition, chairId: user.id });
			},
			redirectTo: (edition) => withNotice(committeeConsoleUrl(edition.id), NOTICES.edition_created),
			rerender: (failed, status) => renderNewEdition(c, failed, status),
		});
	});
