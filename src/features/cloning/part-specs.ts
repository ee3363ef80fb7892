/**
 * The parts of an edition that travel to the next one, by clone or template: one declaration per
 * part, in the wizard's order. Adding a part is adding an entry here (with its tests): the clone,
 * the template document, the previews, the wizard's checkboxes and the API's part names follow.
 */
import { asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	checklistTasks,
	editionMembers,
	editionPeople,
	emailTexts,
	namedLectures,
	organizerReminders,
	pages,
	registrationFields,
	registrationPolicies,
	registrations,
	reviewCriteria,
	rooms,
	sessionChairs,
	sessions,
	speakers,
	sponsors,
	sponsorTiers,
	surveyQuestions,
	talks,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { describeWhen } from "../../domain/reminder-wording";
import { lectureSessionTitle } from "../../domain/series";
import { newId } from "../../lib/ids";
import { REGISTRATION_POLICY_FIELDS } from "../attendees";
import { ABSTRACT_CALL_FIELDS, callDateProblems } from "../editions";
import { sessionFields } from "../program";
import { collectionRow, fieldsOf, localKey, optionalRef, order, rowOf, rows, unique } from "./part-schemas";
import { type AnyRow, definePart, type EditionTable, type ReadPart } from "./part-spec";

type Select<T extends { $inferSelect: unknown }> = T["$inferSelect"];
type Content<T extends { $inferSelect: unknown }> = Omit<Select<T>, "id" | "editionId">;

// ---------------------------------------------------------------------------------------------
// The documents' row types: the drizzle tables' own columns, so they cannot drift from the schema

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
/** Without its availability: that is the edition's own registrations' state and never travels. */
export type TicketTypeDoc = Omit<Content<typeof ticketTypes>, "availability">;
/** The edition's registration rules: capacity, cancellation policy and cut-offs, hold and offer times. */
export type RegistrationPolicyDoc = Omit<Select<typeof registrationPolicies>, "editionId">;
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

// ---------------------------------------------------------------------------------------------
// Helpers shared by the declarations

/** An edition's rows of one table, in the given order. */
const rowsOf = <T extends EditionTable>(db: Database, table: T, editionId: string, ...by: SQL[]) =>
	db
		.select()
		.from(table as EditionTable)
		.where(eq(table.editionId, editionId))
		.orderBy(...by) as Promise<Select<T>[]>;

const without = <T extends { id: string; editionId: string }>({ id: _, editionId: __, ...rest }: T) => rest;
const idsOf = (list: readonly { id: string }[]) => list.map((r) => r.id);
const str = (v: unknown) => String(v ?? "");

/** How sessions name a room or track of the same document. */
export const refKey = (row: { key?: string; name: string }) => row.key ?? row.name;
const byRefKey = (row: AnyRow) => refKey(row as { key?: string; name: string });

/** Gives rows whose names repeat a key of their own, so references between parts stay unambiguous. */
function keyed<T extends { name: string }>(list: readonly T[]): (T & { key?: string })[] {
	const count = new Map<string, number>();
	for (const row of list) count.set(row.name, (count.get(row.name) ?? 0) + 1);
	const seen = new Map<string, number>();
	return list.map((row) => {
		if ((count.get(row.name) ?? 0) < 2) return row;
		const n = (seen.get(row.name) ?? 0) + 1;
		seen.set(row.name, n);
		return { key: `${row.name} (${n})`, ...row };
	});
}

/** A cast kept in one place until the field builders are typed: the tests read parsed documents back exactly. */
const typed = <Doc>(schema: z.ZodType) => schema as z.ZodType<Doc>;

// ---------------------------------------------------------------------------------------------
// The parts

const pagesPart = definePart({
	key: "pages",
	label: "Site pages",
	hint: "Titles, addresses and texts of the subsite's pages, placeholders kept: they show this edition's facts.",
	tables: { pages },
	read: (db, editionId) => rowsOf(db, pages, editionId, asc(pages.navOrder), asc(pages.slug)),
	toDocument: (list): ReadPart<PageDoc[], { pages: typeof pages }> => ({
		doc: list.map(({ slug, title, body, navOrder, published }) => ({ slug, title, body, navOrder, published })),
		ids: { pages: idsOf(list) },
	}),
	// Placeholders stay as written: the subsite resolves them when a page is shown.
	toRows: (doc, { editionId }) => ({
		pages: doc.map((page) => ({ ...page, id: newId(), editionId })),
	}),
	schema: typed<PageDoc[]>(
		rows(collectionRow("pages", ["slug", "title", "body", "published"], "navOrder"), "navOrder").superRefine(
			(list, ctx) =>
				unique(
					list,
					(p) => String(p.slug),
					ctx,
					(i) => [i, "slug"],
					"page",
				),
		),
	),
	rows: [
		{
			what: "pages",
			table: "pages",
			of: (doc) => doc,
			key: (r) => str(r.slug),
			title: (r) => str(r.title),
			facts: ["title", "body"],
		},
	],
});

type RoomsTracksDoc = { tracks: TrackDoc[]; rooms: RoomDoc[] };
const roomsTracksPart = definePart({
	key: "rooms_tracks",
	label: "Tracks and rooms",
	hint: "Tracks with their audiences, and rooms under the names you give them below.",
	tables: { tracks, rooms },
	read: (db, editionId) =>
		Promise.all([
			rowsOf(db, tracks, editionId, asc(tracks.position), asc(tracks.name)),
			rowsOf(db, rooms, editionId, asc(rooms.position), asc(rooms.name)),
		]),
	toDocument: ([trackRows, roomRows]): ReadPart<RoomsTracksDoc, { tracks: typeof tracks; rooms: typeof rooms }> => ({
		doc: {
			tracks: keyed(trackRows).map(({ key, name, audience, color, position }) => ({
				...(key ? { key } : {}),
				name,
				audience,
				color,
				position,
			})),
			rooms: keyed(roomRows).map(({ key, name, capacity, position }) => ({
				...(key ? { key } : {}),
				name,
				capacity,
				position,
			})),
		},
		ids: { tracks: idsOf(trackRows), rooms: idsOf(roomRows) },
	}),
	toRows: (doc, { editionId }) => ({
		tracks: doc.tracks.map(({ name, audience, color, position }) => ({
			id: newId(),
			editionId,
			name,
			audience,
			color,
			position,
		})),
		rooms: doc.rooms.map(({ name, capacity, position }) => ({ id: newId(), editionId, name, capacity, position })),
	}),
	schema: typed<RoomsTracksDoc>(
		z
			.strictObject({
				tracks: rows(
					rowOf(fieldsOf("tracks").fields, ["name", "audience", "color"], {
						key: localKey.schema,
						position: order("position").schema,
					}),
				).default([]),
				rooms: rows(
					rowOf(fieldsOf("rooms").fields, ["name", "capacity"], {
						key: localKey.schema,
						position: order("position").schema,
					}),
				).default([]),
			})
			.transform(({ tracks, rooms }) => ({
				// A blank key means "by name": drop it, so the document reads as written.
				tracks: (tracks as Record<string, unknown>[]).map(({ key, ...t }) => (key ? { key, ...t } : t)),
				rooms: (rooms as Record<string, unknown>[]).map(({ key, ...r }) => (key ? { key, ...r } : r)),
			}))
			.superRefine((part, ctx) => {
				unique(part.tracks, byRefKey, ctx, (i) => ["tracks", i, "name"], "track");
				unique(part.rooms, byRefKey, ctx, (i) => ["rooms", i, "name"], "room");
			}),
	),
	rows: [
		{ what: "tracks", table: "tracks", of: (doc) => doc.tracks, key: byRefKey, title: (r) => str(r.name), facts: [] },
		{ what: "rooms", table: "rooms", of: (doc) => doc.rooms, key: byRefKey, title: (r) => str(r.name), facts: [] },
	],
});

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

/** A document's refKey → the id of the row written for it (both lists follow the document's order). */
const idsByKey = (
	docs: readonly { key?: string; name: string }[] | undefined,
	written: readonly AnyRow[] | undefined,
) => new Map((docs ?? []).map((d, i) => [refKey(d), (written?.[i]?.id as string | undefined) ?? null]));

const sessionRow = rowOf(sessionFields, ["kind", "title", "description", "day", "startTime", "durationMinutes"], {
	seq: z
		.number({ error: "Enter a whole number." })
		.int("Enter a whole number.")
		.min(1, "Use 1 or more.")
		.max(100_000, "Use 100000 or less.")
		.optional(),
	room: optionalRef("room's key"),
	track: optionalRef("track's key"),
	namedLecture: optionalRef("named lecture's slug"),
});

const programPart = definePart({
	key: "program",
	label: "Session formats and program skeleton",
	hint: "Every session at the same day and local time, in the mapped rooms and tracks; no talks, speakers or chairs. Named-lecture slots stay empty for the new lecturers.",
	tables: { sessions },
	// The program names its rooms and tracks, so reading it reads them too.
	needs: ["rooms_tracks"],
	read: (db, editionId) =>
		db
			.select({ session: sessions, lecture: namedLectures.slug })
			.from(sessions)
			.leftJoin(namedLectures, eq(namedLectures.id, sessions.namedLectureId))
			.where(eq(sessions.editionId, editionId))
			.orderBy(asc(sessions.day), asc(sessions.startTime), asc(sessions.seq)),
	toDocument: (list, earlier): ReadPart<SessionDoc[], { sessions: typeof sessions }> => {
		const places = earlier("rooms_tracks") as ReadPart<RoomsTracksDoc, { tracks: unknown; rooms: unknown }> | undefined;
		const keysOf = (docs: readonly { key?: string; name: string }[] = [], ids: readonly string[] = []) =>
			new Map(ids.map((id, i) => [id, refKey(docs[i] ?? { name: "" })]));
		const roomKeys = keysOf(places?.doc.rooms, places?.ids.rooms);
		const trackKeys = keysOf(places?.doc.tracks, places?.ids.tracks);
		const ref = (keys: Map<string, string>, id: string | null) => (id === null ? null : (keys.get(id) ?? null));
		return {
			doc: list.map(({ session: s, lecture }) => ({
				seq: s.seq,
				kind: s.kind,
				title: s.title,
				description: s.description,
				day: s.day,
				startTime: s.startTime,
				durationMinutes: s.durationMinutes,
				room: ref(roomKeys, s.roomId),
				track: ref(trackKeys, s.trackId),
				namedLecture: lecture,
			})),
			ids: { sessions: list.map((r) => r.session.id) },
		};
	},
	// Titles and descriptions keep their placeholders: the program and its feeds resolve them. A
	// named-lecture slot is titled anew after its lecture and the new edition's year, and stored.
	toRows: (doc, { editionId, year, lectures, unlinkedLecture, written }) => {
		const places = written("rooms_tracks") as { doc: RoomsTracksDoc; rows: Record<string, AnyRow[]> } | undefined;
		const roomIds = idsByKey(places?.doc.rooms, places?.rows.rooms);
		const trackIds = idsByKey(places?.doc.tracks, places?.rows.tracks);
		const seqs = sessionNumbers(doc);
		return {
			sessions: doc.map(({ seq: _, room, track, namedLecture, ...session }, i) => {
				const lecture = namedLecture === null ? undefined : lectures.get(namedLecture);
				const lectureId = lecture?.id ?? null;
				if (namedLecture !== null && lectureId === null) unlinkedLecture(session.title, namedLecture);
				return {
					...session,
					...(lecture ? { title: lectureSessionTitle(lecture.name, year) } : {}),
					id: newId(),
					editionId,
					seq: seqs[i] ?? i + 1,
					guid: crypto.randomUUID(),
					roomId: room === null ? null : (roomIds.get(room) ?? null),
					trackId: track === null ? null : (trackIds.get(track) ?? null),
					// The lecture, never its lecturer: that is a talk, and talks stay behind.
					namedLectureId: lectureId,
				};
			}),
		};
	},
	schema: typed<SessionDoc[]>(
		rows(sessionRow, null).superRefine((list, ctx) => {
			const seen = new Set<number>();
			(list as { seq?: number }[]).forEach(({ seq }, i) => {
				if (seq === undefined) return;
				if (seen.has(seq))
					ctx.addIssue({ code: "custom", path: [i, "seq"], message: `Another session has number ${seq}.` });
				seen.add(seq);
			});
		}),
	),
	rows: [
		{
			what: "sessions",
			table: "sessions",
			of: (doc) => doc,
			key: (r) => `Day ${str(r.day)}, ${str(r.startTime)}${r.room ? ` (${str(r.room)})` : ""}`,
			title: (r) => `Day ${str(r.day)}, ${str(r.startTime)}: ${str(r.title)}`,
			facts: ["title", "description"],
		},
	],
});

type RegistrationDoc = {
	fields: RegistrationFieldDoc[];
	ticketTypes: TicketTypeDoc[];
	/** Null when the edition never saved one (no edition-wide limit, no cut-offs). */
	policy: RegistrationPolicyDoc | null;
};
const registrationPart = definePart({
	key: "registration",
	label: "Registration form, ticket types and policy",
	hint: "The registration questions, the ticket types with their prices and sale windows, and the registration policy (capacity, cancellation, cut-offs). Never the registrations.",
	tables: { registrationFields, ticketTypes, registrationPolicies },
	read: (db, editionId) =>
		Promise.all([
			rowsOf(db, registrationFields, editionId, asc(registrationFields.position), asc(registrationFields.label)),
			rowsOf(db, ticketTypes, editionId, asc(ticketTypes.position), asc(ticketTypes.name)),
			rowsOf(db, registrationPolicies, editionId, asc(registrationPolicies.editionId)),
		]),
	toDocument: ([fieldRows, ticketRows, policyRows]): ReadPart<
		RegistrationDoc,
		{ registrationFields: unknown; ticketTypes: unknown; registrationPolicies: unknown }
	> => {
		const [policy] = policyRows;
		return {
			doc: {
				fields: fieldRows.map(without),
				ticketTypes: ticketRows.map(({ availability: _, ...ticket }) => without(ticket)),
				policy: policy ? (({ editionId: _, ...rest }) => rest)(policy) : null,
			},
			// The policy is the edition's own (keyed by the edition): there is no row id to follow.
			ids: { registrationFields: idsOf(fieldRows), ticketTypes: idsOf(ticketRows) },
		};
	},
	toRows: (doc, { editionId, fill }) => ({
		registrationFields: doc.fields.map((field) => ({ ...field, id: newId(), editionId, label: fill(field.label) })),
		ticketTypes: doc.ticketTypes.map((ticket) => ({ ...ticket, id: newId(), editionId })),
		registrationPolicies: doc.policy
			? [{ ...doc.policy, editionId, cancellationPolicy: fill(doc.policy.cancellationPolicy) }]
			: [],
	}),
	schema: typed<RegistrationDoc>(
		z.strictObject({
			fields: rows(collectionRow("registration-fields", ["label", "kind", "required", "options"])).default([]),
			ticketTypes: rows(
				collectionRow("ticket-types", [
					"name",
					"priceCents",
					"currency",
					"salesOpenOffsetDays",
					"salesOpenTime",
					"salesCloseOffsetDays",
					"salesCloseTime",
					"capacity",
					"includes",
				]),
			).default([]),
			// The rules of the policy's own editor; documents from before it existed have none.
			policy: rowOf(
				REGISTRATION_POLICY_FIELDS,
				REGISTRATION_POLICY_FIELDS.map((f) => f.name),
			)
				.nullable()
				.default(null),
		}),
	),
	rows: [
		{
			what: "registration questions",
			table: "registrationFields",
			of: (doc) => doc.fields,
			key: (r) => str(r.label),
			title: (r) => str(r.label),
			facts: ["label"],
		},
		{
			what: "ticket types",
			table: "ticketTypes",
			of: (doc) => doc.ticketTypes,
			key: (r) => str(r.name),
			title: (r) => str(r.name),
			facts: ["name"],
		},
		{
			what: "registration policy",
			table: "registrationPolicies",
			of: (doc) => (doc.policy ? [doc.policy] : []),
			key: () => "policy",
			title: () => "Registration policy",
			facts: ["cancellationPolicy"],
		},
	],
});

type AbstractCallPartDoc = { call: AbstractCallDoc | null; reviewCriteria: ReviewCriterionDoc[] };
const abstractCallPart = definePart({
	key: "abstract_call",
	label: "Call for abstracts and review criteria",
	hint: "The call's window, topics, presentation types and word limit, and the review criteria.",
	tables: { abstractCalls, reviewCriteria },
	read: (db, editionId) =>
		Promise.all([
			rowsOf(db, abstractCalls, editionId, asc(abstractCalls.editionId)),
			rowsOf(db, reviewCriteria, editionId, asc(reviewCriteria.position), asc(reviewCriteria.label)),
		]),
	toDocument: ([callRows, criterionRows]): ReadPart<
		AbstractCallPartDoc,
		{ abstractCalls: unknown; reviewCriteria: unknown }
	> => {
		const [call] = callRows;
		return {
			doc: {
				call: call ? (({ editionId: _, ...rest }) => rest)(call) : null,
				reviewCriteria: criterionRows.map(without),
			},
			// The call is the edition's own (keyed by the edition): there is no row id to follow.
			ids: { reviewCriteria: idsOf(criterionRows) },
		};
	},
	toRows: (doc, { editionId, fill }) => ({
		abstractCalls: doc.call ? [{ ...doc.call, editionId, specialIssue: fill(doc.call.specialIssue) }] : [],
		reviewCriteria: doc.reviewCriteria.map((c) => ({ ...c, id: newId(), editionId })),
	}),
	schema: typed<AbstractCallPartDoc>(
		z.strictObject({
			// The rules of the call's own editor.
			call: rowOf(
				ABSTRACT_CALL_FIELDS,
				ABSTRACT_CALL_FIELDS.map((f) => f.name),
				{},
				callDateProblems,
			)
				.nullable()
				.default(null),
			reviewCriteria: rows(collectionRow("review-criteria", ["label", "scaleMax", "weight"])).default([]),
		}),
	),
	rows: [
		{
			what: "call for abstracts",
			table: "abstractCalls",
			of: (doc) => (doc.call ? [doc.call] : []),
			key: () => "call",
			title: () => "Call for abstracts",
			facts: ["specialIssue"],
		},
		{
			what: "review criteria",
			table: "reviewCriteria",
			of: (doc) => doc.reviewCriteria,
			key: (r) => str(r.label),
			title: (r) => str(r.label),
			facts: ["label"],
		},
	],
});

const evaluationPart = definePart({
	key: "evaluation",
	label: "Evaluation survey",
	hint: "The questions of the evaluation survey (no answers).",
	tables: { surveyQuestions },
	read: (db, editionId) =>
		rowsOf(db, surveyQuestions, editionId, asc(surveyQuestions.position), asc(surveyQuestions.prompt)),
	toDocument: (list): ReadPart<SurveyQuestionDoc[], { surveyQuestions: unknown }> => ({
		doc: list.map(without),
		ids: { surveyQuestions: idsOf(list) },
	}),
	toRows: (doc, { editionId, fill }) => ({
		surveyQuestions: doc.map((question) => ({ ...question, id: newId(), editionId, prompt: fill(question.prompt) })),
	}),
	schema: typed<SurveyQuestionDoc[]>(rows(collectionRow("survey-questions", ["prompt", "kind", "required"]))),
	rows: [
		{
			what: "evaluation questions",
			table: "surveyQuestions",
			of: (doc) => doc,
			key: (r) => str(r.prompt),
			title: (r) => str(r.prompt),
			facts: ["prompt"],
		},
	],
});

const checklistPart = definePart({
	key: "checklist",
	label: "Checklist timeline",
	hint: "Every task at the same distance from day 1, open again.",
	tables: { checklistTasks },
	read: (db, editionId) =>
		rowsOf(db, checklistTasks, editionId, asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position)),
	toDocument: (list): ReadPart<ChecklistTaskDoc[], { checklistTasks: unknown }> => ({
		doc: list.map(({ title, ownerRole, dueOffsetDays, position }) => ({ title, ownerRole, dueOffsetDays, position })),
		ids: { checklistTasks: idsOf(list) },
	}),
	toRows: (doc, { editionId, fill }) => ({
		checklistTasks: doc.map((task) => ({
			...task,
			id: newId(),
			editionId,
			title: fill(task.title),
			// A new timeline: nothing is done or reminded yet.
			status: "open" as const,
			doneAt: null,
			reminderSentAt: null,
		})),
	}),
	schema: typed<ChecklistTaskDoc[]>(rows(collectionRow("checklist", ["title", "ownerRole", "dueOffsetDays"]))),
	rows: [
		{
			what: "checklist tasks",
			table: "checklistTasks",
			of: (doc) => doc,
			key: (r) => str(r.title),
			title: (r) => str(r.title),
			facts: ["title"],
		},
	],
});

