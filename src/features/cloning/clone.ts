/**
 * Cloning an edition into the next one: the chosen parts of a source edition are copied into an
 * existing, empty-in-those-parts target edition, in one D1 batch with the content-version bump.
 *
 * Nothing needs shifting: sessions are (day, local time) and deadlines (offset days from day 1,
 * local time), so copying them unchanged moves them all to the target's day 1 and zone. What the
 * preview shows is only those values resolved in each edition's zone, old beside new.
 *
 * Never copied: speakers, talks, session chairs, sponsors, committee members, host names, and
 * everything people sent in (registrations, abstracts, reviews, evaluation answers).
 */
import { asc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	checklistTasks,
	type Edition,
	editions,
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
import { dateOfDay, dayCount, formatDateRange, parseIsoDate } from "../../lib/dates";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { resolveOffset, utcOffsetLabel, wallClock } from "../../lib/zoned-time";
import { writeEditionContent } from "../editions/content-version";
import { type ClonePart, PART_LABELS } from "./parts";

export interface CloneInput {
	sourceEditionId: string;
	targetEditionId: string;
	parts: readonly ClonePart[];
	/** Source room id → the room's name at the new venue; blank or missing keeps the name. */
	roomMap?: Readonly<Record<string, string>>;
}

/** A wall-clock moment of an edition, resolved in its zone. */
export interface ResolvedMoment {
	/** Local date, `YYYY-MM-DD`. */
	date: string;
	/** Local `HH:MM`; null for a due day (checklist tasks, abstract decisions). */
	time: string | null;
	/** The UTC instant (ISO 8601) when there is a time. */
	instant: string | null;
	timeZone: string;
	/** "Saturday 11 February 2023, 09:00 (UTC+01:00)". */
	text: string;
}

export interface DateChange {
	part: ClonePart;
	label: string;
	old: ResolvedMoment;
	new: ResolvedMoment;
}

export interface EditionSummary {
	id: string;
	name: string;
	year: number;
	startDate: string;
	endDate: string;
	timeZone: string;
}

export interface PartPreview {
	part: ClonePart;
	label: string;
	/** What the part creates, by kind of row ("rooms", "tracks"), with each row's title. */
	created: { what: string; count: number; titles: string[] }[];
}

export interface ClonePreview {
	source: EditionSummary;
	target: EditionSummary;
	/** Calendar days from the source's day 1 to the target's. */
	gapDays: number;
	parts: PartPreview[];
	/** How the source's rooms are named in the target (when rooms are copied). */
	rooms: { sourceRoomId: string; from: string; to: string }[];
	/** Every deadline and due date of the copied parts, resolved in the source's zone and the target's. */
	deadlines: DateChange[];
	/** Every copied session's start, resolved in the source's zone and the target's. */
	sessions: DateChange[];
	/** Placeholders left in the copied texts because the target has no value for them yet. */
	unfilledPlaceholders: string[];
}

/** Rows created per table, e.g. `{ rooms: 4, sessions: 17 }` (tables the clone did not touch are absent). */
export type CloneSummary = {
	sourceEditionId: string;
	targetEditionId: string;
	created: Record<string, number>;
};

// ---------------------------------------------------------------------------------------------
// Placeholders

export const PLACEHOLDERS = ["edition.name", "edition.year", "edition.city", "edition.dates", "host.name"] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{\{\s*(edition\.name|edition\.year|edition\.city|edition\.dates|host\.name)\s*\}\}/g;

/** The target's values of the placeholders; an empty value leaves its placeholder in place. */
export function placeholderValues(
	edition: Pick<Edition, "name" | "year" | "city" | "startDate" | "endDate" | "hostName">,
): Record<Placeholder, string> {
	return {
		"edition.name": edition.name,
		"edition.year": String(edition.year),
		"edition.city": edition.city,
		"edition.dates": formatDateRange(edition.startDate, edition.endDate),
		"host.name": edition.hostName,
	};
}

/**
 * Fills `{{edition.name}}`, `{{edition.year}}`, `{{edition.city}}`, `{{edition.dates}}` and
 * `{{host.name}}`. Only placeholders: literal years and names of the source stay as written, so
 * what a clone changes is predictable. A placeholder without a value (a draft with no city yet)
 * stays, to be filled by hand, and is reported in `unfilled`.
 *
 * @example fillPlaceholders("Welcome to {{edition.city}}", values) // "Welcome to Lisbon"
 */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>, unfilled?: Set<string>): string {
	return text.replace(PLACEHOLDER_PATTERN, (whole, name: Placeholder) => {
		if (values[name] !== "") return values[name];
		unfilled?.add(`{{${name}}}`);
		return whole;
	});
}

