/**
 * What a handover note is made of, declared once: the fields (validation, console form, API schema
 * and messages from one definition, as ../content/fields.ts builds them), the words the console
 * uses for topics, visibilities and the things a note can be attached to, and the API shapes,
 * derived from the drizzle schema.
 */
import { z } from "@hono/zod-openapi";
import { createSelectSchema } from "drizzle-zod";
import { pathId } from "../../api/params";
import {
	HANDOVER_TOPICS,
	type HandoverTopic,
	handoverAttachments,
	handoverNotes,
	NOTE_SUBJECT_KINDS,
	type NoteSubjectKind,
	type NoteVisibility,
} from "../../db/schema";
import { type FieldSpec, type FieldsData, markdown, objectOf, select, text, textarea } from "../../domain/fields";
import { singleLine } from "../../lib/text-input";

export const TOPIC_LABELS: Record<HandoverTopic, string> = {
	venue_rooms: "Venue & rooms",
	budget_finance: "Budget & finance",
	sponsors_industry: "Sponsors & industry",
	program_speakers: "Program & speakers",
	named_lectures: "Named lectures",
	abstracts_review: "Abstracts & review",
	registration_badges: "Registration & badges",
	communication_outreach: "Communication & outreach",
	catering_social: "Catering & social",
	volunteers_staff: "Volunteers & staff",
	lessons_learned: "Lessons learned",
	contacts: "Contacts",
};

export const VISIBILITY_LABELS: Record<NoteVisibility, string> = {
	future_committees: "Later committees of the series",
	public: "Everyone (public)",
	private: "Private draft: this committee only",
};

export const SUBJECT_KIND_LABELS: Record<NoteSubjectKind, string> = {
	registration_field: "Registration question",
	ticket_type: "Ticket type",
	email_text: "Email text",
	deadline: "Deadline",
	checklist_task: "Checklist task",
	track: "Track",
	room: "Room",
};

/** The topic's position in HANDOVER_TOPICS: the order the dossier lists topics in. */
export const topicOrder = (topic: HandoverTopic) => HANDOVER_TOPICS.indexOf(topic);

const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 40;

/**
 * Tags: "students, tickets" from a form or ["students", "tickets"] from JSON, lowercased and
 * without repeats, so the tag filter matches however a tag was typed.
 */