const organizerRemindersPart = definePart({
	key: "organizer_reminders",
	label: "Organizer reminders",
	hint: "Every reminder to the committee at the same distance from its date (day 1, the last day, the call for abstracts), not sent yet; placeholders are filled when it goes out.",
	tables: { organizerReminders },
	read: (db, editionId) =>
		rowsOf(db, organizerReminders, editionId, asc(organizerReminders.position), asc(organizerReminders.subject)),
	toDocument: (list): ReadPart<OrganizerReminderDoc[], { organizerReminders: unknown }> => ({
		doc: list.map(({ anchor, offsetDays, role, subject, body, position }) => ({
			anchor,
			offsetDays,
			role,
			subject,
			body,
			position,
		})),
		ids: { organizerReminders: idsOf(list) },
	}),
	// Placeholders stay: the reminder fills them when it is sent, with the values of that day.
	toRows: (doc, { editionId }) => ({
		organizerReminders: doc.map((reminder) => ({ ...reminder, id: newId(), editionId, sentAt: null })),
	}),
	schema: typed<OrganizerReminderDoc[]>(
		rows(collectionRow("organizer-reminders", ["subject", "body", "anchor", "offsetDays", "role"])),
	),
	rows: [
		{
			what: "organizer reminders",
			table: "organizerReminders",
			of: (doc) => doc,
			key: (r) => str(r.subject),
			title: (r) =>
				`${str(r.subject)} (${describeWhen(r.anchor as OrganizerReminderDoc["anchor"], Number(r.offsetDays)).toLowerCase()})`,
			facts: ["subject", "body"],
		},
	],
});