// ---------------------------------------------------------------------------------------------
// Reading

type EditionTable = SQLiteTable & { editionId: AnySQLiteColumn };

/** The tables each part writes: a part is refused when the target already has rows in one of them. */
const PART_TABLES: Record<ClonePart, readonly EditionTable[]> = {
	pages: [pages],
	rooms_tracks: [tracks, rooms],
	program: [sessions],
	registration: [registrationFields, ticketTypes],
	abstract_call: [abstractCalls, reviewCriteria],
	evaluation: [surveyQuestions],
	checklist: [checklistTasks],
	sponsor_tiers: [sponsorTiers],
};

/** The parts in which `editionId` already has content (1 query). */
export async function filledParts(db: Database, editionId: string): Promise<ClonePart[]> {
	const anyRow = (tables: readonly EditionTable[]) =>
		sql<number>`(${sql.join(
			tables.map((t) => sql`exists (select 1 from ${t} where ${t.editionId} = ${editionId})`),
			sql` or `,
		)})`;
	const columns = Object.fromEntries(
		Object.entries(PART_TABLES).map(([part, tables]) => [part, anyRow(tables)]),
	) as Record<ClonePart, SQL<number>>;
	const row = await db.select(columns).from(editions).where(eq(editions.id, editionId)).get();
	return row ? (Object.keys(PART_TABLES) as ClonePart[]).filter((part) => Boolean(row[part])) : [];
}

/** The rows of the source a clone of `parts` reads, in display order. */
async function loadSource(db: Database, editionId: string, parts: ReadonlySet<ClonePart>) {
	const of = <T extends EditionTable>(part: ClonePart, table: T, ...order: SQL[]) =>
		parts.has(part)
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
		tierRows,
	] = await Promise.all([
		of("pages", pages, asc(pages.navOrder), asc(pages.slug)),
		of("rooms_tracks", tracks, asc(tracks.position), asc(tracks.name)),
		of("rooms_tracks", rooms, asc(rooms.position), asc(rooms.name)),
		of("program", sessions, asc(sessions.day), asc(sessions.startTime), asc(sessions.seq)),
		of("registration", registrationFields, asc(registrationFields.position), asc(registrationFields.label)),
		of("registration", ticketTypes, asc(ticketTypes.position), asc(ticketTypes.name)),
		of("abstract_call", abstractCalls, asc(abstractCalls.editionId)),
		of("abstract_call", reviewCriteria, asc(reviewCriteria.position), asc(reviewCriteria.label)),
		of("evaluation", surveyQuestions, asc(surveyQuestions.position), asc(surveyQuestions.prompt)),
		of("checklist", checklistTasks, asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position)),
		of("sponsor_tiers", sponsorTiers, asc(sponsorTiers.position), asc(sponsorTiers.name)),
	]);
	return {
		pages: pageRows,
		tracks: trackRows,
		rooms: roomRows,
		sessions: sessionRows,
		registrationFields: fieldRows,
		ticketTypes: ticketRows,
		abstractCalls: callRows,
		reviewCriteria: criterionRows,
		surveyQuestions: questionRows,
		checklistTasks: taskRows,
		sponsorTiers: tierRows,
	};
}

