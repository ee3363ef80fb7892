/**
 * Rows of a small table as one JSON column of another statement. The subsite's busiest pages have
 * a budget of three D1 statements (src/README.md, "Query budget"); a page that needs a few short lists
 * besides its main query (the navigation's pages, the home's tracks and deadlines) reads them as
 * scalar subqueries of a statement it sends anyway, instead of one statement each.
 */
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

type Columns = Record<string, SQLiteColumn>;

/** A row as JSON gives it back: the columns' values (booleans would come back as 0/1: leave them out). */
export type JsonRow<T extends Columns> = {
	[K in keyof T]: T[K]["_"]["notNull"] extends true ? T[K]["_"]["data"] : T[K]["_"]["data"] | null;
};

const KEY = /^[A-Za-z]+$/;

/**
 * A scalar subquery giving `columns` of the rows of `table` that match `where`, as JSON array
 * text ("[]" when none); read it back with `parseJsonRows`. JSON keeps no order: sort after parsing.
 *
 * @example db.select({ tracks: jsonRows(tracks, { name: tracks.name }, eq(tracks.editionId, editions.id)) }).from(editions)
 */
export function jsonRows<T extends Columns>(table: SQLiteTable, columns: T, where: SQL | undefined): SQL<string> {
	const fields = Object.entries(columns).map(([key, column]) => {
		// Keys are this code's own names, never input: checked anyway, as they go into the SQL text.
		if (!KEY.test(key)) throw new Error(`Not a JSON key: ${key}`);
		return sql`${sql.raw(`'${key}'`)}, ${column}`;
	});
	return sql<string>`(select json_group_array(json_object(${sql.join(fields, sql`, `)})) from ${table} where ${where})`;
}

/** The rows a `jsonRows` subquery gave. */
export function parseJsonRows<T extends Columns>(_columns: T, text: string | null): JsonRow<T>[] {
	return text ? (JSON.parse(text) as JsonRow<T>[]) : [];
}
