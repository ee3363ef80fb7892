/**
 * The two halves every copy of edition parts is made of, shared by the clone and the templates:
 *
 * 1. read: the chosen parts of an edition as a document (`EditionParts`): plain rows without ids,
 *    rows of one part referring to another's by a local key (a session names its room and track,
 *    a named-lecture slot its lecture's slug);
 * 2. write: a document as new rows of another edition (fresh ids, the edition's id, references
 *    resolved, placeholders filled) and the chunked insert statements for one batch.
 *
 * A clone is read(source) → write(target); a template is a stored document written into an edition.
 * The document's row types are the drizzle tables' own columns, so they cannot drift from the schema.
 */
import { asc, eq, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { chunkedInserts } from "../../db/batching";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	checklistTasks,
	type Edition,
	emailTexts,
	namedLectures,
	organizerReminders,
	pages,
	registrationFields,
	reviewCriteria,
	rooms,
	sessions,
	sponsorTiers,
	surveyQuestions,
	ticketTypes,
	tracks,
} from "../../db/schema";
import type { ClonePart } from "../../domain/edition-parts";
import { fillPlaceholders, placeholderValues } from "../../domain/placeholders";
import { describeWhen } from "../../domain/reminder-wording";
import { newId } from "../../lib/ids";

type Select<T extends { $inferSelect: unknown }> = T["$inferSelect"];
type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
type Content<T extends { $inferSelect: unknown }> = Omit<Select<T>, "id" | "editionId">;

// ---------------------------------------------------------------------------------------------
// The document

export type PageDoc = Pick<Select<typeof pages>, "slug" | "title" | "body" | "navOrder" | "published">;
/** `key` names the track for the program's sessions; without one, its name does. */
export type TrackDoc = Pick<Select<typeof tracks>, "name" | "audience" | "color" | "position"> & { key?: string };
/** `key` names the room for the program's sessions; without one, its name does. */
export type RoomDoc = Pick<Select<typeof rooms>, "name" | "capacity" | "position"> & { key?: string };
/** A session of the program skeleton: no talks, speakers or chairs; its room, track and lecture by key. */
export type SessionDoc = Pick<
	Select<typeof sessions>,
	"kind" | "title" | "description" | "day" | "startTime" | "durationMinutes"
> & {
	/** The session's number in URLs; new numbers are given where it is missing. */
	seq?: number;
	/** A room's key (or name), or null for a session in every room. */
	room: string | null;
	/** A track's key (or name). */
	track: string | null;
	/** The slug of one of the series' named lectures: the slot stays empty for the new lecturer. */
	namedLecture: string | null;
};
export type RegistrationFieldDoc = Content<typeof registrationFields>;
export type TicketTypeDoc = Content<typeof ticketTypes>;
export type AbstractCallDoc = Omit<Select<typeof abstractCalls>, "editionId">;
export type ReviewCriterionDoc = Content<typeof reviewCriteria>;
export type SurveyQuestionDoc = Content<typeof surveyQuestions>;
/** A task of the timeline: open again wherever it lands. */
export type ChecklistTaskDoc = Pick<
	Select<typeof checklistTasks>,
	"title" | "ownerRole" | "dueOffsetDays" | "position"
>;
/**
 * A reminder to the committee: written unsent, its subject and body as written (their
 * placeholders are filled when it is sent, with the values of that moment).
 */
export type OrganizerReminderDoc = Pick<
	Select<typeof organizerReminders>,
	"anchor" | "offsetDays" | "role" | "subject" | "body" | "position"
>;
export type SponsorTierDoc = Content<typeof sponsorTiers>;
export type EmailTextDoc = Content<typeof emailTexts>;

/** What each part holds in a document. */
export interface PartDocs {
	pages: PageDoc[];
	rooms_tracks: { tracks: TrackDoc[]; rooms: RoomDoc[] };
	program: SessionDoc[];
	registration: { fields: RegistrationFieldDoc[]; ticketTypes: TicketTypeDoc[] };
	abstract_call: { call: AbstractCallDoc | null; reviewCriteria: ReviewCriterionDoc[] };
	evaluation: SurveyQuestionDoc[];
	checklist: ChecklistTaskDoc[];
	organizer_reminders: OrganizerReminderDoc[];
	sponsor_tiers: SponsorTierDoc[];
	email_texts: EmailTextDoc[];
}

