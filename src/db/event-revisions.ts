/**
 * Revisions of the program's calendar events (`sessions.revision`, written as the iCalendar
 * SEQUENCE of a session's VEVENT).
 *
 * Why a stored counter and not something derived at read time: RFC 5545 (3.8.7.4) wants SEQUENCE
 * to grow whenever the event changes and never to go down. A hash of the event is not monotonic;
 * the edition's content version is, but it moves with every edit of the edition (a sponsor, a
 * page) and used to move with its sibling editions too, so subscribers of an untouched event saw
 * updates. So each write that changes what an event shows raises that event's revision in its own
 * batch, and only then:
 *
 * - the session row: title, description, day, start, duration, room, and its chairs (program.ts);
 * - its talks: added, removed, retitled, reordered, other speakers (program.ts);
 * - a room it is in renamed or removed, a speaker it names renamed, re-affiliated, removed, or
 *   their consent to publication given or withdrawn (the content collections);
 * - the edition's venue, city, first day or time zone (where and when every event is).
 *
 * Not counted: the canonical host name (it changes the event's link, never its time or place;
 * RFC 5546, 2.1.4 counts only changes of time, recurrence and status as significant, and the
 * URL keeps working on the main host). A cloned session starts again at 0 in its new edition.
 */
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { sessionChairs, sessions, talkSpeakers, talks } from "./schema";

/** Raises the revision of the sessions `where` selects, by one. */
export function reviseSessions(db: Database, where: SQL | undefined) {
	return db
		.update(sessions)
		.set({ revision: sql`${sessions.revision} + 1` })
		.where(where);
}

/** Every event of the edition (its venue, first day or time zone changed). */
export const reviseEditionEvents = (db: Database, editionId: string) =>
	reviseSessions(db, eq(sessions.editionId, editionId));

/** The events held in `roomId` (renamed, or removed: they lose their room). */
export const reviseRoomEvents = (db: Database, editionId: string, roomId: string) =>
	reviseSessions(db, and(eq(sessions.editionId, editionId), eq(sessions.roomId, roomId)));

/** The events naming `speakerId`, as a chair or as one of a talk's speakers. */
export function reviseSpeakerEvents(db: Database, editionId: string, speakerId: string) {
	const chaired = db
		.select({ id: sessionChairs.sessionId })
		.from(sessionChairs)
		.where(eq(sessionChairs.speakerId, speakerId));
	const spoken = db
		.select({ id: talks.sessionId })
		.from(talks)
		.innerJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
		.where(eq(talkSpeakers.speakerId, speakerId));
	return reviseSessions(
		db,
		and(eq(sessions.editionId, editionId), or(inArray(sessions.id, chaired), inArray(sessions.id, spoken))),
	);
}

/** True when two values differ as the database stores them (dates by their instant, lists in order). */
export function differs(a: unknown, b: unknown): boolean {
	if (a instanceof Date || b instanceof Date) {
		return (a instanceof Date ? a.getTime() : a) !== (b instanceof Date ? b.getTime() : b);
	}
	if (Array.isArray(a) && Array.isArray(b)) return a.length !== b.length || a.some((x, i) => differs(x, b[i]));
	return a !== b;
}

/** True when `after` gives any of `fields` another value than `before` has (fields `after` leaves out stay). */
export function changesAny<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T)[]) {
	return fields.some((field) => field in after && differs(before[field], after[field]));
}
