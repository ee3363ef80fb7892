/**
 * An edition's program: sessions (with their chairs) and the talks inside them (with their
 * speakers). Every query is scoped by the edition; every write is one batch through
 * writeEditionContent, so a session and its link lists change together with the content version.
 * Nothing is written unless the whole input passes: field rules in ./schemas.ts, domain rules
 * (./rules.ts and the references checked here) as one 422 naming each field.
 */
import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { changesAny, differs, reviseSessions } from "../../db/event-revisions";
import {
	type Edition,
	namedLectures,
	rooms,
	type Session,
	sessionChairs,
	sessions,
	speakers,
	type Talk,
	talkSpeakers,
	talks,
	tracks,
} from "../../db/schema";
import { readTogether } from "../../db/write";
import { reviewedStatement } from "../../domain/copied-texts";
import { placeholderProblems } from "../../domain/placeholders";
import { lectureSessionTitle } from "../../domain/series";
import { dayCount } from "../../lib/dates";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { collectionByKey, listItems } from "../content";
import {
	type FieldMessages,
	lectureProblems,
	placementProblems,
	programWarnings,
	sessionLengthProblems,
	talkFitProblems,
} from "./rules";
import type { SessionData, TalkData } from "./schemas";

export interface ProgramTalk extends Talk {
	/** In the order they are listed. */
	speakerIds: string[];
}

export interface ProgramSession extends Session {
	chairIds: string[];
	talks: ProgramTalk[];
}

/** What the program's rules need of an edition. */
export type ProgramEdition = Pick<Edition, "id" | "seriesId" | "year" | "startDate" | "endDate">;

/**
 * The program of an edition (or one session of it): by day and start time, sessions in all rooms
 * before those in one room, then by room order; talks by their order.
 */
export async function listProgram(db: Database, editionId: string, sessionId?: string): Promise<ProgramSession[]> {
	const inSession = (column: AnySQLiteColumn) => (sessionId === undefined ? undefined : eq(column, sessionId));
	const [sessionRows, talkRows, speakerRows, chairRows] = await readTogether(db, [
		db
			.select(getTableColumns(sessions))
			.from(sessions)
			.leftJoin(rooms, eq(rooms.id, sessions.roomId))
			.where(and(eq(sessions.editionId, editionId), inSession(sessions.id)))
			// SQLite sorts NULL first: all-room sessions (no room) lead their time slot.
			.orderBy(asc(sessions.day), asc(sessions.startTime), asc(rooms.position), asc(sessions.seq)),
		db
			.select()
			.from(talks)
			.where(and(eq(talks.editionId, editionId), inSession(talks.sessionId)))
			.orderBy(asc(talks.position), asc(talks.title)),
		db
			.select({ talkId: talkSpeakers.talkId, speakerId: talkSpeakers.speakerId })
			.from(talkSpeakers)
			.innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
			.where(and(eq(talkSpeakers.editionId, editionId), inSession(talks.sessionId)))
			.orderBy(asc(talkSpeakers.position)),
		db
			.select({ sessionId: sessionChairs.sessionId, speakerId: sessionChairs.speakerId })
			.from(sessionChairs)
			.where(and(eq(sessionChairs.editionId, editionId), inSession(sessionChairs.sessionId)))
			.orderBy(asc(sessionChairs.position)),
	]);
	const idsBy = <K extends string>(rows: ({ speakerId: string } & Record<K, string>)[], key: K) => {
		const map = new Map<string, string[]>();
		for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row.speakerId]);
		return map;
	};
	const speakersByTalk = idsBy(speakerRows, "talkId");
	const chairsBySession = idsBy(chairRows, "sessionId");
	const talksBySession = new Map<string, ProgramTalk[]>();
	for (const talk of talkRows) {
		const list = talksBySession.get(talk.sessionId) ?? [];
		list.push({ ...talk, speakerIds: speakersByTalk.get(talk.id) ?? [] });
		talksBySession.set(talk.sessionId, list);
	}
	return sessionRows.map((session) => ({
		...session,
		chairIds: chairsBySession.get(session.id) ?? [],
		talks: talksBySession.get(session.id) ?? [],
	}));
}

export async function findSession(db: Database, editionId: string, sessionId: string): Promise<ProgramSession> {
	const [session] = await listProgram(db, editionId, sessionId);
	if (!session) throw notFound("This session");
	return session;
}

/** A talk of the edition with the session it belongs to. */
export async function findTalk(db: Database, editionId: string, talkId: string) {
	const talk = await db
		.select({ sessionId: talks.sessionId })
		.from(talks)
		.where(and(eq(talks.id, talkId), eq(talks.editionId, editionId)))
		.get();
	const session = talk ? await findSession(db, editionId, talk.sessionId) : undefined;
	const found = session?.talks.find((t) => t.id === talkId);
	if (!session || !found) throw notFound("This talk");
	return { session, talk: found };
}

