/**
 * What the edition home shows besides the edition row: its tracks, highlighted lectures, the
 * committee's "home" page, and the dates that matter (call for abstracts, ticket sales). Two
 * statements sent at once, so with the tenant the home stays within its budget of three.
 */
import { and, asc, eq, inArray, isNotNull, max, min, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	type Edition,
	editions,
	type NamedLecture,
	namedLectures,
	pages,
	type Session,
	type SessionKind,
	type Speaker,
	sessions,
	speakers,
	type TicketAvailability,
	talkSpeakers,
	talks,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { editionAvailability } from "../../domain/ticket-availability";
import { dayCount } from "../../lib/dates";
import { resolveOffset, resolveSessionStart, type ZonedEdition } from "../../lib/zoned-time";
import { clock } from "../program";
import { type JsonRow, jsonRows, parseJsonRows } from "./json-rows";
import { type KeyDate, keyDates } from "./key-dates";

/** A lecture worth announcing on the home page: named and plenary lectures with their speakers. */
export interface Highlight {
	session: Session;
	namedLecture: NamedLecture | null;
	title: string;
	speakers: Pick<Speaker, "seq" | "name" | "affiliation">[];
}

const trackColumns = {
	id: tracks.id,
	name: tracks.name,
	audience: tracks.audience,
	color: tracks.color,
	position: tracks.position,
};
export type HomeTrack = JsonRow<typeof trackColumns>;

const ticketColumns = {
	name: ticketTypes.name,
	salesOpenOffsetDays: ticketTypes.salesOpenOffsetDays,
	salesOpenTime: ticketTypes.salesOpenTime,
	salesCloseOffsetDays: ticketTypes.salesCloseOffsetDays,
	salesCloseTime: ticketTypes.salesCloseTime,
	position: ticketTypes.position,
	priceCents: ticketTypes.priceCents,
	currency: ticketTypes.currency,
	// The coarse state only (src/domain/ticket-availability.ts): live counts would change the cached page at every registration.
	availability: ticketTypes.availability,
};
export type HomeTicket = JsonRow<typeof ticketColumns>;

const callColumns = {
	opensOffsetDays: abstractCalls.opensOffsetDays,
	opensTime: abstractCalls.opensTime,
	closesOffsetDays: abstractCalls.closesOffsetDays,
	closesTime: abstractCalls.closesTime,
	decisionsOffsetDays: abstractCalls.decisionsOffsetDays,
};

const homePageColumns = { body: pages.body };

export interface EditionHome {
	tracks: HomeTrack[];
	highlights: Highlight[];
	/** The Markdown of the committee's published "home" page; "" without one. */
	body: string;
	/** Deadlines of the call for abstracts and of ticket sales, in order. */
	keyDates: KeyDate[];
	/** Whether the edition has a call for abstracts, and tickets: what the home invites visitors to. */
	hasCall: boolean;
	hasTickets: boolean;
	/** The tickets in their order, with their coarse availability, and the edition's across them (null without tickets). */
	tickets: HomeTicket[];
	availability: TicketAvailability | null;
	/** When the first session of day 1 starts and the last one of the last day ends; null without sessions on those days. */
	starts: Date | null;
	ends: Date | null;
}

const HIGHLIGHT_KINDS: SessionKind[] = ["named_lecture", "plenary"];

/** The edition home's own data: two statements, sent at once. */
export async function loadEditionHome(
	db: Database,
	edition: Pick<Edition, "id" | "startDate" | "endDate" | "timeZone">,
): Promise<EditionHome> {
	const lastDay = dayCount(edition.startDate, edition.endDate);
	// Not db.batch(): D1 batches return rows as objects, so drizzle cannot tell apart the joined
	// tables' same-named columns (id, name). Parallel statements cost the same budget.
	const [overview, lectureRows] = await Promise.all([
		// One row of short lists, each a JSON subquery: one statement for all of them.
		db
			.select({
				tracks: jsonRows(tracks, trackColumns, eq(tracks.editionId, editions.id)),
				tickets: jsonRows(ticketTypes, ticketColumns, eq(ticketTypes.editionId, editions.id)),
				call: jsonRows(abstractCalls, callColumns, eq(abstractCalls.editionId, editions.id)),
				home: jsonRows(
					pages,
					homePageColumns,
					and(eq(pages.editionId, editions.id), eq(pages.slug, "home"), eq(pages.published, true)),
				),
				firstStart: sql<string | null>`(${db
					.select({ start: min(sessions.startTime) })
					.from(sessions)
					.where(and(eq(sessions.editionId, editions.id), eq(sessions.day, 1)))})`,
				// Minutes after midnight of the last day (more than a day's when a session runs past midnight).
				lastEnd: sql<number | null>`(${db
					.select({ end: max(sql<number>`${minutesOfDay(sessions.startTime)} + ${sessions.durationMinutes}`) })
					.from(sessions)
					.where(and(eq(sessions.editionId, editions.id), eq(sessions.day, lastDay)))})`,
			})
			.from(editions)
			.where(eq(editions.id, edition.id))
			.get(),
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
			// A speaker's name is published only once they agreed to it.
			.leftJoin(speakers, and(eq(speakers.id, talkSpeakers.speakerId), isNotNull(speakers.consentedAt)))
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
	const tickets = parseJsonRows(ticketColumns, overview?.tickets ?? null);
	const [call] = parseJsonRows(callColumns, overview?.call ?? null);
	return {
		tracks: parseJsonRows(trackColumns, overview?.tracks ?? null).sort(
			(a, b) => a.position - b.position || a.name.localeCompare(b.name),
		),
		highlights: ordered,
		body: parseJsonRows(homePageColumns, overview?.home ?? null)[0]?.body ?? "",
		keyDates: keyDates(edition, call ?? null, tickets),
		hasCall: call !== undefined,
		hasTickets: tickets.length > 0,
		tickets: [...tickets].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
		availability: editionAvailability(tickets),
		starts: overview?.firstStart ? resolveSessionStart(edition, 1, overview.firstStart) : null,
		ends: overview?.lastEnd != null ? endInstant(edition, lastDay, overview.lastEnd) : null,
	};
}

/** The instant `minutes` after midnight of `day` (from 1) on the clocks of the edition's zone. */
function endInstant(edition: ZonedEdition, day: number, minutes: number): Date {
	return resolveOffset(edition, day - 1 + Math.floor(minutes / 1440), clock(minutes % 1440));
}

/** A `HH:MM` column as minutes after midnight, in SQL. */
const minutesOfDay = (column: SQLiteColumn): SQL<number> =>
	sql`(cast(substr(${column}, 1, 2) as integer) * 60 + cast(substr(${column}, 4, 2) as integer))`;