/** Some parts of an edition, as a document: a template's `parts`, or what a clone carries. */
export type EditionParts = { [P in ClonePart]?: PartDocs[P] };

/** How sessions name a room or track of the same document. */
export const refKey = (row: { key?: string; name: string }) => row.key ?? row.name;

type EditionTable = SQLiteTable & { editionId: AnySQLiteColumn };

/** The tables each part writes, in an order that lets their rows be deleted (children first). */
export const PART_TABLES: Record<ClonePart, readonly EditionTable[]> = {
	pages: [pages],
	rooms_tracks: [tracks, rooms],
	program: [sessions],
	registration: [registrationFields, ticketTypes],
	abstract_call: [abstractCalls, reviewCriteria],
	evaluation: [surveyQuestions],
	checklist: [checklistTasks],
	organizer_reminders: [organizerReminders],
	sponsor_tiers: [sponsorTiers],
	email_texts: [emailTexts],
};

// ---------------------------------------------------------------------------------------------
// Read

/** The source row ids behind a read document, parallel to its arrays (for links that follow copied rows). */
export interface SourceIds {
	pages: string[];
	tracks: string[];
	rooms: string[];
	sessions: string[];
	registrationFields: string[];
	ticketTypes: string[];
	reviewCriteria: string[];
	surveyQuestions: string[];
	checklistTasks: string[];
	organizerReminders: string[];
	sponsorTiers: string[];
	emailTexts: string[];
}

/** Gives rows whose names repeat a key of their own, so references between parts stay unambiguous. */
function keyed<T extends { id: string; name: string }>(rows: readonly T[]) {
	const count = new Map<string, number>();
	for (const row of rows) count.set(row.name, (count.get(row.name) ?? 0) + 1);
	const seen = new Map<string, number>();
	const keys = new Map<string, string>();
	const docs = rows.map((row) => {
		if ((count.get(row.name) ?? 0) < 2) {
			keys.set(row.id, row.name);
			return { row, key: undefined };
		}
		const n = (seen.get(row.name) ?? 0) + 1;
		seen.set(row.name, n);
		const key = `${row.name} (${n})`;
		keys.set(row.id, key);
		return { row, key };
	});
	return { docs, keys };
}

const without = <T extends { id: string; editionId: string }>({ id: _, editionId: __, ...rest }: T) => rest;

/**
 * The chosen parts of an edition as a document, rows in display order, and the ids of the rows
 * they came from. Reads only the tables of the chosen parts (all at once).
 *
 * @example const { parts } = await readEditionParts(db, "ainm-2023", ["checklist"]) // { checklist: [...] }
 */
