/**
 * The program's rules of time and place, as plain functions over wall-clock slots (day index,
 * local HH:MM, minutes; src/README.md, "Time"): what may be saved (a day of the edition, ending by
 * midnight, one session per room at a time, talks that fit their session) and what only deserves
 * a warning (a speaker in two places at once). No I/O: ./program.ts loads the rows and asks.
 */
import type { SessionKind } from "../../db/schema";

export interface Slot {
	day: number;
	startTime: string;
	durationMinutes: number;
}

/** A session as the rules see it. `roomId` null: the session takes every room. */
export interface PlacedSession extends Slot {
	id: string;
	title: string;
	roomId: string | null;
}

/** Messages by field name, as the API's `fields` and the forms show them. */
export type FieldMessages = Record<string, string>;

const MINUTES_PER_DAY = 24 * 60;

/** "10:45" → 645. */
export function minutesOf(hhmm: string): number {
	const [hours, minutes] = hhmm.split(":").map(Number);
	return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** 645 → "10:45"; the end of the day is "24:00", as programs print it. */
export function clock(minutes: number): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const endOf = (slot: Slot) => minutesOf(slot.startTime) + slot.durationMinutes;

/** "10:45–12:15". */
export const timeRange = (slot: Slot) => `${slot.startTime}–${clock(endOf(slot))}`;

/** Both on one day and sharing at least a minute (a session may start when the previous one ends). */
export function overlaps(a: Slot, b: Slot): boolean {
	return a.day === b.day && minutesOf(a.startTime) < endOf(b) && minutesOf(b.startTime) < endOf(a);
}

/** A session without a room takes all rooms, so it shares a room with every other session. */
export const sharesRoom = (a: Pick<PlacedSession, "roomId">, b: Pick<PlacedSession, "roomId">) =>
	a.roomId === null || b.roomId === null || a.roomId === b.roomId;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Where a session may go: on a day of the edition, ending by midnight (a session belongs to the
 * day it starts on), and in a room no other session holds at that time. `others` are the other
 * sessions of the edition (the session itself excluded when it is being changed).
 */
export function placementProblems(
	session: Omit<PlacedSession, "id" | "title">,
	context: { dayCount: number; others: readonly PlacedSession[]; roomName: (id: string) => string },
): FieldMessages {
	const problems: FieldMessages = {};
	if (session.day > context.dayCount) problems.day = `The edition has ${plural(context.dayCount, "day")}.`;
	if (endOf(session) > MINUTES_PER_DAY) {
		problems.durationMinutes = `The session would end after midnight (${clock(endOf(session) - MINUTES_PER_DAY)} the next day); end it by 24:00.`;
	}
	const clash = context.others
		.filter((other) => overlaps(session, other) && sharesRoom(session, other))
		.sort((a, b) => minutesOf(a.startTime) - minutesOf(b.startTime))[0];
	if (clash) {
		const where = clash.roomId === null ? "all rooms" : context.roomName(clash.roomId);
		problems.startTime = `Overlaps “${clash.title}” in ${where}, ${timeRange(clash)}.`;
	}
	return problems;
}

/** A named-lecture session names its lecture; no other kind does. */
export function lectureProblems(session: { kind: SessionKind; namedLectureId: string | null }): FieldMessages {
	if (session.kind === "named_lecture" && !session.namedLectureId) {
		return { namedLectureId: "Choose the named lecture this session holds." };
	}
	if (session.kind !== "named_lecture" && session.namedLectureId) {
		return { namedLectureId: "Only a session of the kind Named lecture holds a named lecture." };
	}
	return {};
}

/** Minutes the talks claim; a talk without a duration claims none (it fills what is left). */
export const talkMinutes = (talks: readonly { durationMinutes: number | null }[]) =>
	talks.reduce((sum, talk) => sum + (talk.durationMinutes ?? 0), 0);

/** A session must be at least as long as its talks together. */
export function sessionLengthProblems(
	durationMinutes: number,
	talks: readonly { durationMinutes: number | null }[],
): FieldMessages {
	const needed = talkMinutes(talks);
	return needed > durationMinutes
		? { durationMinutes: `The talks of this session take ${needed} minutes; make the session at least that long.` }
		: {};
}

/** A talk must fit in what its session's other talks leave. */
export function talkFitProblems(
	talk: { durationMinutes: number | null },
	session: { durationMinutes: number },
	otherTalks: readonly { durationMinutes: number | null }[],
): FieldMessages {
	const total = talkMinutes([...otherTalks, talk]);
	return total > session.durationMinutes
		? {
				durationMinutes: `The talks would take ${total} minutes, but the session lasts ${session.durationMinutes}.`,
			}
		: {};
}

export type ProgramWarning =
	| { kind: "speaker"; speakerId: string; sessions: [PlacedSession, PlacedSession] }
	| { kind: "room"; sessions: [PlacedSession, PlacedSession] };

/**
 * What the program overview warns about without refusing it: a speaker (chairing or speaking) in
 * two sessions at overlapping times, and two sessions in one room at once. Saving refuses the
 * latter, but it can still arise afterwards (a removed room turns its sessions into all-room ones).
 */
export function programWarnings(sessions: readonly (PlacedSession & { speakerIds: readonly string[] })[]) {
	const ordered = [...sessions].sort((a, b) => a.day - b.day || minutesOf(a.startTime) - minutesOf(b.startTime));
	const warnings: ProgramWarning[] = [];
	ordered.forEach((a, i) => {
		for (const b of ordered.slice(i + 1)) {
			if (!overlaps(a, b)) continue;
			if (sharesRoom(a, b)) warnings.push({ kind: "room", sessions: [a, b] });
			const inB = new Set(b.speakerIds);
			for (const speakerId of new Set(a.speakerIds)) {
				if (inB.has(speakerId)) warnings.push({ kind: "speaker", speakerId, sessions: [a, b] });
			}
		}
	});
	return warnings;
}
