/**
 * Notes attached to the thing they describe — a registration question, a ticket type, an email
 * text, a deadline, a checklist task, a track or a room — so the advice shows where the next
 * committee works on that thing ("2023: the student ticket sold out in a week"). A link names the
 * edition and the thing's row id (a deadline by name, e.g. `abstract_call.closes`). When an
 * edition is cloned, each copied thing gets a link to the same note (travellingNoteLinks).
 *
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, count, eq, inArray, like, or, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Actor, editionKnown, type NoteAudience } from "../../auth/policy";
import type { Database } from "../../db/client";
import {
	checklistTasks,
	editions,
	emailTexts,
	type HandoverNote,
	handoverNoteLinks,
	handoverNotes,
	type NoteSubjectKind,
	registrationFields,
	rooms,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { commit, readTogether } from "../../db/write";
import { editionResource } from "../../domain/editions";
import { AppError, notFound } from "../../lib/errors";
import { SUBJECT_KIND_LABELS } from "./schemas";
import { visibleNotes } from "./visibility";

type RowSubjectKind = Exclude<NoteSubjectKind, "deadline">;

/** The table and the name column of each kind of thing that is a row of its edition. */
const SUBJECT_TABLES: Record<
	RowSubjectKind,
	{ table: SQLiteTable; id: AnySQLiteColumn; editionId: AnySQLiteColumn; label: AnySQLiteColumn }
> = {
	registration_field: {
		table: registrationFields,
		id: registrationFields.id,
		editionId: registrationFields.editionId,
		label: registrationFields.label,
	},
	ticket_type: { table: ticketTypes, id: ticketTypes.id, editionId: ticketTypes.editionId, label: ticketTypes.name },
	email_text: { table: emailTexts, id: emailTexts.id, editionId: emailTexts.editionId, label: emailTexts.subject },
	checklist_task: {
		table: checklistTasks,
		id: checklistTasks.id,
		editionId: checklistTasks.editionId,
		label: checklistTasks.title,
	},
	track: { table: tracks, id: tracks.id, editionId: tracks.editionId, label: tracks.name },
	room: { table: rooms, id: rooms.id, editionId: rooms.editionId, label: rooms.name },
};

const ROW_SUBJECT_KINDS = Object.keys(SUBJECT_TABLES) as RowSubjectKind[];

/**
 * The deadlines a note can be attached to, by name. The part before the dot is the clone part
 * that carries the deadline into the next edition.
 */
export const DEADLINES: Record<string, string> = {
	"abstract_call.opens": "Call for abstracts opens",
	"abstract_call.closes": "Call for abstracts closes",
	"abstract_call.decisions": "Abstract decisions are sent",
};

/** The content collections (src/features/content/collections.ts) whose rows notes attach to. */
export const SUBJECT_OF_COLLECTION: Readonly<Record<string, RowSubjectKind>> = {
	"registration-fields": "registration_field",
	"ticket-types": "ticket_type",
	checklist: "checklist_task",
	"email-texts": "email_text",
	tracks: "track",
	rooms: "room",
};

/** A thing of an edition a note can be attached to. */
export interface Subject {
	kind: NoteSubjectKind;
	id: string;
	label: string;
}

/** Every thing of an edition a note can be attached to, grouped by kind (one batch). */
export async function listSubjects(db: Database, editionId: string): Promise<Subject[]> {
	const [first, ...rest] = ROW_SUBJECT_KINDS.map((kind) => {
		const t = SUBJECT_TABLES[kind];
		return db.select({ id: t.id, label: t.label }).from(t.table).where(eq(t.editionId, editionId)).orderBy(t.label);
	});
	if (!first) return [];
	const results = await readTogether(db, [first, ...rest]);
	return [
		...ROW_SUBJECT_KINDS.flatMap((kind, i) =>
			(results[i] ?? []).map((row) => ({ kind, id: String(row.id), label: String(row.label) })),
		),
		...Object.entries(DEADLINES).map(([id, label]) => ({ kind: "deadline" as const, id, label })),
	];
}