/** The field values of a stored session: what its form starts from and a PATCH is laid over. */
export const sessionDataOf = (s: ProgramSession): SessionData => ({
	kind: s.kind,
	title: s.title,
	description: s.description,
	day: s.day,
	startTime: s.startTime,
	durationMinutes: s.durationMinutes,
	roomId: s.roomId,
	trackId: s.trackId,
	namedLectureId: s.namedLectureId,
	chairIds: s.chairIds,
});

export const talkDataOf = (t: ProgramTalk): TalkData => ({
	title: t.title,
	abstract: t.abstract,
	durationMinutes: t.durationMinutes,
	position: t.position,
	speakerIds: t.speakerIds,
});

const invalidProgram = (fields: FieldMessages) =>
	new AppError(422, "invalid_program", "This does not fit the program.", fields);

/** Lays later messages under earlier ones: the first problem found for a field is the one shown. */
const firstPerField = (...groups: FieldMessages[]): FieldMessages => Object.assign({}, ...groups.reverse());

/** The ids in `ids` that are not speakers of the edition. */
async function foreignSpeakers(db: Database, editionId: string, ids: readonly string[]) {
	if (ids.length === 0) return [];
	const found = await db
		.select({ id: speakers.id })
		.from(speakers)
		.where(and(eq(speakers.editionId, editionId), inArray(speakers.id, [...ids])));
	const known = new Set(found.map((row) => row.id));
	return ids.filter((id) => !known.has(id));
}

/**
 * Every domain rule of a session, checked against the stored program; `self` is the session being
 * changed. Returns the name of its named lecture (null for none).
 */
async function checkSession(
	db: Database,
	edition: ProgramEdition,
	data: SessionData,
	self?: ProgramSession,
): Promise<string | null> {
	const [editionRooms, sameDay, trackFound, lecture, strangers] = await Promise.all([
		db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.editionId, edition.id)),
		db
			.select({
				id: sessions.id,
				title: sessions.title,
				day: sessions.day,
				startTime: sessions.startTime,
				durationMinutes: sessions.durationMinutes,
				roomId: sessions.roomId,
			})
			.from(sessions)
			.where(and(eq(sessions.editionId, edition.id), eq(sessions.day, data.day))),
		data.trackId === null ||
			db
				.select({ id: tracks.id })
				.from(tracks)
				.where(and(eq(tracks.id, data.trackId), eq(tracks.editionId, edition.id)))
				.get()
				.then(Boolean),
		// Named lectures belong to the series: every edition of it may hold them.
		data.namedLectureId === null
			? null
			: db
					.select({ name: namedLectures.name })
					.from(namedLectures)
					.where(and(eq(namedLectures.id, data.namedLectureId), eq(namedLectures.seriesId, edition.seriesId)))
					.get(),
		foreignSpeakers(db, edition.id, data.chairIds),
	]);
	const roomNames = new Map(editionRooms.map((room) => [room.id, room.name]));
	const references: FieldMessages = {};
	if (data.roomId !== null && !roomNames.has(data.roomId)) references.roomId = "Choose a room of this edition.";
	if (!trackFound) references.trackId = "Choose a track of this edition.";
	if (data.namedLectureId !== null && !lecture) references.namedLectureId = "Choose a named lecture of this series.";
	if (strangers.length > 0) references.chairIds = "Choose chairs among the speakers of this edition.";
	const problems = firstPerField(
		references,
		// Titles and descriptions are resolved when shown: a placeholder nobody fills would show as written.
		placeholderProblems(data, ["title", "description"]),
		lectureProblems(data),
		placementProblems(data, {
			dayCount: dayCount(edition.startDate, edition.endDate),
			others: sameDay.filter((other) => other.id !== self?.id),
			roomName: (id) => roomNames.get(id) ?? "its room",
		}),
		self ? sessionLengthProblems(data.durationMinutes, self.talks) : {},
	);
	if (Object.keys(problems).length > 0) throw invalidProgram(problems);
	return lecture?.name ?? null;
}

/** Link rows in list order; one insert, since the list fields keep them under D1's parameter limit. */
function linkRows<T extends typeof sessionChairs | typeof talkSpeakers>(
	db: Database,
	table: T,
	rows: T["$inferInsert"][],
): BatchItem<"sqlite">[] {
	return rows.length === 0 ? [] : [db.insert(table).values(rows as never)];
}

const sessionColumns = (data: SessionData) => ({
	kind: data.kind,
	title: data.title,
	description: data.description,
	day: data.day,
	startTime: data.startTime,
	durationMinutes: data.durationMinutes,
	roomId: data.roomId,
	trackId: data.trackId,
	namedLectureId: data.namedLectureId,
});

