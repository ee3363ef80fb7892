import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "../client";
import { editions, namedLectures, rooms, series, sessions, speakers, talkSpeakers, talks, tracks } from "../schema";
import * as ainm from "./ainm";

/**
 * Loads the demo data. Safe to run again: every row has a fixed id and is upserted, so new seed
 * data reaches an existing local database and nothing is duplicated. One batch, so a failure
 * leaves the database as it was.
 */
export async function seedDemo(db: Database): Promise<void> {
	const upsert = <T extends SQLiteTable>(table: T, target: SQLiteColumn | SQLiteColumn[], rows: T["$inferInsert"][]) =>
		rows.map((row) =>
			db
				.insert(table)
				.values(row)
				.onConflictDoUpdate({ target, set: row as never }),
		);

	const statements: BatchItem<"sqlite">[] = [
		...upsert(series, series.id, [ainm.ainmSeries]),
		...upsert(namedLectures, namedLectures.id, ainm.ainmNamedLectures),
		...upsert(editions, editions.id, [ainm.ainm2023]),
		...upsert(tracks, tracks.id, ainm.ainm2023Tracks),
		...upsert(rooms, rooms.id, ainm.ainm2023Rooms),
		...upsert(speakers, speakers.id, ainm.ainm2023Speakers),
		...upsert(sessions, sessions.id, ainm.ainm2023Sessions),
		...upsert(talks, talks.id, ainm.ainm2023Talks),
		...upsert(talkSpeakers, [talkSpeakers.talkId, talkSpeakers.speakerId], ainm.ainm2023TalkSpeakers),
	];
	await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