export async function readEditionParts(
	db: Database,
	editionId: string,
	chosen: readonly ClonePart[],
): Promise<{ parts: EditionParts; ids: SourceIds }> {
	const wanted = new Set(chosen);
	const of = <T extends EditionTable>(part: ClonePart, table: T, ...order: SQL[]) =>
		wanted.has(part) || (part === "rooms_tracks" && wanted.has("program"))
			? (db
					.select()
					.from(table as SQLiteTable)
					.where(eq(table.editionId, editionId))
					.orderBy(...order) as Promise<T["$inferSelect"][]>)
			: Promise.resolve([] as T["$inferSelect"][]);
	const [
		pageRows,
		trackRows,
		roomRows,
		sessionRows,
		fieldRows,
		ticketRows,
		callRows,
		criterionRows,
		questionRows,
		taskRows,
		reminderRows,
		tierRows,
		textRows,
	] = await Promise.all([
		of("pages", pages, asc(pages.navOrder), asc(pages.slug)),
		// The program names its rooms and tracks, so reading it reads them too.
		of("rooms_tracks", tracks, asc(tracks.position), asc(tracks.name)),
		of("rooms_tracks", rooms, asc(rooms.position), asc(rooms.name)),
		wanted.has("program")
			? db
					.select({ session: sessions, lecture: namedLectures.slug })
					.from(sessions)
					.leftJoin(namedLectures, eq(namedLectures.id, sessions.namedLectureId))
					.where(eq(sessions.editionId, editionId))
					.orderBy(asc(sessions.day), asc(sessions.startTime), asc(sessions.seq))
			: Promise.resolve([]),
		of("registration", registrationFields, asc(registrationFields.position), asc(registrationFields.label)),
		of("registration", ticketTypes, asc(ticketTypes.position), asc(ticketTypes.name)),
		of("abstract_call", abstractCalls, asc(abstractCalls.editionId)),
		of("abstract_call", reviewCriteria, asc(reviewCriteria.position), asc(reviewCriteria.label)),
		of("evaluation", surveyQuestions, asc(surveyQuestions.position), asc(surveyQuestions.prompt)),
		of("checklist", checklistTasks, asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position)),
		of("organizer_reminders", organizerReminders, asc(organizerReminders.position), asc(organizerReminders.subject)),
		of("sponsor_tiers", sponsorTiers, asc(sponsorTiers.position), asc(sponsorTiers.name)),
		of("email_texts", emailTexts, asc(emailTexts.position), asc(emailTexts.key)),
	]);
	const trackKeys = keyed(trackRows);
	const roomKeys = keyed(roomRows);
	const ref = (keys: Map<string, string>, id: string | null) => (id === null ? null : (keys.get(id) ?? null));
	const parts: EditionParts = {};
	if (wanted.has("pages")) {
		parts.pages = pageRows.map(({ slug, title, body, navOrder, published }) => ({
			slug,
			title,
			body,
			navOrder,
			published,
		}));
	}
	if (wanted.has("rooms_tracks")) {
		parts.rooms_tracks = {
			tracks: trackKeys.docs.map(({ row: { name, audience, color, position }, key }) => ({
				...(key ? { key } : {}),
				name,
				audience,
				color,
				position,
			})),
			rooms: roomKeys.docs.map(({ row: { name, capacity, position }, key }) => ({
				...(key ? { key } : {}),
				name,
				capacity,
				position,
			})),
		};
	}
	if (wanted.has("program")) {
		parts.program = sessionRows.map(({ session: s, lecture }) => ({
			seq: s.seq,
			kind: s.kind,
			title: s.title,
			description: s.description,
			day: s.day,
			startTime: s.startTime,
			durationMinutes: s.durationMinutes,
			room: ref(roomKeys.keys, s.roomId),
			track: ref(trackKeys.keys, s.trackId),
			namedLecture: lecture,
		}));
	}
	if (wanted.has("registration")) {
		parts.registration = { fields: fieldRows.map(without), ticketTypes: ticketRows.map(without) };
	}
	if (wanted.has("abstract_call")) {
		const [call] = callRows;
		parts.abstract_call = {
			call: call ? (({ editionId: _, ...rest }) => rest)(call) : null,
			reviewCriteria: criterionRows.map(without),
		};
	}
	if (wanted.has("evaluation")) parts.evaluation = questionRows.map(without);
	if (wanted.has("checklist")) {
		parts.checklist = taskRows.map(({ title, ownerRole, dueOffsetDays, position }) => ({
			title,
			ownerRole,
			dueOffsetDays,
			position,
		}));
	}
	if (wanted.has("organizer_reminders")) {
		parts.organizer_reminders = reminderRows.map(({ anchor, offsetDays, role, subject, body, position }) => ({
			anchor,
			offsetDays,
			role,
			subject,
			body,
			position,
		}));
	}
	if (wanted.has("sponsor_tiers")) parts.sponsor_tiers = tierRows.map(without);
	if (wanted.has("email_texts")) parts.email_texts = textRows.map(without);
	const ids = (rows: readonly { id: string }[], part: ClonePart) => (wanted.has(part) ? rows.map((r) => r.id) : []);
	return {
		parts,
		ids: {
			pages: ids(pageRows, "pages"),
			tracks: ids(trackRows, "rooms_tracks"),
			rooms: ids(roomRows, "rooms_tracks"),
			sessions: ids(
				sessionRows.map((r) => r.session),
				"program",
			),
			registrationFields: ids(fieldRows, "registration"),
			ticketTypes: ids(ticketRows, "registration"),
			reviewCriteria: ids(criterionRows, "abstract_call"),
			surveyQuestions: ids(questionRows, "evaluation"),
			checklistTasks: ids(taskRows, "checklist"),
			organizerReminders: ids(reminderRows, "organizer_reminders"),
			sponsorTiers: ids(tierRows, "sponsor_tiers"),
			emailTexts: ids(textRows, "email_texts"),
		},
	};
}