const chairRows = (editionId: string, sessionId: string, chairIds: readonly string[]) =>
	chairIds.map((speakerId, position) => ({ editionId, sessionId, speakerId, position }));

/**
 * Adds a session with the next per-edition seq and a new guid (neither ever changes); returns its id.
 *
 * @example const id = await createSession(db, edition, { kind: "break", title: "Lunch", … });
 */
export async function createSession(db: Database, edition: ProgramEdition, data: SessionData): Promise<string> {
	const lectureName = await checkSession(db, edition, data);
	const id = newId();
	await writeEditionContent(
		db,
		edition.id,
		[
			db.insert(sessions).values({
				...sessionColumns(data),
				// A named-lecture session is titled after its lecture and this edition's year, stored as such.
				...(lectureName === null ? {} : { title: lectureSessionTitle(lectureName, edition.year) }),
				id,
				editionId: edition.id,
				// Computed in the insert, so two sessions added at once cannot take the same number.
				seq: sql`(select coalesce(max(${sessions.seq}), 0) + 1 from ${sessions} where ${sessions.editionId} = ${edition.id})`,
				guid: crypto.randomUUID(),
			}),
			...linkRows(db, sessionChairs, chairRows(edition.id, id, data.chairIds)),
		],
		[{ action: "program.session.created", id, after: { ...sessionColumns(data), chairIds: data.chairIds } }],
	);
	return id;
}

/** What a session's calendar event shows of its own row (src/db/event-revisions.ts). */
const EVENT_FIELDS = ["title", "description", "day", "startTime", "durationMinutes", "roomId"] as const;

/**
 * Replaces a session's fields and its chairs (the whole list) in one batch; its event's revision
 * goes up when the event shows something else afterwards.
 */
export async function updateSession(db: Database, edition: ProgramEdition, sessionId: string, data: SessionData) {
	const existing = await findSession(db, edition.id, sessionId);
	const lectureName = await checkSession(db, edition, data, existing);
	// Linked to another lecture: titled after it, as when created; otherwise the title stays as edited.
	const written: SessionData = {
		...data,
		title:
			lectureName !== null && data.namedLectureId !== existing.namedLectureId
				? lectureSessionTitle(lectureName, edition.year)
				: data.title,
	};
	const revised = changesAny(existing, written, EVENT_FIELDS) || differs(existing.chairIds, data.chairIds);
	await writeEditionContent(
		db,
		edition.id,
		[
			db
				.update(sessions)
				.set({ ...sessionColumns(written), ...(revised ? { revision: sql`${sessions.revision} + 1` } : {}) })
				.where(and(eq(sessions.id, sessionId), eq(sessions.editionId, edition.id))),
			db
				.delete(sessionChairs)
				.where(and(eq(sessionChairs.sessionId, sessionId), eq(sessionChairs.editionId, edition.id))),
			...linkRows(db, sessionChairs, chairRows(edition.id, sessionId, data.chairIds)),
			// Saving a copied session through its editor is its review.
			reviewedStatement(db, edition.id, "sessions", sessionId),
		],
		[
			{
				action: "program.session.updated",
				id: sessionId,
				before: { ...sessionColumns(existing), chairIds: existing.chairIds },
				after: { ...sessionColumns(written), chairIds: data.chairIds },
			},
		],
	);
}

/** Removes a session; its talks, their speaker links and its chairs go with it (foreign keys cascade). */
export async function deleteSession(db: Database, editionId: string, sessionId: string) {
	const existing = await findSession(db, editionId, sessionId);
	await writeEditionContent(
		db,
		editionId,
		[db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.editionId, editionId)))],
		[{ action: "program.session.deleted", id: sessionId, before: sessionColumns(existing) }],
	);
}

async function checkTalk(db: Database, editionId: string, session: ProgramSession, data: TalkData, selfId?: string) {
	const strangers = await foreignSpeakers(db, editionId, data.speakerIds);
	const problems = firstPerField(
		strangers.length > 0 ? { speakerIds: "Choose speakers of this edition." } : {},
		talkFitProblems(
			data,
			session,
			session.talks.filter((talk) => talk.id !== selfId),
		),
	);
	if (Object.keys(problems).length > 0) throw invalidProgram(problems);
}

const speakerRows = (editionId: string, talkId: string, speakerIds: readonly string[]) =>
	speakerIds.map((speakerId, position) => ({ editionId, talkId, speakerId, position }));