type SourceRows = Awaited<ReturnType<typeof loadSource>>;

/** The rows the clone writes, per table, in an order that satisfies the foreign keys. */
interface TargetRows {
	pages: (typeof pages.$inferInsert)[];
	tracks: (typeof tracks.$inferInsert)[];
	rooms: (typeof rooms.$inferInsert)[];
	sessions: (typeof sessions.$inferInsert)[];
	registrationFields: (typeof registrationFields.$inferInsert)[];
	ticketTypes: (typeof ticketTypes.$inferInsert)[];
	abstractCalls: (typeof abstractCalls.$inferInsert)[];
	reviewCriteria: (typeof reviewCriteria.$inferInsert)[];
	surveyQuestions: (typeof surveyQuestions.$inferInsert)[];
	checklistTasks: (typeof checklistTasks.$inferInsert)[];
	sponsorTiers: (typeof sponsorTiers.$inferInsert)[];
}

// ---------------------------------------------------------------------------------------------
// Planning: every check, the rows and the preview, before anything is written

export interface ClonePlan {
	source: Edition;
	target: Edition;
	rows: TargetRows;
	preview: ClonePreview;
}

const invalidClone = (fields: Record<string, string>) =>
	new AppError(422, "invalid_clone", "This clone cannot be made as chosen.", fields);

const list = (names: string[]) =>
	names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

function checkPair(source: Edition, target: Edition) {
	if (source.id === target.id) throw invalidClone({ sourceEditionId: "An edition cannot be copied into itself." });
	if (source.seriesId !== target.seriesId) {
		throw invalidClone({
			sourceEditionId: `${source.name} belongs to another series: copy from an edition of this series (templates carry parts across series).`,
		});
	}
}

/**
 * Checks a clone and works out everything it would write, without writing: the rows per table and
 * the preview. Unknown editions are 404; broken rules 422 with a message per field (`parts`,
 * `sourceEditionId`, `roomMap.<id>`). Authorization is the caller's.
 */
export async function planClone(db: Database, input: CloneInput): Promise<ClonePlan> {
	const [source, target] = await Promise.all([
		db.select().from(editions).where(eq(editions.id, input.sourceEditionId)).get(),
		db.select().from(editions).where(eq(editions.id, input.targetEditionId)).get(),
	]);
	if (!target) throw notFound("This edition");
	if (!source) throw notFound("The edition to copy from");
	checkPair(source, target);
	const parts = new Set(input.parts);
	if (parts.size === 0) throw invalidClone({ parts: "Choose at least one part to copy." });
	const [from, filled] = await Promise.all([loadSource(db, source.id, parts), filledParts(db, target.id)]);

	const problems: string[] = [];
	const taken = input.parts.filter((part) => filled.includes(part));
	if (taken.length > 0) {
		problems.push(
			`${target.name} already has content in ${list(taken.map((p) => `“${PART_LABELS[p]}”`))}: a clone only fills empty parts, so leave ${taken.length === 1 ? "it" : "them"} out or empty ${taken.length === 1 ? "it" : "them"} first.`,
		);
	}
	if (parts.has("program") && !parts.has("rooms_tracks")) {
		problems.push("The program skeleton places sessions in rooms and tracks: copy the tracks and rooms too.");
	}
	const lastDay = Math.max(0, ...from.sessions.map((s) => s.day));
	const targetDays = dayCount(target.startDate, target.endDate);
	if (lastDay > targetDays) {
		problems.push(
			`${source.name}'s program runs over ${lastDay} days, ${target.name} has ${targetDays}: change ${target.name}'s dates first or leave the program out.`,
		);
	}
	const fields: Record<string, string> = problems.length > 0 ? { parts: problems.join(" ") } : {};
	// New room names matter only when the rooms are copied; the wizard always posts them.
	const roomMap = parts.has("rooms_tracks") ? (input.roomMap ?? {}) : {};
	const sourceRoomIds = new Set(from.rooms.map((r) => r.id));
	for (const id of Object.keys(roomMap)) {
		if (!sourceRoomIds.has(id)) fields[`roomMap.${id}`] = `This is not a room of ${source.name}.`;
	}
	if (Object.keys(fields).length > 0) throw invalidClone(fields);

	const { rows, unfilled } = targetRows(target, from, roomMap);
	return { source, target, rows, preview: previewOf(source, target, input.parts, from, rows, unfilled) };
}