/** The named lectures of a series by slug: what a document's lecture slots are linked to. */
export async function lecturesOf(db: Database, seriesId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ id: namedLectures.id, slug: namedLectures.slug })
		.from(namedLectures)
		.where(eq(namedLectures.seriesId, seriesId));
	return new Map(rows.map((r) => [r.slug, r.id]));
}

// ---------------------------------------------------------------------------------------------
// Write

/** The rows a document becomes, per table, parallel to the document's arrays. */
export interface EditionRows {
	pages: Insert<typeof pages>[];
	tracks: Insert<typeof tracks>[];
	rooms: Insert<typeof rooms>[];
	sessions: Insert<typeof sessions>[];
	registrationFields: Insert<typeof registrationFields>[];
	ticketTypes: Insert<typeof ticketTypes>[];
	abstractCalls: Insert<typeof abstractCalls>[];
	reviewCriteria: Insert<typeof reviewCriteria>[];
	surveyQuestions: Insert<typeof surveyQuestions>[];
	checklistTasks: Insert<typeof checklistTasks>[];
	organizerReminders: Insert<typeof organizerReminders>[];
	sponsorTiers: Insert<typeof sponsorTiers>[];
	emailTexts: Insert<typeof emailTexts>[];
}

export interface WrittenParts {
	rows: EditionRows;
	/** Placeholders left in the texts because the edition has no value for them yet. */
	unfilled: Set<string>;
	/** Sessions whose named lecture (by slug) the edition's series does not have: written as empty slots. */
	unlinkedLectures: { title: string; slug: string }[];
}

/** Session numbers: the document's where they are unique, then the next free ones. */
function sessionNumbers(program: readonly SessionDoc[]): number[] {
	const taken = new Set<number>();
	const given = program.map((s) => {
		if (s.seq === undefined || taken.has(s.seq)) return undefined;
		taken.add(s.seq);
		return s.seq;
	});
	let next = Math.max(0, ...taken);
	return given.map((seq) => seq ?? ++next);
}

/**
 * The rows of `parts` in `target`: fresh ids (and frab guids), the target's edition id, rooms,
 * tracks and named lectures resolved (`lectures`: the target series' lectures by slug),
 * placeholders filled with the target's values, checklist tasks open. Writes nothing.
 */
