/**
 * The API of handover notes: an edition's notes and its dossier, a note with its attachments,
 * links and question threads, and search across a series. Parse, authorize through the policy,
 * call the feature function, answer `{ data }` (errors per the data contract). A note the caller
 * may not read is a 404 on every route; public notes need no token. The routes as OpenAPI
 * declares them are in ./api-routes.ts; these are their handlers.
 */
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createApiRouter } from "../../api/openapi";
import { paginate } from "../../api/pagination";
import { currentActor, notVisible, requireAuth } from "../../auth/guard";
import { can, noteAudience } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource, findEditionWithSeries } from "../../domain/editions";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { validationError } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { noteUrl } from "../../urls";
import { authorizedNote } from "./access";
import {
	addLinkRoute,
	askRoute,
	createNoteRoute,
	deleteAttachmentRoute,
	deleteNoteRoute,
	dossierRoute,
	downloadRoute,
	getNoteRoute,
	listAttachmentsRoute,
	listEditionNotesRoute,
	listLinksRoute,
	listThreadsRoute,
	patchNoteRoute,
	readRoute,
	removeLinkRoute,
	replyRoute,
	searchRoute,
	uploadRoute,
} from "./api-routes";
import {
	type Attachment,
	addAttachment,
	deleteAttachment,
	downloadResponse,
	findAttachment,
	listAttachments,
} from "./attachments";
import { addLink, listLinks, type NoteLink, removeLink } from "./links";
import {
	createNote,
	type DossierItem,
	deleteNote,
	listEditionNotes,
	listSeriesNotes,
	loadDossier,
	markRead,
	type NoteListItem,
	updateNote,
} from "./notes";
import {
	type AttachmentSchema,
	type HandoverNoteSchema,
	type LinkSchema,
	NoteInputSchema,
	type ThreadSchema,
} from "./schemas";
import { searchNotes } from "./search";
import { askQuestion, listThreads, replyToThread, type Thread } from "./threads";
// ---------------------------------------------------------------------------------------------
// JSON shapes

export const toNoteJson = ({ note, edition, authorName }: NoteListItem): z.infer<typeof HandoverNoteSchema> => {
	const { authorId: _, createdAt, updatedAt, ...rest } = note;
	return {
		...rest,
		edition: { id: edition.id, name: edition.name, year: edition.year },
		authorName,
		createdAt: createdAt.toISOString(),
		updatedAt: updatedAt.toISOString(),
		url: noteUrl(note.id),
	};
};

const toDossierJson = (item: DossierItem) => ({ ...toNoteJson(item), unread: item.unread });

const toAttachmentJson = (a: Attachment, noteApiPath: string): z.infer<typeof AttachmentSchema> => ({
	id: a.id,
	noteId: a.noteId,
	filename: a.filename,
	contentType: a.contentType,
	sizeBytes: a.sizeBytes,
	createdAt: a.createdAt.toISOString(),
	url: `${noteApiPath}/attachments/${a.id}`,
});

const toMessageJson = (m: Thread["messages"][number]) => ({
	id: m.id,
	authorName: m.authorName,
	body: m.body,
	createdAt: m.createdAt.toISOString(),
});

const toThreadJson = (t: Thread): z.infer<typeof ThreadSchema> => ({
	id: t.id,
	askedByName: t.askedByName,
	createdAt: t.createdAt.toISOString(),
	messages: t.messages.map(toMessageJson),
});

const toLinkJson = (l: NoteLink): z.infer<typeof LinkSchema> => l;

const apiNotePath = (noteId: string) => `/api/v1/handover-notes/${noteId}`;

/** The edition at `id` when it is the caller's to know about: public, viewable, or holding notes they may read. */
async function readableEdition(c: Context<AppEnv>, id: string) {
	const found = await findEditionWithSeries(c.var.db, id);
	if (!found) throw notVisible();
	const actor = await currentActor(c);
	const items = await listEditionNotes(c.var.db, noteAudience(actor), found.edition.id);
	const resource = editionResource(found.edition);
	const known = (resource.kind === "edition" && resource.isPublic) || can(actor, "edition.view", resource);
	if (!known && items.length === 0) throw notVisible();
	return items;
}

