import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";

/**
 * An insert of one row that happens only if `condition` holds when SQLite runs it
 * (`insert into t (…) select ?, ?, … where <condition>`). Inside a batch, the condition sees the
 * earlier statements' writes, so a multi-step change can make every later step depend on the first
 * one having happened (D1 has no interactive transactions, so nothing can be read in between).
 * Columns the row leaves out get their defaults. Add `.returning()` to learn whether it ran.
 *
 * @example insertIf(db, outbox, { id, to, subject, text }, exists(theEditionWeJustCreated))
 */
export function insertIf<T extends SQLiteTable>(db: Database, table: T, row: T["$inferInsert"], condition: SQL) {
	const given = row as Record<string, unknown>;
	// The same columns, in the same order, as drizzle lists after `insert into t`.
	const values = Object.entries(getTableColumns(table)).map(([key, column]) => {
		const value = given[key];
		if (value !== undefined) return is(value, SQL) ? value : sql.param(value, column);
		const fallback = column.default !== undefined ? column.default : column.defaultFn?.();
		if (fallback === undefined) return sql`null`;
		return is(fallback, SQL) ? fallback : sql.param(fallback, column);
	});
	return db.insert(table).select(sql`select ${sql.join(values, sql`, `)} where ${condition}`);
}
