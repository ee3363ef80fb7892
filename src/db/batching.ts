/**
 * Writing many rows within D1's limits: chunks, and multi-row inserts of at most
 * MAX_BOUND_PARAMETERS bound values each.
 */
import { getTableColumns } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";

/** D1 refuses a statement with more bound parameters than this. */
export const MAX_BOUND_PARAMETERS = 100;

/** `items` in consecutive slices of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/**
 * Multi-row inserts of at most MAX_BOUND_PARAMETERS bound values each (every column of a row
 * is at most one bound value). Values are bound, not inlined, so the SQL text of each statement
 * stays a few kilobytes, far below D1's 100 KB statement limit, however long a page's text is.
 */
export function chunkedInserts<T extends SQLiteTable>(
	db: Database,
	table: T,
	rows: readonly T["$inferInsert"][],
): BatchItem<"sqlite">[] {
	const perRow = Object.keys(getTableColumns(table)).length;
	const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / perRow));
	const statements: BatchItem<"sqlite">[] = [];
	for (let i = 0; i < rows.length; i += size) {
		statements.push(db.insert(table).values(rows.slice(i, i + size) as never) as BatchItem<"sqlite">);
	}
	return statements;
}