/** A link of a note, with the edition it is in and the name of the thing. */
export interface NoteLink {
	editionId: string;
	editionName: string;
	subjectKind: NoteSubjectKind;
	subjectId: string;
	label: string;
}

/**
 * The links of a note (its own edition's and the copies' in later editions), named: only those
 * into editions `actor` may see, since a link's label is the edition's own data (a draft's ticket
 * names are no business of a public note's readers).
 */
export async function listLinks(db: Database, noteId: string, actor: Actor | null): Promise<NoteLink[]> {
	const rows = await db
		.select({
			editionId: handoverNoteLinks.editionId,
			editionName: editions.name,
			editionYear: editions.year,
			editionSeriesId: editions.seriesId,
			editionStatus: editions.status,
			subjectKind: handoverNoteLinks.subjectKind,
			subjectId: handoverNoteLinks.subjectId,
		})
		.from(handoverNoteLinks)
		.innerJoin(editions, eq(editions.id, handoverNoteLinks.editionId))
		.where(eq(handoverNoteLinks.noteId, noteId));
	const links = rows
		.filter((l) =>
			editionKnown(actor, editionResource({ id: l.editionId, seriesId: l.editionSeriesId, status: l.editionStatus })),
		)
		.map(({ editionSeriesId: _, editionStatus: __, ...link }) => link);
	const labels = new Map<string, string>();
	const kinds = [...new Set(links.map((l) => l.subjectKind))].filter((k): k is RowSubjectKind => k !== "deadline");
	for (const kind of kinds) {
		const t = SUBJECT_TABLES[kind];
		const ids = links.filter((l) => l.subjectKind === kind).map((l) => l.subjectId);
		const rows = await db.select({ id: t.id, label: t.label }).from(t.table).where(inArray(t.id, ids));
		for (const row of rows) labels.set(`${kind}:${row.id}`, String(row.label));
	}
	return links
		.sort((a, b) => a.editionYear - b.editionYear || a.subjectKind.localeCompare(b.subjectKind))
		.map(({ editionYear: _, ...link }) => ({
			...link,
			label:
				(link.subjectKind === "deadline"
					? DEADLINES[link.subjectId]
					: labels.get(`${link.subjectKind}:${link.subjectId}`)) ??
				`${SUBJECT_KIND_LABELS[link.subjectKind]} (removed)`,
		}));
}

const invalidLink = (message: string) =>
	new AppError(422, "invalid_link", "The note cannot be attached to this.", { subjectId: message });

/**
 * Attaches a note to a thing of its own edition. A thing of another edition, or an unknown
 * deadline, is a 422; attaching twice changes nothing.
 */
export async function addLink(
	db: Database,
	note: Pick<HandoverNote, "id" | "editionId">,
	subject: { subjectKind: NoteSubjectKind; subjectId: string },
): Promise<void> {
	const { subjectKind, subjectId } = subject;
	if (subjectKind === "deadline") {
		if (!Object.hasOwn(DEADLINES, subjectId)) {
			throw invalidLink(`Choose one of the deadlines: ${Object.keys(DEADLINES).join(", ")}.`);
		}
	} else {
		const t = SUBJECT_TABLES[subjectKind];
		const found = await db
			.select({ id: t.id })
			.from(t.table)
			.where(and(eq(t.id, subjectId), eq(t.editionId, note.editionId)))
			.get();
		if (!found) {
			throw invalidLink(`Choose a ${SUBJECT_KIND_LABELS[subjectKind].toLowerCase()} of the note's own edition.`);
		}
	}
	const change = {
		action: "handover.link.created",
		id: note.id,
		editionId: note.editionId,
		after: { subjectKind, subjectId },
		of: 0,
	} as const;
	await commit(
		db,
		[change],
		[
			db
				.insert(handoverNoteLinks)
				.values({ noteId: note.id, editionId: note.editionId, subjectKind, subjectId })
				.onConflictDoNothing(),
		],
	);
}

