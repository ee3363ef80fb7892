/**
 * Cloning an edition into the next one: the chosen parts of a source edition are copied into an
 * existing, empty-in-those-parts target edition, in one D1 batch with the content-version bump.
 * The copy is the two halves of ./edition-parts.ts: read the source's parts into a document, then
 * write that document into the target (the templates feature writes stored documents the same way).
 *
 * Nothing needs shifting: sessions are (day, local time) and deadlines (offset days from day 1,
 * local time), so copying them unchanged moves them all to the target's day 1 and zone. What the
 * preview shows is only those values resolved in each edition's zone, old beside new.
 *
 * Never copied: speakers, talks, session chairs, sponsors, committee members, host names, and
 * everything people sent in (registrations, abstracts, reviews, evaluation answers).
 */
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { chunkedInserts } from "../../db/batching";
import type { Database } from "../../db/client";
import { requirePreviewedVersion, writeIfUnchanged } from "../../db/content-version";
import { abstractCalls, checklistTasks, copiedTexts, type Edition, editions, handoverNoteLinks } from "../../db/schema";
import { roleLabel } from "../../domain/invitation-wording";
import { type PlaceholderValues, placeholderValues, resolvePlaceholders } from "../../domain/placeholders";
import { type ResolvedMoment, resolveMoment } from "../../domain/resolved-moment";
import { dayCount, parseIsoDate } from "../../lib/dates";
import { AppError, notFound } from "../../lib/errors";
import { travellingNoteLinks } from "../handover";
import { type ReminderCall, reminderSchedule } from "../organizer-reminders";
import { type CopiedFactHit, copiedFactHits, type KeepsText, sourceFactsOf, withAcceptedFacts } from "./copied-facts";
import { copiedTextMarks } from "./copied-texts";
import {
	applyTaskChoices,
	type NeedsDecision,
	needsDecisionOf,
	type PastTask,
	type PastTasksDefault,
	pastTasksOf,
	type TaskChoice,
} from "./decisions";
import {
	CLONE_PARTS,
	type ClonePart,
	countRows,
	type EditionParts,
	type EditionRows,
	editionRowsOf,
	insertStatements,
	lecturesOf,
	PART_LABELS,
	partTables,
	readEditionParts,
	rowKindsOf,
	type SourceIds,
} from "./edition-parts";
import { refKey } from "./part-specs";

export { fillPlaceholders, PLACEHOLDERS, placeholderValues } from "../../domain/placeholders";
export { formatFullDate, type ResolvedMoment, resolveMoment } from "../../domain/resolved-moment";

export interface CloneInput {
	sourceEditionId: string;
	targetEditionId: string;
	parts: readonly ClonePart[];
	/** Source room id → the room's name at the new venue; blank or missing keeps the name. */
	roomMap?: Readonly<Record<string, string>>;
	/** The target's content version the preview showed: applying refuses (409) once it moved on. */
	expectedContentVersion?: number;
	/** Source task id → how that copied task, already due in the target, lands (see ./decisions.ts). */
	pastTasks?: Readonly<Record<string, TaskChoice>>;
	/** How the past tasks not in `pastTasks` land: open (the default), done, skipped or as suggested. */
	pastTasksAs?: PastTasksDefault;
	/** What counts as past; now unless a test says otherwise. */
	now?: Date;
	/** Ids of the preview's fact hits to replace by their placeholders; nothing else is substituted. */
	acceptedFacts?: readonly string[];
	/** Replace every hit that has a placeholder (people and address lines stay as written). */
	acceptAllFacts?: boolean;
}

export interface DateChange {
	part: ClonePart;
	label: string;
	old: ResolvedMoment;
	new: ResolvedMoment;
}

/**
 * An organizer reminder's moment in the source and in the target. Null where it has no moment: it
 * counts from a call for abstracts that edition does not have (it goes out once there is one).
 */