/** The new rows: fresh ids, the target's edition id, references remapped, placeholders filled. */
function targetRows(
	target: Edition,
	from: SourceRows,
	roomMap: Readonly<Record<string, string>>,
): { rows: TargetRows; unfilled: Set<string> } {
	const editionId = target.id;
	const values = placeholderValues(target);
	const unfilled = new Set<string>();
	const fill = (text: string) => fillPlaceholders(text, values, unfilled);
	const trackIds = new Map(from.tracks.map((t) => [t.id, newId()]));
	const roomIds = new Map(from.rooms.map((r) => [r.id, newId()]));
	const mapped = (map: Map<string, string>, id: string | null) => (id === null ? null : (map.get(id) ?? null));
	const rows: TargetRows = {
		pages: from.pages.map(({ id: _, editionId: __, ...page }) => ({
			...page,
			id: newId(),
			editionId,
			title: fill(page.title),
			body: fill(page.body),
		})),
		tracks: from.tracks.map(({ id, editionId: _, ...track }) => ({
			...track,
			id: trackIds.get(id) ?? newId(),
			editionId,
		})),
		rooms: from.rooms.map(({ id, editionId: _, ...room }) => ({
			...room,
			id: roomIds.get(id) ?? newId(),
			editionId,
			name: roomMap[id]?.trim() || room.name,
		})),
		sessions: from.sessions.map(({ id: _, editionId: __, guid: ___, ...session }) => ({
			...session,
			id: newId(),
			editionId,
			// The target's program is empty, so the source's numbers are free and stay familiar.
			seq: session.seq,
			guid: crypto.randomUUID(),
			title: fill(session.title),
			description: fill(session.description),
			roomId: mapped(roomIds, session.roomId),
			trackId: mapped(trackIds, session.trackId),
			// Same series (checked), so the lecture exists; its lecturer is a talk, never copied.
			namedLectureId: session.namedLectureId,
		})),
		registrationFields: from.registrationFields.map(({ id: _, editionId: __, ...field }) => ({
			...field,
			id: newId(),
			editionId,
			label: fill(field.label),
		})),
		ticketTypes: from.ticketTypes.map(({ id: _, editionId: __, ...ticket }) => ({ ...ticket, id: newId(), editionId })),
		abstractCalls: from.abstractCalls.map(({ editionId: _, ...call }) => ({
			...call,
			editionId,
			specialIssue: fill(call.specialIssue),
		})),
		reviewCriteria: from.reviewCriteria.map(({ id: _, editionId: __, ...criterion }) => ({
			...criterion,
			id: newId(),
			editionId,
		})),
		surveyQuestions: from.surveyQuestions.map(({ id: _, editionId: __, ...question }) => ({
			...question,
			id: newId(),
			editionId,
			prompt: fill(question.prompt),
		})),
		checklistTasks: from.checklistTasks.map(({ id: _, editionId: __, ...task }) => ({
			...task,
			id: newId(),
			editionId,
			title: fill(task.title),
			// A new timeline: nothing is done or reminded yet.
			status: "open" as const,
			doneAt: null,
			reminderSentAt: null,
		})),
		sponsorTiers: from.sponsorTiers.map(({ id: _, editionId: __, ...tier }) => ({ ...tier, id: newId(), editionId })),
	};
	return { rows, unfilled };
}

// ---------------------------------------------------------------------------------------------
// Preview

const longDate = new Intl.DateTimeFormat("en-GB", {
	weekday: "long",
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "UTC",
});

