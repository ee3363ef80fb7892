/**
 * Handover notes: what one edition's committee writes for the committees after it, by topic, with
 * tags and a visibility (later committees by default, public, or a private draft). Who may read
 * and write is the policy's (src/auth/policy.ts, resource kind "note"); lists filter in SQL by the
 * same rule (./visibility.ts).
 *
 * Notes are not edition content: they are not on the edition's site, so writing one bumps no
 * content version, and an archived edition's notes stay writable by its chairs and organizers.
 * Archiving freezes the public record of an edition; the handover is mostly written after the
 * event and keeps being refined as the next committees ask questions, years later.
 *
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import type { NoteAudience, Resource } from "../../auth/policy";
import type { Database } from "../../db/client";
import {
	type Edition,
	editions,
	type HandoverNote,
	handoverAttachments,
	handoverNotes,
	noteReads,
	series,
	users,
} from "../../db/schema";
import { commit } from "../../db/write";
import { newId } from "../../lib/ids";
import { type NoteInput, topicOrder } from "./schemas";
import { noteEditionYear, visibleNotes } from "./visibility";

/** A note with the edition it came from and its author's name: what every list shows. */
export interface NoteListItem {
	note: HandoverNote;
	edition: Pick<Edition, "id" | "name" | "year">;
	authorName: string | null;
}

/** A note with its whole edition and series: what the note's page and its permissions need. */
export interface NoteContext {
	note: HandoverNote;
	edition: Edition;
	series: typeof series.$inferSelect;
	authorName: string | null;
}

/** The policy's view of a note. */
export const noteResource = (note: Pick<HandoverNote, "seriesId" | "editionId" | "visibility">, editionYear: number) =>
	({
		kind: "note",
		seriesId: note.seriesId,
		editionId: note.editionId,
		editionYear,
		visibility: note.visibility,
	}) satisfies Resource;

export async function findNote(db: Database, noteId: string): Promise<NoteContext | undefined> {
	return db
		.select({ note: handoverNotes, edition: editions, series, authorName: users.name })
		.from(handoverNotes)
		.innerJoin(editions, eq(editions.id, handoverNotes.editionId))
		.innerJoin(series, eq(series.id, handoverNotes.seriesId))
		.leftJoin(users, eq(users.id, handoverNotes.authorId))
		.where(eq(handoverNotes.id, noteId))
		.get();
}

// Not for db.batch(): D1 batches map rows by column name, where editions.name and users.name collide.
const listQuery = (db: Database) =>
	db
		.select({
			note: handoverNotes,
			edition: { id: editions.id, name: editions.name, year: editions.year },
			authorName: users.name,
		})
		.from(handoverNotes)
		.innerJoin(editions, eq(editions.id, handoverNotes.editionId))
		.leftJoin(users, eq(users.id, handoverNotes.authorId));

/** Newest edition first, then by topic in the dossier's order, then by title. */
export function byEditionAndTopic<T extends NoteListItem>(items: T[]): T[] {
	return items.sort(
		(a, b) =>
			b.edition.year - a.edition.year ||
			topicOrder(a.note.topic) - topicOrder(b.note.topic) ||
			a.note.title.localeCompare(b.note.title),
	);
}

/** The notes of one edition that `audience` may read, by topic. */
export async function listEditionNotes(
	db: Database,
	audience: NoteAudience,
	editionId: string,
): Promise<NoteListItem[]> {
	const rows = await listQuery(db).where(and(eq(handoverNotes.editionId, editionId), visibleNotes(audience)));
	return byEditionAndTopic(rows);
}

/** Unread: never opened by the user, or changed since they last opened it (the same millisecond counts as changed). */
const unreadSql = sql<number>`(${noteReads.readAt} is null or ${noteReads.readAt} <= ${handoverNotes.updatedAt})`;

/** What the dossier of `edition` holds: the notes of every earlier edition of its series. */
const dossierWhere = (audience: NoteAudience, edition: Pick<Edition, "seriesId" | "year">): SQL | undefined =>
	and(eq(handoverNotes.seriesId, edition.seriesId), lt(noteEditionYear, edition.year), visibleNotes(audience));

const readsOf = (userId: string | null) =>
	and(eq(noteReads.noteId, handoverNotes.id), eq(noteReads.userId, userId ?? ""));

export interface DossierItem extends NoteListItem {
	unread: boolean;
}

/**
 * The handover dossier of an edition: every note of the series' earlier editions that `audience`
 * may read, newest edition first, then by topic, each marked unread or not for `userId`.
 */
export async function loadDossier(
	db: Database,
	audience: NoteAudience,
	userId: string | null,
	edition: Pick<Edition, "seriesId" | "year">,
): Promise<DossierItem[]> {
	const rows = await db
		.select({
			note: handoverNotes,
			edition: { id: editions.id, name: editions.name, year: editions.year },
			authorName: users.name,
			unread: unreadSql,
		})
		.from(handoverNotes)
		.innerJoin(editions, eq(editions.id, handoverNotes.editionId))
		.leftJoin(users, eq(users.id, handoverNotes.authorId))
		.leftJoin(noteReads, readsOf(userId))
		.where(dossierWhere(audience, edition));
	return byEditionAndTopic(rows.map((row) => ({ ...row, unread: Boolean(row.unread) })));
}

