/**
 * Console pages of the program. Handlers stay thin: authorize through the one policy (view to
 * read, update to change), run a function of ./program.ts, then redirect (303) with a notice or
 * show the page again with the messages beside the fields.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { unreviewedMark } from "../../domain/copied-texts";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import { placeholderProblems } from "../../domain/placeholders";
import { placeholderValuesFor } from "../../domain/public-committee";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { programUrl, sessionUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import type { FormValues } from "../../views/parse-form";
import { PREVIEW_BUTTON } from "../../views/placeholder-help";
import {
	createSession,
	createTalk,
	deleteSession,
	deleteTalk,
	findSession,
	findTalk,
	listProgram,
	programNames,
	updateSession,
	updateTalk,
	warningsOf,
} from "./program";
import { SessionForm, TalkForm } from "./schemas";
import { ProgramPage, SessionPage, TalkPage } from "./views";

type Ctx = Context<AppEnv>;

const BASE = "/console/editions/:id/program";

/** The edition if the actor may view it, and whether they may also change it. */
async function viewing(c: Ctx) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
	return { ...found, canEdit, user: requireAuth(c).user };
}

const editing = (c: Ctx) => authorizedEdition(c, "edition.update", c.req.param("id") ?? "");

async function renderProgram(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { edition, series, canEdit, user } = await viewing(c);
	const [sessions, names] = await Promise.all([listProgram(c.var.db, edition.id), programNames(c.var.db, edition)]);
	const warnings = warningsOf(sessions);
	return c.html(
		<ProgramPage {...{ edition, series, user, sessions, names, warnings, canEdit, failed }} notice={noticeFrom(c)} />,
		status,
	);
}

async function renderSession(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200, preview?: FormValues) {
	const { edition, series, canEdit, user } = await viewing(c);
	const sessionId = c.req.param("sessionId") ?? "";
	const [session, names, values, copied] = await Promise.all([
		findSession(c.var.db, edition.id, sessionId),
		programNames(c.var.db, edition),
		// The insert list shows the committee too.
		canEdit ? placeholderValuesFor(c.var.db, edition, ["{{committee}}"]) : undefined,
		canEdit ? unreviewedMark(c.var.db, edition.id, "sessions", sessionId) : undefined,
	]);
	const placeholders = values && {
		values,
		preview: preview && [
			{ label: "Title", text: preview.title ?? "", markdown: false },
			{ label: "Description", text: preview.description ?? "", markdown: true },
		],
	};
	return c.html(
		<SessionPage
			{...{ edition, series, user, session, names, canEdit, failed, placeholders, copied }}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

/** A post of the session form's "Preview" button: the form again, its texts resolved above it, nothing saved. */
async function previewSession(c: Ctx): Promise<Response | undefined> {
	const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
	if (body[PREVIEW_BUTTON] !== "1") return undefined;
	const values: FormValues = {};
	for (const [key, value] of Object.entries(body)) if (typeof value === "string") values[key] = value;
	const fields = placeholderProblems(values, ["title", "description"]);
	return renderSession(c, { form: "session", values, fields }, 200, values);
}

/** The talk of the path, which must belong to the session of the path. */
async function talkOfPath(c: Ctx, editionId: string) {
	const found = await findTalk(c.var.db, editionId, c.req.param("talkId") ?? "");
	if (found.session.id !== c.req.param("sessionId")) throw notFound("This talk");
	return found;
}

async function renderTalk(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { edition, series } = await editing(c);
	const [{ session, talk }, names] = await Promise.all([talkOfPath(c, edition.id), programNames(c.var.db, edition)]);
	return c.html(<TalkPage {...{ edition, series, session, talk, names, failed }} user={requireAuth(c).user} />, status);
}

export const programPages = new Hono<AppEnv>()
	.use(BASE, requireSignedInPage)
	.use(`${BASE}/*`, requireSignedInPage)
	.get(BASE, (c) => renderProgram(c))
	.post(BASE, async (c) => {
		const { edition } = await editing(c);
		return submitForm(c, {
			form: "session",
			schema: SessionForm,
			run: (data) => createSession(c.var.db, edition, data),
			redirectTo: () => withNotice(programUrl(edition.id), "added"),
			rerender: (failed, status) => renderProgram(c, failed, status),
		});
	})
	.get(`${BASE}/:sessionId`, (c) => renderSession(c))
	.post(`${BASE}/:sessionId`, async (c) => {
		const { edition } = await editing(c);
		const sessionId = c.req.param("sessionId");
		const previewed = await previewSession(c);
		if (previewed) return previewed;
		return submitForm(c, {
			form: "session",
			schema: SessionForm,
			run: (data) => updateSession(c.var.db, edition, sessionId, data),
			redirectTo: () => withNotice(sessionUrl(edition.id, sessionId), "updated"),
			rerender: (failed, status) => renderSession(c, failed, status),
		});
	})
	.post(`${BASE}/:sessionId/delete`, async (c) => {
		const { edition } = await editing(c);
		await deleteSession(c.var.db, edition.id, c.req.param("sessionId"));
		return c.redirect(withNotice(programUrl(edition.id), "removed"), 303);
	})
	.post(`${BASE}/:sessionId/talks`, async (c) => {
		const { edition } = await editing(c);
		const sessionId = c.req.param("sessionId");
		return submitForm(c, {
			form: "talk",
			schema: TalkForm,
			run: (data) => createTalk(c.var.db, edition.id, sessionId, data),
			redirectTo: () => withNotice(sessionUrl(edition.id, sessionId), "added"),
			rerender: (failed, status) => renderSession(c, failed, status),
		});
	})
	.get(`${BASE}/:sessionId/talks/:talkId`, (c) => renderTalk(c))
	.post(`${BASE}/:sessionId/talks/:talkId`, async (c) => {
		const { edition } = await editing(c);
		const { talk } = await talkOfPath(c, edition.id);
		return submitForm(c, {
			form: "talk",
			schema: TalkForm,
			run: (data) => updateTalk(c.var.db, edition.id, talk.id, data),
			redirectTo: (sessionId) => withNotice(sessionUrl(edition.id, sessionId), "updated"),
			rerender: (failed, status) => renderTalk(c, failed, status),
		});
	})
	.post(`${BASE}/:sessionId/talks/:talkId/delete`, async (c) => {
		const { edition } = await editing(c);
		const { talk } = await talkOfPath(c, edition.id);
		const sessionId = await deleteTalk(c.var.db, edition.id, talk.id);
		return c.redirect(withNotice(sessionUrl(edition.id, sessionId), "removed"), 303);
	});