/** "Saturday 11 February 2023": a day as the preview names it. */
export const formatFullDate = (isoDate: string) => longDate.format(parseIsoDate(isoDate)).replace(",", "");

/** A moment `offsetDays` from day 1 at local `time` (or a whole due day), resolved in the edition's zone. */
export function resolveMoment(
	edition: Pick<Edition, "startDate" | "timeZone">,
	offsetDays: number,
	time: string | null,
): ResolvedMoment {
	const timeZone = edition.timeZone;
	if (time === null) {
		const date = dateOfDay(edition.startDate, offsetDays + 1);
		return { date, time: null, instant: null, timeZone, text: formatFullDate(date) };
	}
	const instant = resolveOffset(edition, offsetDays, time);
	// The wall clock of the instant, not the stored time: inside a DST gap they differ.
	const local = wallClock(instant, timeZone);
	return {
		...local,
		instant: instant.toISOString(),
		timeZone,
		text: `${formatFullDate(local.date)}, ${local.time} (${utcOffsetLabel(timeZone, instant)})`,
	};
}

const summary = (e: Edition): EditionSummary => ({
	id: e.id,
	name: e.name,
	year: e.year,
	startDate: e.startDate,
	endDate: e.endDate,
	timeZone: e.timeZone,
});

function previewOf(
	source: Edition,
	target: Edition,
	parts: readonly ClonePart[],
	from: SourceRows,
	rows: TargetRows,
	unfilled: ReadonlySet<string>,
): ClonePreview {
	const change = (part: ClonePart, label: string, offsetDays: number, time: string | null): DateChange => ({
		part,
		label,
		old: resolveMoment(source, offsetDays, time),
		new: resolveMoment(target, offsetDays, time),
	});
	const created: Record<ClonePart, { what: string; titles: string[] }[]> = {
		pages: [{ what: "pages", titles: rows.pages.map((p) => p.title) }],
		rooms_tracks: [
			{ what: "tracks", titles: rows.tracks.map((t) => t.name) },
			{ what: "rooms", titles: rows.rooms.map((r) => r.name) },
		],
		program: [{ what: "sessions", titles: rows.sessions.map((s) => s.title) }],
		registration: [
			{ what: "registration questions", titles: rows.registrationFields.map((f) => f.label) },
			{ what: "ticket types", titles: rows.ticketTypes.map((t) => t.name) },
		],
		abstract_call: [
			{ what: "call for abstracts", titles: rows.abstractCalls.map(() => "Call for abstracts") },
			{ what: "review criteria", titles: rows.reviewCriteria.map((c) => c.label) },
		],
		evaluation: [{ what: "evaluation questions", titles: rows.surveyQuestions.map((q) => q.prompt) }],
		checklist: [{ what: "checklist tasks", titles: rows.checklistTasks.map((t) => t.title) }],
		sponsor_tiers: [{ what: "sponsor tiers", titles: rows.sponsorTiers.map((t) => t.name) }],
	};
	const deadlines: DateChange[] = [
		...rows.ticketTypes.flatMap((t) => [
			change("registration", `${t.name}: sales open`, t.salesOpenOffsetDays, t.salesOpenTime ?? "09:00"),
			change("registration", `${t.name}: sales close`, t.salesCloseOffsetDays, t.salesCloseTime ?? "23:59"),
		]),
		...rows.abstractCalls.flatMap((call) => [
			change("abstract_call", "Call for abstracts opens", call.opensOffsetDays, call.opensTime ?? "09:00"),
			change("abstract_call", "Call for abstracts closes", call.closesOffsetDays, call.closesTime ?? "23:59"),
			...(call.decisionsOffsetDays === null || call.decisionsOffsetDays === undefined
				? []
				: [change("abstract_call", "Abstract decisions due", call.decisionsOffsetDays, null)]),
		]),
		...rows.checklistTasks.map((t) => change("checklist", `Task due: ${t.title}`, t.dueOffsetDays, null)),
	];
	return {
		source: summary(source),
		target: summary(target),
		gapDays: Math.round(
			(parseIsoDate(target.startDate).getTime() - parseIsoDate(source.startDate).getTime()) / 86_400_000,
		),
		parts: parts.map((part) => ({
			part,
			label: PART_LABELS[part],
			created: created[part].map((c) => ({ ...c, count: c.titles.length })),
		})),
		rooms: from.rooms.map((room, i) => ({
			sourceRoomId: room.id,
			from: room.name,
			to: rows.rooms[i]?.name ?? room.name,
		})),
		deadlines,
		sessions: rows.sessions.map((s) =>
			change("program", `Day ${s.day}, ${s.startTime}: ${s.title}`, s.day - 1, s.startTime),
		),
		unfilledPlaceholders: [...unfilled].sort(),
	};
}

