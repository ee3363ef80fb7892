/**
 * The handover notes' API routes as OpenAPI declares them: paths, parameters, bodies, answers and
 * the upload's size limit. The handlers are in ./api.ts.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { dataResponse, ErrorBodySchema, errorResponses, jsonBody, tokenOptional } from "../../api/openapi";
import { listResponse, PageQuery } from "../../api/pagination";
import { EditionIdParam, SeriesSlugParam } from "../../api/params";
import { MAX_ATTACHMENT_BYTES, tooLarge, UPLOAD_LIMIT_BYTES } from "./attachments";
import {
	AttachmentParams,
	AttachmentSchema,
	DossierNoteSchema,
	HandoverNoteSchema,
	LinkInputSchema,
	LinkParams,
	LinkSchema,
	MessageInputSchema,
	MessageSchema,
	NoteIdParam,
	NoteInputSchema,
	SearchQuerySchema,
	SearchResultSchema,
	ThreadParams,
	ThreadSchema,
} from "./schemas";

const tags = ["Handover notes"];

const fileErrors = {
	413: {
		description: `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
		content: { "application/json": { schema: ErrorBodySchema } },
	},
	415: {
		description:
			"Not an accepted type (pdf, png, jpg/jpeg, docx, xlsx, pptx, odt, ods, csv, txt, by extension), or its contents are not what its extension says.",
		content: { "application/json": { schema: ErrorBodySchema } },
	},
};

export const listEditionNotesRoute = createRoute({
	method: "get",
	path: "/editions/{id}/handover-notes",
	operationId: "listEditionHandoverNotes",
	security: tokenOptional,
	tags,
	summary: "List an edition's handover notes (those you may read)",
	description:
		"Public notes need no token; the edition's committee also sees its drafts, later committees of the series and its stewards its notes for future committees.",
	request: { params: EditionIdParam, query: PageQuery },
	responses: { 200: listResponse("The notes, by topic.", HandoverNoteSchema), ...errorResponses(400, 401, 404) },
});

export const createNoteRoute = createRoute({
	method: "post",
	path: "/editions/{id}/handover-notes",
	operationId: "createHandoverNote",
	tags,
	summary: "Write a handover note (the edition's chairs and organizers)",
	request: { params: EditionIdParam, ...jsonBody(NoteInputSchema) },
	responses: {
		201: dataResponse("The new note.", HandoverNoteSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

export const dossierRoute = createRoute({
	method: "get",
	path: "/editions/{id}/handover-dossier",
	operationId: "getHandoverDossier",
	tags,
	summary: "The handover dossier of an edition: the notes of every earlier edition of its series",
	description: "Newest edition first, then by topic; `unread` per note for the caller.",
	request: { params: EditionIdParam, query: PageQuery },
	responses: { 200: listResponse("The dossier.", DossierNoteSchema), ...errorResponses(400, 401, 404) },
});

export const getNoteRoute = createRoute({
	method: "get",
	path: "/handover-notes/{noteId}",
	operationId: "getHandoverNote",
	security: tokenOptional,
	tags,
	summary: "Get a handover note",
	request: { params: NoteIdParam },
	responses: { 200: dataResponse("The note.", HandoverNoteSchema), ...errorResponses(404) },
});

export const patchNoteRoute = createRoute({
	method: "patch",
	path: "/handover-notes/{noteId}",
	operationId: "updateHandoverNote",
	tags,
	summary: "Change a handover note (only the fields sent; the authoring edition's chairs and organizers)",
	request: {
		params: NoteIdParam,
		body: { required: true, content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
	},
	responses: { 200: dataResponse("The note.", HandoverNoteSchema), ...errorResponses(400, 401, 403, 404) },
});

export const deleteNoteRoute = createRoute({
	method: "delete",
	path: "/handover-notes/{noteId}",
	operationId: "deleteHandoverNote",
	tags,
	summary: "Remove a handover note with its attachments, links and questions",
	request: { params: NoteIdParam },
	responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404) },
});

export const readRoute = createRoute({
	method: "post",
	path: "/handover-notes/{noteId}/read",
	operationId: "markHandoverNoteRead",
	tags,
	summary: "Mark a handover note read (the console does this when the note is opened)",
	description: "A write: a read-only API token gets 403.",
	request: { params: NoteIdParam },
	responses: { 204: { description: "Marked read." }, ...errorResponses(401, 403, 404) },
});

export const listLinksRoute = createRoute({
	method: "get",
	path: "/handover-notes/{noteId}/links",
	operationId: "listHandoverNoteLinks",
	security: tokenOptional,
	tags,
	summary: "What a note is attached to, in its edition and in the editions copied from it",
	request: { params: NoteIdParam, query: PageQuery },
	responses: { 200: listResponse("The links.", LinkSchema), ...errorResponses(400, 404) },
});

export const addLinkRoute = createRoute({
	method: "post",
	path: "/handover-notes/{noteId}/links",
	operationId: "addHandoverNoteLink",
	tags,
	summary: "Attach a note to a thing of its edition",
	description:
		"A registration question, ticket type, email text, checklist task, track or room by id, or a deadline by name (`abstract_call.opens`, `abstract_call.closes`, `abstract_call.decisions`). A thing of another edition is a 422. When the edition is cloned, the link travels with the copy.",
	request: { params: NoteIdParam, ...jsonBody(LinkInputSchema) },
	responses: { 201: dataResponse("The link.", LinkSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

export const removeLinkRoute = createRoute({
	method: "delete",
	path: "/handover-notes/{noteId}/links/{subjectKind}/{subjectId}",
	operationId: "removeHandoverNoteLink",
	tags,
	summary: "Detach a note from a thing of its edition",
	request: { params: LinkParams },
	responses: { 204: { description: "Detached." }, ...errorResponses(400, 401, 403, 404) },
});

export const listAttachmentsRoute = createRoute({
	method: "get",
	path: "/handover-notes/{noteId}/attachments",
	operationId: "listHandoverNoteAttachments",
	security: tokenOptional,
	tags,
	summary: "List a note's attachments",
	request: { params: NoteIdParam, query: PageQuery },
	responses: { 200: listResponse("The attachments.", AttachmentSchema), ...errorResponses(400, 404) },
});

const uploadLimit = bodyLimit({
	maxSize: UPLOAD_LIMIT_BYTES,
	onError: () => {
		throw tooLarge();
	},
});

export const uploadRoute = createRoute({
	method: "post",
	path: "/handover-notes/{noteId}/attachments",
	operationId: "uploadHandoverNoteAttachment",
	tags,
	middleware: [uploadLimit] as const,
	summary: "Attach a file to a note (multipart form, field `file`; at most 10 MB)",
	request: {
		params: NoteIdParam,
		body: {
			required: true,
			content: {
				"multipart/form-data": {
					schema: z.object({
						file: z
							.instanceof(File, { error: "Attach a file in the field `file`." })
							.openapi({ type: "string", format: "binary" }),
					}),
				},
			},
		},
	},
	responses: {
		201: dataResponse("The attachment.", AttachmentSchema),
		...errorResponses(400, 401, 403, 404, 429),
		...fileErrors,
	},
});

export const downloadRoute = createRoute({
	method: "get",
	path: "/handover-notes/{noteId}/attachments/{attachmentId}",
	operationId: "downloadHandoverNoteAttachment",
	security: tokenOptional,
	tags,
	summary: "Download an attachment",
	description:
		"Always as a download (`Content-Disposition: attachment`), with `X-Content-Type-Options: nosniff` and `Cache-Control: private, no-store`.",
	request: { params: AttachmentParams },
	responses: {
		200: {
			description: "The file.",
			content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
		},
		...errorResponses(404),
	},
});

export const deleteAttachmentRoute = createRoute({
	method: "delete",
	path: "/handover-notes/{noteId}/attachments/{attachmentId}",
	operationId: "deleteHandoverNoteAttachment",
	tags,
	summary: "Remove an attachment",
	request: { params: AttachmentParams },
	responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404) },
});

export const listThreadsRoute = createRoute({
	method: "get",
	path: "/handover-notes/{noteId}/threads",
	operationId: "listHandoverNoteThreads",
	tags,
	summary: "The questions asked about a note, with their answers (the series' committees and stewards)",
	request: { params: NoteIdParam, query: PageQuery },
	responses: {
		200: listResponse("The threads, oldest first.", ThreadSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

export const askRoute = createRoute({
	method: "post",
	path: "/handover-notes/{noteId}/threads",
	operationId: "askHandoverNoteQuestion",
	tags,
	summary: "Ask a question about a note: emailed to its author and its edition's chairs",
	request: { params: NoteIdParam, ...jsonBody(MessageInputSchema) },
	responses: { 201: dataResponse("The new thread.", ThreadSchema), ...errorResponses(400, 401, 403, 404) },
});

export const replyRoute = createRoute({
	method: "post",
	path: "/handover-notes/{noteId}/threads/{threadId}/messages",
	operationId: "replyToHandoverNoteThread",
	tags,
	summary: "Answer in a question thread: emailed to everyone taking part but you",
	request: { params: ThreadParams, ...jsonBody(MessageInputSchema) },
	responses: { 201: dataResponse("The message.", MessageSchema), ...errorResponses(400, 401, 403, 404) },
});

export const searchRoute = createRoute({
	method: "get",
	path: "/series/{slug}/handover-notes",
	operationId: "searchSeriesHandoverNotes",
	security: tokenOptional,
	tags,
	summary: "Search a series' handover notes (those you may read)",
	description:
		"With `q`, full-text search (every word must match; a word ending in `*` matches its beginning), best first, each with a snippet. Without, the latest notes. `topic` and `tag` narrow either.",
	request: { params: SeriesSlugParam, query: SearchQuerySchema.extend(PageQuery.shape) },
	responses: { 200: listResponse("The notes.", SearchResultSchema), ...errorResponses(400, 404) },
});