/** How many notes the dossier of `edition` holds for the reader, and how many of them are unread (1 query). */
export async function dossierCounts(
	db: Database,
	audience: NoteAudience,
	userId: string,
	edition: Pick<Edition, "seriesId" | "year">,
): Promise<{ notes: number; unread: number }> {
	const row = await db
		.select({ notes: sql<number>`count(*)`, unread: sql<number>`coalesce(sum(${unreadSql}), 0)` })
		.from(handoverNotes)
		.leftJoin(noteReads, readsOf(userId))
		.where(dossierWhere(audience, edition))
		.get();
	return { notes: Number(row?.notes ?? 0), unread: Number(row?.unread ?? 0) };
}

/** Marks a note read by a user now (opening it does this). */
export async function markRead(db: Database, noteId: string, userId: string): Promise<void> {
	const readAt = new Date();
	await commit(
		db,
		[],
		[
			db
				.insert(noteReads)
				.values({ noteId, userId, readAt })
				.onConflictDoUpdate({ target: [noteReads.noteId, noteReads.userId], set: { readAt } }),
		],
	);
}

/** Writes a new note of `edition` by `authorId`; returns it. */
export async function createNote(
	db: Database,
	input: { edition: Pick<Edition, "id" | "seriesId">; authorId: string; data: NoteInput },
): Promise<HandoverNote> {
	const id = newId();
	const change = {
		action: "handover.note.created",
		id,
		editionId: input.edition.id,
		after: { title: input.data.title },
	} as const;
	const [[note]] = await commit(
		db,
		[change],
		[
			db
				.insert(handoverNotes)
				.values({
					...input.data,
					id,
					seriesId: input.edition.seriesId,
					editionId: input.edition.id,
					authorId: input.authorId,
				})
				.returning(),
		],
	);
	if (!note) throw new Error("the note insert returned no row");
	return note;
}

/** The edition of a note, as a subquery for its audit entry. */
const editionOfNote = (noteId: string) =>
	sql`(select ${handoverNotes.editionId} from ${handoverNotes} where ${handoverNotes.id} = ${noteId})`;

/** Replaces a note's topic, title, body, tags and visibility; readers see it unread again. */
export async function updateNote(db: Database, noteId: string, data: NoteInput): Promise<HandoverNote> {
	const change = {
		action: "handover.note.updated",
		id: noteId,
		editionId: editionOfNote(noteId),
		after: { title: data.title },
		of: 0,
	} as const;
	const [[note]] = await commit(
		db,
		[change],
		[
			db
				.update(handoverNotes)
				.set({ ...data, updatedAt: new Date() })
				.where(eq(handoverNotes.id, noteId))
				.returning(),
		],
	);
	if (!note) throw new Error("the note to update is gone");
	return note;
}

/**
 * Removes a note with its links, threads, reads and attachment rows (the foreign keys cascade),
 * then its files in R2. A file whose removal fails is only logged: its row is gone, so nothing can
 * reach it any more.
 */
export async function deleteNote(db: Database, files: R2Bucket, noteId: string): Promise<void> {
	const attachments = await db
		.select({ objectKey: handoverAttachments.objectKey })
		.from(handoverAttachments)
		.where(eq(handoverAttachments.noteId, noteId));
	// The entry goes first, while the note still names its edition.
	const [note] = await db
		.select({ editionId: handoverNotes.editionId })
		.from(handoverNotes)
		.where(eq(handoverNotes.id, noteId));
	const change = { action: "handover.note.deleted", id: noteId, editionId: note?.editionId ?? null, of: 0 } as const;
	await commit(
		db,
		[{ ...change, editionId: change.editionId ?? undefined }],
		[db.delete(handoverNotes).where(eq(handoverNotes.id, noteId))],
	);
	if (attachments.length === 0) return;
	try {
		await files.delete(attachments.map((a) => a.objectKey));
	} catch (error) {
		console.error(JSON.stringify({ level: "error", message: "orphaned handover files", noteId, error: String(error) }));
	}
}

/** The series' notes `audience` may read, newest edition first (the search page without a query). */
export async function listSeriesNotes(
	db: Database,
	audience: NoteAudience,
	filter: { seriesId: string; topic?: HandoverNote["topic"]; tag?: string },
	limit = 100,
): Promise<NoteListItem[]> {
	const rows = await listQuery(db)
		.where(and(eq(handoverNotes.seriesId, filter.seriesId), visibleNotes(audience), ...noteFilters(filter)))
		.orderBy(desc(editions.year), desc(handoverNotes.updatedAt))
		.limit(limit);
	return rows;
}

/** The topic and tag filters of lists and search. */
export function noteFilters(filter: { topic?: HandoverNote["topic"]; tag?: string }): (SQL | undefined)[] {
	return [
		filter.topic ? eq(handoverNotes.topic, filter.topic) : undefined,
		filter.tag ? sql`exists (select 1 from json_each(${handoverNotes.tags}) where value = ${filter.tag})` : undefined,
	];
}