/** What a clone would create and every date old beside new; writes nothing. */
export async function previewClone(db: Database, input: CloneInput): Promise<ClonePreview> {
	return (await planClone(db, input)).preview;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** D1 refuses statements with more bound parameters than this. */
export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * Multi-row inserts of at most D1_MAX_BOUND_PARAMETERS bound values each (every column of a row
 * is at most one bound value). Values are bound, not inlined, so the SQL text of each statement
 * stays a few kilobytes, far below D1's 100 KB statement limit, however long a page's text is.
 */
export function chunkedInserts<T extends SQLiteTable>(
	db: Database,
	table: T,
	rows: readonly T["$inferInsert"][],
): BatchItem<"sqlite">[] {
	const perRow = Object.keys(getTableColumns(table)).length;
	const size = Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / perRow));
	const statements: BatchItem<"sqlite">[] = [];
	for (let i = 0; i < rows.length; i += size) {
		statements.push(db.insert(table).values(rows.slice(i, i + size) as never) as BatchItem<"sqlite">);
	}
	return statements;
}

/**
 * Fails the batch (and so rolls it all back) unless the edition's content version is still
 * `version`: a second clone or an edit that slipped in after the checks would otherwise duplicate
 * rows. SQLite has no RAISE outside triggers; json() of a non-JSON string is a reliable error.
 */
function requireVersion(db: Database, editionId: string, version: number) {
	return db
		.select({ unchanged: sql`json(case when ${editions.contentVersion} = ${version} then '1' else 'changed' end)` })
		.from(editions)
		.where(eq(editions.id, editionId));
}

const isStaleGuard = (error: unknown) =>
	/malformed JSON/i.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? "")}`);

/**
 * Copies the chosen parts of the source edition into the target in ONE batch (with the content
 * version bump and `cloned_from_id`): it all lands, or nothing does. The source is only read.
 *
 * @example await cloneEdition(db, { sourceEditionId: "ainm-2023", targetEditionId: "ainm-2025", parts: ["pages"] })
 */
export async function cloneEdition(db: Database, input: CloneInput): Promise<CloneSummary> {
	const { source, target, rows } = await planClone(db, input);
	const statements: BatchItem<"sqlite">[] = [
		// writeEditionContent bumps the version first, so the unchanged version now reads one more.
		requireVersion(db, target.id, target.contentVersion + 1),
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
		...chunkedInserts(db, sponsorTiers, rows.sponsorTiers),
		db.update(editions).set({ clonedFromId: source.id }).where(eq(editions.id, target.id)),
	];
	try {
		await writeEditionContent(db, target.id, statements);
	} catch (error) {
		if (!isStaleGuard(error)) throw error;
		throw new AppError(
			409,
			"edition_changed",
			`${target.name} changed while it was being set up (another clone or an edit): look at the preview again.`,
		);
	}
	const created: Record<string, number> = {};
	for (const [table, tableRows] of Object.entries(rows)) {
		if (tableRows.length > 0) created[table] = tableRows.length;
	}
	return { sourceEditionId: source.id, targetEditionId: target.id, created };
}