/** Detaches a note from a thing of its own edition (404 when it is not attached to it). */
export async function removeLink(
	db: Database,
	note: Pick<HandoverNote, "id" | "editionId">,
	subject: { subjectKind: NoteSubjectKind; subjectId: string },
): Promise<void> {
	const change = {
		action: "handover.link.deleted",
		id: note.id,
		editionId: note.editionId,
		before: subject,
		of: 0,
	} as const;
	const [removed] = await commit(
		db,
		[change],
		[
			db
				.delete(handoverNoteLinks)
				.where(
					and(
						eq(handoverNoteLinks.noteId, note.id),
						eq(handoverNoteLinks.editionId, note.editionId),
						eq(handoverNoteLinks.subjectKind, subject.subjectKind),
						eq(handoverNoteLinks.subjectId, subject.subjectId),
					),
				)
				.returning({ noteId: handoverNoteLinks.noteId }),
		],
	);
	if (removed.length === 0) throw notFound("This link");
}

/** A note as the advice beside a thing shows it. */
export interface Advice {
	noteId: string;
	title: string;
	topic: HandoverNote["topic"];
	editionName: string;
	editionYear: number;
}

/** The notes attached to things of one kind in an edition that `audience` may read, by thing id. */
export async function adviceByKind(
	db: Database,
	audience: NoteAudience,
	editionId: string,
	kind: NoteSubjectKind,
	subjectId?: string,
): Promise<Map<string, Advice[]>> {
	const rows = await db
		.select({
			subjectId: handoverNoteLinks.subjectId,
			noteId: handoverNotes.id,
			title: handoverNotes.title,
			topic: handoverNotes.topic,
			editionName: editions.name,
			editionYear: editions.year,
		})
		.from(handoverNoteLinks)
		.innerJoin(handoverNotes, eq(handoverNotes.id, handoverNoteLinks.noteId))
		.innerJoin(editions, eq(editions.id, handoverNotes.editionId))
		.where(
			and(
				eq(handoverNoteLinks.editionId, editionId),
				eq(handoverNoteLinks.subjectKind, kind),
				subjectId === undefined ? undefined : eq(handoverNoteLinks.subjectId, subjectId),
				visibleNotes(audience),
			),
		)
		.orderBy(editions.year, handoverNotes.title);
	const advice = new Map<string, Advice[]>();
	for (const { subjectId: id, ...note } of rows) advice.set(id, [...(advice.get(id) ?? []), note]);
	return advice;
}

/**
 * The advice attached to one thing of an edition, for its edit page: newest edition last.
 *
 * @example await notesFor(db, noteAudience(actor), editionId, "ticket_type", ticketId)
 */
export async function notesFor(
	db: Database,
	audience: NoteAudience,
	editionId: string,
	kind: NoteSubjectKind,
	subjectId: string,
): Promise<Advice[]> {
	return (await adviceByKind(db, audience, editionId, kind, subjectId)).get(subjectId) ?? [];
}

/** The advice on a content collection's row (none for collections notes do not attach to). */
export async function notesForCollectionItem(
	db: Database,
	audience: NoteAudience,
	editionId: string,
	collectionKey: string,
	itemId: string,
): Promise<Advice[]> {
	const kind = SUBJECT_OF_COLLECTION[collectionKey];
	return kind ? notesFor(db, audience, editionId, kind, itemId) : [];
}

/**
 * The statement that detaches notes from a content item being deleted, for the batch that deletes
 * it (none for collections notes do not attach to): a link never points at a row that is gone.
 *
 * @example writeEditionContent(db, editionId, [deleteRow, ...detachItemLinks(db, editionId, "rooms", roomId)])
 */
export function detachItemLinks(
	db: Database,
	editionId: string,
	collectionKey: string,
	itemId: string,
): BatchItem<"sqlite">[] {
	const kind = SUBJECT_OF_COLLECTION[collectionKey];
	if (!kind) return [];
	return [
		db
			.delete(handoverNoteLinks)
			.where(
				and(
					eq(handoverNoteLinks.editionId, editionId),
					eq(handoverNoteLinks.subjectKind, kind),
					eq(handoverNoteLinks.subjectId, itemId),
				),
			),
	];
}