export const handoverApi = createApiRouter()
	.openapi(listEditionNotesRoute, async (c) => {
		const items = await readableEdition(c, c.req.valid("param").id);
		const { items: shown, page } = paginate(items, c.req.valid("query"), (i) => i.note.id);
		return c.json({ data: shown.map(toNoteJson), page }, 200);
	})
	.openapi(createNoteRoute, async (c) => {
		const data = c.req.valid("json");
		const { edition, actor } = await authorizedEdition(c, "handover.write", c.req.valid("param").id);
		const note = await createNote(c.var.db, { edition, authorId: actor.userId, data });
		const authorName = requireAuth(c).user.name;
		return c.json({ data: toNoteJson({ note, edition, authorName }) }, 201);
	})
	.openapi(dossierRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		const audience = noteAudience(await currentActor(c));
		const items = await loadDossier(c.var.db, audience, requireAuth(c).user.id, edition);
		const { items: shown, page } = paginate(items, c.req.valid("query"), (i) => i.note.id);
		return c.json({ data: shown.map(toDossierJson), page }, 200);
	})
	.openapi(getNoteRoute, async (c) => {
		const found = await authorizedNote(c, "note.view", c.req.valid("param").noteId);
		return c.json({ data: toNoteJson(found) }, 200);
	})
	.openapi(patchNoteRoute, async (c) => {
		const patch = c.req.valid("json");
		const found = await authorizedNote(c, "note.update", c.req.valid("param").noteId);
		const { topic, title, body, tags: noteTags, visibility } = found.note;
		const parsed = NoteInputSchema.safeParse({ topic, title, body, tags: noteTags, visibility, ...patch });
		if (!parsed.success) throw validationError(parsed.error);
		const note = await updateNote(c.var.db, found.note.id, parsed.data);
		return c.json({ data: toNoteJson({ ...found, note }) }, 200);
	})
	.openapi(deleteNoteRoute, async (c) => {
		const { note } = await authorizedNote(c, "note.update", c.req.valid("param").noteId);
		await deleteNote(c.var.db, c.env.FILES, note.id);
		return c.body(null, 204);
	})
	.openapi(readRoute, async (c) => {
		const { user } = requireAuth(c);
		const { note } = await authorizedNote(c, "note.mark_read", c.req.valid("param").noteId);
		await markRead(c.var.db, note.id, user.id);
		return c.body(null, 204);
	})
	.openapi(listLinksRoute, async (c) => {
		const { note, actor } = await authorizedNote(c, "note.view", c.req.valid("param").noteId);
		const links = await listLinks(c.var.db, note.id, actor);
		const { items, page } = paginate(
			links,
			c.req.valid("query"),
			(l) => `${l.editionId}:${l.subjectKind}:${l.subjectId}`,
		);
		return c.json({ data: items.map(toLinkJson), page }, 200);
	})
	.openapi(addLinkRoute, async (c) => {
		const subject = c.req.valid("json");
		const { note, actor } = await authorizedNote(c, "note.update", c.req.valid("param").noteId);
		await addLink(c.var.db, note, subject);
		const link = (await listLinks(c.var.db, note.id, actor)).find(
			(l) =>
				l.editionId === note.editionId && l.subjectKind === subject.subjectKind && l.subjectId === subject.subjectId,
		);
		if (!link) throw new Error("the link just added is missing");
		return c.json({ data: toLinkJson(link) }, 201);
	})
	.openapi(removeLinkRoute, async (c) => {
		const { noteId, ...subject } = c.req.valid("param");
		const { note } = await authorizedNote(c, "note.update", noteId);
		await removeLink(c.var.db, note, subject);
		return c.body(null, 204);
	})
	.openapi(listAttachmentsRoute, async (c) => {
		const { note } = await authorizedNote(c, "note.view", c.req.valid("param").noteId);
		const attachments = await listAttachments(c.var.db, note.id);
		const { items, page } = paginate(attachments, c.req.valid("query"), (a) => a.id);
		return c.json({ data: items.map((a) => toAttachmentJson(a, apiNotePath(note.id))), page }, 200);
	})
	.openapi(uploadRoute, async (c) => {
		const { file } = c.req.valid("form");
		const { note } = await authorizedNote(c, "note.update", c.req.valid("param").noteId);
		await limitCostly(c, "upload", requireAuth(c).user.id);
		const attachment = await addAttachment(c.var.db, c.env.FILES, { note, file, uploadedBy: requireAuth(c).user.id });
		return c.json({ data: toAttachmentJson(attachment, apiNotePath(note.id)) }, 201);
	})
	.openapi(downloadRoute, async (c) => {
		const { noteId, attachmentId } = c.req.valid("param");
		const { note } = await authorizedNote(c, "note.view", noteId);
		const attachment = await findAttachment(c.var.db, note.id, attachmentId);
		return downloadResponse(c.env.FILES, attachment);
	})
	.openapi(deleteAttachmentRoute, async (c) => {
		const { noteId, attachmentId } = c.req.valid("param");
		const { note } = await authorizedNote(c, "note.update", noteId);
		await deleteAttachment(c.var.db, c.env.FILES, await findAttachment(c.var.db, note.id, attachmentId));
		return c.body(null, 204);
	})
	.openapi(listThreadsRoute, async (c) => {
		const { note } = await authorizedNote(c, "note.discuss", c.req.valid("param").noteId);
		const threads = await listThreads(c.var.db, note.id);
		const { items, page } = paginate(threads, c.req.valid("query"), (t) => t.id);
		return c.json({ data: items.map(toThreadJson), page }, 200);
	})
	.openapi(askRoute, async (c) => {
		const { body } = c.req.valid("json");
		const context = await authorizedNote(c, "note.discuss", c.req.valid("param").noteId);
		const { user } = requireAuth(c);
		const posted = await askQuestion(c.var.db, {
			context,
			asker: user,
			body,
			noteLink: `${mainOrigin(c)}${noteUrl(context.note.id)}`,
		});
		scheduleDelivery(c, posted.mailIds);
		const thread = (await listThreads(c.var.db, context.note.id)).find((t) => t.id === posted.threadId);
		if (!thread) throw new Error("the thread just opened is missing");
		return c.json({ data: toThreadJson(thread) }, 201);
	})
	.openapi(replyRoute, async (c) => {
		const { body } = c.req.valid("json");
		const { noteId, threadId } = c.req.valid("param");
		const context = await authorizedNote(c, "note.discuss", noteId);
		const { user } = requireAuth(c);
		const posted = await replyToThread(c.var.db, {
			context,
			threadId,
			sender: user,
			body,
			noteLink: `${mainOrigin(c)}${noteUrl(context.note.id)}`,
		});
		scheduleDelivery(c, posted.mailIds);
		const message = (await listThreads(c.var.db, context.note.id))
			.flatMap((t) => t.messages)
			.find((m) => m.id === posted.messageId);
		if (!message) throw new Error("the message just written is missing");
		return c.json({ data: toMessageJson(message) }, 201);
	})
	.openapi(searchRoute, async (c) => {
		const { q, topic, tag, ...pageRequest } = c.req.valid("query");
		const found = await findSeriesBySlug(c.var.db, c.req.valid("param").slug);
		if (!found) throw notVisible();
		const audience = noteAudience(await currentActor(c));
		const results = q?.trim()
			? await searchNotes(c.var.db, audience, { seriesId: found.id, query: q, topic, tag })
			: (await listSeriesNotes(c.var.db, audience, { seriesId: found.id, topic, tag })).map((item) => ({
					...item,
					snippet: [],
				}));
		const { items, page } = paginate(results, pageRequest, (r) => r.note.id);
		return c.json({ data: items.map((r) => ({ ...toNoteJson(r), snippet: r.snippet })), page }, 200);
	});