const tagsField: FieldSpec<"tags", string[]> = {
	name: "tags",
	label: "Tags",
	kind: "text",
	required: false,
	hint: "Separated by commas, e.g. students, tickets.",
	schema: z.preprocess(
		(v) => (v === undefined || v === null ? [] : typeof v === "string" ? v.split(",") : v),
		z
			.array(
				singleLine({ error: "Send tags as text." })
					.trim()
					.toLowerCase()
					.max(MAX_TAG_LENGTH, `Keep each tag under ${MAX_TAG_LENGTH} characters.`),
				{ error: "Send a list of tags." },
			)
			.transform((tags) => [...new Set(tags.filter(Boolean))])
			.refine((tags) => tags.length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags.`),
	),
};

/** A required text field that spaces alone do not fill (the text builder trims only after its required check). */
function requiredText<const N extends string>(name: N, label: string, max: number): FieldSpec<N, string> {
	const field = text(name, label, { required: true, max });
	return { ...field, schema: field.schema.pipe(z.string().min(1, `${label} is required.`)) };
}

const option = <T extends string>(labels: Record<T, string>) =>
	(Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const NOTE_FIELDS = [
	select("topic", "Topic", option(TOPIC_LABELS), { required: true }),
	{
		...requiredText("title", "Title", 200),
		hint: "The advice in one line, e.g. The student ticket sold out in a week.",
	},
	markdown("body", "Note (Markdown)", { max: 20_000 }),
	tagsField,
	select("visibility", "Who may read it", option(VISIBILITY_LABELS), {
		fallback: "future_committees",
		hint: "Later committees of the series (and its stewards) by default. A private draft stays with this committee until you share it.",
	}),
];

export const NoteInputSchema = objectOf(NOTE_FIELDS).openapi("HandoverNoteInput");

/** A validated note, typed from its fields. */
export type NoteInput = FieldsData<typeof NOTE_FIELDS>;

/** A question or an answer in a note's thread: plain text of several lines, trimmed; blank is no message. */
const messageField: FieldSpec<"body", string> = (() => {
	const field = textarea("body", "Message", { required: true, max: 5000 });
	return { ...field, schema: field.schema.pipe(z.string().trim().min(1, "Message is required.")) };
})();
export const MESSAGE_FIELDS = [messageField];
export const MessageInputSchema = objectOf(MESSAGE_FIELDS).openapi("NoteMessageInput");

/** Attaching a note to a thing of its edition: a row of a content collection, or a deadline by name. */
export const LinkInputSchema = z
	.strictObject({
		subjectKind: z.enum(NOTE_SUBJECT_KINDS, { error: "Choose what kind of thing the note is about." }),
		subjectId: singleLine({ error: "Choose the thing the note is about." })
			.trim()
			.min(1, "Choose the thing the note is about.")
			.max(64, "Choose the thing the note is about."),
	})
	.openapi("HandoverNoteLinkInput");

// ---------------------------------------------------------------------------------------------
// API shapes

export const NoteIdParam = z.object({ noteId: pathId("noteId") });
export const AttachmentParams = NoteIdParam.extend({ attachmentId: pathId("attachmentId") });
export const ThreadParams = NoteIdParam.extend({ threadId: pathId("threadId") });
export const LinkParams = NoteIdParam.extend({
	subjectKind: z.enum(NOTE_SUBJECT_KINDS).openapi({ param: { name: "subjectKind", in: "path" } }),
	subjectId: pathId("subjectId"),
});

const EditionRefSchema = z.object({ id: z.string(), name: z.string(), year: z.number().int() });

export const HandoverNoteSchema = createSelectSchema(handoverNotes)
	.omit({ createdAt: true, updatedAt: true, authorId: true, tags: true })
	.extend({
		tags: z.array(z.string()),
		edition: EditionRefSchema,
		authorName: z.string().nullable().openapi({ description: "Null once the author's account is gone." }),
		createdAt: z.iso.datetime(),
		updatedAt: z.iso.datetime(),
		url: z.string().openapi({ description: "The note's console page.", example: "/console/notes/…" }),
	})
	.openapi("HandoverNote");

export const DossierNoteSchema = HandoverNoteSchema.extend({
	unread: z.boolean().openapi({ description: "Not opened by you since it was written or last changed." }),
}).openapi("HandoverDossierNote");

export const SnippetSchema = z
	.array(z.object({ text: z.string(), match: z.boolean() }))
	.openapi({ description: "The best-matching passage, in pieces; `match` marks the words that matched." });

export const SearchResultSchema = HandoverNoteSchema.extend({ snippet: SnippetSchema }).openapi("HandoverSearchResult");

export const AttachmentSchema = createSelectSchema(handoverAttachments)
	.pick({ id: true, noteId: true, filename: true, contentType: true, sizeBytes: true })
	.extend({ createdAt: z.iso.datetime(), url: z.string().openapi({ description: "Where to download it." }) })
	.openapi("HandoverAttachment");

export const LinkSchema = z
	.object({
		editionId: z.string(),
		editionName: z.string(),
		subjectKind: z.enum(NOTE_SUBJECT_KINDS),
		subjectId: z.string(),
		label: z.string().openapi({ description: "What the thing is called, e.g. the ticket type's name." }),
	})
	.openapi("HandoverNoteLink");

export const MessageSchema = z
	.object({ id: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.iso.datetime() })
	.openapi("NoteMessage");

export const ThreadSchema = z
	.object({
		id: z.string(),
		askedByName: z.string().nullable(),
		createdAt: z.iso.datetime(),
		messages: z.array(MessageSchema),
	})
	.openapi("NoteThread");

export const SearchQuerySchema = z.object({
	q: z
		.string()
		.max(200, "Use at most 200 characters.")
		.optional()
		.openapi({ param: { name: "q", in: "query" }, description: "Words to find; every word must match." }),
	topic: z
		.enum(HANDOVER_TOPICS, { error: "Choose a topic from the list." })
		.optional()
		.openapi({ param: { name: "topic", in: "query" } }),
	tag: z
		.string()
		.trim()
		.toLowerCase()
		.max(MAX_TAG_LENGTH)
		.optional()
		.openapi({ param: { name: "tag", in: "query" } }),
});
