/**
 * Facts and figures of an edition, generated from the data it holds, so nobody retypes a number:
 * days, sessions by kind, talks, speakers and their countries, tracks, rooms, named lectures and
 * their lecturers, sponsors and ticket types, plus the figures of later features (./figures.ts).
 * Shown on the committee's dashboard, in the handover dossier of earlier editions, on the public
 * "past editions" context and by the API. Feature functions take a db handle; no HTTP here.
 */
import { z } from "@hono/zod-openapi";
import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import {
	editions,
	namedLectures,
	rooms,
	SESSION_KINDS,
	type SessionKind,
	sessions,
	speakers,
	sponsors,
	talkSpeakers,
	talks,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { readTogether } from "../../db/write";
import { countryName } from "../../lib/countries";
import { dayCount } from "../../lib/dates";
import { type FigureSource, figuresFor } from "./figures";

const names = z.array(z.string());

/** The facts of one edition, as the API returns them. */
export const FactsSchema = z
	.object({
		editionId: z.string(),
		days: z.number().int().openapi({ example: 3 }),
		sessions: z.object({
			total: z.number().int(),
			/** Every kind with at least one session, in the order of SESSION_KINDS. */
			byKind: z.array(z.object({ kind: z.enum(SESSION_KINDS), count: z.number().int() })),
		}),
		talks: z.number().int(),
		/** Speakers who agreed to publication (the countries count only them too). */
		speakers: z.number().int(),
		countries: z.object({
			count: z.number().int(),
			/** ISO 3166-1 alpha-2 codes, in the order of `names`. */
			codes: names,
			/** English names, alphabetical. */
			names,
			/** Speakers whose country is not recorded (they are in no country's count). */
			speakersWithoutCountry: z.number().int(),
		}),
		tracks: names,
		rooms: names,
		namedLectures: z.array(
			z.object({
				lecture: z.string(),
				sessionTitle: z.string(),
				/** Only speakers who agreed to publication; empty when none is known yet. */
				lecturers: names,
			}),
		),
		sponsors: names,
		ticketTypes: names,
		/** Registrations, abstracts and evaluation scores, once those features hold data. */
		figures: z.array(z.object({ label: z.string(), value: z.string() })),
	})
	.openapi("EditionFacts");

export type Facts = z.infer<typeof FactsSchema>;

type NamedList = "track" | "room" | "sponsor" | "ticket";

/** The names of the edition's tracks, rooms, sponsors and ticket types, as one statement. */
function namesOf(db: Database, editionId: string) {
	const of = (kind: NamedList, table: typeof tracks | typeof rooms | typeof sponsors | typeof ticketTypes) =>
		db
			.select({
				kind: sql<NamedList>`${kind}`.as("kind"),
				name: sql<string>`${table.name}`.as("name"),
				position: sql<number>`${table.position}`.as("position"),
			})
			.from(table as typeof tracks)
			.where(eq(table.editionId, editionId));
	return unionAll(of("track", tracks), of("room", rooms), of("sponsor", sponsors), of("ticket", ticketTypes));
}

/**
 * The facts of an edition, or null when there is no such edition. One batch of five statements
 * (plus whatever the figure sources read, in parallel with it). Authorization is the caller's:
 * these are the facts of drafts too.
 *
 * @example const facts = await factsFor(db, "seed-edition-ainm-2023"); facts?.countries.count // 12
 */
export async function factsFor(
	db: Database,
	editionId: string,
	sources?: readonly FigureSource[],
): Promise<Facts | null> {
	// Inside a D1 batch drizzle maps columns by name, so every selected column has a name of its own.
	const [[[edition], kinds, countries, named, lectures], figures] = await Promise.all([
		readTogether(db, [
			db
				.select({
					startDate: editions.startDate,
					endDate: editions.endDate,
					talks: sql<number>`(select count(*) from ${talks} where ${talks.editionId} = ${editionId})`.as("talks"),
				})
				.from(editions)
				.where(eq(editions.id, editionId)),
			db
				.select({ kind: sessions.kind, count: count() })
				.from(sessions)
				.where(eq(sessions.editionId, editionId))
				.groupBy(sessions.kind),
			// Only speakers who agreed to publication count: the facts are public for public editions,
			// and even a country says something about someone who has not agreed to be named.
			db
				.select({ country: speakers.country, count: count() })
				.from(speakers)
				.where(and(eq(speakers.editionId, editionId), isNotNull(speakers.consentedAt)))
				.groupBy(speakers.country),
			namesOf(db, editionId),
			db
				.select({
					lecture: sql<string>`${namedLectures.name}`.as("lecture"),
					sessionTitle: sql<string>`${sessions.title}`.as("session_title"),
					sessionDay: sql<number>`${sessions.day}`.as("session_day"),
					sessionStart: sql<string>`${sessions.startTime}`.as("session_start"),
					lecturer: sql<string | null>`${speakers.name}`.as("lecturer"),
					consentedAt: sql<number | null>`${speakers.consentedAt}`.as("consented_at"),
				})
				.from(sessions)
				.innerJoin(namedLectures, eq(namedLectures.id, sessions.namedLectureId))
				.leftJoin(talks, eq(talks.sessionId, sessions.id))
				.leftJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
				.leftJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
				.where(and(eq(sessions.editionId, editionId), isNotNull(sessions.namedLectureId)))
				.orderBy(asc(sessions.day), asc(sessions.startTime), asc(talks.position), asc(talkSpeakers.position)),
		]),
		figuresFor(db, editionId, undefined, sources),
	]);
	if (!edition) return null;
	return {
		editionId,
		days: dayCount(edition.startDate, edition.endDate),
		sessions: sessionCounts(kinds),
		talks: Number(edition.talks),
		speakers: countries.reduce((sum, row) => sum + row.count, 0),
		countries: countryFacts(countries),
		tracks: namesOfKind(named, "track"),
		rooms: namesOfKind(named, "room"),
		namedLectures: lectureFacts(lectures),
		sponsors: namesOfKind(named, "sponsor"),
		ticketTypes: namesOfKind(named, "ticket"),
		figures,
	};
}

function sessionCounts(rows: { kind: SessionKind; count: number }[]): Facts["sessions"] {
	const byKind = SESSION_KINDS.flatMap((kind) => {
		const found = rows.find((r) => r.kind === kind);
		return found ? [{ kind, count: found.count }] : [];
	});
	return { total: byKind.reduce((sum, k) => sum + k.count, 0), byKind };
}

function countryFacts(rows: { country: string; count: number }[]): Facts["countries"] {
	const known = rows
		.filter((r) => r.country !== "")
		.map((r) => ({ code: r.country, name: countryName(r.country) }))
		.sort((a, b) => a.name.localeCompare(b.name, "en"));
	return {
		count: known.length,
		codes: known.map((c) => c.code),
		names: known.map((c) => c.name),
		speakersWithoutCountry: rows.find((r) => r.country === "")?.count ?? 0,
	};
}

function namesOfKind(rows: { kind: NamedList; name: string; position: number }[], kind: NamedList): string[] {
	return rows
		.filter((r) => r.kind === kind)
		.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, "en"))
		.map((r) => r.name);
}

interface LectureRow {
	lecture: string;
	sessionTitle: string;
	sessionDay: number;
	sessionStart: string;
	lecturer: string | null;
	consentedAt: number | null;
}

/** One entry per named-lecture session, in program order; lecturers only with their consent. */
function lectureFacts(rows: LectureRow[]): Facts["namedLectures"] {
	const bySession = new Map<string, Facts["namedLectures"][number]>();
	for (const row of rows) {
		const key = `${row.sessionDay} ${row.sessionStart} ${row.sessionTitle}`;
		const entry = bySession.get(key) ?? { lecture: row.lecture, sessionTitle: row.sessionTitle, lecturers: [] };
		if (row.lecturer !== null && row.consentedAt !== null && !entry.lecturers.includes(row.lecturer)) {
			entry.lecturers.push(row.lecturer);
		}
		bySession.set(key, entry);
	}
	return [...bySession.values()];
}
