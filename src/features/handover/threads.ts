/**
 * "Ask a question" on a handover note: a thread whose every message is emailed to everyone taking
 * part except its sender — the note's author, the chairs of the edition that wrote it, the asker,
 * and whoever has written in the thread. So a question reaches the previous organizers, and their
 * answer reaches the asker.
 *
 * A message reaches only those who may still discuss the note when it is sent (the policy's
 * note.discuss, checked per recipient): whoever left the series' committees, was removed from one,
 * or lost sight of the note since the thread began gets no more of it by email.
 *
 * Threads are not edition content: they are written directly, never through writeEditionContent,
 * so previous organizers stay reachable after their edition is archived. The thread, the message
 * and the outbox rows go to D1 in one batch: a message is never kept without its emails, nor the
 * reverse. Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { loadActors } from "../../auth/actor";
import { can } from "../../auth/policy";
import type { Database } from "../../db/client";
import { editionMembers, noteMessages, noteThreads, users } from "../../db/schema";
import { commitAll } from "../../db/write";
import { notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { outboxInsert } from "../../lib/mailer";
import { answerMail, questionMail } from "./mails";
import { type NoteContext, noteResource } from "./notes";

export interface ThreadMessage {
	id: string;
	authorId: string | null;
	authorName: string | null;
	body: string;
	createdAt: Date;
}

export interface Thread {
	id: string;
	askedBy: string | null;
	askedByName: string | null;
	createdAt: Date;
	messages: ThreadMessage[];
}

/** A note's question threads with their messages, oldest first (2 queries). */
export async function listThreads(db: Database, noteId: string): Promise<Thread[]> {
	const threads = await db
		.select({
			id: noteThreads.id,
			askedBy: noteThreads.askedBy,
			askedByName: users.name,
			createdAt: noteThreads.createdAt,
		})
		.from(noteThreads)
		.leftJoin(users, eq(users.id, noteThreads.askedBy))
		.where(eq(noteThreads.noteId, noteId))
		.orderBy(asc(noteThreads.createdAt), asc(noteThreads.id));
	if (threads.length === 0) return [];
	const messages = await db
		.select({
			id: noteMessages.id,
			threadId: noteMessages.threadId,
			authorId: noteMessages.authorId,
			authorName: users.name,
			body: noteMessages.body,
			createdAt: noteMessages.createdAt,
		})
		.from(noteMessages)
		.leftJoin(users, eq(users.id, noteMessages.authorId))
		.where(
			inArray(
				noteMessages.threadId,
				threads.map((t) => t.id),
			),
		)
		.orderBy(asc(noteMessages.createdAt), asc(noteMessages.id));
	return threads.map((thread) => ({
		...thread,
		messages: messages.filter((m) => m.threadId === thread.id).map(({ threadId: _, ...m }) => m),
	}));
}

/**
 * Everyone a message in a thread reaches, except its sender: the note's author, the chairs of the
 * note's edition, the asker and every earlier writer in the thread — each only while the policy
 * lets them discuss the note (2 round trips: the people, then their roles).
 */
async function recipientsOf(
	db: Database,
	context: Pick<NoteContext, "note" | "edition">,
	thread: { id: string | null; askedBy: string | null },
	senderId: string,
) {
	const candidates = await candidatesOf(db, context.note, thread, senderId);
	const actors = await loadActors(
		db,
		candidates.map((person) => person.id),
	);
	// The same rule as the note's own routes: a note made private since the thread began, a member
	// removed from the committee, a mentor whose mentoring ended — none of them is mailed any more.
	const resource = noteResource(context.note, context.edition.year);
	return candidates.filter((person) => can(actors.get(person.id) ?? null, "note.discuss", resource));
}

/** The people a thread's message would reach if everyone could still read the note (1 query). */
function candidatesOf(
	db: Database,
	note: NoteContext["note"],
	thread: { id: string | null; askedBy: string | null },
	senderId: string,
) {
	const chairs = db
		.select({ userId: editionMembers.userId })
		.from(editionMembers)
		.where(and(eq(editionMembers.editionId, note.editionId), eq(editionMembers.role, "chair")));
	const writers = db
		.select({ authorId: noteMessages.authorId })
		.from(noteMessages)
		.where(eq(noteMessages.threadId, thread.id ?? ""));
	return db
		.select({ id: users.id, email: users.email, name: users.name })
		.from(users)
		.where(
			and(
				ne(users.id, senderId),
				or(
					eq(users.id, note.authorId ?? ""),
					eq(users.id, thread.askedBy ?? ""),
					inArray(users.id, chairs),
					inArray(users.id, writers),
				),
			),
		)
		.orderBy(asc(users.email));
}

export interface Posted {
	threadId: string;
	messageId: string;
	/** Outbox ids of the emails, to hand to scheduleDelivery. */
	mailIds: string[];
	/** Who was emailed. */
	recipients: string[];
}

async function post(
	db: Database,
	context: NoteContext,
	thread: { id: string; askedBy: string | null; isNew: boolean },
	sender: { id: string; name: string },
	body: string,
	noteLink: string,
): Promise<Posted> {
	const recipients = await recipientsOf(
		db,
		context,
		{ id: thread.isNew ? null : thread.id, askedBy: thread.askedBy },
		sender.id,
	);
	const messageId = newId();
	const link = `${noteLink}#thread-${thread.id}`;
	const mails = recipients.map((to) => ({
		id: newId(),
		message: thread.isNew
			? questionMail(to, { context, asker: sender.name, body, link })
			: answerMail(to, { context, sender: sender.name, body, link }),
	}));
	const statements: BatchItem<"sqlite">[] = [
		...(thread.isNew
			? [
					db
						.insert(noteThreads)
						.values({ id: thread.id, noteId: context.note.id, seriesId: context.note.seriesId, askedBy: sender.id }),
				]
			: []),
		db.insert(noteMessages).values({ id: messageId, threadId: thread.id, authorId: sender.id, body }),
		...mails.map((mail) => outboxInsert(db, mail.message, mail.id)),
	];
	const action = thread.isNew ? "handover.thread.started" : "handover.message.posted";
	const editionId = sql`(select edition_id from handover_notes where id = ${context.note.id})`;
	await commitAll(db, [{ action, id: thread.isNew ? thread.id : messageId, editionId }], statements);
	return {
		threadId: thread.id,
		messageId,
		mailIds: mails.map((m) => m.id),
		recipients: recipients.map((r) => r.email),
	};
}

/**
 * Opens a question thread on a note; the question is emailed to the note's author and its
 * edition's chairs. `noteLink` is the note's page as the emails link it.
 */
export function askQuestion(
	db: Database,
	input: { context: NoteContext; asker: { id: string; name: string }; body: string; noteLink: string },
): Promise<Posted> {
	const thread = { id: newId(), askedBy: input.asker.id, isNew: true };
	return post(db, input.context, thread, input.asker, input.body, input.noteLink);
}

/** Answers in a thread of the note (404 when it is not this note's); emailed to everyone else taking part. */
export async function replyToThread(
	db: Database,
	input: {
		context: NoteContext;
		threadId: string;
		sender: { id: string; name: string };
		body: string;
		noteLink: string;
	},
): Promise<Posted> {
	const thread = await db
		.select({ id: noteThreads.id, askedBy: noteThreads.askedBy })
		.from(noteThreads)
		.where(and(eq(noteThreads.id, input.threadId), eq(noteThreads.noteId, input.context.note.id)))
		.get();
	if (!thread) throw notFound("This question");
	return post(db, input.context, { ...thread, isNew: false }, input.sender, input.body, input.noteLink);
}
