/**
 * What the public series page shows: the public editions as a timeline, every named lecture with
 * each time it was given, and the open call for hosts. Five statements sent at once (one round
 * trip), each scoped to the series by its slug, so an unknown slug costs no extra lookup.
 */
import { and, asc, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	type Edition,
	editions,
	hostCalls,
	type NamedLecture,
	namedLectures,
	type Series,
	series,
	sessions,
	speakers,
	talkSpeakers,
	talks,
} from "../../db/schema";
import { PUBLIC_STATUSES } from "../../domain/series";

/** One time a named lecture was given: the edition, the session, the talk and its lecturers. */
export interface LectureGiven {
	year: number;
	editionName: string;
	sessionSeq: number;
	/** The talk's title; null while the edition has not filled the slot yet. */
	title: string | null;
	speakers: { name: string; affiliation: string }[];
}

export interface LectureHistory {
	lecture: NamedLecture;
	/** Newest first. */
	given: LectureGiven[];
}

export interface OpenCall {
	id: string;
	forYear: number;
	deadline: string;
	requirements: string;
}

export interface SeriesPageData {
	series: Series;
	/** Public editions, newest first. */
	editions: Edition[];
	lectures: LectureHistory[];
	openCall: OpenCall | null;
}

/**
 * Every time a named lecture was given in an edition matching `editionFilter` (a condition on
 * `editions`), newest edition first: one statement, rows for `lectureHistories`. The series page
 * asks for the public editions of its series; an edition subsite adds itself, for its preview.
 */
export function lecturesGivenQuery(db: Database, editionFilter: SQL | undefined) {
	return (
		db
			.select({
				lectureId: sessions.namedLectureId,
				year: editions.year,
				editionName: editions.name,
				sessionSeq: sessions.seq,
				talkId: talks.id,
				title: talks.title,
				speaker: { name: speakers.name, affiliation: speakers.affiliation },
			})
			.from(sessions)
			.innerJoin(editions, eq(editions.id, sessions.editionId))
			.leftJoin(talks, eq(talks.sessionId, sessions.id))
			.leftJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
			// A speaker's name is published only once they agreed to it.
			.leftJoin(speakers, and(eq(speakers.id, talkSpeakers.speakerId), isNotNull(speakers.consentedAt)))
			.where(and(eq(sessions.kind, "named_lecture"), isNotNull(sessions.namedLectureId), editionFilter))
			.orderBy(
				desc(editions.year),
				asc(sessions.day),
				asc(sessions.startTime),
				asc(talks.position),
				asc(talkSpeakers.position),
			)
	);
}

/** The rows of `lecturesGivenQuery` under their lectures, in the lectures' order. */
export function lectureHistories(
	lectures: NamedLecture[],
	givenRows: Awaited<ReturnType<typeof lecturesGivenQuery>>,
): LectureHistory[] {
	const history = new Map<string, LectureGiven[]>(lectures.map((l) => [l.id, []]));
	// One entry per session and talk; a session without a talk yet is an unfilled slot.
	const byKey = new Map<string, LectureGiven>();
	for (const row of givenRows) {
		if (!row.lectureId) continue;
		const key = `${row.year}/${row.sessionSeq}/${row.talkId ?? ""}`;
		let given = byKey.get(key);
		if (!given) {
			given = {
				year: row.year,
				editionName: row.editionName,
				sessionSeq: row.sessionSeq,
				title: row.title,
				speakers: [],
			};
			byKey.set(key, given);
			history.get(row.lectureId)?.push(given);
		}
		if (row.speaker) given.speakers.push(row.speaker);
	}
	return lectures.map((lecture) => ({ lecture, given: history.get(lecture.id) ?? [] }));
}

/** The series page's data, or undefined for an unknown slug. */
export async function loadSeriesPage(db: Database, slug: string): Promise<SeriesPageData | undefined> {
	const seriesId = db.select({ id: series.id }).from(series).where(eq(series.slug, slug));
	const publicEdition = and(inArray(editions.seriesId, seriesId), inArray(editions.status, [...PUBLIC_STATUSES]));
	// Not db.batch(): D1 batches return rows as objects, so drizzle could not tell apart the joined
	// tables' same-named columns (title, name, position). Parallel statements cost the same budget.
	const [found, editionRows, lectureRows, givenRows, call] = await Promise.all([
		db.select().from(series).where(eq(series.slug, slug)).get(),
		db.select().from(editions).where(publicEdition).orderBy(desc(editions.year)),
		db.select().from(namedLectures).where(inArray(namedLectures.seriesId, seriesId)).orderBy(asc(namedLectures.name)),
		lecturesGivenQuery(db, publicEdition),
		db
			.select({
				id: hostCalls.id,
				forYear: hostCalls.forYear,
				deadline: hostCalls.deadline,
				requirements: hostCalls.requirements,
			})
			.from(hostCalls)
			.where(and(inArray(hostCalls.seriesId, seriesId), eq(hostCalls.status, "open")))
			.get(),
	]);
	if (!found) return undefined;

	return {
		series: found,
		editions: editionRows,
		lectures: lectureHistories(lectureRows, givenRows),
		openCall: call ?? null,
	};
}

export type EditionTiming = "upcoming" | "now" | "past";

/** Whether an edition is still to come, on now, or over, by the calendar in its own time zone. */
export function editionTiming(edition: Pick<Edition, "startDate" | "endDate" | "timeZone">, now: Date): EditionTiming {
	// en-CA writes dates as YYYY-MM-DD.
	const today = new Intl.DateTimeFormat("en-CA", { timeZone: edition.timeZone }).format(now);
	if (today < edition.startDate) return "upcoming";
	return today > edition.endDate ? "past" : "now";
}
