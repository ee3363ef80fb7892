/**
 * The published program of one edition as the subsite and its feeds read it: days, the rooms and
 * tracks in use, and every session with its room, track, named lecture, chairs and talks (with
 * their speakers), times resolved in the edition's zone.
 *
 * Two flat statements in parallel, joined here. Not db.batch(): D1 batches return rows as
 * objects, so drizzle cannot tell the joined tables' same-named columns (id, name) apart.
 * Speakers appear only once they consented to publication (speakers.consented_at), like everywhere
 * else on the public site. Session titles and descriptions come with their placeholders resolved
 * from the edition (one more statement only when one names `{{committee}}`), so the program, the
 * session pages and every feed read the edition's current facts.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	type Edition,
	type NamedLecture,
	namedLectures,
	type Room,
	rooms,
	type Session,
	type Speaker,
	sessionChairs,
	sessions,
	speakers,
	type Talk,
	type Track,
	talkSpeakers,
	talks,
	tracks,
} from "../../db/schema";
import {
	type MissingValue,
	type PlaceholderEdition,
	resolveMarkdownPlaceholders,
	resolvePlaceholders,
} from "../../domain/placeholders";
import { placeholderValuesFor } from "../../domain/public-committee";
import { dateOfDay, dayCount } from "../../lib/dates";
import { resolveSessionStart } from "../../lib/zoned-time";
import { clock, endOf } from "../program";

/** What the program needs of an edition. */
export type ProgramEditionRef = Pick<Edition, "id" | "startDate" | "endDate" | "timeZone"> & PlaceholderEdition;

/** A speaker as the public program shows them (never their account, consent date or contact). */
export type ProgramSpeaker = Pick<
	Speaker,
	"id" | "seq" | "name" | "affiliation" | "bio" | "orcid" | "country" | "photoUrl" | "fictional"
>;

export interface ProgramTalkView extends Omit<Talk, "editionId"> {
	/** In the order they are listed; only speakers who consented to publication. */
	speakers: ProgramSpeaker[];
}

export interface ProgramSessionView extends Omit<Session, "editionId"> {
	// `title` and `description` come resolved as plain text (feeds, JSON-LD, headings).
	/** The description resolved for Markdown rendering (values escaped as text); the loader always sets it. */
	descriptionMarkdown?: string;
	/** Local `YYYY-MM-DD` of the session's day. */
	date: string;
	/** Local wall-clock end, `HH:MM`, as programs print it (a session ending at midnight ends at `24:00`). */
	endTime: string;
	/** The instants the session starts and ends, resolved in the edition's zone. */
	start: Date;
	end: Date;
	room: Room | null;
	track: Track | null;
	namedLecture: NamedLecture | null;
	/** In their order; only speakers who consented to publication. */
	chairs: ProgramSpeaker[];
	talks: ProgramTalkView[];
}

export interface ProgramDay {
	/** From 1. */
	day: number;
	/** Local `YYYY-MM-DD`. */
	date: string;
}

export interface ProgramData {
	/** Every day of the edition, from its start to its end date, with or without sessions. */
	days: ProgramDay[];
	/** The rooms sessions use, in the committee's order. */
	rooms: Room[];
	/** The tracks sessions belong to, in the committee's order. */
	tracks: Track[];
	/** By day, start time, all-room sessions first, then room order. */
	sessions: ProgramSessionView[];
}

/** What the public site shows of a speaker: never their account, consent date or contact. */
export const publicSpeakerColumns = {
	id: speakers.id,
	seq: speakers.seq,
	name: speakers.name,
	affiliation: speakers.affiliation,
	bio: speakers.bio,
	orcid: speakers.orcid,
	country: speakers.country,
	photoUrl: speakers.photoUrl,
	fictional: speakers.fictional,
};

/** Joins a speaker only once they agreed to publication. */
const publishedSpeaker = (speakerId: typeof talkSpeakers.speakerId | typeof sessionChairs.speakerId) =>
	and(eq(speakers.id, speakerId), isNotNull(speakers.consentedAt));

/**
 * The edition's whole program: two D1 statements. `missing`: what a placeholder the edition has no
 * value for becomes (left out publicly, kept as written in a committee preview).
 */
