/**
 * The single source of table types. Migrations are generated from this file by drizzle-kit
 * (`npm run db:generate`); zod schemas for validation and the API are derived from it.
 *
 * Data contract (see design.md): text ids made by the app, so parent and child rows can be
 * written in one batch; edition-scoped rows carry `edition_id`, series-scoped rows `series_id`;
 * times are wall-clock (day index, local HH:MM, duration) resolved in the edition's zone only
 * when rendered.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
	integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** A recurring symposium, e.g. AINM. */
export const series = sqliteTable("series", {
	id: text("id").primaryKey(),
	slug: text("slug").notNull().unique(),
	name: text("name").notNull(),
	shortName: text("short_name").notNull(),
	description: text("description").notNull().default(""),
	/** Years between editions: AINM is biennial. */
	cadenceYears: integer("cadence_years").notNull().default(2),
	createdAt: createdAt(),
});

export const EDITION_STATUSES = ["draft", "published", "archived"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** One instance of a series: the tenant. */
export const editions = sqliteTable(
	"editions",
	{
		id: text("id").primaryKey(),
		seriesId: text("series_id")
			.notNull()
			.references(() => series.id, { onDelete: "cascade" }),
		year: integer("year").notNull(),
		name: text("name").notNull(),
		/** Day 1 of the event, `YYYY-MM-DD` in the edition's zone; every other date follows from it. */
		startDate: text("start_date").notNull(),
		/** The last day, `YYYY-MM-DD`. */
		endDate: text("end_date").notNull(),
		/** IANA zone, e.g. Europe/Amsterdam. */
		timeZone: text("time_zone").notNull(),
		hostName: text("host_name").notNull().default(""),
		venueName: text("venue_name").notNull().default(""),
		venueAddress: text("venue_address").notNull().default(""),
		city: text("city").notNull().default(""),
		/** ISO 3166-1 alpha-2. */
		country: text("country").notNull().default(""),
		heroText: text("hero_text").notNull().default(""),
		/** draft: committee only; published: public; archived: held, public and read-only. */
		status: text("status", { enum: EDITION_STATUSES }).notNull().default("draft"),
		/** Bumped by every content write; the edge cache and ETags key on it. */
		contentVersion: integer("content_version").notNull().default(1),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("editions_series_year").on(t.seriesId, t.year)],
);

/** A lecture named in someone's honour, given once per edition (e.g. the Willem Vaalburg lecture). */
export const namedLectures = sqliteTable(
	"named_lectures",
	{
		id: text("id").primaryKey(),
		seriesId: text("series_id")
			.notNull()
			.references(() => series.id, { onDelete: "cascade" }),
		slug: text("slug").notNull(),
		name: text("name").notNull(),
		honoree: text("honoree").notNull(),
		description: text("description").notNull().default(""),
	},
	(t) => [uniqueIndex("named_lectures_series_slug").on(t.seriesId, t.slug)],
);

export const tracks = sqliteTable(
	"tracks",
	{
		id: text("id").primaryKey(),
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		/** Who the track is for, e.g. "clinicians". */
		audience: text("audience").notNull().default(""),
		/** `#rrggbb`. */
		color: text("color").notNull().default("#1f5f8b"),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("tracks_edition").on(t.editionId, t.position)],
);

export const rooms = sqliteTable(
	"rooms",
	{
		id: text("id").primaryKey(),
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		capacity: integer("capacity"),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("rooms_edition").on(t.editionId, t.position)],
);

/** A person record of the edition; optionally linked to a user once accounts exist. */
export const speakers = sqliteTable(
	"speakers",
	{
		id: text("id").primaryKey(),
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		/** Small per-edition number used in URLs (`speakers/{seq}`). */
		seq: integer("seq").notNull(),
		name: text("name").notNull(),
		affiliation: text("affiliation").notNull().default(""),
		bio: text("bio").notNull().default(""),
		orcid: text("orcid"),
	},
	(t) => [uniqueIndex("speakers_edition_seq").on(t.editionId, t.seq)],
);

export const SESSION_KINDS = ["plenary", "track", "panel", "named_lecture", "poster", "break"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A block of the program at a wall-clock time on one day of the edition. */
export const sessions = sqliteTable(
	"sessions",
	{
		id: text("id").primaryKey(),
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		/** Small per-edition number used in URLs (`program/{seq}`) and as the frab event id. */
		seq: integer("seq").notNull(),
		/** Stable UUID for frab's `guid`; survives edits and moves. */
		guid: text("guid").notNull(),
		kind: text("kind", { enum: SESSION_KINDS }).notNull(),
		title: text("title").notNull(),
		description: text("description").notNull().default(""),
		/** Day index from 1. */
		day: integer("day").notNull(),
		/** Local wall-clock start, `HH:MM`. */
		startTime: text("start_time").notNull(),
		durationMinutes: integer("duration_minutes").notNull(),
		trackId: text("track_id").references(() => tracks.id, { onDelete: "set null" }),
		roomId: text("room_id").references(() => rooms.id, { onDelete: "set null" }),
		namedLectureId: text("named_lecture_id").references(() => namedLectures.id, {
			onDelete: "set null",
		}),
	},
	(t) => [
		uniqueIndex("sessions_edition_seq").on(t.editionId, t.seq),
		index("sessions_edition_day").on(t.editionId, t.day, t.startTime),
		index("sessions_named_lecture").on(t.namedLectureId),
	],
);

/** A contribution inside a session (a lecture, a paper, a panel statement). */
export const talks = sqliteTable(
	"talks",
	{
		id: text("id").primaryKey(),
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		sessionId: text("session_id")
			.notNull()
			.references(() => sessions.id, { onDelete: "cascade" }),
		position: integer("position").notNull().default(0),
		title: text("title").notNull(),
		abstract: text("abstract").notNull().default(""),
	},
	(t) => [index("talks_session").on(t.sessionId, t.position), index("talks_edition").on(t.editionId)],
);

export const talkSpeakers = sqliteTable(
	"talk_speakers",
	{
		editionId: text("edition_id")
			.notNull()
			.references(() => editions.id, { onDelete: "cascade" }),
		talkId: text("talk_id")
			.notNull()
			.references(() => talks.id, { onDelete: "cascade" }),
		speakerId: text("speaker_id")
			.notNull()
			.references(() => speakers.id, { onDelete: "cascade" }),
		position: integer("position").notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.talkId, t.speakerId] }), index("talk_speakers_speaker").on(t.speakerId)],
);

export type Series = typeof series.$inferSelect;
export type Edition = typeof editions.$inferSelect;
export type NamedLecture = typeof namedLectures.$inferSelect;
export type Track = typeof tracks.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Talk = typeof talks.$inferSelect;