/** Where a clone reports the copies of each kind of row (the tables of its `copiedIds`). */
const COPIED_TABLE: Record<RowSubjectKind, string> = {
	registration_field: "registrationFields",
	ticket_type: "ticketTypes",
	email_text: "emailTexts",
	checklist_task: "checklistTasks",
	track: "tracks",
	room: "rooms",
};

/**
 * The links a clone adds so that notes travel with the things it copies: for every link of the
 * source edition to a copied row, the same note linked to the copy in the target; a deadline's
 * link when the part named before its dot (e.g. `abstract_call`) is copied. The caller writes the
 * rows in the clone's own batch (1 query to read the source's links).
 *
 * @example const links = await travellingNoteLinks(db, { sourceEditionId, targetEditionId, parts, copiedIds })
 */
export async function travellingNoteLinks(
	db: Database,
	input: {
		sourceEditionId: string;
		targetEditionId: string;
		/** The clone parts being copied. */
		parts: readonly string[];
		/** Per table (`ticketTypes`, `rooms`, …): source row id → the id of its copy in the target. */
		copiedIds: Readonly<Record<string, ReadonlyMap<string, string>>>;
	},
): Promise<(typeof handoverNoteLinks.$inferInsert)[]> {
	const links = await db.select().from(handoverNoteLinks).where(eq(handoverNoteLinks.editionId, input.sourceEditionId));
	return links.flatMap((link) => {
		const subjectId =
			link.subjectKind === "deadline"
				? input.parts.includes(link.subjectId.split(".")[0] ?? "")
					? link.subjectId
					: undefined
				: input.copiedIds[COPIED_TABLE[link.subjectKind]]?.get(link.subjectId);
		return subjectId === undefined ? [] : [{ ...link, editionId: input.targetEditionId, subjectId }];
	});
}

/** The kinds of thing whose rows each clone part holds: replacing the part removes every one of them. */
const PART_SUBJECT_KINDS: Partial<Record<string, RowSubjectKind[]>> = {
	rooms_tracks: ["track", "room"],
	registration: ["registration_field", "ticket_type"],
	checklist: ["checklist_task"],
	email_texts: ["email_text"],
};

/** What replacing parts of an edition removes that notes can be attached to. */
export interface ReplacedSubjects {
	editionId: string;
	/** The parts whose rows are all deleted and written anew. */
	parts: readonly string[];
	/** The edition's call for abstracts goes and none comes in its place: its deadlines go with it. */
	callRemoved: boolean;
}

function replacedLinksWhere({ editionId, parts, callRemoved }: ReplacedSubjects): SQL | undefined {
	const kinds = parts.flatMap((part) => PART_SUBJECT_KINDS[part] ?? []);
	const subjects = [
		...(kinds.length > 0 ? [inArray(handoverNoteLinks.subjectKind, kinds)] : []),
		...(callRemoved
			? [and(eq(handoverNoteLinks.subjectKind, "deadline"), like(handoverNoteLinks.subjectId, "abstract_call.%"))]
			: []),
	];
	return subjects.length === 0 ? undefined : and(eq(handoverNoteLinks.editionId, editionId), or(...subjects));
}

/**
 * How many note links point at things that replacing `replaced` removes (the notes themselves
 * stay, in the edition's notes and the dossier): what a preview warns about (1 query, or none).
 */
export async function countReplacedLinks(db: Database, replaced: ReplacedSubjects): Promise<number> {
	const where = replacedLinksWhere(replaced);
	if (!where) return 0;
	const row = await db.select({ n: count() }).from(handoverNoteLinks).where(where).get();
	return row?.n ?? 0;
}

/**
 * The statement that detaches notes from the things replacing `replaced` removes, for the batch
 * that removes them: a link never points at a row that is gone. Links of other editions (a later
 * edition's copies) and to things the parts do not hold stay.
 *
 * @example statements.push(...detachReplacedLinks(db, { editionId, parts: ["checklist"], callRemoved: false }))
 */
export function detachReplacedLinks(db: Database, replaced: ReplacedSubjects): BatchItem<"sqlite">[] {
	const where = replacedLinksWhere(replaced);
	return where ? [db.delete(handoverNoteLinks).where(where)] : [];
}