const sponsorTiersPart = definePart({
	key: "sponsor_tiers",
	label: "Sponsor tiers",
	hint: "The tiers only: sponsors are the companies of one year.",
	tables: { sponsorTiers },
	read: (db, editionId) => rowsOf(db, sponsorTiers, editionId, asc(sponsorTiers.position), asc(sponsorTiers.name)),
	toDocument: (list): ReadPart<SponsorTierDoc[], { sponsorTiers: unknown }> => ({
		doc: list.map(without),
		ids: { sponsorTiers: idsOf(list) },
	}),
	toRows: (doc, { editionId }) => ({ sponsorTiers: doc.map((tier) => ({ ...tier, id: newId(), editionId })) }),
	schema: typed<SponsorTierDoc[]>(rows(collectionRow("sponsor-tiers", ["name"]))),
	rows: [
		{
			what: "sponsor tiers",
			table: "sponsorTiers",
			of: (doc) => doc,
			key: (r) => str(r.name),
			title: (r) => str(r.name),
			facts: ["name"],
		},
	],
});

const emailTextsPart = definePart({
	key: "email_texts",
	label: "Email texts",
	hint: "The texts of the edition's emails (confirmations, calls, the survey invitation), placeholders kept: resolved when a mail is sent.",
	tables: { emailTexts },
	read: (db, editionId) => rowsOf(db, emailTexts, editionId, asc(emailTexts.position), asc(emailTexts.key)),
	toDocument: (list): ReadPart<EmailTextDoc[], { emailTexts: unknown }> => ({
		doc: list.map(without),
		ids: { emailTexts: idsOf(list) },
	}),
	// Subjects and texts keep their placeholders: they are resolved when a mail is sent.
	toRows: (doc, { editionId }) => ({
		emailTexts: doc.map((text) => ({ ...text, id: newId(), editionId })),
	}),
	schema: typed<EmailTextDoc[]>(
		rows(collectionRow("email-texts", ["key", "subject", "body"])).superRefine((list, ctx) =>
			unique(
				list,
				(t) => String(t.key),
				ctx,
				(i) => [i, "key"],
				"email text",
			),
		),
	),
	rows: [
		{
			what: "email texts",
			table: "emailTexts",
			of: (doc) => doc,
			key: (r) => str(r.key),
			title: (r) => str(r.subject),
			facts: ["subject", "body"],
		},
	],
});