export function editionRowsOf(
	target: Edition,
	parts: EditionParts,
	lectures: ReadonlyMap<string, string>,
): WrittenParts {
	const editionId = target.id;
	const values = placeholderValues(target);
	const unfilled = new Set<string>();
	const fill = (text: string) => fillPlaceholders(text, values, unfilled);
	const trackDocs = parts.rooms_tracks?.tracks ?? [];
	const roomDocs = parts.rooms_tracks?.rooms ?? [];
	const trackRows = trackDocs.map((track) => ({
		id: newId(),
		editionId,
		name: track.name,
		audience: track.audience,
		color: track.color,
		position: track.position,
	}));
	const roomRows = roomDocs.map((room) => ({
		id: newId(),
		editionId,
		name: room.name,
		capacity: room.capacity,
		position: room.position,
	}));
	const trackIds = new Map(trackDocs.map((t, i) => [refKey(t), trackRows[i]?.id ?? null]));
	const roomIds = new Map(roomDocs.map((r, i) => [refKey(r), roomRows[i]?.id ?? null]));
	const program = parts.program ?? [];
	const seqs = sessionNumbers(program);
	const unlinkedLectures: WrittenParts["unlinkedLectures"] = [];
	const call = parts.abstract_call?.call;
	const rows: EditionRows = {
		pages: (parts.pages ?? []).map((page) => ({
			...page,
			id: newId(),
			editionId,
			title: fill(page.title),
			body: fill(page.body),
		})),
		tracks: trackRows,
		rooms: roomRows,
		sessions: program.map(({ seq: _, room, track, namedLecture, ...session }, i) => {
			const lectureId = namedLecture === null ? null : (lectures.get(namedLecture) ?? null);
			if (namedLecture !== null && lectureId === null)
				unlinkedLectures.push({ title: session.title, slug: namedLecture });
			return {
				...session,
				id: newId(),
				editionId,
				seq: seqs[i] ?? i + 1,
				guid: crypto.randomUUID(),
				title: fill(session.title),
				description: fill(session.description),
				roomId: room === null ? null : (roomIds.get(room) ?? null),
				trackId: track === null ? null : (trackIds.get(track) ?? null),
				// The lecture, never its lecturer: that is a talk, and talks stay behind.
				namedLectureId: lectureId,
			};
		}),
		registrationFields: (parts.registration?.fields ?? []).map((field) => ({
			...field,
			id: newId(),
			editionId,
			label: fill(field.label),
		})),
		ticketTypes: (parts.registration?.ticketTypes ?? []).map((ticket) => ({ ...ticket, id: newId(), editionId })),
		abstractCalls: call ? [{ ...call, editionId, specialIssue: fill(call.specialIssue) }] : [],
		reviewCriteria: (parts.abstract_call?.reviewCriteria ?? []).map((c) => ({ ...c, id: newId(), editionId })),
		surveyQuestions: (parts.evaluation ?? []).map((question) => ({
			...question,
			id: newId(),
			editionId,
			prompt: fill(question.prompt),
		})),
		checklistTasks: (parts.checklist ?? []).map((task) => ({
			...task,
			id: newId(),
			editionId,
			title: fill(task.title),
			// A new timeline: nothing is done or reminded yet.
			status: "open" as const,
			doneAt: null,
			reminderSentAt: null,
		})),
		// Placeholders stay: the reminder fills them when it is sent, with the values of that day.
		organizerReminders: (parts.organizer_reminders ?? []).map((reminder) => ({
			...reminder,
			id: newId(),
			editionId,
			sentAt: null,
		})),
		sponsorTiers: (parts.sponsor_tiers ?? []).map((tier) => ({ ...tier, id: newId(), editionId })),
		emailTexts: (parts.email_texts ?? []).map((text) => ({
			...text,
			id: newId(),
			editionId,
			subject: fill(text.subject),
			body: fill(text.body),
		})),
	};
	return { rows, unfilled, unlinkedLectures };
}

type AnyRow = Record<string, unknown>;

/** A kind of row of a part: how previews name it, where its rows go, and how one is recognised and titled. */
export interface RowKind {
	/** As previews count them: "checklist tasks". */
	what: string;
	table: keyof EditionRows;
	/** The rows of this kind in a document. */
	of: (parts: EditionParts) => readonly AnyRow[];
	/** What identifies a row to a committee (a page by its address, a task by its title), to pair versions. */
	key: (row: AnyRow) => string;
	/** How a row is listed; works on document rows and written rows alike. */
	title: (row: AnyRow) => string;
}

const str = (v: unknown) => String(v ?? "");
const byRefKey = (row: AnyRow) => refKey(row as { key?: string; name: string });