export async function loadProgram(
	db: Database,
	edition: ProgramEditionRef,
	missing: MissingValue = "empty",
): Promise<ProgramData> {
	const sessionList = await querySessions(db, edition, missing);
	const byPosition = <T extends { position: number; name: string }>(list: Iterable<T>) =>
		[...list].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
	const usedRooms = new Map<string, Room>();
	const usedTracks = new Map<string, Track>();
	for (const session of sessionList) {
		if (session.room) usedRooms.set(session.room.id, session.room);
		if (session.track) usedTracks.set(session.track.id, session.track);
	}
	const days = Array.from({ length: dayCount(edition.startDate, edition.endDate) }, (_, i) => ({
		day: i + 1,
		date: dateOfDay(edition.startDate, i + 1),
	}));
	return {
		days,
		rooms: byPosition(usedRooms.values()),
		tracks: byPosition(usedTracks.values()),
		sessions: sessionList,
	};
}

/** One session of the edition by its `seq` (as in `program/{seq}`), or undefined: two D1 statements. */
export async function loadSession(
	db: Database,
	edition: ProgramEditionRef,
	seq: number,
	missing: MissingValue = "empty",
): Promise<ProgramSessionView | undefined> {
	if (!Number.isSafeInteger(seq)) return undefined;
	const [session] = await querySessions(db, edition, missing, seq);
	return session;
}

async function querySessions(
	db: Database,
	edition: ProgramEditionRef,
	missing: MissingValue,
	seq?: number,
): Promise<ProgramSessionView[]> {
	const oneSession = seq === undefined ? undefined : eq(sessions.seq, seq);
	const [sessionRows, talkRows] = await Promise.all([
		// One row per session and chair.
		db
			.select({
				session: sessions,
				room: rooms,
				track: tracks,
				namedLecture: namedLectures,
				chair: publicSpeakerColumns,
			})
			.from(sessions)
			.leftJoin(rooms, eq(rooms.id, sessions.roomId))
			.leftJoin(tracks, eq(tracks.id, sessions.trackId))
			.leftJoin(namedLectures, eq(namedLectures.id, sessions.namedLectureId))
			.leftJoin(sessionChairs, eq(sessionChairs.sessionId, sessions.id))
			.leftJoin(speakers, publishedSpeaker(sessionChairs.speakerId))
			.where(and(eq(sessions.editionId, edition.id), oneSession))
			// SQLite sorts NULL first: all-room sessions (no room) lead their time slot.
			.orderBy(
				asc(sessions.day),
				asc(sessions.startTime),
				asc(rooms.position),
				asc(sessions.seq),
				asc(sessionChairs.position),
			),
		// One row per talk and speaker.
		db
			.select({ talk: talks, speaker: publicSpeakerColumns })
			.from(talks)
			.innerJoin(sessions, eq(sessions.id, talks.sessionId))
			.leftJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
			.leftJoin(speakers, publishedSpeaker(talkSpeakers.speakerId))
			.where(and(eq(talks.editionId, edition.id), oneSession))
			.orderBy(asc(talks.position), asc(talks.title), asc(talks.id), asc(talkSpeakers.position)),
	]);

	const talksBySession = new Map<string, ProgramTalkView[]>();
	let lastTalk: ProgramTalkView | undefined;
	for (const { talk, speaker } of talkRows) {
		if (lastTalk?.id !== talk.id) {
			const { editionId: _, ...fields } = talk;
			lastTalk = { ...fields, speakers: [] };
			talksBySession.set(talk.sessionId, [...(talksBySession.get(talk.sessionId) ?? []), lastTalk]);
		}
		if (speaker) lastTalk.speakers.push(speaker);
	}

	// Sessions at the same day and time share one zone lookup.
	const starts = new Map<string, Date>();
	const startOf = (day: number, time: string) => {
		const key = `${day} ${time}`;
		let start = starts.get(key);
		if (!start) {
			start = resolveSessionStart(edition, day, time);
			starts.set(key, start);
		}
		return start;
	};

	const values = await placeholderValuesFor(
		db,
		edition,
		sessionRows.flatMap(({ session }) => [session.title, session.description]),
	);
	const result: ProgramSessionView[] = [];
	let last: ProgramSessionView | undefined;
	for (const row of sessionRows) {
		if (last?.id !== row.session.id) {
			const { editionId: _, ...session } = row.session;
			const start = startOf(session.day, session.startTime);
			last = {
				...session,
				title: resolvePlaceholders(session.title, values, missing),
				description: resolvePlaceholders(session.description, values, missing),
				descriptionMarkdown: resolveMarkdownPlaceholders(session.description, values, missing),
				date: dateOfDay(edition.startDate, session.day),
				endTime: clock(endOf(session)),
				start,
				end: new Date(start.getTime() + session.durationMinutes * 60_000),
				room: row.room,
				track: row.track,
				namedLecture: row.namedLecture,
				chairs: [],
				talks: talksBySession.get(session.id) ?? [],
			};
			result.push(last);
		}
		if (row.chair) last.chairs.push(row.chair);
	}
	return result;
}