/**
 * What no clone or template copies, each with the reason: the people and facts of one edition. A
 * table named here must never be a part's table (test/features/cloning/people.test.ts).
 */
export const NEVER_COPIED = [
	{
		table: editionPeople,
		reason:
			"The public people (committee page, {{committee}}) are the people of one edition: a new host names its own. Last edition's people may be invited as mentors instead.",
	},
	{ table: editionMembers, reason: "The committee of an edition is its own; the new one is invited." },
	{ table: speakers, reason: "Speakers are the people of one edition's program." },
	{ table: talks, reason: "Talks belong to their speakers: named-lecture slots stay empty for the new lecturers." },
	{ table: sessionChairs, reason: "Chairs are speakers of one edition." },
	{ table: sponsors, reason: "Sponsors are the companies of one year; standing partners belong to the series." },
	{
		table: registrations,
		reason:
			"Registrations are people's personal data for one edition: the ticket types and the policy travel, the attendees never.",
	},
] as const;

/** Every part, in the wizard's order (which is also the order rows are written in: parents first). */
export const PART_SPECS = [
	pagesPart,
	roomsTracksPart,
	programPart,
	registrationPart,
	abstractCallPart,
	evaluationPart,
	checklistPart,
	organizerRemindersPart,
	sponsorTiersPart,
	emailTextsPart,
] as const;