export interface ReminderChange {
	part: "organizer_reminders";
	label: string;
	old: ResolvedMoment | null;
	new: ResolvedMoment | null;
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
	/** The target's content version this preview was made from: apply with it as `expectedContentVersion`. */
	contentVersion: number;
	/** Calendar days from the source's day 1 to the target's. */
	gapDays: number;
	parts: PartPreview[];
	/** How the source's rooms are named in the target (when rooms are copied). */
	rooms: { sourceRoomId: string; from: string; to: string }[];
	/** Every deadline and due date of the copied parts, resolved in the source's zone and the target's. */
	deadlines: DateChange[];
	/** Every copied session's start, resolved in the source's zone and the target's. */
	sessions: DateChange[];
	/**
	 * Every copied organizer reminder's moment, in the source and in the target: it counts from day
	 * 1, the last day or the call for abstracts, so it follows the target's dates, length and call.
	 */
	reminders: ReminderChange[];
	/** Placeholders left in the copied texts because the target has no value for them yet. */
	unfilledPlaceholders: string[];
	/** Copied lecture slots without a lecturer and tickets without a price: to fix after copying. */
	needsDecision: NeedsDecision[];
	/** Copied checklist tasks already due in the target, each with its suggested status. */
	pastTasks: PastTask[];
	/**
	 * Every place a copied text states one of the source's facts, with the placeholder proposed
	 * for it and whether this request accepts it: only accepted hits are substituted.
	 */
	facts: CopiedFactHit[];
}

/** Rows created per table, e.g. `{ rooms: 4, sessions: 17 }` (tables the clone did not touch are absent). */
export type CloneSummary = {
	sourceEditionId: string;
	targetEditionId: string;
	created: Record<string, number>;
};

// ---------------------------------------------------------------------------------------------
// Reading

/** The parts in which `editionId` already has content (1 query). */
export async function filledParts(db: Database, editionId: string): Promise<ClonePart[]> {
	const anyRow = (part: ClonePart) =>
		sql<number>`(${sql.join(
			partTables(part).map((t) => sql`exists (select 1 from ${t} where ${t.editionId} = ${editionId})`),
			sql` or `,
		)})`;
	const columns: Record<string, SQL<number>> = Object.fromEntries(CLONE_PARTS.map((part) => [part, anyRow(part)]));
	const row = await db.select(columns).from(editions).where(eq(editions.id, editionId)).get();
	return row ? CLONE_PARTS.filter((part) => Boolean(row[part])) : [];
}

// ---------------------------------------------------------------------------------------------
// Planning: every check, the rows and the preview, before anything is written

/** Source row id → the id of its copy, per table: what lets links to copied rows follow them. */
export type CopiedIds = { [T in keyof SourceIds]?: Map<string, string> };

