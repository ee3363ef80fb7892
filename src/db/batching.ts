/**
 * Many outbox rows as few statements as D1 allows, for jobs that mail many people in the batch
 * that also records what they mailed (so a crash can neither send twice nor mark without sending).
 */
import { getTableColumns } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { newId } from "../lib/ids";
import { type MailMessage, outboxRow } from "../lib/mailer";
import type { Database } from "./client";
import { outbox } from "./schema";

/** D1 refuses a statement with more bound parameters than this. */
export const MAX_BOUND_PARAMETERS = 100;

/** `items` in consecutive slices of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/**
 * The inserts that put `messages` in the outbox, several rows per statement, for the caller's
 * batch; the ids are for delivery after the batch.
 *
 * @example const mails = outboxInserts(db, messages); await db.batch([mark, ...mails.statements]);
 */
export function outboxInserts(
	db: Database,
	messages: readonly MailMessage[],
): { ids: string[]; statements: BatchItem<"sqlite">[] } {
	const rows = messages.map((message) => outboxRow(message, newId()));
	// Bound per row: id, to, subject, text and the metadata given (kind, unsubscribe address,
	// edition); every other column defaults in SQL, so binds nothing.
	const perRow = Math.max(1, ...rows.map((row) => Object.keys(row).length));
	return {
		ids: rows.map((row) => row.id),
		statements: chunked(rows, Math.floor(MAX_BOUND_PARAMETERS / perRow)).map((chunk) =>
			db.insert(outbox).values(chunk),
		),
	};
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