/** The kinds of row of each part, in preview order. */
export const PART_ROWS: Record<ClonePart, RowKind[]> = {
	pages: [
		{ what: "pages", table: "pages", of: (p) => p.pages ?? [], key: (r) => str(r.slug), title: (r) => str(r.title) },
	],
	rooms_tracks: [
		{
			what: "tracks",
			table: "tracks",
			of: (p) => p.rooms_tracks?.tracks ?? [],
			key: byRefKey,
			title: (r) => str(r.name),
		},
		{ what: "rooms", table: "rooms", of: (p) => p.rooms_tracks?.rooms ?? [], key: byRefKey, title: (r) => str(r.name) },
	],
	program: [
		{
			what: "sessions",
			table: "sessions",
			of: (p) => p.program ?? [],
			key: (r) => `Day ${str(r.day)}, ${str(r.startTime)}${r.room ? ` (${str(r.room)})` : ""}`,
			title: (r) => `Day ${str(r.day)}, ${str(r.startTime)}: ${str(r.title)}`,
		},
	],
	registration: [
		{
			what: "registration questions",
			table: "registrationFields",
			of: (p) => p.registration?.fields ?? [],
			key: (r) => str(r.label),
			title: (r) => str(r.label),
		},
		{
			what: "ticket types",
			table: "ticketTypes",
			of: (p) => p.registration?.ticketTypes ?? [],
			key: (r) => str(r.name),
			title: (r) => str(r.name),
		},
	],
	abstract_call: [
		{
			what: "call for abstracts",
			table: "abstractCalls",
			of: (p) => (p.abstract_call?.call ? [p.abstract_call.call] : []),
			key: () => "call",
			title: () => "Call for abstracts",
		},
		{
			what: "review criteria",
			table: "reviewCriteria",
			of: (p) => p.abstract_call?.reviewCriteria ?? [],
			key: (r) => str(r.label),
			title: (r) => str(r.label),
		},
	],
	evaluation: [
		{
			what: "evaluation questions",
			table: "surveyQuestions",
			of: (p) => p.evaluation ?? [],
			key: (r) => str(r.prompt),
			title: (r) => str(r.prompt),
		},
	],
	checklist: [
		{
			what: "checklist tasks",
			table: "checklistTasks",
			of: (p) => p.checklist ?? [],
			key: (r) => str(r.title),
			title: (r) => str(r.title),
		},
	],
	organizer_reminders: [
		{
			what: "organizer reminders",
			table: "organizerReminders",
			of: (p) => p.organizer_reminders ?? [],
			key: (r) => str(r.subject),
			title: (r) =>
				`${str(r.subject)} (${describeWhen(r.anchor as OrganizerReminderDoc["anchor"], Number(r.offsetDays)).toLowerCase()})`,
		},
	],
	sponsor_tiers: [
		{
			what: "sponsor tiers",
			table: "sponsorTiers",
			of: (p) => p.sponsor_tiers ?? [],
			key: (r) => str(r.name),
			title: (r) => str(r.name),
		},
	],
	email_texts: [
		{
			what: "email texts",
			table: "emailTexts",
			of: (p) => p.email_texts ?? [],
			key: (r) => str(r.key),
			title: (r) => str(r.subject),
		},
	],
};

/** The inserts of `rows`, chunked, parents before the children that refer to them. */
export function insertStatements(db: Database, rows: EditionRows): BatchItem<"sqlite">[] {
	return [
		...chunkedInserts(db, pages, rows.pages),
		...chunkedInserts(db, tracks, rows.tracks),
		...chunkedInserts(db, rooms, rows.rooms),
		...chunkedInserts(db, sessions, rows.sessions),
		...chunkedInserts(db, registrationFields, rows.registrationFields),
		...chunkedInserts(db, ticketTypes, rows.ticketTypes),
		...chunkedInserts(db, abstractCalls, rows.abstractCalls),
		...chunkedInserts(db, reviewCriteria, rows.reviewCriteria),
		...chunkedInserts(db, surveyQuestions, rows.surveyQuestions),
		...chunkedInserts(db, checklistTasks, rows.checklistTasks),
		...chunkedInserts(db, organizerReminders, rows.organizerReminders),
		...chunkedInserts(db, sponsorTiers, rows.sponsorTiers),
		...chunkedInserts(db, emailTexts, rows.emailTexts),
	];
}

/** Deletes every row of `parts` in the edition: what a template that replaces those parts writes first. */
export function deleteStatements(db: Database, editionId: string, parts: readonly ClonePart[]): BatchItem<"sqlite">[] {
	return parts.flatMap((part) =>
		PART_TABLES[part].map((table) => db.delete(table).where(eq(table.editionId, editionId)) as BatchItem<"sqlite">),
	);
}

/** Row counts per table, e.g. `{ rooms: 4, sessions: 17 }`, leaving out tables with none. */
export function countRows(rows: EditionRows): Record<string, number> {
	const created: Record<string, number> = {};
	for (const [table, tableRows] of Object.entries(rows)) {
		if (tableRows.length > 0) created[table] = tableRows.length;
	}
	return created;
}
