/**
 * Console pages of handover notes: parse, authorize through the policy, call the feature
 * function, render. Every note route answers 404 for a note the reader may not see.
 */

import { z } from "@hono/zod-openapi";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can, noteAudience } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { AppError, fieldErrors, notFound } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { editionNotesUrl, noteUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { pageOf } from "../../views/pager";
import { authorizedNote } from "./access";
import {
	addAttachment,
	deleteAttachment,
	downloadResponse,
	findAttachment,
	listAttachments,
	tooLarge,
	UPLOAD_LIMIT_BYTES,
} from "./attachments";
import { addLink, listLinks, listSubjects, removeLink } from "./links";
import {
	createNote,
	deleteNote,
	listEditionNotes,
	listSeriesNotes,
	loadDossier,
	markRead,
	noteResource,
	updateNote,
} from "./notes";
import { LinkInputSchema, MessageInputSchema, NoteInputSchema, SearchQuerySchema } from "./schemas";
import { searchNotes } from "./search";
import { askQuestion, listThreads, replyToThread } from "./threads";
import { DossierPage, EditionNotesPage, NoteEditPage, NotePage, SearchPage } from "./views";

/** Notices of the question threads (the shared ones in NOTICES say nothing about email). */
const THREAD_NOTICES = {
	question_sent: "Question sent: the note's author and its edition's chairs get it by email.",
	answer_sent: "Answer sent by email to everyone taking part in the question.",
} as const;

function pageNotice(c: Context<AppEnv>): string | undefined {
	const key = c.req.query("notice") ?? "";
	return (
		noticeFrom(c) ??
		(Object.hasOwn(THREAD_NOTICES, key) ? THREAD_NOTICES[key as keyof typeof THREAD_NOTICES] : undefined)
	);
}

/** The posted `kind:id` of the link forms, as a link input. */
const SubjectForm = z
	.object({ subject: z.string({ error: "Choose what to attach the note to." }) })
	.transform(({ subject }) => ({
		subjectKind: subject.slice(0, Math.max(0, subject.indexOf(":"))),
		subjectId: subject.slice(subject.indexOf(":") + 1),
	}))
	.pipe(LinkInputSchema);

const noteId = (c: Context<AppEnv>) => c.req.param("noteId") ?? "";

async function renderNote(c: Context<AppEnv>, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const context = await authorizedNote(c, "note.view", noteId(c));
	const { note } = context;
	const resource = noteResource(note, context.edition.year);
	const canUpdate = can(context.actor, "note.update", resource);
	// Questions are between the series' committees and stewards (see the policy's note.discuss).
	const canDiscuss = can(context.actor, "note.discuss", resource);
	const [attachments, links, threads, subjects] = await Promise.all([
		listAttachments(c.var.db, note.id),
		listLinks(c.var.db, note.id, context.actor),
		canDiscuss ? listThreads(c.var.db, note.id) : Promise.resolve([]),
		canUpdate ? listSubjects(c.var.db, note.editionId) : Promise.resolve([]),
	]);
	const { user } = requireAuth(c);
	// Opening the note is reading it: the dossier's unread marker goes (not for a read-only token,
	// which may not write anything).
	if (c.req.method === "GET" && can(context.actor, "note.mark_read", resource)) {
		await markRead(c.var.db, note.id, user.id);
	}
	return c.html(
		<NotePage
			context={context}
			user={user}
			attachments={attachments}
			links={links}
			subjects={subjects}
			threads={threads}
			canUpdate={canUpdate}
			canDiscuss={canDiscuss}
			notice={pageNotice(c)}
			failed={failed}
		/>,
		status as 200,
	);
}

async function renderEditionNotes(c: Context<AppEnv>, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const actor = await currentActor(c);
	const items = await listEditionNotes(c.var.db, noteAudience(actor), found.edition.id);
	return c.html(
		<EditionNotesPage
			{...found}
			user={requireAuth(c).user}
			page={pageOf(items, c.req.query("page"), editionNotesUrl(found.edition.id))}
			canWrite={can(actor, "handover.write", editionResource(found.edition))}
			notice={pageNotice(c)}
			failed={failed}
		/>,
		status as 200,
	);
}

async function renderEdit(c: Context<AppEnv>, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const context = await authorizedNote(c, "note.update", noteId(c));
	return c.html(<NoteEditPage context={context} user={requireAuth(c).user} failed={failed} />, status as 200);
}

/** The upload's size, checked before the body is read; the page again with the message. */
const uploadLimit = bodyLimit({
	maxSize: UPLOAD_LIMIT_BYTES,
	onError: (c) => {
		const error = tooLarge();
		return renderNote(c, { form: "upload", values: {}, fields: error.fields ?? {} }, 413);
	},
});

export const handoverPages = new Hono<AppEnv>()
	.use("/console/notes/*", requireSignedInPage)
	.use("/console/editions/:id/handover", requireSignedInPage)
	.use("/console/editions/:id/handover/*", requireSignedInPage)
	.use("/console/series/:slug/handover", requireSignedInPage)
	.get("/console/editions/:id/handover", async (c) => {
		const found = await authorizedEdition(c, "edition.view", c.req.param("id"));
		const { user } = requireAuth(c);
		const items = await loadDossier(c.var.db, noteAudience(await currentActor(c)), user.id, found.edition);
		return c.html(<DossierPage {...found} user={user} items={items} />);
	})
	.get("/console/editions/:id/handover/notes", (c) => renderEditionNotes(c))
	.post("/console/editions/:id/handover/notes", async (c) => {
		const { edition, actor } = await authorizedEdition(c, "handover.write", c.req.param("id"));
		return submitForm(c, {
			form: "note",
			schema: NoteInputSchema,
			run: (data) => createNote(c.var.db, { edition, authorId: actor.userId, data: data }),
			redirectTo: (note) => withNotice(noteUrl(note.id), "added"),
			rerender: (failed, status) => renderEditionNotes(c, failed, status),
		});
	})
	.get("/console/notes/:noteId", (c) => renderNote(c))
	.get("/console/notes/:noteId/edit", (c) => renderEdit(c))
	.post("/console/notes/:noteId/edit", async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		return submitForm(c, {
			form: "note",
			schema: NoteInputSchema,
			run: (data) => updateNote(c.var.db, note.id, data),
			redirectTo: () => withNotice(noteUrl(note.id), "updated"),
			rerender: (failed, status) => renderEdit(c, failed, status),
		});
	})
	.post("/console/notes/:noteId/delete", async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		await deleteNote(c.var.db, c.env.FILES, note.id);
		return c.redirect(withNotice(editionNotesUrl(note.editionId), "removed"), 303);
	})
	.post("/console/notes/:noteId/attachments", uploadLimit, async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
		const rerender = (error: AppError) =>
			renderNote(c, { form: "upload", values: {}, fields: error.fields ?? { _: error.message } }, error.status);
		const file = body.file;
		if (!(file instanceof File) || file.name === "") {
			return rerender(new AppError(400, "invalid_input", "Choose a file.", { file: "Choose a file to attach." }));
		}
		try {
			await limitCostly(c, "upload", requireAuth(c).user.id);
			await addAttachment(c.var.db, c.env.FILES, { note, file, uploadedBy: requireAuth(c).user.id });
		} catch (error) {
			if (error instanceof AppError && error.status < 500 && error.status !== 404) return rerender(error);
			throw error;
		}
		return c.redirect(withNotice(noteUrl(note.id), "added", "attachments"), 303);
	})
	.get("/console/notes/:noteId/attachments/:attachmentId", async (c) => {
		const { note } = await authorizedNote(c, "note.view", noteId(c));
		const attachment = await findAttachment(c.var.db, note.id, c.req.param("attachmentId"));
		return downloadResponse(c.env.FILES, attachment);
	})
	.post("/console/notes/:noteId/attachments/:attachmentId/delete", async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		const attachment = await findAttachment(c.var.db, note.id, c.req.param("attachmentId"));
		await deleteAttachment(c.var.db, c.env.FILES, attachment);
		return c.redirect(withNotice(noteUrl(note.id), "removed", "attachments"), 303);
	})
	.post("/console/notes/:noteId/links", async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		return submitForm(c, {
			form: "link",
			schema: SubjectForm,
			run: (subject) => addLink(c.var.db, note, subject),
			redirectTo: () => withNotice(noteUrl(note.id), "added", "links"),
			rerender: (failed, status) => renderNote(c, failed, status),
		});
	})
	.post("/console/notes/:noteId/links/remove", async (c) => {
		const { note } = await authorizedNote(c, "note.update", noteId(c));
		return submitForm(c, {
			form: "link",
			schema: SubjectForm,
			run: (subject) => removeLink(c.var.db, note, subject),
			redirectTo: () => withNotice(noteUrl(note.id), "removed", "links"),
			rerender: (failed, status) => renderNote(c, failed, status),
		});
	})
	.post("/console/notes/:noteId/questions", async (c) => {
		const context = await authorizedNote(c, "note.discuss", noteId(c));
		const { user } = requireAuth(c);
		return submitForm(c, {
			form: "question",
			schema: MessageInputSchema,
			run: async ({ body }) => {
				const posted = await askQuestion(c.var.db, {
					context,
					asker: user,
					body: String(body),
					noteLink: `${mainOrigin(c)}${noteUrl(context.note.id)}`,
				});
				scheduleDelivery(c, posted.mailIds);
				return posted;
			},
			redirectTo: (posted) => `${noteUrl(context.note.id)}?notice=question_sent#thread-${posted.threadId}`,
			rerender: (failed, status) => renderNote(c, failed, status),
		});
	})
	.post("/console/notes/:noteId/questions/:threadId", async (c) => {
		const context = await authorizedNote(c, "note.discuss", noteId(c));
		const { user } = requireAuth(c);
		const threadId = c.req.param("threadId");
		return submitForm(c, {
			form: `reply-${threadId}`,
			schema: MessageInputSchema,
			run: async ({ body }) => {
				const posted = await replyToThread(c.var.db, {
					context,
					threadId,
					sender: user,
					body: String(body),
					noteLink: `${mainOrigin(c)}${noteUrl(context.note.id)}`,
				});
				scheduleDelivery(c, posted.mailIds);
				return posted;
			},
			redirectTo: (posted) => `${noteUrl(context.note.id)}?notice=answer_sent#thread-${posted.threadId}`,
			rerender: (failed, status) => renderNote(c, failed, status),
		});
	})
	.get("/console/series/:slug/handover", async (c) => {
		const found = await findSeriesBySlug(c.var.db, c.req.param("slug"));
		if (!found) throw notFound("This series");
		const { user } = requireAuth(c);
		const audience = noteAudience(await currentActor(c));
		const raw = {
			q: c.req.query("q") || undefined,
			topic: c.req.query("topic") || undefined,
			tag: c.req.query("tag") || undefined,
		};
		const parsed = SearchQuerySchema.safeParse(raw);
		const page = (
			results: Parameters<typeof SearchPage>[0]["results"],
			searched: boolean,
			failed?: Record<string, string>,
		) =>
			c.html(
				<SearchPage
					series={found}
					user={user}
					q={raw.q ?? ""}
					topic={raw.topic ?? ""}
					tag={raw.tag ?? ""}
					results={results}
					searched={searched}
					failed={failed}
				/>,
				failed ? 400 : 200,
			);
		if (!parsed.success) return page([], false, fieldErrors(parsed.error));
		const { q, topic, tag } = parsed.data;
		if (q?.trim())
			return page(await searchNotes(c.var.db, audience, { seriesId: found.id, query: q, topic, tag }), true);
		return page(await listSeriesNotes(c.var.db, audience, { seriesId: found.id, topic, tag }), Boolean(topic || tag));
	});
