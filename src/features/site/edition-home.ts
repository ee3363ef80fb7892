import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	type Edition,
	type NamedLecture,
	namedLectures,
	type Session,
	type SessionKind,
	type Speaker,
	sessions,
	speakers,
	type Track,
	talkSpeakers,
	talks,
	tracks,
} from "../../db/schema";

/** A lecture worth announcing on the home page: named and plenary lectures with their speakers. */
export interface Highlight {
	session: Session;
	namedLecture: NamedLecture | null;
	title: string;
	speakers: Pick<Speaker, "seq" | "name" | "affiliation">[];
}

export interface EditionHome {
	tracks: Track[];
	highlights: Highlight[];
}

const HIGHLIGHT_KINDS: SessionKind[] = ["named_lecture", "plenary"];

/** What the edition home shows besides the edition row: its tracks and highlighted lectures (2 queries). */
export async function loadEditionHome(db: Database, edition: Pick<Edition, "id">): Promise<EditionHome> {
	// Not db.batch(): D1 batches return rows as objects, so drizzle cannot tell apart the joined
	// tables' same-named columns (id, name). Two parallel statements cost the same budget.
	const [trackRows, lectureRows] = await Promise.all([
		db.select().from(tracks).where(eq(tracks.editionId, edition.id)).orderBy(asc(tracks.position)),
		db
			.select({
				session: sessions,
				namedLecture: namedLectures,
				talkId: talks.id,
				talkTitle: talks.title,
				speaker: { seq: speakers.seq, name: speakers.name, affiliation: speakers.affiliation },
			})
			.from(sessions)
			.leftJoin(namedLectures, eq(namedLectures.id, sessions.namedLectureId))
			.innerJoin(talks, eq(talks.sessionId, sessions.id))
			.leftJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
			.leftJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
			.where(and(eq(sessions.editionId, edition.id), inArray(sessions.kind, HIGHLIGHT_KINDS)))
			.orderBy(asc(sessions.day), asc(sessions.startTime), asc(talks.position), asc(talkSpeakers.position)),
	]);

	const highlights = new Map<string, Highlight>();
	for (const row of lectureRows) {
		let highlight = highlights.get(row.talkId);
		if (!highlight) {
			highlight = { session: row.session, namedLecture: row.namedLecture, title: row.talkTitle, speakers: [] };
			highlights.set(row.talkId, highlight);
		}
		if (row.speaker) highlight.speakers.push(row.speaker);
	}
	// Named lectures lead: they are the series' tradition.
	const ordered = [...highlights.values()].sort(
		(a, b) => Number(b.namedLecture !== null) - Number(a.namedLecture !== null),
	);
	return { tracks: trackRows, highlights: ordered };
}