/** Adds a talk to a session (at the end unless an order is given); returns its id. */
export async function createTalk(db: Database, editionId: string, sessionId: string, data: TalkData): Promise<string> {
	const session = await findSession(db, editionId, sessionId);
	await checkTalk(db, editionId, session, data);
	const id = newId();
	await writeEditionContent(
		db,
		editionId,
		[
			db.insert(talks).values({
				id,
				editionId,
				sessionId,
				title: data.title,
				abstract: data.abstract,
				durationMinutes: data.durationMinutes,
				position:
					data.position ??
					sql`(select coalesce(max(${talks.position}), 0) + 1 from ${talks} where ${talks.sessionId} = ${sessionId})`,
			}),
			...linkRows(db, talkSpeakers, speakerRows(editionId, id, data.speakerIds)),
			reviseSession(db, editionId, sessionId),
		],
		[{ action: "program.talk.created", id, after: { sessionId, ...data } }],
	);
	return id;
}

/** What a session's calendar event shows of a talk in it: its title, place in the list and speakers. */
const talkShowsOtherwise = (talk: ProgramTalk, data: TalkData) =>
	differs(talk.title, data.title) ||
	differs(talk.position, data.position ?? talk.position) ||
	differs(talk.speakerIds, data.speakerIds);

/** Raises the revision of one session's event: a talk in it came, went or changed. */
const reviseSession = (db: Database, editionId: string, sessionId: string) =>
	reviseSessions(db, and(eq(sessions.id, sessionId), eq(sessions.editionId, editionId)));

/** Replaces a talk's fields and its speakers (the whole list, in order) in one batch. */
export async function updateTalk(db: Database, editionId: string, talkId: string, data: TalkData) {
	const { session, talk } = await findTalk(db, editionId, talkId);
	await checkTalk(db, editionId, session, data, talkId);
	await writeEditionContent(
		db,
		editionId,
		[
			...(talkShowsOtherwise(talk, data) ? [reviseSession(db, editionId, session.id)] : []),
			db
				.update(talks)
				.set({
					title: data.title,
					abstract: data.abstract,
					durationMinutes: data.durationMinutes,
					position: data.position ?? talk.position,
				})
				.where(and(eq(talks.id, talkId), eq(talks.editionId, editionId))),
			db.delete(talkSpeakers).where(and(eq(talkSpeakers.talkId, talkId), eq(talkSpeakers.editionId, editionId))),
			...linkRows(db, talkSpeakers, speakerRows(editionId, talkId, data.speakerIds)),
		],
		[
			{
				action: "program.talk.updated",
				id: talkId,
				before: {
					title: talk.title,
					abstract: talk.abstract,
					durationMinutes: talk.durationMinutes,
					position: talk.position,
					speakerIds: talk.speakerIds,
				},
				after: { ...data, position: data.position ?? talk.position },
			},
		],
	);
	return session.id;
}

/** Removes a talk and its speaker links (cascade); returns the session it was in. */
export async function deleteTalk(db: Database, editionId: string, talkId: string) {
	const { session, talk } = await findTalk(db, editionId, talkId);
	await writeEditionContent(
		db,
		editionId,
		[
			db.delete(talks).where(and(eq(talks.id, talkId), eq(talks.editionId, editionId))),
			reviseSession(db, editionId, session.id),
		],
		[{ action: "program.talk.deleted", id: talkId, before: { sessionId: session.id, title: talk.title } }],
	);
	return session.id;
}

/** The warnings of a stored program: the people of a session are its chairs and its talks' speakers. */
export const warningsOf = (program: readonly ProgramSession[]) =>
	programWarnings(program.map((s) => ({ ...s, speakerIds: [...s.chairIds, ...s.talks.flatMap((t) => t.speakerIds)] })));

/** Names of the edition's rooms, tracks and speakers and of the series' named lectures, by id. */
export interface ProgramNames {
	rooms: Map<string, string>;
	tracks: Map<string, string>;
	speakers: Map<string, string>;
	lectures: Map<string, string>;
}

/** A content collection's row labels by id, in the collection's own order (rooms by their order, …). */
async function labelsOf(db: Database, key: "rooms" | "tracks" | "speakers", editionId: string) {
	const def = collectionByKey(key);
	if (!def) throw new Error(`The content collection ${key} is missing.`);
	const rows = await listItems(db, def, editionId);
	return new Map(rows.map((row) => [String(row.id), def.label(row)]));
}

/** What the program's pages name and offer in their selects. */
export async function programNames(db: Database, edition: Pick<Edition, "id" | "seriesId">): Promise<ProgramNames> {
	const [roomNames, trackNames, speakerNames, lectures] = await Promise.all([
		labelsOf(db, "rooms", edition.id),
		labelsOf(db, "tracks", edition.id),
		labelsOf(db, "speakers", edition.id),
		db
			.select({ id: namedLectures.id, name: namedLectures.name })
			.from(namedLectures)
			.where(eq(namedLectures.seriesId, edition.seriesId))
			.orderBy(asc(namedLectures.name)),
	]);
	return {
		rooms: roomNames,
		tracks: trackNames,
		speakers: speakerNames,
		lectures: new Map(lectures.map((lecture) => [lecture.id, lecture.name])),
	};
}