export interface ClonePlan {
	source: Edition;
	target: Edition;
	/** The parts cloned, in the wizard's order. */
	parts: readonly ClonePart[];
	rows: EditionRows;
	copiedIds: CopiedIds;
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

/** The document with the source's rooms under their names at the new venue (sessions still find them by key). */
function renameRooms(parts: EditionParts, roomIds: readonly string[], roomMap: Readonly<Record<string, string>>) {
	if (!parts.rooms_tracks) return parts;
	const rooms = parts.rooms_tracks.rooms.map((room, i) => {
		const name = roomMap[roomIds[i] ?? ""]?.trim();
		return name ? { ...room, key: refKey(room), name } : room;
	});
	return { ...parts, rooms_tracks: { ...parts.rooms_tracks, rooms } };
}

/** Pairs the source ids with the ids of their copies (both lists follow the document's order). */
function pairIds(ids: SourceIds, rows: EditionRows): CopiedIds {
	const written = rows as Record<string, { id?: string }[]>;
	return Object.fromEntries(
		Object.entries(ids as Record<string, string[]>).map(([table, from]) => [
			table,
			new Map(from.map((id, i) => [id, written[table]?.[i]?.id ?? ""] as const).filter(([, copy]) => copy !== "")),
		]),
	) as CopiedIds;
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
	requirePreviewedVersion(target, input.expectedContentVersion);
	checkPair(source, target);
	const parts = new Set(input.parts);
	if (parts.size === 0) throw invalidClone({ parts: "Choose at least one part to copy." });
	const [read, filled, lectures, calls, sourceTasks, facts] = await Promise.all([
		readEditionParts(db, source.id, input.parts),
		filledParts(db, target.id),
		// Same series (checked), so every lecture slot of the source finds its lecture.
		parts.has("program") ? lecturesOf(db, target.seriesId) : new Map(),
		// Reminders may count from the call for abstracts: the source's, and the target's own when it keeps it.
		parts.has("organizer_reminders")
			? db
					.select()
					.from(abstractCalls)
					.where(inArray(abstractCalls.editionId, [source.id, target.id]))
			: Promise.resolve([]),
		// What the previous committee did with each task suggests how a past one lands.
		parts.has("checklist")
			? db
					.select({ id: checklistTasks.id, status: checklistTasks.status })
					.from(checklistTasks)
					.where(eq(checklistTasks.editionId, source.id))
			: Promise.resolve([]),
		sourceFactsOf(db, source),
	]);

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
	const lastDay = Math.max(0, ...(read.parts.program ?? []).map((s) => s.day));
	const targetDays = dayCount(target.startDate, target.endDate);
	if (lastDay > targetDays) {
		problems.push(
			`${source.name}'s program runs over ${lastDay} days, ${target.name} has ${targetDays}: change ${target.name}'s dates first or leave the program out.`,
		);
	}
	const fields: Record<string, string> = problems.length > 0 ? { parts: problems.join(" ") } : {};
	// New room names matter only when the rooms are copied; the wizard always posts them.
	const roomMap = parts.has("rooms_tracks") ? (input.roomMap ?? {}) : {};
	const sourceRoomIds = new Set(read.ids.rooms ?? []);
	for (const id of Object.keys(roomMap)) {
		if (!sourceRoomIds.has(id)) fields[`roomMap.${id}`] = `This is not a room of ${source.name}.`;
	}
	if (Object.keys(fields).length > 0) throw invalidClone(fields);

	// A named-lecture slot is titled anew after its lecture and the target's year: its old title is not copied.
	const keeps: KeepsText = (part, row, field) =>
		part === "program" && field === "title" && typeof row.namedLecture === "string" && lectures.has(row.namedLecture);
	const hits = copiedFactHits(read.parts, input.parts, facts, keeps, input);
	const document = withAcceptedFacts(read.parts, input.parts, facts, keeps, input);
	const built = editionRowsOf(target, renameRooms(document, read.ids.rooms ?? [], roomMap), lectures);
	const { unfilled } = built;
	const taskIds = read.ids.checklistTasks ?? [];
	const pastTasks = pastTasksOf(
		target,
		built.rows,
		taskIds,
		new Map(sourceTasks.map((t) => [t.id, t.status])),
		input.now ?? new Date(),
	);
	const chosen = applyTaskChoices(
		built.rows,
		taskIds,
		pastTasks,
		input.pastTasks ?? {},
		input.pastTasksAs ?? "open",
		target.name,
	);
	if (Object.keys(chosen.problems).length > 0) throw invalidClone(chosen.problems);
	const rows = chosen.rows;
	const preview = previewOf(source, target, input.parts, read, rows, unfilled, {
		source: reminderCallOf(calls.find((c) => c.editionId === source.id)),
		// The copied call when the clone brings one (the target had none: parts are copied into empty ones).
		target: reminderCallOf(rows.abstractCalls[0] ?? calls.find((c) => c.editionId === target.id)),
	});
	return {
		source,
		target,
		parts: input.parts,
		rows,
		copiedIds: pairIds(read.ids, rows),
		preview: { ...preview, needsDecision: needsDecisionOf(target, rows), pastTasks, facts: hits },
	};
}

// ---------------------------------------------------------------------------------------------
// Preview

export const editionSummary = (e: Edition): EditionSummary => ({
	id: e.id,
	name: e.name,
	year: e.year,
	startDate: e.startDate,
	endDate: e.endDate,
	timeZone: e.timeZone,
});

/** A deadline or due date of some rows, as an offset from day 1 (and a local time, unless a due day). */
export interface Deadline {
	part: ClonePart;
	label: string;
	offsetDays: number;
	time: string | null;
}

/** Every deadline and due date the rows hold: ticket sales, the call's window and decisions, tasks. */
export function deadlinesOf(rows: EditionRows): Deadline[] {
	const at = (part: ClonePart, label: string, offsetDays: number, time: string | null): Deadline => ({
		part,
		label,
		offsetDays,
		time,
	});
	return [
		...rows.ticketTypes.flatMap((t) => [
			at("registration", `${t.name}: sales open`, t.salesOpenOffsetDays, t.salesOpenTime ?? "09:00"),
			at("registration", `${t.name}: sales close`, t.salesCloseOffsetDays, t.salesCloseTime ?? "23:59"),
		]),
		...rows.abstractCalls.flatMap((call) => [
			at("abstract_call", "Call for abstracts opens", call.opensOffsetDays, call.opensTime ?? "09:00"),
			at("abstract_call", "Call for abstracts closes", call.closesOffsetDays, call.closesTime ?? "23:59"),
			...(call.decisionsOffsetDays === null || call.decisionsOffsetDays === undefined
				? []
				: [at("abstract_call", "Abstract decisions due", call.decisionsOffsetDays, null)]),
		]),
		...rows.checklistTasks.map((t) => at("checklist", `Task due: ${t.title}`, t.dueOffsetDays, null)),
	];
}

/** A call for abstracts (stored, or about to be written) as reminders count from it; null without one. */
export function reminderCallOf(call: typeof abstractCalls.$inferInsert | undefined): ReminderCall | null {
	return call
		? {
				opensOffsetDays: call.opensOffsetDays,
				opensTime: call.opensTime ?? "09:00",
				closesOffsetDays: call.closesOffsetDays,
				closesTime: call.closesTime ?? "23:59",
			}
		: null;
}

/**
 * The organizer reminders of the rows, each named as previews list it and resolved in `edition`
 * with its call for abstracts (null when the reminder counts from a call the edition lacks).
 */
export function reminderMomentsOf(
	edition: Pick<Edition, "startDate" | "endDate" | "timeZone">,
	rows: Pick<EditionRows, "organizerReminders">,
	call: ReminderCall | null,
): { label: string; moment: ResolvedMoment | null }[] {
	return rows.organizerReminders.map((reminder) => ({
		label: `Reminder to the ${roleLabel(reminder.role ?? "chair").toLowerCase()}s: ${reminder.subject}`,
		moment: reminderSchedule(edition, reminder, call),
	}));
}

/**
 * What the rows create, per part and kind of row, with each row's title as the target will show
 * it (placeholders resolved with `values`; one without a value stays visible as written).
 */
export function createdOf(
	rows: EditionRows,
	values?: PlaceholderValues,
): Record<ClonePart, { what: string; titles: string[] }[]> {
	const byTable = rows as Record<string, Record<string, unknown>[] | undefined>;
	return Object.fromEntries(
		CLONE_PARTS.map((part) => [
			part,
			rowKindsOf(part).map((kind) => ({
				what: kind.what,
				titles: (byTable[kind.table] ?? []).map((row) =>
					values ? resolvePlaceholders(kind.title(row), values, "keep") : kind.title(row),
				),
			})),
		]),
	) as Record<ClonePart, { what: string; titles: string[] }[]>;
}

function previewOf(
	source: Edition,
	target: Edition,
	parts: readonly ClonePart[],
	read: { parts: EditionParts; ids: SourceIds },
	rows: EditionRows,
	unfilled: ReadonlySet<string>,
	calls: { source: ReminderCall | null; target: ReminderCall | null },
): Omit<ClonePreview, "needsDecision" | "pastTasks"> {
	const change = (part: ClonePart, label: string, offsetDays: number, time: string | null): DateChange => ({
		part,
		label,
		old: resolveMoment(source, offsetDays, time),
		new: resolveMoment(target, offsetDays, time),
	});
	const created = createdOf(rows, placeholderValues(target));
	const reminders = reminderMomentsOf(source, rows, calls.source);
	const remindersAfter = reminderMomentsOf(target, rows, calls.target);
	return {
		source: editionSummary(source),
		target: editionSummary(target),
		contentVersion: target.contentVersion,
		gapDays: Math.round(
			(parseIsoDate(target.startDate).getTime() - parseIsoDate(source.startDate).getTime()) / 86_400_000,
		),
		parts: parts.map((part) => ({
			part,
			label: PART_LABELS[part],
			created: created[part].map((c) => ({ ...c, count: c.titles.length })),
		})),
		rooms: (read.parts.rooms_tracks?.rooms ?? []).map((room, i) => ({
			sourceRoomId: read.ids.rooms?.[i] ?? "",
			from: room.name,
			to: rows.rooms[i]?.name ?? room.name,
		})),
		deadlines: deadlinesOf(rows).map((d) => change(d.part, d.label, d.offsetDays, d.time)),
		sessions: rows.sessions.map((s) =>
			change("program", `Day ${s.day}, ${s.startTime}: ${s.title}`, s.day - 1, s.startTime),
		),
		reminders: reminders.map(({ label, moment }, i) => ({
			part: "organizer_reminders" as const,
			label,
			old: moment,
			new: remindersAfter[i]?.moment ?? null,
		})),
		unfilledPlaceholders: [...unfilled].sort(),
		facts: [],
	};
}

/** What a clone would create and every date old beside new; writes nothing. */
export async function previewClone(db: Database, input: CloneInput): Promise<ClonePreview> {
	// A preview shows the target as it is now, whatever an earlier preview showed.
	return (await planClone(db, { ...input, expectedContentVersion: undefined })).preview;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Copies the chosen parts of the source edition into the target in ONE batch (with the content
 * version bump and `cloned_from_id`): it all lands, or nothing does. The source is only read.
 *
 * @example await cloneEdition(db, { sourceEditionId: "ainm-2023", targetEditionId: "ainm-2025", parts: ["pages"] })
 */
export async function cloneEdition(db: Database, input: CloneInput): Promise<CloneSummary> {
	const { source, target, parts, rows, copiedIds, preview } = await planClone(db, input);
	// Handover notes attached to copied things travel with them (src/features/handover/links.ts).
	const noteLinks = await travellingNoteLinks(db, { ...input, copiedIds });
	const statements: BatchItem<"sqlite">[] = [
		...insertStatements(db, rows),
		...chunkedInserts(db, handoverNoteLinks, noteLinks),
		// Every copied text is marked until someone on the committee has reviewed it.
		...chunkedInserts(db, copiedTexts, copiedTextMarks(source, target, parts, rows)),
		db.update(editions).set({ clonedFromId: source.id }).where(eq(editions.id, target.id)),
	];
	const created = countRows(rows);
	await writeIfUnchanged(db, target, statements, input.expectedContentVersion, [
		{
			action: "edition.cloned",
			id: target.id,
			after: {
				from: source.name,
				parts: input.parts,
				created,
				factsReplaced: preview.facts.filter((hit) => hit.accepted && hit.placeholder !== null).length,
			},
		},
	]);
	return { sourceEditionId: source.id, targetEditionId: target.id, created };
}
